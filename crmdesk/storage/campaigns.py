"""Campaigns, their chosen and reached customers, and the sums behind their ROI (SQL only).

The rules are domain.campaigns; the attribution sums here are the same
definition written in SQL, one statement for every campaign:

    attributed orders = non-deleted orders of the campaign's reached customers
    with reached_on <= order_date <= end_date + window_days and order_date <= today.

Customers in the recycle bin are out of every list, as in the ledger: they
are neither counted as targets nor bring orders.

A campaign belongs to no single customer, so its own changes are logged with
no customer; choosing a customer and marking one reached (or not) is logged
against that customer, so it shows in the customer's history.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, NamedTuple

from crmdesk.domain.campaigns import Campaign, CampaignChannel, TargetFilter
from crmdesk.domain.dates import IsoDays
from crmdesk.domain.search import escape_like
from crmdesk.storage.change_log import log_change
from crmdesk.storage.customer_file import CustomerFile, WriteError, WriteProblem, id_chunks

ENTITY = "campaign"
TARGET_ENTITY = "campaign_customer"

_COLUMNS = ("name", "channel", "start_date", "end_date", "cost", "window_days", "target_filter", "note")
_SELECT = f"SELECT id, uid, row_version, {', '.join(_COLUMNS)} FROM campaigns WHERE deleted_at IS NULL"


def _filter_text(target_filter: TargetFilter) -> str:
    return json.dumps(target_filter.to_json(), ensure_ascii=False, sort_keys=True)


def _values(c: Campaign) -> list[Any]:
    return [c.name, c.channel.value, c.start_date.isoformat(), c.end_date.isoformat(), c.cost, c.window_days,
            _filter_text(c.target_filter), c.note]


def _campaign(r: Sequence[Any], days: IsoDays) -> Campaign:
    id_, uid, version, name, channel, start, end, cost, window, target_filter, note = r
    return Campaign(name, CampaignChannel(channel), days[start], days[end], cost, window,
                    TargetFilter.from_json(json.loads(target_filter)), note, id=id_, uid=uid, row_version=version)


def _summary(c: Campaign) -> str:
    return f"{c.name} {c.channel.value} {c.start_date.isoformat()}..{c.end_date.isoformat()} cost {c.cost}"


# -- campaigns --------------------------------------------------------------------------------------


def insert_campaign(cf: CustomerFile, campaign: Campaign) -> Campaign:
    with cf.transaction():
        now, uid = cf.now(), cf.new_uid()
        cur = cf.execute(
            f"INSERT INTO campaigns ({', '.join(_COLUMNS)}, uid, created_at, updated_at, row_version) "
            f"VALUES ({', '.join('?' for _ in _COLUMNS)}, ?, ?, ?, 1)",
            [*_values(campaign), uid, now, now],
        )
        stored = replace(campaign, id=cur.lastrowid, uid=uid, row_version=1)
        log_change(cf, customer_id=None, entity=ENTITY, entity_uid=uid, action="create",  # type: ignore[arg-type]
                   new=_summary(stored), at=now)
        return stored


def update_campaign(cf: CustomerFile, campaign: Campaign) -> Campaign:
    """Store an edit; refused (CONFLICT) when the campaign changed or went meanwhile.  Each changed
    field is logged with its old and new value."""
    old = get_campaign(cf, campaign.id)
    if old is None:
        raise WriteError(WriteProblem.CONFLICT, f"campaign {campaign.id} is gone")
    with cf.transaction():
        now = cf.now()
        sets = ", ".join(f"{c} = ?" for c in _COLUMNS)
        cur = cf.execute(
            f"UPDATE campaigns SET {sets}, updated_at = ?, row_version = row_version + 1 "
            "WHERE id = ? AND row_version = ? AND deleted_at IS NULL",
            [*_values(campaign), now, campaign.id, campaign.row_version],
        )
        if cur.rowcount != 1:
            raise WriteError(WriteProblem.CONFLICT, f"campaign {campaign.id} changed meanwhile")
        for column, before, after in zip(_COLUMNS, _values(old), _values(campaign)):
            if before != after:
                log_change(cf, customer_id=None, entity=ENTITY, entity_uid=old.uid,  # type: ignore[arg-type]
                           action="update", field=column, old=None if before is None else str(before),
                           new=None if after is None else str(after), at=now)
        return replace(campaign, uid=old.uid, row_version=campaign.row_version + 1)


def delete_campaign(cf: CustomerFile, campaign: Campaign) -> None:
    """Soft delete: the campaign and its customers stay in the file, out of every list."""
    with cf.transaction():
        now = cf.now()
        cur = cf.execute(
            "UPDATE campaigns SET deleted_at = ?, updated_at = ?, row_version = row_version + 1 "
            "WHERE id = ? AND deleted_at IS NULL",
            [now, now, campaign.id],
        )
        if cur.rowcount != 1:
            raise WriteError(WriteProblem.CONFLICT, f"campaign {campaign.id} is gone")
        log_change(cf, customer_id=None, entity=ENTITY, entity_uid=campaign.uid or "",  # type: ignore[arg-type]
                   action="delete", old=_summary(campaign), at=now)


def get_campaign(cf: CustomerFile, campaign_id: int | None) -> Campaign | None:
    row = cf.execute(_SELECT + " AND id = ?", [campaign_id]).fetchone()
    return _campaign(row, IsoDays()) if row else None


def campaigns(cf: CustomerFile) -> list[Campaign]:
    """Every campaign not deleted, the latest start first."""
    days = IsoDays()
    return [_campaign(r, days) for r in cf.execute(_SELECT + " ORDER BY start_date DESC, id DESC")]


# -- choosing customers by a filter ---------------------------------------------------------------------


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def _filter_where(f: TargetFilter) -> tuple[str, list[Any]]:
    """The WHERE clause over ``customers c`` for a filter (domain.campaigns.TargetFilter says what each means)."""
    clauses = ["c.deleted_at IS NULL"]
    params: list[Any] = []
    if f.tiers:
        clauses.append(f"EXISTS (SELECT 1 FROM customer_tiers t WHERE t.customer_id = c.id "
                       f"AND t.tier IN ({_marks(f.tiers)}))")
        params += [t.value for t in f.tiers]
    if f.segments:
        clauses.append(f"EXISTS (SELECT 1 FROM customer_scores s WHERE s.customer_id = c.id "
                       f"AND s.segment IN ({_marks(f.segments)}))")
        params += [s.value for s in f.segments]
    if f.regions:
        ors = []
        for region in f.regions:
            ors.append("c.province LIKE ? ESCAPE '\\' OR c.city LIKE ? ESCAPE '\\' OR c.region LIKE ? ESCAPE '\\'")
            params += [escape_like(region) + "%"] * 3
        clauses.append("(" + " OR ".join(ors) + ")")
    if f.tags:
        clauses.append(f"EXISTS (SELECT 1 FROM customer_tags g WHERE g.customer_id = c.id "
                       f"AND g.tag IN ({_marks(f.tags)}))")
        params += list(f.tags)
    if f.bought:
        clauses.append(f"EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL "
                       f"AND o.product IN ({_marks(f.bought)}))")
        params += list(f.bought)
    if f.not_bought:
        clauses.append(f"NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL "
                       f"AND o.product IN ({_marks(f.not_bought)}))")
        params += list(f.not_bought)
    return " AND ".join(clauses), params


def matching_customer_ids(cf: CustomerFile, target_filter: TargetFilter) -> list[int]:
    """The customers (not in the recycle bin) the filter chooses, by code."""
    where, params = _filter_where(target_filter)
    return [r[0] for r in cf.execute(f"SELECT c.id FROM customers c WHERE {where} ORDER BY c.code", params)]


def matching_count(cf: CustomerFile, target_filter: TargetFilter) -> int:
    where, params = _filter_where(target_filter)
    return cf.execute(f"SELECT count(*) FROM customers c WHERE {where}", params).fetchone()[0]


def live_customer_ids(cf: CustomerFile, ids: Iterable[int]) -> set[int]:
    """Those of ``ids`` that are customers not in the recycle bin."""
    ids = list(ids)
    found: set[int] = set()
    for chunk, marks in id_chunks(ids):
        found.update(r[0] for r in cf.execute(
            f"SELECT id FROM customers WHERE deleted_at IS NULL AND id IN ({marks})", chunk))
    return found


def products(cf: CustomerFile) -> list[str]:
    """Every product of a non-deleted order, for the filter's choices."""
    return [r[0] for r in cf.execute(
        "SELECT DISTINCT product FROM orders WHERE deleted_at IS NULL ORDER BY product")]


