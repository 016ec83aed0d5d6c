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


@contextmanager
def analysed_copy(customers: int, orders: int, complaints: int = 3_000) -> Iterator[tuple[Path, int]]:
    """A scratch copy opened and analysed as the window would (tiers, scores, cadence
    follow-ups), with ``complaints`` demo complaints: the charts need all of it."""
    from crmdesk.services.analysis import analyse
    from crmdesk.storage.customer_file import CustomerFile

    with writable_copy(customers, orders) as path:
        with CustomerFile.open(path) as cf:
            analyse(cf, TODAY)
            stored = add_demo_complaints(cf, complaints)
        yield path, stored


def add_demo_complaints(cf, count: int) -> int:
    """The demo's complaints, ``count`` of them, replayed through the service (resolved, reopened, scored)."""
    from crmdesk.demo_data.complaints import DemoCustomer, generate_complaints
    from crmdesk.domain.complaints import StepKind
    from crmdesk.services import complaints as complaint_service
    from crmdesk.storage import followups as follow_up_store

    customers = [DemoCustomer(c.id, c.owner, c.tier) for c in follow_up_store.cadence_customers(cf)]
    stored = 0
    with cf.transaction():
        for demo in generate_complaints(customers, SEED, TODAY, count=count):
            done = complaint_service.record_complaint(cf, demo.complaint, today=TODAY)
            for event in demo.events:
                if done.errors:
                    break
                if event.kind is StepKind.RESOLVED:
                    done = complaint_service.resolve(cf, done.complaint, on=event.step_date, outcome=event.text,
                                                     satisfaction=event.satisfaction, retained=event.retained)
                elif event.kind is StepKind.REOPENED:
                    done = complaint_service.reopen(cf, done.complaint, on=event.step_date, reason=event.text)
                else:
                    done = complaint_service.add_step(cf, done.complaint, event)
            stored += done.complaint is not None
    return stored


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
