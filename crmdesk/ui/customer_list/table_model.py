"""CustomerTableModel: 100,000 customers as ids plus a bounded page cache.

Sorting and filtering happen in SQL (the window asks the worker for new ids
and hands them over with ``set_ids``); ``data()`` only looks up preformatted
strings, loading a missing page of 256 rows with one query.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
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

from crmdesk.domain.customer import mask_phone, verification_overdue
from crmdesk.domain.money import format_money
from crmdesk.domain.orders import over_limit
from crmdesk.storage.customers import ListRow, SortKey
from crmdesk.ui import texts


class Column(IntEnum):
    CODE = 0
    NAME = 1
    TYPE = 2
    TIER = 3
    PHONE = 4
    CITY = 5
    OWNER = 6
    LAST_CONTACT = 7
    NEXT_FOLLOW_UP = 8
    RECEIVABLE = 9


HEADERS = {
    Column.CODE: QT_TRANSLATE_NOOP("CustomerTableModel", "Code"),
    Column.NAME: QT_TRANSLATE_NOOP("CustomerTableModel", "Name"),
    Column.TYPE: QT_TRANSLATE_NOOP("CustomerTableModel", "Type"),
    Column.TIER: QT_TRANSLATE_NOOP("CustomerTableModel", "Tier"),
    Column.PHONE: QT_TRANSLATE_NOOP("CustomerTableModel", "Phone"),
    Column.CITY: QT_TRANSLATE_NOOP("CustomerTableModel", "City"),
    Column.OWNER: QT_TRANSLATE_NOOP("CustomerTableModel", "Owner"),
    Column.LAST_CONTACT: QT_TRANSLATE_NOOP("CustomerTableModel", "Last contact"),
    Column.NEXT_FOLLOW_UP: QT_TRANSLATE_NOOP("CustomerTableModel", "Next follow-up"),
    Column.RECEIVABLE: QT_TRANSLATE_NOOP("CustomerTableModel", "Receivable"),
}

# Columns whose data arrives with later features sort by nothing yet.
SORT_KEYS: dict[Column, SortKey] = {
    Column.CODE: SortKey.CODE,
    Column.NAME: SortKey.NAME,
    Column.TYPE: SortKey.KIND,
    Column.PHONE: SortKey.PHONE,
    Column.CITY: SortKey.CITY,
    Column.OWNER: SortKey.OWNER,
    Column.RECEIVABLE: SortKey.RECEIVABLE,
    Column.TIER: SortKey.TIER,
    Column.LAST_CONTACT: SortKey.LAST_CONTACT,
    Column.NEXT_FOLLOW_UP: SortKey.NEXT_FOLLOW_UP,
}

RowSource = Callable[[Sequence[int]], dict[int, ListRow]]


class DisplayRow:
    """One row's cells, formatted once when its page is loaded."""

    __slots__ = ("cells", "stale_since", "row", "over_limit", "follow_up_late")

    def __init__(self, row: ListRow, today: date, stale_after_days: int) -> None:
        self.row = row
        self.cells = (
            row.code,
            row.name,
            texts.enum_text(row.kind),
            row.tier.value if row.tier else "",
            mask_phone(row.phone),
            row.city or row.province or "",
            row.owner or "",
            row.last_contact.isoformat() if row.last_contact else "",
            row.next_follow_up.isoformat() if row.next_follow_up else "",
            format_money(row.receivable) if row.receivable else "",
        )
        self.over_limit = over_limit(row.receivable, row.credit_limit)
        self.follow_up_late = row.next_follow_up is not None and row.next_follow_up < today
        stale = verification_overdue(row.last_verified, today, stale_after_days)
        self.stale_since = (row.last_verified or date.min) if stale else None


class CustomerTableModel(QAbstractTableModel):
    sort_requested = Signal(int, bool)  # column, descending

    PAGE = 256
    MAX_PAGES = 40

    def __init__(
        self,
        rows: RowSource,
        *,
        today: date,
        stale_after_days: int = 365,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = rows
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, DisplayRow]] = OrderedDict()
        self._today = today
        self._stale_after_days = stale_after_days
        self._escalated: frozenset[int] = frozenset()  # customers with an escalated complaint
        self.page_loads = 0  # queries issued, for benchmarks and tests

    # -- feeding ----------------------------------------------------------------------

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()

    def refresh(self) -> None:
        """Reload the visible data (after a save) without changing the rows."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(Column) - 1))

    def set_escalated(self, customer_ids: set[int]) -> None:
        """Mark these customers' codes: each has a complaint past its deadline (自动升级)."""
        if customer_ids != self._escalated:
            self._escalated = frozenset(customer_ids)
            self.refresh()

    def set_stale_after_days(self, days: int) -> None:
        self._stale_after_days = days
        self.refresh()

    def ids(self) -> list[int]:
        return self._ids

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, customer_id: int) -> int | None:
        try:
            return self._ids.index(customer_id)
        except ValueError:
            return None

    def display_row(self, row: int) -> DisplayRow:
        page_no, customer_id = row // self.PAGE, self._ids[row]
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * self.PAGE
            ids = self._ids[start:start + self.PAGE]
            self.page_loads += 1
            loaded = self._source(ids)
            page = {i: DisplayRow(r, self._today, self._stale_after_days) for i, r in loaded.items()}
            self._pages[page_no] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[customer_id]

    # -- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_row(index.row()).cells[index.column()]
        if index.column() == Column.CODE and self._escalated and self._ids[index.row()] in self._escalated:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#b91c1c"))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("CustomerTableModel", "A complaint past its deadline (escalated)")
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == Column.NAME:
            since = self.display_row(index.row()).stale_since
            if since is None:
                return None
            if since == date.min:
                return QCoreApplication.translate("CustomerTableModel", "Never verified")
            return QCoreApplication.translate("CustomerTableModel", "Not verified since {date}").format(
                date=since.isoformat()
            )
        if role == Qt.ItemDataRole.FontRole and index.column() == Column.NAME:
            if self.display_row(index.row()).stale_since is not None:
                font = QFont()
                font.setItalic(True)
                return font
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == Column.NAME:
            if self.display_row(index.row()).stale_since is not None:
                return QBrush(QColor("#8a6d1f"))
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == Column.NEXT_FOLLOW_UP:
            if self.display_row(index.row()).follow_up_late:
                return QBrush(QColor("#b91c1c"))  # overdue
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == Column.RECEIVABLE:
            if self.display_row(index.row()).over_limit:
                return QBrush(QColor("#b91c1c"))  # over the credit limit (外欠款预警)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == Column.RECEIVABLE:
            if self.display_row(index.row()).over_limit:
                row = self.display_row(index.row()).row
                return QCoreApplication.translate("CustomerTableModel", "Over the credit limit of {limit}").format(
                    limit=format_money(row.credit_limit, symbol=True))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == Column.RECEIVABLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CustomerTableModel", HEADERS[Column(section)])
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is a new SQL query, run by the window; the model only reports the wish."""
        self.sort_requested.emit(column, order == Qt.SortOrder.DescendingOrder)
