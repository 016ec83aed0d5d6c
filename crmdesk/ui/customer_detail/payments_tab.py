"""A customer's payments (回款): the balance, the table, and the payment dialog.

Like the orders tab, every change is saved at once through ``LedgerAccess``
and announced with ``changed``.  A payment larger than what is owed is
refused until the user ticks "Record as prepayment".
"""

from __future__ import annotations

import html
from dataclasses import replace
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.dates import DateError, parse_date
from crmdesk.domain.money import MoneyError, format_money, parse_money
from crmdesk.domain.orders import Payment, PaymentMethod, over_limit
from crmdesk.domain.validation import ErrorCode, FieldError, clean_single_line
from crmdesk.storage.customer_file import WriteError
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.field_form import ERROR_STYLE
from crmdesk.ui.customer_detail.ledger_widgets import (
    AMBER,
    RED,
    EntryForm,
    TotalsFooter,
    TotalsTableModel,
    digits_width,
    fit_columns,
    setup_table,
)
from crmdesk.ui.ledger_access import LedgerAccess


def money(fen: int) -> str:
    return format_money(fen, symbol=True)


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


class PaymentDialog(QDialog):
    """Add or edit one payment; OK saves through LedgerAccess and stays open on errors.

    ``owed`` is what the customer owes without this payment (for the hint
    next to the amount).
    """

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

        self.general_error = QLabel()
        self.general_error.setObjectName("payment_error_general")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        self.button_box = QDialogButtonBox()
        if self._read_only:
            self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        else:
            self.button_box.setStandardButtons(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            )
            self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(12)
        layout.addWidget(self.general_error)
        layout.addLayout(f.layout)
        layout.addWidget(self.button_box)

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
        text = f.text("date")
        if not clean_single_line(text):
            self._error("date", ErrorCode.REQUIRED)
        else:
            try:
                values["paid_date"] = parse_date(text)
            except DateError:
                self._error("date", ErrorCode.INVALID_DATE)
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

    def _error(self, name: str, code: ErrorCode, params: dict | None = None) -> None:
        self.form.set_error(name, lambda: texts.error_text(code, params))

    def _show_field_errors(self, errors: tuple[FieldError, ...]) -> None:
        for error in errors:
            name = _FIELD_OF.get(error.field, error.field)
            if name in self.form.editors:
                self._error(name, error.code, error.params)
            else:
                self._set_general_error(texts.error_text(error.code, error.params))

    def _set_general_error(self, text: str | None) -> None:
        self.general_error.setText(text or "")
        self.general_error.setVisible(bool(text))

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
        date_line = self.form.line("date")
        # The customer form's hints, already translated there.
        date_line.setPlaceholderText(QCoreApplication.translate("FieldForm", "YYYY-MM-DD"))
        date_line.setToolTip(QCoreApplication.translate(
            "FieldForm", "Also accepted: 2024.1.5, 2024/1/5, 2024年1月5日, 20240105"))
        self.form.line("amount").setToolTip(QCoreApplication.translate("FieldForm", "In yuan, for example 1,234.50"))
        self.owed_hint.setText(self.tr("owed: {amount}").format(amount=money(max(self._owed, 0))))
        self.prepayment_box.setText(self.tr("Record as prepayment"))
        self.prepayment_box.setToolTip(self.tr(
            "Money received ahead of orders (预付款): more than the customer owes now; "
            "it is set against the next orders."))
        self.form.rerender_errors()


# ---------------------------------------------------------------- tab


