"""Logging contacts and planning follow-ups: each user action checked first, then one transaction."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from crmdesk.domain.followups import Contact, FollowUp, FollowUpState, contact_errors, follow_up_errors
from crmdesk.domain.validation import FieldError
from crmdesk.storage import followups as store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.followups import DueRow


@dataclass(frozen=True)
class Logged:
    """What ``log_contact`` stored, or the errors that stopped it (nothing stored then)."""

    contact: Contact | None = None
    done: FollowUp | None = None
    next: FollowUp | None = None
    errors: tuple[FieldError, ...] = ()


def log_contact(cf: CustomerFile, contact: Contact, *, completes: FollowUp | None = None,
                next_follow_up: FollowUp | None = None) -> Logged:
    """Log a contact; it may complete a planned follow-up and schedule the next one, all or nothing.

    Errors of the next follow-up are named ``next.<field>``.  A contact already
    logged (with an id) is an edit: only the contact is stored again.
    """
    errors = contact_errors(contact)
    if contact.id is not None:
        return Logged(errors=tuple(errors)) if errors else Logged(store.update_contact(cf, contact))
    if next_follow_up is not None:
        errors += [replace(e, field=f"next.{e.field}") for e in follow_up_errors(next_follow_up)]
    if errors:
        return Logged(errors=tuple(errors))
    with cf.transaction():
        stored = store.insert_contact(cf, contact)
        done = None
        if completes is not None:
            done = store.update_follow_up(cf, replace(completes, state=FollowUpState.DONE, contact_id=stored.id))
        planned = store.insert_follow_up(cf, next_follow_up) if next_follow_up is not None else None
    return Logged(stored, done, planned)


def save_follow_up(cf: CustomerFile, follow_up: FollowUp) -> FollowUp | list[FieldError]:
    """Store a new or edited follow-up, or say what is wrong with it (nothing stored)."""
    errors = follow_up_errors(follow_up)
    if errors:
        return errors
    if follow_up.id is None:
        return store.insert_follow_up(cf, follow_up)
    return store.update_follow_up(cf, follow_up)


def reschedule(cf: CustomerFile, follow_up: FollowUp, due_date: date, due_time: str | None = None) -> FollowUp:
    """Move a follow-up; the change log keeps the date it had."""
    moved = replace(follow_up, due_date=due_date, due_time=due_time if due_time is not None else follow_up.due_time)
    errors = follow_up_errors(moved)
    if errors:
        raise ValueError(errors)
    return store.update_follow_up(cf, moved)


def close(cf: CustomerFile, follow_up: FollowUp, state: FollowUpState) -> FollowUp:
    """Missed or cancelled (done goes through ``log_contact``, which says what happened)."""
    if state not in (FollowUpState.MISSED, FollowUpState.CANCELLED, FollowUpState.PLANNED):
        raise ValueError(state)
    return store.update_follow_up(cf, replace(follow_up, state=state))


def due(cf: CustomerFile, today: date) -> list[DueRow]:
    """The today list: planned follow-ups due today or overdue, oldest first."""
    return store.planned_between(cf, None, today)
