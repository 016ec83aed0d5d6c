"""A customer's complaints (客户投诉): the list, open and escalated first, and the selected one's timeline.

Record…, Edit…, Delete, then Add step…, Resolve… and Reopen… for the
selected complaint; the timeline under the list shows every step, the
resolutions and reopenings of earlier rounds included.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QPushButton, QTableView, QWidget

from crmdesk.domain.complaints import ComplaintNature, ComplaintState, ComplaintStep, StepKind
from crmdesk.services.complaints import ComplaintLine
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.complaint_dialogs import ComplaintDialog, StepDialog
from crmdesk.ui.customer_detail.ledger_widgets import (
    RED,
    LedgerRowsTab,
    TotalsTableModel,
    bold,
    when_text,
)
from crmdesk.ui.ledger_access import LedgerAccess


class ComplaintColumn(IntEnum):
    """Few and short, to fit beside the customer list; the nature shows only when malicious."""

    RECEIVED = 0
    CATEGORY = 1
    PRIORITY = 2
    STATE = 3
    DEADLINE = 4
    DESCRIPTION = 5


_CC = "ComplaintTableModel"
COMPLAINT_HEADERS = {
    ComplaintColumn.RECEIVED: QT_TRANSLATE_NOOP("ComplaintTableModel", "Received"),
    ComplaintColumn.CATEGORY: QT_TRANSLATE_NOOP("ComplaintTableModel", "Category"),
    ComplaintColumn.PRIORITY: QT_TRANSLATE_NOOP("ComplaintTableModel", "Priority"),
    ComplaintColumn.STATE: QT_TRANSLATE_NOOP("ComplaintTableModel", "State"),
    ComplaintColumn.DEADLINE: QT_TRANSLATE_NOOP("ComplaintTableModel", "Deadline"),
    ComplaintColumn.DESCRIPTION: QT_TRANSLATE_NOOP("ComplaintTableModel", "What the customer says"),
}
_ESCALATED = QT_TRANSLATE_NOOP("ComplaintTableModel", "Escalated: {days} days late")
_DUE = QT_TRANSLATE_NOOP("ComplaintTableModel", "{stage} by {deadline}")
_COUNTS = QT_TRANSLATE_NOOP("ComplaintTableModel", "Complaints: {n}")
_CATEGORY_MALICIOUS = QT_TRANSLATE_NOOP("ComplaintTableModel", "{category} · malicious")
_OPEN = QT_TRANSLATE_NOOP("ComplaintTableModel", "{n} open")
_LATE = QT_TRANSLATE_NOOP("ComplaintTableModel", "{n} escalated")
_SATISFACTION = QT_TRANSLATE_NOOP("ComplaintTableModel", "satisfaction {score}/5")
_STAYED = QT_TRANSLATE_NOOP("ComplaintTableModel", "stayed")
_LEFT = QT_TRANSLATE_NOOP("ComplaintTableModel", "left")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CC, text)


def deadline_text(line: ComplaintLine) -> str:
    """"Escalated: 3 days late", "Response by 2026-11-24", or "" once resolved (shared with the log)."""
    s = line.status
    if s.escalated:
        return _tr(_ESCALATED).format(days=s.days_overdue)
    if s.deadline is None or s.stage is None:
        return ""
    return _tr(_DUE).format(stage=texts.enum_text(s.stage), deadline=s.deadline.isoformat())


class ComplaintTableModel(TotalsTableModel):
    """One customer's complaints in the service's order: open first, escalated ones red."""

    COLUMNS = ComplaintColumn
    HEADERS = COMPLAINT_HEADERS
    CONTEXT = _CC

    def cells(self, line: ComplaintLine) -> tuple[str, ...]:
        c = line.complaint
        category = texts.enum_text(c.category)
        if c.nature is ComplaintNature.MALICIOUS:
            category = _tr(_CATEGORY_MALICIOUS).format(category=category)
        return (when_text(c.received_date, c.received_time), category, texts.enum_text(c.priority),
                texts.enum_text(c.state), deadline_text(line), texts.one_line(c.description))

    def total_cells(self, rows) -> tuple[str, ...]:
        open_ = sum(1 for line in rows if line.complaint.state is ComplaintState.OPEN)
        late = sum(1 for line in rows if line.escalated)
        return (_tr(_COUNTS).format(n=len(rows)), _tr(_OPEN).format(n=open_) if open_ else "", "", "",
                _tr(_LATE).format(n=late) if late else "", "")

    def sort_key(self, column: int):
        return {
            ComplaintColumn.RECEIVED: lambda line: (line.complaint.received_date, line.complaint.received_time or ""),
            ComplaintColumn.PRIORITY: lambda line: line.complaint.priority.value,
            ComplaintColumn.DEADLINE: lambda line: (line.deadline is None, line.deadline or date.max,
                                                    line.complaint.received_date),
        }.get(ComplaintColumn(column))

    def foreground(self, line: ComplaintLine, column: int) -> QBrush | None:
        if line.escalated and column in (ComplaintColumn.STATE, ComplaintColumn.DEADLINE):
            return QBrush(QColor(RED))
        if line.complaint.nature is ComplaintNature.MALICIOUS and column == ComplaintColumn.CATEGORY:
            return QBrush(QColor(RED))
        return None

    def tooltip(self, line: ComplaintLine, column: int) -> str | None:
        c = line.complaint
        if column == ComplaintColumn.DESCRIPTION:
            return c.description
        if column == ComplaintColumn.CATEGORY and c.nature_reason:
            return c.nature_reason
        return None


class TimelineColumn(IntEnum):
    WHEN = 0
    STEP = 1
    WHAT = 2


_TL = "ComplaintTimelineModel"
TIMELINE_HEADERS = {
    TimelineColumn.WHEN: QT_TRANSLATE_NOOP("ComplaintTimelineModel", "When"),
    TimelineColumn.STEP: QT_TRANSLATE_NOOP("ComplaintTimelineModel", "Step"),
    TimelineColumn.WHAT: QT_TRANSLATE_NOOP("ComplaintTimelineModel", "What"),
}
_PROMISE = QT_TRANSLATE_NOOP("ComplaintTimelineModel", "Promise: {promise}")
_BY = QT_TRANSLATE_NOOP("ComplaintTimelineModel", "by {due}")


def step_details(step: ComplaintStep) -> str:
    """The step's text with its promise and due date, or the satisfaction and whether the customer stayed."""
    tr = QCoreApplication.translate
    parts = [step.text] if step.text else []
    if step.promise:
        parts.append(tr(_TL, _PROMISE).format(promise=step.promise))
    if step.due_date is not None:
        parts.append(tr(_TL, _BY).format(due=when_text(step.due_date, step.due_time)))
    if step.satisfaction is not None:
        parts.append(_tr(_SATISFACTION).format(score=step.satisfaction))
    if step.retained is not None:
        parts.append(_tr(_STAYED if step.retained else _LEFT))
    return " · ".join(parts)


