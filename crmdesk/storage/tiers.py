"""The customers' current tiers and the history of their changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from crmdesk.domain.tiers import Tier, TierResult
from crmdesk.storage.customer_file import CustomerFile


def save_tiers(cf: CustomerFile, results: Mapping[int, TierResult], today: date) -> int:
    """Store the tiers computed for ``today``; append a history row for each change.

    Returns how many customers changed tier (a first tier counts as a change).
    """
    with cf.transaction():
        current = dict(cf.execute("SELECT customer_id, tier FROM customer_tiers").fetchall())
        day = today.isoformat()
        changed = [
            (cid, day, r.tier.value, current.get(cid), r.total, r.rank, r.n)
            for cid, r in results.items()
            if current.get(cid) != r.tier.value
        ]
        cf.conn.executemany(
            "INSERT INTO tier_history (customer_id, since, tier, previous, total, rank, n) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            changed,
        )
        cf.conn.executemany(
            "INSERT INTO customer_tiers (customer_id, tier, total, rank, n, computed_on) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET tier = excluded.tier, "
            "total = excluded.total, rank = excluded.rank, n = excluded.n, computed_on = excluded.computed_on",
            [(cid, r.tier.value, r.total, r.rank, r.n, day) for cid, r in results.items()],
        )
        return len(changed)


@dataclass(frozen=True)
class TierChange:
    since: date
    tier: Tier
    previous: Tier | None
    total: int
    rank: int | None
    n: int


def tier_history(cf: CustomerFile, customer_id: int) -> list[TierChange]:
    """A customer's tier changes, oldest first."""
    return [
        TierChange(date.fromisoformat(r[0]), Tier(r[1]), Tier(r[2]) if r[2] else None, r[3], r[4], r[5])
        for r in cf.execute(
            "SELECT since, tier, previous, total, rank, n FROM tier_history WHERE customer_id = ? ORDER BY id",
            [customer_id],
        )
    ]
