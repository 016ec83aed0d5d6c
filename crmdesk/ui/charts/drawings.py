"""The charts themselves: each draws one kind of services.reports data on a Figure.

Every draw function takes the Figure and the data and returns the Hovers: what
the pointer over a bar, a point or a cell explains, with the exact figure
(money to the fen), since an axis can only show round numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from statistics import median

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter
from PySide6.QtCore import QCoreApplication, QLocale

from crmdesk.domain.complaints import ComplaintCategory
from crmdesk.domain.customer import SourceChannel
from crmdesk.domain.money import format_money
from crmdesk.domain.pipeline import Funnel
from crmdesk.domain.tiers import Segment, Tier
from crmdesk.services.reports import (
    ComplaintStats,
    Contribution,
    CustomerGroup,
    CustomerSpread,
    MonthlySales,
    ProductMix,
    ProductSales,
    ReceivableAging,
    RfmMap,
    TierMix,
)
from crmdesk.ui import texts
from crmdesk.ui.charts.chart_canvas import Hover

CONTEXT = "Charts"
NOW = "#2f6db5"  # this period
BEFORE = "#b8c7db"  # the same period a year earlier
LINE = "#d9822b"
GREY = "#667085"
TIER_COLOURS = {Tier.A: "#1f5fa8", Tier.B: "#4f8fd6", Tier.C: "#93bde8", Tier.D: "#c9d3df"}
AGING_COLOURS = ("#7fb77e", "#e3c35a", "#e08b3e", "#c8453b")
SEGMENT_COLOURS = {
    Segment.HIGH_VALUE: "#1f5fa8", Segment.AT_RISK: "#c8453b", Segment.LOST: "#8a8f98",
    Segment.GROWING: "#4caf73", Segment.POTENTIAL: "#e3a23a", Segment.DORMANT: "#b39ddb",
    Segment.ORDINARY: "#9fb4cc",
}
CATEGORY_COLOURS = ("#2f6db5", "#d9822b", "#4caf73", "#c8453b", "#8e6bbf", "#8a8f98")
MAX_GROUPS = 12  # provinces or sources in one bar chart; the rest fold into "Other"


def tr(source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """For text made at run time; literals call QCoreApplication.translate("Charts", …) so lupdate sees the context."""
    return QCoreApplication.translate(CONTEXT, source, disambiguation, n)


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def money(fen: int) -> str:
    return format_money(fen, symbol=True)


def money_unit(largest_fen: int) -> tuple[int, str]:
    """Fen per axis unit and the axis label: yuan, or 万元 / thousand yuan for big figures."""
    if largest_fen < 10_000_000:  # under 100,000 yuan: whole yuan read fine
        return 100, QCoreApplication.translate("Charts", "Amount (yuan)")
    if _chinese():
        return 1_000_000, QCoreApplication.translate("Charts", "Amount (10,000 yuan)")
    return 100_000, QCoreApplication.translate("Charts", "Amount (thousand yuan)")


def _money_axis(ax: Axes, largest_fen: int, axis: str = "y") -> int:
    per, label = money_unit(largest_fen)
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}" if v == int(v) else f"{v:,.1f}"))
    (ax.set_ylabel if axis == "y" else ax.set_xlabel)(label)
    return per


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def _titles(fig: Figure, title: str, note: str = "") -> None:
    """The chart's title on top, and under it a grey line with what to read from it."""
    fig.suptitle(title + ("\n" if note else ""), fontweight="bold", fontsize=11)
    if note:
        fig.text(0.5, 0.985, "\n" + note, ha="center", va="top", color=GREY, fontsize=9)


def _empty(fig: Figure, title: str) -> list[Hover]:
    ax = fig.add_subplot()
    _titles(fig, title)
    ax.text(0.5, 0.5, QCoreApplication.translate("Charts", "Nothing in this period"), ha="center", va="center", color=GREY,
            transform=ax.transAxes, fontsize=11)
    ax.set_axis_off()
    return []


