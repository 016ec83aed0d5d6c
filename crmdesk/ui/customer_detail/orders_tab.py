"""A customer's orders (订单 / 运单): the sums on top, the table, and the order dialog.

Everything is read and written through ``LedgerAccess``; each change is saved
at once (unlike the customer fields, which wait for "Save"), and ``changed``
tells the window to refresh what depends on the receivable.

Entering an order that takes the receivable over the credit limit asks
first, with the numbers; a file whose rules say "block" refuses it.
"""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from fractions import Fraction

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.money import MoneyError, format_money, parse_money
from crmdesk.domain.orders import CreditCheck, FinancialSummary, Order, over_limit, validate_order
from crmdesk.domain.validation import ErrorCode, clean_single_line
from crmdesk.storage.customer_file import WriteError
from crmdesk.ui import texts
from crmdesk.domain.orders import WeightError, format_weight_kg, parse_weight_g
from crmdesk.ui.customer_detail.ledger_widgets import (
    AMBER,
    RED,
    EntryDialog,
    EntryForm,
    LedgerRowsTab,
    TotalsTableModel,
    bold,
    digits_width,
    margin_percent,
    money,
    parse_count,
    weight_edit_text,
)
from crmdesk.ui.customer_detail.sales_plan import SalesPlanBlock
from crmdesk.ui.ledger_access import LedgerAccess


# ---------------------------------------------------------------- table


class OrderColumn(IntEnum):
    DATE = 0
    PRODUCT = 1
    QUANTITY = 2
    AMOUNT = 3
    COST = 4
    MARGIN = 5
    WAYBILL = 6
    ROUTE = 7
    PIECES = 8
    WEIGHT = 9
    NOTE = 10


_CONTEXT = "OrderTableModel"
ORDER_HEADERS = {
    OrderColumn.DATE: QT_TRANSLATE_NOOP("OrderTableModel", "Date"),
    OrderColumn.PRODUCT: QT_TRANSLATE_NOOP("OrderTableModel", "Product or service"),
    OrderColumn.QUANTITY: QT_TRANSLATE_NOOP("OrderTableModel", "Qty"),
    OrderColumn.AMOUNT: QT_TRANSLATE_NOOP("OrderTableModel", "Amount"),
    OrderColumn.COST: QT_TRANSLATE_NOOP("OrderTableModel", "Cost"),
    OrderColumn.MARGIN: QT_TRANSLATE_NOOP("OrderTableModel", "Margin"),
    OrderColumn.WAYBILL: QT_TRANSLATE_NOOP("OrderTableModel", "Waybill no."),
    OrderColumn.ROUTE: QT_TRANSLATE_NOOP("OrderTableModel", "Route"),
    OrderColumn.PIECES: QT_TRANSLATE_NOOP("OrderTableModel", "Pieces"),
    OrderColumn.WEIGHT: QT_TRANSLATE_NOOP("OrderTableModel", "Weight (kg)"),
    OrderColumn.NOTE: QT_TRANSLATE_NOOP("OrderTableModel", "Note"),
}
_TOTAL = QT_TRANSLATE_NOOP("OrderTableModel", "Total")
_ONE_ORDER = QT_TRANSLATE_NOOP("OrderTableModel", "1 order")
_N_ORDERS = QT_TRANSLATE_NOOP("OrderTableModel", "{n} orders")
_GROSS_PROFIT = QT_TRANSLATE_NOOP("OrderTableModel", "Gross profit {profit}")


