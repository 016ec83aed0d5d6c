"""Recording and handling complaints: each user action checked first, then one transaction.

Where a complaint stands (its deadlines, escalated or not) is computed for a
given ``today`` with the file's deadlines, every time it is asked: nothing
about escalation is stored, so opening the file is what escalates.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

from crmdesk.domain.alerts import OpenComplaint
from crmdesk.domain.complaints import (
    AFTER_RESOLUTION_STEPS,
    MANUAL_STEPS,
    Complaint,
    ComplaintDeadlines,
    ComplaintState,
    ComplaintStatus,
    ComplaintStep,
    StepKind,
    complaint_errors,
    complaint_status,
    current_deadline,
    responded_since,
    sort_key,
    step_errors,
)
from crmdesk.domain.tiers import Tier
from crmdesk.domain.validation import ErrorCode, FieldError, clean_single_line, clean_text
from crmdesk.storage import complaints as store
from crmdesk.storage import file_settings
from crmdesk.storage import orders as order_store
from crmdesk.storage.complaints import ComplaintQuery, ComplaintRow
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.tiers import current_tier


@dataclass(frozen=True)
class Handled:
    """What an action stored (the complaint as it now is, the step it wrote), or the errors that
    stopped it (nothing stored then)."""

    complaint: Complaint | None = None
    step: ComplaintStep | None = None
    errors: tuple[FieldError, ...] = ()


class ComplaintLine(NamedTuple):
    """A complaint as the lists show it on ``today``."""

    complaint: Complaint
    code: str  # the customer's
    name: str
    status: ComplaintStatus

    @property
    def id(self) -> int | None:
        return self.complaint.id

    @property
    def deadline(self) -> date | None:
        return self.status.deadline

    @property
    def escalated(self) -> bool:
        return self.status.escalated


class ComplaintCounts(NamedTuple):
    open: int
    escalated: int


def _rules(cf: CustomerFile, rules: ComplaintDeadlines | None) -> ComplaintDeadlines:
    return rules if rules is not None else file_settings.complaint_deadlines(cf)


def _optional(text: str | None) -> str | None:
    return (clean_single_line(text) or None) if isinstance(text, str) else text


def _cleaned(c: Complaint) -> Complaint:
    """Text as stored (reliability.md #7): no control characters, NFC, one-line fields on one line."""
    if not all(isinstance(v, str) for v in (c.description, c.nature_reason, c.outcome)):
        return c  # complaint_errors reports the wrong type
    return replace(c, description=clean_text(c.description).strip(), nature_reason=clean_single_line(c.nature_reason),
                   outcome=clean_text(c.outcome).strip(), owner=_optional(c.owner),
                   received_time=_optional(c.received_time))


def _cleaned_step(s: ComplaintStep) -> ComplaintStep:
    if not isinstance(s.text, str) or not isinstance(s.promise, str):
        return s
    return replace(s, text=clean_text(s.text).strip(), promise=clean_single_line(s.promise),
                   step_time=_optional(s.step_time), due_time=_optional(s.due_time))


def _order_errors(cf: CustomerFile, c: Complaint) -> list[FieldError]:
    if c.order_id is None or not isinstance(c.order_id, int):
        return []
    order = order_store.get_order(cf, c.order_id)
    if order is None or order.customer_id != c.customer_id:
        return [FieldError("order_id", ErrorCode.INVALID_CHOICE)]
    return []


def _unique(errors: list[FieldError]) -> tuple[FieldError, ...]:
    return tuple(dict.fromkeys(errors))


# -- recording and editing --------------------------------------------------------------------------


def priority_of(cf: CustomerFile, customer_id: int) -> Tier:
    """The customer's current tier (D while tiers were never computed): a new complaint's priority."""
    stored = current_tier(cf, customer_id)
    return stored.result.tier if stored is not None else Tier.D


def record_complaint(cf: CustomerFile, complaint: Complaint, *, today: date | None = None,
                     first_response: str = "") -> Handled:
    """Store a new complaint, open, with the customer's current tier as its priority.

    ``first_response``: what was said when it was received (快速反应), stored
    as its first step on the day and at the time received.  ``today``: a
    complaint received after it is refused (received_date TOO_FAR_AHEAD).
    """
    if complaint.id is not None:
        raise ValueError("record_complaint stores new complaints; edit_complaint changes one")
    c = _cleaned(replace(complaint, state=ComplaintState.OPEN, priority=priority_of(cf, complaint.customer_id),
                         reopened_date=None, resolved_date=None, outcome="", satisfaction=None, retained=None))
    errors = complaint_errors(c) + _order_errors(cf, c)
    if today is not None and isinstance(c.received_date, date) and c.received_date > today:
        errors.append(FieldError("received_date", ErrorCode.TOO_FAR_AHEAD, {"days": 0}))
    step = None
    if first_response.strip():
        step = _cleaned_step(ComplaintStep(0, c.customer_id, StepKind.FIRST_RESPONSE, c.received_date,
                                           first_response, c.received_time))
        # Its day and time are the complaint's, already checked: only its text is its own.
        errors += [replace(e, field="first_response") for e in step_errors(step, c) if e.field == "text"]
    if errors:
        return Handled(errors=_unique(errors))
    with cf.transaction():
        stored = store.insert_complaint(cf, c)
        if step is not None:
            step = store.insert_step(cf, replace(step, complaint_id=stored.id))
    return Handled(stored, step)


def edit_complaint(cf: CustomerFile, complaint: Complaint) -> Handled:
    """Store changes to a complaint's record (what, when, how received, nature, owner, outcome ...).

    Its state and priority are kept as stored: resolve and reopen change the
    state, and the priority stays the tier it was received under.
    """
    stored = store.get_complaint(cf, complaint.id)
    if stored is None:
        return Handled(errors=(FieldError("id", ErrorCode.NOT_APPLICABLE),))
    c = _cleaned(replace(complaint, state=stored.state, priority=stored.priority, reopened_date=stored.reopened_date,
                         customer_id=stored.customer_id))
    errors = complaint_errors(c) + _order_errors(cf, c)
    if errors:
        return Handled(errors=_unique(errors))
    return Handled(store.update_complaint(cf, c))


def delete_complaint(cf: CustomerFile, complaint: Complaint) -> None:
    """Into the recycle bin with its steps: out of every list, the log and the alerts."""
    store.delete_complaint(cf, complaint)


# -- the handling timeline --------------------------------------------------------------------------


def _step_for(complaint: Complaint, step: ComplaintStep) -> tuple[ComplaintStep, list[FieldError]]:
    step = _cleaned_step(replace(step, complaint_id=complaint.id, customer_id=complaint.customer_id))
    errors = step_errors(step, complaint)
    if step.kind not in MANUAL_STEPS:
        errors.append(FieldError("kind", ErrorCode.INVALID_CHOICE))  # resolve() and reopen() write those
    elif complaint.state is ComplaintState.RESOLVED and step.kind not in AFTER_RESOLUTION_STEPS:
        errors.append(FieldError("kind", ErrorCode.NOT_APPLICABLE))  # reopen it first
    return step, errors


def add_step(cf: CustomerFile, complaint: Complaint, step: ComplaintStep) -> Handled:
    """Add a first response, cause, action (promise and due date), follow-up or note to the timeline.

    A resolved complaint takes follow-ups and notes only.
    """
    if step.id is not None:
        raise ValueError("add_step stores new steps; edit_step changes one")
    step, errors = _step_for(complaint, step)
    if errors:
        return Handled(errors=_unique(errors))
    return Handled(complaint, store.insert_step(cf, step))


def edit_step(cf: CustomerFile, complaint: Complaint, step: ComplaintStep) -> Handled:
    """Correct a step the user added (the resolved and reopened steps are history, not edited)."""
    step, errors = _step_for(complaint, step)
    stored = store.get_step(cf, step.id)
    if stored is not None and stored.kind not in MANUAL_STEPS:
        errors.append(FieldError("kind", ErrorCode.NOT_APPLICABLE))
    if errors:
        return Handled(errors=_unique(errors))
    return Handled(complaint, store.update_step(cf, step))


def delete_step(cf: CustomerFile, step: ComplaintStep) -> None:
    """Take a step the user added out of the timeline (kept in the file and the change log)."""
    if step.kind not in MANUAL_STEPS:
        raise ValueError(f"a {step.kind} step is history: it is not deleted")
    store.delete_step(cf, step)


def timeline(cf: CustomerFile, complaint_id: int) -> list[ComplaintStep]:
    """The steps, oldest first: the resolved and reopened ones of every round included."""
    return store.steps_of(cf, complaint_id)


def resolve(cf: CustomerFile, complaint: Complaint, *, on: date, outcome: str, satisfaction: int | None = None,
            retained: bool | None = None, at: str | None = None) -> Handled:
    """Close an open complaint: the outcome, the customer's satisfaction (1–5, None: not asked) and
    whether the customer stayed; writes the ``resolved`` step.  All or nothing.

    Errors name the complaint's fields (resolved_date, outcome, satisfaction,
    retained) and ``resolved_time`` for ``at``.
    """
    if complaint.state is not ComplaintState.OPEN:
        return Handled(errors=(FieldError("state", ErrorCode.NOT_APPLICABLE),))
    resolved = _cleaned(replace(complaint, state=ComplaintState.RESOLVED, resolved_date=on, outcome=outcome,
                                satisfaction=satisfaction, retained=retained))
    step = _cleaned_step(ComplaintStep(complaint.id, complaint.customer_id, StepKind.RESOLVED, on, resolved.outcome,
                                       at, satisfaction=satisfaction, retained=retained))
    names = {"text": "outcome", "step_date": "resolved_date", "step_time": "resolved_time"}
    errors = complaint_errors(resolved) + [replace(e, field=names.get(e.field, e.field)) for e in step_errors(step)]
    if errors:
        return Handled(errors=_unique(errors))
    with cf.transaction():
        stored = store.update_complaint(cf, resolved)
        written = store.insert_step(cf, step)
    return Handled(stored, written)


def reopen(cf: CustomerFile, complaint: Complaint, *, on: date, reason: str, at: str | None = None) -> Handled:
    """Open a resolved complaint again; writes the ``reopened`` step with the reason.

    The complaint's resolution fields are emptied (it is open now), but the
    earlier resolution stays in its ``resolved`` step and in the change log:
    nothing is removed from the history.  The deadlines count again from
    ``on``.  Errors: ``reason`` (REQUIRED), ``reopened_date`` (before the
    resolution), ``reopened_time``.
    """
    if complaint.state is not ComplaintState.RESOLVED:
        return Handled(errors=(FieldError("state", ErrorCode.NOT_APPLICABLE),))
    reopened = _cleaned(replace(complaint, state=ComplaintState.OPEN, reopened_date=on, resolved_date=None,
                                outcome="", satisfaction=None, retained=None))
    step = _cleaned_step(ComplaintStep(complaint.id, complaint.customer_id, StepKind.REOPENED, on, reason, at))
    names = {"text": "reason", "step_date": "reopened_date", "step_time": "reopened_time"}
    errors = [replace(e, field=names.get(e.field, e.field)) for e in step_errors(step)] + complaint_errors(reopened)
    if complaint.resolved_date is not None and isinstance(on, date) and on < complaint.resolved_date:
        errors.append(FieldError("reopened_date", ErrorCode.INVALID_DATE,
                                 {"reason": "before_resolved", "min": complaint.resolved_date.isoformat()}))
    if errors:
        return Handled(errors=_unique(errors))
    with cf.transaction():
        stored = store.update_complaint(cf, reopened)
        written = store.insert_step(cf, step)
    return Handled(stored, written)


# -- where complaints stand ---------------------------------------------------------------------------


def _line(row: ComplaintRow, today: date, rules: ComplaintDeadlines) -> ComplaintLine:
    c = row.complaint
    return ComplaintLine(c, row.code, row.name,
                         complaint_status(c, responded_since(c, row.last_response), today, rules))


def _sorted(lines: list[ComplaintLine]) -> list[ComplaintLine]:
    return sorted(lines, key=lambda line: sort_key(line.complaint, line.status.deadline))


def complaint_log(cf: CustomerFile, today: date, query: ComplaintQuery = ComplaintQuery(),
                  rules: ComplaintDeadlines | None = None) -> list[ComplaintLine]:
    """The whole file's complaints that match (``query.overdue``: escalated ones only), each with its
    deadlines and escalation on ``today``; open first, then by priority (VIP first), nearest deadline,
    earliest received.  ``rules``: the file's deadlines unless given."""
    rules = _rules(cf, rules)
    lines = [_line(row, today, rules) for row in store.complaint_rows(cf, query)]
    if query.overdue:
        lines = [line for line in lines if line.escalated]
    return _sorted(lines)


def open_complaint_lines(cf: CustomerFile, today: date, rules: ComplaintDeadlines | None = None) -> list[ComplaintLine]:
    """Every open complaint, VIP first, then by the nearest deadline (``crmdesk complaints``)."""
    return complaint_log(cf, today, ComplaintQuery(state=ComplaintState.OPEN), rules)


def customer_complaints(cf: CustomerFile, customer_id: int, today: date,
                        rules: ComplaintDeadlines | None = None) -> list[ComplaintLine]:
    """One customer's complaints (its complaints tab), open first."""
    return complaint_log(cf, today, ComplaintQuery(customer_id=customer_id), rules)


def complaint_line(cf: CustomerFile, complaint_id: int, today: date,
                   rules: ComplaintDeadlines | None = None) -> ComplaintLine | None:
    """One complaint as the lists show it (after an edit), None if it is gone."""
    row = store.complaint_row(cf, complaint_id)
    return _line(row, today, _rules(cf, rules)) if row is not None else None


def complaint_counts(cf: CustomerFile, today: date, rules: ComplaintDeadlines | None = None,
                     customer_id: int | None = None, owner: str | None = None) -> ComplaintCounts:
    """How many complaints are open and how many of those are escalated (the window's counts);
    ``owner``: only those of that owner's customers (customers.owner)."""
    rules = _rules(cf, rules)
    lines = [_line(row, today, rules) for row in store.open_complaints(cf, customer_id, owner)]
    return ComplaintCounts(len(lines), sum(line.escalated for line in lines))


def escalated_customers(cf: CustomerFile, today: date, rules: ComplaintDeadlines | None = None) -> set[int]:
    """The customers with an escalated complaint (to mark them in the customer list)."""
    rules = _rules(cf, rules)
    return {row.complaint.customer_id for row in store.open_complaints(cf)
            if _line(row, today, rules).escalated}


def open_complaint_facts(cf: CustomerFile, rules: ComplaintDeadlines | None = None,
                         customer_id: int | None = None) -> dict[int, list[OpenComplaint]]:
    """customer id -> its open complaints with the deadline that counts now, for the alert scan (one query)."""
    rules = _rules(cf, rules)
    facts: dict[int, list[OpenComplaint]] = {}
    for row in store.open_complaints(cf, customer_id):
        c = row.complaint
        deadline, stage = current_deadline(c, responded_since(c, row.last_response), rules)
        facts.setdefault(c.customer_id, []).append(OpenComplaint(c.id, deadline, stage, c.priority))
    return facts