def _bar_hovers(bars, text: Callable[[int], str], click: Callable[[int], None] | None = None) -> list[Hover]:
    # one Hover per bar: Rectangle.contains knows no index
    return [Hover(bar, (lambda _i, k=k: text(k)), (lambda _i, k=k: click(k)) if click else None)
            for k, bar in enumerate(bars)]


def _label_bars(ax: Axes, bars, labels: Sequence[str], *, inside: bool = False) -> None:
    ax.bar_label(bars, labels=list(labels), padding=2, fontsize=8, color=GREY,
                 label_type="center" if inside else "edge")


# -- tiers and the Pareto ---------------------------------------------------


def draw_tiers(fig: Figure, data: TierMix) -> list[Hover]:
    title = QCoreApplication.translate("Charts", "Customers and revenue by tier")
    if not any(s.customers for s in data.slices):
        return _empty(fig, title)
    left, right = fig.subplots(1, 2)
    names = [texts.enum_text(s.tier) for s in data.slices]
    colours = [TIER_COLOURS[s.tier] for s in data.slices]
    total_customers = sum(s.customers for s in data.slices)
    bars = left.bar(names, [s.customers for s in data.slices], color=colours)
    _label_bars(left, bars, [f"{s.customers:,}" for s in data.slices])
    left.set_title(QCoreApplication.translate("Charts", "Customers"))
    left.yaxis.set_major_locator(MaxNLocator(integer=True))
    shares = [100 * s.revenue / data.revenue if data.revenue else 0 for s in data.slices]
    share_bars = right.bar(names, shares, color=colours)
    _label_bars(right, share_bars, [percent(s.revenue, data.revenue) for s in data.slices])
    right.set_title(QCoreApplication.translate("Charts", "Share of revenue"))
    right.yaxis.set_major_formatter(PercentFormatter(decimals=0))
    right.set_ylim(0, max(100, max(shares) * 1.1))
    _titles(fig, title, QCoreApplication.translate("Charts", "%1 of %2 buyers (%3) make %4% of the revenue")
            .replace("%1", f"{data.pareto_customers:,}").replace("%2", f"{data.buyers:,}")
            .replace("%3", percent(data.pareto_customers, data.buyers)).replace("%4", "80") if data.buyers else "")

    def explain(k: int) -> str:
        s = data.slices[k]
        return "\n".join((
            names[k],
            QCoreApplication.translate("Charts", "Customers: %1 (%2)").replace("%1", f"{s.customers:,}").replace("%2", percent(s.customers, total_customers)),
            QCoreApplication.translate("Charts", "Revenue: %1 (%2)").replace("%1", money(s.revenue)).replace("%2", percent(s.revenue, data.revenue)),
        ))

    return _bar_hovers(bars, explain) + _bar_hovers(share_bars, explain)


# -- sales ------------------------------------------------------------------


def _month_label(month: str) -> str:
    year, number = month.split("-")
    return QCoreApplication.translate("Charts", "%1/%2", "month/year on an axis").replace("%1", str(int(number))).replace("%2", year[2:])


