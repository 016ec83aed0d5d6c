"""A customer's payments (回款): the balance, the table, and the payment dialog.

Like the orders tab, every change is saved at once through ``LedgerAccess``
and announced with ``changed``.  A payment larger than what is owed is
refused until the user ticks "Record as prepayment".
"""

from __future__ import annotations

import html
from dataclasses import replace
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.money import MoneyError, format_money, parse_money
from crmdesk.domain.orders import Payment, PaymentMethod, over_limit
from crmdesk.domain.validation import ErrorCode, clean_single_line
from crmdesk.storage.customer_file import WriteError
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.ledger_widgets import (
    AMBER,
    RED,
    EntryDialog,
    EntryForm,
    LedgerRowsTab,
    TotalsTableModel,
    digits_width,
    money,
)
from crmdesk.ui.ledger_access import LedgerAccess


# ---------------------------------------------------------------- table


class PaymentColumn(IntEnum):
    DATE = 0
    AMOUNT = 1
    METHOD = 2
    NOTE = 3


_CONTEXT = "PaymentTableModel"
PAYMENT_HEADERS = {
    PaymentColumn.DATE: QT_TRANSLATE_NOOP("PaymentTableModel", "Date"),
    PaymentColumn.AMOUNT: QT_TRANSLATE_NOOP("PaymentTableModel", "Amount"),
    PaymentColumn.METHOD: QT_TRANSLATE_NOOP("PaymentTableModel", "Method"),
    PaymentColumn.NOTE: QT_TRANSLATE_NOOP("PaymentTableModel", "Note"),
}
_TOTAL = QT_TRANSLATE_NOOP("PaymentTableModel", "Total")
_ONE_PAYMENT = QT_TRANSLATE_NOOP("PaymentTableModel", "1 payment")
_N_PAYMENTS = QT_TRANSLATE_NOOP("PaymentTableModel", "{n} payments")


