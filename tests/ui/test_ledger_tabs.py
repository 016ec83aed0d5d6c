"""The orders and payments tabs, driven like a clerk would, against a real file."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
)

from crmdesk.domain.orders import Order, Payment, PaymentMethod
from crmdesk.domain.validation import ErrorCode
from crmdesk.storage import file_settings
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import WriteProblem
from crmdesk.storage.customers import insert_customer
from crmdesk.ui import texts
from crmdesk.domain.orders import WeightError, format_weight_kg, parse_weight_g
from crmdesk.ui.customer_detail.ledger_widgets import (
    TotalsFooter,
    margin_percent,
    parse_count,
)
from crmdesk.ui.customer_detail.orders_tab import OrderColumn, OrdersTab, OrderTableModel
from crmdesk.ui.customer_detail.payments_tab import PaymentColumn, PaymentsTab, PaymentTableModel
from crmdesk.ui.ledger_access import LedgerAccess
from tests.factories import make_company
from tests.ui.typing import type_text

TODAY = date(2026, 11, 23)
YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


@pytest.fixture
def company(customer_file):
    return insert_customer(customer_file, make_company(credit_limit=5_000_000))  # ¥50,000.00


@pytest.fixture
def ledger(customer_file):
    return LedgerAccess(customer_file, TODAY)


@pytest.fixture
def orders_tab(qtbot, ledger, company):
    tab = OrdersTab(ledger)
    qtbot.addWidget(tab)
    tab.resize(900, 560)
    tab.show_customer(company.id, company.credit_limit)
    tab.show()
    return tab


@pytest.fixture
def payments_tab(qtbot, ledger, company):
    tab = PaymentsTab(ledger)
    qtbot.addWidget(tab)
    tab.resize(760, 480)
    tab.show_customer(company.id, company.credit_limit)
    tab.show()
    return tab


def add_order(cf, customer_id, day, amount, product="零担运输", **extra) -> Order:
    return order_store.insert_order(
        cf, Order(customer_id=customer_id, order_date=day, product=product, quantity=1, amount=amount, **extra)
    )


def open_dialog(qtbot, tab, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog()
    assert dialog is not None and dialog.isVisible()
    return dialog


def fill(qtbot, dialog, prefix, **values):
    for name, text in values.items():
        line = dialog.findChild(QLineEdit, f"{prefix}_{name}")
        line.clear()
        type_text(qtbot, line, text)


def press_ok(qtbot, dialog):
    qtbot.mouseClick(dialog.button_box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def error(dialog, prefix, name) -> str:
    label = dialog.findChild(QLabel, f"{prefix}_error_{name}")
    return label.text() if label.isVisibleTo(dialog) else ""


def cells(tab, row) -> list[str]:
    model = tab.table.model()
    return [model.index(row, c).data() for c in range(model.columnCount())]


def click_row(qtbot, tab, row, *, double=False):
    rect = tab.table.visualRect(tab.table.model().index(row, 1))
    click = qtbot.mouseDClick if double else qtbot.mouseClick
    if double:  # a double click starts with a press that selects the row
        qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    click(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def patch_box(monkeypatch, name, answer=None):
    """Replace a static QMessageBox function; returns the texts it was shown."""
    shown: list[str] = []

    def box(parent, title, text, *args):
        shown.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, name, box)
    return shown


def refuse_box(monkeypatch, *names):
    for name in names:
        monkeypatch.setattr(QMessageBox, name, lambda *a: pytest.fail(f"unexpected QMessageBox.{name}"))


# ---------------------------------------------------------------- orders


def test_an_order_typed_into_the_dialog_is_saved_and_shown_with_totals(qtbot, orders_tab, ledger, company):
    tab = orders_tab
    assert tab.empty_label.isVisible() and tab.model.rowCount() == 0
    dialog = open_dialog(qtbot, tab, tab.add_button)
    assert dialog.findChild(QLineEdit, "order_date").text() == "2026-11-23"  # today by default
    fill(qtbot, dialog, "order", date="2026.11.20", amount="¥12,345.60", weight="1.25",
         origin="上海", destination="成都", waybill="SF1234567890")
    type_text(qtbot, dialog.findChild(QLineEdit, "order_product"), "整车运输 上海→成都")
    with qtbot.waitSignal(tab.changed):
        press_ok(qtbot, dialog)

    assert tab.dialog() is None and not dialog.isVisible()
    [stored] = ledger.orders(company.id)
    assert (stored.order_date, stored.product, stored.quantity, stored.amount, stored.weight_g) == (
        date(2026, 11, 20), "整车运输 上海→成都", 1, 1_234_560, 1250)
    assert stored.cost is None and stored.origin == "上海"
    row = cells(tab, 0)
    assert row[OrderColumn.DATE] == "2026-11-20"
    assert row[OrderColumn.PRODUCT] == "整车运输 上海→成都"
    assert row[OrderColumn.AMOUNT] == "12,345.60"
    assert row[OrderColumn.MARGIN] == ""  # no cost, no margin
    assert row[OrderColumn.ROUTE] == "上海 → 成都"
    assert row[OrderColumn.WEIGHT] == "1.25"
    totals = cells(tab, 1)
    assert totals[OrderColumn.DATE] == "Total"
    assert (totals[OrderColumn.QUANTITY], totals[OrderColumn.AMOUNT]) == ("1", "12,345.60")
    assert tab.summary.text("summary_receivable") == "¥12,345.60"
    assert tab.summary.text("summary_orders") == "1"
    assert tab.summary.text("aging_0_30") == "¥12,345.60"
    assert not tab.empty_label.isVisible()
    assert tab.selected_order() == stored  # the new order is selected


@pytest.mark.parametrize("field, text, expected", [
    ("quantity", "0", texts.error_text(ErrorCode.NOT_POSITIVE)),
    ("date", (TODAY + timedelta(days=90)).isoformat(), texts.error_text(ErrorCode.TOO_FAR_AHEAD, {"days": 31})),
    ("date", "2026-13-01", texts.error_text(ErrorCode.INVALID_DATE)),
    ("amount", "12,34", texts.error_text(ErrorCode.INVALID_AMOUNT)),
    ("amount", "-5", texts.error_text(ErrorCode.NEGATIVE_AMOUNT)),
    ("product", "   ", texts.error_text(ErrorCode.REQUIRED)),
    ("pieces", "0", texts.error_text(ErrorCode.NOT_POSITIVE)),
    ("quantity", "1.5", texts.error_text(ErrorCode.INVALID_INTEGER)),
])
def test_a_bad_value_is_refused_next_to_its_field(qtbot, orders_tab, ledger, company, field, text, expected):
    dialog = open_dialog(qtbot, orders_tab, orders_tab.add_button)
    fill(qtbot, dialog, "order", product="零担", amount="800")
    fill(qtbot, dialog, "order", **{field: text})
    press_ok(qtbot, dialog)

    assert error(dialog, "order", field) == expected
    assert [n for n in ("date", "product", "quantity", "amount", "pieces") if error(dialog, "order", n)] == [field]
    assert dialog.isVisible() and orders_tab.dialog() is dialog
    assert ledger.orders(company.id) == []
    assert dialog.focusWidget() is dialog.findChild(QLineEdit, f"order_{field}")


def test_correcting_the_field_then_saves(qtbot, orders_tab, ledger, company):
    dialog = open_dialog(qtbot, orders_tab, orders_tab.add_button)
    fill(qtbot, dialog, "order", product="零担", amount="800", quantity="0", weight="1.2345")
    press_ok(qtbot, dialog)
    assert error(dialog, "order", "quantity") and error(dialog, "order", "weight")
    fill(qtbot, dialog, "order", quantity="3", weight="1,234.5")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    [stored] = ledger.orders(company.id)
    assert (stored.quantity, stored.weight_g) == (3, 1_234_500)
    assert cells(orders_tab, 0)[OrderColumn.WEIGHT] == "1,234.5"


def test_an_order_over_the_credit_limit_asks_with_the_numbers(qtbot, orders_tab, ledger, company, customer_file,
                                                               monkeypatch):
    add_order(customer_file, company.id, date(2026, 11, 2), 4_000_000)  # receivable ¥40,000.00
    orders_tab.refresh()
    refuse_box(monkeypatch, "critical")
    asked = patch_box(monkeypatch, "warning", NO)
    dialog = open_dialog(qtbot, orders_tab, orders_tab.add_button)
    fill(qtbot, dialog, "order", product="整车", amount="15000")
    press_ok(qtbot, dialog)

    assert asked == ["Receivable ¥40,000.00 + this order ¥15,000.00 = ¥55,000.00, over the credit limit "
                     "¥50,000.00 by ¥5,000.00.\n\nSave anyway?"]
    assert dialog.isVisible()
    assert len(ledger.orders(company.id)) == 1  # "No" saved nothing

    asked = patch_box(monkeypatch, "warning", YES)
    with qtbot.waitSignal(orders_tab.changed):
        press_ok(qtbot, dialog)
    assert len(asked) == 1 and not dialog.isVisible()
    assert sorted(o.amount for o in ledger.orders(company.id)) == [1_500_000, 4_000_000]
    assert orders_tab.summary.text("summary_receivable") == "¥55,000.00"
    assert "#b91c1c" in orders_tab.summary.values["summary_receivable"].styleSheet()  # red
    assert orders_tab.summary.limit_note.text() == "over the credit limit ¥50,000.00\nby ¥5,000.00"


def test_a_file_that_blocks_over_limit_orders_refuses_with_a_message(qtbot, orders_tab, ledger, company,
                                                                      customer_file, monkeypatch):
    file_settings.put(customer_file, file_settings.BLOCK_OVER_LIMIT, True)
    add_order(customer_file, company.id, date(2026, 11, 2), 4_000_000)
    orders_tab.refresh()
    refuse_box(monkeypatch, "warning", "question")
    told = patch_box(monkeypatch, "critical", QMessageBox.StandardButton.Ok)
    dialog = open_dialog(qtbot, orders_tab, orders_tab.add_button)
    fill(qtbot, dialog, "order", product="整车", amount="15,000")
    press_ok(qtbot, dialog)

    [message] = told
    assert "does not allow orders" in message
    assert "¥40,000.00 + this order ¥15,000.00 = ¥55,000.00" in message and "by ¥5,000.00" in message
    assert dialog.isVisible()
    assert len(ledger.orders(company.id)) == 1


def test_an_order_within_the_limit_asks_nothing(qtbot, orders_tab, ledger, company, monkeypatch):
    refuse_box(monkeypatch, "warning", "critical", "question")
    dialog = open_dialog(qtbot, orders_tab, orders_tab.add_button)
    fill(qtbot, dialog, "order", product="整车", amount="50,000.00")  # exactly the limit
    press_ok(qtbot, dialog)
    assert not dialog.isVisible() and len(ledger.orders(company.id)) == 1


def test_editing_an_order_updates_the_table_and_totals(qtbot, orders_tab, ledger, company, customer_file):
    add_order(customer_file, company.id, date(2026, 11, 1), 100_000, product="零担 A")
    add_order(customer_file, company.id, date(2026, 11, 10), 200_000, product="零担 B", cost=150_000)
    orders_tab.refresh()
    assert cells(orders_tab, 2)[OrderColumn.AMOUNT] == "3,000.00"

    click_row(qtbot, orders_tab, 0)  # newest first: 零担 B
    dialog = open_dialog(qtbot, orders_tab, orders_tab.edit_button)
    assert dialog.windowTitle() == "Edit order"
    assert dialog.findChild(QLineEdit, "order_amount").text() == "2,000.00"
    assert dialog.findChild(QLabel, "order_margin_hint").text() == "Gross margin 25.0%"
    fill(qtbot, dialog, "order", amount="2500", note="加急")
    with qtbot.waitSignal(orders_tab.changed):
        press_ok(qtbot, dialog)

    row = cells(orders_tab, 0)
    assert (row[OrderColumn.PRODUCT], row[OrderColumn.AMOUNT], row[OrderColumn.MARGIN], row[OrderColumn.NOTE]) == (
        "零担 B", "2,500.00", "40.0%", "加急")
    totals = cells(orders_tab, 2)
    assert (totals[OrderColumn.AMOUNT], totals[OrderColumn.COST], totals[OrderColumn.MARGIN]) == (
        "3,500.00", "1,500.00", "40.0%")  # margin over the orders with a cost only
    edited = next(o for o in ledger.orders(company.id) if o.product == "零担 B")
    assert (edited.amount, edited.note, edited.row_version) == (250_000, "加急", 2)
    assert len(ledger.orders(company.id)) == 2
    assert orders_tab.summary.text("summary_billed") == "¥3,500.00"


def test_an_order_changed_meanwhile_is_not_overwritten(qtbot, orders_tab, ledger, company, customer_file):
    from dataclasses import replace

    order = add_order(customer_file, company.id, date(2026, 11, 1), 100_000, product="零担 A")
    orders_tab.refresh()
    click_row(qtbot, orders_tab, 0)
    dialog = open_dialog(qtbot, orders_tab, orders_tab.edit_button)
    order_store.update_order(customer_file, replace(order, amount=120_000))  # another window, meanwhile
    fill(qtbot, dialog, "order", amount="1500")
    press_ok(qtbot, dialog)

    general = dialog.findChild(QLabel, "order_error_general")
    assert general.isVisibleTo(dialog) and general.text() == texts.error_text(WriteProblem.CONFLICT)
    assert dialog.isVisible()
    assert [o.amount for o in ledger.orders(company.id)] == [120_000]


def test_double_click_edits_an_order(qtbot, orders_tab, customer_file, company):
    add_order(customer_file, company.id, date(2026, 11, 1), 100_000, product="零担 A")
    orders_tab.refresh()
    click_row(qtbot, orders_tab, 0, double=True)
    dialog = orders_tab.dialog()
    assert dialog is not None and dialog.isVisible()
    assert dialog.findChild(QLineEdit, "order_product").text() == "零担 A"


def test_the_totals_stay_in_view_under_a_long_list(qtbot, orders_tab, customer_file, company):
    for day in range(40):
        add_order(customer_file, company.id, date(2026, 9, 1) + timedelta(days=day), 10_000, weight_g=1500)
    orders_tab.refresh()
    table, footer = orders_tab.table, orders_tab.totals_view
    assert table.isRowHidden(40) and not table.isRowHidden(39)  # the model's totals row shows in the footer
    assert footer.isVisible()
    shown = [footer.model().index(0, c).data() for c in OrderColumn]
    assert shown[OrderColumn.DATE] == "Total" and shown[OrderColumn.PRODUCT] == "40 orders"
    assert (shown[OrderColumn.AMOUNT], shown[OrderColumn.WEIGHT]) == ("4,000.00", "60")
    assert footer.geometry().top() >= table.geometry().bottom()
    qtbot.waitUntil(lambda: table.verticalScrollBar().maximum() > 0)  # the rows scroll, the totals do not

    footer.horizontalScrollBar().setValue(footer.horizontalScrollBar().maximum())
    assert table.horizontalScrollBar().value() == footer.horizontalScrollBar().value()
    for column in OrderColumn:
        assert footer.columnWidth(column) == table.columnWidth(column)

    rect = footer.visualRect(footer.model().index(0, OrderColumn.AMOUNT))
    qtbot.mouseDClick(footer.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert orders_tab.dialog() is None  # nothing to edit in a sum


def test_a_short_list_keeps_its_totals_right_under_the_rows(orders_tab, customer_file, company):
    add_order(customer_file, company.id, date(2026, 11, 1), 10_000)
    orders_tab.refresh()
    assert orders_tab.totals_view.isVisible()
    gap = orders_tab.totals_view.geometry().top() - orders_tab.table.geometry().bottom()
    assert 0 <= gap <= 4 * orders_tab.table.verticalHeader().defaultSectionSize()
    orders_tab.show_customer(None, None)
    assert not orders_tab.totals_view.isVisible()


@pytest.mark.parametrize("answer", [YES, NO])
def test_delete_order_asks_with_the_order_and_updates_totals(qtbot, orders_tab, ledger, company, customer_file,
                                                             monkeypatch, answer):
    add_order(customer_file, company.id, date(2026, 11, 1), 100_000, product="零担 A")
    add_order(customer_file, company.id, date(2026, 11, 10), 234_500, product="整车 上海→成都")
    orders_tab.refresh()
    asked = patch_box(monkeypatch, "question", answer)
    click_row(qtbot, orders_tab, 0)
    qtbot.mouseClick(orders_tab.delete_button, Qt.MouseButton.LeftButton)

    [text] = asked
    assert "2026-11-10" in text and "整车 上海→成都" in text and "¥2,345.00" in text
    if answer == NO:
        assert len(ledger.orders(company.id)) == 2 and orders_tab.model.rowCount() == 3
        return
    assert [o.product for o in ledger.orders(company.id)] == ["零担 A"]
    assert orders_tab.model.rowCount() == 2
    assert cells(orders_tab, 1)[OrderColumn.AMOUNT] == "1,000.00"
    assert orders_tab.summary.text("summary_receivable") == "¥1,000.00"
    assert orders_tab.selected_order().product == "零担 A"  # the cursor stays in the table


def test_old_unpaid_orders_show_in_the_aging_buckets(orders_tab, customer_file, company):
    add_order(customer_file, company.id, TODAY - timedelta(days=100), 300_000)
    add_order(customer_file, company.id, TODAY - timedelta(days=100), 200_000)
    add_order(customer_file, company.id, TODAY - timedelta(days=45), 150_000)
    add_order(customer_file, company.id, TODAY - timedelta(days=70), 70_000)
    add_order(customer_file, company.id, TODAY - timedelta(days=3), 10_000)
    order_store.insert_payment(customer_file, Payment(customer_id=company.id, paid_date=TODAY, amount=100_000))
    orders_tab.refresh()

    s = orders_tab.summary
    # The payment settles the oldest order first: ¥5,000 over 90 days less ¥1,000.
    assert [s.text(n) for n in ("aging_0_30", "aging_31_60", "aging_61_90", "aging_over_90")] == [
        "¥100.00", "¥1,500.00", "¥700.00", "¥4,000.00"]
    assert "#b91c1c" in s.values["aging_over_90"].styleSheet()
    assert "#b45309" in s.values["aging_61_90"].styleSheet()
    assert s.text("summary_first") == (TODAY - timedelta(days=100)).isoformat()
    assert s.text("summary_last") == (TODAY - timedelta(days=3)).isoformat()
    assert s.text("summary_orders") == "5"
    assert s.text("summary_billed") == "¥7,300.00"
    assert s.text("summary_average") == "¥1,460.00"
    assert s.text("summary_paid") == "¥1,000.00"
    assert s.text("summary_receivable") == "¥6,300.00"
    assert s.limit_note.text() == "credit limit ¥50,000.00"


def test_sorting_by_a_column_keeps_the_totals_row_last(qtbot, orders_tab, customer_file, company):
    for day, amount in ((1, 500_00), (2, 100_00), (3, 900_00)):
        add_order(customer_file, company.id, date(2026, 11, day), amount)
    orders_tab.refresh()
    header = orders_tab.table.horizontalHeader()
    x = header.sectionViewportPosition(OrderColumn.AMOUNT) + header.sectionSize(OrderColumn.AMOUNT) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    amounts = [cells(orders_tab, r)[OrderColumn.AMOUNT] for r in range(4)]
    assert amounts[3] == "1,500.00" and cells(orders_tab, 3)[OrderColumn.DATE] == "Total"
    assert sorted(amounts[:3], key=lambda a: float(a.replace(",", ""))) in (amounts[:3], amounts[2::-1])
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert [cells(orders_tab, r)[OrderColumn.AMOUNT] for r in range(4)] == [*amounts[2::-1], "1,500.00"]


def test_no_customer_disables_everything(orders_tab, payments_tab):
    orders_tab.show_customer(None, None)
    payments_tab.show_customer(None, None)
    for tab in (orders_tab, payments_tab):
        assert tab.model.rowCount() == 0
        assert not tab.add_button.isEnabled() and not tab.edit_button.isEnabled()
        assert not tab.empty_label.isVisible()
    assert orders_tab.summary.text("summary_receivable") == "–"


def test_a_read_only_file_shows_but_does_not_change(qtbot, customer_file, company):
    from crmdesk.storage.customer_file import CustomerFile

    add_order(customer_file, company.id, date(2026, 11, 1), 100_000, product="零担 A")
    path = customer_file.path
    read_only = CustomerFile.open(path, read_only=True)
    try:
        tab = OrdersTab(LedgerAccess(read_only, TODAY))
        qtbot.addWidget(tab)
        tab.show_customer(company.id, company.credit_limit)
        tab.show()
        assert not tab.add_button.isEnabled()
        click_row(qtbot, tab, 0)
        assert tab.edit_button.text() == "View…" and tab.edit_button.isEnabled()
        assert not tab.delete_button.isEnabled()
        dialog = open_dialog(qtbot, tab, tab.edit_button)
        assert dialog.findChild(QLineEdit, "order_amount").isReadOnly()
        assert dialog.button_box.button(QDialogButtonBox.StandardButton.Ok) is None
        dialog.reject()
    finally:
        read_only.close()


# ---------------------------------------------------------------- payments


def test_a_payment_larger_than_owed_needs_the_prepayment_box(qtbot, payments_tab, ledger, company, customer_file):
    add_order(customer_file, company.id, date(2026, 11, 1), 1_000_000)  # owes ¥10,000.00
    payments_tab.refresh()
    dialog = open_dialog(qtbot, payments_tab, payments_tab.add_button)
    assert dialog.findChild(QLabel, "payment_owed_hint").text() == "owed: ¥10,000.00"
    fill(qtbot, dialog, "payment", amount="15,000")
    press_ok(qtbot, dialog)

    assert error(dialog, "payment", "amount") == texts.error_text(
        ErrorCode.MORE_THAN_OWED, {"owed": 1_000_000, "amount": 1_500_000})
    assert "¥10,000.00" in error(dialog, "payment", "amount")
    box = dialog.findChild(QCheckBox, "payment_prepayment")
    assert dialog.prepayment_highlighted() and dialog.focusWidget() is box
    assert dialog.isVisible() and ledger.payments(company.id) == []

    qtbot.keyClick(box, Qt.Key.Key_Space)  # it has the focus: the user says "yes, a prepayment"
    assert box.isChecked() and not dialog.prepayment_highlighted()
    with qtbot.waitSignal(payments_tab.changed):
        press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    [stored] = ledger.payments(company.id)
    assert stored.amount == 1_500_000 and stored.method is PaymentMethod.BANK_TRANSFER
    assert "-¥5,000.00" in payments_tab.balance_label.text()
    assert cells(payments_tab, 0)[PaymentColumn.AMOUNT] == "15,000.00"


def test_payments_are_listed_with_method_and_totals(qtbot, payments_tab, ledger, company, customer_file):
    add_order(customer_file, company.id, date(2026, 11, 1), 1_000_000)
    payments_tab.refresh()
    for day, amount, method in (("2026-11-05", "3000", PaymentMethod.WECHAT),
                                ("2026年11月20日", "¥2,000.50", PaymentMethod.CASH)):
        dialog = open_dialog(qtbot, payments_tab, payments_tab.add_button)
        fill(qtbot, dialog, "payment", date=day, amount=amount)
        combo = dialog.findChild(QComboBox, "payment_method")
        combo.setCurrentIndex(combo.findData(method.value))
        type_text(qtbot, dialog.findChild(QLineEdit, "payment_note"), "十一月回款")
        press_ok(qtbot, dialog)
        assert not dialog.isVisible()

    assert cells(payments_tab, 0) == ["2026-11-20", "2,000.50", "Cash payment", "十一月回款"]
    assert cells(payments_tab, 1)[:3] == ["2026-11-05", "3,000.00", "WeChat"]
    assert cells(payments_tab, 2)[:3] == ["Total", "5,000.50", "2 payments"]
    assert "¥4,999.50" in payments_tab.balance_label.text()
    # The next payment suggests the method used last.
    dialog = open_dialog(qtbot, payments_tab, payments_tab.add_button)
    assert dialog.findChild(QComboBox, "payment_method").currentText() == "Cash payment"
    dialog.reject()


def test_editing_and_deleting_a_payment(qtbot, payments_tab, ledger, company, customer_file, monkeypatch):
    add_order(customer_file, company.id, date(2026, 11, 1), 1_000_000)
    order_store.insert_payment(customer_file, Payment(customer_id=company.id, paid_date=date(2026, 11, 3),
                                                      amount=400_000, method=PaymentMethod.ALIPAY))
    payments_tab.refresh()
    click_row(qtbot, payments_tab, 0, double=True)
    dialog = payments_tab.dialog()
    assert dialog.findChild(QLabel, "payment_owed_hint").text() == "owed: ¥10,000.00"  # without this payment
    assert not dialog.findChild(QCheckBox, "payment_prepayment").isChecked()
    fill(qtbot, dialog, "payment", amount="6000")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert cells(payments_tab, 1)[:2] == ["Total", "6,000.00"]
    assert [p.amount for p in ledger.payments(company.id)] == [600_000]

    asked = patch_box(monkeypatch, "question", YES)
    click_row(qtbot, payments_tab, 0)
    with qtbot.waitSignal(payments_tab.changed):
        qtbot.mouseClick(payments_tab.delete_button, Qt.MouseButton.LeftButton)
    assert "2026-11-03" in asked[0] and "¥6,000.00" in asked[0] and "Alipay" in asked[0]
    assert ledger.payments(company.id) == [] and payments_tab.model.rowCount() == 0
    assert payments_tab.empty_label.isVisible()


def test_a_payment_dated_too_far_ahead_is_refused(qtbot, payments_tab, ledger, company, customer_file):
    add_order(customer_file, company.id, date(2026, 11, 1), 1_000_000)
    payments_tab.refresh()
    dialog = open_dialog(qtbot, payments_tab, payments_tab.add_button)
    fill(qtbot, dialog, "payment", date="2027-03-01", amount="0")
    press_ok(qtbot, dialog)
    assert error(dialog, "payment", "amount") == texts.error_text(ErrorCode.NOT_POSITIVE)
    fill(qtbot, dialog, "payment", amount="100")
    press_ok(qtbot, dialog)
    assert error(dialog, "payment", "date") == texts.error_text(ErrorCode.TOO_FAR_AHEAD, {"days": 31})
    assert ledger.payments(company.id) == []


# ---------------------------------------------------------------- models and helpers


def _orders():
    return [
        Order(customer_id=1, order_date=date(2026, 11, 1), product="整车", quantity=2, amount=100_000,
              cost=120_000, id=1, waybill="SF1", origin="上海", pieces=3, weight_g=1250, note="加急"),
        Order(customer_id=1, order_date=date(2026, 10, 1), product="零担", quantity=1, amount=50_000, id=2,
              destination="成都", weight_g=500),
        Order(customer_id=1, order_date=date(2026, 10, 1), product="快递", quantity=5, amount=0, cost=0, id=3),
    ]


def test_order_table_model(qtmodeltester):
    model = OrderTableModel()
    model.set_rows(_orders())
    qtmodeltester.check(model)
    footer = TotalsFooter(QTableView(), model, "footer")
    qtmodeltester.check(footer.model())
    model.sort(OrderColumn.MARGIN, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_order_model_cells_and_totals():
    model = OrderTableModel()
    model.set_rows(_orders())
    first = [model.index(0, c).data() for c in OrderColumn]
    assert first == [
        "2026-11-01", "整车", "2", "1,000.00", "1,200.00", "-20.0%", "SF1", "上海 →", "3", "1.25", "加急"]
    assert model.index(0, OrderColumn.MARGIN).data(Qt.ItemDataRole.ForegroundRole) is not None  # red: a loss
    assert model.index(1, OrderColumn.ROUTE).data() == "→ 成都"
    totals = [model.index(3, c).data() for c in OrderColumn]
    assert totals == ["Total", "3 orders", "8", "1,500.00", "1,200.00", "-20.0%", "", "", "3", "1.75", ""]
    assert model.index(3, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert not model.flags(model.index(3, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.index(0, OrderColumn.AMOUNT).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_payment_table_model(qtmodeltester):
    model = PaymentTableModel()
    model.set_rows([
        Payment(customer_id=1, paid_date=date(2026, 11, 1), amount=100_000, method=PaymentMethod.WECHAT, id=1),
        Payment(customer_id=1, paid_date=date(2026, 10, 1), amount=5, id=2, note="尾款"),
    ])
    qtmodeltester.check(model)
    assert [model.index(2, c).data() for c in PaymentColumn] == ["Total", "1,000.05", "2 payments", ""]
    model.sort(PaymentColumn.AMOUNT, Qt.SortOrder.AscendingOrder)
    assert model.index(0, PaymentColumn.NOTE).data() == "尾款"
    qtmodeltester.check(model)


@pytest.mark.parametrize("text, grams", [
    ("1.25", 1250), ("1", 1000), ("0.001", 1), ("1,234.5", 1_234_500), ("3 kg", 3000), ("１２公斤", 12_000),
    (".5", 500), ("2.500", 2500), ("", None), ("  ", None),
])
def test_parse_weight_is_exact_grams(text, grams):
    assert parse_weight_g(text) == grams


@pytest.mark.parametrize("text", ["1.2345", "abc", "1,23", "-1", "1e3", "1.2.3", "9" * 13])
def test_parse_weight_refuses_doubtful_text(text):
    with pytest.raises(WeightError):
        parse_weight_g(text)


@pytest.mark.parametrize("grams", [1, 999, 1000, 1250, 1_234_567, 10**12])
def test_weight_round_trips(grams):
    assert parse_weight_g(format_weight_kg(grams)) == grams


@pytest.mark.parametrize("amount, cost, text", [
    (10_000, 7_655, "23.5%"), (10_000, 10_500, "-5.0%"), (3, 1, "66.7%"), (3, 2, "33.3%"),
    (10_000, None, ""), (0, 0, ""), (10_000, 0, "100.0%"), (2_000, 1_999, "0.1%"), (20_000, 19_999, "0.0%"),
])
def test_margin_percent(amount, cost, text):
    assert margin_percent(amount, cost) == text


def test_parse_count():
    assert parse_count("１２") == 12 and parse_count("0") == 0 and parse_count("") is None
    for bad in ("1.5", "-1", "x"):
        with pytest.raises(ValueError):
            parse_count(bad)