def draw_monthly_sales(fig: Figure, data: MonthlySales) -> list[Hover]:
    title = QCoreApplication.translate("Charts", "Sales per month")
    if not any(m.amount or m.previous_amount for m in data.months):
        return _empty(fig, title)
    ax = fig.add_subplot()
    _titles(fig, title)
    largest = max(max(m.amount, m.previous_amount) for m in data.months)
    per = _money_axis(ax, largest)
    xs = range(len(data.months))
    width = 0.4
    before = ax.bar([x - width / 2 for x in xs], [m.previous_amount / per for m in data.months], width,
                    color=BEFORE, label=QCoreApplication.translate("Charts", "Same months a year earlier"))
    now = ax.bar([x + width / 2 for x in xs], [m.amount / per for m in data.months], width,
                 color=NOW, label=QCoreApplication.translate("Charts", "This period"))
    ax.set_xticks(list(xs), [_month_label(m.month) for m in data.months])
    if len(data.months) > 14:
        ax.tick_params(axis="x", labelrotation=90)
    counts = ax.twinx()
    counts.spines["right"].set_visible(True)
    (line,) = counts.plot(list(xs), [m.orders for m in data.months], color=LINE, marker="o", markersize=4,
                          label=QCoreApplication.translate("Charts", "Orders"))
    counts.set_ylabel(QCoreApplication.translate("Charts", "Orders"))
    counts.set_ylim(0, max(1, max(m.orders for m in data.months)) * 1.25)
    counts.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, largest / per * 1.15)
    handles = [now, before, line]
    ax.legend(handles, [h.get_label() for h in handles], loc="upper left", fontsize=8, frameon=False, ncols=3)

    def explain(k: int) -> str:
        m = data.months[k]
        change = ""
        if m.previous_amount:
            change = "\n" + QCoreApplication.translate("Charts", "Change: %1").replace("%1", f"{100 * (m.amount - m.previous_amount) / m.previous_amount:+.1f}%")
        return "\n".join((
            m.month,
            QCoreApplication.translate("Charts", "Sales: %1 in %n order(s)").replace("%n", f"{m.orders:,}").replace("%1", money(m.amount)),
            QCoreApplication.translate("Charts", "A year earlier: %1 in %n order(s)").replace("%n", f"{m.previous_orders:,}").replace("%1", money(m.previous_amount)),
        )) + change

    return (_bar_hovers(before, explain) + _bar_hovers(now, explain)
            + [Hover(line, lambda i: explain(i))])


def _margin_text(p: ProductSales) -> str:
    if p.margin is None:
        return QCoreApplication.translate("Charts", "margin unknown")
    return QCoreApplication.translate("Charts", "margin %1").replace("%1", percent(p.margin, p.costed_amount))


def draw_products(fig: Figure, data: ProductMix) -> list[Hover]:
    title = QCoreApplication.translate("Charts", "Sales by product, with gross margin")
    if not data.total.amount:
        return _empty(fig, title)
    rows = [*data.products, *([data.other] if data.other else [])]
    names = [p.product or QCoreApplication.translate("Charts", "Other products") for p in rows]
    ax = fig.add_subplot()
    _titles(fig, title)
    per = _money_axis(ax, max(p.amount for p in rows), axis="x")
    ys = list(range(len(rows)))[::-1]  # the biggest at the top
    bars = ax.barh(ys, [p.amount / per for p in rows], color=[NOW] * len(data.products) + [BEFORE] * bool(data.other))
    ax.set_yticks(ys, names)
    _label_bars(ax, bars, [f"{percent(p.amount, data.total.amount)} · {_margin_text(p)}" for p in rows])
    ax.set_xlim(0, max(p.amount for p in rows) / per * 1.35)  # room for the labels

    def explain(k: int) -> str:
        p = rows[k]
        lines = [names[k], QCoreApplication.translate("Charts", "Sales: %1 in %n order(s)").replace("%n", f"{p.orders:,}").replace("%1", money(p.amount)),
                 QCoreApplication.translate("Charts", "Quantity: %1").replace("%1", f"{p.quantity:,}")]
        if p.margin is not None:
            lines.append(QCoreApplication.translate("Charts", "Gross margin: %1 (%2)").replace("%1", money(p.margin)).replace("%2", percent(p.margin, p.costed_amount)))
            if p.costed_amount != p.amount:
                lines.append(QCoreApplication.translate("Charts", "over the %1 of sales whose cost is known").replace("%1", money(p.costed_amount)))
        return "\n".join(lines)

    return _bar_hovers(bars, explain)


