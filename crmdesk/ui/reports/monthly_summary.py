"""The file's monthly summary (月度经营总结) as a printable document, with charts made elsewhere.

``monthly_summary_html`` words a services.summaries.MonthlySummary as HTML,
with the charts given as (title, QImage) pairs named by ``chart_names``;
``monthly_summary_document`` lays it out in pages with those images
(crmdesk.ui.printing); ``save_monthly_summary_pdf`` writes the PDF of a
month straight from the file, without a window (a QGuiApplication is enough).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QTextDocument

from crmdesk.domain.complaints import ComplaintCategory
from crmdesk.domain.orders import Period
from crmdesk.services.reports import PARETO_PERCENT
from crmdesk.services.summaries import MonthlySummary, monthly_summary
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.ui import texts
from crmdesk.ui.printing import (
    content_width,
    default_page_layout,
    e,
    image_url,
    keep_anchor,
    new_document,
    safe_file_name,
    save_pdf,
)
from crmdesk.ui.reports.report_html import (
    MUTED,
    WARN,
    Cell,
    Column,
    change,
    count,
    day,
    document,
    figures,
    header,
    heading,
    money,
    note,
    percent,
    period_text,
)
from crmdesk.ui.reports.report_html import table as html_table

CONTEXT = "MonthlySummary"
Charts = Sequence[tuple[str, QImage]]  # (title, picture), in the order printed
CHART_HEIGHT_SHARE = 0.42  # of the page: two charts with their titles fit on one



def summary_title() -> str:
    return QCoreApplication.translate("MonthlySummary", "Monthly summary")


def owner_text(owner: str | None) -> str:
    return owner if owner is not None else QCoreApplication.translate("MonthlySummary", "All customers")


def chart_names(charts: Charts) -> dict[str, QImage]:
    """The name each chart's picture has in the document (``printing.image_url``), in order."""
    return {f"chart-{index}": image for index, (_title, image) in enumerate(charts)}


def _header(summary: MonthlySummary, file_name: str | None) -> str:
    translate = QCoreApplication.translate
    return header(summary_title(), [
        (translate("MonthlySummary", "Month:"), str(summary.month),
         translate("MonthlySummary", "Period:"), period_text(summary.month.first_day, summary.month.last_day)),
        (translate("MonthlySummary", "Customers:"), owner_text(summary.owner),
         translate("MonthlySummary", "As of:"), summary.today.isoformat()),
        (translate("MonthlySummary", "File:"), file_name or "—", "", ""),
    ])


def _headlines(summary: MonthlySummary) -> list[str]:
    translate = QCoreApplication.translate
    h = summary.headlines
    revenue = money(h.revenue)
    if h.previous_revenue:
        revenue = f"{revenue} ({change(h.revenue, h.previous_revenue)})"
    pairs = [
        (translate("MonthlySummary", "Revenue in the month"), revenue),
        (translate("MonthlySummary", "Same month a year earlier"), money(h.previous_revenue)),
        (translate("MonthlySummary", "Customers"), count(h.customers)),
        (translate("MonthlySummary", "New customers in the month"), count(summary.new_customers)),
        (translate("MonthlySummary", "Active buyers"), count(h.active)),
        (translate("MonthlySummary", "At risk of leaving"), count(h.at_risk)),
    ]
    if h.plan:
        pairs += [(translate("MonthlySummary", "Sales plan"), money(h.plan)),
                  (translate("MonthlySummary", "Bought against the plan"),
                   f"{money(h.plan_actual)} ({percent(h.plan_actual, h.plan)})")]
    moves = summary.tier_moves
    pairs += [
        (translate("MonthlySummary", "Receivable as of {day}").format(day=summary.today.isoformat()),
         money(h.receivable)),
        (translate("MonthlySummary", "Overdue follow-ups"), count(h.overdue_follow_ups)),
        (translate("MonthlySummary", "Open complaints"), count(h.open_complaints)),
        (translate("MonthlySummary", "Escalated complaints"), count(h.escalated_complaints)),
        (translate("MonthlySummary", "Tier moves up / down"), f"{count(moves.up)} / {count(moves.down)}"),
        (translate("MonthlySummary", "First tiers given"), count(moves.first)),
    ]
    return [heading("headlines", translate("MonthlySummary", "Headline figures")), figures(pairs)]