def _tr(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def route_text(origin: str | None, destination: str | None) -> str:
    if not origin and not destination:
        return ""
    return f"{origin or ''} → {destination or ''}".strip()


def _margin_key(order: Order) -> tuple[bool, Fraction]:
    if order.cost is None or order.amount <= 0:
        return (True, Fraction(0))
    return (False, Fraction(order.amount - order.cost, order.amount))


def _optional(value: object) -> tuple[bool, object]:
    """Sort key: rows without a value after those with one (ascending)."""
    return (value is None or value == "", value or 0)


_ORDER_SORT_KEYS = {
    OrderColumn.DATE: lambda o: (o.order_date, o.id or 0),
    OrderColumn.PRODUCT: lambda o: o.product,
    OrderColumn.QUANTITY: lambda o: o.quantity,
    OrderColumn.AMOUNT: lambda o: o.amount,
    OrderColumn.COST: lambda o: _optional(o.cost),
    OrderColumn.MARGIN: _margin_key,
    OrderColumn.WAYBILL: lambda o: (not o.waybill, o.waybill or ""),
    OrderColumn.ROUTE: lambda o: (not (o.origin or o.destination), route_text(o.origin, o.destination)),
    OrderColumn.PIECES: lambda o: _optional(o.pieces),
    OrderColumn.WEIGHT: lambda o: _optional(o.weight_g),
    OrderColumn.NOTE: lambda o: (not o.note, o.note or ""),
}


class OrderTableModel(TotalsTableModel):
    """A customer's orders, newest first, with a bold totals row at the bottom."""

    COLUMNS = OrderColumn
    HEADERS = ORDER_HEADERS
    CONTEXT = _CONTEXT
    RIGHT_ALIGNED = frozenset({
        OrderColumn.QUANTITY, OrderColumn.AMOUNT, OrderColumn.COST, OrderColumn.MARGIN,
        OrderColumn.PIECES, OrderColumn.WEIGHT,
    })

    def cells(self, o: Order) -> tuple[str, ...]:
        return (
            o.order_date.isoformat(),
            o.product,
            f"{o.quantity:,}",
            format_money(o.amount),
            "" if o.cost is None else format_money(o.cost),
            margin_percent(o.amount, o.cost),
            o.waybill or "",
            route_text(o.origin, o.destination),
            "" if o.pieces is None else f"{o.pieces:,}",
            format_weight_kg(o.weight_g),
            o.note or "",
        )

    def total_cells(self, orders) -> tuple[str, ...]:
        costed = [o for o in orders if o.cost is not None]
        costed_amount = sum(o.amount for o in costed)
        cost = sum(o.cost or 0 for o in costed)
        pieces = [o.pieces for o in orders if o.pieces is not None]
        weights = [o.weight_g for o in orders if o.weight_g is not None]
        count = len(orders)
        return (
            _tr(_TOTAL),
            _tr(_ONE_ORDER) if count == 1 else _tr(_N_ORDERS).format(n=f"{count:,}"),
            f"{sum(o.quantity for o in orders):,}",
            format_money(sum(o.amount for o in orders)),
            format_money(cost) if costed else "",
            margin_percent(costed_amount, cost) if costed else "",  # over the orders with a cost
            "",
            "",
            f"{sum(pieces):,}" if pieces else "",
            format_weight_kg(sum(weights)) if weights else "",
            "",
        )

    def sort_key(self, column: int):
        return _ORDER_SORT_KEYS.get(OrderColumn(column))

    def foreground(self, o: Order, column: int) -> QBrush | None:
        if column == OrderColumn.MARGIN and o.cost is not None and o.cost > o.amount:
            return QBrush(QColor(RED))
        return None

    def tooltip(self, o: Order, column: int) -> str | None:
        if column == OrderColumn.PRODUCT:
            return o.product
        if column == OrderColumn.NOTE:
            return o.note or None
        if column == OrderColumn.ROUTE:
            return route_text(o.origin, o.destination) or None
        if column == OrderColumn.MARGIN and o.cost is not None:
            return _tr(_GROSS_PROFIT).format(profit=money(o.amount - o.cost))
        return None

    def order(self, row: int) -> Order | None:
        return self.row_at(row)

    def orders(self) -> list[Order]:
        return self.rows()


# ---------------------------------------------------------------- the over-limit numbers


def credit_sentence(check: CreditCheck) -> str:
    return QCoreApplication.translate(
        "OrderDialog",
        "Receivable {before} + this order {amount} = {after}, over the credit limit {limit} by {over}.",
    ).format(
        before=money(check.receivable_before),
        amount=money(check.order_amount),
        after=money(check.receivable_after),
        limit=money(check.credit_limit),
        over=money(check.over_by),
    )


# ---------------------------------------------------------------- dialog

# Service field names to the dialog's.
_FIELD_OF = {"order_date": "date", "weight_g": "weight"}


class OrderDialog(EntryDialog):
    """Add or edit one order; OK saves through LedgerAccess and stays open on errors."""

    FIELD_OF = _FIELD_OF
    saved = Signal(object)  # the order as stored

    def __init__(
        self,
        ledger: LedgerAccess,
        customer_id: int,
        order: Order | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("order_dialog")
        self._ledger = ledger
        self._customer_id = customer_id
        self._original = order
        self._read_only = ledger.read_only
        self._saved: Order | None = None

        self.form = EntryForm("order")
        f = self.form
        f.add("date", QLineEdit(), width_digits=14)
        f.add("product", QLineEdit())
        f.add("quantity", QLineEdit(), width_digits=10)
        f.add("amount", QLineEdit(), width_digits=18)
        self.margin_hint = QLabel()
        self.margin_hint.setObjectName("order_margin_hint")
        f.add("cost", QLineEdit(), width_digits=18, beside=self.margin_hint)
        self.shipment_title = QLabel()
        f.add_section(self.shipment_title)
        f.add("waybill", QLineEdit(), width_digits=24)
        f.add("origin", QLineEdit())
        f.add("destination", QLineEdit())
        f.add("pieces", QLineEdit(), width_digits=10)
        f.add("weight", QLineEdit(), width_digits=14)
        f.add("note", QLineEdit())
        limits = {"product": 200, "waybill": 64, "origin": 100, "destination": 100, "note": 500,
                  "date": 40, "quantity": 20, "amount": 40, "cost": 40, "pieces": 20, "weight": 40}
        for name, editor in f.editors.items():
            assert isinstance(editor, QLineEdit)
            editor.setMaxLength(limits[name])
            editor.setReadOnly(self._read_only)
        for name in ("quantity", "amount", "cost", "pieces", "weight"):
            f.line(name).setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        f.line("amount").textChanged.connect(self._update_margin_hint)
        f.line("cost").textChanged.connect(self._update_margin_hint)

        self._build_frame(f, read_only=self._read_only)

        # The width comes from the editors, not the dialog: the layout works out
        # the height of wrapped error messages at its own minimum width.
        f.set_field_width(f.line("product"), digits_width(f.line("product"), 40))
        self.general_error.setMinimumWidth(digits_width(self.general_error, 50))

        self._load(order)
        self.retranslate()
        f.line("product" if order is None else "amount").setFocus()

    def _load(self, order: Order | None) -> None:
        f = self.form
        if order is None:
            f.line("date").setText(self._ledger.today.isoformat())
            f.line("quantity").setText("1")
            return
        values = {
            "date": order.order_date.isoformat(),
            "product": order.product,
            "quantity": str(order.quantity),
            "amount": format_money(order.amount),
            "cost": "" if order.cost is None else format_money(order.cost),
            "waybill": order.waybill or "",
            "origin": order.origin or "",
            "destination": order.destination or "",
            "pieces": "" if order.pieces is None else str(order.pieces),
            "weight": weight_edit_text(order.weight_g),
            "note": order.note or "",
        }
        for name, text in values.items():
            f.line(name).setText(text)
            f.line(name).setCursorPosition(0)

    # -- reading the fields

    def _order_from_fields(self) -> Order | None:
        """The order as typed, or None with the errors shown under the fields."""
        f = self.form
        f.clear_errors()
        values: dict[str, object] = {}

        day = self._read_date("date")
        if day is not None:
            values["order_date"] = day
        values["product"] = clean_single_line(f.text("product"))
        for name in ("quantity", "pieces"):
            try:
                values[name] = parse_count(f.text(name))
            except ValueError:
                self._error(name, ErrorCode.INVALID_INTEGER)
        if values.get("quantity") is None and "quantity" not in f.error_fields():
            self._error("quantity", ErrorCode.REQUIRED)
        for name in ("amount", "cost"):
            text = f.text(name)
            if not clean_single_line(text):
                values[name] = None
                continue
            try:
                values[name] = parse_money(text)
            except MoneyError as e:
                self._error(name, ErrorCode(e.code))
        if values.get("amount") is None and "amount" not in f.error_fields():
            self._error("amount", ErrorCode.REQUIRED)
        try:
            values["weight_g"] = parse_weight_g(f.text("weight"))
        except WeightError:
            f.set_error("weight", lambda: self.tr(
                "Not a valid weight in kilograms (for example 1.25; at most three decimals)."))
        for name in ("waybill", "origin", "destination", "note"):
            values[name] = clean_single_line(f.text(name)) or None
        if f.error_fields():
            self._show_rule_errors(values)
            return None
        if self._original is not None:
            return replace(self._original, **values)
        return Order(customer_id=self._customer_id, **values)  # type: ignore[arg-type]

    def _show_rule_errors(self, values: dict[str, object]) -> None:
        """With some fields unreadable, still show what the rules say about the others.

        So that "0" pieces and a bad weight are reported together, not one
        after the other.  The date horizon is the file's rule and is left to
        the save.
        """
        stand_in = {"order_date": self._ledger.today, "quantity": 1, "amount": 0}
        typed = {k: v for k, v in values.items() if v is not None or k not in stand_in}
        provisional = Order(customer_id=self._customer_id, **{**stand_in, **typed})  # type: ignore[arg-type]
        errors = validate_order(provisional, self._ledger.today, horizon_days=10**6)
        self._show_field_errors(tuple(errors))

    # -- OK

    def accept(self) -> None:
        if self._read_only:
            self.reject()
            return
        self._set_general_error(None)
        order = self._order_from_fields()
        if order is None:
            self.form.focus_first_error()
            return
        self._save(order, confirmed=False)

    def _save(self, order: Order, *, confirmed: bool) -> None:
        try:
            result = self._ledger.save_order(order, over_limit_confirmed=confirmed)
        except WriteError as e:
            self._set_general_error(texts.error_text(e.problem, {"detail": e.detail}))
            return
        if result.errors:
            self.form.clear_errors()
            self._show_field_errors(result.errors)
            self.form.focus_first_error()
            return
        if result.blocked:
            assert result.credit is not None
            QMessageBox.critical(
                self,
                self.tr("Over the credit limit"),
                self.tr("This file does not allow orders that take a customer over the credit limit."
                        "\n\n{numbers}\n\nThe order was not saved. Record a payment first, or raise "
                        "the customer's credit limit.").format(numbers=credit_sentence(result.credit)),
            )
            self.form.line("amount").setFocus()
            return
        if result.needs_confirmation:
            assert result.credit is not None
            answer = QMessageBox.warning(
                self,
                self.tr("Over the credit limit"),
                credit_sentence(result.credit) + "\n\n" + self.tr("Save anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._save(order, confirmed=True)
            else:
                self.form.line("amount").setFocus()
            return
        self._saved = result.order
        self.saved.emit(self._saved)
        super().accept()

    def saved_order(self) -> Order | None:
        """The order as stored once the dialog was accepted, else None."""
        return self._saved

    # -- hints and texts

    def _update_margin_hint(self, *_args: object) -> None:
        try:
            amount = parse_money(self.form.text("amount"))
            cost = parse_money(self.form.text("cost"))
        except MoneyError:
            self.margin_hint.clear()
            return
        margin = margin_percent(amount, cost)
        self.margin_hint.setText(self.tr("Gross margin {margin}").format(margin=margin) if margin else "")
        self.margin_hint.setStyleSheet(f"color: {RED};" if cost > amount else "color: palette(placeholder-text);")

    def retranslate(self) -> None:
        if self._read_only:
            self.setWindowTitle(self.tr("Order"))
        elif self._original is None:
            self.setWindowTitle(self.tr("Add order"))
        else:
            self.setWindowTitle(self.tr("Edit order"))
        labels = {"date": "order_date"}
        for name, label in self.form.labels.items():
            label.setText(texts.field_label(labels.get(name, name)))
        self.shipment_title.setText(self.tr("Shipment (optional)"))
        self._retranslate_date_hints()
        for name in ("amount", "cost"):
            self.form.line(name).setToolTip(QCoreApplication.translate("FieldForm", "In yuan, for example 1,234.50"))
        self.form.line("cost").setPlaceholderText(self.tr("optional"))
        self.form.line("weight").setToolTip(self.tr("In kilograms, for example 1.25 (three decimals are grams)"))
        self._update_margin_hint()
        self.form.rerender_errors()


# ---------------------------------------------------------------- summary


class OrderSummary(QFrame):
    """The customer's sums in a few lines: orders, billed, paid, receivable, aging."""

    _AGING = tuple(zip(("aging_0_30", "aging_31_60", "aging_61_90", "aging_over_90"), texts.AGING_LABELS))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orders_summary")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._summary: FinancialSummary | None = None
        self._credit_limit: int | None = None
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}

        # Three blocks of caption and value: the orders, the money, the receivable.
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        for name, row, block in (
            ("summary_orders", 0, 0), ("summary_first", 1, 0), ("summary_last", 2, 0),
            ("summary_billed", 0, 1), ("summary_paid", 1, 1), ("summary_average", 2, 1),
            ("summary_receivable", 0, 2),
        ):
            self._add_pair(grid, name, row, 3 * block)
        receivable = self.values["summary_receivable"]
        font = bold(receivable.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        receivable.setFont(font)
        self.limit_note = QLabel()
        self.limit_note.setObjectName("summary_limit")
        self.limit_note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.limit_note, 1, 6, 2, 2)
        for gap in (2, 5):
            grid.setColumnMinimumWidth(gap, 14)
            grid.setColumnStretch(gap, 1)

        # The unpaid money by age: captions over amounts, one column a bucket.
        aging = QGridLayout()
        aging.setContentsMargins(0, 0, 0, 0)
        aging.setHorizontalSpacing(18)
        aging.setVerticalSpacing(1)
        self.aging_title = QLabel()
        self.aging_title.setObjectName("summary_aging_title")
        aging.addWidget(self.aging_title, 0, 0, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        for column, (name, _source) in enumerate(self._AGING, start=1):
            caption, value = QLabel(), QLabel()
            caption.setObjectName(f"{name}_caption")
            caption.setStyleSheet("color: palette(placeholder-text);")
            value.setObjectName(name)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            for label in (caption, value):
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.captions[name], self.values[name] = caption, value
            aging.addWidget(caption, 0, column)
            aging.addWidget(value, 1, column)
            aging.setColumnMinimumWidth(column, digits_width(value, 11))
        aging.setColumnStretch(len(self._AGING) + 1, 1)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(grid)
        layout.addWidget(line)
        layout.addLayout(aging)
        self.retranslate()

    def _add_pair(self, grid: QGridLayout, name: str, row: int, column: int) -> None:
        caption, value = QLabel(), QLabel()
        caption.setObjectName(f"{name}_caption")
        value.setObjectName(name)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        caption.setStyleSheet("color: palette(placeholder-text);")
        self.captions[name], self.values[name] = caption, value
        grid.addWidget(caption, row, column)
        grid.addWidget(value, row, column + 1)

    def set_summary(self, summary: FinancialSummary | None, credit_limit: int | None) -> None:
        self._summary, self._credit_limit = summary, credit_limit
        self._render()

    def text(self, name: str) -> str:
        return self.values[name].text()

    def _render(self) -> None:
        s = self._summary
        v = self.values
        if s is None:
            for label in v.values():
                label.setText("–")
                label.setStyleSheet("")
            self.limit_note.clear()
            return
        dash = "–"
        v["summary_orders"].setText(f"{s.order_count:,}")
        v["summary_first"].setText(s.first_order.isoformat() if s.first_order else dash)
        v["summary_last"].setText(s.last_order.isoformat() if s.last_order else dash)
        v["summary_billed"].setText(money(s.billed))
        v["summary_average"].setText(money(s.average_order) if s.order_count else dash)
        v["summary_paid"].setText(money(s.paid))
        receivable = v["summary_receivable"]
        receivable.setText(money(s.receivable))
        over = over_limit(s.receivable, self._credit_limit)
        receivable.setStyleSheet(f"color: {RED};" if over else "")
        if over:
            assert self._credit_limit is not None
            self.limit_note.setText(self.tr("over the credit limit {limit}\nby {over}").format(
                limit=money(self._credit_limit), over=money(s.receivable - self._credit_limit)))
            self.limit_note.setStyleSheet(f"color: {RED}; font-weight: bold;")
        elif s.prepaid:
            self.limit_note.setText(self.tr("paid in advance {amount}").format(amount=money(s.prepaid)))
            self.limit_note.setStyleSheet("color: palette(placeholder-text);")
        elif self._credit_limit is not None:
            self.limit_note.setText(self.tr("credit limit {limit}").format(limit=money(self._credit_limit)))
            self.limit_note.setStyleSheet("color: palette(placeholder-text);")
        else:
            self.limit_note.clear()
        colours = (None, None, AMBER, RED)
        for (name, _source), amount, colour in zip(self._AGING, s.aging.as_tuple(), colours):
            v[name].setText(money(amount))
            v[name].setStyleSheet(f"color: {colour}; font-weight: bold;" if colour and amount else "")
        oldest = s.aging.oldest_unpaid
        self.aging_title.setToolTip(
            self.tr("Oldest unpaid order: {date}").format(date=oldest.isoformat()) if oldest else ""
        )

    def retranslate(self) -> None:
        captions = {
            "summary_orders": self.tr("Orders"),
            "summary_first": self.tr("First order"),
            "summary_last": self.tr("Last order"),
            "summary_average": self.tr("Average order"),
        }
        # The ledger overview's words, so that both say the same thing.
        captions["summary_billed"] = QCoreApplication.translate("LedgerTableModel", "Billed")
        captions["summary_paid"] = QCoreApplication.translate("LedgerTableModel", "Paid")
        captions["summary_receivable"] = QCoreApplication.translate("LedgerTableModel", "Receivable")
        for name, text in captions.items():
            self.captions[name].setText(text)
        for name, source in self._AGING:
            self.captions[name].setText(QCoreApplication.translate("LedgerTableModel", source))
        self.aging_title.setText(self.tr("Unpaid, by age"))
        self._render()


# ---------------------------------------------------------------- tab


class OrdersTab(LedgerRowsTab):
    """Summary, sales plans, orders table and Add/Edit/Delete for one customer."""

    changed = Signal()  # an order was added, changed or deleted

    NAME = "orders"
    ITEM = "order"
    MODEL = OrderTableModel
    DATE_COLUMN = OrderColumn.DATE
    COLUMN_CAPS = {OrderColumn.PRODUCT: 240, OrderColumn.ROUTE: 200, OrderColumn.WAYBILL: 160}

    model: OrderTableModel

    def _add_header(self, layout: QVBoxLayout) -> None:
        self.summary = OrderSummary()
        self.plans = SalesPlanBlock(self._ledger)
        layout.addWidget(self.summary)
        layout.addWidget(self.plans)
        layout.addSpacing(4)

    # -- data

    def set_ledger(self, ledger: LedgerAccess) -> None:
        """Another file (or another day) was opened."""
        self.plans.set_ledger(ledger)
        super().set_ledger(ledger)

    def refresh(self, select_id: int | None = None) -> None:
        """Reload the orders, the sums and the plans' progress (after a payment, too)."""
        super().refresh(select_id)

    def _ledger_rows(self, customer_id: int) -> list[Order]:
        return self._ledger.orders(customer_id)

    def _refresh_header(self) -> None:
        if self._customer_id is None:
            self.summary.set_summary(None, None)
        else:
            self.summary.set_summary(self._ledger.summary(self._customer_id), self._credit_limit)
        self.plans.show_customer(self._customer_id)

    def selected_order(self) -> Order | None:
        return self.selected_row()

    def dialog(self) -> OrderDialog | None:
        """The order dialog currently open, if any."""
        return self._dialog  # type: ignore[return-value]

    # -- actions

    def add_order(self) -> None:
        self.add_entry()

    def _make_dialog(self, order: Order | None) -> OrderDialog:
        assert self._customer_id is not None
        return OrderDialog(self._ledger, self._customer_id, order, self)

    def _delete(self, order: Order) -> None:
        self._ledger.delete_order(order)

    def _delete_texts(self, order: Order) -> tuple[str, str]:
        return (
            self.tr("Delete order"),
            self.tr("Delete this order?\n\n{date}   {product}   {amount}\n\n"
                    "The receivable and the totals change at once.").format(
                date=order.order_date.isoformat(), product=order.product, amount=money(order.amount)),
        )

    def texts(self) -> dict[str, str]:
        return {
            "add": self.tr("Add…"),
            "add_tip": self.tr("Record a new order for this customer"),
            "view": self.tr("View…"),
            "edit": self.tr("Edit…"),
            "delete": self.tr("Delete"),
            "empty": self.tr("No orders yet. Click “Add…” to record one."),
        }

    def _retranslate_header(self) -> None:
        self.summary.retranslate()
        self.plans.retranslate()