def draw_contribution(fig: Figure, data: Contribution, open_customer: Callable[[int], None] | None = None) -> list[Hover]:
    title = QCoreApplication.translate("Charts", "Customers ranked by revenue (contribution)")
    if not data.total:
        return _empty(fig, title)
    ax = fig.add_subplot()
    _titles(fig, title, QCoreApplication.translate("Charts", "%1 of %2 buyers make 80% of the revenue").replace("%1", f"{data.pareto_customers:,}")
            .replace("%2", f"{data.buyers:,}"))
    per = _money_axis(ax, data.top[0].amount)
    xs = list(range(len(data.top)))
    bars = ax.bar(xs, [c.amount / per for c in data.top], color=NOW)
    ax.set_xticks(xs, [c.name if len(c.name) <= 6 else c.name[:5] + "…" for c in data.top],
                  rotation=60, ha="right", fontsize=8)
    share = ax.twinx()
    share.spines["right"].set_visible(True)
    (line,) = share.plot(xs, [100 * c.cumulative / data.total for c in data.top], color=LINE, marker="o", markersize=3)
    share.axhline(80, color=GREY, linestyle="--", linewidth=0.8)
    share.set_ylim(0, 105)
    share.yaxis.set_major_formatter(PercentFormatter(decimals=0))
    share.set_ylabel(QCoreApplication.translate("Charts", "Cumulative share of revenue"))

    def explain(k: int) -> str:
        c = data.top[k]
        return "\n".join((
            f"{c.code}  {c.name}",
            QCoreApplication.translate("Charts", "Revenue: %1 (%2)").replace("%1", money(c.amount)).replace("%2", percent(c.amount, data.total)),
            QCoreApplication.translate("Charts", "Top %1 together: %2").replace("%1", str(k + 1)).replace("%2", percent(c.cumulative, data.total)),
        ))

    click = (lambda k: open_customer(data.top[k].customer_id)) if open_customer else None
    return _bar_hovers(bars, explain, click) + [Hover(line, explain, click)]


# -- receivables ------------------------------------------------------------


def draw_aging(fig: Figure, data: ReceivableAging) -> list[Hover]:
    title = QCoreApplication.translate("Charts", "Receivables by age")
    amounts = data.buckets[:4]
    if not any(amounts):
        return _empty(fig, title)
    ax = fig.add_subplot()
    _titles(fig, title)
    per = _money_axis(ax, max(amounts))
    names = list(texts.aging_labels())
    bars = ax.bar(names, [a / per for a in amounts], color=AGING_COLOURS)
    _label_bars(ax, bars, [QCoreApplication.translate("Charts", "%n customer(s)").replace("%n", f"{n:,}") for n in data.customers])
    ax.set_ylim(0, max(amounts) / per * 1.15)
    ax.text(0.99, 0.98, QCoreApplication.translate("Charts", "Owed in all: %1").replace("%1", money(data.receivable)), transform=ax.transAxes,
            ha="right", va="top", color=GREY)

    def explain(k: int) -> str:
        return "\n".join((names[k], money(amounts[k]) + f" ({percent(amounts[k], sum(amounts))})",
                          QCoreApplication.translate("Charts", "%n customer(s)").replace("%n", f"{data.customers[k]:,}")))

    return _bar_hovers(bars, explain)


# -- RFM --------------------------------------------------------------------