def regions(cf: CustomerFile) -> list[str]:
    """The provinces, cities and regions of the customers, for the filter's choices."""
    return [r[0] for r in cf.execute(
        "SELECT province FROM customers WHERE deleted_at IS NULL AND province IS NOT NULL AND province <> '' "
        "UNION SELECT city FROM customers WHERE deleted_at IS NULL AND city IS NOT NULL AND city <> '' "
        "UNION SELECT region FROM customers WHERE deleted_at IS NULL AND region IS NOT NULL AND region <> '' "
        "ORDER BY 1")]


# -- targets and reached ----------------------------------------------------------------------------


def _log_target(cf: CustomerFile, campaign: Campaign, customer_id: int, action: str,
                old: str | None = None, new: str | None = None, at: str | None = None) -> None:
    log_change(cf, customer_id=customer_id, entity=TARGET_ENTITY, entity_uid=campaign.uid or "",
               action=action, field="reached_on" if action == "update" else None, old=old, new=new, at=at)


def stored_targets(cf: CustomerFile, campaign_id: int) -> dict[int, date | None]:
    """Every chosen customer of a campaign (the recycle bin's too) -> the day reached, None: not reached."""
    days = IsoDays()
    return {r[0]: days[r[1]] for r in cf.execute(
        "SELECT customer_id, reached_on FROM campaign_customers WHERE campaign_id = ?", [campaign_id])}


