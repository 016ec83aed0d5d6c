"""Finding duplicates and merging on 100,000 customers with 1,000,000 orders (target: scan ≤ 10 s).

    .venv/bin/python benchmarks/bench_duplicates.py [--customers N] [--orders M] [--runs R]

Prints `name: value unit` lines (medians of R runs):
  duplicate_candidates  reading every live customer's keys and its contact persons' numbers (two queries)
  duplicate_index       indexing them and pairing (domain.duplicates.find_pairs, GC paused as the scan does)
  duplicate_scan        the whole scan as the dialog runs it: candidates, pairs, the shown customers' rows
  duplicates_window     opening the Find duplicates dialog: the scan, the table filled and painted (offscreen)
  duplicate_pairs       how many likely pairs the demo file has (a sanity figure, not a speed)
  merge                 merging one of the scan's pairs with the default choices (a scratch copy of the file)
  merge_biggest         merging the two customers with the most orders (one run)
  undo_merge            undoing a merge
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import data_file, median_seconds, report, size_arguments, writable_copy  # noqa: E402

from crmdesk.domain.duplicates import find_pairs  # noqa: E402
from crmdesk.services import duplicates  # noqa: E402
from crmdesk.storage import merges  # noqa: E402
from crmdesk.storage.customer_file import CustomerFile  # noqa: E402


def _index(candidates) -> list:
    was = gc.isenabled()
    gc.disable()
    try:
        return find_pairs(candidates)
    finally:
        if was:
            gc.enable()


def _open_window(cf: CustomerFile) -> None:
    """What the window's Find duplicates does: the dialog scans once on opening."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from crmdesk.ui.duplicates.duplicates_access import DuplicatesAccess
    from crmdesk.ui.duplicates.duplicates_dialog import DuplicatesDialog

    app = QApplication.instance() or QApplication([])
    dialog = DuplicatesDialog(DuplicatesAccess(cf))
    dialog.show()
    app.processEvents()
    dialog.view.viewport().repaint()
    dialog.close()
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    args = size_arguments(runs=5)
    path = data_file(args.customers, args.orders)
    with CustomerFile.open(path, read_only=True) as cf:
        candidates = merges.candidates(cf)
        report("duplicate_candidates", median_seconds(lambda: merges.candidates(cf), args.runs), "s")
        report("duplicate_index", median_seconds(lambda: _index(candidates), args.runs), "s")
        report("duplicate_scan", median_seconds(lambda: duplicates.scan(cf), args.runs), "s")
        report("duplicates_window", median_seconds(lambda: _open_window(cf), args.runs), "s")
        print(f"duplicate_pairs: {len(duplicates.scan(cf))}", flush=True)

    with writable_copy(args.customers, args.orders) as copy:
        with CustomerFile.open(copy, backup_dir=copy.parent) as cf:  # migrates the copy if it must
            pairs = duplicates.scan(cf)[: args.runs]
            merged, undone = [], []
            for row in pairs:
                took, op_id = _timed(lambda: duplicates.merge(cf, row.a.id, row.b.id, {}))
                merged.append(took)
                took, _ = _timed(lambda: duplicates.undo_merge(cf, op_id))
                undone.append(took)
            report("merge", statistics.median(merged) * 1000, "ms")
            report("undo_merge", statistics.median(undone) * 1000, "ms")
            biggest = [r[0] for r in cf.execute(
                "SELECT customer_id FROM orders GROUP BY customer_id ORDER BY count(*) DESC LIMIT 2")]
            orders = cf.execute("SELECT count(*) FROM orders WHERE customer_id IN (?, ?)", biggest).fetchone()[0]
            took, _ = _timed(lambda: duplicates.merge(cf, biggest[0], biggest[1], {}))
            report("merge_biggest", took * 1000, "ms")
            print(f"merge_biggest_orders: {orders}", flush=True)


if __name__ == "__main__":
    main()