def draw_rfm(fig: Figure, data: RfmMap) -> list[Hover]:
    title = QCoreApplication.translate("Charts", "RFM map: recency against frequency, size by spend")
    if not data.cells:
        return _empty(fig, title)
    ax = fig.add_subplot()
    _titles(fig, title)
    largest = max(c.monetary for c in data.cells) or 1
    sizes = [260 + 2400 * c.monetary / largest for c in data.cells]  # the smallest still holds its count
    points = ax.scatter([c.r for c in data.cells], [c.f for c in data.cells], s=sizes,
                        c=[SEGMENT_COLOURS[c.segment] for c in data.cells], alpha=0.85, edgecolors="white")
    for c in data.cells:
        ax.annotate(f"{c.customers:,}", (c.r, c.f), ha="center", va="center", fontsize=8)
    ax.set_xlim(0.4, 5.6)
    ax.set_ylim(0.4, 5.6)
    ax.set_xticks(range(1, 6), ["1", "2", "3", "4", "5"])
    ax.set_yticks(range(1, 6), ["1", "2", "3", "4", "5"])
    ax.set_xlabel(QCoreApplication.translate("Charts", "Recency score (5 = bought most recently)"))
    ax.set_ylabel(QCoreApplication.translate("Charts", "Frequency score (5 = buys most often)"))
    ax.grid(True, color="#eeeeee")
    ax.set_axisbelow(True)
    shown = [s for s in Segment if any(c.segment is s for c in data.cells)]
    handles = [ax.scatter([], [], s=40, color=SEGMENT_COLOURS[s], label=texts.enum_text(s)) for s in shown]
    ax.legend(handles=handles, loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False, fontsize=8)
    if data.unscored:
        ax.text(0.0, -0.13, QCoreApplication.translate("Charts", "%n customer(s) bought nothing in the tier window").replace("%n", f"{data.unscored:,}"),
                transform=ax.transAxes, color=GREY, fontsize=8)

    def explain(i: int) -> str:
        c = data.cells[i]
        return "\n".join((
            texts.enum_text(c.segment),
            QCoreApplication.translate("Charts", "R %1 · F %2").replace("%1", str(c.r)).replace("%2", str(c.f)),
            QCoreApplication.translate("Charts", "%n customer(s)").replace("%n", f"{c.customers:,}"),
            QCoreApplication.translate("Charts", "Spend in the tier window: %1").replace("%1", money(c.monetary)),
        ))

    return [Hover(points, explain)]


# -- complaints -------------------------------------------------------------


def draw_complaints(fig: Figure, data: ComplaintStats) -> list[Hover]:
    title = QCoreApplication.translate("Charts", "Complaints")
    received = sum(sum(v) for v in data.received.values())
    resolved = sum(len(v) for v in data.resolve_days.values())
    if not received and not resolved:
        return _empty(fig, title)
    _titles(fig, title)
    grid = fig.add_gridspec(2, 2, width_ratios=(3, 2))
    months_ax = fig.add_subplot(grid[:, 0])
    days_ax = fig.add_subplot(grid[0, 1])
    score_ax = fig.add_subplot(grid[1, 1])
    hovers: list[Hover] = []
    categories = [c for c in ComplaintCategory if any(data.received.get(c, ()))]
    xs = list(range(len(data.months)))
    bottom = [0] * len(data.months)
    for category in categories:
        counts = data.received[category]
        colour = CATEGORY_COLOURS[list(ComplaintCategory).index(category) % len(CATEGORY_COLOURS)]
        bars = months_ax.bar(xs, counts, bottom=bottom, color=colour, label=texts.enum_text(category))
        hovers += _bar_hovers(bars, lambda k, c=category, n=counts: "\n".join((
            data.months[k], texts.enum_text(c), QCoreApplication.translate("Charts", "%n complaint(s)").replace("%n", f"{n[k]:,}"))))
        bottom = [b + n for b, n in zip(bottom, counts)]
    months_ax.set_xticks(xs, [_month_label(m) for m in data.months])
    if len(data.months) > 6:  # this panel has three fifths of the width
        months_ax.tick_params(axis="x", labelrotation=45)
    months_ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    months_ax.set_ylim(0, max(1, max(bottom)) * 1.35)  # room for the legend above the bars
    months_ax.set_title(QCoreApplication.translate("Charts", "Received per month, by category"))
    if categories:
        months_ax.legend(fontsize=8, frameon=False, loc="upper left", ncols=3)

    timed = [c for c in ComplaintCategory if data.resolve_days.get(c)]
    days_ax.set_title(QCoreApplication.translate("Charts", "Days to resolve (median)"))
    if timed:
        medians = [median(data.resolve_days[c]) for c in timed]
        day_bars = days_ax.barh([texts.enum_text(c) for c in timed][::-1], medians[::-1], color=NOW)
        _label_bars(days_ax, day_bars, [f"{m:g}" for m in medians[::-1]])
        days_ax.set_xlim(0, max(medians) * 1.3 + 0.5)
        hovers += _bar_hovers(day_bars, lambda k: (lambda c: "\n".join((
            texts.enum_text(c), QCoreApplication.translate("Charts", "%n resolved").replace("%n", f"{len(data.resolve_days[c]):,}"),
            QCoreApplication.translate("Charts", "Median %1 days, longest %2").replace("%1", f"{median(data.resolve_days[c]):g}")
            .replace("%2", str(max(data.resolve_days[c]))))))(timed[::-1][k]))
    else:
        days_ax.text(0.5, 0.5, QCoreApplication.translate("Charts", "None resolved"), ha="center", va="center", color=GREY, transform=days_ax.transAxes)
        days_ax.set_axis_off()

    score_ax.set_title(QCoreApplication.translate("Charts", "Satisfaction when resolved"))
    scored = sum(data.satisfaction)
    if scored:
        score_bars = score_ax.bar([str(s) for s in range(1, 6)], data.satisfaction,
                                  color=["#c8453b", "#e08b3e", "#e3c35a", "#9cc97a", "#4caf73"])
        score_ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        score_ax.set_ylim(0, max(data.satisfaction) * 1.35)  # the average's line above the tallest bar
        mean = sum(s * n for s, n in zip(range(1, 6), data.satisfaction)) / scored
        score_ax.text(0.02, 0.95, QCoreApplication.translate("Charts", "Average %1 of 5").replace("%1", f"{mean:.1f}"), transform=score_ax.transAxes,
                      va="top", color=GREY, fontsize=8)
        hovers += _bar_hovers(score_bars, lambda k: QCoreApplication.translate("Charts", "Score %1: %n complaint(s)").replace("%n", f"{data.satisfaction[k]:,}")
                              .replace("%1", str(k + 1)))
    else:
        score_ax.text(0.5, 0.5, QCoreApplication.translate("Charts", "No scores"), ha="center", va="center", color=GREY, transform=score_ax.transAxes)
        score_ax.set_axis_off()
    return hovers


