"""MainWindow: menus and toolbar, the customer list on the left, the detail on the right."""

from __future__ import annotations

import errno
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QDialog,
    QVBoxLayout,
    QWidget,
)

from crmdesk import __version__
from crmdesk.domain.customer import CustomerKind
from crmdesk.domain.win_back import WinBackReason
from crmdesk.paths import demo_file
from crmdesk.services import customers as customer_service
from crmdesk.services.demo import write_demo_file
from crmdesk.services import ledger as ledger_service
from crmdesk.services import backups as backup_service
from crmdesk.services.files import check_file, new_file
from crmdesk.services import protection
from crmdesk.services.protection import Protection
from crmdesk.storage.backups import backup_details
from crmdesk.domain.alerts import AlertRules
from crmdesk.services import alerts as alert_service
from crmdesk.services.analysis import STEPS, CustomerUpdate, FileAnalysis, analyse, reanalyse_customer
from crmdesk.services.churn import ChurnResult
from crmdesk.storage.alerts import AlertState, StoredState
from crmdesk.storage import customers as store
from crmdesk.storage import file_settings
from crmdesk.storage.customer_file import (
    SUFFIX,
    Cancellation,
    Cancelled,
    FileProblem,
    FileProblemError,
    WriteError,
    WriteProblem,
)
from crmdesk.storage.file_location import LocationRisk, location_risk
from crmdesk.storage.file_lock import FileLock, LockHolder
from crmdesk.ui import preferences as options
from crmdesk.ui import texts
from crmdesk.ui.alerts.alert_panel import AlertPanel
from crmdesk.ui.calendar.calendar_access import CalendarAccess
from crmdesk.ui.calendar.calendar_view import FollowUpCalendar
from crmdesk.ui.today_list import TodayList
from crmdesk.ui.alerts.alert_sections import Grouped, group_alerts
from crmdesk.ui.customer_detail.detail_panel import CustomerDetailPanel
from crmdesk.ui.customer_list.filter_bar import FilterBar
from crmdesk.ui.customer_list.table_model import SORT_KEYS, Column, CustomerTableModel
from crmdesk.ui.customer_list.view import CustomerListView
from crmdesk.ui.complaints.complaint_log import ComplaintLog
from crmdesk.ui.customer_detail.ledger_widgets import RED
from crmdesk.ui.dialogs.file_settings_dialog import FileSettingsDialog
from crmdesk.ui.dialogs.ledger_dialog import LedgerDialog
from crmdesk.ui.dialogs.preferences_dialog import PreferencesDialog
from crmdesk.ui.dialogs.recycle_bin_dialog import RecycleBinDialog
from crmdesk.ui.file_guard import FileGuard
from crmdesk.ui.file_session import FileSession
from crmdesk.ui.ledger_access import LedgerAccess
from crmdesk.ui.sales.sales_access import SalesAccess
from crmdesk.ui.i18n import Translations, effective_language
from crmdesk.ui.preferences import Preferences
from crmdesk.ui.protection.protection_dialog import Change
from crmdesk.ui.protection.screen_lock import ScreenLock
from crmdesk.ui.tasks import Generation, Progress, TaskRunner
from crmdesk.ui.welcome_page import WelcomePage

DEMO_CUSTOMERS = 400
DEMO_ORDERS = 4_000
DEMO_SEED = 1


T = TypeVar("T")
_DAMAGED = (FileProblem.EMPTY, FileProblem.CORRUPT, FileProblem.NOT_SQLITE)


def _without_mnemonic(text: str) -> str:
    return re.sub(r"\(&\w\)|&(?=\w)", "", text).rstrip("…").strip()


