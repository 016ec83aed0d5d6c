"""Complaints (客户投诉, domain.md §7): the record, its handling steps, deadlines and escalation.

A complaint is received on a day (and maybe at a time) through a channel,
has a category and a nature (善意投诉 good faith, or 恶意投诉 malicious: then
the reason, e.g. extortion or defamation, must be given), a description and
an owner.  Its *priority* is the customer's tier when it was received (A =
VIP first) and is kept as it was: a later tier change does not reorder old
complaints.

Handling is a timeline of steps (共情-归因-行动): the first response
(快速反应), the cause found (归因), an action with a measurable promise and a
due date (行动), follow-ups (跟进/回访) and notes.  Resolving writes a
``resolved`` step with the outcome, the satisfaction score (1–5) and whether
the customer stayed; reopening writes a ``reopened`` step with the reason.
Nothing is ever taken out of the timeline: the earlier resolution stays in
its step (and in the change log) after a reopen.

Deadlines, in calendar days, per tier (``ComplaintDeadlines``, a per-file
setting).  They count from the *clock start*: the received date, or the day of
the latest reopen (a reopened complaint is answered and resolved again, on a
fresh clock).

- response deadline = clock start + response days of the priority;
- resolution deadline = clock start + resolution days of the priority.

An open complaint is **escalated** (自动升级) when today is *after* the
resolution deadline, or *after* the response deadline while it has no first
response since the clock start.  On the deadline day itself it is not yet
escalated; the day after, it is.  With 0 days the deadline is the day of
receipt, so it escalates the next day.  A resolved complaint is never
escalated.

Pure: no SQL, no Qt, no clock (``today`` is a parameter).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from crmdesk.domain.tiers import Tier
from crmdesk.domain.validation import ErrorCode, FieldError, text_errors

MAX_TEXT = 2000  # description, outcome, a step's text
MAX_SHORT = 200  # owner, the reason a complaint is malicious, a promise
SATISFACTION = (1, 5)  # 满意度调查: 1 very dissatisfied .. 5 very satisfied
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


class ComplaintChannel(StrEnum):
    PHONE = "phone"  # 电话
    VISIT = "visit"  # 来访
    LETTER = "letter"  # 信函
    ONLINE = "online"  # 网络: WeChat, QQ, e-mail, the website
    STORE = "store"  # 门店, at the counter
    OTHER = "other"


class ComplaintCategory(StrEnum):
    PRODUCT = "product"  # 产品质量
    SERVICE = "service"  # 服务态度
    DELIVERY = "delivery"  # 配送/时效
    PRICE = "price"  # 价格
    USAGE = "usage"  # 使用
    OTHER = "other"


class ComplaintNature(StrEnum):
    GOOD_FAITH = "good_faith"  # 善意投诉
    MALICIOUS = "malicious"  # 恶意投诉: extortion, defamation (the reason is required)


class ComplaintState(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


class StepKind(StrEnum):
    FIRST_RESPONSE = "first_response"  # 快速反应: received, listened, said we will help
    CAUSE = "cause"  # 归因: the cause found
    ACTION = "action"  # 行动: a measurable promise and its due date
    FOLLOW_UP = "follow_up"  # 跟进 / 回访
    NOTE = "note"
    RESOLVED = "resolved"  # written by resolving: the outcome, satisfaction, retained
    REOPENED = "reopened"  # written by reopening: the reason


# Steps the user adds directly; RESOLVED and REOPENED come with resolving and reopening.
MANUAL_STEPS = (StepKind.FIRST_RESPONSE, StepKind.CAUSE, StepKind.ACTION, StepKind.FOLLOW_UP, StepKind.NOTE)
# What may still be added to a resolved complaint (a satisfaction call, a remark).
AFTER_RESOLUTION_STEPS = (StepKind.FOLLOW_UP, StepKind.NOTE)


class DeadlineStage(StrEnum):
    """Which deadline an open complaint is measured against now."""

    RESPONSE = "response"  # no first response yet
    RESOLUTION = "resolution"


@dataclass(frozen=True)
class Complaint:
    customer_id: int
    received_date: date
    channel: ComplaintChannel
    category: ComplaintCategory
    description: str
    received_time: str | None = None  # "HH:MM", local
    nature: ComplaintNature = ComplaintNature.GOOD_FAITH
    nature_reason: str = ""  # why malicious (required then)
    order_id: int | None = None  # the order or shipment it is about
    owner: str | None = None  # who handles it
    priority: Tier = Tier.D  # the customer's tier when received (A = VIP first)
    state: ComplaintState = ComplaintState.OPEN
    reopened_date: date | None = None  # the latest reopen: the deadlines count from it
    resolved_date: date | None = None  # set while resolved
    outcome: str = ""  # while resolved
    satisfaction: int | None = None  # 1..5 after resolution; None: not asked
    retained: bool | None = None  # the customer stayed; None: not known
    id: int | None = None
    uid: str = ""
    row_version: int = 0


@dataclass(frozen=True)
class ComplaintStep:
    complaint_id: int
    customer_id: int
    kind: StepKind
    step_date: date
    text: str  # what was said or done; the cause; the action; the outcome; the reason for reopening
    step_time: str | None = None  # "HH:MM", local
    promise: str = ""  # ACTION: the measurable promise ("refund 200 yuan", "redeliver by Friday")
    due_date: date | None = None  # ACTION: when it is promised for
    due_time: str | None = None  # ACTION, optional
    satisfaction: int | None = None  # RESOLVED
    retained: bool | None = None  # RESOLVED
    id: int | None = None
    uid: str = ""
    row_version: int = 0


# -- deadlines ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ComplaintDeadlines:
    """Response and resolution deadlines in calendar days per priority tier (a per-file setting)."""

    response_a_days: int = 1
    response_b_days: int = 1
    response_c_days: int = 2
    response_d_days: int = 3
    resolution_a_days: int = 3
    resolution_b_days: int = 5
    resolution_c_days: int = 7
    resolution_d_days: int = 10

    def response_days(self, tier: Tier) -> int:
        return getattr(self, f"response_{tier.value.lower()}_days")

    def resolution_days(self, tier: Tier) -> int:
        return getattr(self, f"resolution_{tier.value.lower()}_days")


# Allowed ranges (0: by the end of the day of receipt).
RESPONSE_DAYS = (0, 30)
RESOLUTION_DAYS = (0, 180)
DEADLINE_RANGES: dict[str, tuple[int, int]] = {
    f.name: RESPONSE_DAYS if f.name.startswith("response_") else RESOLUTION_DAYS
    for f in fields(ComplaintDeadlines)
}


def deadline_allowed(name: str, value: object) -> bool:
    low, high = DEADLINE_RANGES[name]
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def deadlines_errors(rules: ComplaintDeadlines) -> list[FieldError]:
    """Each value a whole number in its range, and no tier's resolution before its response.

    A resolution shorter than the response is reported on the resolution
    field as OUT_OF_RANGE with the response days as its minimum.
    """
    errors = []
    for name, (low, high) in DEADLINE_RANGES.items():
        value = getattr(rules, name)
        if not isinstance(value, int) or isinstance(value, bool):
            errors.append(FieldError(name, ErrorCode.INVALID_INTEGER))
        elif not low <= value <= high:
            errors.append(FieldError(name, ErrorCode.OUT_OF_RANGE, {"min": low, "max": high}))
    if errors:
        return errors
    for tier in Tier:
        response, resolution = rules.response_days(tier), rules.resolution_days(tier)
        if resolution < response:
            errors.append(FieldError(f"resolution_{tier.value.lower()}_days", ErrorCode.OUT_OF_RANGE,
                                     {"min": response, "max": RESOLUTION_DAYS[1]}))
    return errors


def clock_start(c: Complaint) -> date:
    """The day the deadlines count from: received, or reopened last."""
    return c.reopened_date or c.received_date


def response_deadline(c: Complaint, rules: ComplaintDeadlines = ComplaintDeadlines()) -> date:
    """The last day for the first response (快速反应)."""
    return clock_start(c) + timedelta(days=rules.response_days(c.priority))


def resolution_deadline(c: Complaint, rules: ComplaintDeadlines = ComplaintDeadlines()) -> date:
    """The last day for resolving it."""
    return clock_start(c) + timedelta(days=rules.resolution_days(c.priority))


def has_first_response(c: Complaint, steps: Iterable[ComplaintStep]) -> bool:
    """A first response on or after the clock start (one before a reopen does not answer the reopen)."""
    start = clock_start(c)
    return any(s.kind is StepKind.FIRST_RESPONSE and s.step_date >= start for s in steps)


def responded_since(c: Complaint, last_response: date | None) -> bool:
    """``has_first_response`` from the day of the latest first response alone (what a whole-file read gives)."""
    return last_response is not None and last_response >= clock_start(c)


def _responded(c: Complaint, responded: bool | Iterable[ComplaintStep]) -> bool:
    return responded if isinstance(responded, bool) else has_first_response(c, responded)


def current_deadline(c: Complaint, responded: bool | Iterable[ComplaintStep],
                     rules: ComplaintDeadlines = ComplaintDeadlines()) -> tuple[date, DeadlineStage]:
    """The deadline that counts now and which one it is: the response deadline while there is no
    first response (unless the resolution deadline comes first), else the resolution deadline.

    ``responded``: whether it has a first response since the clock start, or its steps.
    """
    resolution = resolution_deadline(c, rules)
    if not _responded(c, responded):
        response = response_deadline(c, rules)
        if response <= resolution:
            return response, DeadlineStage.RESPONSE
    return resolution, DeadlineStage.RESOLUTION


def escalated(c: Complaint, responded: bool | Iterable[ComplaintStep], today: date,
              rules: ComplaintDeadlines = ComplaintDeadlines()) -> bool:
    """Open, and today after the resolution deadline, or after the response deadline with no first response.

    On a deadline day it is not escalated yet; the day after, it is.
    """
    return c.state is ComplaintState.OPEN and today > current_deadline(c, responded, rules)[0]


class ComplaintStatus(NamedTuple):
    """Where a complaint stands on ``today``: what the lists show and sort by."""

    response_deadline: date
    resolution_deadline: date
    responded: bool  # a first response since the clock start
    deadline: date | None  # the one that counts now (None: resolved)
    stage: DeadlineStage | None  # None: resolved
    escalated: bool
    days_overdue: int  # days past ``deadline`` (0 unless escalated)


def complaint_status(c: Complaint, responded: bool | Iterable[ComplaintStep], today: date,
                     rules: ComplaintDeadlines = ComplaintDeadlines()) -> ComplaintStatus:
    answered = _responded(c, responded)
    deadline: date | None = None
    stage: DeadlineStage | None = None
    late = 0
    if c.state is ComplaintState.OPEN:
        deadline, stage = current_deadline(c, answered, rules)
        late = max(0, (today - deadline).days)
    return ComplaintStatus(response_deadline(c, rules), resolution_deadline(c, rules), answered, deadline, stage,
                           late > 0, late)


_PRIORITY_RANK = {Tier.A: 0, Tier.B: 1, Tier.C: 2, Tier.D: 3}


def sort_key(c: Complaint, deadline: date | None) -> tuple:
    """Open before resolved; then priority (A before B before C before D), the nearest deadline,
    the earliest received.  So a VIP complaint comes before an older ordinary one."""
    return (c.state is not ComplaintState.OPEN, _PRIORITY_RANK[c.priority], deadline or date.max,
            c.received_date, c.received_time or "", c.id or 0)


# -- validation -----------------------------------------------------------------------------------


def _time_errors(name: str, value: str | None) -> list[FieldError]:
    if value is None or (isinstance(value, str) and _TIME.fullmatch(value)):
        return []
    return [FieldError(name, ErrorCode.INVALID_TIME)]


def _choice_errors(name: str, value: object, enum: type[StrEnum]) -> list[FieldError]:
    return [] if isinstance(value, enum) else [FieldError(name, ErrorCode.INVALID_CHOICE)]


def _date_errors(name: str, value: object, required: bool = False) -> list[FieldError]:
    if value is None:
        return [FieldError(name, ErrorCode.REQUIRED)] if required else []
    if not isinstance(value, date) or hasattr(value, "hour"):  # not a datetime
        return [FieldError(name, ErrorCode.INVALID_TYPE)]
    return []


def _before(name: str, value: date | None, earliest: date | None, reason: str) -> list[FieldError]:
    """A date earlier than the one it follows: INVALID_DATE with ``reason`` and ``min``."""
    if isinstance(value, date) and isinstance(earliest, date) and value < earliest:
        return [FieldError(name, ErrorCode.INVALID_DATE, {"reason": reason, "min": earliest.isoformat()})]
    return []


def _satisfaction_errors(name: str, value: object) -> list[FieldError]:
    if value is None:
        return []
    if not isinstance(value, int) or isinstance(value, bool):
        return [FieldError(name, ErrorCode.INVALID_INTEGER)]
    low, high = SATISFACTION
    if not low <= value <= high:
        return [FieldError(name, ErrorCode.OUT_OF_RANGE, {"min": low, "max": high})]
    return []


def _flag_errors(name: str, value: object) -> list[FieldError]:
    return [] if value is None or isinstance(value, bool) else [FieldError(name, ErrorCode.INVALID_TYPE)]


def complaint_errors(c: Complaint) -> list[FieldError]:
    """What must be fixed before a complaint is stored.

    A description; a malicious complaint needs its reason (``nature_reason``
    REQUIRED); satisfaction 1..5; a resolved one has its resolved date (not
    before the clock start) and outcome; an open one carries no resolution
    (NOT_APPLICABLE: the earlier resolution lives in its ``resolved`` step).
    """
    errors = (
        _date_errors("received_date", c.received_date, required=True)
        + _time_errors("received_time", c.received_time)
        + _choice_errors("channel", c.channel, ComplaintChannel)
        + _choice_errors("category", c.category, ComplaintCategory)
        + _choice_errors("nature", c.nature, ComplaintNature)
        + _choice_errors("priority", c.priority, Tier)
        + _choice_errors("state", c.state, ComplaintState)
        + text_errors("description", c.description, MAX_TEXT, required=True)
        + text_errors("owner", c.owner, MAX_SHORT)
        + _date_errors("reopened_date", c.reopened_date)
        + _before("reopened_date", c.reopened_date, c.received_date, "before_received")
    )
    malicious = c.nature is ComplaintNature.MALICIOUS
    errors += text_errors("nature_reason", c.nature_reason, MAX_SHORT, required=malicious)
    if c.order_id is not None and (not isinstance(c.order_id, int) or isinstance(c.order_id, bool)):
        errors.append(FieldError("order_id", ErrorCode.INVALID_TYPE))
    if c.state is ComplaintState.RESOLVED:
        errors += (
            _date_errors("resolved_date", c.resolved_date, required=True)
            + _before("resolved_date", c.resolved_date, clock_start(c),
                      "before_reopened" if c.reopened_date else "before_received")
            + text_errors("outcome", c.outcome, MAX_TEXT, required=True)
            + _satisfaction_errors("satisfaction", c.satisfaction)
            + _flag_errors("retained", c.retained)
        )
    elif c.state is ComplaintState.OPEN:
        for name in ("resolved_date", "satisfaction", "retained"):
            if getattr(c, name) is not None:
                errors.append(FieldError(name, ErrorCode.NOT_APPLICABLE))
        if c.outcome:
            errors.append(FieldError("outcome", ErrorCode.NOT_APPLICABLE))
    return errors


def step_errors(step: ComplaintStep, complaint: Complaint | None = None) -> list[FieldError]:
    """What must be fixed before a step is stored.

    Every step has a text.  An action needs its measurable promise and a due
    date (not before the step); promise and due date belong to actions only,
    satisfaction and retained to the resolved step only (NOT_APPLICABLE).
    With ``complaint``: the step is not dated before it was received
    (INVALID_DATE, reason ``before_received``).
    """
    errors = (
        _choice_errors("kind", step.kind, StepKind)
        + _date_errors("step_date", step.step_date, required=True)
        + _time_errors("step_time", step.step_time)
        + text_errors("text", step.text, MAX_TEXT, required=True)
    )
    if complaint is not None:
        errors += _before("step_date", step.step_date, complaint.received_date, "before_received")
    if step.kind is StepKind.ACTION:
        errors += (
            text_errors("promise", step.promise, MAX_SHORT, required=True)
            + _date_errors("due_date", step.due_date, required=True)
            + _before("due_date", step.due_date, step.step_date, "before_step")
            + _time_errors("due_time", step.due_time)
        )
    else:
        for name in ("due_date", "due_time"):
            if getattr(step, name) is not None:
                errors.append(FieldError(name, ErrorCode.NOT_APPLICABLE))
        if step.promise:
            errors.append(FieldError("promise", ErrorCode.NOT_APPLICABLE))
    if step.kind is StepKind.RESOLVED:
        errors += _satisfaction_errors("satisfaction", step.satisfaction) + _flag_errors("retained", step.retained)
    else:
        for name in ("satisfaction", "retained"):
            if getattr(step, name) is not None:
                errors.append(FieldError(name, ErrorCode.NOT_APPLICABLE))
    return errors
