"""Complaints and their handling steps in the file (SQL only; the rules are domain.complaints)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from crmdesk.domain.complaints import (
    Complaint,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintNature,
    ComplaintState,
    ComplaintStep,
    StepKind,
)
from crmdesk.domain.dates import IsoDays
from crmdesk.domain.tiers import Tier
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.rows import Rows

_COMPLAINT_COLUMNS = ("customer_id", "received_date", "received_time", "channel", "order_id", "category", "nature",
                      "nature_reason", "description", "owner", "priority", "state", "reopened_date", "resolved_date",
                      "outcome", "satisfaction", "retained")
_STEP_COLUMNS = ("complaint_id", "customer_id", "kind", "step_date", "step_time", "text", "promise", "due_date",
                 "due_time", "satisfaction", "retained")


def _complaint_line(c: Complaint) -> str:
    return f"{c.received_date.isoformat()} {c.category.value} {c.description[:60]} ({c.state.value})"


def _step_line(s: ComplaintStep) -> str:
    return f"{s.step_date.isoformat()} {s.kind.value} {s.text[:60]}"


_COMPLAINTS = Rows("complaints", "complaint", _COMPLAINT_COLUMNS, _complaint_line)
_STEPS = Rows("complaint_steps", "complaint_step", _STEP_COLUMNS, _step_line)

_TIERS = {t.value: t for t in Tier}


def _flag(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _complaint(r: Sequence[Any], days: IsoDays) -> Complaint:
    (id_, uid, version, customer_id, received, received_time, channel, order_id, category, nature, reason,
     description, owner, priority, state, reopened, resolved, outcome, satisfaction, retained) = r
    return Complaint(
        customer_id, days[received], ComplaintChannel(channel), ComplaintCategory(category), description,
        received_time, ComplaintNature(nature), reason, order_id, owner, _TIERS[priority], ComplaintState(state),
        days[reopened], days[resolved], outcome, satisfaction, _flag(retained),
        id=id_, uid=uid, row_version=version,
    )


def _step(r: Sequence[Any]) -> ComplaintStep:
    (id_, uid, version, complaint_id, customer_id, kind, day, time, text, promise, due, due_time, satisfaction,
     retained) = r
    return ComplaintStep(
        complaint_id, customer_id, StepKind(kind), date.fromisoformat(day), text, time, promise,
        date.fromisoformat(due) if due else None, due_time, satisfaction, _flag(retained),
        id=id_, uid=uid, row_version=version,
    )


_SELECT_COMPLAINTS = (f"SELECT id, uid, row_version, {', '.join(_COMPLAINT_COLUMNS)} FROM complaints "
                      "WHERE deleted_at IS NULL")
_SELECT_STEPS = f"SELECT id, uid, row_version, {', '.join(_STEP_COLUMNS)} FROM complaint_steps WHERE deleted_at IS NULL"


# -- complaints -------------------------------------------------------------------------------


def insert_complaint(cf: CustomerFile, complaint: Complaint) -> Complaint:
    return _COMPLAINTS.insert(cf, complaint)


def update_complaint(cf: CustomerFile, complaint: Complaint) -> Complaint:
    """Any change (resolving, reopening, an edit): the change log keeps what each field was."""
    return _COMPLAINTS.update(cf, complaint, get_complaint(cf, complaint.id))


def delete_complaint(cf: CustomerFile, complaint: Complaint) -> None:
    """Soft delete: the complaint and its steps stay in the file, out of every list."""
    _COMPLAINTS.delete(cf, complaint)


def get_complaint(cf: CustomerFile, complaint_id: int | None) -> Complaint | None:
    row = cf.execute(_SELECT_COMPLAINTS + " AND id = ?", [complaint_id]).fetchone()
    return _complaint(row, IsoDays()) if row else None


def complaints_of(cf: CustomerFile, customer_id: int) -> list[Complaint]:
    """A customer's complaints: open ones first, then newest received first."""
    days = IsoDays()
    return [_complaint(r, days) for r in cf.execute(
        _SELECT_COMPLAINTS + " AND customer_id = ? ORDER BY state <> 'open', received_date DESC, "
        "coalesce(received_time, '') DESC, id DESC",
        [customer_id])]


# -- steps ------------------------------------------------------------------------------------


def insert_step(cf: CustomerFile, step: ComplaintStep) -> ComplaintStep:
    return _STEPS.insert(cf, step)


def update_step(cf: CustomerFile, step: ComplaintStep) -> ComplaintStep:
    return _STEPS.update(cf, step, get_step(cf, step.id))


