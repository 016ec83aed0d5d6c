"""Ledger speed on 100,000 customers with 1,000,000 orders (issue: orders and the ledger).

    .venv/bin/python benchmarks/bench_ledger.py [--customers N] [--orders M] [--runs R]

Prints `name: value unit` lines (medians):
  ledger_overview     every customer's billed, paid, receivable and aging (the overview's sums)
  ledger_window       the sums plus filling, sorting and painting the overview window (offscreen Qt)
  orders_tab          one customer's orders, payments and summary (what the orders tab loads)
  add_order           one order through the service: checks, credit check, insert, change log
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import TODAY, data_file, median_seconds, report  # noqa: E402

from crmdesk.domain.orders import Order  # noqa: E402
from crmdesk.services import ledger  # noqa: E402
from crmdesk.storage import orders as order_store  # noqa: E402
from crmdesk.storage.customer_file import CustomerFile  # noqa: E402


def _open_window(cf: CustomerFile) -> None:
    """What View -> Ledger overview does once the worker is done, plus the sums."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from crmdesk.ui.dialogs.ledger_dialog import LedgerDialog

    app = QApplication.instance() or QApplication([])
    dialog = LedgerDialog()
    dialog.set_rows(ledger.ledger(cf, TODAY), TODAY)
    dialog.show()
    app.processEvents()
    dialog.view.viewport().repaint()
    dialog.close()
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # as the event loop would


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    path = data_file(args.customers, args.orders)
    report("file_size", path.stat().st_size / 2**20, "MiB")

    with CustomerFile.open(path) as cf:
        rows = ledger.ledger(cf, TODAY)
        print(f"ledger_rows: {len(rows)}")
        report("ledger_overview", median_seconds(lambda: ledger.ledger(cf, TODAY), args.runs), "s")
        report("ledger_window", median_seconds(lambda: _open_window(cf), args.runs), "s")

        # Customers with the most orders make the slowest tabs: take a sample across sizes.
        counts = cf.execute(
            "SELECT customer_id, count(*) FROM orders GROUP BY customer_id ORDER BY 2 DESC"
        ).fetchall()
        sample = [counts[0][0]] + [cid for cid, _ in random.Random(1).sample(counts, 20)]

        def load_tab(cid: int) -> None:
            order_store.orders_of(cf, cid)
            order_store.payments_of(cf, cid)
            ledger.customer_summary(cf, cid, TODAY)

        per_customer = [median_seconds(lambda c=c: load_tab(c), args.runs) for c in sample]
        report("orders_tab", statistics.median(per_customer) * 1000, "ms")
        report(f"orders_tab_largest_{counts[0][1]}_orders", per_customer[0] * 1000, "ms")

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.crmdesk"
        shutil.copy(path, copy)
        with CustomerFile.open(copy) as cf:
            times = []
            for i, (cid, _) in enumerate(counts[:args.runs * 3]):
                order = Order(customer_id=cid, order_date=TODAY, product="零担 上海→成都", quantity=1,
                              amount=10_000 + i)
                start = time.perf_counter()
                result = ledger.save_order(cf, order, TODAY, over_limit_confirmed=True)
                times.append(time.perf_counter() - start)
                assert result.order is not None, result
            report("add_order", statistics.median(times) * 1000, "ms")


if __name__ == "__main__":
    main()
