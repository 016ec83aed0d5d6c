"""Each chart draws offscreen, names what it shows, and explains what the pointer is over."""

from __future__ import annotations

from dataclasses import replace

import pytest
from matplotlib.backend_bases import MouseEvent
from matplotlib.text import Text

from crmdesk.domain.orders import Aging
from crmdesk.domain.pipeline import Stages, funnel
from crmdesk.services import reports as r
from crmdesk.ui.charts.catalog import CHARTS, chart
from crmdesk.ui.charts.chart_canvas import ChartCanvas, render_png
from crmdesk.ui.charts.drawings import money_unit
from tests.ui.chart_samples import SAMPLES


def _texts(canvas: ChartCanvas) -> str:
    canvas.canvas.draw()  # tick labels exist only once drawn
    return "\n".join(t.get_text() for t in canvas.figure.findobj(Text))


def _hover_text(canvas: ChartCanvas, index: int = 0) -> str:
    """What the pointer sees over the centre of the index-th thing that explains itself."""
    from matplotlib.collections import PathCollection

    hover = canvas.hovers()[index]
    if isinstance(hover.artist, PathCollection):  # a scatter: its first point
        x, y = hover.artist.get_offset_transform().transform(hover.artist.get_offsets()[0])
    else:
        bbox = hover.artist.get_window_extent(canvas.canvas.get_renderer())
        x, y = bbox.x0 + bbox.width / 2, bbox.y0 + bbox.height / 2
    event = MouseEvent("motion_notify_event", canvas.canvas, x, y)
    text, _hover, _index = canvas.details(event)
    return text


@pytest.fixture
def canvas(qtbot):
    widget = ChartCanvas()
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    return widget


EXPECTED_LABELS = {
    "tiers": ["A · VIP", "Share of revenue", "4 of 14 buyers (28.6%) make 80% of the revenue"],
    "monthly_sales": ["9/26", "11/26", "Same months a year earlier", "Orders", "Amount (thousand yuan)"],
    "products": ["整车运输", "零担快运", "Other products", "margin 25.0%", "margin unknown"],
    "contribution": ["杭州顺达物…", "张三", "2 of 3 buyers make 80% of the revenue"],
    "receivables": ["0–30 days", "Over 90 days", "8 customer(s)", "Owed in all: ¥150,000.00"],
    "rfm": ["High value", "At risk", "12", "9 customer(s) bought nothing in the tier window"],
    "complaints": ["Delivery", "Price", "Days to resolve (median)", "Average 4.1 of 5"],
    "regions": ["浙江省", "Not recorded", "Trade fair", "By source channel"],
    # reached 4/3/2/1/1: every one started; won passed every open stage
    "funnel": ["Initial contact", "Won", "4 · ¥26,000.01", "↓ 50%", "7.5 days",
               "4 opportunities, 1 lost; win rate 50% of those decided"],
}


@pytest.mark.parametrize("key", [spec.key for spec in CHARTS])
def test_each_chart_draws_its_labels(canvas, key):
    canvas.show_chart(chart(key).drawer(SAMPLES[key]))
    shown = _texts(canvas)
    for label in EXPECTED_LABELS[key]:
        assert label in shown, (key, label)
    assert canvas.hovers(), key


@pytest.mark.parametrize("key", [spec.key for spec in CHARTS])
def test_an_empty_period_says_so_instead_of_failing(canvas, key):
    empty = {
        "tiers": r.TierMix(tuple(replace(s, customers=0, revenue=0) for s in SAMPLES["tiers"].slices), 0, 0, 0),
        "monthly_sales": r.MonthlySales(tuple(r.MonthSales(m, 0, 0, 0, 0) for m in ("2026-10", "2026-11"))),
        "products": r.ProductMix((), None, r.ProductSales("", 0, 0, 0, 0, 0)),
        "contribution": r.Contribution((), 0, 0, 0),
        "receivables": r.ReceivableAging(Aging(), (0, 0, 0, 0), 0),
        "rfm": r.RfmMap((), 0, None),
        "complaints": r.ComplaintStats(("2026-11",), {}, {}, (0, 0, 0, 0, 0), 0),
        "regions": r.CustomerSpread((), ()),
        "funnel": funnel(Stages(), [], []),
    }[key]
    canvas.show_chart(chart(key).drawer(empty))
    assert "Nothing in this period" in _texts(canvas)
    assert canvas.hovers() == ()


