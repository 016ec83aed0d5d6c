"""AnalysisView: the dashboard and every chart, under one period and owner filter.

Importing this module imports matplotlib (through ui.charts), so the window
imports it only when the user first opens the analysis.  A chart's data is
read when its page is shown and kept until the filter or the file changes:
flicking between pages redraws without asking the file again.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.statements import PeriodPreset
from crmdesk.services import reports
from crmdesk.services.analysis import SalesFigures, sales_figures
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.ui.analysis.dashboard import Dashboard
from crmdesk.ui.charts.catalog import CHARTS, ChartSpec, chart
from crmdesk.ui.charts.chart_canvas import ChartCanvas
from crmdesk.ui.period_picker import PeriodPicker

PRESETS = (PeriodPreset.THIS_YEAR, PeriodPreset.LAST_12_MONTHS, PeriodPreset.THIS_QUARTER,
           PeriodPreset.THIS_MONTH, PeriodPreset.LAST_MONTH, PeriodPreset.LAST_YEAR)
DASHBOARD = "dashboard"
ALL_OWNERS = ""


class AnalysisAccess:
    """The open file and today, as the analysis reads them."""

    def __init__(self, cf: CustomerFile, today: date) -> None:
        self._cf = cf
        self.today = today

    def headlines(self, scope: reports.Scope) -> reports.Headlines:
        return reports.headlines(self._cf, scope, self.today)

    def sales(self, scope: reports.Scope) -> SalesFigures:
        """The targets and win-back tiles (services.analysis.sales_figures)."""
        return sales_figures(self._cf, scope.first, scope.last, self.today, scope.owner)

    def chart_data(self, spec: ChartSpec, scope: reports.Scope) -> object:
        return spec.fetch(self._cf, scope, self.today)

    def owners(self) -> list[str]:
        return reports.owners(self._cf)


class AnalysisView(QWidget):
    open_customer = Signal(int)
    open_follow_ups = Signal()
    open_targets = Signal()  # the dashboard's targets tile: the window opens the targets dialog

    def __init__(self, access: AnalysisAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analysis_view")
        self._access = access
        self._cache: dict[tuple[str, reports.Scope], object] = {}

        self.period = PeriodPicker(access.today, PRESETS, self)
        self.owner_label = QLabel(self)
        self.owner_combo = QComboBox(self)
        self.owner_combo.setObjectName("owner_combo")
        self.owner_label.setBuddy(self.owner_combo)
        filters = QHBoxLayout()
        filters.addWidget(self.period)
        filters.addSpacing(18)
        filters.addWidget(self.owner_label)
        filters.addWidget(self.owner_combo)
        filters.addStretch(1)

        self.pages = QListWidget(self)
        self.pages.setObjectName("analysis_pages")
        self.pages.addItem(QListWidgetItem())
        self.pages.item(0).setData(Qt.ItemDataRole.UserRole, DASHBOARD)
        for spec in CHARTS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.pages.addItem(item)

        self.dashboard = Dashboard(self)
        self.canvas = ChartCanvas(self)
        self.chart_note = QLabel(self)
        self.chart_note.setObjectName("chart_note")
        self.chart_note.setStyleSheet("color: #667085;")
        self.chart_note.setWordWrap(True)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("save_png_button")
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copy_chart_button")
        chart_buttons = QHBoxLayout()
        chart_buttons.addWidget(self.chart_note, 1)
        chart_buttons.addWidget(self.copy_button)
        chart_buttons.addWidget(self.save_button)
        chart_page = QWidget(self)
        chart_layout = QVBoxLayout(chart_page)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.canvas, 1)
        chart_layout.addLayout(chart_buttons)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.dashboard)
        self.stack.addWidget(chart_page)

        splitter = QSplitter(self)
        splitter.addWidget(self.pages)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 900])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self.period.changed.connect(lambda _first, _last: self.refresh())
        self.owner_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.pages.currentRowChanged.connect(lambda _row: self.refresh())
        self.dashboard.open_chart.connect(self.show_page)
        self.dashboard.open_follow_ups.connect(self.open_follow_ups)
        self.dashboard.open_targets.connect(self.open_targets)
        self.save_button.clicked.connect(self.save_png)
        self.copy_button.clicked.connect(self.copy_chart)
        self._trend_due = True
        self._painted_figure = self.dashboard.tiles["revenue"].findChild(QLabel)  # setText repaints it
        self._painted_figure.installEventFilter(self)
        self._fill_owners()
        self.retranslate()
        self.pages.setCurrentRow(0)

    # -- what is shown ---------------------------------------------------------------

    @property
    def scope(self) -> reports.Scope:
        first, last = self.period.period
        return reports.Scope(first, last, self.owner_combo.currentData() or None)

    @property
    def page(self) -> str:
        item = self.pages.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else DASHBOARD

    def show_page(self, key: str) -> None:
        for row in range(self.pages.count()):
            if self.pages.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.pages.setCurrentRow(row)
                return
        raise KeyError(key)

    def set_access(self, access: AnalysisAccess) -> None:
        """Another file, or the same one changed: read everything again."""
        self._access = access
        self._cache.clear()
        self._fill_owners()
        with QSignalBlocker(self.period):  # one read and draw below, not one per change
            self.period.set_today(access.today)
        self.refresh()

    def _fill_owners(self) -> None:
        current = self.owner_combo.currentData()
        self.owner_combo.blockSignals(True)
        self.owner_combo.clear()
        self.owner_combo.addItem(self.tr("Everyone"), ALL_OWNERS)
        for owner in self._access.owners():
            self.owner_combo.addItem(owner, owner)
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(current)))
        self.owner_combo.blockSignals(False)

    def _data(self, key: str, read) -> object:
        scope = self.scope
        if (key, scope) not in self._cache:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._cache[key, scope] = read(scope)
            finally:
                QGuiApplication.restoreOverrideCursor()
        return self._cache[key, scope]

    def refresh(self) -> None:
        if problem := self.period.problem():
            self.chart_note.setText(problem)
            return
        key = self.page
        if key == DASHBOARD:
            self.stack.setCurrentIndex(0)
            self.dashboard.show_figures(self._data(DASHBOARD, self._access.headlines))
            self.dashboard.show_sales(self._data("dashboard_sales", self._access.sales))
            self._trend_due = True  # drawn once the figures are painted (eventFilter)
            return
        spec = chart(key)
        data = self._data(key, lambda scope: self._access.chart_data(spec, scope))
        options = {"open_customer": self.open_customer.emit} if key == "contribution" else {}
        self.canvas.show_chart(spec.drawer(data, **options))
        self.stack.setCurrentIndex(1)
        self.chart_note.setText(self._note(spec))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # The figures first, the chart a moment later: the trend waits for their paint.
        if watched is self._painted_figure and event.type() == QEvent.Type.Paint and self._trend_due:
            self._trend_due = False
            QTimer.singleShot(0, self._draw_trend)
        return False

    def _draw_trend(self) -> None:
        if self.page != DASHBOARD:
            return
        spec = chart("monthly_sales")
        data = self._data(spec.key, lambda scope: self._access.chart_data(spec, scope))
        self.dashboard.trend.show_chart(spec.drawer(data))

    def _note(self, spec: ChartSpec) -> str:
        if spec.key == "receivables":
            return self.tr("As of today, whatever the period. Point at a bar for the exact figures.")
        if spec.key == "rfm":
            return self.tr("Scores as of the file's last opening, over the tier window, whatever the period. "
                           "Point at a circle for its customers.")
        if spec.key == "contribution":
            return self.tr("Point at a bar for the figures; click it to open the customer.")
        return self.tr("Point at a bar for the exact figures.")

    # -- saving ---------------------------------------------------------------------

    def default_png_name(self) -> str:
        first, last = self.period.period
        return f"{self.page}_{first.isoformat()}_{last.isoformat()}.png"

    def ask_png_path(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save chart as PNG"), str(Path(folder) / self.default_png_name()),
            self.tr("PNG images (*.png)"),
        )
        return path

    def save_png(self) -> Path | None:
        path = self.ask_png_path()
        if not path:
            return None
        target = Path(path) if path.lower().endswith(".png") else Path(path + ".png")
        try:
            return self.canvas.save_png(target)
        except OSError as e:
            QMessageBox.warning(self, self.tr("Save chart as PNG"),
                                self.tr("The chart could not be saved:\n%1").replace("%1", str(e)))
            return None

    def copy_chart(self) -> None:
        """Onto the clipboard, for a chat or an e-mail."""
        QGuiApplication.clipboard().setImage(self.canvas.canvas.grab().toImage())

    # -- language -------------------------------------------------------------------

    def retranslate(self) -> None:
        self.owner_label.setText(self.tr("&Owner:"))
        self.owner_combo.setItemText(0, self.tr("Everyone"))
        self.pages.item(0).setText(self.tr("Dashboard"))
        for row, spec in enumerate(CHARTS, start=1):
            self.pages.item(row).setText(spec.title)
        self.save_button.setText(self.tr("&Save as PNG…"))
        self.copy_button.setText(self.tr("&Copy"))
        if self.page != DASHBOARD:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

