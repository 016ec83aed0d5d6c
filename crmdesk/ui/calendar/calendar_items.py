"""CalendarItemModel: the items of a day (month view) or of seven days under day headings (week view).

A row is a follow-up (time, customer, method, purpose; overdue in red) or a
birthday or anniversary (customer, kind, age or years married); in the week
view a heading row per day carries the date and spans the columns.
Planned follow-ups can be dragged onto a day of the month grid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from crmdesk.domain.followups import FollowUpState
from crmdesk.services.calendar import AgendaDay, CalendarItem
from crmdesk.storage.calendar import OccasionKind
from crmdesk.ui import texts
from crmdesk.ui.calendar.month_grid import FOLLOW_UP_MIME, follow_up_mime_data, qdate

_CONTEXT = "CalendarItemModel"
_RED = QColor("#b91c1c")
_OCCASION = QColor("#b0206e")
_HEADING_BACKGROUND = QColor("#eef1f5")
_HEADING_OFF = QColor("#b42318")


class ItemColumn(IntEnum):
    TIME = 0
    CUSTOMER = 1
    TYPE = 2
    DETAILS = 3


HEADERS = {
    ItemColumn.TIME: QT_TRANSLATE_NOOP("CalendarItemModel", "Time"),
    ItemColumn.CUSTOMER: QT_TRANSLATE_NOOP("CalendarItemModel", "Customer"),
    ItemColumn.TYPE: QT_TRANSLATE_NOOP("CalendarItemModel", "Type"),
    ItemColumn.DETAILS: QT_TRANSLATE_NOOP("CalendarItemModel", "Details"),
}
# The alert list's words for the two occasions, already translated there.
OCCASION_TEXTS = {
    OccasionKind.BIRTHDAY: QT_TRANSLATE_NOOP("alerts", "Birthday"),
    OccasionKind.ANNIVERSARY: QT_TRANSLATE_NOOP("alerts", "Anniversary"),
    OccasionKind.LUNAR_BIRTHDAY: QT_TRANSLATE_NOOP("alerts", "Lunar birthday"),
}
_AGE = QT_TRANSLATE_NOOP("CalendarItemModel", "age {years}")
_MARRIED = QT_TRANSLATE_NOOP("CalendarItemModel", "{years} yrs")  # years married
_TODAY = QT_TRANSLATE_NOOP("CalendarItemModel", "today")
_HOLIDAY = QT_TRANSLATE_NOOP("CalendarItemModel", "public holiday")
_SHIFTED = QT_TRANSLATE_NOOP("CalendarItemModel", "working day")
_NOTHING = QT_TRANSLATE_NOOP("CalendarItemModel", "nothing planned")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


@dataclass(frozen=True)
class DayHeading:
    day: date
    working: bool
    empty: bool


def occasion_text(item: CalendarItem) -> str:
    assert item.occasion is not None
    return QCoreApplication.translate("alerts", OCCASION_TEXTS[item.occasion.kind])


def occasion_details(item: CalendarItem) -> str:
    """Age or years married; a lunar birthday's month and day first."""
    o = item.occasion
    assert o is not None
    parts = [texts.lunar_text(o.lunar)] if o.lunar else []
    if o.years is not None:
        parts.append(_tr(_MARRIED if o.kind is OccasionKind.ANNIVERSARY else _AGE).format(years=o.years))
    return QCoreApplication.translate("alerts", ", ").join(parts)


class CalendarItemModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[CalendarItem | DayHeading] = []
        self.today = date.min
        self.drag_enabled = True  # off for a read-only file

    # -- filling ------------------------------------------------------------------------------

    def set_items(self, items: list[CalendarItem], today: date) -> None:
        """One day's items, no headings."""
        self.beginResetModel()
        self._rows, self.today = list(items), today
        self.endResetModel()

    def set_agenda(self, days: list[AgendaDay], today: date) -> None:
        """Several days, each under its heading (a day without items keeps its heading)."""
        rows: list[CalendarItem | DayHeading] = []
        for d in days:
            rows.append(DayHeading(d.day, d.working, not d.items))
            rows += d.items
        self.beginResetModel()
        self._rows, self.today = rows, today
        self.endResetModel()

    def item_at(self, row: int) -> CalendarItem | None:
        """The item of a row (None: a heading or no such row)."""
        found = self._rows[row] if 0 <= row < len(self._rows) else None
        return found if isinstance(found, CalendarItem) else None

    def heading_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if isinstance(r, DayHeading)]

    def items(self) -> list[CalendarItem]:
        return [r for r in self._rows if isinstance(r, CalendarItem)]

    def row_of_follow_up(self, follow_up_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if isinstance(r, CalendarItem) and r.follow_up is not None and r.follow_up.id == follow_up_id:
                return i
        return None

    # -- the Qt model -----------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(ItemColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(ItemColumn):
            return _tr(HEADERS[ItemColumn(section)])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        row = self._rows[index.row()]
        if isinstance(row, DayHeading):
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.drag_enabled and row.follow_up is not None and row.follow_up.state is FollowUpState.PLANNED:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], ItemColumn(index.column())
        if isinstance(row, DayHeading):
            return self._heading_data(row, column, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.occasion is not None and column == ItemColumn.TYPE:
                return QBrush(_OCCASION)
            if row.overdue and column in (ItemColumn.TIME, ItemColumn.TYPE):
                return QBrush(_RED)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.follow_up is not None and column == ItemColumn.DETAILS:
                return row.follow_up.purpose
            if column == ItemColumn.CUSTOMER:
                return f"{row.code} {row.name}"
        return None

    def _cell(self, item: CalendarItem, column: ItemColumn) -> str:
        f = item.follow_up
        if column == ItemColumn.CUSTOMER:
            return f"{item.code} {item.name}"
        if f is not None:
            return {ItemColumn.TIME: f.due_time or "", ItemColumn.TYPE: texts.enum_text(f.method),
                    ItemColumn.DETAILS: f.purpose}[column]
        return {ItemColumn.TIME: "", ItemColumn.TYPE: occasion_text(item),
                ItemColumn.DETAILS: occasion_details(item)}[column]

    def _heading_data(self, heading: DayHeading, column: ItemColumn, role: int):
        if role == Qt.ItemDataRole.DisplayRole and column == ItemColumn.TIME:
            return self.heading_text(heading)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_HEADING_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and not heading.working:
            return QBrush(_HEADING_OFF)
        return None

    def heading_text(self, heading: DayHeading) -> str:
        parts = [QLocale().toString(qdate(heading.day), QLocale.FormatType.LongFormat)]
        if heading.day == self.today:
            parts.append(_tr(_TODAY))
        weekend = heading.day.weekday() >= 5
        if not heading.working and not weekend:
            parts.append(_tr(_HOLIDAY))
        elif heading.working and weekend:
            parts.append(_tr(_SHIFTED))
        if heading.empty:
            parts.append(_tr(_NOTHING))
        return " · ".join(parts)

    # -- dragging a follow-up onto a day --------------------------------------------------------

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [FOLLOW_UP_MIME]

    def mimeData(self, indexes) -> QMimeData | None:  # noqa: N802
        rows = {i.row() for i in indexes if i.isValid()}
        items = [self.item_at(r) for r in sorted(rows)]
        follow_ups = [i.follow_up for i in items if i is not None and i.follow_up is not None]
        if len(follow_ups) != 1 or follow_ups[0].id is None:
            return None
        mime = QMimeData()
        mime.setData(FOLLOW_UP_MIME, follow_up_mime_data(follow_ups[0].id))
        mime.setText(f"{items[0].code} {items[0].name}: {follow_ups[0].purpose}")
        return mime

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction
