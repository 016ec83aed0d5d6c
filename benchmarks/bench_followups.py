"""Cadence follow-up generation on 100,000 customers with 1,000,000 orders (issue: target ≤ 3 s).

    .venv/bin/python benchmarks/bench_followups.py [--customers N] [--orders M] [--runs R]

The data file is copied once (600 MB: a fresh copy per run would take longer
than the runs) and its tiers computed, as opening it does; then:
  generate_follow_ups        the first generation on the file: everything in the window is new (one run)
  regenerate_follow_ups      generating again, as every later open does: all read and checked, nothing new
                             (median of R runs)
  regenerate_next_day        the next day's generation: what came into the horizon overnight (one run)
  follow_ups_made            how many the first generation made (a sanity figure, not a speed)
  follow_ups_made_next_day   how many the next day added
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import TODAY, median_seconds, report, size_arguments, writable_copy  # noqa: E402

from crmdesk.services.cadence import generate_follow_ups  # noqa: E402
from crmdesk.services.tiering import recompute_tiers  # noqa: E402
from crmdesk.storage.customer_file import CustomerFile  # noqa: E402


def main() -> None:
    args = size_arguments(runs=3)
    with writable_copy(args.customers, args.orders) as path:
        with CustomerFile.open(path) as cf:
            recompute_tiers(cf, TODAY)  # call-backs go by tier, as after opening the file
            start = time.perf_counter()
            made = generate_follow_ups(cf, TODAY)
            report("generate_follow_ups", time.perf_counter() - start, "s")
            report("regenerate_follow_ups", median_seconds(lambda: generate_follow_ups(cf, TODAY), args.runs), "s")
            start = time.perf_counter()
            next_day = generate_follow_ups(cf, TODAY + timedelta(days=1))
            report("regenerate_next_day", time.perf_counter() - start, "s")
            report("follow_ups_made", made, "follow-ups")
            report("follow_ups_made_next_day", next_day, "follow-ups")
            kinds = Counter(dict(cf.execute("SELECT source, count(*) FROM follow_ups GROUP BY source").fetchall()))
            print("# by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