def _sales(summary: MonthlySummary) -> list[str]:
    translate = QCoreApplication.translate
    rows = [[m.month, count(m.orders), money(m.amount), count(m.previous_orders), money(m.previous_amount),
             change(m.amount, m.previous_amount)] for m in summary.sales.months]
    totals = []
    if len(summary.sales.months) > 1:
        orders = sum(m.orders for m in summary.sales.months)
        previous = sum(m.previous_orders for m in summary.sales.months)
        totals = [[translate("MonthlySummary", "Total"), count(orders), money(summary.sales.amount), count(previous),
                   money(summary.sales.previous_amount), change(summary.sales.amount, summary.sales.previous_amount)]]
    return [heading("sales", translate("MonthlySummary", "Sales against the same month a year earlier")), html_table(
        [Column(translate("MonthlySummary", "Month"), "14%"),
         Column(translate("MonthlySummary", "Orders"), "12%", True),
         Column(translate("MonthlySummary", "Amount"), "20%", True),
         Column(translate("MonthlySummary", "Orders a year earlier"), "17%", True),
         Column(translate("MonthlySummary", "Amount a year earlier"), "22%", True),
         Column(translate("MonthlySummary", "Change"), "15%", True)],
        rows, totals)]


def _products(summary: MonthlySummary) -> list[str]:
    translate = QCoreApplication.translate
    parts = [heading("products", translate("MonthlySummary", "Top products"))]
    mix = summary.products
    if not mix.products:
        parts.append(note(translate("MonthlySummary", "No orders in this month.")))
        return parts

    def margin(p) -> tuple[str, str]:
        if p.margin is None:
            return "—", "—"
        return money(p.margin), percent(p.margin, p.costed_amount)

    def row(rank: str, name: str, p) -> list[str | Cell]:
        return [rank, name, count(p.orders), count(p.quantity), money(p.amount), *margin(p)]

    rows = [row(str(rank), " ".join(p.product.split()), p) for rank, p in enumerate(mix.products, start=1)]
    if mix.other is not None:
        rows.append(row("", translate("MonthlySummary", "Other products"), mix.other))
    parts.append(html_table(
        [Column("#", "5%", True), Column(translate("MonthlySummary", "Product or service"), "33%"),
         Column(translate("MonthlySummary", "Orders"), "10%", True),
         Column(translate("MonthlySummary", "Quantity"), "11%", True),
         Column(translate("MonthlySummary", "Amount"), "16%", True),
         Column(translate("MonthlySummary", "Margin"), "15%", True),
         Column(translate("MonthlySummary", "Margin %"), "10%", True)],
        rows, [row("", translate("MonthlySummary", "All products"), mix.total)]))
    parts.append(note(translate(
        "MonthlySummary", "Margin: the amount less the cost, of the orders whose cost is recorded.")))
    return parts


def _contributors(summary: MonthlySummary) -> list[str]:
    translate = QCoreApplication.translate
    parts = [heading("contributors", translate("MonthlySummary", "Top customers"))]
    c = summary.contributors
    if not c.top:
        parts.append(note(translate("MonthlySummary", "No orders in this month.")))
        return parts
    rows = [[str(rank), x.code, x.name, money(x.amount), percent(x.amount, c.total), percent(x.cumulative, c.total)]
            for rank, x in enumerate(c.top, start=1)]
    parts.append(html_table(
        [Column("#", "5%", True), Column(translate("MonthlySummary", "Code"), "13%"),
         Column(translate("MonthlySummary", "Customer"), "37%"),
         Column(translate("MonthlySummary", "Amount"), "17%", True),
         Column(translate("MonthlySummary", "Share"), "12%", True),
         Column(translate("MonthlySummary", "Cumulative"), "16%", True)],
        rows, [["", "", translate("MonthlySummary", "All buyers"), money(c.total), percent(1, 1), ""]]))
    parts.append(note(translate(
        "MonthlySummary", "{buyers} customers bought; the top {pareto} of them made {percent}% of the revenue.").format(
        buyers=count(c.buyers), pareto=count(c.pareto_customers), percent=PARETO_PERCENT)))
    return parts


