"""The sums behind the charts and the dashboard (services.reports combines them).

Every figure leaves out what is in the recycle bin: deleted orders, payments,
complaints and follow-ups, and everything of a deleted customer.  ``owner``
keeps the customers with exactly that customers.owner (None: everyone).
Dates are compared as ISO text; ``first`` and ``last`` are both inclusive.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import NamedTuple

from crmdesk.domain.dates import IsoDays
from crmdesk.storage.customer_file import CustomerFile, id_chunks

# The customers a figure counts.  An IN list of ids lets SQLite seek each
# one's orders in the covering index orders_customer (customer_id, deleted_at,
# order_date, amount): one owner's orders are read without touching the others'.
_LIVE = "SELECT id FROM customers WHERE deleted_at IS NULL"
_LIVE_OF_OWNER = _LIVE + " AND owner = ?"


def _customers(owner: str | None) -> tuple[str, list[str]]:
    return (_LIVE, []) if owner is None else (_LIVE_OF_OWNER, [owner])


def _owner_clause(owner: str | None, alias: str = "c") -> tuple[str, list[str]]:
    return ("", []) if owner is None else (f" AND {alias}.owner = ?", [owner])


def _span(first: date, last: date) -> list[str]:
    return [first.isoformat(), last.isoformat()]


# -- orders -----------------------------------------------------------------------------------


def revenue_by_customer(cf: CustomerFile, first: date, last: date, owner: str | None = None) -> dict[int, int]:
    """customer id -> fen of its orders dated first..last (customers with an order only)."""
    # Read customer by customer from orders_customer, so grouped without a sort (the date index: ~1.4× slower).
    customers, params = _customers(owner)
    return dict(cf.execute(
        "SELECT customer_id, sum(amount) FROM orders WHERE deleted_at IS NULL AND order_date BETWEEN ? AND ? "
        f"AND customer_id IN ({customers}) GROUP BY customer_id",
        _span(first, last) + params,
    ).fetchall())


def _dated_orders_of(owner: str | None) -> tuple[str, list[str]]:
    """Which customers' orders a sum over a span of days reads, worded so that the cost follows the span.

    Everyone's: the order-date index, probing the few binned customers per order
    (one month reads a month; an IN list of the live customers would seek into
    every one of them, ~60 ms on 100,000 whatever the span).  One owner's:
    a seek into each of that owner's customers in orders_customer.
    """
    if owner is None:
        return "+customer_id NOT IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)", []
    return f"customer_id IN ({_LIVE_OF_OWNER})", [owner]


def sales_by_day(cf: CustomerFile, first: date, last: date, owner: str | None = None) -> list[tuple[str, int, int]]:
    """(ISO day, fen, how many orders) for each day first..last with an order, by day."""
    customers, params = _dated_orders_of(owner)
    return cf.execute(
        "SELECT order_date, sum(amount), count(*) FROM orders "
        f"WHERE deleted_at IS NULL AND order_date BETWEEN ? AND ? AND {customers} GROUP BY order_date ORDER BY 1",
        _span(first, last) + params,
    ).fetchall()


def revenue_between(cf: CustomerFile, first: date, last: date, owner: str | None = None) -> int:
    """Fen of the orders dated first..last."""
    customers, params = _dated_orders_of(owner)
    return cf.execute(
        "SELECT coalesce(sum(amount), 0) FROM orders "
        f"WHERE deleted_at IS NULL AND order_date BETWEEN ? AND ? AND {customers}",
        _span(first, last) + params,
    ).fetchone()[0]


class ProductRow(NamedTuple):
    product: str
    orders: int
    quantity: int
    amount: int  # fen
    costed_amount: int  # fen of the orders with a cost
    cost: int  # fen


def sales_by_product(cf: CustomerFile, first: date, last: date, owner: str | None = None) -> list[ProductRow]:
    """Orders dated first..last grouped by their product text (as typed), in no particular order."""
    # Everyone's through the date index: an IN list of the live customers would find
    # each order in orders_customer, then read the row anyway (~1.8× slower).
    customers, params = _dated_orders_of(owner)
    return [ProductRow(*r) for r in cf.execute(
        "SELECT product, count(*), sum(quantity), sum(amount), sum(iif(cost IS NULL, 0, amount)), "
        "coalesce(sum(cost), 0) FROM orders "
        f"WHERE deleted_at IS NULL AND order_date BETWEEN ? AND ? AND {customers} GROUP BY product",
        _span(first, last) + params,
    )]


def customer_names(cf: CustomerFile, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """customer id -> (code, name), for a few ids."""
    ids = list(ids)
    out: dict[int, tuple[str, str]] = {}
    for chunk, marks in id_chunks(ids):
        out.update((r[0], (r[1], r[2])) for r in cf.execute(
            f"SELECT id, code, name FROM customers WHERE id IN ({marks})", chunk))
    return out


# -- tiers, RFM, spread -----------------------------------------------------------------------


def customers_by_tier(cf: CustomerFile, owner: str | None = None) -> dict[str, int]:
    """Stored tier ("A".."D") -> how many customers have it; customers never tiered count as "D"."""
    where, params = _owner_clause(owner)
    return dict(cf.execute(
        "SELECT coalesce(t.tier, 'D'), count(*) FROM customers c LEFT JOIN customer_tiers t ON t.customer_id = c.id "
        f"WHERE c.deleted_at IS NULL{where} GROUP BY 1",
        params,
    ).fetchall())


def stored_tiers(cf: CustomerFile) -> dict[int, str]:
    """customer id -> its stored tier letter (customers never tiered are missing)."""
    return dict(cf.execute("SELECT customer_id, tier FROM customer_tiers").fetchall())


class RfmRow(NamedTuple):
    r: int
    f: int
    segment: str | None
    customers: int
    monetary: int  # fen: the stored tier totals (bought in the tier window)


def rfm_groups(cf: CustomerFile, owner: str | None = None) -> list[RfmRow]:
    """Scored customers grouped by (r, f, segment), with their tier-window totals."""
    where, params = _owner_clause(owner)
    return [RfmRow(*r) for r in cf.execute(
        "SELECT s.r, s.f, s.segment, count(*), coalesce(sum(t.total), 0) FROM customer_scores s "
        "JOIN customers c ON c.id = s.customer_id LEFT JOIN customer_tiers t ON t.customer_id = s.customer_id "
        f"WHERE s.r IS NOT NULL AND s.f IS NOT NULL AND c.deleted_at IS NULL{where} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
        params,
    )]


def unscored_customers(cf: CustomerFile, owner: str | None = None) -> int:
    """Customers with no RFM score stored (nothing bought in the tier window, or never scored)."""
    where, params = _owner_clause(owner)
    return cf.execute(
        "SELECT count(*) FROM customers c LEFT JOIN customer_scores s ON s.customer_id = c.id "
        f"WHERE c.deleted_at IS NULL{where} AND s.r IS NULL",
        params,
    ).fetchone()[0]


def scores_computed_on(cf: CustomerFile) -> date | None:
    """When the scores were last stored (None: never)."""
    day = cf.execute("SELECT max(computed_on) FROM customer_scores").fetchone()[0]
    return date.fromisoformat(day) if day else None


class SpreadRow(NamedTuple):
    province: str | None  # None: not recorded (NULL or "")
    source: str | None
    customers: int
    revenue: int  # fen dated first..last


def customers_by_place_and_source(cf: CustomerFile, first: date, last: date,
                                  owner: str | None = None) -> list[SpreadRow]:
    """Customers grouped by (province, source), with the fen of their orders dated first..last."""
    where, params = _owner_clause(owner)
    inner, inner_params = _customers(owner)
    return [SpreadRow(*r) for r in cf.execute(
        "SELECT nullif(c.province, ''), nullif(c.source, ''), count(*), coalesce(sum(x.amount), 0) "
        "FROM customers c LEFT JOIN (SELECT customer_id, sum(amount) AS amount FROM orders "
        "  WHERE deleted_at IS NULL AND order_date BETWEEN ? AND ? "
        f"  AND customer_id IN ({inner}) GROUP BY customer_id) x ON x.customer_id = c.id "
        f"WHERE c.deleted_at IS NULL{where} GROUP BY 1, 2",
        _span(first, last) + inner_params + params,
    )]


# -- receivables ------------------------------------------------------------------------------


def customer_ids(cf: CustomerFile, owner: str | None = None) -> list[int]:
    """The customers not in the recycle bin (of one owner), by id."""
    customers, params = _customers(owner)
    return [r[0] for r in cf.execute(customers + " ORDER BY id", params)]


def receivable_total(cf: CustomerFile, owner: str | None = None) -> int:
    """Fen owed in all: each customer's billed minus paid where that is positive (prepayments offset nothing else)."""
    where, params = _owner_clause(owner)
    return cf.execute(
        "SELECT coalesce(sum(max(owed, 0)), 0) FROM (SELECT "
        "(SELECT coalesce(sum(o.amount), 0) FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL) - "
        "(SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.customer_id = c.id AND p.deleted_at IS NULL) "
        f"AS owed FROM customers c WHERE c.deleted_at IS NULL{where})",
        params,
    ).fetchone()[0]


