"""Referrals between customers in the file (referrals; the rules are domain.referrals).

Each change leaves a line in the referred customer's change log (entity
"referral", the referrer's code as old and new value).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from crmdesk.domain.customer import LifecycleStatus
from crmdesk.domain.referrals import Referral
from crmdesk.storage.change_log import log_change
from crmdesk.storage.customer_file import CustomerFile, WriteError, WriteProblem


def get_referral(cf: CustomerFile, referred_id: int) -> Referral | None:
    row = cf.execute("SELECT referrer_id, referred_on FROM referrals WHERE referred_id = ?", [referred_id]).fetchone()
    if row is None:
        return None
    return Referral(referred_id, row[0], date.fromisoformat(row[1]) if row[1] else None)


def referrer_chain(cf: CustomerFile, customer_id: int) -> list[int]:
    """Who referred the customer, who referred that one, ... nearest first (UNION stops at a repeat)."""
    return [r[0] for r in cf.execute(
        # One referrer each, so the chain is a line; the recursive queue hands it out nearest first.
        "WITH RECURSIVE up (id) AS ("
        " SELECT referrer_id FROM referrals WHERE referred_id = ?"
        " UNION SELECT r.referrer_id FROM referrals r JOIN up ON r.referred_id = up.id"
        ") SELECT id FROM up",
        [customer_id],
    )]


def _live(cf: CustomerFile, customer_id: int) -> tuple[str, str] | None:
    """(uid, code) of a customer not in the recycle bin."""
    return cf.execute("SELECT uid, code FROM customers WHERE id = ? AND deleted_at IS NULL", [customer_id]).fetchone()


def set_referral(cf: CustomerFile, referral: Referral) -> None:
    """Record (or replace) who referred the customer; the caller has checked the rules."""
    with cf.transaction():
        referred, referrer = _live(cf, referral.referred_id), _live(cf, referral.referrer_id)
        if referred is None or referrer is None:
            raise WriteError(WriteProblem.CONFLICT, "customer of the referral is gone")
        now = cf.now()
        old = get_referral(cf, referral.referred_id)
        day = referral.referred_on.isoformat() if referral.referred_on else None
        cf.execute(
            "INSERT INTO referrals (referred_id, referrer_id, referred_on, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (referred_id) DO UPDATE SET referrer_id = excluded.referrer_id, "
            "referred_on = excluded.referred_on",
            [referral.referred_id, referral.referrer_id, day, now],
        )
        if old == referral:
            return
        old_code = _code(cf, old.referrer_id) if old else None
        if old is None or old.referrer_id != referral.referrer_id:
            log_change(cf, customer_id=referral.referred_id, entity="referral", entity_uid=referred[0],
                       action="update" if old else "create", field="referrer", old=old_code, new=referrer[1], at=now)
        old_day = old.referred_on.isoformat() if old and old.referred_on else None
        if old_day != day:
            log_change(cf, customer_id=referral.referred_id, entity="referral", entity_uid=referred[0],
                       action="update" if old else "create", field="referred_on", old=old_day, new=day, at=now)


def clear_referral(cf: CustomerFile, referred_id: int) -> bool:
    """Forget who referred the customer; False when nobody was recorded."""
    with cf.transaction():
        old = get_referral(cf, referred_id)
        if old is None:
            return False
        cf.execute("DELETE FROM referrals WHERE referred_id = ?", [referred_id])
        uid = cf.execute("SELECT uid FROM customers WHERE id = ?", [referred_id]).fetchone()[0]
        log_change(cf, customer_id=referred_id, entity="referral", entity_uid=uid, action="delete",
                   field="referrer", old=_code(cf, old.referrer_id))
        return True


def _code(cf: CustomerFile, customer_id: int) -> str | None:
    row = cf.execute("SELECT code FROM customers WHERE id = ?", [customer_id]).fetchone()
    return row[0] if row else None


class ReferredRow(NamedTuple):
    customer_id: int
    code: str
    name: str
    status: LifecycleStatus
    referred_on: date | None
    revenue: int  # fen: its orders dated on or after referred_on (all of them without a date)


def referred_customers(cf: CustomerFile, referrer_id: int) -> list[ReferredRow]:
    """The live customers ``referrer_id`` referred, with their referred revenue, oldest referral first."""
    return [
        ReferredRow(cid, code, name, LifecycleStatus(status), date.fromisoformat(day) if day else None, revenue)
        for cid, code, name, status, day, revenue in cf.execute(
            "SELECT c.id, c.code, c.name, c.status, r.referred_on, "
            " (SELECT coalesce(sum(o.amount), 0) FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL"
            "  AND (r.referred_on IS NULL OR o.order_date >= r.referred_on)) "
            "FROM referrals r JOIN customers c ON c.id = r.referred_id "
            "WHERE r.referrer_id = ? AND c.deleted_at IS NULL "
            "ORDER BY coalesce(r.referred_on, ''), r.created_at, c.code",
            [referrer_id],
        )
    ]


class ReferrerLine(NamedTuple):
    customer_id: int
    code: str
    name: str


def referrer_line(cf: CustomerFile, customer_id: int) -> ReferrerLine | None:
    """Code and name of a customer (a referrer may have gone to the recycle bin since: it is still named)."""
    row = cf.execute("SELECT id, code, name FROM customers WHERE id = ?", [customer_id]).fetchone()
    return ReferrerLine(*row) if row else None
