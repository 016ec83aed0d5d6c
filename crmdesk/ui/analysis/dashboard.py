"""The dashboard: the file's headline figures on one page, each a click from its chart."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from crmdesk.services.analysis import SalesFigures
from crmdesk.services.reports import Headlines
from crmdesk.ui.charts.chart_canvas import ChartCanvas
from crmdesk.ui.charts.drawings import money

_GOOD, _BAD, _HINT = "#2e7d32", "#b3261e", "#667085"




def _change(now: int, before: int) -> tuple[str, str]:
    """"+12.3% on a year earlier", coloured; nothing to compare with says so."""
    if not before:
        return QCoreApplication.translate("Dashboard", "nothing a year earlier to compare with"), _HINT
    change = 100 * (now - before) / before
    return QCoreApplication.translate("Dashboard", "%1 on the same period a year earlier").replace("%1", f"{change:+.1f}%"), _GOOD if change >= 0 else _BAD


@dataclass(frozen=True)
class Tile:
    name: str  # object name of the button: tile_<name>
    chart: str | None  # the chart a click opens (catalog key), None: a signal of its own


TILES = (
    Tile("customers", "regions"),
    Tile("active", "rfm"),
    Tile("at_risk", "rfm"),
    Tile("revenue", "monthly_sales"),
    Tile("plan", "monthly_sales"),
    Tile("receivable", "receivables"),
    Tile("follow_ups", None),
    Tile("complaints", "complaints"),
    Tile("targets", None),  # opens the targets (open_targets)
    Tile("win_back", None),  # no chart of its own
)


class Dashboard(QWidget):
    open_chart = Signal(str)  # a catalog key
    open_follow_ups = Signal()  # the overdue follow-ups live in the calendar, not a chart
    open_targets = Signal()  # the sales targets are entered in their dialog

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.heading = QLabel(self)
        self.heading.setObjectName("dashboard_heading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        grid = QGridLayout()
        grid.setSpacing(12)
        self.tiles: dict[str, QPushButton] = {}
        for index, tile in enumerate(TILES):
            button = QPushButton(self)
            button.setObjectName(f"tile_{tile.name}")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setMinimumSize(200, 96)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet(
                "QPushButton { text-align: left; padding: 10px 14px; border: 1px solid #d0d5dd;"
                " border-radius: 6px; background: #ffffff; }"
                "QPushButton:hover { border-color: #2f6db5; background: #f5f8fc; }"
            )
            label = QLabel(button)  # rich text: a QPushButton shows plain text only
            label.setObjectName(f"tile_{tile.name}_text")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setWordWrap(True)
            QVBoxLayout(button).addWidget(label)
            if tile.name == "targets":
                button.clicked.connect(self.open_targets)
            elif tile.name == "win_back":
                button.setCursor(Qt.CursorShape.ArrowCursor)
            elif tile.chart is None:
                button.clicked.connect(self.open_follow_ups)
            else:
                button.clicked.connect(lambda _checked=False, key=tile.chart: self.open_chart.emit(key))
            grid.addWidget(button, index // 4, index % 4)
            self.tiles[tile.name] = button
        self.hint = QLabel(self)
        self.hint.setObjectName("dashboard_hint")
        self.hint.setStyleSheet(f"color: {_HINT};")
        self.hint.setWordWrap(True)
        # The sales trend under the figures, drawn just after them (see AnalysisView.refresh).
        self.trend = ChartCanvas(self)
        self.trend.setObjectName("dashboard_trend")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addWidget(self.hint)
        layout.addWidget(self.trend, 1)
        self._figures: Headlines | None = None
        self._sales: SalesFigures | None = None
        self.retranslate()

    def text_of(self, name: str) -> str:
        return self.tiles[name].findChild(QLabel).text()

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("Dashboard", "Headline figures"))
        self.hint.setText(QCoreApplication.translate(
            "Dashboard", "Click a figure for its chart. The period and owner above apply to sales and "
                         "complaints; receivables, risk and follow-ups are as of today."))
        tips = {
            "follow_ups": QCoreApplication.translate("Dashboard", "Show the overdue follow-ups in the calendar"),
            "targets": QCoreApplication.translate("Dashboard", "Enter the sales targets per owner and month or quarter"),
            "win_back": QCoreApplication.translate(
                "Dashboard", "Customers lost in the period whose win-back plan brought them back to buy"),
        }
        for name, button in self.tiles.items():
            button.setToolTip(tips.get(name, QCoreApplication.translate("Dashboard", "Show the chart")))
        if self._figures is not None:
            self.show_figures(self._figures)
        if self._sales is not None:
            self.show_sales(self._sales)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_figures(self, h: Headlines) -> None:
        self._figures = h
        revenue_note, revenue_colour = _change(h.revenue, h.previous_revenue)
        if h.plan:
            plan_value = f"{100 * h.plan_actual / h.plan:.0f}%"
            plan_note = QCoreApplication.translate("Dashboard", "%1 of the plan's %2").replace("%1", money(h.plan_actual)).replace("%2", money(h.plan))
            plan_colour = _GOOD if h.plan_actual >= h.plan else _BAD
        else:
            plan_value, plan_note, plan_colour = "–", QCoreApplication.translate("Dashboard", "no sales plan in this period"), _HINT
        share = (lambda n: f"{100 * n / h.customers:.0f}%") if h.customers else (lambda _n: "–")
        figures = {
            "customers": (QCoreApplication.translate("Dashboard", "Customers"), f"{h.customers:,}", "", _HINT),
            "active": (QCoreApplication.translate("Dashboard", "Active"), f"{h.active:,}",
                       QCoreApplication.translate("Dashboard", "%1 bought in the tier window").replace("%1", share(h.active)), _HINT),
            "at_risk": (QCoreApplication.translate("Dashboard", "At risk of leaving"), f"{h.at_risk:,}",
                        QCoreApplication.translate("Dashboard", "%1 of customers").replace("%1", share(h.at_risk)), _BAD if h.at_risk else _HINT),
            "revenue": (QCoreApplication.translate("Dashboard", "Revenue in the period"), money(h.revenue), revenue_note, revenue_colour),
            "plan": (QCoreApplication.translate("Dashboard", "Sales plan reached"), plan_value, plan_note, plan_colour),
            "receivable": (QCoreApplication.translate("Dashboard", "Receivable"), money(h.receivable), QCoreApplication.translate("Dashboard", "owed as of today"), _HINT),
            "follow_ups": (QCoreApplication.translate("Dashboard", "Overdue follow-ups"), f"{h.overdue_follow_ups:,}", QCoreApplication.translate("Dashboard", "planned and not done"),
                           _BAD if h.overdue_follow_ups else _HINT),
            "complaints": (QCoreApplication.translate("Dashboard", "Open complaints"), f"{h.open_complaints:,}",
                           QCoreApplication.translate("Dashboard", "%n escalated").replace("%n", f"{h.escalated_complaints:,}"),
                           _BAD if h.escalated_complaints else _HINT),
        }
        for name, (title, value, note, colour) in figures.items():
            self.tiles[name].findChild(QLabel).setText(
                f"<div style='color:{_HINT}'>{title}</div>"
                f"<div style='font-size:20px; font-weight:bold'>{value}</div>"
                f"<div style='color:{colour}'>{note}</div>"
            )


    def _set_tile(self, name: str, title: str, value: str, note: str, colour: str) -> None:
        self.tiles[name].findChild(QLabel).setText(
            f"<div style='color:{_HINT}'>{title}</div>"
            f"<div style='font-size:20px; font-weight:bold'>{value}</div>"
            f"<div style='color:{colour}'>{note}</div>"
        )

    def show_sales(self, f: SalesFigures) -> None:
        """The targets (per owner: target, actual, gap) and the win-back rate of the period."""
        self._sales = f
        if f.targets:
            value = f"{100 * f.actual // f.target}%" if f.target else "–"
            # Each owner in the colour of its own result: one behind must not look met, nor the other way.
            lines = [
                f"<span style='color:{_GOOD if t.gap <= 0 else _BAD}'>"
                + (self.tr("%1: %2 of %3, gap %4") if t.gap >= 0 else self.tr("%1: %2 of %3, over by %4"))
                .replace("%1", html.escape(t.owner)).replace("%2", money(t.actual))
                .replace("%3", money(t.target)).replace("%4", money(abs(t.gap))) + "</span>"
                for t in f.targets
            ]
            self._set_tile("targets", self.tr("Sales targets reached"), value, "<br>".join(lines), _HINT)
        else:
            self._set_tile("targets", self.tr("Sales targets reached"), "–",
                           self.tr("no target in this period (click to enter them)"), _HINT)
        rate = f.win_back
        if rate.started:
            value = f"{100 * rate.won_back // rate.started}%"
            note = self.tr("%1 of %2 lost customers won back").replace("%1", f"{rate.won_back:,}").replace(
                "%2", f"{rate.started:,}")
            self._set_tile("win_back", self.tr("Win-back rate"), value, note, _GOOD if rate.won_back else _HINT)
        else:
            self._set_tile("win_back", self.tr("Win-back rate"), "–",
                           self.tr("no win-back plan started in this period"), _HINT)