def first_order_days(cf: CustomerFile, ids: Sequence[int]) -> dict[int, str]:
    """customer id -> the ISO day of its first order (a seek each in orders_customer)."""
    out: dict[int, str] = {}
    for chunk, marks in id_chunks(ids):
        out.update(cf.execute(
            f"SELECT customer_id, min(order_date) FROM orders WHERE deleted_at IS NULL AND customer_id IN ({marks}) "
            "GROUP BY customer_id", chunk).fetchall())
    return out


def billed_by_day(cf: CustomerFile, ids: Sequence[int]) -> dict[int, list[tuple[str, int]]]:
    """customer id -> (ISO day, fen billed that day), oldest first, for a few customers."""
    out: dict[int, list[tuple[str, int]]] = {}
    marks = ", ".join("?" for _ in ids)
    for cid, day, amount in cf.execute(
        f"SELECT customer_id, order_date, sum(amount) FROM orders WHERE deleted_at IS NULL AND customer_id IN ({marks}) "
        "GROUP BY customer_id, order_date ORDER BY customer_id, order_date", list(ids)):
        out.setdefault(cid, []).append((day, amount))
    return out


def oldest_unpaid_day(cf: CustomerFile, paid: Mapping[int, int], batch: int = 200) -> date | None:
    """The oldest day with an order not yet paid for, over the customers in ``paid`` (id -> fen paid in all).

    Payments settle a customer's oldest orders first, so its oldest unpaid day
    is the first on which its running bill exceeds what it paid.  Customers
    are tried in the order of their first order, and the search stops at the
    first whose first order is no older than the oldest unpaid day found: in
    a file where someone still owes for an old order, that is a few queries.
    """
    if not paid:
        return None
    firsts = first_order_days(cf, list(paid))
    queue = sorted(firsts, key=lambda cid: (firsts[cid], cid))
    best: str | None = None
    for start in range(0, len(queue), batch):
        ids = [cid for cid in queue[start:start + batch] if best is None or firsts[cid] < best]
        if not ids:
            break
        for cid, days in billed_by_day(cf, ids).items():
            left = paid[cid]
            for day, amount in days:
                if best is not None and day >= best:
                    break
                left -= amount
                if left < 0:
                    best = day
                    break
    return IsoDays()[best]


