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

from common import SEED, TODAY, median_seconds, report, size_arguments, writable_copy  # noqa: E402

from crmdesk.demo_data.complaints import DemoCustomer, generate_complaints  # noqa: E402
from crmdesk.domain.complaints import StepKind  # noqa: E402
from crmdesk.domain.dates import add_years_clamped  # noqa: E402
from crmdesk.services import complaints as complaint_service  # noqa: E402
from crmdesk.services import reports  # noqa: E402
from crmdesk.services.analysis import analyse  # noqa: E402
from crmdesk.storage import followups as follow_up_store  # noqa: E402
from crmdesk.storage import reports as report_store  # noqa: E402
from crmdesk.storage.customer_file import CustomerFile  # noqa: E402

COMPLAINTS = 3_000


def _add_complaints(cf: CustomerFile, count: int) -> int:
    """The demo's complaints, ``count`` of them, replayed through the service (resolved, reopened, scored)."""
    customers = [DemoCustomer(c.id, c.owner, c.tier) for c in follow_up_store.cadence_customers(cf)]
    stored = 0
    with cf.transaction():
        for demo in generate_complaints(customers, SEED, TODAY, count=count):
            done = complaint_service.record_complaint(cf, demo.complaint, today=TODAY)
            for event in demo.events:
                if done.errors:
                    break
                if event.kind is StepKind.RESOLVED:
                    done = complaint_service.resolve(cf, done.complaint, on=event.step_date, outcome=event.text,
                                                     satisfaction=event.satisfaction, retained=event.retained)
                elif event.kind is StepKind.REOPENED:
                    done = complaint_service.reopen(cf, done.complaint, on=event.step_date, reason=event.text)
                else:
                    done = complaint_service.add_step(cf, done.complaint, event)
            stored += done.complaint is not None
    return stored


def main() -> None:
    args = size_arguments(runs=5)
    with writable_copy(args.customers, args.orders) as path:
        with CustomerFile.open(path) as cf:
            analyse(cf, TODAY)
            print(f"complaints: {_add_complaints(cf, COMPLAINTS)}")
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