class PaymentsTab(QWidget):
    """Balance line, payments table and Add/Edit/Delete for one customer."""

    changed = Signal()  # a payment was added, changed or deleted

    def __init__(self, ledger: LedgerAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self._customer_id: int | None = None
        self._credit_limit: int | None = None
        self._receivable = 0
        self._billed = self._paid = 0
        self._dialog: PaymentDialog | None = None
        self._last_method: PaymentMethod | None = PaymentMethod.BANK_TRANSFER

        self.balance_label = QLabel()
        self.balance_label.setObjectName("payments_balance")
        self.balance_label.setTextFormat(Qt.TextFormat.RichText)

        self.model = PaymentTableModel(self)
        self.table = QTableView()
        setup_table(self.table, self.model, "payments_table")
        self.totals_view = TotalsFooter(self.table, self.model, "payments_totals")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PaymentColumn.DATE, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("payments_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text);")

        self.add_button = QPushButton()
        self.add_button.setObjectName("add_payment")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("edit_payment")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("delete_payment")
        self.add_button.clicked.connect(self.add_payment)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)

        self.edit_action = QAction(self.table)
        self.edit_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.edit_action.triggered.connect(self.edit_selected)
        self.delete_action = QAction(self.table)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.triggered.connect(self.delete_selected)
        for action in (self.edit_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.table.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(self.balance_label)
        table_and_totals = QVBoxLayout()
        table_and_totals.setSpacing(0)
        table_and_totals.addWidget(self.table, 1)
        table_and_totals.addWidget(self.totals_view)
        table_and_totals.addStretch(0)  # what the table does not need when it is short
        layout.addLayout(table_and_totals, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)

        self.retranslate()
        self._update_buttons()

    # -- data

    def set_ledger(self, ledger: LedgerAccess) -> None:
        self._ledger = ledger
        self.show_customer(None, None)

    def show_customer(self, customer_id: int | None, credit_limit: int | None) -> None:
        if customer_id != self._customer_id:
            self._close_dialog()
        self._customer_id = customer_id
        self._credit_limit = credit_limit
        self.refresh()

    def customer_id(self) -> int | None:
        return self._customer_id

    def refresh(self, select_id: int | None = None) -> None:
        """Reload the payments and the balance (after an order, too)."""
        if select_id is None:
            current = self.selected_payment()
            select_id = current.id if current is not None else None
        if self._customer_id is None:
            self.model.set_rows([])
            self._billed = self._paid = self._receivable = 0
        else:
            self.model.set_rows(self._ledger.payments(self._customer_id))
            summary = self._ledger.summary(self._customer_id)
            self._billed, self._paid, self._receivable = summary.billed, summary.paid, summary.receivable
        self._render_balance()
        fit_columns(self.table, {PaymentColumn.METHOD: 200})
        if select_id is not None:
            row = self.model.row_of(lambda p: p.id == select_id)
            if row is not None:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
        self._update_buttons()

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
        rows = self.table.selectionModel().selectedRows()
        return self.model.payment(rows[0].row()) if rows else None

    # -- actions

    def add_payment(self) -> None:
        if self._customer_id is None or self._ledger.read_only:
            return
        self._open_dialog(None)

    def edit_selected(self) -> None:
        payment = self.selected_payment()
        if payment is not None:
            self._open_dialog(payment)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        payment = self.model.payment(index.row()) if index.isValid() else None
        if payment is not None:
            self._open_dialog(payment)

    def _open_dialog(self, payment: Payment | None) -> None:
        assert self._customer_id is not None
        self._close_dialog()
        owed = self._receivable + (payment.amount if payment is not None else 0)
        dialog = PaymentDialog(self._ledger, self._customer_id, payment, self, owed=owed, method=self._last_method)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Bound methods, not lambdas holding the dialog: a lambda keeping the
        # wrapper of a WA_DeleteOnClose dialog alive crashes PySide when the
        # tab is deleted right after the dialog closed.
        dialog.saved.connect(self._on_saved)
        dialog.finished.connect(self._on_dialog_finished)
        self._dialog = dialog
        dialog.open()

    def dialog(self) -> PaymentDialog | None:
        """The payment dialog currently open, if any."""
        return self._dialog

    def _on_dialog_finished(self, _result: int) -> None:
        if self._dialog is self.sender():
            self._dialog = None

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            dialog, self._dialog = self._dialog, None
            dialog.reject()

    def _on_saved(self, payment: Payment | None) -> None:
        if payment is None:
            return
        if payment.method is not None:
            self._last_method = payment.method  # the next payment is likely paid the same way
        self.refresh(select_id=payment.id)
        self.changed.emit()

    def delete_selected(self) -> None:
        payment = self.selected_payment()
        if payment is None or self._ledger.read_only:
            return
        details = "   ".join(t for t in (payment.paid_date.isoformat(), money(payment.amount),
                                         method_text(payment.method)) if t)
        answer = QMessageBox.question(
            self,
            self.tr("Delete payment"),
            self.tr("Delete this payment?\n\n{details}\n\nThe receivable goes up by the amount.").format(
                details=details),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        row = self.model.row_of(lambda p: p.id == payment.id) or 0
        try:
            self._ledger.delete_payment(payment)
        except WriteError as e:
            QMessageBox.critical(self, self.tr("Delete payment"), texts.error_text(e.problem, {"detail": e.detail}))
            self.refresh()
            return
        self.refresh()
        if self.model.payments():
            self.table.selectRow(min(row, len(self.model.payments()) - 1))
        self.changed.emit()

    def _update_buttons(self, *_args: object) -> None:
        has_customer = self._customer_id is not None
        writable = has_customer and not self._ledger.read_only
        selected = self.selected_payment() is not None
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected and writable)
        self.edit_action.setEnabled(selected)
        self.delete_action.setEnabled(selected and writable)
        self.empty_label.setVisible(has_customer and not self.model.payments())

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Record money received from this customer"))
        self.edit_button.setText(self.tr("View…") if self._ledger.read_only else self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.edit_action.setText(self.edit_button.text())
        self.delete_action.setText(self.delete_button.text())
        self.empty_label.setText(self.tr("No payments yet. Click “Add…” to record one."))
        self._render_balance()
        self.model.retranslate()
        if self._dialog is not None:
            self._dialog.retranslate()
