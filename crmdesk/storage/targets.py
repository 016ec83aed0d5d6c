"""Sales targets per owner in the file (sales_targets), and the sales credited to each owner.

An order is credited to the owner of the opportunity it was won from
(opportunities.order_id; the first such opportunity not deleted and with an
owner), else to its customer's owner.  Orders of customers in the recycle
bin count for nobody, as in every other sum of sales.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from crmdesk.domain.orders import Period
from crmdesk.domain.targets import SalesTarget
from crmdesk.storage.change_log import log_change
from crmdesk.storage.customer_file import CustomerFile, WriteError, WriteProblem

_SELECT = "SELECT id, uid, row_version, owner, period, amount FROM sales_targets"


def _target(r: Sequence[Any]) -> SalesTarget | None:
    id_, uid, version, owner, period, amount = r
    try:
        parsed = Period.parse(period)
    except ValueError:  # the CHECK lets "2026-13" through; such a row is nobody's target
        return None
    return SalesTarget(owner, parsed, amount, id=id_, uid=uid, row_version=version)


def targets(cf: CustomerFile, owner: str | None = None) -> list[SalesTarget]:
    """Every target (of one owner), by owner then period."""
    where, params = ("", []) if owner is None else (" WHERE owner = ?", [owner])
    rows = (_target(r) for r in cf.execute(f"{_SELECT}{where}", params))
    return sorted((t for t in rows if t is not None), key=lambda t: (t.owner, t.period))


def get_target(cf: CustomerFile, owner: str, period: Period) -> SalesTarget | None:
    row = cf.execute(f"{_SELECT} WHERE owner = ? AND period = ?", [owner, str(period)]).fetchone()
    return _target(row) if row else None


def set_target(cf: CustomerFile, target: SalesTarget) -> SalesTarget:
    """Set (or replace) an owner's target for a period; the change log keeps the amount it had."""
    with cf.transaction():
        now = cf.now()
        old = get_target(cf, target.owner, target.period)
        cf.execute(
            "INSERT INTO sales_targets (uid, owner, period, amount, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (owner, period) DO UPDATE SET amount = excluded.amount, updated_at = excluded.updated_at, "
            "row_version = row_version + 1 WHERE amount <> excluded.amount",
            [cf.new_uid(), target.owner, str(target.period), target.amount, now, now],
        )
        stored = get_target(cf, target.owner, target.period)
        assert stored is not None
        if old is None or old.amount != target.amount:
            log_change(cf, customer_id=None, entity="sales_target", entity_uid=stored.uid,
                       action="update" if old else "create", field=f"{target.owner} {target.period}",
                       old=str(old.amount) if old else None, new=str(target.amount), at=now)
        return stored


def delete_target(cf: CustomerFile, owner: str, period: Period) -> None:
    """Remove a target (no recycle bin: the change log keeps its amount); CONFLICT when it is gone."""
    with cf.transaction():
        old = get_target(cf, owner, period)
        if old is None:
            raise WriteError(WriteProblem.CONFLICT, f"target {owner} {period} is gone")
        cf.execute("DELETE FROM sales_targets WHERE id = ?", [old.id])
        log_change(cf, customer_id=None, entity="sales_target", entity_uid=old.uid, action="delete",
                   field=f"{owner} {period}", old=str(old.amount))


def target_owners(cf: CustomerFile) -> list[str]:
    return [r[0] for r in cf.execute("SELECT DISTINCT owner FROM sales_targets ORDER BY owner")]


# The owner an order is credited to (o: orders, c: its customer).
CREDITED_OWNER = (
    "coalesce((SELECT nullif(p.owner, '') FROM opportunities p WHERE p.order_id = o.id AND p.deleted_at IS NULL "
    "AND nullif(p.owner, '') IS NOT NULL ORDER BY p.id LIMIT 1), nullif(c.owner, ''))"
)


def credited_sales(cf: CustomerFile, periods: Iterable[Period], owner: str | None = None, *,
                   until: date | None = None) -> dict[tuple[str, Period], int]:
    """(owner, period) -> fen of the orders dated in the period (up to ``until``) credited to that owner
    (pairs with sales only).

    Orders credited to nobody (no opportunity owner, no customer owner) are
    left out.  ``owner``: that owner's pairs only.
    """
    periods = sorted(set(periods))
    if not periods:
        return {}
    values = ", ".join("(?, ?, ?)" for _ in periods)
    params: list[Any] = [
        v for p in periods
        for v in (str(p), p.first_day.isoformat(), min(p.last_day, until or p.last_day).isoformat())
    ]
    having = ""
    if owner is not None:
        having = " HAVING credited = ?"
        params.append(owner)
    by_text = {str(p): p for p in periods}
    rows = cf.execute(
        f"WITH w (period, first, last) AS (VALUES {values}) "
        f"SELECT w.period, {CREDITED_OWNER} AS credited, sum(o.amount) FROM w "
        "JOIN orders o ON o.order_date BETWEEN w.first AND w.last AND o.deleted_at IS NULL "
        "JOIN customers c ON c.id = o.customer_id AND c.deleted_at IS NULL "
        f"GROUP BY w.period, credited{having}",
        params,
    )
    return {(credited, by_text[period]): amount for period, credited, amount in rows if credited is not None}
