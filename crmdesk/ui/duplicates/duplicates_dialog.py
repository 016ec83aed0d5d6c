"""DuplicatesDialog: the likely duplicate pairs of the whole file, merged one pair at a time.

The scan runs once when the dialog opens (and again after each merge or
undo).  Each row is a pair, drawn on two lines: why it looks like one
customer, then for each of the two (one above the other, so they compare
down each column) code, name, kind, city, masked phone, orders and last
order.  "Merge…" or a double-click opens the MergeDialog; "Undo last merge" undoes this session's merges, newest
first.  ``changed`` is emitted after a merge or an undo, so the main window
reads its list again.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services.duplicates import PairRow, SideRow, UndoOutcome
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.ledger_widgets import fit_columns, setup_table
from crmdesk.ui.duplicates.duplicates_access import DuplicatesAccess
from crmdesk.ui.duplicates.merge_dialog import EMPTY, MergeDialog

_CONTEXT = "DuplicatePairModel"
_HINT_STYLE = "color: #667085;"


class PairColumn(IntEnum):
    REASONS = 0
    CODE = 1
    NAME = 2
    KIND = 3
    CITY = 4
    PHONE = 5
    ORDERS = 6
    LAST_ORDER = 7


HEADERS = {
    PairColumn.REASONS: QT_TRANSLATE_NOOP("DuplicatePairModel", "Why"),
    PairColumn.CODE: QT_TRANSLATE_NOOP("DuplicatePairModel", "Code"),
    PairColumn.NAME: QT_TRANSLATE_NOOP("DuplicatePairModel", "Name"),
    PairColumn.KIND: QT_TRANSLATE_NOOP("DuplicatePairModel", "Kind"),
    PairColumn.CITY: QT_TRANSLATE_NOOP("DuplicatePairModel", "City"),
    PairColumn.PHONE: QT_TRANSLATE_NOOP("DuplicatePairModel", "Phone"),
    PairColumn.ORDERS: QT_TRANSLATE_NOOP("DuplicatePairModel", "Orders"),
    PairColumn.LAST_ORDER: QT_TRANSLATE_NOOP("DuplicatePairModel", "Last order"),
}
_OWNER_TIP = QT_TRANSLATE_NOOP("DuplicatePairModel", "Owner: %1")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_SIDE_COLUMNS = frozenset(PairColumn) - {PairColumn.REASONS}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _side_cells(side: SideRow) -> tuple[str, ...]:
    return (
        side.code,
        side.name,
        texts.enum_text(side.kind),
        side.city or EMPTY,
        side.phone or EMPTY,
        f"{side.orders:,}",
        side.last_order.isoformat() if side.last_order else EMPTY,
    )


def _cells(row: PairRow) -> tuple[str, ...]:
    """Two lines per cell: the first customer above, the one it looks like below, so they compare
    down each column; the strongest reason on the first line, the others on the second."""
    reasons = [texts.enum_text(r) for r in row.reasons]
    why = "\n".join(filter(None, (reasons[0], ", ".join(reasons[1:]))))
    return (why, *(f"{a}\n{b}" for a, b in zip(_side_cells(row.a), _side_cells(row.b))))


def _side_tip(side: SideRow) -> str:
    lines = [f"{side.code}  {side.name}", texts.enum_text(side.status)]
    if side.province or side.city:
        lines.append(" ".join(filter(None, (side.province, side.city))))
    if side.owner:
        lines.append(_tr(_OWNER_TIP).replace("%1", side.owner))
    return "\n".join(lines)


class DuplicatePairModel(QAbstractTableModel):
    """PairRows in the scan's order (strongest reason first); cells formatted once."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PairRow] = []
        self._cells: list[tuple[str, ...]] = []

    def set_rows(self, rows: list[PairRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = [_cells(r) for r in self._rows]
        self.endResetModel()

    def row_at(self, row: int) -> PairRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[PairRow]:
        return list(self._rows)

    def retranslate(self) -> None:
        self._cells = [_cells(r) for r in self._rows]
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(PairColumn) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(PairColumn) - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(PairColumn)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[row][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            pair = self._rows[row]
            if column in _SIDE_COLUMNS:
                return _side_tip(pair.a) + "\n\n" + _side_tip(pair.b)
            return self._cells[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PairColumn.ORDERS:
            return _RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(
                PairColumn):
            return _tr(HEADERS[PairColumn(section)])
        return None


@dataclass(frozen=True)
class _Merged:
    operation_id: int
    survivor: str  # code
    other: str


class DuplicatesDialog(QDialog):
    changed = Signal()  # a merge or an undo changed the file's customers

    def __init__(self, access: DuplicatesAccess, parent: QWidget | None = None, *,
                 rows: list[PairRow] | None = None) -> None:
        """``rows``: a scan already made (on the window's worker: 100,000 customers take a second
        or two); without them the dialog scans as it opens."""
        super().__init__(parent)
        self.setObjectName("duplicates_dialog")
        self._access = access
        self._merged: list[_Merged] = []  # this session's merges, oldest first
        self.merge_dialog: MergeDialog | None = None
        self._fitted = False

        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("duplicates_status")
        self.done_line = QLabel(self)
        self.done_line.setObjectName("duplicates_done")
        self.done_line.setStyleSheet(_HINT_STYLE)
        self.model = DuplicatePairModel(self)
        self.view = QTableView(self)
        setup_table(self.view, self.model, "duplicate_pairs")
        self.view.verticalHeader().setDefaultSectionSize(2 * self.view.fontMetrics().lineSpacing() + 12)
        self.view.doubleClicked.connect(lambda _index: self.merge_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.merge_button = QPushButton(self)
        self.merge_button.setObjectName("merge_button")
        self.merge_button.clicked.connect(self.merge_selected)
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("undo_button")
        self.undo_button.clicked.connect(self.undo_last)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.status)
        top.addStretch(1)
        top.addWidget(self.done_line)
        bottom = QHBoxLayout()
        bottom.addWidget(self.merge_button)
        bottom.addWidget(self.undo_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.resize(1100, 560)
        self.retranslate()
        self.reload(rows)

    # -- contents

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Find duplicates"))
        self.hint.setText(self.tr(
            "Customers that look like the same one: the same credit code, ID number or phone number, or the same "
            "name without a number that tells them apart. Choose a pair and merge it; a merge can be undone."))
        self.merge_button.setText(self.tr("Merge…"))
        self.undo_button.setText(self.tr("Undo last merge"))
        self.model.retranslate()
        self._update_status()
        self._update_buttons()

    def reload(self, rows: list[PairRow] | None = None) -> None:
        """Scan the file again (after a merge, an undo, or a change elsewhere), or show ``rows``."""
        selected = self._selected()
        self.model.set_rows(self._access.scan() if rows is None else rows)
        if not self._fitted and self.model.rowCount():
            # Once: later scans keep the widths (and the user's), and the stretched
            # last column is not widened past the view again.
            fit_columns(self.view, {PairColumn.REASONS: 300, PairColumn.NAME: 320})
            self._fitted = True
        if selected is not None:
            keys = [(r.a.id, r.b.id) for r in self.model.rows()]
            key = (selected.a.id, selected.b.id)
            if key in keys:
                self.view.selectRow(keys.index(key))
        self._update_status()
        self._update_buttons()

    def _update_status(self) -> None:
        n = self.model.rowCount()
        self.status.setText(self.tr("%n likely pair(s)", "", n) if n else self.tr("No likely duplicates found."))

    def _selected(self) -> PairRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        writable = not self._access.read_only
        self.merge_button.setEnabled(writable and self._selected() is not None)
        self.undo_button.setVisible(bool(self._merged))
        self.undo_button.setEnabled(writable and bool(self._merged))
        if self._merged:
            last = self._merged[-1]
            self.undo_button.setToolTip(self.tr("Undo merging %1 into %2").replace("%1", last.other).replace(
                "%2", last.survivor))

    # -- merging and undoing

    def merge_selected(self) -> None:
        pair = self._selected()
        if pair is None or self._access.read_only or self.merge_dialog is not None:
            return
        dialog = MergeDialog(self._access, pair.a.id, pair.b.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._merge_finished(dialog))
        self.merge_dialog = dialog
        dialog.open()

    def _merge_finished(self, dialog: MergeDialog) -> None:
        self.merge_dialog = None
        if dialog.operation_id is not None:
            merged = _Merged(dialog.operation_id, dialog.survivor.code or "", dialog.other.code or "")
            self._merged.append(merged)
            self.done_line.setText(self.tr("Merged %1 into %2.").replace("%1", merged.other).replace(
                "%2", merged.survivor))
        if dialog.operation_id is not None or dialog.conflict:
            self.reload()
        if dialog.operation_id is not None:
            self.changed.emit()

    def undo_last(self) -> None:
        if not self._merged:
            return
        last = self._merged[-1]
        outcome = self._access.undo_merge(last.operation_id)
        self._merged.pop()  # undone now, or never again: an edit since the merge stays
        if outcome is UndoOutcome.UNDONE:
            self.done_line.setText(self.tr("Undone: %1 is back.").replace("%1", last.other))
            self.reload()
            self.changed.emit()
            return
        QMessageBox.information(self, self.tr("Undo last merge"), self._refusal(outcome, last))
        self._update_buttons()

    def _refusal(self, outcome: UndoOutcome, merged: _Merged) -> str:
        if outcome is UndoOutcome.SURVIVOR_CHANGED:
            return self.tr("%1 was changed after the merge, so the merge can no longer be undone.").replace(
                "%1", merged.survivor)
        if outcome is UndoOutcome.OTHER_CHANGED:
            return self.tr("%1 was restored or changed after the merge, so the merge can no longer be undone."
                           ).replace("%1", merged.other)
        if outcome is UndoOutcome.ALREADY_UNDONE:
            return self.tr("This merge has been undone already.")
        return self.tr("This merge is no longer in the file.")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