def add_targets(cf: CustomerFile, campaign: Campaign, customer_ids: Iterable[int]) -> int:
    """Choose these customers too (those already chosen keep their reached day); how many were new."""
    with cf.transaction():
        now = cf.now()
        added = 0
        for customer_id in dict.fromkeys(customer_ids):
            cur = cf.execute("INSERT OR IGNORE INTO campaign_customers (campaign_id, customer_id) VALUES (?, ?)",
                             [campaign.id, customer_id])
            if cur.rowcount == 1:
                added += 1
                _log_target(cf, campaign, customer_id, "create", new=campaign.name, at=now)
        return added


def remove_targets(cf: CustomerFile, campaign: Campaign, customer_ids: Iterable[int]) -> int:
    """Unchoose these customers (their reached day goes with them); how many were chosen."""
    with cf.transaction():
        now = cf.now()
        removed = 0
        for customer_id in dict.fromkeys(customer_ids):
            row = cf.execute("SELECT reached_on FROM campaign_customers WHERE campaign_id = ? AND customer_id = ?",
                             [campaign.id, customer_id]).fetchone()
            if row is None:
                continue
            cf.execute("DELETE FROM campaign_customers WHERE campaign_id = ? AND customer_id = ?",
                       [campaign.id, customer_id])
            removed += 1
            _log_target(cf, campaign, customer_id, "delete", old=f"{campaign.name} {row[0] or ''}".strip(), at=now)
        return removed


def set_reached(cf: CustomerFile, campaign: Campaign, customer_id: int, reached_on: date | None) -> None:
    """Mark a chosen customer reached on a day, or not reached (None).  Raises WriteError (CONFLICT)
    when the customer is not among the campaign's."""
    with cf.transaction():
        row = cf.execute("SELECT reached_on FROM campaign_customers WHERE campaign_id = ? AND customer_id = ?",
                         [campaign.id, customer_id]).fetchone()
        if row is None:
            raise WriteError(WriteProblem.CONFLICT, f"customer {customer_id} is not in campaign {campaign.id}")
        new = reached_on.isoformat() if reached_on is not None else None
        if row[0] == new:
            return
        cf.execute("UPDATE campaign_customers SET reached_on = ? WHERE campaign_id = ? AND customer_id = ?",
                   [new, campaign.id, customer_id])
        _log_target(cf, campaign, customer_id, "update", old=row[0], new=new)


# -- what the campaigns brought ------------------------------------------------------------------------


class CampaignTotals(NamedTuple):
    """One campaign's sums as of a day (fen), from one statement for all campaigns."""

    targeted: int
    reached: int
    orders: int
    revenue: int
    margin: int  # over the attributed orders that have a cost
    orders_without_cost: int


# One pass over the reached customers' orders (orders_customer index); the
# window is end_date + window_days, worked out by SQLite's date().
_ATTRIBUTED = """
SELECT cc.campaign_id, cc.customer_id, count(o.id) AS orders, coalesce(sum(o.amount), 0) AS revenue,
       coalesce(sum(o.amount - o.cost), 0) AS margin, count(o.id) - count(o.cost) AS without_cost
FROM campaigns k
JOIN campaign_customers cc ON cc.campaign_id = k.id AND cc.reached_on IS NOT NULL
JOIN customers c ON c.id = cc.customer_id AND c.deleted_at IS NULL
JOIN orders o ON o.customer_id = cc.customer_id AND o.deleted_at IS NULL
    AND o.order_date >= cc.reached_on
    AND o.order_date <= date(k.end_date, '+' || k.window_days || ' days')
    AND o.order_date <= :today
WHERE k.deleted_at IS NULL {campaign}
GROUP BY cc.campaign_id, cc.customer_id
"""

_TOTALS = f"""
WITH attributed AS ({_ATTRIBUTED}),
chosen AS (
    SELECT cc.campaign_id, count(*) AS targeted, count(cc.reached_on) AS reached
    FROM campaign_customers cc JOIN customers c ON c.id = cc.customer_id AND c.deleted_at IS NULL
    GROUP BY cc.campaign_id
),
brought AS (
    SELECT campaign_id, sum(orders) AS orders, sum(revenue) AS revenue, sum(margin) AS margin,
           sum(without_cost) AS without_cost
    FROM attributed GROUP BY campaign_id
)
SELECT k.id, coalesce(chosen.targeted, 0), coalesce(chosen.reached, 0), coalesce(brought.orders, 0),
       coalesce(brought.revenue, 0), coalesce(brought.margin, 0), coalesce(brought.without_cost, 0)
FROM campaigns k
LEFT JOIN chosen ON chosen.campaign_id = k.id
LEFT JOIN brought ON brought.campaign_id = k.id
WHERE k.deleted_at IS NULL
"""


