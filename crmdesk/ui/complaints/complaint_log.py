"""ComplaintLog: every complaint of the open file in one list, filtered and sorted (issue 9, point 5).

Filters: state (open by default), category, priority tier, owner, and
"Escalated only" (open complaints past the deadline that counts now).  The
rows come in the service's order (open first, VIP first, the nearest deadline
first); a click on a header sorts by that column instead, and the Deadline
column puts the nearest deadline first.  Escalated complaints carry a red,
bold "▲ Escalated, N days" and a red deadline.

Enter, a double-click or "Open customer" emits ``open_customer`` with the
customer's id; the window opens the customer.  The widget reads through a
``LedgerAccess`` (the file and today) and holds no SQL.  Cells are formatted
once when the rows are read, so thousands of complaints stay quick.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QEvent,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.complaints import ComplaintCategory, ComplaintNature, ComplaintState
from crmdesk.domain.tiers import Tier
from crmdesk.services.complaints import ComplaintLine
from crmdesk.storage.complaints import ComplaintQuery
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.ledger_widgets import RED, bold, setup_table, when_text
from crmdesk.ui.ledger_access import LedgerAccess

_CONTEXT = "ComplaintLogModel"
_HINT = "#667085"
_DESCRIPTION_TIP = 300  # characters of the description shown in a tooltip


class LogColumn(IntEnum):
    PRIORITY = 0
    CUSTOMER = 1
    RECEIVED = 2
    CATEGORY = 3
    NATURE = 4
    OWNER = 5
    STATE = 6
    DEADLINE = 7
    ESCALATED = 8


HEADERS = {
    LogColumn.PRIORITY: QT_TRANSLATE_NOOP("ComplaintLogModel", "Priority"),
    LogColumn.CUSTOMER: QT_TRANSLATE_NOOP("ComplaintLogModel", "Customer"),
    LogColumn.RECEIVED: QT_TRANSLATE_NOOP("ComplaintLogModel", "Received"),
    LogColumn.CATEGORY: QT_TRANSLATE_NOOP("ComplaintLogModel", "Category"),
    LogColumn.NATURE: QT_TRANSLATE_NOOP("ComplaintLogModel", "Nature"),
    LogColumn.OWNER: QT_TRANSLATE_NOOP("ComplaintLogModel", "Owner"),
    LogColumn.STATE: QT_TRANSLATE_NOOP("ComplaintLogModel", "State"),
    LogColumn.DEADLINE: QT_TRANSLATE_NOOP("ComplaintLogModel", "Deadline"),
    LogColumn.ESCALATED: QT_TRANSLATE_NOOP("ComplaintLogModel", "Escalated"),
}
_ESCALATED_ONE = QT_TRANSLATE_NOOP("ComplaintLogModel", "▲ Escalated, 1 day")
_ESCALATED_DAYS = QT_TRANSLATE_NOOP("ComplaintLogModel", "▲ Escalated, {days} days")
_DEADLINES_TIP = QT_TRANSLATE_NOOP("ComplaintLogModel", "Response by {response}, resolution by {resolution}")
_ANSWERED_TIP = QT_TRANSLATE_NOOP("ComplaintLogModel", "First response given; resolution by {resolution}")
_REASON_TIP = QT_TRANSLATE_NOOP("ComplaintLogModel", "Why malicious: {reason}")
_REOPENED_TIP = QT_TRANSLATE_NOOP("ComplaintLogModel", "Reopened on {date}")
_RESOLVED_TIP = QT_TRANSLATE_NOOP("ComplaintLogModel", "Resolved on {date}")

_PRIORITY_RANK = {tier: rank for rank, tier in enumerate(Tier)}  # A first
_RED_BRUSH = QBrush(QColor(RED))
_MARKED = frozenset((LogColumn.DEADLINE, LogColumn.ESCALATED))  # red and bold while escalated


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def escalated_text(days: int) -> str:
    """"▲ Escalated, 3 days" (the Escalated column of an escalated complaint)."""
    return _tr(_ESCALATED_ONE) if days == 1 else texts.fill(_tr(_ESCALATED_DAYS), {"days": days})


def _cells(line: ComplaintLine) -> tuple[str, ...]:
    c, status = line.complaint, line.status
    deadline = ""
    if status.deadline is not None and status.stage is not None:
        deadline = f"{status.deadline.isoformat()} · {texts.enum_text(status.stage)}"
    return (
        texts.enum_text(c.priority),
        f"{line.code}  {line.name}",
        when_text(line.complaint.received_date, line.complaint.received_time),
        texts.enum_text(c.category),
        texts.enum_text(c.nature) if c.nature is ComplaintNature.MALICIOUS else "",
        c.owner or "",
        texts.enum_text(c.state),
        deadline,
        escalated_text(status.days_overdue) if status.escalated else "",
    )


def _tooltips(line: ComplaintLine) -> dict[int, str]:
    """The cells with a tooltip of their own; the others show the description."""
    c, status = line.complaint, line.status
    tips: dict[int, str] = {}
    if c.nature is ComplaintNature.MALICIOUS and c.nature_reason:
        tips[LogColumn.NATURE] = texts.fill(_tr(_REASON_TIP), {"reason": c.nature_reason})
    if c.state is ComplaintState.RESOLVED and c.resolved_date is not None:
        tips[LogColumn.STATE] = texts.fill(_tr(_RESOLVED_TIP), {"date": c.resolved_date.isoformat()})
    elif c.reopened_date is not None:
        tips[LogColumn.STATE] = texts.fill(_tr(_REOPENED_TIP), {"date": c.reopened_date.isoformat()})
    if status.deadline is not None:
        values = {"response": status.response_deadline.isoformat(),
                  "resolution": status.resolution_deadline.isoformat()}
        tip = texts.fill(_tr(_ANSWERED_TIP if status.responded else _DEADLINES_TIP), values)
        tips[LogColumn.DEADLINE] = tips[LogColumn.ESCALATED] = tip
    return tips


def _description(line: ComplaintLine) -> str:
    text = line.complaint.description
    return text if len(text) <= _DESCRIPTION_TIP else text[:_DESCRIPTION_TIP].rstrip() + "…"


class ComplaintLogModel(QAbstractTableModel):
    """ComplaintLines in the service's order, or sorted by a column (ties keep the service's order)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[ComplaintLine] = []  # the service's order
        self._cells: list[tuple[str, ...]] = []  # by the service's position
        self._order: list[int] = []  # display row -> service position
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)  # -1: the service's order
        self._bold = bold()

    # -- contents

    def set_lines(self, lines: list[ComplaintLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._cells = [_cells(line) for line in self._lines]
        self._order = self._sorted_order()
        self.endResetModel()

    def lines(self) -> list[ComplaintLine]:
        """The rows in display order."""
        return [self._lines[i] for i in self._order]

    def line_at(self, row: int) -> ComplaintLine | None:
        return self._lines[self._order[row]] if 0 <= row < len(self._order) else None

    def row_of(self, complaint_id: int | None) -> int | None:
        return next((row for row, i in enumerate(self._order) if self._lines[i].complaint.id == complaint_id), None)

    def column_texts(self, column: int) -> set[str]:
        """The different texts of a column (few for most: tiers, categories, states, stages)."""
        return {cells[column] for cells in self._cells}

    def sort_column(self) -> int:
        """The column sorted by; -1 while in the service's order."""
        return self._sort[0]

    def retranslate(self) -> None:
        self._cells = [_cells(line) for line in self._lines]
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, len(LogColumn) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(LogColumn) - 1)

    # -- sorting

    def _key(self, column: int) -> Callable[[int], object] | None:
        lines, cells = self._lines, self._cells
        if column == LogColumn.PRIORITY:
            return lambda i: _PRIORITY_RANK[lines[i].complaint.priority]
        if column == LogColumn.CUSTOMER:
            return lambda i: lines[i].code
        if column == LogColumn.RECEIVED:
            return lambda i: (lines[i].complaint.received_date, lines[i].complaint.received_time or "")
        if column in (LogColumn.CATEGORY, LogColumn.NATURE):
            return lambda i: cells[i][column].casefold()
        if column == LogColumn.OWNER:
            return lambda i: lines[i].complaint.owner or ""
        if column == LogColumn.STATE:
            return lambda i: lines[i].complaint.state is not ComplaintState.OPEN
        if column == LogColumn.DEADLINE:
            return lambda i: lines[i].deadline or date.max
        if column == LogColumn.ESCALATED:
            return lambda i: lines[i].status.days_overdue
        return None

    def _blank(self, column: int, i: int) -> bool:
        """A row with nothing in the sorted column: last whichever way (no deadline, not escalated ...)."""
        line = self._lines[i]
        if column == LogColumn.DEADLINE:
            return line.deadline is None
        if column == LogColumn.ESCALATED:
            return not line.escalated
        return column in (LogColumn.NATURE, LogColumn.OWNER) and not self._cells[i][column]

    def _sorted_order(self) -> list[int]:
        order = list(range(len(self._lines)))
        column, direction = self._sort
        key = self._key(column)
        if key is None:
            return order
        filled = [i for i in order if not self._blank(column, i)]
        # Stable, also reversed: equal keys keep the service's order; the blank ones follow in it.
        filled.sort(key=key, reverse=direction == Qt.SortOrder.DescendingOrder)
        return filled + [i for i in order if self._blank(column, i)]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By a column (a header click); -1: back to the service's order."""
        self._sort = (column if self._key(column) is not None else -1, order)
        self.layoutAboutToBeChanged.emit()
        before = self._order
        self._order = self._sorted_order()
        position = {i: row for row, i in enumerate(self._order)}
        old = self.persistentIndexList()
        new = [self.index(position[before[i.row()]], i.column()) if i.row() < len(before) else i for i in old]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # -- Qt model

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(LogColumn)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._order):
            return None
        i, column = self._order[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[i][column]
        line = self._lines[i]
        if role == Qt.ItemDataRole.ForegroundRole:
            return _RED_BRUSH if line.escalated and column in _MARKED else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if line.escalated and column in _MARKED else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == LogColumn.CUSTOMER:  # the whole name, when the column cuts it
                return f"{self._cells[i][column]}\n{_description(line)}"
            return _tooltips(line).get(column) or _description(line)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(LogColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(HEADERS[LogColumn(section)])
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            # The first click on Escalated puts the longest overdue first; every other column ascends.
            descending = section == LogColumn.ESCALATED
            return (Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder).value
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ComplaintLog(QWidget):
    """The whole file's complaints: filters above, the list, the counts and "Open customer" below."""

    open_customer = Signal(int)  # the customer's id

    def __init__(self, access: LedgerAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaint_log")
        self._access = access
        self._file_has_complaints = False
        self._counts = (0, 0, 0)  # shown, open in the file, escalated in the file

        # -- the filters
        self.state_filter = self._combo("complaint_state_filter")
        self.category_filter = self._combo("complaint_category_filter")
        self.tier_filter = self._combo("complaint_tier_filter")
        self.owner_filter = self._combo("complaint_owner_filter")
        self.overdue_filter = QCheckBox(self)
        self.overdue_filter.setObjectName("complaint_overdue_filter")
        self._combos = (self.state_filter, self.category_filter, self.tier_filter, self.owner_filter)
        self._fill_filters()
        for combo in self._combos:
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.overdue_filter.toggled.connect(lambda _on: self.refresh())
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setSpacing(6)
        for combo in self._combos:
            filters.addWidget(combo)
        filters.addSpacing(6)
        filters.addWidget(self.overdue_filter)
        filters.addStretch(1)

        # -- the list, or a word saying it is empty
        self.model = ComplaintLogModel(self)
        self.table = QTableView(self)
        setup_table(self.table, self.model, "complaint_log_table")
        self.table.setShowGrid(False)
        self.table.setTabKeyNavigation(False)
        # Sorting on, with no column shown as sorted: the service's order until a header is clicked.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.viewport().installEventFilter(self)
        self.setFocusProxy(self.table)  # the window's setFocus() lands on the list
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("complaint_log_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(f"color: {_HINT};")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        # -- the counts and the button
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("complaint_log_counts")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("complaint_open_customer")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_current)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.counts_label, 1)
        bottom.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(bottom)

        self.retranslate()
        self.refresh()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    # -- what the window tells it ---------------------------------------------------------------

    def set_access(self, access: LedgerAccess) -> None:
        """Another file, or a new day: read again (the filters stay; an owner no longer there goes)."""
        self._access = access
        self.refresh()

    def refresh(self) -> None:
        """Read the complaints that match again, keeping the selected one."""
        current = self.current_line()
        self._fill_owners()
        lines = self._access.complaint_log(self.query())
        counts = self._access.complaint_counts()
        if lines or counts.open:
            self._file_has_complaints = True
        else:  # nothing open: is there anything at all?
            self._file_has_complaints = bool(self._access.complaint_log(ComplaintQuery(state=ComplaintState.RESOLVED)))
        self.model.set_lines(lines)
        self.table.setVisible(bool(lines))
        self.empty_label.setVisible(not lines)
        if lines:
            self._size_columns()
            row = self.model.row_of(current.complaint.id) if current is not None else None
            self.table.setCurrentIndex(self.model.index(row or 0, 0))
        self._counts = (len(lines), counts.open, counts.escalated)
        self._update_texts()
        self._update_buttons()

    def query(self) -> ComplaintQuery:
        """What the filters ask for."""
        state, category, tier, owner = (combo.currentData() for combo in self._combos)
        # Combo data comes back as the plain string: the enums again.
        return ComplaintQuery(
            state=ComplaintState(state) if state else None,
            category=ComplaintCategory(category) if category else None,
            priority=Tier(tier) if tier else None,
            owner=owner or None,
            overdue=self.overdue_filter.isChecked(),
        )

    # -- the rows --------------------------------------------------------------------------------

    def current_line(self) -> ComplaintLine | None:
        index = self.table.currentIndex()
        return self.model.line_at(index.row()) if index.isValid() else None

    def open_current(self) -> None:
        line = self.current_line()
        if line is not None:
            self.open_customer.emit(line.complaint.customer_id)

    def _on_activated(self, index: QModelIndex) -> None:
        line = self.model.line_at(index.row())
        if line is not None:
            self.open_customer.emit(line.complaint.customer_id)

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.current_line() is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._size_columns()
        return super().eventFilter(watched, event)

    def _size_columns(self) -> None:
        """Every column as wide as its widest text (or its title); the customer gets what is left,
        up to its widest name (cut names show whole in the tooltip), and the last column the rest.

        Measured over each column's different texts, not row by row: a few for
        most columns, one per customer for the customer's.
        """
        if not self.model.rowCount():
            return
        header = self.table.horizontalHeader()
        plain, marked = self.table.fontMetrics(), QFontMetrics(bold(self.table.font()))
        digit = plain.horizontalAdvance("0")
        # The delegate's text margins (the focus frame's and a pixel, each side) and a little air.
        pad = 2 * (self.style().pixelMetric(self.style().PixelMetric.PM_FocusFrameHMargin) + 1) + digit // 2
        widths = {}
        for column in LogColumn:
            if column == LogColumn.RECEIVED:
                samples = {"0000-00-00 00:00"}
            else:
                samples = self.model.column_texts(column)
            metrics = marked if column in _MARKED else plain
            cell = max((metrics.horizontalAdvance(text) for text in samples), default=0) + pad
            widths[column] = max(cell, header.sectionSizeHint(column))
        customer = widths.pop(LogColumn.CUSTOMER)
        room = self.table.viewport().width() - sum(widths.values())
        widths[LogColumn.CUSTOMER] = max(digit * 14, min(customer, room))
        for column, width in widths.items():
            header.resizeSection(column, width)

    # -- the filters -----------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        states = [(texts.enum_text(s), s.value) for s in ComplaintState]
        self._fill(self.state_filter, self.tr("All states"), states, default=ComplaintState.OPEN.value)
        self._fill(self.category_filter, self.tr("All categories"),
                   [(texts.enum_text(c), c.value) for c in ComplaintCategory])
        self._fill(self.tier_filter, self.tr("All tiers"), [(texts.enum_text(t), t.value) for t in Tier])
        # The owners listed already: re-wording reads nothing from the file (it may be closed by then).
        owners = [self.owner_filter.itemData(i) for i in range(1, self.owner_filter.count())]
        self._fill(self.owner_filter, self.tr("All owners"), [(o, o) for o in owners])

    def _fill_owners(self) -> None:
        self._fill(self.owner_filter, self.tr("All owners"), [(o, o) for o in self._access.complaint_owners()])

    @staticmethod
    def _fill(combo: QComboBox, everything: str, items: list[tuple[str, object]], default: object = None) -> None:
        """The items after "All …", keeping the choice when it is still there (else ``default``, else all)."""
        current = combo.currentData() if combo.count() else default
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for label, value in items:
            combo.addItem(label, value)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    # -- texts -----------------------------------------------------------------------------------

    def _update_texts(self) -> None:
        shown, open_, escalated = self._counts
        self.counts_label.setText(texts.fill(self.tr("{shown} shown · {open} open, {escalated} escalated"),
                                             {"shown": shown, "open": open_, "escalated": escalated}))
        self.empty_label.setText(self.tr("No complaints match.") if self._file_has_complaints
                                 else self.tr("No complaints recorded."))

    def retranslate(self) -> None:
        """Re-word everything in the language now installed (nothing is read from the file)."""
        self._fill_filters()
        self.overdue_filter.setText(self.tr("Escalated only"))
        self.overdue_filter.setToolTip(self.tr("Open complaints past the deadline that counts now"))
        self.tier_filter.setToolTip(self.tr("Priority: the customer's tier when the complaint came in"))
        self.owner_filter.setToolTip(self.tr("Who handles it"))
        self.open_button.setText(self.tr("Open customer"))
        self.open_button.setToolTip(self.tr("Open the customer (Enter or double-click)"))
        self.model.retranslate()
        self._size_columns()
        self._update_texts()
