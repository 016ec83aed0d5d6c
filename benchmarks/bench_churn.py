"""Tiers and the churn model on 100,000 customers with 1,000,000 orders, and `lifetimes` beside it.

    .venv/bin/python benchmarks/bench_churn.py [--customers N] [--orders M] [--runs R]

With lifetimes (never a crmdesk dependency: a venv of its own, see benchmarks/lifetimes-env):

    bash benchmarks/lifetimes-env
    benchmarks/.venv-lifetimes/bin/python benchmarks/bench_churn.py

Prints `name: value unit` lines (medians of R runs, all in one process on the same arrays):
  tiers                 services.tiering.compute_tiers: every customer's ABC tier and RFM score
  bgnbd_fit             domain.churn.fit_bgnbd on the frequency/recency/T arrays (one per buyer)
  gamma_gamma_fit       domain.churn.fit_gamma_gamma on the frequency/monetary arrays
  churn_service         services.churn.fit_churn: reading the orders, both fits, p_alive, values
  lifetimes_bgnbd_fit   lifetimes' BetaGeoFitter().fit on the same frequency/recency/T arrays
  lifetimes_bgnbd_ratio lifetimes_bgnbd_fit / bgnbd_fit (above 1: crmdesk's fit is faster)
  lifetimes_gamma_gamma_fit, lifetimes_gamma_gamma_ratio: the same for GammaGammaFitter
Without lifetimes the last lines say it was skipped.  The fitted parameters of both are
printed too, so a fast fit that lands elsewhere would show.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import TODAY, data_file, median_seconds, report  # noqa: E402

from crmdesk.domain import churn  # noqa: E402
from crmdesk.services.churn import fit_churn  # noqa: E402
from crmdesk.services.tiering import compute_tiers  # noqa: E402
from crmdesk.storage.customer_file import CustomerFile  # noqa: E402


def _rfm(cf: CustomerFile):
    """frequency, recency, T, monetary per buyer, as the service computes them (not timed)."""
    rows = cf.execute(
        "SELECT customer_id, order_date, amount FROM orders WHERE deleted_at IS NULL AND order_date <= ?",
        [TODAY.isoformat()],
    )
    days: dict[str, date] = {}
    summary = churn.summary_data(
        ((cid, days.get(d) or days.setdefault(d, date.fromisoformat(d)), amount) for cid, d, amount in rows),
        TODAY,
    )
    _keys, freq, recency, T, monetary = churn.rfm_arrays(summary)
    return freq, recency, T, monetary


def _timed(fn, runs: int):
    """Median seconds of ``runs`` calls and the last call's result."""
    result = None

    def call():
        nonlocal result
        result = fn()

    return median_seconds(call, runs), result


def _lifetimes(freq, recency, T, monetary, runs: int, ours: dict[str, float]) -> None:
    try:
        import lifetimes
    except ImportError:
        print("lifetimes: skipped, not importable here (bash benchmarks/lifetimes-env, then run this "
              "with benchmarks/.venv-lifetimes/bin/python)", flush=True)
        return
    print(f"lifetimes_version: {lifetimes.__version__}", flush=True)
    repeat = (freq > 0) & (monetary > 0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lifetimes' own deprecation noise under pandas 2
        seconds, fitter = _timed(lambda: lifetimes.BetaGeoFitter().fit(freq, recency, T), runs)
        p = fitter.params_
        print(f"lifetimes_bgnbd: r={p['r']:.4f} alpha={p['alpha']:.4f} a={p['a']:.4f} b={p['b']:.4f}")
        report("lifetimes_bgnbd_fit", seconds, "s")
        report("lifetimes_bgnbd_ratio", seconds / ours["bgnbd"], "x")
        seconds, fitter = _timed(
            lambda: lifetimes.GammaGammaFitter().fit(freq[repeat], monetary[repeat]), runs)
        p = fitter.params_
        print(f"lifetimes_gamma_gamma: p={p['p']:.4f} q={p['q']:.4f} gamma={p['v']:.4f}")
        report("lifetimes_gamma_gamma_fit", seconds, "s")
        report("lifetimes_gamma_gamma_ratio", seconds / ours["gamma_gamma"], "x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = data_file(args.customers, args.orders)
    print(f"python: {sys.version.split()[0]} ({sys.prefix})", flush=True)

    with CustomerFile.open(path) as cf:
        report("tiers", median_seconds(lambda: compute_tiers(cf, TODAY), args.runs), "s")
        start = time.perf_counter()
        freq, recency, T, monetary = _rfm(cf)
        print(f"rfm_arrays: {len(freq)} buyers, {int((freq > 0).sum())} repeat buyers "
              f"({time.perf_counter() - start:.1f} s to read, not timed below)", flush=True)
        ours = {}
        ours["bgnbd"], bg = _timed(lambda: churn.fit_bgnbd(freq, recency, T), args.runs)
        print(f"bgnbd: r={bg.r:.4f} alpha={bg.alpha:.4f} a={bg.a:.4f} b={bg.b:.4f}")
        report("bgnbd_fit", ours["bgnbd"], "s")
        ours["gamma_gamma"], gg = _timed(lambda: churn.fit_gamma_gamma(freq, monetary), args.runs)
        print(f"gamma_gamma: p={gg.p:.4f} q={gg.q:.4f} gamma={gg.v:.4f}")
        report("gamma_gamma_fit", ours["gamma_gamma"], "s")
        report("churn_service", median_seconds(lambda: fit_churn(cf, TODAY), args.runs), "s")
    _lifetimes(freq, recency, T, monetary, args.runs, ours)


if __name__ == "__main__":
    main()
