"""The ledger overview (客户台账): every customer's receivable and its age, sortable."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.money import format_money
from crmdesk.domain.orders import over_limit
from crmdesk.storage.orders import LedgerRow
from crmdesk.ui import texts


class LedgerColumn(IntEnum):
    CODE = 0
    NAME = 1
    BILLED = 2
    PAID = 3
    RECEIVABLE = 4
    CREDIT_LIMIT = 5
    DAYS_0_30 = 6
    DAYS_31_60 = 7
    DAYS_61_90 = 8
    DAYS_OVER_90 = 9
    OLDEST = 10


HEADERS = {
    LedgerColumn.CODE: QT_TRANSLATE_NOOP("LedgerTableModel", "Code"),
    LedgerColumn.NAME: QT_TRANSLATE_NOOP("LedgerTableModel", "Name"),
    LedgerColumn.BILLED: QT_TRANSLATE_NOOP("LedgerTableModel", "Billed"),
    LedgerColumn.PAID: QT_TRANSLATE_NOOP("LedgerTableModel", "Paid"),
    LedgerColumn.RECEIVABLE: QT_TRANSLATE_NOOP("LedgerTableModel", "Receivable"),
    LedgerColumn.CREDIT_LIMIT: QT_TRANSLATE_NOOP("LedgerTableModel", "Credit limit"),
    **dict(zip((LedgerColumn.DAYS_0_30, LedgerColumn.DAYS_31_60, LedgerColumn.DAYS_61_90, LedgerColumn.DAYS_OVER_90),
               texts.AGING_LABELS)),
    LedgerColumn.OLDEST: QT_TRANSLATE_NOOP("LedgerTableModel", "Oldest debt"),
}

_MONEY = {
    LedgerColumn.BILLED: lambda r: r.billed,
    LedgerColumn.PAID: lambda r: r.paid,
    LedgerColumn.RECEIVABLE: lambda r: r.receivable,
    LedgerColumn.CREDIT_LIMIT: lambda r: r.credit_limit,
    LedgerColumn.DAYS_0_30: lambda r: r.aging.days_0_30,
    LedgerColumn.DAYS_31_60: lambda r: r.aging.days_31_60,
    LedgerColumn.DAYS_61_90: lambda r: r.aging.days_61_90,
    LedgerColumn.DAYS_OVER_90: lambda r: r.aging.days_over_90,
}

_AGE_COLUMNS = (LedgerColumn.DAYS_0_30, LedgerColumn.DAYS_31_60, LedgerColumn.DAYS_61_90, LedgerColumn.DAYS_OVER_90)


def _oldest_bucket(row: LedgerRow) -> int | None:
    """Index of the oldest age bucket still holding unpaid money."""
    buckets = row.aging.as_tuple()
    return next((i for i in reversed(range(len(buckets))) if buckets[i] > 0), None)


# Sorting keys: money by amount; age by the unpaid amounts from the oldest
# bucket down (who owes the oldest money first when descending); text by itself.
_SORT_KEYS: dict[LedgerColumn, Callable[[LedgerRow], object]] = {
    LedgerColumn.CODE: lambda r: r.code,
    LedgerColumn.NAME: lambda r: r.name,
    LedgerColumn.CREDIT_LIMIT: lambda r: (r.credit_limit is None, r.credit_limit or 0),
    LedgerColumn.OLDEST: lambda r: tuple(reversed(r.aging.as_tuple())),
    **{c: f for c, f in _MONEY.items() if c is not LedgerColumn.CREDIT_LIMIT},
}


class LedgerTableModel(QAbstractTableModel):
    """A few thousand to 100,000 rows, sorted in Python (no proxy, no per-cell work)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LedgerRow] = []

    def set_rows(self, rows: list[LedgerRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @staticmethod
    def _cell(row: LedgerRow, column: LedgerColumn) -> str:
        """Formatted on demand: only the visible rows are ever formatted."""
        if column is LedgerColumn.CODE:
            return row.code
        if column is LedgerColumn.NAME:
            return row.name
        if column is LedgerColumn.OLDEST:
            oldest = _oldest_bucket(row)
            return "" if oldest is None else QCoreApplication.translate(
                "LedgerTableModel", HEADERS[_AGE_COLUMNS[oldest]])
        value = _MONEY[column](row)
        return "" if value is None else format_money(value)

    def rows(self) -> list[LedgerRow]:
        return self._rows

    def row_at(self, index: int) -> LedgerRow:
        return self._rows[index]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(LedgerColumn)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = LedgerColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(self._rows[index.row()], column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _MONEY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is LedgerColumn.RECEIVABLE and over_limit(row.receivable, row.credit_limit):
                return QBrush(QColor("#b91c1c"))
            if column is LedgerColumn.DAYS_OVER_90 and row.aging.days_over_90:
                return QBrush(QColor("#b45309"))
        if role == Qt.ItemDataRole.FontRole and column is LedgerColumn.RECEIVABLE:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("LedgerTableModel", HEADERS[LedgerColumn(section)])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()  # a reset, not a layout change: no stale selection survives it
        self._rows.sort(key=_SORT_KEYS[LedgerColumn(column)], reverse=order == Qt.SortOrder.DescendingOrder)
        self.endResetModel()


class LedgerDialog(QDialog):
    """Non-modal window over the ledger; double-click opens the customer."""

    customer_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledger_dialog")
        self.model = LedgerTableModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("ledger_table")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.doubleClicked.connect(
            lambda index: self.customer_activated.emit(self.model.row_at(index.row()).customer_id)
        )
        self.totals = QLabel(self)
        self.totals.setObjectName("ledger_totals")
        self.hint = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view)
        layout.addWidget(self.totals)
        layout.addWidget(buttons)
        self.resize(1200, 640)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Ledger overview"))
        self.hint.setText(self.tr("Receivables of every customer with orders or payments. "
                                  "Click a column to sort; double-click a row to open the customer."))
        self._show_totals()

    def set_rows(self, rows: list[LedgerRow], today: date) -> None:
        self._today = today
        self.model.set_rows(rows)
        self.view.sortByColumn(LedgerColumn.RECEIVABLE, Qt.SortOrder.DescendingOrder)
        metrics = self.view.fontMetrics()
        for column in LedgerColumn:
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            sample = "0,000,000.00" if column in _MONEY else ""
            width = max(metrics.horizontalAdvance(title), metrics.horizontalAdvance(sample)) + 28
            self.view.setColumnWidth(column, max(width, 240 if column is LedgerColumn.NAME else 0))
        self._show_totals()

    def _show_totals(self) -> None:
        rows = self.model.rows()
        if not hasattr(self, "_today"):
            self.totals.clear()
            return
        receivable = sum(r.receivable for r in rows)
        over = sum(1 for r in rows if over_limit(r.receivable, r.credit_limit))
        older = sum(r.aging.days_over_90 for r in rows)
        self.totals.setText(
            self.tr("{n} customers · receivable {receivable} · over 90 days {older} · "
                    "{over} over their credit limit · as of {today}").format(
                n=f"{len(rows):,}", receivable=format_money(receivable, symbol=True),
                older=format_money(older, symbol=True), over=over, today=self._today.isoformat())
        )