def _receivables(summary: MonthlySummary) -> list[str]:
    translate = QCoreApplication.translate
    r = summary.receivables
    heading_text = translate("MonthlySummary", "Receivables by age as of {day}").format(day=summary.today.isoformat())
    parts = [heading("receivables", heading_text)]
    amounts = r.buckets.as_tuple()
    rows = [[label, Cell(money(amount), color=WARN if index == 3 and amount else None),
             percent(amount, r.buckets.total), count(customers)]
            for index, (label, amount, customers) in enumerate(zip(texts.aging_labels(), amounts, r.customers))]
    parts.append(html_table(
        [Column(translate("MonthlySummary", "Age of the unpaid orders"), "34%"),
         Column(translate("MonthlySummary", "Amount"), "24%", True),
         Column(translate("MonthlySummary", "Share"), "16%", True),
         Column(translate("MonthlySummary", "Customers"), "26%", True)],
        rows, [[translate("MonthlySummary", "Receivable"), money(r.receivable), "", ""]]))
    if r.buckets.oldest_unpaid is not None:
        parts.append(note(translate("MonthlySummary", "The oldest unpaid order is dated {day}.").format(
            day=day(r.buckets.oldest_unpaid))))
    return parts


def _complaints(summary: MonthlySummary) -> list[str]:
    translate = QCoreApplication.translate
    parts = [heading("complaints", translate("MonthlySummary", "Complaints"))]
    counts = summary.complaint_counts
    received = summary.complaints_received
    rows = [[texts.enum_text(category), count(counts[category]), percent(counts[category], received)]
            for category in ComplaintCategory]
    median = summary.median_resolve_days
    average = summary.satisfaction_average
    scores = html_table(
        [Column(translate("MonthlySummary", "Satisfaction"), "40%"), *(Column(str(n), "12%", True) for n in range(1, 6))],
        [[translate("MonthlySummary", "Complaints"), *(count(n) for n in summary.complaints.satisfaction)]])
    parts.append(
        "<table width='100%' cellspacing='0' cellpadding='0'><tr><td width='48%' valign='top'>"
        + html_table([Column(translate("MonthlySummary", "Category"), "50%"),
                      Column(translate("MonthlySummary", "Received"), "25%", True),
                      Column(translate("MonthlySummary", "Share"), "25%", True)],
                     rows, [[translate("MonthlySummary", "Total"), count(received), ""]])
        + "</td><td width='4%'>&nbsp;</td><td width='48%' valign='top'>"
        + figures([
            (translate("MonthlySummary", "Resolved in the month"), count(summary.resolved)),
            (translate("MonthlySummary", "Median days to resolve"), f"{median:g}" if median is not None else "—"),
            (translate("MonthlySummary", "Average satisfaction (1–5)"),
             f"{average:.1f}" if average is not None else "—"),
            (translate("MonthlySummary", "Resolved without a score"), count(summary.complaints.unscored)),
        ], columns=1)
        + "<p style='margin-top:6px; margin-bottom:2px'>"
        + e(translate("MonthlySummary", "Satisfaction scores of those resolved (1 very dissatisfied, 5 very satisfied):"))
        + "</p>" + scores
        + "</td></tr></table>"
    )
    return parts


