"""Whole-file counts the printed summaries need that no other reader gives (SQL only).

A customer's own review reads its rows through the existing readers
(orders_of, payments_of, contacts_of, ...); only the file-wide monthly counts
are here: customers created in a span of time and tier moves in a period.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from crmdesk.storage.customer_file import CustomerFile


def customers_created_between(cf: CustomerFile, start: str, end: str, owner: str | None = None) -> int:
    """Customers not in the recycle bin created from ``start`` (included) to ``end`` (excluded).

    ``start`` and ``end`` are UTC instants as the file stores them
    (2026-10-31T16:00:00.000000Z, see storage.ids.iso_instant); a day in local
    time is the caller's to turn into instants.
    """
    sql = "SELECT count(*) FROM customers WHERE deleted_at IS NULL AND created_at >= ? AND created_at < ?"
    params: list[object] = [start, end]
    if owner is not None:
        sql += " AND owner = ?"
        params.append(owner)
    return cf.execute(sql, params).fetchone()[0]


class TierMoves(NamedTuple):
    """Tier changes in a period (tier_history), of customers not in the recycle bin."""

    up: int  # to a better tier (D -> C, B -> A)
    down: int  # to a worse one
    first: int  # a first tier: no previous one to compare with


def tier_moves_between(cf: CustomerFile, first: date, last: date, owner: str | None = None) -> TierMoves:
    """How many tier changes dated ``first``..``last`` (both included) went up, down, or were a first tier.

    Tiers are letters, A best: a move up is a new tier that sorts before the previous one.
    """
    sql = (
        "SELECT coalesce(sum(h.previous IS NOT NULL AND h.tier < h.previous), 0), "
        "coalesce(sum(h.previous IS NOT NULL AND h.tier > h.previous), 0), "
        "coalesce(sum(h.previous IS NULL), 0) "
        "FROM tier_history h JOIN customers c ON c.id = h.customer_id "
        "WHERE h.since BETWEEN ? AND ? AND c.deleted_at IS NULL"
    )
    params: list[object] = [first.isoformat(), last.isoformat()]
    if owner is not None:
        sql += " AND c.owner = ?"
        params.append(owner)
    return TierMoves(*cf.execute(sql, params).fetchone())
