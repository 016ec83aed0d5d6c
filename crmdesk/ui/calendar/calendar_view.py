"""FollowUpCalendar: the follow-ups, birthdays and anniversaries of a month, or of the next seven days.

Month view: the grid on the left (counts, overdue marks, days off), the
chosen day's items on the right.  Week view: seven days of items under day
headings.  Double-click or Enter on an item opens the customer (a signal the
main window carries out); Move… (or dragging a follow-up onto a day of the
grid) reschedules a planned follow-up, and ``follow_up_saved`` tells the
window so that other lists (the customer's follow-ups, the today list) refresh.

Keyboard on the grid: arrows move the day, PageUp/PageDown the month, Home
goes to today, Enter goes to the day's items.  In the week view PageUp/
PageDown move a week and Home goes to today.

The widget reads and saves through a ``CalendarAccess``; it holds no SQL.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.dates import add_months_clamped
from crmdesk.domain.followups import FollowUp, FollowUpState
from crmdesk.services.calendar import AGENDA_DAYS, CalendarItem, MonthView
from crmdesk.storage.customer_file import WriteError
from crmdesk.ui import texts
from crmdesk.ui.calendar.calendar_access import CalendarAccess
from crmdesk.ui.calendar.calendar_items import CalendarItemModel, ItemColumn
from crmdesk.ui.calendar.month_grid import MonthGrid, qdate
from crmdesk.ui.customer_detail.follow_ups_tab import FollowUpDialog
from crmdesk.ui.customer_detail.ledger_widgets import EntryHost

MONTH, WEEK = "month", "week"
_HINT = "#667085"


def month_title(locale: QLocale, year: int, month: int) -> str:
    """"November 2026" in English, "2026年11月" in Chinese (and Japanese), the locale's month name elsewhere."""
    if locale.language() in (QLocale.Language.Chinese, QLocale.Language.Japanese):
        return f"{year}年{month}月"
    return f"{locale.standaloneMonthName(month, QLocale.FormatType.LongFormat)} {year}"