def campaign_totals(cf: CustomerFile, today: date) -> dict[int, CampaignTotals]:
    """campaign id -> its sums as of ``today``, for every campaign not deleted (one statement)."""
    sql = _TOTALS.format(campaign="")
    return {r[0]: CampaignTotals(*r[1:]) for r in cf.execute(sql, {"today": today.isoformat()})}


@dataclass(frozen=True)
class TargetRow:
    """A chosen customer of a campaign, with what the campaign attributes to them as of a day."""

    customer_id: int
    code: str
    name: str
    reached_on: date | None
    orders: int = 0
    revenue: int = 0  # fen
    margin: int = 0  # fen, over the orders that have a cost
    orders_without_cost: int = 0


def target_rows(cf: CustomerFile, campaign_id: int, today: date) -> list[TargetRow]:
    """A campaign's chosen customers (not in the recycle bin), reached ones first (by day), then by code."""
    sql = (
        f"WITH attributed AS ({_ATTRIBUTED.format(campaign='AND k.id = :campaign')}) "
        "SELECT c.id, c.code, c.name, cc.reached_on, coalesce(a.orders, 0), coalesce(a.revenue, 0), "
        "coalesce(a.margin, 0), coalesce(a.without_cost, 0) "
        "FROM campaign_customers cc JOIN customers c ON c.id = cc.customer_id AND c.deleted_at IS NULL "
        "LEFT JOIN attributed a ON a.customer_id = cc.customer_id "
        "WHERE cc.campaign_id = :campaign "
        "ORDER BY cc.reached_on IS NULL, cc.reached_on, c.code"
    )
    days = IsoDays()
    return [TargetRow(r[0], r[1], r[2], days[r[3]], *r[4:])
            for r in cf.execute(sql, {"today": today.isoformat(), "campaign": campaign_id})]


# -- merging two customers -----------------------------------------------------------------------------


def merge_targets(cf: CustomerFile, other_id: int, survivor_id: int) -> list[list[Any]]:
    """Give ``survivor_id`` the campaign rows of ``other_id`` (merging duplicates), inside the merge's
    transaction; returns the journal that ``unmerge_targets`` takes back.

    A campaign only the other was in moves to the survivor, reached day and
    all.  A campaign both were in keeps the survivor's row, reached on the
    earlier of the two days (a reached one counts as reached); the other's row
    stays with the other.  Journal rows: [campaign_id, 1] for a moved row,
    [campaign_id, 0, the survivor's reached_on before] for a shared campaign.
    """
    journal: list[list[Any]] = []
    with cf.transaction():
        rows = cf.execute(
            "SELECT o.campaign_id, o.reached_on, s.customer_id IS NOT NULL, s.reached_on "
            "FROM campaign_customers o LEFT JOIN campaign_customers s "
            "ON s.campaign_id = o.campaign_id AND s.customer_id = ? WHERE o.customer_id = ? ORDER BY o.campaign_id",
            [survivor_id, other_id],
        ).fetchall()
        for campaign_id, reached, shared, survivor_reached in rows:
            if not shared:
                cf.execute("UPDATE campaign_customers SET customer_id = ? WHERE campaign_id = ? AND customer_id = ?",
                           [survivor_id, campaign_id, other_id])
                journal.append([campaign_id, 1])
                continue
            earliest = min((d for d in (reached, survivor_reached) if d is not None), default=None)
            if earliest != survivor_reached:
                cf.execute("UPDATE campaign_customers SET reached_on = ? WHERE campaign_id = ? AND customer_id = ?",
                           [earliest, campaign_id, survivor_id])
            journal.append([campaign_id, 0, survivor_reached])
    return journal


def unmerge_targets(cf: CustomerFile, other_id: int, survivor_id: int, journal: Sequence[Sequence[Any]]) -> None:
    """Undo ``merge_targets``: the moved rows go back to the other, the shared ones get the survivor's day back."""
    with cf.transaction():
        for entry in journal:
            if entry[1]:
                cf.execute("UPDATE campaign_customers SET customer_id = ? WHERE campaign_id = ? AND customer_id = ?",
                           [other_id, entry[0], survivor_id])
            else:
                cf.execute("UPDATE campaign_customers SET reached_on = ? WHERE campaign_id = ? AND customer_id = ?",
                           [entry[2], entry[0], survivor_id])
