"""AlertListModel: one tab's alerts under a header row per kind and severity, which folds."""

from __future__ import annotations

from bisect import bisect_right
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from crmdesk.domain.alerts import Alert, AlertKind, Severity
from crmdesk.services.alerts import CustomerAlert
from crmdesk.storage.alerts import AlertState
from crmdesk.ui.alerts import alert_texts as texts
from crmdesk.ui.alerts.alert_sections import Section

ALERT_ROLE = Qt.ItemDataRole.UserRole + 1
_COLOURS = {Severity.CRITICAL: QColor("#b3261e"), Severity.WARNING: QColor("#9a5b00")}


class AlertColumn(IntEnum):
    CUSTOMER = 0
    REASON = 1
    ACTION = 2
    OWNER = 3
    STATE = 4


_HEADERS = {
    AlertColumn.CUSTOMER: QT_TRANSLATE_NOOP("AlertListModel", "Customer"),
    AlertColumn.REASON: QT_TRANSLATE_NOOP("AlertListModel", "Reason"),
    AlertColumn.ACTION: QT_TRANSLATE_NOOP("AlertListModel", "Suggested action"),
    AlertColumn.OWNER: QT_TRANSLATE_NOOP("AlertListModel", "Owner"),
    AlertColumn.STATE: QT_TRANSLATE_NOOP("AlertListModel", "State"),
}


def state_text(row: CustomerAlert) -> str:
    if row.state is None:
        return ""
    if row.state.state is AlertState.DISMISSED:
        return AlertListModel.tr("Dismissed")
    return AlertListModel.tr("Snoozed until %1").replace("%1", row.state.until.isoformat())


def state_text_width_sample() -> str:
    return AlertListModel.tr("Snoozed until %1").replace("%1", "2026-12-31")


class AlertListModel(QAbstractTableModel):
    """One tab as a flat list: a header row per section, then its alerts unless it is collapsed.

    Flat, so the view never walks the rows: a tree view lays out every child
    of an expanded group, 50,000 calls into Python for one big group.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._sections: list[Section] = []
        self._starts: list[int] = []  # flat row of each section's header
        self._total = 0
        self._collapsed: set[tuple[AlertKind, Severity]] = set()
        self._known: set[tuple[AlertKind, Severity]] = set()  # sections seen, so new ones get a default

    def set_sections(self, sections: list[Section]) -> None:
        self.beginResetModel()
        self._sections = sections
        fresh = [s.key for s in sections if s.key not in self._known]
        if len(sections) > 3:  # a few sections: show them open; many: let the user choose
            self._collapsed.update(fresh)
        self._known.update(fresh)
        self._index()
        self.endResetModel()

    def sections(self) -> list[Section]:
        return self._sections

    def _index(self) -> None:
        self._starts, row = [], 0
        for s in self._sections:
            self._starts.append(row)
            row += 1 + (0 if s.key in self._collapsed else len(s.rows))
        self._total = row

    def count(self) -> int:
        return sum(len(s.rows) for s in self._sections)

    def header_rows(self) -> list[int]:
        return list(self._starts)

    def _locate(self, row: int) -> tuple[Section, int]:
        """The section of a flat row, and the alert's place in it (-1: the header)."""
        i = bisect_right(self._starts, row) - 1
        return self._sections[i], row - self._starts[i] - 1

    def is_collapsed(self, row: int) -> bool:
        return self._locate(row)[0].key in self._collapsed

    def is_header(self, index: QModelIndex) -> bool:
        return index.isValid() and self._locate(index.row())[1] < 0

    def alert_at(self, index: QModelIndex) -> CustomerAlert | None:
        if not index.isValid():
            return None
        section, at = self._locate(index.row())
        return section.rows[at] if at >= 0 else None

    def row_of(self, alert: Alert) -> int | None:
        """The flat row showing an alert, or one recomputed in its place (None: filtered out or folded)."""
        for section, start in zip(self._sections, self._starts):
            if section.key != (alert.kind, alert.severity) or section.key in self._collapsed:
                continue
            for i, row in enumerate(section.rows):
                a = row.alert
                if a.customer_id == alert.customer_id and a.occurrence == alert.occurrence:
                    return start + 1 + i
        return None

    def toggle(self, row: int) -> None:
        """Collapse or expand the section whose header is at ``row``."""
        section, at = self._locate(row)
        if at >= 0:
            return
        first, n = row + 1, len(section.rows)
        if section.key in self._collapsed:
            if n:
                self.beginInsertRows(QModelIndex(), first, first + n - 1)
            self._collapsed.discard(section.key)
            self._index()
            if n:
                self.endInsertRows()
        else:
            if n:
                self.beginRemoveRows(QModelIndex(), first, first + n - 1)
            self._collapsed.add(section.key)
            self._index()
            if n:
                self.endRemoveRows()
        header = self.index(row, 0)
        self.dataChanged.emit(header, header)

    def replace(self, old: CustomerAlert, new: CustomerAlert | None) -> None:
        """One alert changed its state (``new``) or left the filter (None)."""
        for si, section in enumerate(self._sections):
            if section.key != (old.alert.kind, old.alert.severity):
                continue
            at = next((i for i, r in enumerate(section.rows) if r.alert is old.alert), None)
            if at is None:
                return
            shown = section.key not in self._collapsed
            flat = self._starts[si] + 1 + at
            if new is not None:
                section.rows[at] = new
                if shown:
                    self.dataChanged.emit(self.index(flat, 0), self.index(flat, len(AlertColumn) - 1))
                return
            if shown:
                self.beginRemoveRows(QModelIndex(), flat, flat)
            del section.rows[at]
            self._index()
            if shown:
                self.endRemoveRows()
            header = self.index(self._starts[si], 0)
            self.dataChanged.emit(header, header)  # its count
            return

    # -- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(AlertColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(_HEADERS[AlertColumn(section)])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = index.column()
        section, at = self._locate(index.row())
        if at < 0:
            if role == Qt.ItemDataRole.DisplayRole and column == AlertColumn.CUSTOMER:
                arrow = "▸" if section.key in self._collapsed else "▾"
                return (f"{arrow} {texts.kind_text(section.kind)} · {texts.severity_text(section.severity)}"
                        f" ({len(section.rows):,})")
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and section.severity in _COLOURS:
                return QBrush(_COLOURS[section.severity])
            return None
        row = section.rows[at]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == AlertColumn.CUSTOMER:
                return f"{row.code}  {row.name}"
            if column == AlertColumn.REASON:
                return texts.reason(row.alert)
            if column == AlertColumn.ACTION:
                return texts.action_text(row.alert.action)
            if column == AlertColumn.OWNER:
                return row.owner or ""
            return state_text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column == AlertColumn.REASON:
            return texts.reason(row.alert)
        if role == Qt.ItemDataRole.ForegroundRole and row.state is not None:
            return QBrush(QColor("#777777"))
        if role == ALERT_ROLE:
            return row
        return None


