"""A customer's sales plans (计划进度): a compact block in the orders tab, and its dialog.

The planned amount per month or quarter is the only thing stored; the actual
(the period's orders up to today), the progress and the time gone are derived
on every refresh, so the orders tab reloads this block whenever it reloads
its orders.  "Behind plan" is the domain's rule: actual / planned below
days gone / days in the period.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.money import MoneyError, format_money, parse_money
from crmdesk.domain.orders import Period, PeriodKind, PlanProgress, SalesPlan
from crmdesk.domain.validation import ErrorCode, clean_single_line
from crmdesk.ui.customer_detail.ledger_widgets import (
    GREEN,
    LEFT,
    RED,
    RIGHT,
    EntryDialog,
    EntryForm,
    EntryHost,
    bold,
    digits_width,
    money,
    setup_table,
)
from crmdesk.ui.ledger_access import PLAN_YEARS, LedgerAccess

VISIBLE_ROWS = 4  # the block stays small: the orders table is the main thing


def newest_first(plans: list[PlanProgress]) -> list[PlanProgress]:
    """Latest start first; a quarter before the month it starts with (it runs longer)."""
    return sorted(plans, key=lambda p: (p.period.first_day, p.period.last_day), reverse=True)


def time_gone_percent(p: PlanProgress) -> int:
    """Days gone as a whole percentage of the period's days, rounded down (as ``percent``)."""
    return 100 * p.days_gone // p.days_total if p.days_total else 0