def delete_step(cf: CustomerFile, step: ComplaintStep) -> None:
    _STEPS.delete(cf, step)


def get_step(cf: CustomerFile, step_id: int | None) -> ComplaintStep | None:
    row = cf.execute(_SELECT_STEPS + " AND id = ?", [step_id]).fetchone()
    return _step(row) if row else None


def steps_of(cf: CustomerFile, complaint_id: int) -> list[ComplaintStep]:
    """A complaint's timeline, oldest first (by day, time, then as entered)."""
    return [_step(r) for r in cf.execute(
        _SELECT_STEPS + " AND complaint_id = ? ORDER BY step_date, coalesce(step_time, ''), id", [complaint_id])]


# -- the whole file ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ComplaintQuery:
    """The complaint log's filters (None: any).

    ``overdue`` keeps open complaints only; which of them are past their
    deadline depends on today and the file's deadlines, so the service
    (services.complaints.complaint_log) decides that.
    """

    state: ComplaintState | None = None
    category: ComplaintCategory | None = None
    priority: Tier | None = None
    owner: str | None = None
    customer_id: int | None = None
    overdue: bool = False
    customer_owner: str | None = None  # the customer's owner (customers.owner), not the complaint's handler


class ComplaintRow(NamedTuple):
    complaint: Complaint
    code: str  # the customer's
    name: str
    last_response: date | None  # the latest first-response step's day (domain.complaints.responded_since)


# The latest first response of each complaint read beside it: the steps' index leads by complaint.
_LOG_SQL = """
SELECT {columns}, cu.code, cu.name,
       (SELECT max(s.step_date) FROM complaint_steps s
        WHERE s.complaint_id = c.id AND s.deleted_at IS NULL AND s.kind = 'first_response')
FROM complaints c JOIN customers cu ON cu.id = c.customer_id
WHERE c.deleted_at IS NULL AND +cu.deleted_at IS NULL{where}
ORDER BY c.id
"""


def complaint_rows(cf: CustomerFile, query: ComplaintQuery = ComplaintQuery()) -> list[ComplaintRow]:
    """The complaints that match, of customers not in the recycle bin, by id, with customer code and name."""
    where, params = [], []
    state = ComplaintState.OPEN if query.overdue else query.state
    if query.overdue and query.state not in (None, ComplaintState.OPEN):
        return []  # resolved ones are never overdue
    if state is not None:
        # Written out (a fixed word, not user input), so that the partial indexes on state can serve it.
        where.append(f" AND c.state = '{ComplaintState(state).value}'")
    for column, value in (("category", query.category), ("priority", query.priority),
                          ("owner", query.owner), ("customer_id", query.customer_id)):
        if value is not None:
            where.append(f" AND c.{column} = ?")
            params.append(value.value if hasattr(value, "value") else value)
    if query.customer_owner is not None:
        where.append(" AND cu.owner = ?")
        params.append(query.customer_owner)
    columns = ", ".join(f"c.{c}" for c in ("id", "uid", "row_version", *_COMPLAINT_COLUMNS))
    days = IsoDays()
    return [
        ComplaintRow(_complaint(r[:-3], days), r[-3], r[-2], days[r[-1]])
        for r in cf.execute(_LOG_SQL.format(columns=columns, where="".join(where)), params)
    ]


def complaint_row(cf: CustomerFile, complaint_id: int) -> ComplaintRow | None:
    """One complaint as complaint_rows gives it (None: deleted, or its customer is in the bin)."""
    columns = ", ".join(f"c.{c}" for c in ("id", "uid", "row_version", *_COMPLAINT_COLUMNS))
    days = IsoDays()
    for r in cf.execute(_LOG_SQL.format(columns=columns, where=" AND c.id = ?"), [complaint_id]):
        return ComplaintRow(_complaint(r[:-3], days), r[-3], r[-2], days[r[-1]])
    return None


def open_complaints(cf: CustomerFile, customer_id: int | None = None,
                    customer_owner: str | None = None) -> list[ComplaintRow]:
    """Every open complaint (or one customer's, or those of one owner's customers) in one query, whatever the
    number of customers."""
    return complaint_rows(cf, ComplaintQuery(state=ComplaintState.OPEN, customer_id=customer_id,
                                             customer_owner=customer_owner))


def complaint_owners(cf: CustomerFile) -> list[str]:
    """The owners named on complaints, for the log's filter."""
    return [r[0] for r in cf.execute(
        "SELECT DISTINCT owner FROM complaints WHERE owner IS NOT NULL AND owner <> '' AND deleted_at IS NULL "
        "ORDER BY owner")]
