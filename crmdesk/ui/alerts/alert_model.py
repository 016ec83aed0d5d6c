"""AlertTreeModel: one tab's alerts, grouped under a header row per kind and severity.

Two levels only, so the internal id says everything: 0 for a header row, and
header row + 1 for an alert under it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from crmdesk.domain.alerts import AlertKind, Severity
from crmdesk.services.alerts import CustomerAlert
from crmdesk.storage.alerts import AlertState
from crmdesk.ui.alerts import alert_texts as texts

ALERT_ROLE = Qt.ItemDataRole.UserRole + 1
_KIND_ORDER = {kind: i for i, kind in enumerate(AlertKind)}
_COLOURS = {Severity.CRITICAL: QColor("#b3261e"), Severity.WARNING: QColor("#9a5b00")}


class AlertColumn(IntEnum):
    CUSTOMER = 0
    REASON = 1
    ACTION = 2
    OWNER = 3
    STATE = 4


_HEADERS = {
    AlertColumn.CUSTOMER: QT_TRANSLATE_NOOP("AlertTreeModel", "Customer"),
    AlertColumn.REASON: QT_TRANSLATE_NOOP("AlertTreeModel", "Reason"),
    AlertColumn.ACTION: QT_TRANSLATE_NOOP("AlertTreeModel", "Suggested action"),
    AlertColumn.OWNER: QT_TRANSLATE_NOOP("AlertTreeModel", "Owner"),
    AlertColumn.STATE: QT_TRANSLATE_NOOP("AlertTreeModel", "State"),
}


@dataclass
class _Group:
    kind: AlertKind
    severity: Severity
    rows: list[CustomerAlert] = field(default_factory=list)


def state_text(row: CustomerAlert) -> str:
    if row.state is None:
        return ""
    if row.state.state is AlertState.DISMISSED:
        return AlertTreeModel.tr("Dismissed")
    return AlertTreeModel.tr("Snoozed until %1").replace("%1", row.state.until.isoformat())


def state_text_width_sample() -> str:
    return AlertTreeModel.tr("Snoozed until %1").replace("%1", "2026-12-31")


class AlertTreeModel(QAbstractItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []

    def set_rows(self, rows: list[CustomerAlert]) -> None:
        """``rows`` already filtered; grouped here, most severe group first."""
        groups: dict[tuple[AlertKind, Severity], _Group] = {}
        for row in rows:
            a = row.alert
            groups.setdefault((a.kind, a.severity), _Group(a.kind, a.severity)).rows.append(row)
        self.beginResetModel()
        self._groups = sorted(groups.values(), key=lambda g: (-g.severity, _KIND_ORDER[g.kind]))
        for g in self._groups:
            g.rows.sort(key=lambda r: r.code)
        self.endResetModel()

    def count(self) -> int:
        return sum(len(g.rows) for g in self._groups)

    def alert_at(self, index: QModelIndex) -> CustomerAlert | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1].rows[index.row()]

    # -- QAbstractItemModel --------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index=QModelIndex()):  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()].rows)
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return len(AlertColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(_HEADERS[AlertColumn(section)])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = index.column()
        if index.internalId() == 0:
            group = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and column == AlertColumn.CUSTOMER:
                return (f"{texts.kind_text(group.kind)} · {texts.severity_text(group.severity)}"
                        f" ({len(group.rows)})")
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and group.severity in _COLOURS:
                return QBrush(_COLOURS[group.severity])
            return None
        row = self._groups[index.internalId() - 1].rows[index.row()]
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


def visible_rows(rows: list[CustomerAlert], today: date, owner: str | None, show_hidden: bool) -> list[CustomerAlert]:
    """The owner filter ("" = customers without an owner, None = everyone) and hidden alerts."""
    return [
        r for r in rows
        if (owner is None or (r.owner or "") == owner) and (show_hidden or not r.hidden(today))
    ]
