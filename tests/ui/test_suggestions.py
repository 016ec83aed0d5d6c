"""Cross-selling suggestions used like a clerk: choose a product, read the ranked customers and why,
export the list, plan follow-ups and make a campaign of the chosen ones; a customer's products."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox

from crmdesk.domain.campaigns import CampaignChannel
from crmdesk.domain.customer import LifecycleStatus
from crmdesk.domain.followups import ContactMethod, FollowUpSource
from crmdesk.domain.orders import Order
from crmdesk.services.suggestions import load_cross_sell
from crmdesk.storage import campaigns as campaign_store
from crmdesk.storage import customers as customer_store
from crmdesk.storage import followups as follow_up_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.ui.suggestions.customer_products import CustomerProductsWidget
from crmdesk.ui.suggestions.suggestion_models import CustomerColumn, ProductColumn
from crmdesk.ui.suggestions.suggestions_access import SuggestionsAccess
from crmdesk.ui.suggestions.suggestions_dialog import SuggestionsDialog
from tests.conftest import TODAY
from tests.factories import make_company
from tests.ui.test_protection import when_shown

COLD, TRUCK, TEA = "Cold storage", "Trucking", "Tea"


@pytest.fixture
def shop(customer_file):
    """Cold storage: bought by KH000001-3 (two of them also trucking); KH000004 resembles them most,
    KH000005 a little, KH000006 is lost, KH000007 shares nothing with them; Trucking is bought by three."""
    cf = customer_file
    made = {}
    for n, (key, industry, province, products, kw) in enumerate([
        ("b1", "物流", "上海市", (COLD, TRUCK), {}),
        ("b2", "物流", "上海市", (COLD, TRUCK), {}),
        ("b3", "食品", "浙江省", (COLD,), {}),
        ("alike", "物流", "上海市", (TRUCK, TRUCK), {"owner": "王经理"}),
        ("region", "教育", "浙江省", (TEA,), {}),
        ("lost", "物流", "上海市", (), {"status": LifecycleStatus.LOST}),
        ("stranger", "教育", "北京市", (), {}),
    ], 1):
        c = customer_store.insert_customer(cf, make_company(
            name=f"测试{n}号公司", credit_code=None, industry=industry, province=province, contacts=(), **kw))
        for product in products:
            order_store.insert_order(cf, Order(c.id, date(2026, 10, n), product, 1, 10_000))
        made[key] = c
    return made


def make_dialog(qtbot, cf: CustomerFile, **kw) -> SuggestionsDialog:
    dialog = SuggestionsDialog(SuggestionsAccess(cf, TODAY), chinese=False, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def column(dialog: SuggestionsDialog, which: CustomerColumn) -> list[str]:
    return [dialog.model.index(r, which).data() for r in range(dialog.model.rowCount())]


def choose(qtbot, dialog: SuggestionsDialog, typed: str) -> None:
    line = dialog.product_combo.lineEdit()
    line.selectAll()
    line.setFocus()
    qtbot.keyClicks(line, typed)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_choose_a_product_and_see_the_ranked_customers_with_why(qtbot, customer_file, shop, qtmodeltester):
    dialog = make_dialog(qtbot, customer_file)
    # The most bought first: Trucking has 3 buyers (Cold storage 3 too: by name, "Cold" < "Trucking").
    assert dialog.product == COLD
    assert [dialog.product_combo.itemText(i) for i in range(dialog.product_combo.count())] == [
        "Cold storage (3 buyer(s))", "Trucking (3 buyer(s))", "Tea (1 buyer(s))"]
    assert column(dialog, CustomerColumn.CODE) == ["KH000004", "KH000005"]
    assert column(dialog, CustomerColumn.OWNER) == ["王经理", "—"]
    # N = 7, 3 buyers: 物流 and 上海市 2 of 3 against 4 of 7, 20 * (2 * 7 - 3 * 4) / (7 * 8) / 100 each;
    # Trucking 40 * (2 * 7 - 3 * 3) / (7 * 8) / 100 = 0.0357; 浙江省 20 * (1 * 7 - 3 * 2) / (7 * 8) / 100.
    assert column(dialog, CustomerColumn.SCORE) == ["0.0500", "0.0036"]
    assert column(dialog, CustomerColumn.WHY)[0] == (
        "Same industry (物流) as 2 of 3 buyers; Same region (上海市) as 2 of 3 buyers; "
        "Bought Trucking: 2 of its 3 buyers also bought Cold storage")
    tip = dialog.model.index(0, CustomerColumn.SCORE).data(Qt.ItemDataRole.ToolTipRole)
    assert "Score 0.0500, the sum of:" in tip and "+0.0357  Bought together: Bought Trucking" in tip
    assert dialog.status.text() == ("3 customer(s) bought it. 2 of the 3 other customers resemble them "
                                    "(lost customers are left out).")
    qtmodeltester.check(dialog.model)

    choose(qtbot, dialog, TEA)
    assert dialog.product == TEA
    assert "KH000005" not in column(dialog, CustomerColumn.CODE)  # its buyer: never suggested


def test_a_buyer_or_a_lost_customer_is_never_listed(qtbot, customer_file, shop):
    dialog = make_dialog(qtbot, customer_file)
    for product in (COLD, TRUCK, TEA):
        dialog.choose_product(product)
        codes = set(column(dialog, CustomerColumn.CODE))
        bought = {c.code for c in shop.values()
                  if any(o.product == product for o in order_store.orders_of(customer_file, c.id))}
        assert not codes & bought
        assert shop["lost"].code not in codes


def test_typed_product_nobody_bought_and_the_limit(qtbot, customer_file, shop):
    dialog = make_dialog(qtbot, customer_file)
    choose(qtbot, dialog, "Coffee")
    assert dialog.product is None and dialog.model.rowCount() == 0
    assert dialog.status.text() == "No orders of “Coffee”."
    assert not dialog.export_button.isEnabled()
    choose(qtbot, dialog, COLD)
    dialog.limit.setValue(1)
    assert column(dialog, CustomerColumn.CODE) == ["KH000004"]
    assert dialog.status.text().endswith("Showing the best 1.")


def test_export_the_list(qtbot, customer_file, shop, tmp_path, monkeypatch):
    dialog = make_dialog(qtbot, customer_file)
    assert dialog.suggested_path() == customer_file.path.parent / "Suggestions-Cold storage-2026-11-23.xlsx"
    out = tmp_path / "offer.csv"
    monkeypatch.setattr(dialog, "ask_export_path", lambda: out)
    with qtbot.waitSignal(dialog.exported) as written:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert written.args == [str(out)]
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))
    assert rows[0] == ["Product", "Rank", "Customer code", "Customer name", "Owner", "Score", "Why"]
    assert [r[2] for r in rows[1:]] == ["KH000004", "KH000005"]
    assert dialog.done_line.text() == f"2 row(s) written to {out}"


def test_an_export_that_cannot_be_written_says_so(qtbot, customer_file, shop, tmp_path, monkeypatch):
    dialog = make_dialog(qtbot, customer_file)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    assert dialog.export_to(tmp_path / "no such folder" / "x.xlsx") is None
    assert warned and warned[0].startswith("The file could not be written:")


def _type(qtbot, line: QLineEdit, text: str) -> None:
    line.selectAll()
    line.setFocus()
    qtbot.keyClicks(line, text)


def _ok(dialog: QDialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def test_plan_follow_ups_for_the_chosen_customers(qtbot, customer_file, shop):
    dialog = make_dialog(qtbot, customer_file)
    assert not dialog.follow_up_button.isEnabled()
    dialog.view.selectAll()
    assert dialog.selected_ids() == [shop["alike"].id, shop["region"].id]
    seen = {}

    def fill(plan: QDialog) -> None:
        seen["title"] = plan.windowTitle()
        seen["purpose"] = plan.findChild(QLineEdit, "plan_purpose").text()
        _type(qtbot, plan.findChild(QLineEdit, "plan_date"), "2026-11-30")
        _type(qtbot, plan.findChild(QLineEdit, "plan_time"), "9:30")
        qtbot.mouseClick(_ok(plan), Qt.MouseButton.LeftButton)

    when_shown("plan_follow_ups_dialog", fill)
    with qtbot.waitSignal(dialog.follow_ups_planned) as planned:
        qtbot.mouseClick(dialog.follow_up_button, Qt.MouseButton.LeftButton)
    assert planned.args == [2]
    assert seen == {"title": "Plan follow-ups for 2 customer(s)", "purpose": "Recommend Cold storage"}
    stored = follow_up_store.follow_ups_of(customer_file, shop["alike"].id)
    assert [(f.due_date, f.due_time, f.method, f.purpose, f.owner, f.source) for f in stored] == [
        (date(2026, 11, 30), "09:30", ContactMethod.PHONE, "Recommend Cold storage", "王经理", FollowUpSource.MANUAL)]
    assert dialog.done_line.text() == "Planned 2 follow-up(s)."

    # Again for the first one: it already has one for this purpose.
    dialog.view.selectRow(0)
    when_shown("plan_follow_ups_dialog", lambda plan: qtbot.mouseClick(_ok(plan), Qt.MouseButton.LeftButton))
    qtbot.mouseClick(dialog.follow_up_button, Qt.MouseButton.LeftButton)
    assert dialog.done_line.text() == (
        "Planned 0 follow-up(s). 1 customer(s) already had one planned for this purpose.")
    assert len(follow_up_store.follow_ups_of(customer_file, shop["alike"].id)) == 1


def test_a_follow_up_without_purpose_is_refused_under_its_field(qtbot, customer_file, shop):
    dialog = make_dialog(qtbot, customer_file)
    dialog.view.selectRow(0)
    seen = {}

    def fill(plan: QDialog) -> None:
        plan.findChild(QLineEdit, "plan_purpose").clear()
        qtbot.mouseClick(_ok(plan), Qt.MouseButton.LeftButton)
        seen["error"] = plan.findChild(QLabel, "plan_error_purpose").text()
        seen["open"] = plan.isVisible()
        plan.reject()

    when_shown("plan_follow_ups_dialog", fill)
    qtbot.mouseClick(dialog.follow_up_button, Qt.MouseButton.LeftButton)
    assert seen == {"error": "Required.", "open": True}
    assert follow_up_store.follow_ups_of(customer_file, shop["alike"].id) == []
    assert dialog.done_line.text() == ""


def test_make_a_campaign_of_the_chosen_customers(qtbot, customer_file, shop):
    dialog = make_dialog(qtbot, customer_file)
    dialog.view.selectAll()
    seen = {}

    def fill(make: QDialog) -> None:
        seen["name"] = make.findChild(QLineEdit, "suggested_campaign_name").text()
        _type(qtbot, make.findChild(QLineEdit, "suggested_campaign_end"), "2026-11-01")
        qtbot.mouseClick(_ok(make), Qt.MouseButton.LeftButton)  # ends before it starts: refused
        seen["error"] = make.findChild(QLabel, "suggested_campaign_error_end").text()
        _type(qtbot, make.findChild(QLineEdit, "suggested_campaign_end"), "2026-12-31")
        _type(qtbot, make.findChild(QLineEdit, "suggested_campaign_cost"), "500")
        qtbot.mouseClick(_ok(make), Qt.MouseButton.LeftButton)

    when_shown("make_campaign_dialog", fill)
    with qtbot.waitSignal(dialog.campaign_created) as created:
        qtbot.mouseClick(dialog.campaign_button, Qt.MouseButton.LeftButton)
    assert seen["name"] == "Recommend Cold storage" and seen["error"]
    (campaign,) = campaign_store.campaigns(customer_file)
    assert created.args == [campaign.id]
    assert (campaign.name, campaign.channel, campaign.start_date, campaign.end_date, campaign.cost) == (
        "Recommend Cold storage", CampaignChannel.SMS, TODAY, date(2026, 12, 31), 50_000)
    assert campaign_store.stored_targets(customer_file, campaign.id) == {shop["alike"].id: None,
                                                                         shop["region"].id: None}
    assert dialog.done_line.text() == "Campaign “Recommend Cold storage” made with 2 customer(s)."


def test_a_double_click_opens_the_customer(qtbot, customer_file, shop):
    dialog = make_dialog(qtbot, customer_file)
    rect = dialog.view.visualRect(dialog.model.index(0, CustomerColumn.NAME))
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(dialog.open_customer) as opened:
        qtbot.mouseDClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [shop["alike"].id]


def test_a_read_only_file_exports_but_plans_nothing(qtbot, customer_file, shop):
    path = customer_file.path
    customer_file.close()
    with CustomerFile.open(path, read_only=True) as cf:
        dialog = make_dialog(qtbot, cf)
        dialog.view.selectAll()
        assert dialog.export_button.isEnabled()
        assert not dialog.follow_up_button.isEnabled() and not dialog.campaign_button.isEnabled()
        dialog.close()


def test_profiles_read_on_the_worker_are_used_until_the_file_changes(qtbot, customer_file, shop):
    access = SuggestionsAccess(customer_file, TODAY, cross_sell=load_cross_sell(customer_file))
    first = access.cross_sell()
    assert access.cross_sell() is first
    order_store.insert_order(customer_file, Order(shop["alike"].id, TODAY, COLD, 1, 100))
    assert access.cross_sell() is not first
    assert shop["alike"].code not in [s.code for s in access.customers_for(COLD).suggestions]


def test_products_people_like_them_buy(qtbot, customer_file, shop, qtmodeltester):
    widget = CustomerProductsWidget(SuggestionsAccess(customer_file, TODAY))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.title.text() == "Products people like them buy"
    with qtbot.waitSignal(widget.shown) as shown:
        widget.show_customer(shop["alike"].id)
    assert shown.args == [shop["alike"].id]
    model = widget.model
    assert [model.index(0, c).data() for c in ProductColumn][:3] == [COLD, "3", "0.0500"]
    assert model.index(0, ProductColumn.WHY).data().startswith("Same industry (物流) as 2 of 3 buyers")
    qtmodeltester.check(model)

    rect = widget.view.visualRect(model.index(0, ProductColumn.PRODUCT))
    qtbot.mouseClick(widget.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    activated = []
    widget.product_activated.connect(activated.append)
    qtbot.mouseDClick(widget.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated == [COLD]  # once

    widget.show_customer(shop["lost"].id)  # resembles the buyers of both products
    assert [model.index(r, ProductColumn.PRODUCT).data() for r in range(model.rowCount())] == [TRUCK, COLD]
    widget.show_customer(None)
    assert model.rowCount() == 0 and widget.view.isHidden() and widget.empty.isHidden()


def test_a_customer_nobody_resembles_is_told_so(qtbot, customer_file, shop):
    loner = customer_store.insert_customer(customer_file, make_company(
        name="孤独公司", credit_code=None, industry="矿业", province="西藏自治区", contacts=()))
    widget = CustomerProductsWidget(SuggestionsAccess(customer_file, TODAY))
    qtbot.addWidget(widget)
    widget.show()
    widget.show_customer(loner.id)
    assert widget.model.rowCount() == 0 and widget.empty.isVisible()
    assert widget.empty.text().startswith("No product to suggest")