def _charts(charts: Charts, page_layout: QPageLayout | None) -> list[str]:
    if not charts:
        return []
    layout = page_layout or default_page_layout()
    width = content_width(layout)
    page_height = width * layout.paintRect().height() / layout.paintRect().width()
    parts = []
    for index, ((title, image), name) in enumerate(zip(charts, chart_names(charts))):
        ratio = image.devicePixelRatio() or 1.0
        w, h = image.width() / ratio, image.height() / ratio
        scale = min(1.0, width / w if w else 1.0, CHART_HEIGHT_SHARE * page_height / h if h else 1.0)
        size = f"width='{max(1, math.floor(w * scale))}' height='{max(1, math.floor(h * scale))}'"
        # Each chart with its title is a section kept on one page, the first with the heading.
        if index == 0:
            parts.append(heading("chart-0", QCoreApplication.translate("MonthlySummary", "Charts")))
            caption = f"<p style='font-weight:bold; margin-top:4px; margin-bottom:2px'>{e(title)}</p>"
        else:
            caption = (f"<p style='font-weight:bold; margin-top:8px; margin-bottom:2px'>"
                       f"<a name='{keep_anchor(f'chart-{index}')}'>{e(title)}</a></p>")
        parts.append(f"{caption}<p align='center'><img src='{e(image_url(name).toString())}' {size}/></p>")
    return parts


def monthly_summary_html(summary: MonthlySummary, charts: Charts = (), *, file_name: str | None = None,
                         page_layout: QPageLayout | None = None) -> str:
    """The summary as the HTML subset QTextDocument reads, the charts as images sized to the page.

    The images are named by ``chart_names(charts)``: the document (or a browser) showing this HTML
    must have them as resources; ``monthly_summary_document`` does that.
    """
    body = [_header(summary, file_name)]
    for section in (_headlines, _sales, _products, _contributors, _receivables, _complaints):
        body += section(summary)
    body += _charts(charts, page_layout)
    body.append(f"<p style='margin-top:14px; color:{MUTED}; font-size:8pt'>{e(_closing_note())}</p>")
    return document(body)


def _closing_note() -> str:
    return QCoreApplication.translate(
        "MonthlySummary", "Money in RMB yuan. Receivables are as of the day printed; at-risk customers and tiers "
                          "as of the last time the file was opened.")


def monthly_summary_document(summary: MonthlySummary, charts: Charts = (), *, file_name: str | None = None,
                             page_layout: QPageLayout | None = None) -> QTextDocument:
    """The summary laid out in pages of ``page_layout`` (A4 by default) with its charts."""
    html = monthly_summary_html(summary, charts, file_name=file_name, page_layout=page_layout)
    return new_document(html, title=summary_title(), images=chart_names(charts).items(), page_layout=page_layout)


def monthly_summary_footer(summary: MonthlySummary, file_name: str | None = None) -> str:
    parts = [summary_title(), str(summary.month), owner_text(summary.owner), file_name or ""]
    return " · ".join(p for p in parts if p)


def monthly_summary_file_name(summary: MonthlySummary) -> str:
    """A PDF's name: Monthly summary_2026-10.pdf (with the owner when there is one)."""
    parts = [summary_title(), str(summary.month), summary.owner or ""]
    return safe_file_name("_".join(p for p in parts if p) + ".pdf")


def save_monthly_summary_pdf(cf: CustomerFile, month: Period, today: date, path: str | Path, charts: Charts = (),
                             *, owner: str | None = None) -> Path:
    """Write the summary of ``month`` as of ``today`` as a PDF at ``path``, with ``charts``; returns the path.

    No window: a QGuiApplication is enough (under QT_QPA_PLATFORM=offscreen on a server).
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("save_monthly_summary_pdf needs a QGuiApplication (fonts and images)")
    summary = monthly_summary(cf, month, today, owner)
    file_name = Path(cf.path).name
    path = Path(path)
    save_pdf(monthly_summary_document(summary, charts, file_name=file_name), path,
             footer_left=monthly_summary_footer(summary, file_name))
    return path
