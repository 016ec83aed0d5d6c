"""Exports of the big demo file: the customer list to .xlsx and .csv, the ledger, vCards.

    .venv/bin/python benchmarks/bench_export.py [--customers 100000] [--orders 1000000] [--runs 3]

Prints `name: value unit` lines, each the median of --runs.  Target: the
customer list of 100,000 customers to .xlsx in 15 s or less.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import TODAY, data_file, median_seconds, report, size_arguments  # noqa: E402

from crmdesk.services import exporting  # noqa: E402
from crmdesk.services.exporting import LedgerTable  # noqa: E402
from crmdesk.storage import exports  # noqa: E402
from crmdesk.storage.customer_file import CustomerFile  # noqa: E402
from crmdesk.storage.customers import CustomerQuery, SortKey, customer_ids  # noqa: E402


def main() -> None:
    args = size_arguments(runs=3)
    path = data_file(args.customers, args.orders)
    with CustomerFile.open(path) as cf, tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        report("customer_lines_read", median_seconds(lambda: sum(1 for _ in exports.customer_lines(cf)),
                                                      args.runs), "s")
        for suffix in ("xlsx", "csv"):
            target = out / f"customers.{suffix}"
            seconds = median_seconds(
                lambda: exporting.export_customers(cf, target, chinese=True), args.runs)
            report(f"export_customers_{suffix}", seconds, "s")
            report(f"export_customers_{suffix}_size", target.stat().st_size / 2**20, "MiB")
        ids = customer_ids(cf, CustomerQuery(sort=SortKey.NAME))  # the list sorted by name: not the code order
        report("export_customers_xlsx_by_ids", median_seconds(
            lambda: exporting.export_customers(cf, out / "ids.xlsx", ids=ids, chinese=True), args.runs), "s")
        report("export_orders_csv", median_seconds(
            lambda: exporting.export_ledger(cf, out / "orders.csv", TODAY, chinese=True,
                                            tables=[LedgerTable.ORDERS]), 1), "s")
        report("export_ledger_xlsx", median_seconds(
            lambda: exporting.export_ledger(cf, out / "ledger.xlsx", TODAY, chinese=True), 1), "s")
        report("export_vcards", median_seconds(lambda: exporting.export_vcards(cf, out / "all.vcf"), 1), "s")


if __name__ == "__main__":
    main()