class TimelineModel(QAbstractTableModel):
    """A complaint's steps, oldest first; the resolutions and reopenings stand out in bold."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._steps: list[ComplaintStep] = []

    def set_steps(self, steps: list[ComplaintStep]) -> None:
        self.beginResetModel()
        self._steps = list(steps)
        self.endResetModel()

    def steps(self) -> list[ComplaintStep]:
        return list(self._steps)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._steps)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(TimelineColumn)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        step = self._steps[index.row()]
        column = TimelineColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column is TimelineColumn.WHEN:
                return when_text(step.step_date, step.step_time)
            if column is TimelineColumn.STEP:
                return texts.enum_text(step.kind)
            return step_details(step)
        if role == Qt.ItemDataRole.FontRole and step.kind in (StepKind.RESOLVED, StepKind.REOPENED):
            return bold(QFont())
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(_TL, TIMELINE_HEADERS[TimelineColumn(section)])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(TimelineColumn) - 1)
        if self._steps:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._steps) - 1, len(TimelineColumn) - 1))


class ComplaintsTab(LedgerRowsTab):
    """The complaints of the shown customer, with their handling."""

    changed = Signal()

    NAME = "complaints"
    ITEM = "complaint"
    MODEL = ComplaintTableModel
    DATE_COLUMN = ComplaintColumn.DEADLINE
    COLUMN_CAPS = {ComplaintColumn.DESCRIPTION: 360}

    model: ComplaintTableModel

    def __init__(self, ledger: LedgerAccess, parent: QWidget | None = None) -> None:
        self.step_button = QPushButton()
        self.step_button.setObjectName("complaint_add_step")
        self.resolve_button = QPushButton()
        self.resolve_button.setObjectName("complaint_resolve")
        self.reopen_button = QPushButton()
        self.reopen_button.setObjectName("complaint_reopen")
        self._owner: str | None = None
        self.timeline_title = QLabel()
        self.timeline_model = TimelineModel()
        self.timeline = QTableView()
        super().__init__(ledger, parent)
        # The nearest deadline on top: escalated ones, then open ones, resolved ones last.
        self.table.sortByColumn(ComplaintColumn.DEADLINE, Qt.SortOrder.AscendingOrder)
        self.step_button.clicked.connect(lambda: self._handle(None))
        self.resolve_button.clicked.connect(lambda: self._handle(StepKind.RESOLVED))
        self.reopen_button.clicked.connect(lambda: self._handle(StepKind.REOPENED))
        for i, button in enumerate((self.step_button, self.resolve_button, self.reopen_button)):
            button.setAutoDefault(False)
            self.button_row.insertWidget(3 + i, button)
        self.timeline_title.setObjectName("complaint_timeline_title")
        self.timeline_title.setFont(bold(self.timeline_title.font()))
        self.timeline.setObjectName("complaint_timeline")
        self.timeline.setModel(self.timeline_model)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setWordWrap(True)
        self.timeline.verticalHeader().hide()
        self.timeline.setAlternatingRowColors(True)
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(TimelineColumn.WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TimelineColumn.STEP, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = self.layout()
        layout.addWidget(self.timeline_title)
        layout.addWidget(self.timeline, 2)  # the story of one complaint needs more room than the list
        # Wrapped steps get their height once the column has its width.
        header.sectionResized.connect(lambda *_: self.timeline.resizeRowsToContents())
        self.table.selectionModel().selectionChanged.connect(self._show_timeline)
        self.model.modelReset.connect(self._show_timeline)
        self.retranslate()
        self._update_buttons()

    def set_customer_details(self, owner: str | None) -> None:
        """Who new complaints of this customer go to by default."""
        self._owner = owner

    def _ledger_rows(self, customer_id: int) -> list[ComplaintLine]:
        return self._ledger.complaints(customer_id)

    def _make_dialog(self, row: ComplaintLine | None) -> ComplaintDialog:
        assert self._customer_id is not None
        return ComplaintDialog(self._ledger, self._customer_id, row.complaint if row else None, self,
                               owner=self._owner)

    def _delete(self, row: ComplaintLine) -> None:
        self._ledger.delete_complaint(row.complaint)

    def _delete_texts(self, row: ComplaintLine) -> tuple[str, str]:
        c = row.complaint
        return (self.tr("Delete complaint"),
                self.tr("Delete this complaint and its handling steps?\n\n{when}   {category}").format(
                    when=when_text(c.received_date, c.received_time), category=texts.enum_text(c.category)))

    def _handle(self, kind: StepKind | None) -> None:
        """Add a step (kind None: the dialog offers the allowed ones), resolve or reopen the selected one."""
        row = self.selected_row()
        if row is None or self._ledger.read_only:
            return
        c = row.complaint
        if kind is StepKind.RESOLVED and c.state is not ComplaintState.OPEN:
            return
        if kind is StepKind.REOPENED and c.state is not ComplaintState.RESOLVED:
            return
        first = StepKind.CAUSE if c.state is ComplaintState.OPEN else StepKind.FOLLOW_UP
        self._show_dialog(lambda: StepDialog(self._ledger, c, kind or first, self))

    def _show_timeline(self, *_args: object) -> None:
        row = self.selected_row()
        self.timeline_model.set_steps(self._ledger.timeline(row.complaint.id) if row is not None else [])
        self.timeline.resizeRowsToContents()
        self.timeline_title.setVisible(row is not None)
        self.timeline.setVisible(row is not None)

    def refresh(self, select_id: int | None = None) -> None:
        super().refresh(select_id)
        if self.selected_row() is None and self.model.rows():
            self.table.selectRow(0)  # the most urgent one, with its timeline
        self._show_timeline()

    def _update_buttons(self, *_args: object) -> None:
        super()._update_buttons()
        row = self.selected_row()
        writable = row is not None and not self._ledger.read_only
        state = row.complaint.state if row is not None else None
        self.step_button.setEnabled(writable)
        self.resolve_button.setEnabled(writable and state is ComplaintState.OPEN)
        self.reopen_button.setEnabled(writable and state is ComplaintState.RESOLVED)

    def texts(self) -> dict[str, str]:
        return {
            "add": self.tr("Record…"),
            "add_tip": self.tr("Record a complaint received by phone, in person, by letter or online"),
            "view": self.tr("View…"),
            "edit": self.tr("Edit…"),
            "delete": self.tr("Delete"),
            "empty": self.tr("No complaints. Click “Record…” when one comes in."),
        }

    def _retranslate_header(self) -> None:
        self.step_button.setText(self.tr("Add step…"))
        self.step_button.setToolTip(self.tr("First response, cause found, action promised, follow-up or note"))
        self.resolve_button.setText(self.tr("Resolve…"))
        self.resolve_button.setToolTip(self.tr("The outcome, the customer's satisfaction and whether they stayed"))
        self.reopen_button.setText(self.tr("Reopen…"))
        self.timeline_title.setText(self.tr("Handling"))
        self.timeline_model.retranslate()
