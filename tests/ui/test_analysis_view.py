"""The analysis view: dashboard figures, a click to a chart, the filter, saving a PNG."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from crmdesk.domain.orders import Period
from crmdesk.domain.targets import TargetProgress
from crmdesk.domain.win_back import WinBackRate
from crmdesk.services import reports as r
from crmdesk.services.analysis import SalesFigures
from crmdesk.ui.analysis.analysis_view import AnalysisView
from tests.ui.chart_samples import SAMPLES

TODAY = date(2026, 11, 23)
HEADLINES = r.Headlines(
    customers=200, active=150, at_risk=12, revenue=1_234_567_89, previous_revenue=1_000_000_00,
    plan=500_000_00, plan_actual=400_000_00, receivable=98_765_43, overdue_follow_ups=7,
    open_complaints=5, escalated_complaints=2,
)
SALES = SalesFigures(
    (TargetProgress("李销售", 300_000_00, 330_000_00, Period.parse("2026-Q4")),
     TargetProgress("王经理", 1_000_000_00, 600_000_00)),
    WinBackRate(8, 3),
)


class FakeAccess:
    """Records what was asked for, answers with the samples."""

    def __init__(self) -> None:
        self.today = TODAY
        self.asked: list[tuple[str, r.Scope]] = []

    def headlines(self, scope):
        self.asked.append(("dashboard", scope))
        return HEADLINES

    def sales(self, scope):
        self.asked.append(("dashboard_sales", scope))
        return SALES

    def chart_data(self, spec, scope):
        self.asked.append((spec.key, scope))
        return SAMPLES[spec.key]

    def owners(self):
        return ["王经理", "李销售"]


@pytest.fixture
def view(qtbot):
    access = FakeAccess()
    widget = AnalysisView(access)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget, access


def test_the_dashboard_shows_the_headline_figures(view):
    widget, access = view
    assert widget.page == "dashboard"
    assert "1,234,567.89" in widget.dashboard.text_of("revenue")
    assert "+23.5% on the same period a year earlier" in widget.dashboard.text_of("revenue")
    assert "80%" in widget.dashboard.text_of("plan")
    assert "98,765.43" in widget.dashboard.text_of("receivable")
    assert "2 escalated" in widget.dashboard.text_of("complaints")
    assert "李销售: ¥330,000.00 of ¥300,000.00, over by ¥30,000.00" in widget.dashboard.text_of("targets")
    assert "王经理: ¥600,000.00 of ¥1,000,000.00, gap ¥400,000.00" in widget.dashboard.text_of("targets")
    assert "71%" in widget.dashboard.text_of("targets")  # 930,000 of 1,300,000, rounded down
    assert "37%" in widget.dashboard.text_of("win_back") and "3 of 8 lost customers won back" in (
        widget.dashboard.text_of("win_back"))
    # the default period is this year so far, everyone's customers
    assert access.asked[0] == ("dashboard", r.Scope(date(2026, 1, 1), TODAY, None))


def test_the_sales_trend_follows_the_figures(view, qtbot):
    widget, access = view
    qtbot.waitUntil(lambda: bool(widget.dashboard.trend.hovers()))
    assert access.asked[-1] == ("monthly_sales", r.Scope(date(2026, 1, 1), TODAY, None))
    widget.show_page("monthly_sales")
    assert [key for key, _scope in access.asked].count("monthly_sales") == 1  # the chart page reuses it


def test_a_click_on_the_targets_asks_for_the_targets(view, qtbot):
    widget, _access = view
    with qtbot.waitSignal(widget.open_targets):
        qtbot.mouseClick(widget.dashboard.tiles["targets"], Qt.MouseButton.LeftButton)


def test_a_click_on_a_figure_opens_its_chart(view, qtbot):
    widget, access = view
    qtbot.mouseClick(widget.dashboard.tiles["receivable"], Qt.MouseButton.LeftButton)
    assert widget.page == "receivables"
    assert widget.stack.currentIndex() == 1
    assert access.asked[-1][0] == "receivables"
    assert "As of today" in widget.chart_note.text()


def test_the_follow_ups_figure_asks_for_the_calendar(view, qtbot):
    widget, _access = view
    with qtbot.waitSignal(widget.open_follow_ups):
        qtbot.mouseClick(widget.dashboard.tiles["follow_ups"], Qt.MouseButton.LeftButton)


def test_period_and_owner_reach_the_data_and_pages_are_not_read_twice(view):
    widget, access = view
    widget.show_page("products")
    widget.show_page("tiers")
    widget.show_page("products")
    assert [key for key, _scope in access.asked].count("products") == 1  # read once, drawn twice
    widget.owner_combo.setCurrentIndex(widget.owner_combo.findText("李销售"))
    widget.period.preset_combo.setCurrentIndex(widget.period.preset_combo.findText("Last year"))
    assert access.asked[-1] == ("products", r.Scope(date(2025, 1, 1), date(2025, 12, 31), "李销售"))


def test_every_chart_is_listed(view):
    widget, _access = view
    names = [widget.pages.item(row).text() for row in range(widget.pages.count())]
    assert names == ["Dashboard", "Tiers and revenue share", "Sales per month", "Products and margin",
                     "Customer contribution", "Receivables by age", "RFM segments", "Complaints",
                     "Regions and sources", "Sales funnel"]


def test_save_as_png(view, tmp_path, monkeypatch):
    widget, _access = view
    widget.show_page("regions")
    target = tmp_path / "regions"
    monkeypatch.setattr(widget, "ask_png_path", lambda: str(target))
    saved = widget.save_png()
    assert saved == tmp_path / "regions.png"
    assert saved.read_bytes()[:4] == b"\x89PNG"
    assert widget.default_png_name() == "regions_2026-01-01_2026-11-23.png"


def test_a_click_on_a_contributor_asks_for_that_customer(view, qtbot):
    widget, _access = view
    widget.show_page("contribution")
    hover = widget.canvas.hovers()[0]
    with qtbot.waitSignal(widget.open_customer) as signal:
        hover.click(0)
    assert signal.args == [1]


def test_another_file_is_read_once_per_page(view):
    widget, access = view
    widget.show_page("tiers")
    asked = len(access.asked)
    widget.set_access(access)
    assert [key for key, _scope in access.asked[asked:]] == ["tiers"]
