"""The pipeline window, used as a user would: a new opportunity typed in, moved by keyboard and by drop."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from crmdesk.domain.customer import LifecycleStatus
from crmdesk.domain.pipeline import Opportunity, PipelineRules
from crmdesk.services import pipeline
from crmdesk.storage import customers as store
from crmdesk.storage import opportunities as opportunity_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.ui.pipeline.pipeline_access import PipelineAccess
from crmdesk.ui.pipeline.pipeline_board import PipelineWindow
from tests.factories import make_company, make_person
from tests.ui.test_main_window import make_window, open_and_wait  # noqa: F401 (fixture)
from tests.ui.test_protection import when_shown

TODAY = date(2026, 11, 23)


@pytest.fixture
def sales_file(tmp_path):
    path = tmp_path / "sales.crmdesk"
    with CustomerFile.create(path) as cf:
        store.insert_customer(cf, make_person(name="张三", mobile="13800138000", status=LifecycleStatus.PROSPECT,
                                              owner="李娜"))
        store.insert_customer(cf, make_company(name="北京顺达物流有限公司"))
    return path


def _press(qtbot, window: PipelineWindow, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    window.window().activateWindow()
    qtbot.waitUntil(lambda: window.window().isActiveWindow())
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_a_new_opportunity_moved_to_won_makes_the_order_and_the_customer_active(qtbot, make_window, sales_file):
    window = make_window()
    open_and_wait(qtbot, window, sales_file)
    window.show_pipeline()
    board = window.pipeline
    qtbot.waitUntil(lambda: board.isVisible())

    dialog = board.new_opportunity()
    qtbot.keyClicks(dialog.customer, "zs")  # pinyin initials of 张三
    dialog.customer.search_now()
    dialog.customer.choose("KH000001 张三")
    assert dialog.owner.currentText() == "李娜"  # the customer's owner, by default
    qtbot.keyClicks(dialog.form.line("title"), "Cold chain contract")
    qtbot.keyClicks(dialog.form.line("product"), "Cold storage")
    qtbot.keyClicks(dialog.form.line("amount"), "12880")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: board.card_texts("initial") != [])
    assert board.card_texts("initial") == ["Cold chain contract\n张三\n¥12,880.00 · 李娜\n0 days in this stage"]
    assert "Open: 1 opportunities, ¥12,880.00; weighted pipeline ¥1,288.00" == board.summary.text()

    # Ctrl+→ three times: 需求确认, 方案报价, 谈判; the card keeps the focus.
    for stage in ("needs", "proposal", "negotiation"):
        _press(qtbot, board, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda s=stage: board.card_texts(s) != [])
    assert board.current_opportunity().stage == "negotiation"

    # On to 赢单: record the order the deal brings, as proposed.
    def record(box: QMessageBox) -> None:
        next(b for b in box.buttons() if b.text() == "Record the order…").click()

    def save_order(order_dialog) -> None:
        assert order_dialog.form.text("product") == "Cold storage"
        assert order_dialog.form.text("amount") == "12,880.00"
        order_dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_shown("pipeline_won_question", record)
    when_shown("pipeline_won_order_dialog", save_order)
    _press(qtbot, board, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: board.card_texts("won") != [])
    assert board.card_texts("won") == ["Cold chain contract\n张三\n¥12,880.00 · 李娜"]

    cf = window.session.gui
    [order] = order_store.orders_of(cf, 1)
    assert (order.product, order.amount, order.order_date) == ("Cold storage", 1_288_000, TODAY)
    [opp] = opportunity_store.opportunities_of(cf, 1)
    assert opp.order_id == order.id
    assert [s.stage for s in opportunity_store.stays(cf, opp.id)] == ["initial", "needs", "proposal", "negotiation",
                                                                      "won"]
    assert store.get_customer(cf, 1).status is LifecycleStatus.ACTIVE
    qtbot.waitUntil(lambda: window.detail.current() is not None or True)


@pytest.fixture
def board(qtbot, tmp_path):
    cf = CustomerFile.create(tmp_path / "board.crmdesk")
    customer = store.insert_customer(cf, make_company(name="杭州顺达物流有限公司", owner="王强"))
    for title, amount, stage in (("Warehouse", 500_000, "initial"), ("Line haul", 9_000_000, "proposal")):
        opp = pipeline.save_opportunity(cf, Opportunity(customer_id=customer.id, title=title, amount=amount,
                                                        stage="initial", opened_on=date(2026, 10, 1),
                                                        owner="王强")).opportunity
        pipeline.move(cf, opp, stage, date(2026, 11, 20))
    widget = PipelineWindow(PipelineAccess(cf, TODAY))
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    cf.close()


def test_columns_show_their_figures_and_flag_stuck_and_large_deals(board):
    assert board.columns["initial"].title.text() == "Initial contact · 10%"
    assert board.columns["proposal"].figures.text() == "1 · ¥90,000.00\nWeighted ¥45,000.00"
    assert board.card_texts("initial") == ["Warehouse\n杭州顺达物流有限公司\n¥5,000.00 · 王强\n53 days in this stage"]
    warehouse = board.columns["initial"].list.item(0)
    assert "No move for 53 days (more than 30)" in warehouse.toolTip()
    assert "Large deal: ¥50,000.00 or more" in board.columns["proposal"].list.item(0).toolTip()


def test_dropping_a_card_on_a_column_moves_it(board):
    opp = next(c.opportunity for c in board._cards.values() if c.opportunity.title == "Warehouse")
    assert board.select(opp.id)
    board.columns["needs"].list.dropped.emit(opp.id, "needs")  # what a drop on the column emits
    assert board.card_texts("initial") == []
    assert board.card_texts("needs")[0].startswith("Warehouse")
    assert "Open: 2 opportunities, ¥95,000.00; weighted pipeline ¥46,250.00" == board.summary.text()


def test_lost_asks_the_reason_and_refuses_none(qtbot, board):
    opp = next(c.opportunity for c in board._cards.values() if c.opportunity.title == "Warehouse")

    def answer(text):
        def act(dialog):
            dialog.setTextValue(text)
            dialog.accept()
        return act

    when_shown("pipeline_lost_reason", answer("Price too high"))
    assert board.move(opp.id, "lost")
    assert board.card_texts("lost") == ["Warehouse\n杭州顺达物流有限公司\n¥5,000.00 · 王强\nPrice too high"]


def test_the_funnel_tab_draws_and_tabulates(qtbot, board):
    board.tabs.setCurrentIndex(1)
    table = board.funnel_table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [
        "Initial contact", "Needs confirmed", "Proposal and quote", "Negotiation", "Won"]
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == ["2", "1", "1", "0", "0"]
    assert table.item(0, 3).text() == "50.0%"
    assert table.item(0, 4).text() == "50.0 (1 stays)"
    assert board.funnel_canvas is not None and board.funnel_canvas.hovers()


def test_owner_filter_narrows_cards_and_figures(qtbot, board):
    assert [board.owner_filter.itemText(i) for i in range(board.owner_filter.count())] == ["Everyone", "王强"]
    board.owner_filter.setCurrentIndex(1)
    assert len(board.card_texts("initial")) == 1
    board.search.setText("haul")
    assert board.card_texts("initial") == [] and len(board.card_texts("proposal")) == 1


def test_stages_are_the_files_own_renamed_added_and_reordered(qtbot, board):
    dialog = board.edit_settings()
    table = dialog.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [
        "Initial contact", "Needs confirmed", "Proposal and quote", "Negotiation", "Won", "Lost"]
    table.item(1, 0).setText("样品测试")  # 需求确认 renamed
    table.item(1, 1).setText("30")
    table.setCurrentCell(3, 0)
    dialog.add_stage()  # after the last open stage
    table.item(4, 0).setText("合同审批")
    table.item(4, 1).setText("90")
    table.setCurrentCell(4, 0)
    dialog.shift(-1)  # before 谈判
    dialog.stuck_days.setValue(60)
    dialog.large_deal.setText("100,000")
    dialog.box.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    stages = board._access.stages()
    assert [(s.key, s.name, s.probability) for s in stages.open] == [
        ("initial", "", 10), ("needs", "样品测试", 30), ("proposal", "", 50), ("stage_1", "合同审批", 90),
        ("negotiation", "", 75)]
    assert board._access.rules() == PipelineRules(10_000_000, 60)
    assert list(board.columns) == ["initial", "needs", "proposal", "stage_1", "negotiation", "won", "lost"]
    assert board.columns["needs"].title.text() == "样品测试 · 30%"
    assert "No move for" not in board.columns["initial"].list.item(0).toolTip()  # 53 days < 60


def test_a_stage_holding_opportunities_is_not_removed_and_bad_rows_are_refused(qtbot, board, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    dialog = board.edit_settings()
    dialog.table.setCurrentCell(0, 0)
    dialog.remove_stage()
    assert told == ["1 opportunities are in this stage. Move them to another stage first."]
    assert dialog.table.rowCount() == 6
    dialog.table.item(2, 1).setText("fifty")
    dialog.table.item(3, 0).setText("")  # fine: a default stage keeps its name
    dialog.box.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.error.text() == "Row 3: the probability is a whole number from 0 to 100."
    dialog.table.item(2, 1).setText("50")
    dialog.large_deal.setText("0")
    dialog.box.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "large-deal amount" in dialog.error.text()
    dialog.reject()


def test_the_sales_menu_opens_its_windows_in_the_users_language(qtbot, make_window, sales_file):
    window = make_window("zh_CN")
    open_and_wait(qtbot, window, sales_file)
    menu = window.sales_menu
    assert menu.title() == "销售(&S)"
    assert [a.text() for a in menu.actions() if a.text()][:3] == [
        "销售漏斗(&P)", "为此客户新建业务机会(&O)…", "市场活动(&C)"]
    window.act_campaigns.trigger()
    campaigns_window, _widget = window._sales_windows["campaigns"]
    assert campaigns_window.isVisible() and campaigns_window.windowTitle() == "市场活动"
    window.act_pipeline.trigger()
    pipeline_window, board = window._sales_windows["pipeline"]
    assert pipeline_window.windowTitle() == "销售漏斗"
    assert board.columns["initial"].title.text() == "初步接洽 · 10%"


def test_cross_selling_suggestions_open_from_the_sales_menu(qtbot, make_window, sales_file):
    with CustomerFile.open(sales_file) as cf:
        from crmdesk.domain.orders import Order
        from crmdesk.storage import orders as orders_store

        orders_store.insert_order(cf, Order(2, TODAY, "冷链仓储", 1, 100_000))
    window = make_window()
    open_and_wait(qtbot, window, sales_file)
    window.act_suggestions.trigger()
    from crmdesk.ui.suggestions.suggestions_dialog import SuggestionsDialog

    qtbot.waitUntil(lambda: any(isinstance(d, SuggestionsDialog) for d in window._documents), timeout=10_000)
    dialog = next(d for d in window._documents if isinstance(d, SuggestionsDialog))
    assert dialog.isVisible() and dialog.choose_product("冷链仓储")


def test_a_customers_sales_section_lists_its_opportunities_and_adds_one(qtbot, make_window, sales_file):
    window = make_window()
    open_and_wait(qtbot, window, sales_file)
    window.show_customer_id(1)
    qtbot.waitUntil(lambda: window.detail.current() is not None and window.detail.current().id == 1)
    tab = window.detail.sales_tab
    window.detail.sections.setCurrentWidget(tab)
    assert window.detail.sections.tabText(window.detail.sections.indexOf(tab)) == "Sales"
    assert tab.table.rowCount() == 0
    dialog = tab.edit(None)
    assert dialog.customer.text() == "KH000001 张三"
    qtbot.keyClicks(dialog.form.line("title"), "Annual storage")
    qtbot.keyClicks(dialog.form.line("amount"), "3000")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1)
    assert [tab.table.item(0, c).text() for c in range(5)] == ["Annual storage", "Initial contact", "¥3,000.00", "",
                                                               "李娜"]