# -- where customers are and where they came from --------------------------


def _group_name(group: CustomerGroup, *, source: bool) -> str:
    if group.key is None:
        return QCoreApplication.translate("Charts", "Not recorded")
    if source:
        try:
            return texts.enum_text(SourceChannel(group.key))
        except ValueError:
            return group.key
    return group.key


def _folded(groups: Sequence[CustomerGroup]) -> list[CustomerGroup]:
    if len(groups) <= MAX_GROUPS:
        return list(groups)
    rest = groups[MAX_GROUPS - 1:]
    return [*groups[:MAX_GROUPS - 1],
            CustomerGroup("\0other", sum(g.customers for g in rest), sum(g.revenue for g in rest))]


def _spread_axes(ax: Axes, groups: Sequence[CustomerGroup], title: str, *, source: bool) -> list[Hover]:
    ax.set_title(title)
    shown = _folded(groups)
    names = [QCoreApplication.translate("Charts", "All the rest") if g.key == "\0other" else _group_name(g, source=source) for g in shown]
    ys = list(range(len(shown)))[::-1]
    bars = ax.barh(ys, [g.customers for g in shown], color=NOW)
    ax.set_yticks(ys, names)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(QCoreApplication.translate("Charts", "Customers"))
    total = sum(g.customers for g in groups)
    _label_bars(ax, bars, [f"{g.customers:,}" for g in shown])
    ax.set_xlim(0, max(g.customers for g in shown) * 1.2)
    return _bar_hovers(bars, lambda k: "\n".join((
        names[k], QCoreApplication.translate("Charts", "%n customer(s)").replace("%n", f"{shown[k].customers:,}") + f" ({percent(shown[k].customers, total)})",
        QCoreApplication.translate("Charts", "Revenue in the period: %1").replace("%1", money(shown[k].revenue)))))


