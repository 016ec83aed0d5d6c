"""Customer-file speed on a generated file of 100,000 customers (issue: the customer file).

    .venv/bin/python benchmarks/bench_customer_file.py [--customers N] [--runs R]

Prints `name: value unit` lines (medians):
  open_quick_check      open the file (pre-flight + quick_check), then close
  cli_search_zs         `crmdesk customers FILE --search zs`, whole process minus bare Python start-up
  python_startup        bare `python -c pass`, for reference
  insert_with_pinyin    insert N customers with their pinyin keys into a new file (generation excluded)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SEED, TODAY, data_file, median_seconds, report  # noqa: E402

from crmdesk.demo_data import generate_customers  # noqa: E402
from crmdesk.storage import customers as store  # noqa: E402
from crmdesk.storage.customer_file import CustomerFile  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--insert-runs", type=int, default=3)
    args = parser.parse_args()
    path = data_file(args.customers)
    report("file_size", path.stat().st_size / 2**20, "MiB")

    def open_and_close() -> None:
        CustomerFile.open(path).close()

    open_and_close()  # warm the page cache, as a second open of the day would be
    report("open_quick_check", median_seconds(open_and_close, args.runs), "s")

    python = [sys.executable]
    startup = median_seconds(lambda: subprocess.run([*python, "-c", "pass"], check=True), args.runs)
    search = median_seconds(
        lambda: subprocess.run(
            [*python, "-m", "crmdesk", "customers", str(path), "--search", "zs"],
            check=True, stdout=subprocess.DEVNULL,
        ),
        args.runs,
    )
    report("python_startup", startup, "s")
    report("cli_search_zs", search - startup, "s")

    customers = list(generate_customers(args.customers, SEED, today=TODAY))

    def insert_all() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            with CustomerFile.create(Path(tmp) / "bench.crmdesk") as cf:
                store.insert_customers(cf, customers)

    report("insert_with_pinyin", median_seconds(insert_all, args.insert_runs), "s")


if __name__ == "__main__":
    main()
