"""TodayList: the follow-ups due today and overdue, worked through with the keyboard.

Enter opens the customer, D logs the contact that did it (Done…), R moves it,
M marks it missed; each one leaves the list when it is no longer due.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.followups import FollowUpState
from crmdesk.storage.customer_file import WriteError
from crmdesk.storage.followups import DueRow
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.follow_ups_tab import ContactLogDialog, FollowUpDialog
from crmdesk.ui.customer_detail.ledger_widgets import EntryHost, when_text
from crmdesk.ui.ledger_access import LedgerAccess

_RED = QColor("#b91c1c")


class TodayColumn(IntEnum):
    DUE = 0
    CUSTOMER = 1
    METHOD = 2
    PURPOSE = 3
    OWNER = 4


_HEADERS = {
    TodayColumn.DUE: QT_TRANSLATE_NOOP("TodayModel", "Due"),
    TodayColumn.CUSTOMER: QT_TRANSLATE_NOOP("TodayModel", "Customer"),
    TodayColumn.METHOD: QT_TRANSLATE_NOOP("TodayModel", "Method"),
    TodayColumn.PURPOSE: QT_TRANSLATE_NOOP("TodayModel", "Purpose"),
    TodayColumn.OWNER: QT_TRANSLATE_NOOP("TodayModel", "Owner"),
}


class TodayModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[DueRow] = []
        self.today = None

    def set_rows(self, rows: list[DueRow], today) -> None:
        self.beginResetModel()
        self._rows, self.today = rows, today
        self.endResetModel()

    def row_at(self, row: int) -> DueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[DueRow]:
        return self._rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(TodayColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(_HEADERS[TodayColumn(section)])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        due = self._rows[index.row()]
        f, column = due.follow_up, index.column()
        late = f.overdue_days(self.today)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TodayColumn.DUE:
                when = when_text(f.due_date, f.due_time)
                return self.tr("{when} ({days} d late)").format(when=when, days=late) if late else when
            if column == TodayColumn.CUSTOMER:
                return f"{due.code}  {due.name}"
            if column == TodayColumn.METHOD:
                return texts.enum_text(f.method)
            if column == TodayColumn.PURPOSE:
                return f.purpose
            return f.owner or ""
        if role == Qt.ItemDataRole.ForegroundRole and late and column == TodayColumn.DUE:
            return QBrush(_RED)
        if role == Qt.ItemDataRole.ToolTipRole and column == TodayColumn.PURPOSE:
            return f.purpose
        return None


class TodayList(EntryHost):
    open_customer = Signal(int)
    changed = Signal(int)  # a follow-up of this customer was done, moved or missed
    count_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("today_list")
        self._ledger: LedgerAccess | None = None
        self.model = TodayModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("today_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(TodayColumn.PURPOSE, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _i: self.open_current())
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)

        self.status = QLabel(self)
        self.open_button = QPushButton(self)
        self.done_button = QPushButton(self)
        self.done_button.setObjectName("today_done")
        self.move_button = QPushButton(self)
        self.move_button.setObjectName("today_move")
        self.missed_button = QPushButton(self)
        self.missed_button.setObjectName("today_missed")
        self.open_button.clicked.connect(self.open_current)
        self.done_button.clicked.connect(self.done_current)
        self.move_button.clicked.connect(self.move_current)
        self.missed_button.clicked.connect(self.missed_current)
        # Plain letters, not shortcuts: they act on the row under the cursor while the list has focus.
        self._keys = {Qt.Key.Key_D: self.done_current, Qt.Key.Key_R: self.move_current,
                      Qt.Key.Key_M: self.missed_current}
        self.table.installEventFilter(self)

        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        for button in (self.open_button, self.done_button, self.move_button, self.missed_button):
            button.setAutoDefault(False)
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.retranslate()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.KeyPress and not event.modifiers():
            slot = self._keys.get(event.key())
            if slot is not None:
                slot()
                return True
        return super().eventFilter(watched, event)

    # -- what the window tells it

    def set_ledger(self, ledger: LedgerAccess | None) -> None:
        self._ledger = ledger
        self.refresh()

    def refresh(self) -> None:
        current = self._current()
        rows = self._ledger.due_follow_ups() if self._ledger is not None else []
        self.model.set_rows(rows, self._ledger.today if self._ledger else None)
        self.table.resizeColumnToContents(TodayColumn.DUE)
        self.table.resizeColumnToContents(TodayColumn.CUSTOMER)
        ids = [r.follow_up.id for r in rows]
        if rows:
            row = ids.index(current.follow_up.id) if current and current.follow_up.id in ids else 0
            self.table.selectRow(row)
        self._update_status()
        self.count_changed.emit(len(rows))

    # -- actions

    def _current(self) -> DueRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def open_current(self) -> None:
        due = self._current()
        if due is not None:
            self.open_customer.emit(due.follow_up.customer_id)

    def done_current(self) -> None:
        due = self._current()
        if due is None or self._ledger is None or self._ledger.read_only:
            return
        self._show_dialog(lambda: ContactLogDialog(self._ledger, due.follow_up.customer_id, None, self,
                                                   completes=due.follow_up, owner=due.follow_up.owner))

    def move_current(self) -> None:
        due = self._current()
        if due is None or self._ledger is None or self._ledger.read_only:
            return
        self._show_dialog(lambda: FollowUpDialog(self._ledger, due.follow_up.customer_id, due.follow_up, self))

    def missed_current(self) -> None:
        due = self._current()
        if due is None or self._ledger is None or self._ledger.read_only:
            return
        try:
            self._ledger.close_follow_up(due.follow_up, FollowUpState.MISSED)
        except WriteError as e:
            QMessageBox.critical(self, self.tr("Not saved"), texts.error_text(e.problem, {"detail": e.detail}))
        self._changed(due.follow_up.customer_id)

    def _on_saved(self, saved) -> None:
        """A dialog logged the contact that did it, or moved it."""
        self._changed(saved.customer_id)

    def _changed(self, customer_id: int) -> None:
        self.refresh()
        self.changed.emit(customer_id)

    def _update_buttons(self) -> None:
        has = self._current() is not None
        writable = has and self._ledger is not None and not self._ledger.read_only
        self.open_button.setEnabled(has)
        for button in (self.done_button, self.move_button, self.missed_button):
            button.setEnabled(writable)

    def _update_status(self) -> None:
        rows = self.model.rows()
        if not rows:
            self.status.setText(self.tr("Nothing due today."))
            return
        late = sum(1 for r in rows if r.follow_up.overdue_days(self.model.today) > 0)
        self.status.setText(self.tr("{n} due, {late} of them overdue").format(n=len(rows), late=late))

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open customer"))
        self.done_button.setText(self.tr("Done… (D)"))
        self.done_button.setToolTip(self.tr("Log the contact that did it"))
        self.move_button.setText(self.tr("Move… (R)"))
        self.missed_button.setText(self.tr("Missed (M)"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(TodayColumn) - 1)
        self._update_status()