# -- plans, the dashboard ---------------------------------------------------------------------


def _planned_for(owner: str | None) -> tuple[str, list[str]]:
    # The few binned customers probed per plan: joining customers would read a wide row per plan (~2× slower).
    if owner is None:
        return "p.customer_id NOT IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)", []
    return f"p.customer_id IN ({_LIVE_OF_OWNER})", [owner]


def planned_by_period(cf: CustomerFile, owner: str | None = None) -> dict[str, int]:
    """Plan period text ("2026-11", "2026-Q4") -> fen planned for it."""
    customers, params = _planned_for(owner)
    return dict(cf.execute(
        f"SELECT p.period, sum(p.amount) FROM sales_plans p WHERE {customers} GROUP BY p.period", params,
    ).fetchall())


def bought_in_planned_periods(cf: CustomerFile, periods: Mapping[str, tuple[date, date]],
                              owner: str | None = None) -> int:
    """Fen that each customer with a plan for one of ``periods`` (text -> first, last day) bought in it, summed."""
    if not periods:
        return 0
    customers, params = _planned_for(owner)
    values = ", ".join("(?, ?, ?)" for _ in periods)
    bounds = [v for text, (first, last) in periods.items() for v in (text, *_span(first, last))]
    return cf.execute(
        f"WITH w (period, first, last) AS (VALUES {values}) "
        "SELECT coalesce(sum(o.amount), 0) FROM w JOIN sales_plans p ON p.period = w.period "
        "JOIN orders o ON o.customer_id = p.customer_id AND o.deleted_at IS NULL "
        f"AND o.order_date BETWEEN w.first AND w.last WHERE {customers}",
        bounds + params,
    ).fetchone()[0]


