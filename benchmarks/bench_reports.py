"""Chart data and dashboard figures on 100,000 customers with 1,000,000 orders (issue: charts and reports).

    .venv/bin/python benchmarks/bench_reports.py [--customers N] [--orders M] [--runs R]

Works on a scratch copy of the data file, opened (migrated) and analysed as
the window would (tiers, RFM and churn scores, cadence follow-ups), with
demo complaints added.  The scope is the year ending on TODAY.

Prints `name: value unit` lines (medians):
  headlines                 the dashboard's figures, everyone's
  tier_mix ... customer_spread   each chart's data, everyone's (receivable_aging: as of TODAY; rfm_map: as stored)
  <name>_owner              the same for the owner with the most customers
  complaints, customers_of_owner   what the file holds (sanity figures, not speeds)
"""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import TODAY, analysed_copy, median_seconds, report, size_arguments  # noqa: E402

from crmdesk.domain.dates import add_years_clamped  # noqa: E402
from crmdesk.services import reports  # noqa: E402
from crmdesk.storage import reports as report_store  # noqa: E402
from crmdesk.storage.customer_file import CustomerFile  # noqa: E402

def main() -> None:
    args = size_arguments(runs=5)
    with analysed_copy(args.customers, args.orders) as (path, complaints):
        with CustomerFile.open(path) as cf:
            print(f"complaints: {complaints}")
            owner = max(reports.owners(cf), key=lambda name: report_store.customer_count(cf, name))
            print(f"customers_of_owner: {report_store.customer_count(cf, owner)}")
            first = add_years_clamped(TODAY, -1) + timedelta(days=1)  # a year: 2025-11-24 .. 2026-11-23
            for suffix, scope in (("", reports.Scope(first, TODAY)), ("_owner", reports.Scope(first, TODAY, owner))):
                charts = {
                    "headlines": lambda s=scope: reports.headlines(cf, s, TODAY),
                    "tier_mix": lambda s=scope: reports.tier_mix(cf, s),
                    "monthly_sales": lambda s=scope: reports.monthly_sales(cf, s),
                    "product_mix": lambda s=scope: reports.product_mix(cf, s),
                    "contribution": lambda s=scope: reports.contribution(cf, s),
                    "receivable_aging": lambda s=scope: reports.receivable_aging(cf, TODAY, s.owner),
                    "rfm_map": lambda s=scope: reports.rfm_map(cf, s.owner),
                    "complaint_stats": lambda s=scope: reports.complaint_stats(cf, s),
                    "customer_spread": lambda s=scope: reports.customer_spread(cf, s),
                }
                for name, fetch in charts.items():
                    report(name + suffix, median_seconds(fetch, args.runs), "s")


if __name__ == "__main__":
    main()