def test_pointing_at_a_bar_gives_the_exact_money(canvas):
    canvas.show_chart(chart("monthly_sales").drawer(SAMPLES["monthly_sales"]))
    canvas.canvas.draw()
    # the hovers: three year-earlier bars, then three of this period, then the order line
    text = _hover_text(canvas, 5)
    assert "2026-11" in text
    assert "Sales: ¥130,000.00 in 35 order(s)" in text
    assert "A year earlier: ¥95,000.00 in 20 order(s)" in text
    assert "Change: +36.8%" in text


def test_pointing_at_nothing_gives_nothing(canvas):
    canvas.show_chart(chart("receivables").drawer(SAMPLES["receivables"]))
    canvas.canvas.draw()
    text, hover, _index = canvas.details(MouseEvent("motion_notify_event", canvas.canvas, 2, 2))
    assert (text, hover) == ("", None)


def test_rfm_points_explain_their_cell(canvas):
    canvas.show_chart(chart("rfm").drawer(SAMPLES["rfm"]))
    canvas.canvas.draw()
    text = _hover_text(canvas)
    assert "Lost buyer" in text and "40 customer(s)" in text and "¥20,000.00" in text


def test_clicking_a_contributor_opens_that_customer(canvas):
    opened = []
    canvas.show_chart(chart("contribution").drawer(SAMPLES["contribution"], open_customer=opened.append))
    canvas.canvas.draw()
    hover = canvas.hovers()[1]  # 张三
    assert "KH000002" in _hover_text(canvas, 1)
    bbox = hover.artist.get_window_extent(canvas.canvas.get_renderer())
    canvas._pressed(MouseEvent("button_press_event", canvas.canvas, bbox.x0 + 2, bbox.y0 + 2, button=1))
    assert opened == [2]


def test_save_png_writes_the_chart_at_print_size(canvas, tmp_path):
    canvas.show_chart(chart("tiers").drawer(SAMPLES["tiers"]))
    path = canvas.save_png(tmp_path / "tiers.png")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    assert (width, height) == (1500, 840)  # 10 x 5.6 inches at 150 dpi, whatever the window


def test_render_png_needs_no_window():
    data = render_png(chart("products").drawer(SAMPLES["products"]))
    assert data[:4] == b"\x89PNG"


@pytest.mark.parametrize(("largest", "per", "label"), [
    (9_999_999, 100, "Amount (yuan)"),
    (10_000_000, 100_000, "Amount (thousand yuan)"),
])
def test_money_axis_unit_follows_the_largest_figure(qapp, largest, per, label):
    assert money_unit(largest) == (per, label)


def test_chinese_axes_count_in_wan(qapp):
    from PySide6.QtCore import QLocale

    saved = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        assert money_unit(10_000_000)[0] == 1_000_000  # 万元
    finally:
        QLocale.setDefault(saved)


def test_the_satisfaction_average_sits_above_the_bars(canvas):
    canvas.show_chart(chart("complaints").drawer(replace(SAMPLES["complaints"], satisfaction=(5, 4, 2, 2, 2))))
    canvas.canvas.draw()
    renderer = canvas.canvas.get_renderer()
    average = next(t for t in canvas.figure.findobj(Text) if t.get_text().startswith("Average"))
    bars = [h.artist for h in canvas.hovers() if "Score" in h.text(0)]
    top = max(bar.get_window_extent(renderer).y1 for bar in bars)
    assert average.get_window_extent(renderer).y0 > top
