"""Each customer's RFM scores and churn-model numbers as of the last recompute (read by the detail panel)."""

from __future__ import annotations

from collections.abc import Iterable
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


def scores_of(cf: CustomerFile, customer_id: int) -> CustomerScores | None:
    row = cf.execute(
        "SELECT customer_id, r, f, m, segment, p_alive, expected_purchases, expected_value, horizon_weeks "
        "FROM customer_scores WHERE customer_id = ?",
        [customer_id],
    ).fetchone()
    if row is None:
        return None
    return CustomerScores(*row[:4], Segment(row[4]) if row[4] else None, *row[5:])
