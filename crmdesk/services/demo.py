"""Writing a reproducible demo customer file (also the benchmarks' data)."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from datetime import date, datetime, time, timezone
from pathlib import Path

from crmdesk.demo_data import generate_customers
from crmdesk.services.files import new_file
from crmdesk.storage import customers as customer_store
from crmdesk.storage.ids import uid_factory


def write_demo_file(
    out: str | os.PathLike,
    *,
    customers: int,
    seed: int,
    today: date,
    progress: Callable[[int], None] | None = None,
) -> Path:
    """Same ``customers``/``seed``/``today`` give the same content, every time."""
    moment = datetime.combine(today, time(9, 0), tzinfo=timezone.utc)
    clock = lambda: moment  # noqa: E731 - a fixed instant keeps the file reproducible
    uids = uid_factory(clock, random.Random(f"uids-{seed}"))
    cf = new_file(out, clock=clock, new_uid=uids, actor="demo")
    try:
        customer_store.insert_customers(
            cf, generate_customers(customers, seed, today=today), progress=progress
        )
    finally:
        cf.close()
    return cf.path