def draw_spread(fig: Figure, data: CustomerSpread) -> list[Hover]:
    title = QCoreApplication.translate("Charts", "Customers by region and by source")
    if not data.provinces and not data.sources:
        return _empty(fig, title)
    _titles(fig, title)
    left, right = fig.subplots(1, 2)
    return (_spread_axes(left, data.provinces, QCoreApplication.translate("Charts", "By province"), source=False)
            + _spread_axes(right, data.sources, QCoreApplication.translate("Charts", "By source channel"), source=True))


# -- the sales funnel (销售漏斗分析) -----------------------------------------------


FUNNEL_COLOURS = ("#1f5fa8", "#3a78c2", "#5b93d4", "#82afe3", "#a9c9ee", "#c9ddf4")
WON_COLOUR = "#4caf73"


def _days_text(days) -> str:
    return "–" if days is None else f"{float(days):.1f}"


def draw_funnel(fig: Figure, data: Funnel) -> list[Hover]:
    """Each step a bar as wide as the opportunities that got this far, centred; the conversion between."""
    from crmdesk.ui.pipeline.pipeline_texts import stage_text

    title = QCoreApplication.translate("Charts", "Sales funnel")
    if not data.total:
        return _empty(fig, title)
    ax = fig.add_subplot()
    steps = data.steps
    widest = max(s.reached for s in steps) or 1
    names = [stage_text(s.stage) for s in steps]
    colours = [WON_COLOUR if not s.stage.is_open else FUNNEL_COLOURS[min(i, len(FUNNEL_COLOURS) - 1)]
               for i, s in enumerate(steps)]
    ys = list(range(len(steps)))[::-1]
    # A step nobody reached still shows as a sliver, so the stage is visible.
    widths = [max(s.reached, widest * 0.01) for s in steps]
    bars = ax.barh(ys, widths, left=[-w / 2 for w in widths], color=colours, height=0.72)
    for y, step, name in zip(ys, steps, names):
        ax.text(-widest / 2 - widest * 0.04, y, name, ha="right", va="center", fontsize=9)
        ax.text(0, y, f"{step.reached:,} · {money(step.amount)}", ha="center", va="center", fontsize=8.5,
                color="white" if step.reached > widest * 0.45 else "#1d2939")
        ax.text(widest / 2 + widest * 0.04, y,
                QCoreApplication.translate("Charts", "%1 days").replace("%1", _days_text(step.average_days))
                if step.stage.is_open and step.average_days is not None else "", ha="left", va="center", fontsize=8.5, color=GREY)
    for y, step in zip(ys, steps):
        if step.conversion is not None:
            ax.text(0, y - 0.5, f"↓ {float(step.conversion) * 100:.0f}%", ha="center", va="center", fontsize=8,
                    color=LINE, fontweight="bold")
    ax.set_xlim(-widest * 1.05, widest * 0.85)
    ax.set_ylim(-0.6, len(steps) - 0.4)
    ax.set_axis_off()
    note = QCoreApplication.translate("Charts", "%1 opportunities, %2 lost; win rate %3 of those decided") \
        .replace("%1", f"{data.total:,}").replace("%2", f"{data.lost:,}") \
        .replace("%3", "–" if data.win_rate is None else f"{float(data.win_rate) * 100:.0f}%")
    _titles(fig, title, note)

    def explain(k: int) -> str:
        s = steps[k]
        lines = [names[k],
                 QCoreApplication.translate("Charts", "Reached: %1").replace("%1", f"{s.reached:,}"),
                 QCoreApplication.translate("Charts", "Amount: %1").replace("%1", money(s.amount))]
        if s.conversion is not None:
            lines.append(QCoreApplication.translate("Charts", "On to the next stage: %1")
                         .replace("%1", f"{float(s.conversion) * 100:.1f}%"))
        if s.stage.is_open:
            lines.append(QCoreApplication.translate("Charts", "Average days in this stage: %1 (%2 stays)")
                         .replace("%1", _days_text(s.average_days)).replace("%2", str(s.stays)))
        return "\n".join(lines)

    return _bar_hovers(bars, explain)
