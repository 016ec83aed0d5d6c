"""Shared helpers for the benchmark scripts: seeded data files and medians."""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data"
TODAY = date(2026, 11, 23)
SEED = 1
# Part of the data files' names: bump it when the demo generator changes, so that no
# benchmark runs on a file made by an older one (v2: BG/NBD purchase timing, Gamma-Gamma spend).
DATA_VERSION = 2


def size_arguments(runs: int) -> argparse.Namespace:
    """--customers, --orders and --runs, defaulting to the big file: 100,000 customers, 1,000,000 orders."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=runs)
    return parser.parse_args()


@contextmanager
def writable_copy(customers: int, orders: int) -> Iterator[Path]:
    """A scratch copy of the data file, for benchmarks that write: the shared one stays as generated."""
    source = data_file(customers, orders)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / source.name
        shutil.copy(source, path)
        yield path


def data_file(customers: int, orders: int = 0) -> Path:
    """A generated demo file of ``customers`` customers (and orders), made once and reused."""
    from crmdesk.services.demo import write_demo_file

    DATA.mkdir(exist_ok=True)
    path = DATA / f"demo-{customers}-{orders}-seed{SEED}-v{DATA_VERSION}.crmdesk"
    if not path.exists():
        print(f"# generating {path.name} ...", file=sys.stderr)
        write_demo_file(path, customers=customers, seed=SEED, today=TODAY, orders=orders)
    return path


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        del result  # freeing what a run made is not part of its time
    return statistics.median(times)


def report(name: str, value: float, unit: str) -> None:
    print(f"{name}: {value:.3f} {unit}", flush=True)
