"""The main window, used as a user would: typing, clicking, reading what is shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton

from crmdesk.domain.customer import CustomerKind
from crmdesk.storage import customers as store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.ui.customer_list.table_model import Column
from crmdesk.ui.i18n import Translations
from crmdesk.ui.main_window import MainWindow
from crmdesk.ui.preferences import Preferences
from crmdesk.ui.tasks import TaskRunner
from tests.factories import make_company, make_person
from tests.ui.typing import type_text

TODAY = date(2026, 11, 23)


@pytest.fixture
def shop_file(tmp_path) -> Path:
    path = tmp_path / "shop.crmdesk"
    with CustomerFile.create(path) as cf:
        for customer in (
            make_person(name="张三", mobile="13800138000"),
            make_person(name="李四", mobile="13912345678"),
            make_person(name="王五", mobile="13700001111"),
            make_company(name="北京顺达物流有限公司"),
        ):
            store.insert_customer(cf, customer)
    return path


@pytest.fixture
def make_window(qtbot, tmp_path):
    windows = []

    def make(language: str = "en") -> MainWindow:
        prefs = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
        translations = Translations(QApplication.instance())
        translations.install(language)
        runner = TaskRunner()
        window = MainWindow(prefs=prefs, translations=translations, runner=runner, today=TODAY)
        window.show()
        windows.append((window, runner, translations))
        return window

    yield make
    for window, runner, translations in windows:
        if window.detail.is_dirty():
            window.detail.revert()  # closing would ask, modally
        window.close()
        runner.shutdown()
        translations.install("en")


def open_and_wait(qtbot, window: MainWindow, path: Path) -> None:
    window.open_path(path)
    qtbot.waitUntil(lambda: window.session is not None and window.model.rowCount() > 0, timeout=10_000)


def names_shown(window: MainWindow) -> list[str]:
    model = window.model
    return [model.data(model.index(r, Column.NAME)) for r in range(model.rowCount())]


def test_first_run_offers_new_open_and_demo(make_window):
    window = make_window()
    assert window.stack.currentWidget() is window.welcome
    buttons = {b.objectName(): b.text() for b in window.welcome.findChildren(QPushButton)}
    assert buttons["welcome_new"] == "Create a new customer file…"
    assert buttons["welcome_demo"] == "Open the demo file"


def test_typing_zs_shows_zhang_san(qtbot, make_window, shop_file):
    window = make_window()
    open_and_wait(qtbot, window, shop_file)
    assert window.count_label.text() == "4 customers"
    qtbot.keyClicks(window.filter_bar.search, "zs")
    qtbot.waitUntil(lambda: names_shown(window) == ["张三"], timeout=5_000)
    assert window.count_label.text() == "1 of 4 customers"
    window.filter_bar.search.clear()
    qtbot.keyClicks(window.filter_bar.search, "nobody")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=5_000)
    assert window.list_view.empty_text == "No customers match."


def test_stale_search_results_are_dropped(qtbot, make_window, shop_file):
    window = make_window()
    open_and_wait(qtbot, window, shop_file)
    query = window.filter_bar.query()
    window._run_query(query.__class__(text="ls"))  # 李四
    window._run_query(query.__class__(text="ww"))  # 王五, typed later
    qtbot.waitUntil(lambda: window.runner.busy == 0, timeout=5_000)
    assert names_shown(window) == ["王五"]


def test_sorting_by_name_is_done_in_sql(qtbot, make_window, shop_file):
    window = make_window()
    open_and_wait(qtbot, window, shop_file)
    window.list_view.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: names_shown(window)[0] == "北京顺达物流有限公司", timeout=5_000)
    assert names_shown(window) == ["北京顺达物流有限公司", "李四", "王五", "张三"]


def _field(window: MainWindow, name: str) -> QLineEdit:
    return window.detail.findChild(QLineEdit, f"field_{name}")


def test_bad_phone_shows_the_message_and_saves_nothing(qtbot, make_window, shop_file):
    window = make_window()
    open_and_wait(qtbot, window, shop_file)
    window.act_new_person.trigger()
    type_text(qtbot, _field(window, "name"), "赵六")
    qtbot.keyClicks(_field(window, "mobile"), "12345678901")
    qtbot.mouseClick(window.detail.findChild(QPushButton, "save_button"), Qt.MouseButton.LeftButton)
    error = window.detail.findChild(type(window.count_label), "error_mobile")
    assert error.isVisible() and "mobile number" in error.text()
    with CustomerFile.open(shop_file, read_only=True) as cf:
        assert store.customer_count(cf) == 4


def test_company_with_two_contacts_survives_reopening(qtbot, make_window, shop_file, monkeypatch):
    window = make_window()
    open_and_wait(qtbot, window, shop_file)
    window.act_new_company.trigger()
    type_text(qtbot, _field(window, "name"), "上海捷运供应链有限公司")
    contacts = window.detail.findChild(QPushButton, "add_contact").parent()
    from crmdesk.domain.customer import ContactPerson

    contacts.set_contacts((
        ContactPerson(name="陈静", title="采购经理", mobile="13600001234", is_primary=True),
        ContactPerson(name="刘洋", title="物流主管", mobile="13500005678"),
    ))
    contacts.edited.emit()
    assert window.detail.is_dirty()
    window.act_save.trigger()
    qtbot.waitUntil(lambda: "上海捷运供应链有限公司" in names_shown(window), timeout=5_000)
    window.close()

    again = make_window()
    open_and_wait(qtbot, again, shop_file)
    type_text(qtbot, again.filter_bar.search, "捷运")
    qtbot.waitUntil(lambda: names_shown(again) == ["上海捷运供应链有限公司"], timeout=5_000)
    again.list_view.setCurrentIndex(again.model.index(0, 0))
    shown = again.detail.current()
    assert [c.name for c in shown.contacts] == ["陈静", "刘洋"]
    assert shown.kind is CustomerKind.COMPANY


def test_delete_then_restore_from_the_recycle_bin(qtbot, make_window, shop_file, monkeypatch):
    window = make_window()
    open_and_wait(qtbot, window, shop_file)
    window.list_view.setCurrentIndex(window.model.index(names_shown(window).index("李四"), 0))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.act_delete.trigger()
    qtbot.waitUntil(lambda: "李四" not in names_shown(window), timeout=5_000)
    assert window.count_label.text() == "3 customers"

    from crmdesk.ui.dialogs.recycle_bin_dialog import RecycleBinDialog

    dialog = RecycleBinDialog(window.session.gui, today=TODAY, parent=window)
    dialog.restored.connect(window._on_restored)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert dialog.model.data(dialog.model.index(0, Column.NAME)) == "李四"
    dialog.view.setCurrentIndex(dialog.model.index(0, 0))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0
    qtbot.waitUntil(lambda: "李四" in names_shown(window), timeout=5_000)


def test_undo_delete(qtbot, make_window, shop_file, monkeypatch):
    window = make_window()
    open_and_wait(qtbot, window, shop_file)
    window.list_view.setCurrentIndex(window.model.index(0, 0))
    first = names_shown(window)[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.act_delete.trigger()
    qtbot.waitUntil(lambda: first not in names_shown(window), timeout=5_000)
    window.act_undo_delete.trigger()
    qtbot.waitUntil(lambda: first in names_shown(window), timeout=5_000)


def test_switching_language_relabels_the_window(qtbot, make_window, shop_file):
    window = make_window("zh_CN")
    open_and_wait(qtbot, window, shop_file)
    assert window.file_menu.title() == "文件(&F)"
    assert window.model.headerData(Column.NAME, Qt.Orientation.Horizontal) == "客户名称"
    assert window.count_label.text() == "共 4 位客户"
    window.translations.install("en")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
    assert window.model.headerData(Column.NAME, Qt.Orientation.Horizontal) == "Name"
    assert window.act_new_person.text() == "New &personal customer"


def test_window_layout_is_remembered(qtbot, make_window, shop_file):
    window = make_window()
    open_and_wait(qtbot, window, shop_file)
    window.list_view.horizontalHeader().setSectionHidden(Column.OWNER, True)
    window.resize(790, 520)  # the offscreen screen is 800x600
    closed_size = window.size()
    window.close()
    again = make_window()
    assert again.list_view.horizontalHeader().isSectionHidden(Column.OWNER)
    assert again.size() == closed_size


def test_leaving_unsaved_edits_asks_and_cancel_stays(qtbot, make_window, shop_file, monkeypatch):
    window = make_window()
    open_and_wait(qtbot, window, shop_file)
    window.list_view.setCurrentIndex(window.model.index(0, 0))
    first = window.detail.current()
    _field(window, "name").setText("改过的名字")
    assert window.detail.is_dirty() and window.act_save.isEnabled()
    asked = []

    def answer(choice):
        def question(*args, **kwargs):
            asked.append(args[2])
            return choice
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    window.act_next.trigger()
    assert asked and "not saved" in asked[0]
    assert window.detail.current().id == first.id
    assert _field(window, "name").text() == "改过的名字"

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    window.act_next.trigger()
    assert window.detail.current().id != first.id
    with CustomerFile.open(shop_file, read_only=True) as cf:
        assert store.get_customer(cf, first.id).name == first.name


def test_the_last_file_opens_again(qtbot, make_window, shop_file):
    window = make_window()
    open_and_wait(qtbot, window, shop_file)
    window.close()
    again = make_window()
    again.open_initial(None)
    qtbot.waitUntil(lambda: again.session is not None and again.model.rowCount() == 4, timeout=10_000)
    assert again.session.path == shop_file


def test_preferences_switch_the_language(qtbot, make_window, shop_file):
    from PySide6.QtCore import QTimer

    from crmdesk.ui.dialogs.preferences_dialog import PreferencesDialog

    window = make_window("en")
    open_and_wait(qtbot, window, shop_file)

    def choose_chinese():
        dialog = window.findChild(PreferencesDialog)
        dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
        dialog.accept()

    QTimer.singleShot(0, choose_chinese)
    window.act_preferences.trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
    assert window.act_new_company.text() == "新建企业客户(&C)"
    assert window.count_label.text() == "共 4 位客户"


def test_edit_puts_the_cursor_in_the_form(qtbot, make_window, shop_file):
    window = make_window()
    open_and_wait(qtbot, window, shop_file)
    window.list_view.setCurrentIndex(window.model.index(0, 0))
    window.act_edit.trigger()
    assert QApplication.focusWidget() is _field(window, "name")


def test_cancel_stops_a_long_open_and_changes_nothing(qtbot, make_window, shop_file, monkeypatch):
    import threading

    from crmdesk.ui import file_session

    started, release = threading.Event(), threading.Event()
    real_open = file_session.open_file

    def slow_open(path, cancellation, **kwargs):
        started.set()
        release.wait(5)  # the check is "running" when the user clicks Cancel
        return real_open(path, cancellation=cancellation, **kwargs)

    monkeypatch.setattr(file_session, "open_file", slow_open)
    window = make_window()
    window.open_path(shop_file)
    assert started.wait(5)
    assert window.cancel_button.isVisible() and window.cancel_button.text() == "Cancel"
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not window.busy_bar.isVisible(), timeout=5_000)
    assert window.session is None
    assert window.statusBar().currentMessage() == "Opening cancelled; the file was not changed."
    assert window.stack.currentWidget() is window.welcome


@pytest.fixture
def ledger_file(shop_file) -> Path:
    from crmdesk.domain.orders import Order, Payment
    from crmdesk.storage import orders as order_store

    with CustomerFile.open(shop_file) as cf:
        ids = {store.get_customer(cf, i).name: i for i in store.customer_ids(cf)}
        company = ids["北京顺达物流有限公司"]
        store.update_customer(cf, store.get_customer(cf, company).with_changes(credit_limit=1_000_000))
        order_store.insert_ledger_rows(cf, [
            Order(customer_id=company, order_date=date(2026, 7, 1), product="整车", quantity=1, amount=800_000),
            Order(customer_id=company, order_date=date(2026, 11, 1), product="零担", quantity=2, amount=400_000),
            Order(customer_id=ids["张三"], order_date=date(2026, 11, 20), product="快递", quantity=1, amount=5_000),
        ], [Payment(customer_id=ids["张三"], paid_date=date(2026, 11, 21), amount=2_000)])
    return shop_file


def test_receivable_column_and_ledger_overview(qtbot, make_window, ledger_file):
    from crmdesk.ui.dialogs.ledger_dialog import LedgerColumn, LedgerDialog

    window = make_window()
    open_and_wait(qtbot, window, ledger_file)
    receivables = {names_shown(window)[r]: window.model.data(window.model.index(r, Column.RECEIVABLE))
                   for r in range(window.model.rowCount())}
    assert receivables == {"张三": "30.00", "李四": "", "王五": "", "北京顺达物流有限公司": "12,000.00"}

    window.act_ledger.trigger()
    qtbot.waitUntil(lambda: window.findChild(LedgerDialog) is not None, timeout=5_000)
    dialog = window.findChild(LedgerDialog)
    model = dialog.model
    cell = lambda r, c: model.data(model.index(r, c))  # noqa: E731
    assert [cell(r, LedgerColumn.NAME) for r in range(model.rowCount())] == ["北京顺达物流有限公司", "张三"]
    assert cell(0, LedgerColumn.RECEIVABLE) == "12,000.00"
    assert cell(0, LedgerColumn.DAYS_OVER_90) == "8,000.00" and cell(0, LedgerColumn.OLDEST) == "Over 90 days"
    assert cell(1, LedgerColumn.OLDEST) == "0–30 days"
    assert "2 customers" in dialog.totals.text() and "1 over their credit limit" in dialog.totals.text()
    dialog.view.sortByColumn(LedgerColumn.OLDEST, Qt.SortOrder.DescendingOrder)
    assert cell(0, LedgerColumn.OLDEST) == "Over 90 days"
    dialog.view.sortByColumn(LedgerColumn.OLDEST, Qt.SortOrder.AscendingOrder)
    assert cell(0, LedgerColumn.OLDEST) == "0–30 days"
    zhang = next(r for r in range(model.rowCount()) if cell(r, LedgerColumn.NAME) == "张三")
    dialog.view.doubleClicked.emit(model.index(zhang, 0))
    assert window.detail.current().name == "张三"


def test_statement_of_account_opens_for_the_customer_on_show(qtbot, make_window, ledger_file):
    from crmdesk.ui.statement.statement_dialog import StatementDialog

    window = make_window()
    open_and_wait(qtbot, window, ledger_file)
    assert not window.act_statement.isEnabled()
    window.list_view.setCurrentIndex(window.model.index(names_shown(window).index("北京顺达物流有限公司"), 0))
    assert window.act_statement.isEnabled()
    window.act_statement.trigger()
    dialog = window.findChild(StatementDialog)
    assert dialog is not None and "北京顺达物流有限公司" in dialog.windowTitle()
    dialog.close()


def test_tiers_are_recomputed_on_open_and_filterable(qtbot, make_window, ledger_file):
    window = make_window()
    open_and_wait(qtbot, window, ledger_file)
    tier_of = lambda: {names_shown(window)[r]: window.model.data(window.model.index(r, Column.TIER))  # noqa: E731
                       for r in range(window.model.rowCount())}
    qtbot.waitUntil(lambda: tier_of().get("北京顺达物流有限公司") == "A", timeout=5_000)
    assert tier_of() == {"张三": "D", "李四": "D", "王五": "D", "北京顺达物流有限公司": "A"}
    combo = window.filter_bar.tier
    combo.setCurrentIndex(combo.findText("A · VIP"))
    qtbot.waitUntil(lambda: names_shown(window) == ["北京顺达物流有限公司"], timeout=5_000)


def test_the_demo_file_is_made_and_opened(qtbot, make_window):
    """What `scripts/run-demo` does: the demo file is written on first use, then opened."""
    from crmdesk.paths import demo_file

    window = make_window()
    window.open_demo()
    qtbot.waitUntil(lambda: window.session is not None and window.model.rowCount() == 400, timeout=30_000)
    assert window.session.path == demo_file()
    receivables = [window.model.data(window.model.index(r, Column.RECEIVABLE)) for r in range(50)]
    assert any(receivables)  # the demo has a purchase history


def test_the_follow_up_filter_shows_who_is_overdue(qtbot, make_window, shop_file):
    from crmdesk.domain.followups import ContactMethod, FollowUp
    from crmdesk.storage import followups as follow_up_store

    with CustomerFile.open(shop_file) as cf:
        li = store.customer_id_by_code(cf, "KH000002")
        follow_up_store.insert_follow_up(cf, FollowUp(customer_id=li, due_date=date(2026, 11, 20),
                                                      method=ContactMethod.PHONE, purpose="催款"))
    window = make_window()
    open_and_wait(qtbot, window, shop_file)
    combo = window.filter_bar.follow_up
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Any follow-up", "Overdue", "Due today", "Due in 7 days", "None planned"]
    combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: names_shown(window) == ["李四"], timeout=5_000)
    assert window.count_label.text() == "1 of 4 customers"
    window.filter_bar.clear_filters()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=5_000)


def test_analysis_opens_on_the_dashboard_and_a_bar_opens_the_customer(qtbot, make_window, ledger_file):
    window = make_window()
    open_and_wait(qtbot, window, ledger_file)
    window.act_analysis.trigger()
    view = window.analysis
    assert window._analysis.isVisible() and view.page == "dashboard"
    assert "12,030.00" in view.dashboard.text_of("receivable")  # the company's 12,000 and 张三's 30, in yuan
    view.show_page("contribution")
    view.canvas.hovers()[0].click(0)  # the first bar: the company bought most this year
    assert window.detail.current().name == "北京顺达物流有限公司"


def test_business_review_and_monthly_summary_open(qtbot, make_window, ledger_file):
    from crmdesk.ui.reports.report_dialog import CustomerReviewDialog, MonthlySummaryDialog

    window = make_window()
    open_and_wait(qtbot, window, ledger_file)
    assert not window.act_review.isEnabled()
    window.list_view.setCurrentIndex(window.model.index(names_shown(window).index("北京顺达物流有限公司"), 0))
    window.act_review.trigger()
    review = window.findChild(CustomerReviewDialog)
    assert review is not None and "北京顺达物流有限公司" in review.windowTitle()
    review.close()
    window.act_monthly_summary.trigger()
    summary = window.findChild(MonthlySummaryDialog)
    assert summary is not None
    summary.close()


def test_reports_close_with_their_file_and_a_closed_one_ignores_a_language_change(
        qtbot, make_window, ledger_file, shop_file, tmp_path):
    from shiboken6 import isValid

    from crmdesk.ui.reports.report_dialog import MonthlySummaryDialog

    window = make_window()
    open_and_wait(qtbot, window, ledger_file)
    window.act_monthly_summary.trigger()
    summary = window.findChild(MonthlySummaryDialog)
    assert summary.isVisible()
    other = tmp_path / "other.crmdesk"
    other.write_bytes(shop_file.read_bytes())
    window.open_path(other)  # closes the ledger file, and with it the summary that reads it
    assert not summary.isVisible()
    window.translations.install("zh_CN")  # closed, not yet deleted: it must not read the closed file again
    window.translations.install("en")
    qtbot.waitUntil(lambda: not isValid(summary))
    qtbot.waitUntil(lambda: window.session is not None and window.model.rowCount() > 0, timeout=10_000)
