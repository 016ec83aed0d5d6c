"""The customers' current tiers and the history of their changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from crmdesk.domain.tiers import Tier, TierResult, TierRules, tier_cutoffs
from crmdesk.storage import file_settings
from crmdesk.storage.customer_file import CustomerFile


def save_tiers(cf: CustomerFile, results: Mapping[int, TierResult], today: date) -> list[int]:
    """Store the tiers computed for ``today``; append a history row for each change.

    Returns the customers whose tier changed (a first tier counts as a change).
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
        return [row[0] for row in changed]


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


@dataclass(frozen=True)
class StoredTier:
    """A customer's tier as last stored, the day it was computed, and the rules that place it."""

    result: TierResult  # its cut-off recomputed from N and ``rules``
    computed_on: date
    rules: TierRules


def current_tier(cf: CustomerFile, customer_id: int, rules: TierRules | None = None) -> StoredTier | None:
    """The stored tier of a customer (None: not computed yet).

    The cut-off (the highest rank that still gets the tier, None for D) is not
    stored: it follows from N and the tier rules, the file's unless given.
    """
    row = cf.execute(
        "SELECT tier, total, rank, n, computed_on FROM customer_tiers WHERE customer_id = ?", [customer_id]
    ).fetchone()
    if row is None:
        return None
    if rules is None:
        rules = file_settings.tier_rules(cf)
    tier = Tier(row[0])
    cutoffs = dict(zip((Tier.A, Tier.B, Tier.C), tier_cutoffs(row[3], rules)))
    return StoredTier(TierResult(tier, row[1], row[2], row[3], cutoffs.get(tier)), date.fromisoformat(row[4]), rules)