class MainWindow(QMainWindow):
    def __init__(
        self,
        *,
        prefs: Preferences,
        translations: Translations | None,
        runner: TaskRunner,
        today: date,
        parent: QWidget | None = None,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.prefs = prefs
        self.translations = translations
        self.runner = runner
        self.today = today
        self.session: FileSession | None = None
        # The file's lock and its automatic backups; ``now`` names the backups (local time).
        self.guard = FileGuard(runner, now, self)
        self.guard.backed_up.connect(lambda made: self.statusBar().showMessage(
            self.tr("Backed up at %1").replace("%1", made.taken_at.strftime("%H:%M")), 8000))
        self.guard.backup_failed.connect(self._on_backup_failed)
        # A file with a password: locked after idle minutes, and a plain file's at once when opened.
        self.screen_lock = ScreenLock(self, self._password_is_right,
                                      lambda: self.session.path.name if self.session else "")
        self._proven: set[Path] = set()  # files whose password was typed in this run
        self.screen_lock.locked_changed.connect(self._on_lock_changed)
        self._holder: LockHolder | None = None  # who has the open file, when it is open read-only for that
        self._generation = Generation()
        self._last_deleted: int | None = None
        self._pending_select: int | None = None
        self._show_code: str | None = None
        self._opening: Cancellation | None = None
        self._p_alive: dict[int, float] = {}  # the last fit's, for recomputing one customer's alerts
        self._churn: ChurnResult | None = None  # the fitted model, to score one customer after an edit
        self._calendar: QDialog | None = None  # made when first shown
        self._complaint_log: QDialog | None = None  # likewise
        self._analysis: QDialog | None = None  # likewise; its module imports matplotlib, so only when opened
        # The sales side's windows, made when first shown: name -> (window, its widget).
        self._sales_windows: dict[str, tuple[QDialog, QWidget]] = {}
        self._documents: list[QDialog] = []  # open statements and reports: they read the open file

        self.model = CustomerTableModel(
            self._rows, today=today, stale_after_days=prefs.get(options.STALE_AFTER_DAYS), parent=self
        )
        self.model.sort_requested.connect(self._on_sort_requested)
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self.retranslate()
        self._restore_layout()
        self._update_actions()

    # -- construction ------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.welcome = WelcomePage(self)
        self.welcome.new_requested.connect(self.new_file_dialog)
        self.welcome.open_requested.connect(self.open_file_dialog)
        self.welcome.demo_requested.connect(self.open_demo)

        self.filter_bar = FilterBar(self)
        self.filter_bar.today = self.today
        self.filter_bar.query_changed.connect(self._run_query)
        self.filter_bar.search.returnPressed.connect(self.filter_bar.flush)
        self.list_view = CustomerListView(self)
        self.list_view.setModel(self.model)
        self.list_view.size_columns()
        self.list_view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(self._list_menu)
        self.list_view.horizontalHeader().customContextMenuRequested.connect(self._column_menu)
        self.list_view.horizontalHeader().setSortIndicator(Column.CODE, Qt.SortOrder.AscendingOrder)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        # Read-only because the file is open elsewhere, or kept where files get damaged: said above the list.
        self.banner = QLabel(self)
        self.banner.setObjectName("file_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel#file_banner { background: #fff4ce; color: #3b2f00; "
                                  "border: 1px solid #e0c36c; border-radius: 3px; padding: 6px; }")
        self.banner.hide()
        left_layout.addWidget(self.banner)
        left_layout.addWidget(self.filter_bar)
        left_layout.addWidget(self.list_view)

        self.detail = CustomerDetailPanel(self._save_customer, today=self.today,
                                          stale_after_days=self.prefs.get(options.STALE_AFTER_DAYS),
                                          parent=self)
        self.detail.saved.connect(self._on_saved)
        self.detail.ledger_changed.connect(self._on_ledger_changed)
        self.detail.follow_ups_changed.connect(self._on_follow_ups_changed)
        self.detail.complaints_changed.connect(self._on_complaints_changed)
        self.detail.dirty_changed.connect(lambda _dirty: self._update_actions())

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

        self.alert_panel = AlertPanel(self.today, self)
        self.alert_panel.open_customer.connect(self.show_customer_id)
        self.alert_panel.dismiss_requested.connect(self._dismiss_alert)
        self.alert_panel.snooze_requested.connect(self._snooze_alert)
        self.alert_panel.restore_requested.connect(self._restore_alert)
        self.alert_panel.counts_changed.connect(lambda _n: self._update_dock_title())
        self.alert_panel.win_back_requested.connect(self._win_back)
        self.detail.open_customer.connect(self.show_customer_id)
        self.alert_dock = QDockWidget(self)
        self.alert_dock.setObjectName("alert_dock")
        self.alert_dock.setWidget(self.alert_panel)
        self.alert_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                                    | QDockWidget.DockWidgetFeature.DockWidgetMovable
                                    | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.alert_dock)

        self.today_list = TodayList(self)
        self.today_list.open_customer.connect(self.show_customer_id)
        self.today_list.changed.connect(self._follow_ups_changed)
        self.today_list.count_changed.connect(lambda _n: self._update_dock_title())
        self.today_dock = QDockWidget(self)
        self.today_dock.setObjectName("today_dock")
        self.today_dock.setWidget(self.today_list)
        self.today_dock.setFeatures(self.alert_dock.features())
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.today_dock)
        self.tabifyDockWidget(self.alert_dock, self.today_dock)
        self.alert_dock.raise_()

        self.file_label = QLabel(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.hide()
        self.analysis_progress = Progress(self)
        self.analysis_progress.step.connect(self.busy_bar.setValue)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancel_open")
        self.cancel_button.setFlat(True)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_opening)
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.statusBar().addPermanentWidget(self.cancel_button)
        # Open and escalated complaints of the whole file; a click opens the complaint log.
        self.complaint_counts = QPushButton(self)
        self.complaint_counts.setObjectName("complaint_counts")
        self.complaint_counts.setFlat(True)
        self.complaint_counts.hide()
        self.complaint_counts.clicked.connect(self.show_complaint_log)
        self.statusBar().addPermanentWidget(self.complaint_counts)
        self.statusBar().addPermanentWidget(self.count_label)

    def _action(self, name: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey
        self.act_new_file = self._action("act_new_file", self.new_file_dialog)
        self.act_open = self._action("act_open", self.open_file_dialog, S.Open)
        self.act_demo = self._action("act_demo", self.open_demo)
        self.act_recycle = self._action("act_recycle", self.show_recycle_bin)
        self.act_file_settings = self._action("act_file_settings", self.show_file_settings)
        self.act_import = self._action("act_import", self.show_import, "Ctrl+I")
        self.act_import_history = self._action("act_import_history", self.show_import_history)
        self.act_duplicates = self._action("act_duplicates", self.show_duplicates)
        self.act_export = self._action("act_export", self.show_export, "Ctrl+E")
        self.act_backups = self._action("act_backups", self.show_backups)
        self.act_back_up_now = self._action("act_back_up_now", self.back_up_now)
        self.act_check = self._action("act_check", self.check_file)
        self.act_protection = self._action("act_protection", self.show_protection)
        self.act_preferences = self._action("act_preferences", self.show_preferences, S.Preferences)
        self.act_quit = self._action("act_quit", self.close, S.Quit)
        self.act_new_person = self._action(
            "act_new_person", lambda: self.new_customer(CustomerKind.PERSONAL), S.New
        )
        self.act_new_company = self._action(
            "act_new_company", lambda: self.new_customer(CustomerKind.COMPANY), "Ctrl+Shift+N"
        )
        self.act_edit = self._action("act_edit", self.detail.begin_editing, "F2")
        self.act_save = self._action("act_save", self.detail.save, S.Save)
        self.act_delete = self._action("act_delete", self.delete_current, S.Delete)
        self.act_undo_delete = self._action("act_undo_delete", self.undo_delete, S.Undo)
        self.act_find = self._action("act_find", self.focus_search, S.Find)
        self.act_next = self._action("act_next", lambda: self.move_selection(1), "Alt+Down")
        self.act_previous = self._action("act_previous", lambda: self.move_selection(-1), "Alt+Up")
        self.act_about = self._action("act_about", self.show_about)
        self.act_ledger = self._action("act_ledger", self.show_ledger, "Ctrl+L")
        self.act_statement = self._action("act_statement", self.show_statement, QKeySequence.StandardKey.Print)
        self.act_alerts = self.alert_dock.toggleViewAction()
        self.act_alerts.setObjectName("act_alerts")
        self.act_alerts.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.addAction(self.act_alerts)
        self.act_calendar = self._action("act_calendar", self.show_calendar, "Ctrl+Shift+C")
        self.act_complaints = self._action("act_complaints", self.show_complaint_log, "Ctrl+Shift+K")
        self.act_analysis = self._action("act_analysis", self.show_analysis, "Ctrl+Shift+D")
        self.act_monthly_summary = self._action("act_monthly_summary", self.show_monthly_summary)
        self.act_review = self._action("act_review", self.show_customer_review, "Ctrl+Shift+R")
        self.act_pipeline = self._action("act_pipeline", self.show_pipeline, "Ctrl+Shift+P")
        self.act_new_opportunity = self._action("act_new_opportunity", self.new_opportunity, "Ctrl+Shift+O")
        self.act_campaigns = self._action("act_campaigns", self.show_campaigns, "Ctrl+Shift+M")
        self.act_suggestions = self._action("act_suggestions", lambda: self.show_suggestions(), "Ctrl+Shift+X")
        self.act_targets = self._action("act_targets", self.show_targets)
        # Shows and raises the dock (a toggle would hide it when it sits behind the alerts' tab).
        self.act_today = self._action("act_today", self._show_today, "Ctrl+T")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addAction(self.act_new_file)
        self.file_menu.addAction(self.act_open)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.act_demo)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_import)
        self.file_menu.addAction(self.act_import_history)
        self.file_menu.addAction(self.act_export)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_back_up_now)
        self.file_menu.addAction(self.act_backups)
        self.file_menu.addAction(self.act_check)
        self.file_menu.addAction(self.act_protection)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_recycle)
        self.file_menu.addAction(self.act_file_settings)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_preferences)
        self.file_menu.addAction(self.act_quit)
        self.customer_menu = bar.addMenu("")
        for action in (self.act_new_person, self.act_new_company, self.act_edit, self.act_save,
                       self.act_delete, self.act_undo_delete):
            self.customer_menu.addAction(action)
        self.customer_menu.addSeparator()
        self.customer_menu.addAction(self.act_statement)
        self.customer_menu.addAction(self.act_review)
        self.customer_menu.addAction(self.act_duplicates)
        self.customer_menu.addSeparator()
        for action in (self.act_find, self.act_next, self.act_previous):
            self.customer_menu.addAction(action)
        self.view_menu = bar.addMenu("")
        self.columns_menu = QMenu(self)
        self.columns_menu.aboutToShow.connect(lambda: self._fill_columns_menu(self.columns_menu))
        self.view_menu.addAction(self.act_ledger)
        self.view_menu.addAction(self.act_alerts)
        self.view_menu.addAction(self.act_today)
        self.view_menu.addAction(self.act_calendar)
        self.view_menu.addAction(self.act_complaints)
        self.view_menu.addAction(self.act_analysis)
        self.view_menu.addAction(self.act_monthly_summary)
        self.view_menu.addMenu(self.columns_menu)
        self.sales_menu = bar.addMenu("")
        self.sales_menu.addAction(self.act_pipeline)
        self.sales_menu.addAction(self.act_new_opportunity)
        self.sales_menu.addSeparator()
        self.sales_menu.addAction(self.act_campaigns)
        self.sales_menu.addAction(self.act_suggestions)
        self.sales_menu.addSeparator()
        self.sales_menu.addAction(self.act_targets)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.act_about)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setMovable(False)
        for action in (self.act_new_person, self.act_new_company, self.act_save, self.act_delete):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_analysis)
        self.toolbar.addAction(self.act_pipeline)
        self.toolbar.addAction(self.act_recycle)
        self.addToolBar(self.toolbar)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.customer_menu.setTitle(self.tr("&Customer"))
        self.view_menu.setTitle(self.tr("&View"))
        self.sales_menu.setTitle(self.tr("&Sales"))
        self.columns_menu.setTitle(self.tr("&Columns"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.cancel_button.setText(self.tr("Cancel"))
        for action, text in (
            (self.act_new_file, self.tr("&New customer file…")),
            (self.act_open, self.tr("&Open customer file…")),
            (self.act_demo, self.tr("Open the &demo file")),
            (self.act_recycle, self.tr("Recycle &bin")),
            (self.act_file_settings, self.tr("File &settings…")),
            (self.act_import, self.tr("&Import a ledger…")),
            (self.act_import_history, self.tr("Import &history…")),
            (self.act_duplicates, self.tr("Find d&uplicates…")),
            (self.act_export, self.tr("&Export…")),
            (self.act_backups, self.tr("Backups and &restore…")),
            (self.act_back_up_now, self.tr("&Back up now…")),
            (self.act_check, self.tr("C&heck the file")),
            (self.act_protection, self.tr("Pass&word and encryption…")),
            (self.act_preferences, self.tr("&Preferences…")),
            (self.act_quit, self.tr("&Quit")),
            (self.act_new_person, self.tr("New &personal customer")),
            (self.act_new_company, self.tr("New &company customer")),
            (self.act_edit, self.tr("&Edit")),
            (self.act_save, self.tr("&Save")),
            (self.act_delete, self.tr("&Delete")),
            (self.act_undo_delete, self.tr("&Undo delete")),
            (self.act_find, self.tr("&Find")),
            (self.act_next, self.tr("Ne&xt customer")),
            (self.act_previous, self.tr("P&revious customer")),
            (self.act_about, self.tr("&About crmdesk")),
            (self.act_ledger, self.tr("&Ledger overview")),
            (self.act_statement, self.tr("S&tatement of account…")),
            (self.act_calendar, self.tr("Follow-up &calendar")),
            (self.act_complaints, self.tr("Com&plaint log")),
            (self.act_analysis, self.tr("&Analysis and charts")),
            (self.act_monthly_summary, self.tr("&Monthly summary…")),
            (self.act_review, self.tr("Business re&view…")),
            (self.act_today, self.tr("&Today's follow-ups")),
            (self.act_pipeline, self.tr("Sales &pipeline")),
            (self.act_new_opportunity, self.tr("New &opportunity for this customer…")),
            (self.act_campaigns, self.tr("Marketing &campaigns")),
            (self.act_suggestions, self.tr("Cross-selling &suggestions…")),
            (self.act_targets, self.tr("Sales &targets…")),
        ):
            action.setText(text)
            action.setIconText(_without_mnemonic(text))  # toolbar buttons: "回收站", not "回收站(B)"
            if not action.shortcut().isEmpty():
                action.setToolTip(f"{text.replace('&', '')} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        self.welcome.retranslate()
        self.alert_panel.retranslate()
        self.today_list.retranslate()
        if self._calendar is not None:
            self.calendar.retranslate()
            self._calendar.setWindowTitle(self.tr("Follow-up calendar"))
        if self._complaint_log is not None:
            self.complaint_log.retranslate()
            self._complaint_log.setWindowTitle(self.tr("Complaint log"))
        if self._analysis is not None:
            self._analysis.setWindowTitle(self.tr("Analysis"))
        for name, (window, widget) in self._sales_windows.items():
            widget.retranslate()
            window.setWindowTitle(self._sales_title(name))
        self._update_complaint_counts()
        self._update_dock_title()
        self.filter_bar.retranslate()
        self.detail.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        self.list_view.fit_texts()
        self._update_titles()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- files ----------------------------------------------------------------------------

    def open_path(self, path: Path, *, prepare=None, show_code: str | None = None) -> None:
        """Open a customer file on the worker (checks may take a moment on big files);
        ``show_code`` selects that customer once the list is there."""
        if not self._ask_to_keep_edits():
            return
        self._close_session()
        path = Path(path)
        try:
            self._holder = self.guard.claim(path)
        except OSError:  # a folder crmdesk cannot write in (a CD, a share without rights): read it only
            self._holder = LockHolder(None, "", "", "")
        self._busy(True)
        self.statusBar().showMessage(self.tr("Opening %1…").replace("%1", str(path)))
        self._show_code = show_code
        self._opening = Cancellation()
        FileSession.open(self.runner, path, self._on_opened, self._on_open_failed,
                         prepare=prepare, cancellation=self._opening, read_only=self._holder is not None)

    def cancel_opening(self) -> None:
        """Stop a long open (a big file's check, or the backup and migration of an older one)."""
        if self._opening is not None:
            self._opening.cancel()

    def _on_opened(self, session: FileSession) -> None:
        self._busy(False)
        self.statusBar().clearMessage()
        self.session = session
        self.prefs.add_recent_file(str(session.path))
        self.stack.setCurrentWidget(self.splitter)
        self.detail.show_customer(None)
        self.detail.set_ledger(LedgerAccess(session.gui, self.today))
        self.detail.set_sales(SalesAccess(session.gui, self.today))
        self._set_customer_sales(session)
        self.today_list.set_ledger(LedgerAccess(session.gui, self.today))
        self.detail.set_read_only(session.read_only)
        self.alert_panel.set_read_only(session.read_only)
        self._show_banner(session)
        self.guard.watch(session)
        self._arm_screen_lock(lock_now=True)
        self._refresh_choices()
        self._update_titles()
        if self._show_code:
            self._pending_select = store.customer_id_by_code(session.gui, self._show_code)
        self._run_query(self.filter_bar.query())
        self._recompute(session)
        self._update_actions()
        self.list_view.setFocus()

    def _recompute(self, session: FileSession) -> None:
        """Tiers, churn and alerts for today, on the worker while the list is already usable (every open)."""
        today = self.today
        rules = self._alert_rules()
        progress = self.analysis_progress
        self.busy_bar.setRange(0, STEPS)
        self.busy_bar.setValue(0)
        self.busy_bar.setToolTip(self.tr("Recomputing tiers, churn risk and alerts…"))
        self._busy(True, cancellable=False)

        owner, show_hidden = self.alert_panel.filter()

        def work(cf) -> tuple[FileAnalysis, Grouped]:
            analysis = analyse(cf, today, rules, progress.report)
            return analysis, group_alerts(analysis.alerts, today, owner, show_hidden)  # off the GUI thread too

        def done(result: tuple[FileAnalysis, Grouped]) -> None:
            analysis, grouped = result
            self._busy(False)
            self.busy_bar.setRange(0, 0)
            self.busy_bar.setToolTip("")
            if session is not self.session:
                return
            self._p_alive = analysis.p_alive
            self._churn = analysis.churn
            self.model.refresh()
            self.detail.refresh_tier()
            if analysis.follow_ups_planned:
                self._show_follow_ups_again()  # the list's columns were refreshed just above
            self.alert_panel.set_alerts(analysis.alerts, self._churn_note(analysis.churn_problem), grouped)
            self._update_complaint_counts()
            self._analysis_read_again()
            message = (self.tr("Recomputed for %1: %2 tier changes, %3 alerts.")
                       .replace("%1", today.isoformat()).replace("%2", str(analysis.tiers_changed))
                       .replace("%3", str(self.alert_panel.visible_count())))
            if analysis.follow_ups_planned:
                message += " " + self.tr("%n follow-up(s) planned by the cadences.", "",
                                         analysis.follow_ups_planned)
            self.statusBar().showMessage(message, 8000)

        session.run(work, done)

    def _alert_rules(self) -> AlertRules:
        """The file's thresholds, and how old a record may get before the user wants it checked."""
        stale = self.prefs.get(options.STALE_AFTER_DAYS)
        if self.session is None:
            return AlertRules(stale_after_days=stale)
        return file_settings.alert_rules(self.session.gui, stale_after_days=stale)

    def _churn_note(self, problem: str | None) -> str:
        notes = {
            "too_few_customers": self.tr("No churn scores: too few customers with orders (20 needed)."),
            "no_repeat_buyers": self.tr("No churn scores: too few repeat buyers (5 needed)."),
            "did_not_converge": self.tr("No churn scores: the model does not fit this file's data."),
        }
        return notes.get(problem, "") if problem else ""

    def _recompute_customer(self, customer_id: int | None, *, tiers: bool) -> None:
        """After an edit: that customer's alerts; if their orders changed, also tiers, RFM and their churn numbers."""
        session = self.session
        if session is None or customer_id is None:
            return
        today, rules, churn, p_alive = self.today, self._alert_rules(), self._churn, self._p_alive

        def work(cf) -> CustomerUpdate:
            return reanalyse_customer(cf, today, customer_id, orders_changed=tiers, rules=rules, churn=churn,
                                      p_alive=p_alive)

        def done(update: CustomerUpdate) -> None:
            if session is not self.session:
                return
            if tiers and churn is not None:
                self._p_alive.pop(customer_id, None)
                if update.p_alive is not None:
                    self._p_alive[customer_id] = update.p_alive
            for cid, rows in update.alerts.items():
                self.alert_panel.replace_customer(cid, rows)
            if tiers:
                self.model.refresh()
                self.detail.refresh_tier()
            self._analysis_read_again()

        session.run(work, done)

    def _on_follow_ups_changed(self) -> None:
        """The detail's follow-up or contact-log tab saved something (and shows it already)."""
        current = self.detail.current()
        if current is not None and current.id is not None:
            self._follow_ups_changed(current.id, detail_shows_it=True)

    def _follow_ups_changed(self, customer_id: int, *, detail_shows_it: bool = False) -> None:
        """A follow-up or contact of this customer changed: everything that shows one follows."""
        self.model.refresh()  # the last-contact and next-follow-up columns
        self._show_follow_ups_again(detail_shows_it=detail_shows_it)
        self._recompute_customer(customer_id, tiers=False)

    def _show_follow_ups_again(self, *, detail_shows_it: bool = False) -> None:
        """Follow-ups changed in the file: the detail's tabs, the today list and an open calendar read them again."""
        if not detail_shows_it:
            self.detail.refresh_follow_ups()
        self.today_list.refresh()
        if self._calendar is not None and self._calendar.isVisible():
            self.calendar.refresh()

    def _on_complaints_changed(self) -> None:
        """The detail's complaints tab saved something: the counts, the log and that customer's alerts follow."""
        current = self.detail.current()
        self._update_complaint_counts()
        if self._complaint_log is not None and self._complaint_log.isVisible():
            self.complaint_log.refresh()
        if current is not None and current.id is not None:
            self._recompute_customer(current.id, tiers=False)

    def _update_complaint_counts(self) -> None:
        """"Complaints: 5 open, 2 escalated" in the status bar, red while any is escalated."""
        if self.session is None:
            self.complaint_counts.hide()
            self.model.set_escalated(set())
            return
        access = LedgerAccess(self.session.gui, self.today)
        self.model.set_escalated(access.escalated_customers())
        counts = access.complaint_counts()
        if counts.escalated:
            text = self.tr("Complaints: %1 open, %2 escalated").replace("%1", str(counts.open)).replace(
                "%2", str(counts.escalated))
        else:
            text = self.tr("Complaints: %1 open").replace("%1", str(counts.open))
        self.complaint_counts.setText(text)
        self.complaint_counts.setStyleSheet(f"color: {RED};" if counts.escalated else "")
        self.complaint_counts.setToolTip(self.tr("Open the complaint log (Ctrl+Shift+K)"))
        self.complaint_counts.show()

    def show_complaint_log(self) -> None:
        """The whole file's complaints: a window of its own, like the calendar."""
        session = self.session
        if session is None:
            return
        access = LedgerAccess(session.gui, self.today)
        if self._complaint_log is None:
            self._complaint_log = QDialog(self)
            self._complaint_log.setObjectName("complaint_log_window")
            self._complaint_log.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
            self.complaint_log = ComplaintLog(access, self._complaint_log)
            self.complaint_log.open_customer.connect(self.show_customer_id)
            QVBoxLayout(self._complaint_log).addWidget(self.complaint_log)
            self._complaint_log.resize(1100, 640)
        else:
            self.complaint_log.set_access(access)
        self._complaint_log.setWindowTitle(self.tr("Complaint log"))
        self._complaint_log.show()
        self._complaint_log.raise_()
        self._complaint_log.activateWindow()

    def _sales_title(self, name: str) -> str:
        return {"pipeline": self.tr("Sales pipeline"), "campaigns": self.tr("Marketing campaigns")}[name]

    def _sales_window(self, name: str, make: Callable[[QDialog], QWidget], size: tuple[int, int],
                      set_access: Callable[[QWidget], None]) -> QWidget | None:
        """A window of its own for one of the sales tools, made when first shown, then given the file again."""
        if self.session is None:
            return None
        if name not in self._sales_windows:
            window = QDialog(self)
            window.setObjectName(f"{name}_dialog")
            window.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
            widget = make(window)
            widget.open_customer.connect(self.show_customer_id)
            QVBoxLayout(window).addWidget(widget)
            window.resize(*size)
            self._sales_windows[name] = (window, widget)
        else:
            window, widget = self._sales_windows[name]
            set_access(widget)
        window.setWindowTitle(self._sales_title(name))
        window.show()
        window.raise_()
        window.activateWindow()
        return widget

    def show_pipeline(self) -> None:
        """The opportunities by stage and the funnel."""
        from crmdesk.ui.pipeline.pipeline_access import PipelineAccess
        from crmdesk.ui.pipeline.pipeline_board import PipelineWindow

        def make(parent: QDialog) -> QWidget:
            widget = PipelineWindow(access(), parent)
            widget.changed.connect(self._on_pipeline_changed)
            return widget

        def access() -> PipelineAccess:
            return PipelineAccess(self.session.gui, self.today)

        self.pipeline = self._sales_window("pipeline", make, (1420, 720), lambda w: w.set_access(access()))

    def show_campaigns(self) -> None:
        """The campaigns with their return, and the customers each reached."""
        from crmdesk.ui.campaigns.campaign_access import CampaignAccess
        from crmdesk.ui.campaigns.campaigns_window import CampaignsWindow

        def access() -> CampaignAccess:
            return CampaignAccess(self.session.gui, self.today)

        self.campaigns = self._sales_window("campaigns", lambda parent: CampaignsWindow(access(), parent),
                                            (1240, 760), lambda w: w.set_access(access()))

    def show_suggestions(self, product: str | None = None) -> None:
        """交叉销售: the customers like a product's buyers; the profiles are read on the worker first."""
        session = self.session
        if session is None:
            return
        from crmdesk.services.suggestions import load_cross_sell

        def done(cross_sell) -> None:
            QGuiApplication.restoreOverrideCursor()
            if session is not self.session:
                return
            from crmdesk.ui.suggestions.suggestions_access import SuggestionsAccess
            from crmdesk.ui.suggestions.suggestions_dialog import SuggestionsDialog

            dialog = SuggestionsDialog(SuggestionsAccess(session.gui, self.today, cross_sell=cross_sell), self,
                                       product=product)
            dialog.setModal(False)
            dialog.open_customer.connect(self.show_customer_id)
            dialog.follow_ups_planned.connect(lambda _n: self._show_follow_ups_again())
            dialog.campaign_created.connect(lambda _id: self._sales_windows_read_again())
            self._show_document(dialog)

        def failed(error: BaseException) -> None:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("Cross-selling suggestions"), str(error))

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        session.run(load_cross_sell, done, failed)

    def _set_customer_sales(self, session: FileSession) -> None:
        """The detail's Sales section: the customer's opportunities and the products people like it buy."""
        from crmdesk.ui.pipeline.customer_sales import CustomerSalesTab
        from crmdesk.ui.pipeline.pipeline_access import PipelineAccess
        from crmdesk.ui.suggestions.suggestions_access import SuggestionsAccess

        pipeline, suggestions = PipelineAccess(session.gui, self.today), SuggestionsAccess(session.gui, self.today)
        if self.detail.sales_tab is None:
            tab = CustomerSalesTab(pipeline, suggestions)
            tab.changed.connect(self._on_pipeline_changed)
            tab.changed.connect(lambda _cid: self._sales_windows_read_again())
            tab.suggest_product.connect(self.show_suggestions)
            self.detail.set_sales_tab(tab)
        else:
            self.detail.sales_tab.set_access(pipeline, suggestions)

    def show_targets(self) -> None:
        """业绩指标 per owner and month or quarter; the dashboard shows them against the sales."""
        if self.session is None:
            return
        from crmdesk.ui.sales.targets_dialog import TargetsDialog

        dialog = TargetsDialog(SalesAccess(self.session.gui, self.today), self)
        dialog.targets_changed.connect(self._analysis_read_again)
        dialog.exec()

    def _win_back(self, customer_id: int) -> None:
        """A churn alert's "Start win-back plan": the customer shown, then the plan's dialog."""
        self.show_customer_id(customer_id)
        current = self.detail.current()
        if current is not None and current.id == customer_id:
            self.detail.start_win_back(WinBackReason.CHURN)

    def _sales_windows_read_again(self) -> None:
        """Something the sales windows show changed: the open ones read the file again."""
        for window, widget in self._sales_windows.values():
            if window.isVisible():
                widget.refresh()

    def new_opportunity(self) -> None:
        """The pipeline, with a new opportunity for the customer shown (if any) being typed."""
        self.show_pipeline()
        if self.pipeline is not None:
            current = self.detail.current()
            self.pipeline.new_opportunity(current.id if current is not None else None)

    def _on_pipeline_changed(self, customer_id: int) -> None:
        """An opportunity was saved or moved; winning one may add an order and make a prospect active."""
        self.model.refresh()
        current = self.detail.current()
        if current is not None and current.id == customer_id and not self.detail.is_dirty() \
                and self.session is not None:  # typing in progress is never dropped
            self.detail.show_customer(customer_service.get_customer(self.session.gui, customer_id))
        self._recompute_customer(customer_id, tiers=True)

    def show_analysis(self) -> None:
        """The dashboard and the charts: a window of its own; matplotlib is imported the first time."""
        session = self.session
        if session is None:
            return
        from crmdesk.ui.analysis.analysis_view import AnalysisAccess, AnalysisView

        access = AnalysisAccess(session.gui, self.today)
        if self._analysis is None:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._analysis = QDialog(self)
                self._analysis.setObjectName("analysis_window")
                self._analysis.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
                self.analysis = AnalysisView(access, self._analysis)
                self.analysis.open_customer.connect(self.show_customer_id)
                self.analysis.open_follow_ups.connect(self.show_calendar)
                self.analysis.open_targets.connect(self.show_targets)
                QVBoxLayout(self._analysis).addWidget(self.analysis)
                self._analysis.resize(1200, 760)
            finally:
                QGuiApplication.restoreOverrideCursor()
        else:
            self.analysis.set_access(access)
        self._analysis.setWindowTitle(self.tr("Analysis"))
        self._analysis.show()
        self._analysis.raise_()
        self._analysis.activateWindow()

    def _analysis_read_again(self) -> None:
        """The file's figures changed: an open analysis window reads them again (its page only)."""
        if self._analysis is not None and self._analysis.isVisible() and self.session is not None:
            from crmdesk.ui.analysis.analysis_view import AnalysisAccess

            self.analysis.set_access(AnalysisAccess(self.session.gui, self.today))

    def show_calendar(self) -> None:
        """The follow-up calendar of the open file: a window of its own beside the main one."""
        session = self.session
        if session is None:
            return
        if self._calendar is None:
            self._calendar = QDialog(self)
            self._calendar.setObjectName("calendar_window")
            self._calendar.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
            self.calendar = FollowUpCalendar(CalendarAccess(session.gui, self.today), self._calendar)
            self.calendar.open_customer.connect(self.show_customer_id)
            self.calendar.follow_up_saved.connect(lambda f: self._follow_ups_changed(f.customer_id))
            QVBoxLayout(self._calendar).addWidget(self.calendar)
            self._calendar.resize(1100, 680)
        else:
            self.calendar.set_access(CalendarAccess(session.gui, self.today))
        self._calendar.setWindowTitle(self.tr("Follow-up calendar"))
        self._calendar.show()
        self._calendar.raise_()
        self._calendar.activateWindow()

    def _show_today(self) -> None:
        self.today_dock.show()
        self.today_dock.raise_()
        self.today_list.table.setFocus()

    def _on_ledger_changed(self) -> None:
        self.model.refresh()  # the receivable column
        current = self.detail.current()
        self._recompute_customer(current.id if current else None, tiers=True)

    # -- alerts ---------------------------------------------------------------------------------

    def _set_alert_state(self, row, state: StoredState | None) -> None:
        if self.session is None:
            return
        try:  # the panel offers nothing of this in a read-only file; the file refuses too
            if state is None:
                alert_service.restore(self.session.gui, row.alert)
            elif state.state is AlertState.DISMISSED:
                alert_service.dismiss(self.session.gui, row.alert)
            else:
                alert_service.snooze(self.session.gui, row.alert, state.until)
        except WriteError as e:
            QMessageBox.warning(self, self.tr("Not saved"), texts.error_text(e.problem, {"detail": e.detail}))
            return
        self.alert_panel.replace_alert(row._replace(state=state))

    def _dismiss_alert(self, row) -> None:
        self._set_alert_state(row, StoredState(AlertState.DISMISSED, None))

    def _snooze_alert(self, row, until: date) -> None:
        self._set_alert_state(row, StoredState(AlertState.SNOOZED, until))

    def _restore_alert(self, row) -> None:
        self._set_alert_state(row, None)

    def _update_dock_title(self) -> None:
        count = self.alert_panel.visible_count()
        self.alert_dock.setWindowTitle(self.tr("Alerts (%1)").replace("%1", f"{count:,}") if count
                                       else self.tr("Alerts"))
        due = self.today_list.model.rowCount()
        self.today_dock.setWindowTitle(self.tr("Today (%1)").replace("%1", f"{due:,}") if due else self.tr("Today"))

    def _on_open_failed(self, error: BaseException) -> None:
        self._busy(False)
        self.statusBar().clearMessage()
        if isinstance(error, Cancelled):
            self.statusBar().showMessage(self.tr("Opening cancelled; the file was not changed."), 8000)
            self.guard.release()
            self._update_titles()
            return
        if isinstance(error, FileProblemError) and error.problem is FileProblem.ENCRYPTED:
            self._unlock_then_open(error.path)
            return
        message = self._problem_text(error)
        path = error.path if isinstance(error, FileProblemError) else ""
        damaged = isinstance(error, FileProblemError) and error.problem in _DAMAGED
        if damaged and backup_service.backups(error.path):
            self._offer_backups(error.path, f"{message}\n{path}")  # the lock stays held for the restore
        else:
            QMessageBox.warning(self, self.tr("Cannot open the file"), f"{message}\n\n{path}")
        if self.session is None:
            self.guard.release()
        self._update_titles()

    def new_file_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New customer file"), str(Path.home() / f"customers{SUFFIX}"),
            self.tr("crmdesk customer files (*%1)").replace("%1", SUFFIX),
        )
        if path:
            self.create_file(Path(path))

    def create_file(self, path: Path) -> None:
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        try:
            new_file(path).close()
        except (FileProblemError, OSError) as e:
            QMessageBox.warning(self, self.tr("Cannot create the file"), f"{self._problem_text(e)}\n\n{path}")
            return
        self.open_path(path)

    def open_file_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open customer file"), str(Path.home()),
            self.tr("crmdesk customer files (*%1);;All files (*)").replace("%1", SUFFIX),
        )
        if path:
            self.open_path(Path(path))

    def open_initial(self, file: Path | None, *, demo: bool = False, show_code: str | None = None) -> None:
        """At start: the demo, the file named, or else the file open last time (if still there);
        with none of them the welcome page stays."""
        if demo:
            self.open_demo(show_code=show_code)
        elif file is not None:
            self.open_path(file, show_code=show_code)
        else:
            last = self.prefs.get(options.LAST_FILE)
            if last and Path(last).exists():
                self.open_path(Path(last))

    def open_demo(self, show_code: str | None = None) -> None:
        path, today = demo_file(), self.today

        def prepare() -> None:
            if not path.exists():
                write_demo_file(path, customers=DEMO_CUSTOMERS, seed=DEMO_SEED, today=today, orders=DEMO_ORDERS,
                                follow_ups=True)

        self.open_path(path, prepare=prepare, show_code=show_code)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for recent in self.prefs.get(options.RECENT_FILES):
            action = self.recent_menu.addAction(recent)
            action.triggered.connect(lambda _c=False, p=recent: self.open_path(Path(p)))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _close_session(self) -> None:
        """Close the file's connections; its lock stays held (open_path and restore go on with it)."""
        self.guard.watch(None)
        self.screen_lock.arm(False, 0)
        self.banner.hide()
        if self.session is not None:
            self.session.close()
            self.session = None
            self.model.set_ids([])
            self.detail.show_customer(None)
            self.alert_panel.clear()
            self.today_list.set_ledger(None)
            self.detail.set_sales(None)
            if self._calendar is not None:
                self._calendar.close()
            if self._complaint_log is not None:
                self._complaint_log.close()
            if self._analysis is not None:
                self._analysis.close()
            for window, _widget in self._sales_windows.values():
                window.close()
            for dialog in list(self._documents):
                dialog.close()
            self._update_complaint_counts()
            self._p_alive = {}
            self._churn = None

    # -- the list ---------------------------------------------------------------------------

    def _rows(self, ids):
        return store.list_rows(self.session.gui, ids) if self.session else {}

    def _run_query(self, query) -> None:
        if self.session is None:
            return
        number = self._generation.next()
        self.session.query_ids(query, lambda ids: self._show_ids(number, ids))

    def _show_ids(self, number: int, ids: list[int]) -> None:
        if not self._generation.is_latest(number):
            return  # a newer keystroke's result is on its way
        current = self._current_id()
        keep = self._pending_select or current
        self._pending_select = None
        self.model.set_ids(ids)
        self.list_view.empty_text = (
            self.tr("No customers match.") if self.filter_bar.has_filter() else
            self.tr("No customers yet. Create one with “New personal customer” or “New company customer”.")
        )
        self._update_count()
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self._select_row(row)
        elif current is not None and not self.detail.is_dirty():
            self.detail.show_customer(None)

    def _on_sort_requested(self, column: int, descending: bool) -> None:
        key = SORT_KEYS.get(Column(column))
        header = self.list_view.horizontalHeader()
        if key is None:  # the column's data arrives with a later feature
            current = self.filter_bar
            section = next((c for c, k in SORT_KEYS.items() if k == current.sort), Column.CODE)
            order = Qt.SortOrder.DescendingOrder if current.descending else Qt.SortOrder.AscendingOrder
            header.blockSignals(True)
            header.setSortIndicator(section, order)
            header.blockSignals(False)
            return
        self.filter_bar.set_sort(key, descending)

    def _current_id(self) -> int | None:
        index = self.list_view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.list_view.setCurrentIndex(index)
        self.list_view.scrollTo(index)

    def _on_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        customer_id = self.model.id_at(current.row()) if current.isValid() else None
        shown = self.detail.current()
        if shown is not None and shown.id == customer_id:
            return
        if not self._ask_to_keep_edits():
            # Put the selection back without asking again.
            selection = self.list_view.selectionModel()
            selection.blockSignals(True)
            self.list_view.setCurrentIndex(previous)
            selection.blockSignals(False)
            return
        customer = customer_service.get_customer(self.session.gui, customer_id) if customer_id else None
        self.detail.show_customer(customer)
        self._update_actions()

    def move_selection(self, step: int) -> None:
        if self.model.rowCount() == 0:
            return
        row = self.list_view.currentIndex().row()
        row = 0 if row < 0 else min(max(row + step, 0), self.model.rowCount() - 1)
        self._select_row(row)

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    def _column_menu(self, pos) -> None:
        menu = QMenu(self)
        self._fill_columns_menu(menu)
        menu.exec(self.list_view.horizontalHeader().mapToGlobal(pos))

    def _fill_columns_menu(self, menu: QMenu) -> None:
        menu.clear()
        header = self.list_view.horizontalHeader()
        for column in Column:
            action = menu.addAction(self.model.headerData(column, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column not in (Column.CODE, Column.NAME))
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))

    # -- customers ---------------------------------------------------------------------------

    def new_customer(self, kind: CustomerKind) -> None:
        if self.session is None or self.session.read_only or not self._ask_to_keep_edits():
            return
        self.list_view.selectionModel().blockSignals(True)
        self.list_view.clearSelection()
        self.list_view.setCurrentIndex(QModelIndex())
        self.list_view.selectionModel().blockSignals(False)
        self.detail.start_new(kind)
        self._update_actions()

    def _save_customer(self, customer):
        try:
            return customer_service.save_customer(self.session.gui, customer)
        except WriteError as e:
            QMessageBox.warning(self, self.tr("Not saved"), texts.error_text(e.problem, {"detail": e.detail}))
            return customer_service.SaveResult(None, ())

    def _on_saved(self, customer) -> None:
        self._pending_select = customer.id
        self.model.refresh()
        self._refresh_choices()
        self._run_query(self.filter_bar.query())
        self.statusBar().showMessage(self.tr("Saved %1.").replace("%1", customer.name), 4000)
        self._recompute_customer(customer.id, tiers=False)

    def delete_current(self) -> None:
        customer = self.detail.current()
        if self.session is None or customer is None or customer.id is None or self.session.read_only:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete customer"),
            self.tr("Move %1 (%2) to the recycle bin? You can restore it from there.")
            .replace("%1", customer.name).replace("%2", customer.code or ""),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            customer_service.delete_customer(self.session.gui, customer.id)
        except WriteError as e:
            QMessageBox.warning(self, self.tr("Not deleted"), texts.error_text(e.problem, {"detail": e.detail}))
            return
        self._last_deleted = customer.id
        self.alert_panel.replace_customer(customer.id, [])
        row = self.list_view.currentIndex().row()
        self.detail.show_customer(None)
        next_id = self.model.id_at(row + 1) or self.model.id_at(row - 1)
        self._pending_select = next_id
        self._run_query(self.filter_bar.query())
        self.statusBar().showMessage(
            self.tr("%1 moved to the recycle bin. Undo with %2.")
            .replace("%1", customer.name)
            .replace("%2", self.act_undo_delete.shortcut().toString(QKeySequence.SequenceFormat.NativeText)),
            8000,
        )
        self._update_actions()

    def undo_delete(self) -> None:
        if self.session is None or self._last_deleted is None:
            return
        customer_service.restore_customer(self.session.gui, self._last_deleted)
        self._recompute_customer(self._last_deleted, tiers=False)
        self._pending_select, self._last_deleted = self._last_deleted, None
        self._run_query(self.filter_bar.query())
        self._update_actions()

    def show_recycle_bin(self) -> None:
        if self.session is None:
            return
        dialog = RecycleBinDialog(self.session.gui, today=self.today, parent=self)
        dialog.restored.connect(self._on_restored)
        dialog.exec()

    def show_import(self) -> None:
        """The import wizard; afterwards the list, tiers and alerts are read again."""
        if self.session is None or self.session.read_only:
            return
        from crmdesk.ui.importing.import_wizard import ImportWizard

        wizard = ImportWizard(self.session, self.today, self)
        wizard.imported.connect(lambda _: self._after_bulk_change())
        wizard.exec()
        wizard.deleteLater()

    def show_import_history(self) -> None:
        if self.session is None:
            return
        from crmdesk.ui.importing.import_history import ImportHistoryDialog

        dialog = ImportHistoryDialog(self.session, self)
        dialog.reverted.connect(self._after_bulk_change)
        dialog.exec()
        dialog.deleteLater()

    def show_duplicates(self) -> None:
        """Likely duplicate pairs, scanned on the worker (100,000 customers take a second or two)."""
        if self.session is None or self.session.read_only:
            return
        from crmdesk.services import duplicates as duplicate_service
        from crmdesk.ui.duplicates.duplicates_access import DuplicatesAccess
        from crmdesk.ui.duplicates.duplicates_dialog import DuplicatesDialog

        session = self.session
        self._busy(True, cancellable=False)

        def shown(rows) -> None:
            self._busy(False)
            if session is not self.session:
                return
            dialog = DuplicatesDialog(DuplicatesAccess(session.gui), self, rows=rows)
            dialog.changed.connect(self._after_bulk_change)
            dialog.exec()
            dialog.deleteLater()

        session.run(duplicate_service.scan, shown)

    def show_export(self, *, selected: bool = False) -> None:
        """Export the shown customers (the list's filter), the selected ones, or anything else the dialog offers."""
        if self.session is None:
            return
        from crmdesk.ui.dialogs.export_dialog import ExportWhat, open_export_dialog

        chosen = self._selected_ids()
        open_export_dialog(self, self.session, self.today, list(self.model.ids()), selected_ids=chosen,
                           what=ExportWhat.SELECTED if selected and chosen else ExportWhat.SHOWN)

    def _selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.list_view.selectionModel().selectedRows()})
        return [cid for cid in (self.model.id_at(r) for r in rows) if cid is not None]

    def _list_menu(self, point) -> None:
        if self.session is None:
            return
        menu = QMenu(self)
        count = len(self._selected_ids())
        if count:
            menu.addAction(self.tr("Export the %n selected customer(s)…", "", count),
                           lambda: self.show_export(selected=True))
        menu.addAction(self.tr("Export the %n customer(s) shown…", "", self.model.rowCount()), self.show_export)
        menu.addSeparator()
        menu.addAction(self.act_statement)
        menu.addAction(self.act_review)
        menu.exec(self.list_view.viewport().mapToGlobal(point))

    def _after_bulk_change(self) -> None:
        """An import, a revert or a merge touched many customers: list, tiers and alerts again."""
        if self.session is None:
            return
        self._run_query(self.filter_bar.query())
        self._recompute(self.session)

    def show_ledger(self) -> None:
        """The receivables of the whole file, summed on the worker (1M orders take a moment)."""
        if self.session is None:
            return
        today = self.today
        self._busy(True)

        def shown(rows) -> None:
            self._busy(False)
            dialog = LedgerDialog(self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.customer_activated.connect(self.show_customer_id)
            dialog.set_rows(rows, today)
            dialog.show()

        self.session.run(lambda cf: ledger_service.ledger(cf, today), shown)

    def show_file_settings(self) -> None:
        if self.session is None:
            return
        session = self.session
        dialog = FileSettingsDialog(session.gui, self)
        dialog.tier_rules_changed.connect(lambda _rules: self._recompute(session))  # new window or cut-offs
        dialog.alert_rules_changed.connect(lambda _rules: self._recompute(session))
        dialog.cadence_rules_changed.connect(lambda _rules: self._recompute(session))
        dialog.complaint_deadlines_changed.connect(lambda _rules: self._recompute(session))
        dialog.exec()

    def show_statement(self) -> None:
        """对账单 of the customer on show, for a period: preview, print, PDF."""
        customer = self.detail.current()
        if self.session is None or customer is None or customer.id is None:
            return
        from crmdesk.ui.statement.statement_dialog import StatementDialog  # QtPrintSupport: not at start-up

        dialog = StatementDialog(self.session.gui, customer, self.today, parent=self)
        self._show_document(dialog)

    def _show_document(self, dialog: QDialog) -> None:
        """A statement or report over the open file: closed with the file, deleted when closed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._documents.append(dialog)
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self._documents.remove(d))
        dialog.show()

    def show_customer_review(self) -> None:
        """定期业务总结 of the customer on show: purchases, payments, contacts, complaints, next steps."""
        customer = self.detail.current()
        if self.session is None or customer is None or customer.id is None:
            return
        from crmdesk.ui.reports.report_dialog import CustomerReviewDialog  # QtPrintSupport: not at start-up

        dialog = CustomerReviewDialog(self.session.gui, customer.id, self.today, parent=self)
        self._show_document(dialog)

    def show_monthly_summary(self) -> None:
        """The file's month on paper, with the charts of the twelve months up to it."""
        session = self.session
        if session is None:
            return
        from crmdesk.ui.reports.report_dialog import MonthlySummaryDialog
        from crmdesk.ui.reports.report_files import chart_images  # matplotlib, like the analysis

        today = self.today
        dialog = MonthlySummaryDialog(
            session.gui, today, parent=self,
            charts=lambda summary: chart_images(session.gui, today, summary.month, summary.owner),
        )
        self._show_document(dialog)

    def show_customer_id(self, customer_id: int) -> None:
        """Select a customer in the list (clearing filters that hide it)."""
        row = self.model.row_of(customer_id)
        if row is not None:
            self._select_row(row)
            return
        self._pending_select = customer_id
        self.filter_bar.clear_filters()

    def _on_restored(self, customer_id: int) -> None:
        self._recompute_customer(customer_id, tiers=False)
        self._pending_select = customer_id
        self._run_query(self.filter_bar.query())

    def _ask_to_keep_edits(self) -> bool:
        """True when it is fine to move on: no edits, or saved, or discarded."""
        if not self.detail.is_dirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("This customer has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.detail.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.detail.revert()
            return True
        return False

    # -- dialogs ------------------------------------------------------------------------------

    def show_preferences(self) -> None:
        dialog = PreferencesDialog(self.prefs, self)
        if not dialog.exec():
            return
        stale_after = self.prefs.get(options.STALE_AFTER_DAYS)
        self.model.set_stale_after_days(stale_after)
        self.detail.set_stale_after_days(stale_after)
        if self.translations is not None:
            language = effective_language(self.prefs.get(options.LANGUAGE))
            if language != self.translations.language:
                self.translations.install(language)  # LanguageChange reaches every widget

    def show_about(self) -> None:
        QMessageBox.about(
            self, self.tr("About crmdesk"),
            self.tr("crmdesk %1\n\nA customer-file manager over one local file.")
            .replace("%1", __version__),
        )

    # -- state ---------------------------------------------------------------------------------

    def _busy(self, on: bool, *, cancellable: bool = True) -> None:
        self.busy_bar.setVisible(on)
        self.cancel_button.setVisible(on and cancellable)
        if not on:
            self._opening = None

    def _refresh_choices(self) -> None:
        if self.session is not None:
            self.filter_bar.set_choices(store.owners(self.session.gui), store.tags(self.session.gui))

    def _update_count(self) -> None:
        if self.session is None:
            self.count_label.clear()
            return
        shown = self.model.rowCount()
        total = store.customer_count(self.session.gui)
        if self.filter_bar.has_filter():
            text = self.tr("%1 of %2 customers")
        else:
            text = self.tr("%2 customers")
        self.count_label.setText(text.replace("%1", f"{shown:,}").replace("%2", f"{total:,}"))

    def _update_titles(self) -> None:
        if self.session is None:
            self.setWindowTitle("crmdesk")
            self.file_label.setText(self.tr("No file open"))
            self.stack.setCurrentWidget(self.welcome)
            return
        name = self.session.path.name
        marker = self.tr(" (read-only)") if self.session.read_only else ""
        self.setWindowTitle(f"{name}{marker} — crmdesk")
        self.file_label.setText(str(self.session.path) + marker)
        self._update_count()

    def _update_actions(self) -> None:
        has_file = self.session is not None
        writable = has_file and not self.session.read_only
        current = self.detail.current()
        for action in (self.act_new_person, self.act_new_company):
            action.setEnabled(writable)
        self.act_save.setEnabled(writable and self.detail.is_dirty())
        self.act_edit.setEnabled(writable and current is not None)
        self.act_statement.setEnabled(has_file and current is not None and current.id is not None)
        self.act_review.setEnabled(has_file and current is not None and current.id is not None)
        self.act_delete.setEnabled(writable and current is not None and current.id is not None)
        self.act_undo_delete.setEnabled(writable and self._last_deleted is not None)
        self.act_import.setEnabled(writable)
        self.act_duplicates.setEnabled(writable)
        self.act_protection.setEnabled(writable)
        for action in (self.act_recycle, self.act_find, self.act_next, self.act_previous, self.act_ledger,
                       self.act_file_settings, self.act_calendar, self.act_complaints, self.act_analysis,
                       self.act_monthly_summary, self.act_import_history, self.act_export, self.act_backups,
                       self.act_back_up_now, self.act_check):
            action.setEnabled(has_file)

    def _restore_layout(self) -> None:
        geometry = self.prefs.get(options.WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1500, screen.width()), min(920, screen.height()))
        self.restoreState(self.prefs.get(options.WINDOW_STATE))
        splitter = self.prefs.get(options.SPLITTER_STATE)
        if splitter.isEmpty() or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([760, 740])
        header = self.prefs.get(options.LIST_HEADER_STATE)
        if not header.isEmpty():
            self.list_view.horizontalHeader().restoreState(header)
        self.list_view.fit_texts()

    def _save_layout(self) -> None:
        self.prefs.set(options.WINDOW_GEOMETRY, self.saveGeometry())
        self.prefs.set(options.WINDOW_STATE, self.saveState())
        self.prefs.set(options.SPLITTER_STATE, self.splitter.saveState())
        self.prefs.set(options.LIST_HEADER_STATE, self.list_view.horizontalHeader().saveState())
        self.prefs.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self._ask_to_keep_edits():
            event.ignore()
            return
        self._save_layout()
        self.guard.back_up_before_closing(self)
        self._close_session()
        self.guard.release()
        event.accept()

    # -- safety: the lock, backups, restore, the check ------------------------------------------

    def _show_banner(self, session: FileSession) -> None:
        lines = []
        if session.read_only:
            holder = self._holder or LockHolder(None, "", "", "")
            if holder.pid is None:
                lines.append(self.tr("crmdesk cannot write in this folder, so the file is open read-only."))
            else:
                lines.append(self.tr("This file is open in crmdesk on %1 (%2, process %3), so it is open here "
                                     "read-only. Close it there to make changes here.")
                             .replace("%1", holder.host or "?").replace("%2", holder.user or "?")
                             .replace("%3", str(holder.pid)))
        risk = location_risk(session.path)
        if risk is not None and risk.kind is LocationRisk.NETWORK:
            lines.append(self.tr("This file is on a network drive (%1). A dropped connection or a second PC can "
                                 "damage it in the middle of a save. Keep it on this PC's own disk; backups may "
                                 "go to the network.").replace("%1", risk.detail))
        elif risk is not None:
            lines.append(self.tr("This file is inside a %1 folder. Sync programs can copy it in the middle of a "
                                 "save and damage it. Keep it outside the sync folder, and let \"Back up now\" "
                                 "put copies there.").replace("%1", risk.detail))
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))

    def _on_backup_failed(self, error: BaseException) -> None:
        self.statusBar().showMessage(
            self.tr("The automatic backup failed: %1").replace("%1", self._problem_text(error)), 15000)

    def back_up_now(self) -> None:
        """A backup into a folder the user chooses (a USB stick, a sync folder): never thinned."""
        if self.session is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Back up into which folder?"),
                                                  self.prefs.get(options.BACKUP_FOLDER) or str(Path.home()))
        if not folder:
            return
        self.prefs.set(options.BACKUP_FOLDER, folder)
        now = self.guard.now()
        try:
            made = self.guard.run_with_progress(
                self, self.tr("Backing up the file…"),
                self.session.on_worker(lambda cf: backup_service.back_up(cf, now, to=Path(folder))))
        except (OSError, FileProblemError, WriteError) as e:
            QMessageBox.warning(self, self.tr("Backup failed"), self._problem_text(e))
            return
        QMessageBox.information(self, self.tr("Backed up"), self.tr("The file was copied and checked:\n%1")
                                .replace("%1", str(made.path)))

    def show_backups(self) -> None:
        if self.session is None:
            return
        from crmdesk.ui.backups.backups_dialog import BackupsDialog

        current = None
        try:
            current = backup_details(self.session.path, check=False, key=self.session.gui.key)
        except FileProblemError:
            pass
        dialog = BackupsDialog(self.session.path, self.runner, current=current, parent=self)
        dialog.back_up_requested.connect(lambda: (self.back_up_now(), dialog.reload()))
        dialog.restore_requested.connect(lambda backup: self._restore(backup, self.session.path))
        dialog.exec()
        dialog.deleteLater()

    def _offer_backups(self, path: Path, problem: str) -> None:
        """A damaged file: its backups, the newest one that passes its check chosen."""
        from crmdesk.ui.backups.backups_dialog import BackupsDialog

        dialog = BackupsDialog(path, self.runner, problem=problem, parent=self)
        dialog.setWindowTitle(self.tr("Cannot open the file"))
        dialog.restore_requested.connect(lambda backup: self._restore(backup, path))
        dialog.exec()
        dialog.deleteLater()

    def _restore(self, backup: Path, path: Path) -> None:
        """Put ``backup`` in ``path``'s place while holding its lock, then open it."""
        now = self.guard.now()
        aside = self._rewrite_closed(path, self.tr("Cannot restore"), self.tr("Restoring the backup…"),
                                     lambda lock: backup_service.restore(backup, path, now, lock=lock))
        if aside is not None:
            QMessageBox.information(self, self.tr("Restored"), self.tr(
                "The backup is in place. The file it replaced was kept beside it:\n%1").replace("%1", str(aside)))

    def _rewrite_closed(self, path: Path, failed_title: str, busy_text: str, work: Callable[[FileLock], T]) -> T | None:
        """Close the file, run ``work(lock)`` on the worker while holding its lock
        (restore, encryption), then open it again; None when it could not be done."""
        if not self._ask_to_keep_edits():
            return None
        self._close_session()
        try:
            holder = self.guard.claim(path)
        except OSError as e:
            QMessageBox.warning(self, failed_title, str(e))
            return None
        if holder is not None:
            QMessageBox.warning(self, failed_title, self.tr(
                "The file is open in crmdesk on %1 (process %2). Close it there first.")
                .replace("%1", holder.host or "?").replace("%2", str(holder.pid or "?")))
            return None
        lock = self.guard.lock
        try:
            result = self.guard.run_with_progress(self, busy_text, lambda: work(lock))
        except (OSError, FileProblemError, WriteError) as e:
            QMessageBox.warning(self, failed_title, self._problem_text(e))
            self.open_path(path)
            return None
        self.open_path(path)
        return result

    # -- protection: unlocking, the screen lock, password and encryption ----------------------

    def _unlock_then_open(self, path: Path) -> None:
        from crmdesk.ui.protection.unlock_dialog import UnlockDialog

        dialog = UnlockDialog(path, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        problem = dialog.problem
        if dialog.wants_backups:
            problem = FileProblemError(FileProblem.WRONG_KEY, Path(path))
        dialog.deleteLater()
        if accepted and problem is None:
            self.open_path(path)
            return
        if problem is not None and backup_service.backups(path):
            self._offer_backups(path, f"{self._problem_text(problem)}\n{path}")
        elif problem is not None:
            QMessageBox.warning(self, self.tr("Cannot open the file"), f"{self._problem_text(problem)}\n\n{path}")
        if self.session is None:
            self.guard.release()
        self._update_titles()

    def _password_is_right(self, password: str) -> bool:
        return self.session is not None and protection.password_is_right(self.session.gui, password)

    def _arm_screen_lock(self, *, lock_now: bool = False) -> None:
        state = protection.protection(self.session.gui) if self.session is not None else Protection.NONE
        self.screen_lock.arm(state is not Protection.NONE, self.prefs.get(options.AUTO_LOCK_MINUTES))
        path = self.session.path.resolve() if self.session is not None else None
        if lock_now and state is Protection.PASSWORD and path not in self._proven:
            self.screen_lock.lock()  # shown only once its password is typed

    def _on_lock_changed(self, locked: bool) -> None:
        if not locked and self.session is not None:  # unlocked: the password was typed
            self._proven.add(self.session.path.resolve())

    def show_protection(self) -> None:
        if self.session is None or self.session.read_only:
            return
        from crmdesk.ui.protection.protection_dialog import ProtectionDialog

        state = protection.protection(self.session.gui)
        dialog = ProtectionDialog(state, self.prefs.get(options.AUTO_LOCK_MINUTES), self.session.path.name, self)
        chosen: list[Change] = []
        dialog.change_requested.connect(chosen.append)
        dialog.exec()
        self.prefs.set(options.AUTO_LOCK_MINUTES, dialog.minutes.value())
        dialog.deleteLater()
        if chosen and self._protection_changed(state, chosen[0]):
            self.statusBar().showMessage(self.tr("The protection of the file was changed."), 8000)
        self._arm_screen_lock()

    def _protection_changed(self, state: Protection, change: Change) -> bool:
        """Ask what the change needs and carry it out; whether it was done."""
        from crmdesk.ui.protection.protection_dialog import NewPasswordDialog, RecoveryKeyDialog

        path = self.session.path
        if change is Change.REMOVE_PASSWORD:
            return self._write(lambda: protection.set_app_password(self.session.gui, None))
        if change is Change.DECRYPT:
            if QMessageBox.question(self, self.tr("Store it unencrypted"), self.tr(
                    "Store %1 unencrypted? Anyone who can use this computer will be able to read it. "
                    "Its backups stay encrypted.").replace("%1", path.name)) != QMessageBox.StandardButton.Yes:
                return False

            def decrypt(lock: FileLock) -> bool:
                protection.decrypt(path, lock=lock)
                return True

            return bool(self._rewrite_closed(path, self.tr("Cannot change the encryption"),
                                             self.tr("Decrypting the file…"), decrypt))
        encrypting = change is Change.ENCRYPT
        if change is Change.CHANGE_PASSWORD and state is Protection.ENCRYPTED:
            secret, ok = QInputDialog.getText(self, self.tr("Change the password"),
                                              self.tr("Current password or recovery key:"), QLineEdit.EchoMode.Password)
            if not ok:
                return False
        asked = NewPasswordDialog(encrypting=encrypting, deterrent=state is not Protection.ENCRYPTED and not encrypting,
                                  parent=self)
        accepted = asked.exec() == QDialog.DialogCode.Accepted
        password = asked.password()
        asked.deleteLater()
        if not accepted:
            return False
        if encrypting:
            now = self.guard.now()
            done = self._rewrite_closed(path, self.tr("Cannot change the encryption"), self.tr("Encrypting the file…"),
                                        lambda lock: protection.encrypt(path, password, now, lock=lock))
            if done is None:
                return False
            shown = RecoveryKeyDialog(done.recovery_key, path.name, self)
            shown.exec()
            shown.deleteLater()
            return True
        if state is Protection.ENCRYPTED:
            return self._write(lambda: protection.change_password(path, secret, password))
        return self._write(lambda: protection.set_app_password(self.session.gui, password))

    def _write(self, work: Callable[[], object]) -> bool:
        """A short write on the GUI thread, worded if it fails."""
        try:
            work()
        except (OSError, FileProblemError, WriteError) as e:
            QMessageBox.warning(self, self.tr("Cannot save"), self._problem_text(e))
            return False
        return True

    def check_file(self) -> None:
        """integrity_check and foreign_key_check over the whole file, on the worker."""
        if self.session is None:
            return
        path = self.session.path
        result = self.guard.run_with_progress(self, self.tr("Checking every page of the file…"),
                                              lambda: check_file(path, full=True))
        if result.ok:
            QMessageBox.information(self, self.tr("Check the file"), self.tr(
                "The file is sound: every page, index and reference checked. It holds %1 customers.")
                .replace("%1", f"{result.customers:,}"))
        else:
            QMessageBox.warning(self, self.tr("Check the file"), texts.error_text(result.problem, result.params)
                                + "\n\n" + self.tr("Restore a backup from File → Backups and restore…"))

    def _problem_text(self, error: BaseException) -> str:
        if isinstance(error, FileProblemError):
            return texts.error_text(error.problem, error.params)
        if isinstance(error, WriteError):
            return texts.error_text(error.problem, {"detail": error.detail})
        if isinstance(error, OSError) and error.errno == errno.ENOSPC:  # a backup's fsync or rename
            return texts.error_text(WriteProblem.DISK_FULL)
        return str(error)

    def receive_hand_off(self, message: dict) -> None:
        """A second launch's file (single instance): this window comes forward and opens it."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        file = message.get("file")
        if message.get("demo"):
            self.open_demo()
        elif file and (self.session is None or Path(file) != self.session.path):
            self.open_path(Path(file))
