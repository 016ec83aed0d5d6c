"""Cross-selling suggestions on 100,000 customers with 1,000,000 orders.

    .venv/bin/python benchmarks/bench_suggest.py [--customers N] [--orders M] [--runs R]

The data file is copied once and its tiers computed, as opening it does (a
tier is one of the features); then, medians of R runs:
  suggest_profiles          reading every live customer's profile (storage: two queries, the orders scanned)
  suggest_index             indexing them by product (domain.cross_sell.CrossSell)
  suggest_load              both: what a window pays once per file (services.suggestions.load_cross_sell)
  suggest_top_product       the customers for the most bought product, top 100 (every candidate scored)
  suggest_top_product_all   the same, the whole ranked list with every reason (no limit)
  suggest_small_product     the customers for a product with about 10 buyers, top 100
  suggest_customer_first    a customer's products, top 10, on a fresh index (builds the per-product counts)
  suggest_customer          a customer's products, top 10, once the counts are built (median over R*20 customers)
  suggest_cli               `crmdesk suggest FILE --product P --json` in this process (load, rank 20, print)
  suggestions_window        the Cross-selling dialog opened on a loaded index with a product chosen, painted
  suggest_products          how many distinct products the file has (a sanity figure, not a speed)
  suggest_matched           candidates with a score above 0 for the most bought product (a sanity figure)
"""

from __future__ import annotations

import contextlib
import io
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import TODAY, median_seconds, report, size_arguments, writable_copy  # noqa: E402

from crmdesk.domain.cross_sell import CrossSell  # noqa: E402
from crmdesk.services.suggestions import load_cross_sell  # noqa: E402
from crmdesk.services.tiering import recompute_tiers  # noqa: E402
from crmdesk.storage.customer_file import CustomerFile  # noqa: E402
from crmdesk.storage.suggestions import customer_profiles  # noqa: E402


def _open_window(cf: CustomerFile, cross_sell: CrossSell, product: str) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from crmdesk.ui.suggestions.suggestions_access import SuggestionsAccess
    from crmdesk.ui.suggestions.suggestions_dialog import SuggestionsDialog

    app = QApplication.instance() or QApplication([])
    dialog = SuggestionsDialog(SuggestionsAccess(cf, TODAY, cross_sell=cross_sell), product=product)
    dialog.show()
    app.processEvents()
    dialog.view.viewport().repaint()
    dialog.close()
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _cli(path: Path, product: str) -> None:
    from crmdesk.cli import main

    with contextlib.redirect_stdout(io.StringIO()):
        main(["suggest", str(path), "--product", product, "--json"])


def main() -> None:
    args = size_arguments(runs=5)
    with writable_copy(args.customers, args.orders) as path:
        with CustomerFile.open(path) as cf:
            recompute_tiers(cf, TODAY)
        with CustomerFile.open(path, read_only=True) as cf:
            report("suggest_profiles", median_seconds(lambda: customer_profiles(cf), args.runs), "s")
            profiles = customer_profiles(cf)
            report("suggest_index", median_seconds(lambda: CrossSell(profiles), args.runs), "s")
            report("suggest_load", median_seconds(lambda: load_cross_sell(cf), args.runs), "s")
            cross_sell = CrossSell(profiles)
            products = cross_sell.products()
            top = products[0][0]
            small = min(products, key=lambda pb: (abs(pb[1] - 10), pb[0]))[0]
            report("suggest_top_product", median_seconds(lambda: cross_sell.customers_for(top, 100), args.runs), "s")
            report("suggest_top_product_all", median_seconds(lambda: cross_sell.customers_for(top), args.runs), "s")
            report("suggest_small_product",
                   median_seconds(lambda: cross_sell.customers_for(small, 100), args.runs), "s")
            ids = [p.id for p in profiles if p.products][:: max(1, len(profiles) // (args.runs * 20))]
            report("suggest_customer_first",
                   median_seconds(lambda: CrossSell(profiles).products_for(ids[0], 10), args.runs), "s")
            cross_sell.products_for(ids[0], 10)
            took = []
            for cid in ids[: args.runs * 20]:
                start = time.perf_counter()
                cross_sell.products_for(cid, 10)
                took.append(time.perf_counter() - start)
            report("suggest_customer", statistics.median(took) * 1000, "ms")
            report("suggest_cli", median_seconds(lambda: _cli(path, top), args.runs), "s")
            report("suggestions_window", median_seconds(lambda: _open_window(cf, cross_sell, top), args.runs), "s")
            print(f"suggest_products: {len(products)} products", flush=True)
            print(f"suggest_matched: {cross_sell.customers_for(top, 1).matched} customers", flush=True)


if __name__ == "__main__":
    main()