def _tr(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def method_text(method: PaymentMethod | None) -> str:
    return texts.enum_text(method) if method is not None else ""


_PAYMENT_SORT_KEYS = {
    PaymentColumn.DATE: lambda p: (p.paid_date, p.id or 0),
    PaymentColumn.AMOUNT: lambda p: p.amount,
    PaymentColumn.METHOD: lambda p: (p.method is None, method_text(p.method)),
    PaymentColumn.NOTE: lambda p: (not p.note, p.note or ""),
}


class PaymentTableModel(TotalsTableModel):
    """A customer's payments, newest first, with a bold totals row at the bottom."""

    COLUMNS = PaymentColumn
    HEADERS = PAYMENT_HEADERS
    CONTEXT = _CONTEXT
    RIGHT_ALIGNED = frozenset({PaymentColumn.AMOUNT})

    def cells(self, p: Payment) -> tuple[str, ...]:
        return (p.paid_date.isoformat(), format_money(p.amount), method_text(p.method), p.note or "")

    def total_cells(self, payments) -> tuple[str, ...]:
        count = len(payments)
        return (
            _tr(_TOTAL),
            format_money(sum(p.amount for p in payments)),
            _tr(_ONE_PAYMENT) if count == 1 else _tr(_N_PAYMENTS).format(n=f"{count:,}"),
            "",
        )

    def sort_key(self, column: int):
        return _PAYMENT_SORT_KEYS.get(PaymentColumn(column))

    def tooltip(self, p: Payment, column: int) -> str | None:
        return p.note or None if column == PaymentColumn.NOTE else None

    def payment(self, row: int) -> Payment | None:
        return self.row_at(row)

    def payments(self) -> list[Payment]:
        return self.rows()


# ---------------------------------------------------------------- dialog

_FIELD_OF = {"paid_date": "date"}
_HIGHLIGHT = f"QCheckBox {{ color: {AMBER}; font-weight: bold; }}"


class PaymentDialog(EntryDialog):
    """Add or edit one payment; OK saves through LedgerAccess and stays open on errors.

    ``owed`` is what the customer owes without this payment (for the hint
    next to the amount).
    """

    FIELD_OF = _FIELD_OF
    saved = Signal(object)  # the payment as stored

    def __init__(
        self,
        ledger: LedgerAccess,
        customer_id: int,
        payment: Payment | None = None,
        parent: QWidget | None = None,
        *,
        owed: int = 0,
        method: PaymentMethod | None = PaymentMethod.BANK_TRANSFER,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("payment_dialog")
        self._ledger = ledger
        self._customer_id = customer_id
        self._original = payment
        self._owed = owed
        self._read_only = ledger.read_only
        self._saved: Payment | None = None

        self.form = EntryForm("payment")
        f = self.form
        f.add("date", QLineEdit(), width_digits=14)
        self.owed_hint = QLabel()
        self.owed_hint.setObjectName("payment_owed_hint")
        self.owed_hint.setStyleSheet("color: palette(placeholder-text);")
        f.add("amount", QLineEdit(), width_digits=18, beside=self.owed_hint)
        combo = QComboBox()
        combo.addItem("", "")  # not stated (imported payments); "" rather than None, see field_form
        for member in PaymentMethod:
            combo.addItem("", member.value)
        combo.setMinimumContentsLength(12)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        f.add("method", combo)
        f.add("note", QLineEdit())
        self.prepayment_box = QCheckBox()
        self.prepayment_box.setObjectName("payment_prepayment")
        self.prepayment_box.toggled.connect(self._on_prepayment_toggled)
        f.layout.addRow("", self.prepayment_box)
        for name, length in (("date", 40), ("amount", 40), ("note", 500)):
            f.line(name).setMaxLength(length)
            f.line(name).setReadOnly(self._read_only)
        f.line("amount").setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        combo.setEnabled(not self._read_only)
        self.prepayment_box.setEnabled(not self._read_only)

        self._build_frame(f, read_only=self._read_only)

        # The width comes from the editors, not the dialog: the layout works out
        # the height of wrapped error messages at its own minimum width.
        f.set_field_width(f.line("note"), digits_width(f.line("note"), 40))
        self.general_error.setMinimumWidth(digits_width(self.general_error, 50))

        self._load(payment, method)
        self.retranslate()
        f.line("amount").setFocus()

    @property
    def method_combo(self) -> QComboBox:
        combo = self.form.editors["method"]
        assert isinstance(combo, QComboBox)
        return combo

    def _load(self, payment: Payment | None, method: PaymentMethod | None) -> None:
        f = self.form
        if payment is None:
            f.line("date").setText(self._ledger.today.isoformat())
        else:
            f.line("date").setText(payment.paid_date.isoformat())
            f.line("amount").setText(format_money(payment.amount))
            f.line("note").setText(payment.note or "")
            method = payment.method
            # A stored prepayment stays one when it is edited.
            self.prepayment_box.setChecked(payment.amount > max(self._owed, 0))
        index = self.method_combo.findData(method.value if method is not None else "")
        self.method_combo.setCurrentIndex(max(index, 0))

    # -- OK

    def _payment_from_fields(self) -> Payment | None:
        f = self.form
        f.clear_errors()
        values: dict[str, object] = {}
        day = self._read_date("date")
        if day is not None:
            values["paid_date"] = day
        text = f.text("amount")
        if not clean_single_line(text):
            self._error("amount", ErrorCode.REQUIRED)
        else:
            try:
                values["amount"] = parse_money(text)
            except MoneyError as e:
                self._error("amount", ErrorCode(e.code))
        data = self.method_combo.currentData()
        values["method"] = PaymentMethod(data) if data else None
        values["note"] = clean_single_line(f.text("note")) or None
        if f.error_fields():
            return None
        if self._original is not None:
            return replace(self._original, **values)
        return Payment(customer_id=self._customer_id, **values)  # type: ignore[arg-type]

    def accept(self) -> None:
        if self._read_only:
            self.reject()
            return
        self._set_general_error(None)
        payment = self._payment_from_fields()
        if payment is None:
            self.form.focus_first_error()
            return
        try:
            result = self._ledger.save_payment(payment, prepayment=self.prepayment_box.isChecked())
        except WriteError as e:
            self._set_general_error(texts.error_text(e.problem, {"detail": e.detail}))
            return
        if result.errors:
            self._show_field_errors(result.errors)
            if any(e.code is ErrorCode.MORE_THAN_OWED for e in result.errors):
                # The user may mean it: point at the box that says so.
                self.prepayment_box.setStyleSheet(_HIGHLIGHT)
                self.prepayment_box.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.form.focus_first_error()
            return
        self._saved = result.payment
        self.saved.emit(self._saved)
        super().accept()

    def _on_prepayment_toggled(self, checked: bool) -> None:
        if checked:
            self.prepayment_box.setStyleSheet("")

    def prepayment_highlighted(self) -> bool:
        return bool(self.prepayment_box.styleSheet())

    def saved_payment(self) -> Payment | None:
        """The payment as stored once the dialog was accepted, else None."""
        return self._saved

    def retranslate(self) -> None:
        if self._read_only:
            self.setWindowTitle(self.tr("Payment"))
        elif self._original is None:
            self.setWindowTitle(self.tr("Add payment"))
        else:
            self.setWindowTitle(self.tr("Edit payment"))
        labels = {"date": "paid_date"}
        for name, label in self.form.labels.items():
            label.setText(texts.field_label(labels.get(name, name)))
        combo = self.method_combo
        for i in range(1, combo.count()):
            combo.setItemText(i, texts.enum_text(PaymentMethod(combo.itemData(i))))
        self._retranslate_date_hints()
        self.form.line("amount").setToolTip(QCoreApplication.translate("FieldForm", "In yuan, for example 1,234.50"))
        self.owed_hint.setText(self.tr("owed: {amount}").format(amount=money(max(self._owed, 0))))
        self.prepayment_box.setText(self.tr("Record as prepayment"))
        self.prepayment_box.setToolTip(self.tr(
            "Money received ahead of orders (预付款): more than the customer owes now; "
            "it is set against the next orders."))
        self.form.rerender_errors()


# ---------------------------------------------------------------- tab


class PaymentsTab(LedgerRowsTab):
    """Balance line, payments table and Add/Edit/Delete for one customer."""

    changed = Signal()  # a payment was added, changed or deleted

    NAME = "payments"
    ITEM = "payment"
    MODEL = PaymentTableModel
    DATE_COLUMN = PaymentColumn.DATE
    COLUMN_CAPS = {PaymentColumn.METHOD: 200}

    model: PaymentTableModel

    def __init__(self, ledger: LedgerAccess, parent: QWidget | None = None) -> None:
        super().__init__(ledger, parent)
        self._receivable = 0
        self._billed = self._paid = 0
        self._last_method: PaymentMethod | None = PaymentMethod.BANK_TRANSFER

    def _add_header(self, layout: QVBoxLayout) -> None:
        self.balance_label = QLabel()
        self.balance_label.setObjectName("payments_balance")
        self.balance_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.balance_label)

    # -- data

    def refresh(self, select_id: int | None = None) -> None:
        """Reload the payments and the balance (after an order, too)."""
        super().refresh(select_id)

    def _ledger_rows(self, customer_id: int) -> list[Payment]:
        return self._ledger.payments(customer_id)

    def _refresh_header(self) -> None:
        if self._customer_id is None:
            self._billed = self._paid = self._receivable = 0
        else:
            summary = self._ledger.summary(self._customer_id)
            self._billed, self._paid, self._receivable = summary.billed, summary.paid, summary.receivable
        self._render_balance()

    def _render_balance(self) -> None:
        if self._customer_id is None:
            self.balance_label.clear()
            return
        grey = "color: palette(placeholder-text);"

        def pair(caption: str, value: str, style: str = "") -> str:
            return (f'<span style="{grey}">{html.escape(caption)}</span>&nbsp;'
                    f'<span style="{style}">{html.escape(value)}</span>')

        over = over_limit(self._receivable, self._credit_limit)
        parts = [
            # The ledger overview's words, so that both say the same thing.
            pair(QCoreApplication.translate("LedgerTableModel", "Billed"), money(self._billed)),
            pair(QCoreApplication.translate("LedgerTableModel", "Paid"), money(self._paid)),
            pair(QCoreApplication.translate("LedgerTableModel", "Receivable"), money(self._receivable),
                 f"font-weight: bold; color: {RED};" if over else "font-weight: bold;"),
        ]
        if over:
            assert self._credit_limit is not None
            parts.append(f'<span style="color: {RED};">' + html.escape(
                self.tr("over the credit limit {limit}").format(limit=money(self._credit_limit))) + "</span>")
        self.balance_label.setText("&nbsp;&nbsp;&nbsp;".join(parts))

    def selected_payment(self) -> Payment | None:
        return self.selected_row()

    def dialog(self) -> PaymentDialog | None:
        """The payment dialog currently open, if any."""
        return self._dialog  # type: ignore[return-value]

    # -- actions

    def add_payment(self) -> None:
        self.add_entry()

    def _make_dialog(self, payment: Payment | None) -> PaymentDialog:
        assert self._customer_id is not None
        owed = self._receivable + (payment.amount if payment is not None else 0)
        return PaymentDialog(self._ledger, self._customer_id, payment, self, owed=owed, method=self._last_method)

    def _on_saved(self, payment: Payment | None) -> None:
        if payment is not None and payment.method is not None:
            self._last_method = payment.method  # the next payment is likely paid the same way
        super()._on_saved(payment)

    def _delete(self, payment: Payment) -> None:
        self._ledger.delete_payment(payment)

    def _delete_texts(self, payment: Payment) -> tuple[str, str]:
        details = "   ".join(t for t in (payment.paid_date.isoformat(), money(payment.amount),
                                         method_text(payment.method)) if t)
        return (
            self.tr("Delete payment"),
            self.tr("Delete this payment?\n\n{details}\n\nThe receivable goes up by the amount.").format(
                details=details),
        )

    def texts(self) -> dict[str, str]:
        return {
            "add": self.tr("Add…"),
            "add_tip": self.tr("Record money received from this customer"),
            "view": self.tr("View…"),
            "edit": self.tr("Edit…"),
            "delete": self.tr("Delete"),
            "empty": self.tr("No payments yet. Click “Add…” to record one."),
        }

    def _retranslate_header(self) -> None:
        self._render_balance()
