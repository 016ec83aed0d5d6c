"""Sales plans (计划进度) in the orders tab: set, replace, remove, and the derived progress."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QSpinBox

from crmdesk.domain.orders import Order, Period, PeriodKind, PlanProgress, SalesPlan
from crmdesk.domain.validation import ErrorCode, FieldError
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import CustomerFile, WriteError, WriteProblem
from crmdesk.storage.customers import insert_customer
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.ledger_widgets import GREEN, RED
from crmdesk.ui.customer_detail.orders_tab import OrdersTab
from crmdesk.ui.customer_detail.sales_plan import PlanColumn, PlanTableModel, newest_first
from crmdesk.ui.ledger_access import LedgerAccess, plan_errors
from tests.factories import make_company
from tests.ui.typing import type_text

TODAY = date(2026, 11, 23)
YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


@pytest.fixture
def company(customer_file):
    return insert_customer(customer_file, make_company(credit_limit=10_000_000))


@pytest.fixture
def ledger(customer_file):
    return LedgerAccess(customer_file, TODAY)


@pytest.fixture
def tab(qtbot, ledger, company):
    tab = OrdersTab(ledger)
    qtbot.addWidget(tab)
    tab.resize(760, 600)
    tab.show_customer(company.id, company.credit_limit)
    tab.show()
    return tab


def add_order(cf, customer_id, day, amount) -> Order:
    return order_store.insert_order(
        cf, Order(customer_id=customer_id, order_date=day, product="零担运输", quantity=1, amount=amount))


def open_plan_dialog(qtbot, tab):
    qtbot.mouseClick(tab.plans.set_button, Qt.MouseButton.LeftButton)
    dialog = tab.plans.dialog()
    assert dialog is not None and dialog.isVisible() and dialog.objectName() == "plan_dialog"
    return dialog


def choose(dialog, kind: str, year: int, number: str) -> None:
    """Pick the period like a user: the kind first (it refills the numbers), then year and number."""
    kind_box = dialog.findChild(QComboBox, "plan_kind")
    kind_box.setCurrentIndex(kind_box.findText(kind))
    dialog.findChild(QSpinBox, "plan_year").setValue(year)
    number_box = dialog.findChild(QComboBox, "plan_number")
    index = number_box.findText(number)
    assert index >= 0, number
    number_box.setCurrentIndex(index)


def type_amount(qtbot, dialog, text: str) -> None:
    line = dialog.findChild(QLineEdit, "plan_amount")
    line.clear()
    type_text(qtbot, line, text)


def press_ok(qtbot, dialog):
    qtbot.mouseClick(dialog.button_box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def amount_error(dialog) -> str:
    label = dialog.findChild(QLabel, "plan_error_amount")
    return label.text() if label.isVisibleTo(dialog) else ""


def set_plan(qtbot, tab, amount: str, period: tuple[str, int, str] | None = None) -> None:
    dialog = open_plan_dialog(qtbot, tab)
    if period is not None:
        choose(dialog, *period)
    type_amount(qtbot, dialog, amount)
    with qtbot.waitSignal(tab.plans.changed):
        press_ok(qtbot, dialog)
    assert not dialog.isVisible() and tab.plans.dialog() is None


def row(tab, r) -> list[str]:
    model = tab.plans.model
    return [model.index(r, c).data() for c in PlanColumn]


def click_plan(qtbot, tab, r):
    table = tab.plans.table
    rect = table.visualRect(table.model().index(r, PlanColumn.PERIOD))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def patch_question(monkeypatch, answer):
    asked: list[str] = []

    def box(parent, title, text, *args):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", box)
    return asked


# ---------------------------------------------------------------- the block in the tab


def test_a_month_plan_shows_progress_time_gone_and_behind_then_on_track(qtbot, tab, ledger, company,
                                                                         customer_file):
    add_order(customer_file, company.id, date(2026, 11, 2), 2_299_900)  # ¥22,999.00
    tab.refresh()
    plans = tab.plans
    assert plans.empty_label.isVisible() and not plans.table.isVisible()
    assert plans.set_button.isEnabled() and not plans.remove_button.isEnabled()

    dialog = open_plan_dialog(qtbot, tab)
    assert dialog.period() == Period(2026, PeriodKind.MONTH, 11)  # the current month by default
    assert dialog.findChild(QLabel, "plan_period_hint").text() == "2026-11-01 – 2026-11-30"
    type_amount(qtbot, dialog, "¥30,000")
    with qtbot.waitSignal(plans.changed):
        press_ok(qtbot, dialog)

    assert [(p.period, p.amount) for p in order_store.plans_of(customer_file, company.id)] == [
        (Period(2026, PeriodKind.MONTH, 11), 3_000_000)]
    assert plans.table.isVisible() and not plans.empty_label.isVisible()
    assert row(tab, 0) == ["2026-11", "30,000.00", "22,999.00", "76%", "76%", "behind plan"]
    model = plans.model
    status = model.index(0, PlanColumn.STATUS)
    assert status.data(Qt.ItemDataRole.ForegroundRole).color().name() == RED
    assert model.index(0, PlanColumn.TIME_GONE).data(Qt.ItemDataRole.ToolTipRole) == "Day 23 of 30"
    assert status.data(Qt.ItemDataRole.ToolTipRole) == "¥1.00 short of the plan to date (¥23,000.00)"
    assert plans.selected_plan().period == Period(2026, PeriodKind.MONTH, 11)  # the new plan is selected

    # One more yuan of orders, through the orders tab: the plan catches up at once.
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    order_dialog = tab.dialog()
    type_text(qtbot, order_dialog.findChild(QLineEdit, "order_product"), "零担")
    type_text(qtbot, order_dialog.findChild(QLineEdit, "order_amount"), "1")
    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(order_dialog.button_box.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    assert row(tab, 0) == ["2026-11", "30,000.00", "23,000.00", "76%", "76%", "on track"]
    assert model.index(0, PlanColumn.STATUS).data(Qt.ItemDataRole.ForegroundRole).color().name() == GREEN
    assert model.index(0, PlanColumn.STATUS).data(Qt.ItemDataRole.ToolTipRole) is None


def test_setting_the_same_period_again_replaces_the_amount(qtbot, tab, customer_file, company):
    set_plan(qtbot, tab, "30000")
    click_plan(qtbot, tab, 0)
    dialog = open_plan_dialog(qtbot, tab)  # the selected plan, ready to change
    assert dialog.period() == Period(2026, PeriodKind.MONTH, 11)
    assert dialog.findChild(QLineEdit, "plan_amount").text() == "30,000.00"
    assert dialog.findChild(QLabel, "plan_amount_hint").text() == "current plan ¥30,000.00"
    type_amount(qtbot, dialog, "45,000.50")
    press_ok(qtbot, dialog)

    assert tab.plans.model.rowCount() == 1
    assert row(tab, 0)[:2] == ["2026-11", "45,000.50"]
    assert [p.amount for p in order_store.plans_of(customer_file, company.id)] == [4_500_050]


def test_a_quarter_plan_and_newest_first(qtbot, tab, customer_file, company):
    add_order(customer_file, company.id, date(2026, 10, 15), 1_000_000)
    add_order(customer_file, company.id, date(2026, 11, 2), 2_000_000)
    add_order(customer_file, company.id, date(2026, 11, 30), 5_000_000)  # after today: not yet actual
    tab.refresh()
    set_plan(qtbot, tab, "90,000", ("Quarter", 2026, "Q4"))
    set_plan(qtbot, tab, "10,000", ("Month", 2026, "09"))
    set_plan(qtbot, tab, "20,000", ("Month", 2026, "12"))

    assert [r[0] for r in (row(tab, i) for i in range(3))] == ["2026-12", "2026-Q4", "2026-09"]
    # Q4: 92 days, 54 gone (Oct 31 + Nov 23); ¥30,000 of ¥90,000 is 33%, behind 58% of the time.
    assert row(tab, 1) == ["2026-Q4", "90,000.00", "30,000.00", "33%", "58%", "behind plan"]
    assert row(tab, 0) == ["2026-12", "20,000.00", "0.00", "0%", "0%", "not started"]
    assert row(tab, 2) == ["2026-09", "10,000.00", "0.00", "0%", "100%", "behind plan"]
    assert tab.plans.model.index(1, PlanColumn.PERIOD).data(Qt.ItemDataRole.ToolTipRole) == (
        "2026-10-01 – 2026-12-31")


def test_switching_month_and_quarter_keeps_the_time_of_year(qtbot, tab):
    dialog = open_plan_dialog(qtbot, tab)
    kind = dialog.findChild(QComboBox, "plan_kind")
    kind.setCurrentIndex(kind.findText("Quarter"))
    assert dialog.period() == Period(2026, PeriodKind.QUARTER, 4)
    assert dialog.findChild(QLabel, "plan_period_hint").text() == "2026-10-01 – 2026-12-31"
    assert [dialog.findChild(QComboBox, "plan_number").itemText(i) for i in range(4)] == ["Q1", "Q2", "Q3", "Q4"]
    kind.setCurrentIndex(kind.findText("Month"))
    assert dialog.period() == Period(2026, PeriodKind.MONTH, 10)
    dialog.reject()


@pytest.mark.parametrize("text, code", [
    ("-5", ErrorCode.NEGATIVE_AMOUNT),
    ("三万", ErrorCode.INVALID_AMOUNT),
    ("12,34", ErrorCode.INVALID_AMOUNT),
    ("   ", ErrorCode.REQUIRED),
    ("9" * 16, ErrorCode.AMOUNT_OUT_OF_RANGE),
])
def test_a_bad_amount_is_refused_next_to_the_field(qtbot, tab, customer_file, company, text, code):
    dialog = open_plan_dialog(qtbot, tab)
    type_amount(qtbot, dialog, text)
    press_ok(qtbot, dialog)

    assert amount_error(dialog) == texts.error_text(code)
    assert dialog.isVisible() and tab.plans.dialog() is dialog
    assert dialog.focusWidget() is dialog.findChild(QLineEdit, "plan_amount")
    assert order_store.plans_of(customer_file, company.id) == []

    type_amount(qtbot, dialog, "0")  # a zero plan is allowed (a month without purchases planned)
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert row(tab, 0)[:4] == ["2026-11", "0.00", "0.00", "–"]


def test_remove_asks_and_removes(qtbot, tab, customer_file, company, monkeypatch):
    set_plan(qtbot, tab, "30000")
    set_plan(qtbot, tab, "10000", ("Month", 2026, "10"))
    click_plan(qtbot, tab, 0)  # 2026-11
    assert tab.plans.remove_button.isEnabled()

    asked = patch_question(monkeypatch, NO)
    qtbot.mouseClick(tab.plans.remove_button, Qt.MouseButton.LeftButton)
    assert asked == ["Remove the sales plan for 2026-11 (¥30,000.00)?\n\nThe orders stay as they are."]
    assert len(order_store.plans_of(customer_file, company.id)) == 2

    patch_question(monkeypatch, YES)
    with qtbot.waitSignal(tab.plans.changed):
        qtbot.mouseClick(tab.plans.remove_button, Qt.MouseButton.LeftButton)
    assert [str(p.period) for p in order_store.plans_of(customer_file, company.id)] == ["2026-10"]
    assert tab.plans.model.rowCount() == 1 and tab.plans.selected_plan().period == Period.parse("2026-10")

    qtbot.mouseClick(tab.plans.remove_button, Qt.MouseButton.LeftButton)
    assert order_store.plans_of(customer_file, company.id) == []
    assert tab.plans.empty_label.isVisible() and not tab.plans.table.isVisible()
    assert not tab.plans.remove_button.isEnabled()


def test_a_plan_removed_meanwhile_says_so(qtbot, tab, customer_file, company, monkeypatch):
    set_plan(qtbot, tab, "30000")
    click_plan(qtbot, tab, 0)
    order_store.delete_plan(customer_file, company.id, Period.parse("2026-11"))  # another window
    patch_question(monkeypatch, YES)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: told.append(text))
    qtbot.mouseClick(tab.plans.remove_button, Qt.MouseButton.LeftButton)
    assert told == [texts.error_text(WriteProblem.CONFLICT)]
    assert tab.plans.model.rowCount() == 0


def test_the_block_stays_small_beside_the_orders_table(qtbot, tab, customer_file, company):
    for month in range(1, 13):
        order_store.set_plan(customer_file, SalesPlan(company.id, Period(2026, PeriodKind.MONTH, month), 100_000))
        for day in (3, 17):
            add_order(customer_file, company.id, date(2026, month, day), 10_000)
    tab.refresh()
    table = tab.plans.table
    assert tab.plans.model.rowCount() == 12
    row_height = table.verticalHeader().defaultSectionSize()
    assert table.height() <= table.horizontalHeader().height() + 4 * row_height + 2 * table.frameWidth() + 30
    assert table.verticalScrollBar().maximum() > 0  # the rest scroll
    assert tab.table.height() > 1.5 * table.height()  # the orders table keeps the room


def test_no_customer_and_read_only_disable_the_buttons(qtbot, tab, customer_file, company):
    order_store.set_plan(customer_file, SalesPlan(company.id, Period.parse("2026-11"), 100_000))
    tab.show_customer(None, None)
    assert not tab.plans.set_button.isEnabled() and tab.plans.model.rowCount() == 0
    assert not tab.plans.empty_label.isVisible()

    read_only = CustomerFile.open(customer_file.path, read_only=True)
    try:
        other = OrdersTab(LedgerAccess(read_only, TODAY))
        qtbot.addWidget(other)
        other.show_customer(company.id, company.credit_limit)
        other.show()
        assert other.plans.model.rowCount() == 1
        click_plan(qtbot, other, 0)
        assert not other.plans.set_button.isEnabled() and not other.plans.remove_button.isEnabled()
        other.plans.set_plan()
        assert other.plans.dialog() is None
    finally:
        read_only.close()


def test_another_customer_closes_the_dialog(qtbot, tab, customer_file):
    dialog = open_plan_dialog(qtbot, tab)
    other = insert_customer(customer_file, make_company(name="另一家公司"))
    tab.show_customer(other.id, None)
    assert tab.plans.dialog() is None and not dialog.isVisible()


# ---------------------------------------------------------------- LedgerAccess and the model


def test_ledger_access_refuses_bad_plans_and_deletes(ledger, customer_file, company):
    good = SalesPlan(company.id, Period.parse("2026-Q4"), 100)
    assert ledger.set_plan(good) == []
    assert ledger.set_plan(SalesPlan(company.id, Period.parse("2026-11"), -1)) == [
        FieldError("amount", ErrorCode.NEGATIVE_AMOUNT)]
    assert ledger.set_plan(SalesPlan(company.id, Period(2026, PeriodKind.MONTH, 13), 1)) == [
        FieldError("period", ErrorCode.INVALID_CHOICE)]
    assert plan_errors(SalesPlan(company.id, Period(1800, PeriodKind.QUARTER, 5), 10**15)) == [
        FieldError("period", ErrorCode.INVALID_CHOICE), FieldError("amount", ErrorCode.AMOUNT_OUT_OF_RANGE)]
    assert [p.period for p in ledger.plans(company.id)] == [good.period]
    ledger.delete_plan(company.id, good.period)
    assert ledger.plans(company.id) == []
    with pytest.raises(WriteError):
        ledger.delete_plan(company.id, good.period)


def _progresses() -> list[PlanProgress]:
    return [
        PlanProgress(Period.parse("2026-10"), 100_000, 100_000, 31, 31),
        PlanProgress(Period.parse("2026-Q4"), 900_000, 300_000, 54, 92),
        PlanProgress(Period.parse("2026-12"), 0, 0, 0, 31),
        PlanProgress(Period.parse("2026-11"), 3_000_000, 2_299_900, 23, 30),
    ]


def test_plan_table_model(qtmodeltester):
    model = PlanTableModel()
    model.set_plans(_progresses())
    qtmodeltester.check(model)
    assert [model.index(r, PlanColumn.PERIOD).data() for r in range(4)] == [
        "2026-12", "2026-11", "2026-Q4", "2026-10"]
    assert [model.index(r, PlanColumn.STATUS).data() for r in range(4)] == [
        "not started", "behind plan", "behind plan", "on track"]
    assert model.index(2, PlanColumn.PROGRESS).data(Qt.ItemDataRole.ToolTipRole) == "¥3,000.00 of ¥9,000.00"
    assert model.index(1, PlanColumn.STATUS).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, PlanColumn.STATUS).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(0, PlanColumn.PLANNED).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.headerData(PlanColumn.TIME_GONE, Qt.Orientation.Horizontal) == "Time gone"
    model.set_plans([])
    qtmodeltester.check(model)


def test_newest_first_puts_a_quarter_before_its_first_month():
    ordered = newest_first(_progresses())
    assert [str(p.period) for p in ordered] == ["2026-12", "2026-11", "2026-Q4", "2026-10"]
