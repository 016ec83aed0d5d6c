"""The sales pipeline and campaigns on 100,000 customers with 1,000,000 orders and 10,000 opportunities.

    .venv/bin/python benchmarks/bench_pipeline.py [--customers N] [--orders M] [--runs R]

Prints `name: value unit` lines (medians of R runs):
  opportunities_added  the demo's opportunities replayed through the pipeline service (one run; setup)
  pipeline_totals      per stage: count, amount, weighted amount (services.pipeline.totals)
  sales_funnel         reach, conversion and days per stage over every stage stay
  board_cards          every opportunity with its customer's code and name
  pipeline_window      the pipeline window built, filled and painted (offscreen)
  move_opportunity     one move to the next stage: the update, its stay and change-log lines
  alert_scan           the whole alert scan with the opportunities' large/stuck rules
  campaign_results     every campaign's attributed revenue, margin and ROI (two campaigns, 20,000 targets)
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SEED, TODAY, median_seconds, report, size_arguments, writable_copy  # noqa: E402

from crmdesk.domain.campaigns import Campaign, CampaignChannel, TargetFilter  # noqa: E402
from crmdesk.domain.tiers import Tier  # noqa: E402
from crmdesk.services import campaigns, pipeline  # noqa: E402
from crmdesk.services.alerts import compute_alerts  # noqa: E402
from crmdesk.services.demo import write_opportunities  # noqa: E402
from crmdesk.services.tiering import recompute_tiers  # noqa: E402
from crmdesk.storage import file_settings  # noqa: E402
from crmdesk.storage import opportunities as store  # noqa: E402
from crmdesk.storage.customer_file import CustomerFile  # noqa: E402

OPPORTUNITIES = 10_000


def _window(cf: CustomerFile) -> None:
    from PySide6.QtWidgets import QApplication

    from crmdesk.ui.pipeline.pipeline_access import PipelineAccess
    from crmdesk.ui.pipeline.pipeline_board import PipelineWindow

    app = QApplication.instance() or QApplication([])
    window = PipelineWindow(PipelineAccess(cf, TODAY))
    window.resize(1500, 900)
    window.show()
    app.processEvents()
    window.repaint()
    window.close()
    window.deleteLater()
    app.processEvents()


def main() -> None:
    args = size_arguments(runs=5)
    with writable_copy(args.customers, args.orders) as path, CustomerFile.open(path) as cf:
        recompute_tiers(cf, TODAY)
        report("opportunities_added", median_seconds(lambda: write_opportunities(cf, SEED, TODAY, OPPORTUNITIES), 1),
               "s")
        for name, tiers in (("A and B", (Tier.A, Tier.B)), ("C", (Tier.C,))):
            campaign = campaigns.create_from_filter(cf, Campaign(name, CampaignChannel.SMS, date(2026, 9, 1),
                                                                 date(2026, 9, 10), cost=100_000),
                                                    TargetFilter(tiers=tiers))
            ids = [row.customer_id for row in campaigns.campaign_targets(cf, campaign.id, TODAY)]
            campaigns.mark_all_reached(cf, campaign, ids[::2], campaign.start_date, TODAY)
        report("pipeline_totals", median_seconds(lambda: pipeline.totals(cf), args.runs), "s")
        report("sales_funnel", median_seconds(lambda: pipeline.sales_funnel(cf), args.runs), "s")
        report("board_cards", median_seconds(lambda: store.board_cards(cf), args.runs), "s")
        report("pipeline_window", median_seconds(lambda: _window(cf), args.runs), "s")
        cards = [c.opportunity for c in store.board_cards(cf) if c.opportunity.stage == "initial"]

        def move() -> None:
            opp = cards.pop()
            pipeline.move(cf, opp, "needs", TODAY)

        report("move_opportunity", median_seconds(move, args.runs) * 1000, "ms")
        rules = file_settings.alert_rules(cf)
        report("alert_scan", median_seconds(lambda: compute_alerts(cf, TODAY, rules), max(1, args.runs // 2)), "s")
        report("campaign_results", median_seconds(lambda: campaigns.campaign_results(cf, TODAY), args.runs), "s")
        report("opportunities", len(store.board_cards(cf)), "")


if __name__ == "__main__":
    main()