def plan_to_date(p: PlanProgress) -> int:
    """The time-proportional part of the plan due by today, in fen, rounded up."""
    return -(-p.planned * p.days_gone // p.days_total) if p.days_total else 0


# ---------------------------------------------------------------- table


class PlanColumn(IntEnum):
    PERIOD = 0
    PLANNED = 1
    ACTUAL = 2
    PROGRESS = 3
    TIME_GONE = 4
    STATUS = 5


_CONTEXT = "PlanTableModel"
PLAN_HEADERS = {
    PlanColumn.PERIOD: QT_TRANSLATE_NOOP("PlanTableModel", "Period"),
    PlanColumn.PLANNED: QT_TRANSLATE_NOOP("PlanTableModel", "Planned"),
    PlanColumn.ACTUAL: QT_TRANSLATE_NOOP("PlanTableModel", "Actual"),
    PlanColumn.PROGRESS: QT_TRANSLATE_NOOP("PlanTableModel", "Progress"),
    PlanColumn.TIME_GONE: QT_TRANSLATE_NOOP("PlanTableModel", "Time gone"),
    PlanColumn.STATUS: QT_TRANSLATE_NOOP("PlanTableModel", "Status"),
}
_HEADER_TIPS = {
    PlanColumn.ACTUAL: QT_TRANSLATE_NOOP("PlanTableModel", "Orders in the period up to today"),
    PlanColumn.PROGRESS: QT_TRANSLATE_NOOP("PlanTableModel", "Actual as a share of the plan"),
    PlanColumn.TIME_GONE: QT_TRANSLATE_NOOP("PlanTableModel", "Days of the period gone, today included"),
}
_BEHIND = QT_TRANSLATE_NOOP("PlanTableModel", "behind plan")
_ON_TRACK = QT_TRANSLATE_NOOP("PlanTableModel", "on track")
_NOT_STARTED = QT_TRANSLATE_NOOP("PlanTableModel", "not started")
_DAYS_TIP = QT_TRANSLATE_NOOP("PlanTableModel", "Day {gone} of {total}")
_PROGRESS_TIP = QT_TRANSLATE_NOOP("PlanTableModel", "{actual} of {planned}")
_BEHIND_TIP = QT_TRANSLATE_NOOP("PlanTableModel", "{short} short of the plan to date ({due})")
_RIGHT_ALIGNED = frozenset({PlanColumn.PLANNED, PlanColumn.ACTUAL, PlanColumn.PROGRESS, PlanColumn.TIME_GONE})


def _tr(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def status_text(p: PlanProgress) -> str:
    if p.days_gone == 0:
        return _tr(_NOT_STARTED)
    return _tr(_BEHIND) if p.behind else _tr(_ON_TRACK)


class PlanTableModel(QAbstractTableModel):
    """A customer's plans with their progress, newest period first; read-only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plans: list[PlanProgress] = []

    def set_plans(self, plans: list[PlanProgress]) -> None:
        self.beginResetModel()
        self._plans = newest_first(list(plans))
        self.endResetModel()

    def plans(self) -> list[PlanProgress]:
        return list(self._plans)

    def plan(self, row: int) -> PlanProgress | None:
        return self._plans[row] if 0 <= row < len(self._plans) else None

    def row_of(self, period: Period) -> int | None:
        return next((i for i, p in enumerate(self._plans) if p.period == period), None)

    def retranslate(self) -> None:
        if self._plans:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._plans) - 1, len(PlanColumn) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(PlanColumn) - 1)

    # -- Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._plans)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(PlanColumn)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._plans):
            return None
        p, column = self._plans[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(p, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in _RIGHT_ALIGNED else LEFT
        if role == Qt.ItemDataRole.ForegroundRole and column == PlanColumn.STATUS and p.days_gone:
            return QBrush(QColor(RED if p.behind else GREEN))
        if role == Qt.ItemDataRole.FontRole and column == PlanColumn.STATUS and p.days_gone and p.behind:
            return bold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(p, column)
        return None

    def _cell(self, p: PlanProgress, column: int) -> str:
        if column == PlanColumn.PERIOD:
            return str(p.period)
        if column == PlanColumn.PLANNED:
            return format_money(p.planned)
        if column == PlanColumn.ACTUAL:
            return format_money(p.actual)
        if column == PlanColumn.PROGRESS:
            return f"{p.percent}%" if p.planned else "–"
        if column == PlanColumn.TIME_GONE:
            return f"{time_gone_percent(p)}%"
        return status_text(p)

    def _tooltip(self, p: PlanProgress, column: int) -> str | None:
        if column == PlanColumn.PERIOD:
            return f"{p.period.first_day.isoformat()} – {p.period.last_day.isoformat()}"
        if column == PlanColumn.PROGRESS:
            return _tr(_PROGRESS_TIP).format(actual=money(p.actual), planned=money(p.planned))
        if column == PlanColumn.TIME_GONE:
            return _tr(_DAYS_TIP).format(gone=p.days_gone, total=p.days_total)
        if column == PlanColumn.STATUS and p.days_gone and p.behind:
            due = plan_to_date(p)
            return _tr(_BEHIND_TIP).format(short=money(due - p.actual), due=money(due))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(PlanColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(PLAN_HEADERS[PlanColumn(section)])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if section in _RIGHT_ALIGNED else LEFT
        if role == Qt.ItemDataRole.ToolTipRole and section in _HEADER_TIPS:
            return _tr(_HEADER_TIPS[PlanColumn(section)])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# ---------------------------------------------------------------- dialog


class PeriodPicker(QWidget):
    """Month or quarter, year and number; ``period()`` is always a valid Period."""

    changed = Signal()

    def __init__(self, period: Period, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setObjectName("plan_kind")
        for kind in PeriodKind:
            self.kind.addItem("", kind.value)
        self.year = QSpinBox()
        self.year.setObjectName("plan_year")
        self.year.setRange(*PLAN_YEARS)
        self.year.setGroupSeparatorShown(False)
        self.year.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.number = QComboBox()
        self.number.setObjectName("plan_number")
        self.number.setMinimumContentsLength(3)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.kind)
        layout.addWidget(self.year)
        layout.addWidget(self.number)
        self.setFocusProxy(self.kind)

        self.set_period(period)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.year.valueChanged.connect(self.changed)
        self.number.currentIndexChanged.connect(self.changed)
        self.retranslate()

    def _fill_numbers(self, kind: PeriodKind) -> None:
        self.number.clear()
        if kind is PeriodKind.QUARTER:
            for n in range(1, 5):
                self.number.addItem(f"Q{n}", n)
        else:
            for n in range(1, 13):
                self.number.addItem(f"{n:02d}", n)

    def set_period(self, period: Period) -> None:
        with QSignalBlocker(self.kind), QSignalBlocker(self.year), QSignalBlocker(self.number):
            self.kind.setCurrentIndex(self.kind.findData(period.kind.value))
            self._fill_numbers(period.kind)
            self.year.setValue(period.year)
            self.number.setCurrentIndex(self.number.findData(period.number))
        self.changed.emit()

    def period(self) -> Period:
        return Period(self.year.value(), PeriodKind(self.kind.currentData()), self.number.currentData())

    def _on_kind_changed(self, _index: int) -> None:
        """Keep the time of year: month 11 becomes Q4, and Q4 becomes its first month (10)."""
        kind = PeriodKind(self.kind.currentData())
        old = self.number.currentData() or 1
        new = (old - 1) // 3 + 1 if kind is PeriodKind.QUARTER else 3 * old - 2
        with QSignalBlocker(self.number):
            self._fill_numbers(kind)
            self.number.setCurrentIndex(self.number.findData(new))
        self.changed.emit()

    def retranslate(self) -> None:
        self.kind.setItemText(self.kind.findData(PeriodKind.MONTH.value), self.tr("Month"))
        self.kind.setItemText(self.kind.findData(PeriodKind.QUARTER.value), self.tr("Quarter"))
        self.year.setToolTip(self.tr("Year"))


class PlanDialog(EntryDialog):
    """Set (or replace) the planned amount for one month or quarter; stays open on errors."""

    saved = Signal(object)  # the Period that was set

    def __init__(
        self,
        ledger: LedgerAccess,
        customer_id: int,
        plans: list[PlanProgress],
        period: Period | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("plan_dialog")
        self._ledger = ledger
        self._customer_id = customer_id
        self._current = {p.period: p.planned for p in plans}

        self.form = EntryForm("plan")
        f = self.form
        self.picker = PeriodPicker(period or Period.month_of(ledger.today))
        self.period_hint = QLabel()
        self.period_hint.setObjectName("plan_period_hint")
        self.period_hint.setStyleSheet("color: palette(placeholder-text);")
        f.add("period", self.picker, beside=self.period_hint)
        self.amount_hint = QLabel()
        self.amount_hint.setObjectName("plan_amount_hint")
        self.amount_hint.setStyleSheet("color: palette(placeholder-text);")
        f.add("amount", QLineEdit(), width_digits=18, beside=self.amount_hint)
        amount = f.line("amount")
        amount.setMaxLength(40)
        amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self._build_frame(f)
        f.set_field_width(amount, digits_width(amount, 18))
        for label in f.error_labels.values():
            label.setMinimumWidth(digits_width(amount, 36))
        self.general_error.setMinimumWidth(digits_width(self.general_error, 40))

        if period is not None and period in self._current:
            amount.setText(format_money(self._current[period]))
        self.picker.changed.connect(self._update_hints)
        self.retranslate()
        amount.setFocus()
        amount.selectAll()

    def period(self) -> Period:
        return self.picker.period()

    # -- OK

    def accept(self) -> None:
        f = self.form
        f.clear_errors()
        self._set_general_error(None)
        text = f.text("amount")
        amount: int | None = None
        if not clean_single_line(text):
            self._error("amount", ErrorCode.REQUIRED)
        else:
            try:
                amount = parse_money(text)
            except MoneyError as e:
                self._error("amount", ErrorCode(e.code))
        if amount is None:
            f.focus_first_error()
            return
        period = self.period()
        if self._store(lambda: self._ledger.set_plan(SalesPlan(self._customer_id, period, amount)),
                       lambda errors: errors) is None:
            return
        self.saved.emit(period)
        super().accept()

    # -- hints and texts

    def _update_hints(self) -> None:
        period = self.period()
        self.period_hint.setText(f"{period.first_day.isoformat()} – {period.last_day.isoformat()}")
        current = self._current.get(period)
        self.amount_hint.setText(
            "" if current is None else self.tr("current plan {amount}").format(amount=money(current))
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sales plan"))
        self.form.labels["period"].setText(self.tr("Period"))
        self.form.labels["amount"].setText(self.tr("Planned amount"))
        self.form.line("amount").setToolTip(
            QCoreApplication.translate("FieldForm", "In yuan, for example 1,234.50"))
        self.picker.retranslate()
        self._update_hints()
        self.form.rerender_errors()


# ---------------------------------------------------------------- block


class SalesPlanBlock(EntryHost):
    """Title, Set plan…/Remove, and a small table of the customer's plans."""

    changed = Signal()  # a plan was set or removed

    def __init__(self, ledger: LedgerAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sales_plan")
        self._ledger = ledger
        self._customer_id: int | None = None
        self._dialog: PlanDialog | None = None

        self.title = QLabel()
        self.title.setObjectName("plan_title")
        self.title.setFont(bold(self.title.font()))
        self.set_button = QPushButton()
        self.set_button.setObjectName("set_plan")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove_plan")
        self.set_button.clicked.connect(self.set_plan)
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.set_button, self.remove_button):
            button.setAutoDefault(False)

        self.model = PlanTableModel(self)
        self.table = QTableView()
        setup_table(self.table, self.model, "plans_table")
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.table.horizontalScrollBar().rangeChanged.connect(self._fit_height)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("plans_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text);")

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.title)
        top.addSpacing(8)
        top.addWidget(self.empty_label, 1)
        top.addStretch(0)
        top.addWidget(self.set_button)
        top.addWidget(self.remove_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.table)

        self.retranslate()
        self._fit_height()
        self._update_buttons()

    # -- data

    def set_ledger(self, ledger: LedgerAccess) -> None:
        self._ledger = ledger
        self.show_customer(None)

    def show_customer(self, customer_id: int | None) -> None:
        if customer_id != self._customer_id:
            self._close_dialog()
        self._customer_id = customer_id
        self.refresh()

    def refresh(self, select: Period | None = None) -> None:
        """Reload the plans and their progress (after any order change, too)."""
        if select is None:
            current = self.selected_plan()
            select = current.period if current is not None else None
        plans = [] if self._customer_id is None else self._ledger.plans(self._customer_id)
        self.model.set_plans(plans)
        self.table.setVisible(bool(plans))
        self._fit_columns()
        if select is not None:
            row = self.model.row_of(select)
            if row is not None:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
        self._fit_height()
        self._update_buttons()

    def selected_plan(self) -> PlanProgress | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.plan(rows[0].row()) if rows else None

    def _fit_columns(self) -> None:
        """Contents plus some air; the status column takes the rest (never wider, or it scrolls)."""
        table = self.table
        air = table.fontMetrics().horizontalAdvance("00")
        for column in PlanColumn:
            if column != PlanColumn.STATUS:
                table.resizeColumnToContents(column)
                table.setColumnWidth(column, table.columnWidth(column) + air)

    def _fit_height(self, *_args: object) -> None:
        """Room for the rows up to VISIBLE_ROWS; more scroll."""
        table = self.table
        shown = min(max(self.model.rowCount(), 1), VISIBLE_ROWS)
        height = (
            table.horizontalHeader().sizeHint().height()
            + shown * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )
        if table.horizontalScrollBar().maximum() > 0:
            height += table.horizontalScrollBar().sizeHint().height()
        table.setFixedHeight(height)

    # -- actions

    def set_plan(self) -> None:
        if self._customer_id is None or self._ledger.read_only:
            return
        selected = self.selected_plan()
        self._open_dialog(selected.period if selected is not None else None)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        plan = self.model.plan(index.row()) if index.isValid() else None
        if plan is not None and self._customer_id is not None and not self._ledger.read_only:
            self._open_dialog(plan.period)

    def _open_dialog(self, period: Period | None) -> None:
        assert self._customer_id is not None
        customer_id = self._customer_id
        self._show_dialog(lambda: PlanDialog(self._ledger, customer_id, self.model.plans(), period, self))

    def dialog(self) -> PlanDialog | None:
        """The plan dialog currently open, if any."""
        return self._dialog  # type: ignore[return-value]

    def _on_saved(self, period: Period) -> None:
        self.refresh(select=period)
        self.changed.emit()

    def _row_index(self, plan: PlanProgress) -> int | None:
        return self.model.row_of(plan.period)

    def _row_count(self) -> int:
        return len(self.model.plans())

    def remove_selected(self) -> None:
        plan = self.selected_plan()
        if plan is None or self._customer_id is None or self._ledger.read_only:
            return
        customer_id = self._customer_id
        self._confirm_delete(
            plan,
            self.tr("Remove sales plan"),
            self.tr("Remove the sales plan for {period} ({amount})?\n\nThe orders stay as they are.").format(
                period=str(plan.period), amount=money(plan.planned)),
            lambda: self._ledger.delete_plan(customer_id, plan.period),
        )

    def _update_buttons(self, *_args: object) -> None:
        writable = self._customer_id is not None and not self._ledger.read_only
        self.set_button.setEnabled(writable)
        self.remove_button.setEnabled(writable and self.selected_plan() is not None)
        self.empty_label.setVisible(self._customer_id is not None and not self.model.rowCount())

    def retranslate(self) -> None:
        self.title.setText(self.tr("Sales plan"))
        self.set_button.setText(self.tr("Set plan…"))
        self.set_button.setToolTip(self.tr("Plan the sales of a month or a quarter (replaces its plan)"))
        self.remove_button.setText(self.tr("Remove"))
        self.empty_label.setText(self.tr("No plan yet."))
        self.model.retranslate()
        self._fit_columns()
        if self._dialog is not None:
            self._dialog.retranslate()
