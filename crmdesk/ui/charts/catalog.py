"""Every chart in one list: its key (the PNG's file name), title, data and drawing.

The analysis view shows them in this order, and `crmdesk report` writes each
one as KEY.png.  ``fetch`` reads the data for a scope as of today; ``draw``
puts it on a Figure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from matplotlib.figure import Figure
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crmdesk.services import pipeline, reports
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.ui.charts import drawings
from crmdesk.ui.charts.chart_canvas import Hover


@dataclass(frozen=True)
class ChartSpec:
    key: str
    title_source: str  # QT_TRANSLATE_NOOP("Charts", ...)
    fetch: Callable[[CustomerFile, reports.Scope, date], object]
    draw: Callable[..., Sequence[Hover]]  # (figure, data) -> hovers
    uses_period: bool = True  # False: as of today (receivables) or of the last open (RFM)

    @property
    def title(self) -> str:
        return QCoreApplication.translate(drawings.CONTEXT, self.title_source)

    def drawer(self, data: object, **options) -> Callable[[Figure], Sequence[Hover]]:
        return partial(self.draw, data=data, **options)


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("tiers", QT_TRANSLATE_NOOP("Charts", "Tiers and revenue share"),
              lambda cf, scope, _today: reports.tier_mix(cf, scope), drawings.draw_tiers),
    ChartSpec("monthly_sales", QT_TRANSLATE_NOOP("Charts", "Sales per month"),
              lambda cf, scope, _today: reports.monthly_sales(cf, scope), drawings.draw_monthly_sales),
    ChartSpec("products", QT_TRANSLATE_NOOP("Charts", "Products and margin"),
              lambda cf, scope, _today: reports.product_mix(cf, scope), drawings.draw_products),
    ChartSpec("contribution", QT_TRANSLATE_NOOP("Charts", "Customer contribution"),
              lambda cf, scope, _today: reports.contribution(cf, scope), drawings.draw_contribution),
    ChartSpec("receivables", QT_TRANSLATE_NOOP("Charts", "Receivables by age"),
              lambda cf, scope, today: reports.receivable_aging(cf, today, scope.owner), drawings.draw_aging,
              uses_period=False),
    ChartSpec("rfm", QT_TRANSLATE_NOOP("Charts", "RFM segments"),
              lambda cf, scope, _today: reports.rfm_map(cf, scope.owner), drawings.draw_rfm, uses_period=False),
    ChartSpec("complaints", QT_TRANSLATE_NOOP("Charts", "Complaints"),
              lambda cf, scope, _today: reports.complaint_stats(cf, scope), drawings.draw_complaints),
    ChartSpec("regions", QT_TRANSLATE_NOOP("Charts", "Regions and sources"),
              lambda cf, scope, _today: reports.customer_spread(cf, scope), drawings.draw_spread),
    # Every opportunity so far (the owner: the opportunity's own), not one period's.
    ChartSpec("funnel", QT_TRANSLATE_NOOP("Charts", "Sales funnel"),
              lambda cf, scope, _today: pipeline.sales_funnel(cf, scope.owner), drawings.draw_funnel,
              uses_period=False),
)


def chart(key: str) -> ChartSpec:
    return next(spec for spec in CHARTS if spec.key == key)
