"""The contact log and planned follow-ups in the file (SQL only; the rules are domain.followups)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from crmdesk.domain.followups import Contact, ContactMethod, FollowUp, FollowUpSource, FollowUpState
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.rows import Rows

_CONTACT_COLUMNS = ("customer_id", "contact_date", "contact_time", "method", "person", "summary", "outcome",
                    "next_step")
_FOLLOW_UP_COLUMNS = ("customer_id", "due_date", "due_time", "method", "purpose", "owner", "state", "contact_id",
                      "source", "gen_key")


def _contact_line(c: Contact) -> str:
    return f"{c.contact_date.isoformat()} {c.method.value} {c.summary[:60]}"


def _follow_up_line(f: FollowUp) -> str:
    return f"{f.due_date.isoformat()} {f.method.value} {f.purpose[:60]} ({f.state.value})"


_CONTACTS = Rows("contacts", "contact", _CONTACT_COLUMNS, _contact_line)
_FOLLOW_UPS = Rows("follow_ups", "follow_up", _FOLLOW_UP_COLUMNS, _follow_up_line)


def _contact(r: Sequence[Any]) -> Contact:
    (id_, uid, version, customer_id, day, time, method, person, summary, outcome, next_step) = r
    return Contact(customer_id, date.fromisoformat(day), ContactMethod(method), summary, time, person, outcome,
                   next_step, id=id_, uid=uid, row_version=version)


def _follow_up(r: Sequence[Any]) -> FollowUp:
    (id_, uid, version, customer_id, day, time, method, purpose, owner, state, contact_id, source, key) = r
    return FollowUp(customer_id, date.fromisoformat(day), ContactMethod(method), purpose, time, owner,
                    FollowUpState(state), contact_id, FollowUpSource(source), key,
                    id=id_, uid=uid, row_version=version)


_SELECT_CONTACTS = f"SELECT id, uid, row_version, {', '.join(_CONTACT_COLUMNS)} FROM contacts WHERE deleted_at IS NULL"
_SELECT_FOLLOW_UPS = (f"SELECT id, uid, row_version, {', '.join(_FOLLOW_UP_COLUMNS)} FROM follow_ups "
                      "WHERE deleted_at IS NULL")


# -- contacts ---------------------------------------------------------------------------------


def insert_contact(cf: CustomerFile, contact: Contact) -> Contact:
    return _CONTACTS.insert(cf, contact)


def update_contact(cf: CustomerFile, contact: Contact) -> Contact:
    return _CONTACTS.update(cf, contact, get_contact(cf, contact.id))


def delete_contact(cf: CustomerFile, contact: Contact) -> None:
    _CONTACTS.delete(cf, contact)


def get_contact(cf: CustomerFile, contact_id: int | None) -> Contact | None:
    row = cf.execute(_SELECT_CONTACTS + " AND id = ?", [contact_id]).fetchone()
    return _contact(row) if row else None


def contacts_of(cf: CustomerFile, customer_id: int) -> list[Contact]:
    """Newest first, as the log is read."""
    return [_contact(r) for r in cf.execute(
        _SELECT_CONTACTS + " AND customer_id = ? ORDER BY contact_date DESC, coalesce(contact_time, '') DESC, id DESC",
        [customer_id])]


# -- follow-ups -------------------------------------------------------------------------------


def insert_follow_up(cf: CustomerFile, follow_up: FollowUp) -> FollowUp:
    return _FOLLOW_UPS.insert(cf, follow_up)


def update_follow_up(cf: CustomerFile, follow_up: FollowUp) -> FollowUp:
    """Moving the date or changing the state: the change log keeps what it was."""
    return _FOLLOW_UPS.update(cf, follow_up, get_follow_up(cf, follow_up.id))


def delete_follow_up(cf: CustomerFile, follow_up: FollowUp) -> None:
    _FOLLOW_UPS.delete(cf, follow_up)


def get_follow_up(cf: CustomerFile, follow_up_id: int | None) -> FollowUp | None:
    row = cf.execute(_SELECT_FOLLOW_UPS + " AND id = ?", [follow_up_id]).fetchone()
    return _follow_up(row) if row else None


def follow_ups_of(cf: CustomerFile, customer_id: int) -> list[FollowUp]:
    """Planned first by date, then the rest newest first."""
    return [_follow_up(r) for r in cf.execute(
        _SELECT_FOLLOW_UPS + " AND customer_id = ? ORDER BY state <> 'planned', "
        "iif(state = 'planned', due_date, NULL), due_date DESC, coalesce(due_time, ''), id",
        [customer_id])]


def generated_keys(cf: CustomerFile) -> set[tuple[int, str]]:
    """(customer id, key) of every generated follow-up, done or not, in the bin or not."""
    return set(cf.execute("SELECT customer_id, gen_key FROM follow_ups WHERE gen_key IS NOT NULL").fetchall())


class DueRow(NamedTuple):
    follow_up: FollowUp
    code: str
    name: str


def planned_between(cf: CustomerFile, first: date | None, last: date,
                    customer_id: int | None = None) -> list[DueRow]:
    """Planned follow-ups due from ``first`` (None: any time before) to ``last``, by date, of live customers."""
    where, params = ["f.due_date <= ?"], [last.isoformat()]
    if first is not None:
        where.append("f.due_date >= ?")
        params.append(first.isoformat())
    if customer_id is not None:
        where.append("f.customer_id = ?")
        params.append(customer_id)
    columns = ", ".join(f"f.{c}" for c in ("id", "uid", "row_version", *_FOLLOW_UP_COLUMNS))
    rows = cf.execute(
        f"SELECT {columns}, c.code, c.name FROM follow_ups f JOIN customers c ON c.id = f.customer_id "
        "WHERE f.state = 'planned' AND f.deleted_at IS NULL AND c.deleted_at IS NULL AND " + " AND ".join(where)
        + " ORDER BY f.due_date, coalesce(f.due_time, ''), c.code",
        params,
    )
    return [DueRow(_follow_up(r[:-2]), r[-2], r[-1]) for r in rows]
