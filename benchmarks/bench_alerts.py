"""Alert speed on 100,000 customers with 1,000,000 orders (issue: tiers, churn and the alert panel).

    .venv/bin/python benchmarks/bench_alerts.py [--customers N] [--orders M] [--runs R]

Prints `name: value unit` lines (medians):
  alerts_all        every alert of every customer as opening a file computes them: the purchase days,
                    read once for the churn fit, and the churn scores given; the rest from the file
  alerts_from_file  the same with the purchase days read too, as `crmdesk alerts` does
  alerts_one        one customer's alerts, as recomputed after an edit
  analysis_on_open  what opening a file recomputes: tiers, the churn fit and every alert
  alert_count       how many alerts the file has (a sanity figure, not a speed)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import TODAY, median_seconds, report, size_arguments, writable_copy  # noqa: E402

from crmdesk.services.alerts import churn_scores, compute_alerts  # noqa: E402
from crmdesk.services.analysis import analyse  # noqa: E402
from crmdesk.storage.customer_file import CustomerFile  # noqa: E402
from crmdesk.storage.orders import purchase_days  # noqa: E402


def main() -> None:
    args = size_arguments(runs=5)
    with writable_copy(args.customers, args.orders) as path:
        with CustomerFile.open(path) as cf:
            scores = churn_scores(cf, TODAY)
            p_alive = scores if isinstance(scores, dict) else None
            if p_alive is None:
                print(f"# churn model not fitted ({scores}): churn-score alerts left out", file=sys.stderr)
            purchases = purchase_days(cf, TODAY)
            rows = compute_alerts(cf, TODAY, p_alive=p_alive, purchases=purchases)
            report("alerts_all", median_seconds(
                lambda: compute_alerts(cf, TODAY, p_alive=p_alive, purchases=purchases), args.runs), "s")
            report("alerts_from_file", median_seconds(lambda: compute_alerts(cf, TODAY, p_alive=p_alive), args.runs), "s")
            some = rows[len(rows) // 2].alert.customer_id
            report("alerts_one", 1000 * median_seconds(
                lambda: compute_alerts(cf, TODAY, p_alive=p_alive, customer_id=some), args.runs * 4), "ms")
            report("analysis_on_open", median_seconds(lambda: analyse(cf, TODAY), max(1, args.runs // 2)), "s")
            report("alert_count", len(rows), "alerts")


if __name__ == "__main__":
    main()
