"""Duplicate candidates of the file, and merging two customers as one undoable operation.

A merge is one transaction: the survivor takes the chosen fields and both
records' tags (through ``update_customer``, which logs each change), the
other's rows move to the survivor, the other goes to the recycle bin, both
get a "merge" line in the change log (old: the other's code, new: the
survivor's), and an ``operations`` row journals what undoing needs.

What moves (``MOVED_TABLES``): orders, payments, the contact log, follow-ups,
complaints and their steps, contact persons (after the survivor's own; no
longer primary when the survivor has a primary one) and sales plans, rows in
the recycle bin included, so that restoring one later finds it with the
survivor.  Two kinds of row stay with the deleted record, because the
survivor has its own of the same identity: sales plans for a period the
survivor has planned already, and generated follow-ups whose key the
survivor has already (the cadence made the same call-back for both).  The
summary lists them.  Tiers, scores, tier history and alert states are
recomputed on open; the change log stays where it was written.

Undoing moves exactly the journalled rows back, restores the survivor's
fields and tags, and takes the other out of the recycle bin, all or nothing.
It is refused once the survivor has been edited (its row_version moved on)
or the other has been restored or changed, and when already undone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from crmdesk.domain.customer import FIELDS, Customer, CustomerKind, LifecycleStatus
from crmdesk.domain.duplicates import Candidate
from crmdesk.storage.campaigns import merge_targets, unmerge_targets
from crmdesk.storage.change_log import log_change
from crmdesk.storage.customer_file import CustomerFile, WriteError, WriteProblem, id_chunks
from crmdesk.storage.customers import (
    column_values,
    get_customer,
    restore_customer,
    restore_fields,
    soft_delete_customer,
    update_customer,
)
from crmdesk.storage.operations import OperationKind, get_operation, mark_undone, operations, record_operation
from crmdesk.storage.operations import Operation

# Tables whose rows follow their customer in a merge, in the order they are moved and counted.
MOVED_TABLES = (
    "orders", "payments", "contacts", "follow_ups", "complaints", "complaint_steps", "sales_plans",
    "contact_persons", "opportunities", "opportunity_stages", "win_backs",
)
# Tables with a customer_id that a merge leaves alone: tags go through the merged
# customer; the derived ones are recomputed on open; the change log is history.
LEFT_TABLES = (
    "customer_tags", "customer_tiers", "customer_scores", "tier_history", "alert_states", "change_log",
    "campaign_customers",  # merged by storage.campaigns.merge_targets: a campaign both were in keeps one row
)
_SOFT_DELETED = frozenset({"orders", "payments", "contacts", "follow_ups", "complaints", "complaint_steps",
                           "opportunities"})
_HISTORY = frozenset({"opportunity_stages"})  # append-only rows: no updated_at, no row_version

_KINDS = {k.value: k for k in CustomerKind}


# -- candidates and what the scan shows -----------------------------------------------------------


def candidates(cf: CustomerFile) -> list[Candidate]:
    """Every live customer as a duplicate candidate: two queries (customers, contact persons' numbers)."""
    numbers: dict[int, list[str]] = {}
    for customer_id, mobile, phone in cf.execute(
        "SELECT p.customer_id, p.mobile, p.phone FROM contact_persons p JOIN customers c ON c.id = p.customer_id "
        "WHERE c.deleted_at IS NULL AND (p.mobile IS NOT NULL OR p.phone IS NOT NULL)"
    ):
        found = numbers.setdefault(customer_id, [])
        if mobile:
            found.append(mobile)
        if phone:
            found.append(phone)
    kinds = _KINDS
    out = []
    for cid, kind, name, pinyin, credit, id_number, mobile, phone in cf.execute(
        "SELECT id, kind, name, name_py_full, credit_code, id_number, mobile, phone FROM customers "
        "WHERE deleted_at IS NULL ORDER BY id"
    ):
        phones = [p for p in (mobile, phone) if p]
        more = numbers.get(cid)
        if more:
            phones += more
        out.append(Candidate(cid, kinds[kind], name, pinyin, credit, id_number, tuple(phones)))
    return out


@dataclass(frozen=True)
class CustomerSummary:
    """What the duplicate list shows of one side of a pair (raw values; the UI masks the phone)."""

    id: int
    code: str
    name: str
    kind: CustomerKind
    status: LifecycleStatus
    province: str | None
    city: str | None
    phone: str | None  # mobile, else phone, else the primary contact person's; unmasked
    owner: str | None
    orders: int  # live orders
    last_order: date | None
    deleted: bool



_SUMMARY_SQL = (
    "SELECT c.id, c.code, c.name, c.kind, c.status, c.province, c.city, "
    "coalesce(c.mobile, c.phone, (SELECT coalesce(p.mobile, p.phone) FROM contact_persons p "
    "  WHERE p.customer_id = c.id ORDER BY p.is_primary DESC, p.position LIMIT 1)), c.owner, "
    "(SELECT count(*) FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL), "
    "(SELECT max(o.order_date) FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL), "
    "c.deleted_at IS NOT NULL "
    "FROM customers c WHERE c.id IN ({marks})"
)


def summaries(cf: CustomerFile, ids: Iterable[int]) -> dict[int, CustomerSummary]:
    """The summaries of ``ids``: one query per 30,000 ids."""
    ids = list(dict.fromkeys(ids))
    out: dict[int, CustomerSummary] = {}
    for chunk, marks in id_chunks(ids):
        for r in cf.execute(_SUMMARY_SQL.format(marks=marks), chunk):
            out[r[0]] = CustomerSummary(
                r[0], r[1], r[2], _KINDS[r[3]], LifecycleStatus(r[4]), r[5], r[6], r[7], r[8], r[9],
                date.fromisoformat(r[10]) if r[10] else None, bool(r[11]),
            )
    return out


# -- what a merge moves ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Moves:
    """The rows of one customer that a merge into another would move."""

    ids: dict[str, list[int]]  # per table in MOVED_TABLES, recycle-bin rows included
    live: dict[str, int]  # per table, the rows not in the recycle bin (what the user sees)
    plans_kept: tuple[str, ...] = ()  # sales-plan periods the survivor has already: they stay
    follow_ups_kept: int = 0  # generated follow-ups the survivor has already: they stay


def planned_moves(cf: CustomerFile, other_id: int, survivor_id: int | None = None) -> Moves:
    """What merging ``other_id`` into ``survivor_id`` moves (``None``: into a customer with no rows)."""
    ids: dict[str, list[int]] = {}
    live: dict[str, int] = {}
    target = -1 if survivor_id is None else survivor_id
    for table in MOVED_TABLES:
        if table == "sales_plans":
            sql = ("SELECT id, 1 FROM sales_plans WHERE customer_id = ? AND period NOT IN "
                   "(SELECT period FROM sales_plans WHERE customer_id = ?) ORDER BY id")
            params: list[Any] = [other_id, target]
        elif table == "follow_ups":
            sql = ("SELECT id, deleted_at IS NULL FROM follow_ups WHERE customer_id = ? AND (gen_key IS NULL "
                   "OR gen_key NOT IN (SELECT gen_key FROM follow_ups WHERE customer_id = ? AND gen_key IS NOT NULL)) "
                   "ORDER BY id")
            params = [other_id, target]
        elif table in _SOFT_DELETED:
            sql = f"SELECT id, deleted_at IS NULL FROM {table} WHERE customer_id = ? ORDER BY id"
            params = [other_id]
        else:
            sql = f"SELECT id, 1 FROM {table} WHERE customer_id = ? ORDER BY id"
            params = [other_id]
        rows = cf.execute(sql, params).fetchall()
        ids[table] = [r[0] for r in rows]
        live[table] = sum(r[1] for r in rows)
    plans_kept = tuple(r[0] for r in cf.execute(
        "SELECT period FROM sales_plans WHERE customer_id = ? AND period IN "
        "(SELECT period FROM sales_plans WHERE customer_id = ?) ORDER BY period", [other_id, target]))
    follow_ups_kept = cf.execute(
        "SELECT count(*) FROM follow_ups WHERE customer_id = ? AND gen_key IN "
        "(SELECT gen_key FROM follow_ups WHERE customer_id = ? AND gen_key IS NOT NULL)", [other_id, target],
    ).fetchone()[0]
    return Moves(ids, live, plans_kept, follow_ups_kept)


# -- merging ----------------------------------------------------------------------------------------


def _conflict(customer: Customer | None, customer_id: int, version: int) -> None:
    if customer is None or customer.deleted_at is not None or customer.row_version != version:
        raise WriteError(WriteProblem.CONFLICT, f"customer {customer_id} changed meanwhile")


def _row_version(cf: CustomerFile, customer_id: int) -> int:
    return cf.execute("SELECT row_version FROM customers WHERE id = ?", [customer_id]).fetchone()[0]


def _move(cf: CustomerFile, table: str, ids: Sequence[int], to_id: int, now: str, from_id: int | None = None) -> None:
    where = "id = ?" if from_id is None else "id = ? AND customer_id = ?"
    rows = [(to_id, row_id) if from_id is None else (to_id, row_id, from_id) for row_id in ids]
    if table in _HISTORY:
        cf.conn.executemany(f"UPDATE {table} SET customer_id = ? WHERE {where}", rows)
        return
    cf.conn.executemany(
        f"UPDATE {table} SET customer_id = ?, updated_at = ?, row_version = row_version + 1 WHERE {where}",
        [(r[0], now, *r[1:]) for r in rows],
    )


def _merge_referrals(cf: CustomerFile, other_id: int, survivor_id: int) -> dict[str, Any]:
    """The survivor takes over who the other referred, and the other's referrer if it has none of its own.

    A referral between the two themselves, and the other's referrer when the
    survivor has one, stay with the deleted record (a customer cannot refer itself).
    """
    referred = [r[0] for r in cf.execute(
        "SELECT referred_id FROM referrals WHERE referrer_id = ? AND referred_id <> ? ORDER BY referred_id",
        [other_id, survivor_id])]
    cf.conn.executemany("UPDATE referrals SET referrer_id = ? WHERE referred_id = ?",
                        [(survivor_id, r) for r in referred])
    took_referrer = bool(cf.execute(
        "UPDATE referrals SET referred_id = ? WHERE referred_id = ? AND referrer_id <> ? "
        "AND NOT EXISTS (SELECT 1 FROM referrals WHERE referred_id = ?)",
        [survivor_id, other_id, survivor_id, survivor_id]).rowcount)
    return {"referred": referred, "took_referrer": took_referrer}


def _unmerge_referrals(cf: CustomerFile, other_id: int, survivor_id: int, journal: dict[str, Any]) -> None:
    cf.conn.executemany("UPDATE referrals SET referrer_id = ? WHERE referred_id = ? AND referrer_id = ?",
                        [(other_id, r, survivor_id) for r in journal["referred"]])
    if journal["took_referrer"]:
        cf.execute("UPDATE referrals SET referred_id = ? WHERE referred_id = ?", [other_id, survivor_id])


def merge_customers(cf: CustomerFile, merged: Customer, other_id: int, other_version: int) -> int:
    """Merge customer ``other_id`` into ``merged`` (the survivor as it should become); returns the
    operation's id.

    ``merged.row_version`` and ``other_version`` are the versions the choice was
    made on: if either customer changed (or went to the recycle bin) since,
    WriteError CONFLICT is raised and nothing changes.
    """
    if merged.id is None:
        raise ValueError("the survivor must be a stored customer")
    if merged.id == other_id:
        raise ValueError("a customer cannot be merged into itself")
    survivor_id = merged.id
    with cf.transaction():
        survivor = get_customer(cf, survivor_id)
        other = get_customer(cf, other_id)
        _conflict(survivor, survivor_id, merged.row_version)
        _conflict(other, other_id, other_version)
        assert survivor is not None and other is not None
        if merged.kind is not survivor.kind:
            raise ValueError("a merge keeps the survivor's kind")
        changed = [f.name for f in FIELDS if getattr(survivor, f.name) != getattr(merged, f.name)]
        if tuple(merged.tags) != tuple(survivor.tags):
            changed.append("tags")
        # The tags always: the survivor's search text and tags are rewritten either way.
        before = column_values(survivor, changed if "tags" in changed else [*changed, "tags"])
        moves = planned_moves(cf, other_id, survivor_id)
        now = cf.now()

        # Contact persons go after the survivor's own; one primary at most.
        old_places = cf.execute(
            "SELECT id, position, is_primary FROM contact_persons WHERE customer_id = ? ORDER BY position, id",
            [other_id],
        ).fetchall()
        start = cf.execute(
            "SELECT coalesce(max(position) + 1, 0) FROM contact_persons WHERE customer_id = ?", [survivor_id]
        ).fetchone()[0]
        has_primary = any(c.is_primary for c in survivor.contacts)
        cf.conn.executemany(
            "UPDATE contact_persons SET customer_id = ?, position = ?, is_primary = ?, updated_at = ?, "
            "row_version = row_version + 1 WHERE id = ?",
            [(survivor_id, start + i, 0 if has_primary else primary, now, row_id)
             for i, (row_id, _position, primary) in enumerate(old_places)],
        )
        for table in MOVED_TABLES:
            if table != "contact_persons":
                _move(cf, table, moves.ids[table], survivor_id, now)
        campaigns = merge_targets(cf, other_id, survivor_id)
        referrals = _merge_referrals(cf, other_id, survivor_id)

        # The survivor's fields and tags; its search text now holds the moved contact persons too.
        with_contacts = get_customer(cf, survivor_id)
        assert with_contacts is not None
        update_customer(cf, merged.with_changes(contacts=with_contacts.contacts))
        soft_delete_customer(cf, other_id)
        for customer in (survivor, other):
            log_change(cf, customer_id=customer.id, entity="customer", entity_uid=customer.uid,  # type: ignore[arg-type]
                       action="merge", old=other.code, new=survivor.code)

        summary = {
            "survivor": {"id": survivor_id, "code": survivor.code, "name": survivor.name},
            "other": {"id": other_id, "code": other.code, "name": other.name},
            "moved": {table: n for table, n in moves.live.items() if n},
            "fields": changed,
            "plans_kept": list(moves.plans_kept),
            "follow_ups_kept": moves.follow_ups_kept,
        }
        journal = {
            "survivor_id": survivor_id,
            "other_id": other_id,
            "before": before,
            "survivor_version": _row_version(cf, survivor_id),
            "other_version": _row_version(cf, other_id),
            "moved": {table: moves.ids[table] for table in MOVED_TABLES if table != "contact_persons"},
            "contact_persons": [list(place) for place in old_places],
            "campaign_customers": campaigns,
            "referrals": referrals,
        }
        return record_operation(cf, OperationKind.MERGE, f"{survivor.code} ← {other.code}", summary, journal)


# -- undoing ----------------------------------------------------------------------------------------


class UndoOutcome(StrEnum):
    UNDONE = "undone"
    ALREADY_UNDONE = "already_undone"
    SURVIVOR_CHANGED = "survivor_changed"  # edited, deleted or merged again since the merge
    OTHER_CHANGED = "other_changed"  # the merged record was restored or changed since
    NOT_FOUND = "not_found"  # no such merge


class _Refused(Exception):
    def __init__(self, outcome: UndoOutcome) -> None:
        super().__init__(outcome.value)
        self.outcome = outcome


def undo_merge(cf: CustomerFile, operation_id: int) -> UndoOutcome:
    """Undo a merge, all or nothing; anything but UNDONE means nothing changed."""
    try:
        with cf.transaction():
            _undo(cf, operation_id)
    except _Refused as refused:
        return refused.outcome
    return UndoOutcome.UNDONE


def _undo(cf: CustomerFile, operation_id: int) -> None:
    op = get_operation(cf, operation_id)
    if op is None or op.kind is not OperationKind.MERGE:
        raise _Refused(UndoOutcome.NOT_FOUND)
    if op.undone:
        raise _Refused(UndoOutcome.ALREADY_UNDONE)
    j = op.journal
    survivor_id, other_id = j["survivor_id"], j["other_id"]
    survivor = get_customer(cf, survivor_id)
    if survivor is None or survivor.deleted_at is not None or survivor.row_version != j["survivor_version"]:
        raise _Refused(UndoOutcome.SURVIVOR_CHANGED)
    other = get_customer(cf, other_id)
    if other is None or other.deleted_at is None or other.row_version != j["other_version"]:
        raise _Refused(UndoOutcome.OTHER_CHANGED)
    now = cf.now()
    for table, ids in j["moved"].items():
        _move(cf, table, ids, other_id, now, from_id=survivor_id)
    # Merges journalled before campaigns and referrals existed have neither key.
    unmerge_targets(cf, other_id, survivor_id, j.get("campaign_customers", []))
    if "referrals" in j:
        _unmerge_referrals(cf, other_id, survivor_id, j["referrals"])
    cf.conn.executemany(
        "UPDATE contact_persons SET customer_id = ?, position = ?, is_primary = ?, updated_at = ?, "
        "row_version = row_version + 1 WHERE id = ? AND customer_id = ?",
        [(other_id, position, primary, now, row_id, survivor_id) for row_id, position, primary in j["contact_persons"]],
    )
    # Fields and tags back; the search text drops the contact persons that went back.
    if not restore_fields(cf, survivor_id, j["before"], j["survivor_version"]):
        raise _Refused(UndoOutcome.SURVIVOR_CHANGED)
    restore_customer(cf, other_id)
    for customer in (survivor, other):
        log_change(cf, customer_id=customer.id, entity="customer", entity_uid=customer.uid,  # type: ignore[arg-type]
                   action="unmerge", old=other.code, new=survivor.code)
    mark_undone(cf, operation_id)


def merges(cf: CustomerFile) -> list[Operation]:
    """The file's merges, newest first (undone ones too)."""
    return operations(cf, OperationKind.MERGE)
