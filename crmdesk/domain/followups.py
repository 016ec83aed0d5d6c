"""The contact log and planned follow-ups (客户沟通 / 定时回访, domain.md §6).

A contact is what happened (a call made, a visit paid); a follow-up is what
is planned.  Doing a follow-up links it to the contact that did it; moving it
keeps the old date in the change log.  Times are local wall-clock "HH:MM"
text, never converted between time zones: a call-back at 09:30 is at 09:30
wherever the computer thinks it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from crmdesk.domain.validation import ErrorCode, FieldError, text_errors

MAX_TEXT = 2000  # summary, outcome, next step
MAX_PURPOSE = 200
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


class ContactMethod(StrEnum):
    VISIT = "visit"  # 登门拜访
    PHONE = "phone"  # 电话
    LETTER = "letter"  # 信件
    WECHAT = "wechat"  # 微信
    EMAIL = "email"  # 电子邮件
    QQ = "qq"
    SMS = "sms"  # 短信
    ONLINE = "online"  # 网络, any other


class FollowUpState(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    MISSED = "missed"
    CANCELLED = "cancelled"


class FollowUpSource(StrEnum):
    """Who planned it: the user, or a cadence (generated ones carry a key, so regenerating never duplicates)."""

    MANUAL = "manual"
    CALL_BACK = "call_back"  # regular call-back by tier
    REVIEW = "review"  # quarterly business review (company customers)
    FEEDBACK = "feedback"  # feedback within a week of a contact
    TOUCHPOINT = "touchpoint"  # 3/30/90 days after a purchase
    WIN_BACK = "win_back"  # a win-back plan's steps (domain.win_back)


@dataclass(frozen=True)
class Contact:
    """One entry of the contact log."""

    customer_id: int
    contact_date: date
    method: ContactMethod
    summary: str
    contact_time: str | None = None  # "HH:MM", local
    person: str = ""  # whom we spoke to (a company's contact person)
    outcome: str = ""
    next_step: str = ""
    id: int | None = None
    uid: str = ""
    row_version: int = 0


@dataclass(frozen=True)
class FollowUp:
    """A planned call-back, visit or message."""

    customer_id: int
    due_date: date
    method: ContactMethod
    purpose: str
    due_time: str | None = None  # "HH:MM", local
    owner: str | None = None
    state: FollowUpState = FollowUpState.PLANNED
    contact_id: int | None = None  # the contact that did it
    source: FollowUpSource = FollowUpSource.MANUAL
    gen_key: str | None = None  # a generated one's identity within its customer
    id: int | None = None
    uid: str = ""
    row_version: int = 0

    def overdue_days(self, today: date) -> int:
        """Days past due (0: due today or later, or not planned any more)."""
        if self.state is not FollowUpState.PLANNED:
            return 0
        return max(0, (today - self.due_date).days)


def _time_errors(name: str, value: str | None) -> list[FieldError]:
    if value is None or _TIME.fullmatch(value):
        return []
    return [FieldError(name, ErrorCode.INVALID_TIME)]


def contact_errors(contact: Contact) -> list[FieldError]:
    """What must be fixed before a contact is saved: a summary, a valid time, sane lengths."""
    return (
        text_errors("summary", contact.summary, MAX_TEXT, required=True)
        + _time_errors("contact_time", contact.contact_time)
        + text_errors("person", contact.person, MAX_PURPOSE)
        + text_errors("outcome", contact.outcome, MAX_TEXT)
        + text_errors("next_step", contact.next_step, MAX_TEXT)
    )


def follow_up_errors(follow_up: FollowUp) -> list[FieldError]:
    """A purpose, a valid time; done ones must say which contact did them."""
    errors = (
        text_errors("purpose", follow_up.purpose, MAX_PURPOSE, required=True)
        + _time_errors("due_time", follow_up.due_time)
    )
    if follow_up.state is FollowUpState.DONE and follow_up.contact_id is None:
        errors.append(FieldError("contact_id", ErrorCode.REQUIRED))
    return errors