def customer_count(cf: CustomerFile, owner: str | None = None) -> int:
    where, params = _owner_clause(owner)
    return cf.execute(f"SELECT count(*) FROM customers c WHERE c.deleted_at IS NULL{where}", params).fetchone()[0]


def buying_customers(cf: CustomerFile, first: date, last: date, owner: str | None = None) -> int:
    """Customers with at least one order dated first..last."""
    where, params = _owner_clause(owner)
    return cf.execute(
        f"SELECT count(*) FROM customers c WHERE c.deleted_at IS NULL{where} AND EXISTS (SELECT 1 FROM orders o "
        "WHERE o.customer_id = c.id AND o.deleted_at IS NULL AND o.order_date BETWEEN ? AND ?)",
        params + _span(first, last),
    ).fetchone()[0]


def customers_alive_below(cf: CustomerFile, p_alive: float, owner: str | None = None) -> int:
    """Customers whose stored churn-model P(alive) is under ``p_alive`` (not scored: not counted)."""
    where, params = _owner_clause(owner)
    return cf.execute(
        "SELECT count(*) FROM customer_scores s JOIN customers c ON c.id = s.customer_id "
        f"WHERE s.p_alive < ? AND c.deleted_at IS NULL{where}",
        [p_alive] + params,
    ).fetchone()[0]


def overdue_follow_ups(cf: CustomerFile, today: date, owner: str | None = None) -> int:
    """Planned follow-ups (not done, missed or cancelled) due before today."""
    where, params = _owner_clause(owner)
    # "+": start from the due-date index, not from every live customer's follow-ups.
    return cf.execute(
        "SELECT count(*) FROM follow_ups f JOIN customers c ON c.id = f.customer_id "
        "WHERE f.state = 'planned' AND f.deleted_at IS NULL AND f.due_date < ? "
        f"AND +c.deleted_at IS NULL{where}",
        [today.isoformat()] + params,
    ).fetchone()[0]


# -- complaints -------------------------------------------------------------------------------


def complaints_received_by_month(cf: CustomerFile, first: date, last: date,
                                 owner: str | None = None) -> list[tuple[str, str, int]]:
    """(category, "YYYY-MM", how many) of the complaints received first..last."""
    where, params = _owner_clause(owner, "cu")
    return cf.execute(
        "SELECT k.category, substr(k.received_date, 1, 7), count(*) FROM complaints k "
        "JOIN customers cu ON cu.id = k.customer_id "
        f"WHERE k.deleted_at IS NULL AND k.received_date BETWEEN ? AND ? AND cu.deleted_at IS NULL{where} "
        "GROUP BY 1, 2",
        _span(first, last) + params,
    ).fetchall()


class ResolvedRow(NamedTuple):
    category: str
    received: date
    reopened: date | None
    resolved: date
    satisfaction: int | None


def complaints_resolved(cf: CustomerFile, first: date, last: date, owner: str | None = None) -> list[ResolvedRow]:
    """The complaints now resolved with a resolution dated first..last, in the order resolved."""
    where, params = _owner_clause(owner, "cu")
    days = IsoDays()
    return [
        ResolvedRow(category, days[received], days[reopened], days[resolved], satisfaction)
        for category, received, reopened, resolved, satisfaction in cf.execute(
            "SELECT k.category, k.received_date, k.reopened_date, k.resolved_date, k.satisfaction FROM complaints k "
            "JOIN customers cu ON cu.id = k.customer_id "
            "WHERE k.state = 'resolved' AND k.deleted_at IS NULL AND k.resolved_date BETWEEN ? AND ? "
            f"AND cu.deleted_at IS NULL{where} ORDER BY k.resolved_date, k.id",
            _span(first, last) + params,
        )
    ]
