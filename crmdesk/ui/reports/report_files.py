"""`crmdesk report`: the monthly summary as a PDF and every chart as a PNG, in one folder.

For people who send the figures on (a boss, an accountant): the files are
written without a window, under QT_QPA_PLATFORM=offscreen on a server.
The charts cover the twelve months up to the summary month's end, so a
monthly chart has a year of bars; the summary itself is the month.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtGui import QImage

from crmdesk.domain.orders import Period
from crmdesk.services.reports import Scope
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.ui.charts.catalog import CHARTS
from crmdesk.ui.charts.chart_canvas import render_png
from crmdesk.ui.reports.monthly_summary import save_monthly_summary_pdf


def chart_scope(month: Period, owner: str | None = None) -> Scope:
    """The twelve months that end with ``month``."""
    year, number = (month.year, month.number - 11) if month.number == 12 else (month.year - 1, month.number + 1)
    return Scope(date(year, number, 1), month.last_day, owner)


def summary_file_name(month: Period) -> str:
    return f"monthly-summary-{month}.pdf"


def chart_pngs(cf: CustomerFile, today: date, month: Period, owner: str | None = None,
               progress: Callable[[str], None] = lambda _key: None) -> list[tuple[str, bytes]]:
    """(key, PNG) of every chart over the twelve months up to ``month``'s end."""
    scope = chart_scope(month, owner)
    pngs = []
    for spec in CHARTS:
        pngs.append((spec.key, render_png(spec.drawer(spec.fetch(cf, scope, today)))))
        progress(spec.key)
    return pngs


def _titled_images(pngs: list[tuple[str, bytes]]) -> list[tuple[str, QImage]]:
    titles = {spec.key: spec.title for spec in CHARTS}
    return [(titles[key], QImage.fromData(png, "PNG")) for key, png in pngs]


def chart_images(cf: CustomerFile, today: date, month: Period, owner: str | None = None) -> list[tuple[str, QImage]]:
    """The charts as the monthly summary embeds them: (title, picture)."""
    return _titled_images(chart_pngs(cf, today, month, owner))


def write_report(cf: CustomerFile, today: date, out: Path, month: Period, owner: str | None = None) -> list[Path]:
    """Every chart as KEY.png, then the summary PDF with those charts in it; the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    pngs = chart_pngs(cf, today, month, owner)
    written: list[Path] = []
    for key, png in pngs:
        path = out / f"{key}.png"
        path.write_bytes(png)
        written.append(path)
    pdf = out / summary_file_name(month)
    save_monthly_summary_pdf(cf, month, today, pdf, charts=_titled_images(pngs), owner=owner)
    written.append(pdf)
    return written
