"""Main-window speed on a generated file of 100,000 customers (issue: the main window).

    .venv/bin/python benchmarks/bench_main_window.py [--customers N] [--runs R]

Prints `name: value unit` lines (medians):
  start_to_first_paint  process start to the first painted, filled list (offscreen Qt)
  search_query          one search-as-you-type query (ids for the typed text), per query
  sort_column           re-sorting all customers by a column (ids in SQL order), per column
  pages_per_scroll      page queries while scrolling the window's list top to bottom, per page
  resident_memory       the window's peak RSS after opening and scrolling through the whole list
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the window in first_paint.py

from common import data_file, median_seconds, report  # noqa: E402

QUERIES = ["z", "zh", "zha", "zhang", "zs", "wang", "138", "物流", "李", "kh0012"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    path = data_file(args.customers)

    here = Path(__file__).resolve().parent
    paints, mpl, pages, memory = [], set(), [], []
    for _ in range(args.runs):
        out = subprocess.run(
            [sys.executable, str(here / "first_paint.py"), str(path)],
            check=True, capture_output=True, text=True,
        ).stdout
        values = dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)
        paints.append(float(values["first_paint"].split()[0]))
        mpl.add(values["matplotlib_imported"])
        pages.append(float(values["pages_per_scroll"].split()[0]))
        memory.append(float(values["resident_memory"].split()[0]))
    report("start_to_first_paint", statistics.median(paints), "s")
    report("pages_per_scroll", max(pages), "queries/page")
    report("resident_memory", statistics.median(memory), "MiB")
    print(f"matplotlib_at_start: {'yes' if '1' in mpl else 'no'}")

    from crmdesk.storage import customers as store
    from crmdesk.storage.customer_file import CustomerFile
    from crmdesk.storage.customers import CustomerQuery, SortKey

    cf = CustomerFile.open(path)
    per_query = [
        median_seconds(lambda q=q: store.customer_ids(cf, CustomerQuery(text=q)), args.runs)
        for q in QUERIES
    ]
    report("search_query", statistics.median(per_query) * 1000, "ms")
    report("search_query_slowest", max(per_query) * 1000, "ms")
    per_sort = {
        key: median_seconds(lambda k=key: store.customer_ids(cf, CustomerQuery(sort=k)), args.runs)
        for key in (SortKey.CODE, SortKey.NAME, SortKey.KIND, SortKey.PHONE, SortKey.CITY, SortKey.OWNER)
    }
    report("sort_column", statistics.median(per_sort.values()) * 1000, "ms")
    slowest = max(per_sort, key=per_sort.get)
    report(f"sort_column_slowest_{slowest.value}", per_sort[slowest] * 1000, "ms")
    cf.close()


if __name__ == "__main__":
    main()
