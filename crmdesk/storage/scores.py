"""Each customer's RFM scores and churn-model numbers as of the last recompute (read by the detail panel)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import NamedTuple

from crmdesk.domain.tiers import Segment
from crmdesk.storage.customer_file import CustomerFile


class CustomerScores(NamedTuple):
    customer_id: int
    r: int | None = None  # RFM: None when nothing was bought in the tier window
    f: int | None = None
    m: int | None = None
    segment: Segment | None = None
    p_alive: float | None = None  # churn model: None when it could not be fitted
    expected_purchases: float | None = None
    expected_value: int | None = None  # fen over horizon_weeks
    horizon_weeks: float | None = None


def save_scores(cf: CustomerFile, scores: Iterable[CustomerScores], today: date) -> None:
    """Replace every stored score with these (one transaction)."""
    day = today.isoformat()
    with cf.transaction():
        cf.execute("DELETE FROM customer_scores")
        cf.conn.executemany(
            "INSERT INTO customer_scores (customer_id, r, f, m, segment, p_alive, expected_purchases, "
            "expected_value, horizon_weeks, computed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (s[:4] + (s.segment.value if s.segment else None,) + s[5:] + (day,) for s in scores),
        )


def update_rfm(cf: CustomerFile, rfm: Mapping[int, tuple[int, int, int, Segment] | None], today: date) -> int:
    """Store RFM scores that differ from the stored ones (after an edit); returns how many rows changed."""
    stored = {row[0]: row[1:] for row in cf.execute("SELECT customer_id, r, f, m, segment FROM customer_scores")}
    changed = []
    for cid, score in rfm.items():
        values = (*score[:3], score[3].value) if score else (None, None, None, None)
        if stored.get(cid) != values:
            changed.append((cid, *values, today.isoformat()))
    with cf.transaction():
        cf.conn.executemany(
            "INSERT INTO customer_scores (customer_id, r, f, m, segment, computed_on) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (customer_id) DO UPDATE SET r = excluded.r, f = excluded.f, m = excluded.m, "
            "segment = excluded.segment, computed_on = excluded.computed_on",
            changed,
        )
    return len(changed)


def update_churn(cf: CustomerFile, customer_id: int, p_alive: float | None, expected_purchases: float | None,
                 expected_value: int | None, horizon_weeks: float | None, today: date) -> None:
    """One customer's churn-model numbers (None: no order to score)."""
    with cf.transaction():
        cf.execute(
            "INSERT INTO customer_scores (customer_id, p_alive, expected_purchases, expected_value, horizon_weeks, "
            "computed_on) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET "
            "p_alive = excluded.p_alive, expected_purchases = excluded.expected_purchases, "
            "expected_value = excluded.expected_value, horizon_weeks = excluded.horizon_weeks, "
            "computed_on = excluded.computed_on",
            [customer_id, p_alive, expected_purchases, expected_value, horizon_weeks, today.isoformat()],
        )


def scores_of(cf: CustomerFile, customer_id: int) -> CustomerScores | None:
    row = cf.execute(
        "SELECT customer_id, r, f, m, segment, p_alive, expected_purchases, expected_value, horizon_weeks "
        "FROM customer_scores WHERE customer_id = ?",
        [customer_id],
    ).fetchone()
    if row is None:
        return None
    return CustomerScores(*row[:4], Segment(row[4]) if row[4] else None, *row[5:])
