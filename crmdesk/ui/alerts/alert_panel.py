"""AlertPanel: the alerts of the open file in tabs by group, counts in the tab titles.

The panel only shows and asks: opening a customer, dismissing, snoozing and
restoring are signals the main window carries out on the file.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.alerts import Action, Alert, AlertGroup
from crmdesk.services.alerts import CustomerAlert
from crmdesk.ui.alerts import alert_texts as texts
from crmdesk.ui.alerts.alert_model import AlertColumn, AlertListModel, state_text_width_sample
from crmdesk.ui.alerts.alert_sections import Grouped, Section, group_alerts, section_order, shown

_NO_OWNER = ""
SNOOZE_DAYS = (1, 7, 30)


class AlertPanel(QWidget):
    open_customer = Signal(int)
    dismiss_requested = Signal(object)  # CustomerAlert
    snooze_requested = Signal(object, object)  # CustomerAlert, date
    restore_requested = Signal(object)  # CustomerAlert
    counts_changed = Signal(int)  # visible alerts in all tabs
    win_back_requested = Signal(int)  # a churn alert's customer (Action.WIN_BACK): start a win-back plan

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alert_panel")
        self.today = today
        self._rows: list[CustomerAlert] = []  # every alert of the file, shown or not
        self._hidden = 0  # dismissed or snoozed among the owner's
        self._read_only = False
        self._note = ""

        self.owner = QComboBox(self)
        self.owner.setObjectName("alert_owner")
        self.owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.owner.currentIndexChanged.connect(lambda _i: self._refill())
        self.show_hidden = QCheckBox(self)
        self.show_hidden.setObjectName("alert_show_hidden")
        self.show_hidden.toggled.connect(lambda _on: self._refill())
        self.status = QLabel(self)
        self.status.setObjectName("alert_status")
        # A long note must not widen the whole window: it is elided by the layout instead.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self._open_current)
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.setObjectName("alert_dismiss")
        self.dismiss_button.clicked.connect(self._dismiss_current)
        self.snooze_button = QPushButton(self)  # a push button draws its menu arrow beside the text
        self.snooze_button.setObjectName("alert_snooze")
        self.snooze_menu = QMenu(self)
        self.snooze_button.setMenu(self.snooze_menu)
        self.snooze_menu.aboutToShow.connect(self._fill_snooze_menu)
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("alert_restore")
        self.restore_button.clicked.connect(self._restore_current)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.owner)
        bar.addWidget(self.show_hidden)
        bar.addWidget(self.status, 1)
        for button in (self.open_button, self.dismiss_button, self.snooze_button, self.restore_button):
            bar.addWidget(button)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("alert_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)  # six tabs scroll rather than widen a narrow window
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())
        self.models: dict[AlertGroup, AlertListModel] = {}
        self.views: dict[AlertGroup, QTableView] = {}
        for group in AlertGroup:
            model = AlertListModel(self)
            view = QTableView(self)
            view.setObjectName(f"alerts_{group.value}")
            view.setModel(model)
            view.setShowGrid(False)
            view.setWordWrap(False)
            view.setAlternatingRowColors(True)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setTabKeyNavigation(False)
            rows = view.verticalHeader()
            rows.hide()
            rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
            rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda pos, v=view: self._context_menu(v, pos))
            view.activated.connect(self._on_activated)
            view.clicked.connect(lambda index, m=model: self._toggle_if_header(m, index))
            view.installEventFilter(self)
            view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
                signal.connect(lambda *_, v=view, m=model: _span_headers(v, m))
            header = view.horizontalHeader()
            header.setStretchLastSection(False)
            header.setHighlightSections(False)
            header.setSectionResizeMode(AlertColumn.REASON, QHeaderView.ResizeMode.Stretch)
            self.models[group] = model
            self.views[group] = view
            self.tabs.addTab(view, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(bar)
        layout.addWidget(self.tabs)

        dismiss = QAction(self)
        dismiss.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        dismiss.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        dismiss.triggered.connect(self._dismiss_current)
        self.tabs.addAction(dismiss)
        self.retranslate()

    # -- what the window tells the panel ----------------------------------------------------

    def set_alerts(self, rows: list[CustomerAlert], note: str = "", grouped: Grouped | None = None) -> None:
        """All alerts of the file; ``note`` says what is missing (e.g. why there are no churn scores).

        ``grouped``: ``group_alerts(rows, …)`` for the current filter, made on the worker.
        """
        self._rows = rows
        self._note = note
        if grouped is None or (grouped.owner, grouped.show_hidden) != self.filter():
            grouped = group_alerts(rows, self.today, *self.filter())
        self._fill_owners(grouped.owners)
        if (grouped.owner, grouped.show_hidden) != self.filter():  # the chosen owner has no alerts now
            grouped = group_alerts(rows, self.today, *self.filter())
        self._show(grouped)

    def set_read_only(self, read_only: bool) -> None:
        """A read-only file keeps its alerts' states as they are: only opening a customer is offered."""
        self._read_only = read_only
        self._update_buttons()

    def filter(self) -> tuple[str | None, bool]:
        """(owner or None for everyone, whether dismissed and snoozed alerts show)."""
        data = self.owner.currentData()
        return (data if isinstance(data, str) else None), self.show_hidden.isChecked()

    def replace_customer(self, customer_id: int, rows: list[CustomerAlert]) -> None:
        """One customer's alerts recomputed after an edit."""
        kept: list[CustomerAlert] = []
        old: list[CustomerAlert] = []
        for r in self._rows:
            (old if r.alert.customer_id == customer_id else kept).append(r)
        if not old and not rows:
            return
        self._rows = kept + rows
        owner, show_hidden = self.filter()
        touched = set()
        for group, model in self.models.items():
            sections = {s.key: s for s in model.sections()}
            for r in old:
                section = sections.get((r.alert.kind, r.alert.severity))
                if section is not None and r in section.rows:
                    section.rows.remove(r)
                    touched.add(group)
            for r in rows:
                if r.alert.group is not group or not shown(r, self.today, owner, show_hidden):
                    continue
                key = (r.alert.kind, r.alert.severity)
                if key not in sections:
                    sections[key] = Section(*key)
                sections[key].insert(r)
                touched.add(group)
            if group in touched:
                current = self._current_alert(group)
                model.set_sections(sorted((s for s in sections.values() if s.rows), key=section_order))
                self._select_alert(group, current)
        self._hidden += sum(shown(r, self.today, owner, True) and r.hidden(self.today) for r in rows)
        self._hidden -= sum(shown(r, self.today, owner, True) and r.hidden(self.today) for r in old)
        self._after_change()

    def replace_alert(self, row: CustomerAlert) -> None:
        """One alert with its new state (dismissed, snoozed, restored); it keeps its place in the list."""
        at = next((i for i, r in enumerate(self._rows) if r.alert is row.alert), None)
        if at is None:
            return
        old, self._rows[at] = self._rows[at], row
        owner, show_hidden = self.filter()
        self._hidden += row.hidden(self.today) - old.hidden(self.today)
        self.models[row.alert.group].replace(old, row if shown(row, self.today, owner, show_hidden) else None)
        self._after_change()

    def clear(self) -> None:
        self.set_alerts([])

    def alerts(self) -> list[CustomerAlert]:
        """Every alert of the file, shown or hidden."""
        return list(self._rows)

    def visible_count(self) -> int:
        return sum(model.count() for model in self.models.values())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """Space, Enter and the arrow keys fold a section, as in a tree."""
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QTableView):
            model = watched.model()
            index = watched.currentIndex()
            if isinstance(model, AlertListModel) and model.is_header(index):
                folded = model.is_collapsed(index.row())
                key = event.key()
                if (key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
                        or (key == Qt.Key.Key_Left and not folded) or (key == Qt.Key.Key_Right and folded)):
                    model.toggle(index.row())
                    return True
        return super().eventFilter(watched, event)

    # -- inside ------------------------------------------------------------------------------

    def _fill_owners(self, owners: list[str]) -> None:
        current = self.owner.currentData()
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("All owners"), None)
        for owner in owners:
            self.owner.addItem(owner, owner)
        self.owner.addItem(self.tr("No owner"), _NO_OWNER)
        found = self.owner.findData(current) if isinstance(current, str) else 0
        self.owner.setCurrentIndex(max(found, 0))
        self.owner.blockSignals(False)

    def _refill(self) -> None:
        """The filter changed: group everything again (a tenth of a second for 150,000 alerts)."""
        self._show(group_alerts(self._rows, self.today, *self.filter()))

    def _show(self, grouped: Grouped) -> None:
        self._hidden = grouped.hidden
        for group, model in self.models.items():
            current = self._current_alert(group)
            model.set_sections(grouped.tabs[group])
            self._select_alert(group, current)
            self.views[group].setColumnHidden(AlertColumn.STATE, not grouped.show_hidden)
        self._after_change()

    def _after_change(self) -> None:
        self._update_titles()
        self._update_buttons()
        self.counts_changed.emit(self.visible_count())

    def _current_alert(self, group: AlertGroup) -> Alert | None:
        row = self.models[group].alert_at(self.views[group].currentIndex())
        return row.alert if row is not None else None

    def _select_alert(self, group: AlertGroup, alert: Alert | None) -> None:
        flat = self.models[group].row_of(alert) if alert is not None else None
        if flat is not None:
            self.views[group].setCurrentIndex(self.models[group].index(flat, AlertColumn.CUSTOMER))

    def _toggle_if_header(self, model: AlertListModel, index: QModelIndex) -> None:
        if model.is_header(index):
            model.toggle(index.row())

    def _update_titles(self) -> None:
        for i, group in enumerate(AlertGroup):
            self.tabs.setTabText(i, f"{texts.group_text(group)} ({self.models[group].count():,})")
        parts = [self._note] if self._note else []
        if self._hidden and not self.show_hidden.isChecked():
            parts.append(self.tr("%n hidden", "", self._hidden))
        self.status.setText("  ".join(parts))
        self.status.setToolTip("  ".join(parts))

    def _current(self) -> CustomerAlert | None:
        group = list(AlertGroup)[self.tabs.currentIndex()]
        view = self.views[group]
        return self.models[group].alert_at(view.currentIndex())

    def _update_buttons(self) -> None:
        row = self._current()
        writable = row is not None and not self._read_only
        self.open_button.setEnabled(row is not None)
        self.dismiss_button.setEnabled(writable)
        self.snooze_button.setEnabled(writable)
        self.restore_button.setEnabled(writable and row.state is not None)

    def _on_activated(self, index: QModelIndex) -> None:
        row = self.models[list(AlertGroup)[self.tabs.currentIndex()]].alert_at(index)  # a header folds on click
        if row is not None:
            self.open_customer.emit(row.alert.customer_id)

    def _open_current(self) -> None:
        row = self._current()
        if row is not None:
            self.open_customer.emit(row.alert.customer_id)

    def win_back_current(self) -> None:
        """Ask for a win-back plan for the selected churn alert's customer (its context menu)."""
        row = self._current()
        if row is not None and row.alert.action is Action.WIN_BACK and not self._read_only:
            self.win_back_requested.emit(row.alert.customer_id)

    def _dismiss_current(self) -> None:
        row = self._current()
        if row is not None and not self._read_only:
            self.dismiss_requested.emit(row)

    def _restore_current(self) -> None:
        row = self._current()
        if row is not None and row.state is not None:
            self.restore_requested.emit(row)

    def _snooze_current(self, until: date) -> None:
        row = self._current()
        if row is not None:
            self.snooze_requested.emit(row, until)

    def _fill_snooze_menu(self, menu: QMenu | None = None) -> None:
        menu = menu or self.snooze_menu
        menu.clear()
        labels = {1: self.tr("Until tomorrow"), 7: self.tr("For a week"), 30: self.tr("For a month")}
        for days in SNOOZE_DAYS:
            until = self.today + timedelta(days=days)
            action = menu.addAction(f"{labels[days]} ({until.isoformat()})")
            action.triggered.connect(lambda _c=False, u=until: self._snooze_current(u))
        menu.addAction(self.tr("Until a date…")).triggered.connect(self._snooze_until_chosen)

    def _snooze_until_chosen(self) -> None:
        until = self.choose_date()
        if until is not None:
            self._snooze_current(until)

    def choose_date(self) -> date | None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Snooze until"))
        calendar = QCalendarWidget(dialog)
        tomorrow = self.today + timedelta(days=1)
        calendar.setMinimumDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        calendar.setSelectedDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day) .addDays(6))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(calendar)
        layout.addWidget(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return calendar.selectedDate().toPython()

    def _context_menu(self, view: QTableView, pos) -> None:
        index = view.indexAt(pos)
        model = view.model()
        row = model.alert_at(index) if isinstance(model, AlertListModel) else None
        if row is None:
            return
        view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.open_button.text()).triggered.connect(self._open_current)
        if row.alert.action is Action.WIN_BACK and not self._read_only:
            menu.addAction(self.tr("Start win-back plan…")).triggered.connect(self.win_back_current)
        if not self._read_only:
            menu.addAction(self.dismiss_button.text()).triggered.connect(self._dismiss_current)
            snooze = menu.addMenu(self.snooze_button.text())
            self._fill_snooze_menu(snooze)
        if row.state is not None and not self._read_only:
            menu.addAction(self.restore_button.text()).triggered.connect(self._restore_current)
        menu.exec(view.viewport().mapToGlobal(pos))

    def _size_columns(self) -> None:
        """Widths from the texts in the current language (sizing to contents would read every row)."""
        metrics = self.fontMetrics()
        pad = 4 * metrics.horizontalAdvance("M")
        action = max(metrics.horizontalAdvance(texts.action_text(a)) for a in Action) + pad
        customer = metrics.horizontalAdvance("KH000000  " + "国" * 14) + pad
        state = metrics.horizontalAdvance(state_text_width_sample()) + pad
        for view in self.views.values():
            header = view.horizontalHeader()
            for column, width in ((AlertColumn.CUSTOMER, customer), (AlertColumn.ACTION, action),
                                  (AlertColumn.OWNER, metrics.horizontalAdvance("国" * 4) + pad),
                                  (AlertColumn.STATE, state)):
                header.resizeSection(column, width)

    def retranslate(self) -> None:
        self.show_hidden.setText(self.tr("Show dismissed and snoozed"))
        self.open_button.setText(self.tr("Open customer"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Hide this alert until its condition clears (Delete)"))
        self.snooze_button.setText(self.tr("Snooze"))
        self.restore_button.setText(self.tr("Restore"))
        if self._rows or self.owner.count():
            self._fill_owners([self.owner.itemData(i) for i in range(1, self.owner.count() - 1)])
        for model in self.models.values():
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(AlertColumn) - 1)
        self._size_columns()
        self._update_titles()


def _span_headers(view: QTableView, model: AlertListModel) -> None:
    """A section's header row runs across all columns."""
    view.clearSpans()
    for row in model.header_rows():
        view.setSpan(row, 0, 1, len(AlertColumn))