class FollowUpCalendar(EntryHost):
    open_customer = Signal(int)
    follow_up_saved = Signal(object)  # the FollowUp as stored after Move… or a drop

    def __init__(self, access: CalendarAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("follow_up_calendar")
        self._access = access
        self._mode = MONTH
        self._selected = access.today
        self._week_start = access.today
        self._view: MonthView | None = None

        # -- the bar: ‹ › Today, the title, Month | Week
        self.previous_button = self._nav_button("calendar_previous", "‹")
        self.next_button = self._nav_button("calendar_next", "›")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button = QPushButton(self)
        self.today_button.setObjectName("calendar_today")
        self.today_button.setAutoDefault(False)
        self.today_button.clicked.connect(self.go_today)
        self.title = QLabel(self)
        self.title.setObjectName("calendar_title")
        title_font = QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.month_button = self._mode_button("calendar_month_mode")
        self.week_button = self._mode_button("calendar_week_mode")
        self.month_button.setChecked(True)
        modes = QButtonGroup(self)
        modes.setExclusive(True)
        modes.addButton(self.month_button)
        modes.addButton(self.week_button)
        self.month_button.clicked.connect(lambda: self.set_mode(MONTH))
        self.week_button.clicked.connect(lambda: self.set_mode(WEEK))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(4)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(4)
        bar.addWidget(self.today_button)
        bar.addSpacing(12)
        bar.addWidget(self.title, 1)
        mode_box = QHBoxLayout()
        mode_box.setSpacing(0)
        mode_box.addWidget(self.month_button)
        mode_box.addWidget(self.week_button)
        bar.addLayout(mode_box)

        # -- the grid
        self.grid = MonthGrid(self)
        self.grid.day_selected.connect(self.select_day)
        self.grid.day_activated.connect(self._focus_items)
        self.grid.follow_up_dropped.connect(self._on_dropped)

        # -- the items: a heading, a note, the table, Open / Move…
        self.day_title = QLabel(self)
        self.day_title.setObjectName("calendar_day_title")
        heading_font = QFont(self.font())
        heading_font.setBold(True)
        self.day_title.setFont(heading_font)
        self.day_note = QLabel(self)
        self.day_note.setObjectName("calendar_day_note")
        self.day_note.setStyleSheet(f"color: {_HINT};")
        self.day_note.setWordWrap(True)
        self.day_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.model = CalendarItemModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("calendar_items")
        self.table.setModel(self.model)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)  # _size_columns gives the details what is left
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("calendar_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(f"color: {_HINT};")
        self.empty_label.setWordWrap(True)

        self.open_button = QPushButton(self)
        self.open_button.setObjectName("calendar_open")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_current)
        self.move_button = QPushButton(self)
        self.move_button.setObjectName("calendar_move")
        self.move_button.setAutoDefault(False)
        self.move_button.clicked.connect(self.move_current)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.move_button)

        panel = QWidget(self)
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(8, 0, 0, 0)
        panel_layout.setSpacing(4)
        panel_layout.addWidget(self.day_title)
        panel_layout.addWidget(self.day_note)
        panel_layout.addWidget(self.table, 1)
        panel_layout.addWidget(self.empty_label, 1)
        panel_layout.addLayout(buttons)
        self.panel = panel

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        panel.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 34)
        self._split_once = True

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self.move_action = QAction(self)
        self.move_action.setShortcut(QKeySequence("Ctrl+M"))
        self.move_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.move_action.triggered.connect(self.move_current)
        self.addAction(self.move_action)

        self.retranslate()
        self.refresh()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._split_once and self.splitter.width() > 0:
            self._split_once = False  # then the user's dragging of the handle stays
            width = self.splitter.width()
            self.splitter.setSizes([width * 3 // 5, width - width * 3 // 5])

    @staticmethod
    def _nav_button(name: str, arrow: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(arrow)
        button.setAutoRaise(False)
        font = button.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        button.setFont(font)
        button.setMinimumWidth(button.sizeHint().height())
        return button

    @staticmethod
    def _mode_button(name: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setCheckable(True)
        button.setAutoDefault(False)
        return button

    # -- what the window tells the calendar --------------------------------------------------

    def set_access(self, access: CalendarAccess) -> None:
        """Another file, or a new day: read everything again (today selected when the day changed)."""
        new_day = access.today != self._access.today
        self._access = access
        if new_day:
            self._selected = self._week_start = access.today
        self._view = None
        self.refresh()

    def refresh(self) -> None:
        """Read the shown month (or week) and the items again, keeping the selected item."""
        current = self.current_item()
        self.grid.accepts_drops = self.model.drag_enabled = not self._access.read_only
        if self._mode == MONTH:
            self._load_month(self._selected.year, self._selected.month)
            self._load_day_items()
        else:
            self._load_agenda()
        if current is not None:
            self._select_item(current)
        self._update_buttons()

    # -- moving around ------------------------------------------------------------------------

    def select_day(self, day: date) -> None:
        """Choose a day (loading its month when it is another one) and list its items."""
        if self._mode == WEEK:
            self._week_start = day
            self._selected = day
            self._load_agenda()
            self._update_buttons()
            return
        self._selected = day
        if self._view is None or (self._view.year, self._view.month) != (day.year, day.month):
            self._load_month(day.year, day.month)
        else:
            self.grid.set_month(self._view, day)
        self._load_day_items()
        self._update_buttons()

    def step(self, delta: int) -> None:
        """A month (month view) or a week (week view) back or forward."""
        if self._mode == MONTH:
            self.select_day(add_months_clamped(self._selected, delta))
        else:
            self.select_day(self._week_start + timedelta(days=AGENDA_DAYS * delta))

    def go_today(self) -> None:
        self.select_day(self._access.today)

    def set_mode(self, mode: str) -> None:
        if mode == self._mode:
            return
        self._mode = mode
        self.month_button.setChecked(mode == MONTH)
        self.week_button.setChecked(mode == WEEK)
        self.grid.setVisible(mode == MONTH)
        self.panel.layout().setContentsMargins(8 if mode == MONTH else 0, 0, 0, 0)
        if mode == WEEK:
            self._week_start = self._selected
            self._load_agenda()
            self.table.setFocus()
        else:
            self._load_month(self._selected.year, self._selected.month)
            self._load_day_items()
            self.grid.setFocus()
        self._update_buttons()
        self.retranslate_bar()

    def mode(self) -> str:
        return self._mode

    def selected_day(self) -> date:
        return self._selected

    def month_view(self) -> MonthView | None:
        return self._view

    # -- loading ------------------------------------------------------------------------------

    def _load_month(self, year: int, month: int) -> None:
        self._view = self._access.month(year, month)
        self.grid.set_month(self._view, self._selected)
        self._update_title()

    def _load_day_items(self) -> None:
        self.model.set_items(self._access.day_items(self._selected), self._access.today)
        self.table.clearSpans()
        self._after_items_loaded()
        self._update_day_heading()

    def _load_agenda(self) -> None:
        self.model.set_agenda(self._access.agenda(self._week_start), self._access.today)
        self.table.clearSpans()
        for row in self.model.heading_rows():
            self.table.setSpan(row, 0, 1, len(ItemColumn))
        self._after_items_loaded()
        self._update_title()
        self._update_day_heading()

    def _after_items_loaded(self) -> None:
        has_items = bool(self.model.items())
        self.table.setVisible(has_items or self._mode == WEEK)
        self.empty_label.setVisible(not has_items and self._mode == MONTH)
        self._size_columns()
        first = next((r for r in range(self.model.rowCount()) if self.model.item_at(r) is not None), None)
        if first is not None:
            self.table.setCurrentIndex(self.model.index(first, 0))
        self._update_buttons()

    def _size_columns(self) -> None:
        """Time, customer and type sized to a sample of the rows; the details take the rest."""
        fm = self.table.fontMetrics()
        pad = 18
        rows = [r for r in range(min(self.model.rowCount(), 200)) if self.model.item_at(r) is not None]

        def widest(column: ItemColumn, *extra: str) -> int:
            cells = [self.model.index(r, column).data() or "" for r in rows]
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            return max(fm.horizontalAdvance(text) for text in (title, *extra, *cells)) + pad

        header = self.table.horizontalHeader()
        time, kind = widest(ItemColumn.TIME, "00:00"), widest(ItemColumn.TYPE)
        # The customer gets what it needs up to 3/5 of what is left; the details stretch over the rest.
        room = self.table.viewport().width() - time - kind
        customer = max(fm.horizontalAdvance("0") * 12, min(widest(ItemColumn.CUSTOMER), room * 3 // 5))
        header.resizeSection(ItemColumn.TIME, time)
        header.resizeSection(ItemColumn.CUSTOMER, customer)
        header.resizeSection(ItemColumn.TYPE, kind)
        header.resizeSection(ItemColumn.DETAILS, max(fm.horizontalAdvance("0") * 6, room - customer))

    # -- the items ----------------------------------------------------------------------------

    def current_item(self) -> CalendarItem | None:
        index = self.table.currentIndex()
        return self.model.item_at(index.row()) if index.isValid() else None

    def _select_item(self, item: CalendarItem) -> None:
        for row in range(self.model.rowCount()):
            found = self.model.item_at(row)
            if found is not None and (found.customer_id, found.follow_up and found.follow_up.id,
                                      found.occasion) == (item.customer_id, item.follow_up and item.follow_up.id,
                                                          item.occasion):
                self.table.setCurrentIndex(self.model.index(row, 0))
                return

    def _focus_items(self, day: date) -> None:
        if day != self._selected:
            self.select_day(day)
        if self.model.items():
            self.table.setFocus()

    def _on_activated(self, index: QModelIndex) -> None:
        item = self.model.item_at(index.row())
        if item is not None:
            self.open_customer.emit(item.customer_id)

    def open_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.open_customer.emit(item.customer_id)

    def _movable(self, item: CalendarItem | None) -> FollowUp | None:
        if item is None or item.follow_up is None or self._access.read_only:
            return None
        return item.follow_up if item.follow_up.state is FollowUpState.PLANNED else None

    def move_current(self) -> None:
        """Open the follow-up dialog on the selected follow-up: change its date (or time, method…)."""
        follow_up = self._movable(self.current_item())
        if follow_up is None:
            return
        self._show_dialog(lambda: FollowUpDialog(self._access, follow_up.customer_id, follow_up, self,
                                                 owner=follow_up.owner))

    def _on_saved(self, saved: object) -> None:
        self.refresh()
        self.follow_up_saved.emit(saved)

    def _on_dropped(self, follow_up_id: int, day: date) -> None:
        row = self.model.row_of_follow_up(follow_up_id)
        follow_up = self._movable(self.model.item_at(row)) if row is not None else None
        if follow_up is None or follow_up.due_date == day:
            return
        try:
            moved = self._access.move(follow_up, day)
        except WriteError as e:
            QMessageBox.critical(self, self.tr("Not moved"), texts.error_text(e.problem, {"detail": e.detail}))
            self.refresh()
            return
        self.refresh()
        self.follow_up_saved.emit(moved)

    def _context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        item = self.model.item_at(index.row()) if index.isValid() else None
        if item is None:
            return
        self.table.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.tr("Open customer"), self.open_current)
        move = menu.addAction(self.tr("Move…"), self.move_current)
        move.setEnabled(self._movable(item) is not None)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _update_buttons(self) -> None:
        item = self.current_item()
        self.open_button.setEnabled(item is not None)
        self.move_button.setEnabled(self._movable(item) is not None)
        self.move_action.setEnabled(self._movable(item) is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """In the week view PageUp/PageDown move a week and Home goes to today, as on the grid."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._size_columns()
        if watched is self.table and event.type() == QEvent.Type.KeyPress and self._mode == WEEK:
            key = event.key()
            if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self.step(-1 if key == Qt.Key.Key_PageUp else 1)
                return True
            if key == Qt.Key.Key_Home and not event.modifiers():
                self.go_today()
                return True
        return super().eventFilter(watched, event)

    # -- texts --------------------------------------------------------------------------------

    def _update_title(self) -> None:
        locale = QLocale()
        if self._mode == MONTH:
            day = self._view or self._selected
            self.title.setText(month_title(locale, day.year, day.month))
            return
        first, last = self._week_start, self._week_start + timedelta(days=AGENDA_DAYS - 1)
        text = month_title(locale, first.year, first.month)
        if (last.year, last.month) != (first.year, first.month):
            text += " – " + month_title(locale, last.year, last.month)
        self.title.setText(text)

    def _update_day_heading(self) -> None:
        locale = QLocale()
        if self._mode == WEEK:
            self.day_title.setText(self.tr("7 days from {date}").format(
                date=locale.toString(qdate(self._week_start), QLocale.FormatType.LongFormat)))
            self.day_note.setText("")
            self.day_note.hide()
            return
        day = self._view.day(self._selected) if self._view is not None else None
        text = locale.toString(qdate(self._selected), QLocale.FormatType.LongFormat)
        if self._selected == self._access.today:
            text += " · " + self.tr("Today")
        self.day_title.setText(text)
        notes = []
        if day is not None and day.holiday:
            notes.append(self.tr("Public holiday."))
        elif day is not None and day.shifted:
            notes.append(self.tr("A working day: this weekend day is swapped for a holiday."))
        if self._view is not None and not self._view.covered:
            notes.append(self.tr("The holiday table does not cover this year yet: only weekends are marked off."))
        self.day_note.setText(" ".join(notes))
        self.day_note.setVisible(bool(notes))

    def retranslate_bar(self) -> None:
        week = self._mode == WEEK
        self.previous_button.setToolTip(self.tr("Previous week (Page Up)") if week
                                        else self.tr("Previous month (Page Up)"))
        self.next_button.setToolTip(self.tr("Next week (Page Down)") if week else self.tr("Next month (Page Down)"))

    def retranslate(self) -> None:
        self.today_button.setText(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Go to today (Home)"))
        self.month_button.setText(self.tr("Month"))
        self.week_button.setText(self.tr("Week"))
        self.month_button.setToolTip(self.tr("A month of days with their counts"))
        self.week_button.setToolTip(self.tr("The next seven days, item by item"))
        self.open_button.setText(self.tr("Open customer"))
        self.open_button.setToolTip(self.tr("Open the customer (Enter or double-click)"))
        self.move_button.setText(self.tr("Move…"))
        self.move_button.setToolTip(self.tr("Move the follow-up to another day (Ctrl+M); "
                                            "or drag it onto a day of the month"))
        self.empty_label.setText(self.tr("Nothing on this day."))
        # 休 / 班: short, as they sit in a corner of a day.
        self.grid.set_tag_texts(self.tr("Off", "a public holiday, in a day of the calendar"),
                                self.tr("Work", "a weekend day worked for a holiday, in a day of the calendar"))
        self.retranslate_bar()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ItemColumn) - 1)
        if self.model.rowCount():  # the rows' words (method, occasion, headings) in the new language
            self.model.dataChanged.emit(self.model.index(0, 0),
                                        self.model.index(self.model.rowCount() - 1, len(ItemColumn) - 1))
        if self._view is not None:
            self._update_title()
            self._update_day_heading()
        self.grid.update()
