"""Follow-up cadences (定时回访, domain.md §4–6): which follow-ups to plan for a customer, as of ``today``.

Four kinds, each an ordinary follow-up once made (the user may move, do or
cancel it; regenerating never makes it again):

- call-back (定期回访) by tier: every ``call_back_X_days`` (A most often, D
  rarely; 0 turns a tier's off).  At most one open generated call-back per
  customer: while one is planned none is added.  The next is due one interval
  after the later of the customer's last contact and the last generated
  call-back (whatever became of it: done, missed, cancelled, binned), so a
  cancelled one is not put back the next day.  A customer with no rhythm yet
  (never contacted, or behind by more than ``grace_days``) gets its call-back
  on a fixed *slot* of its cycle: the first day on or after today whose day
  number is congruent to its id modulo the interval.  So turning cadences on
  for a big file spreads the first round over each tier's interval instead of
  piling every customer onto today, and the slot does not move from one day
  to the next (the same call-back is found every time until it is made).
  Key ``callback:<cadence day>`` (the day before any working-day shift).
- quarterly business review (季度业务回顾) of company customers, a visit: due in
  the quarter's middle month (February, May, August, November) on day
  1 + (customer id mod 28): far enough into the quarter for there to be
  business to review, early enough to act on it before the quarter ends, and
  spread over the month so that a file's company customers do not all fall on
  one day.  Key ``review:<year>Q<n>``, one per quarter.
- feedback (回访反馈) ``feedback_days`` after the customer's last contact: the
  last one only (an earlier contact's feedback is superseded by talking to the
  customer again), and not after a contact that did a generated follow-up (the
  feedback call itself, a call-back, a review, a touchpoint): otherwise every
  feedback call would ask for another.  At most one open generated feedback
  per customer.  Key ``feedback:<contact uid>``.
- touchpoints (3/30/90 days after a purchase: experience, habit, repurchase),
  after each purchase day (all orders of one day are one purchase).  A later
  purchase on or before a touchpoint's day supersedes it: the customer bought
  again, so the call is about the newer purchase.  Key
  ``touchpoint:<purchase day>+<days>``.

A follow-up is made when its day falls from today to today + ``horizon_days``
(so generating at every open fills the calendar forward without flooding it),
or fell in the last ``grace_days`` (the file was not opened that week): such a
late one is planned for today.  Due days move to the next Chinese working day
(domain.workdays) when ``skip_non_working_days``; keys keep the unmoved day, so
a newer holiday table never makes a second copy.

Purposes are stored in Simplified Chinese ("定期回访（A级，每30天）",
"季度业务回顾 2026Q4", ...).  A purpose is free text the user may edit and that
prints, exports and syncs to phone calendars as it is; most users read
Chinese, and a translated UI would have to translate the stored text of every
row anyway.  The ``source`` column says what kind a follow-up is, language-free.

Pure: no SQL, no Qt, ``today`` a parameter.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container, Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import NamedTuple

from crmdesk.domain.followups import ContactMethod, FollowUp, FollowUpSource
from crmdesk.domain.tiers import Tier
from crmdesk.domain.validation import ErrorCode, FieldError
from crmdesk.domain.workdays import next_working_day

REVIEW_SPREAD_DAYS = 28  # reviews fall on days 1..28 of the quarter's middle month


@dataclass(frozen=True)
class CadenceRules:
    """Per-file settings (File -> File settings); ``cadence_rules_errors`` says which are allowed."""

    call_back_a_days: int = 30  # 0: no regular call-backs for the tier
    call_back_b_days: int = 60
    call_back_c_days: int = 90
    call_back_d_days: int = 180
    company_review: bool = True  # a quarterly business review for company customers
    feedback_days: int = 7  # after the last contact; 0: off
    touchpoint_days: tuple[int, ...] = (3, 30, 90)  # after each purchase day; (): off
    horizon_days: int = 30  # generate what is due from today to today + this
    grace_days: int = 7  # ... and what fell due this recently (planned for today)
    skip_non_working_days: bool = True  # move due days to the next Chinese working day
    generate_on_open: bool = True  # the window plans them each time it opens the file

    def call_back_days(self, tier: Tier) -> int:
        return {Tier.A: self.call_back_a_days, Tier.B: self.call_back_b_days,
                Tier.C: self.call_back_c_days, Tier.D: self.call_back_d_days}[tier]


# Whole numbers a file may set, with their allowed ranges (0 is "off" where it is allowed).
CADENCE_RULE_RANGES: dict[str, tuple[int, int]] = {
    "call_back_a_days": (0, 730),
    "call_back_b_days": (0, 730),
    "call_back_c_days": (0, 730),
    "call_back_d_days": (0, 730),
    "feedback_days": (0, 30),
    "horizon_days": (0, 366),
    "grace_days": (0, 31),
}
CADENCE_FLAGS = ("company_review", "skip_non_working_days", "generate_on_open")
TOUCHPOINT_RANGE = (1, 366)
MAX_TOUCHPOINTS = 6

assert {f.name for f in fields(CadenceRules)} == {*CADENCE_RULE_RANGES, *CADENCE_FLAGS, "touchpoint_days"}


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _value_error(name: str, value: object) -> FieldError | None:
    if name in CADENCE_FLAGS:
        return None if isinstance(value, bool) else FieldError(name, ErrorCode.INVALID_TYPE)
    if name == "touchpoint_days":
        low, high = TOUCHPOINT_RANGE
        if not isinstance(value, tuple):
            return FieldError(name, ErrorCode.INVALID_TYPE)
        if not all(_whole(n) for n in value):
            return FieldError(name, ErrorCode.INVALID_INTEGER)
        if len(value) > MAX_TOUCHPOINTS or len(set(value)) < len(value) or not all(low <= n <= high for n in value):
            return FieldError(name, ErrorCode.OUT_OF_RANGE, {"min": low, "max": high, "count": MAX_TOUCHPOINTS})
        return None
    low, high = CADENCE_RULE_RANGES[name]
    if not _whole(value):
        return FieldError(name, ErrorCode.INVALID_INTEGER)
    if not low <= value <= high:  # type: ignore[operator]
        return FieldError(name, ErrorCode.OUT_OF_RANGE, {"min": low, "max": high})
    return None


def cadence_rule_allowed(name: str, value: object) -> bool:
    """Whether one setting's value is allowed (touchpoint days: a tuple of distinct whole days)."""
    return _value_error(name, value) is None


def cadence_rules_errors(rules: CadenceRules) -> list[FieldError]:
    """What is wrong with cadence rules, by field name (empty: they may be stored)."""
    return [e for f in fields(CadenceRules) if (e := _value_error(f.name, getattr(rules, f.name))) is not None]


class LastContact(NamedTuple):
    day: date
    uid: str
    by_cadence: bool  # it did a generated follow-up: no feedback is asked after it


class CadenceFacts(NamedTuple):
    """What the cadences need of one customer (a tuple: made per customer, 100,000 times)."""

    customer_id: int
    tier: Tier = Tier.D
    is_company: bool = False
    owner: str | None = None
    last_contact: LastContact | None = None  # the latest contact up to today
    last_call_back: date | None = None  # due day of the latest generated call-back, in any state
    open_call_back: bool = False  # a generated call-back is still planned
    open_feedback: bool = False  # a generated feedback is still planned
    purchase_days: Sequence[date] = ()  # ascending; those from ``Cadence.purchases_from`` suffice


def quarter_key(day: date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def touchpoint_label(days: int) -> str:
    """The touchpoint's theme: 3 days after, the experience; 30, the habit; 90, repurchase."""
    if days <= 7:
        return "使用体验"
    if days <= 45:
        return "使用习惯"
    return "复购提醒"


def feedback_purpose(days: int, contact_day: date) -> str:
    within = "一周" if days == 7 else f"{days}天"
    return f"联系后{within}内回访反馈（{contact_day.isoformat()}联系）"


class Cadence:
    """``today``, the rules and the window, worked out once; per customer only comparisons remain."""

    def __init__(self, today: date, rules: CadenceRules = CadenceRules()) -> None:
        self.today, self.rules = today, rules
        self.first = today - timedelta(days=rules.grace_days)  # the earliest cadence day still made
        self.last = today + timedelta(days=rules.horizon_days)  # the latest due day made
        self._due: dict[date, date | None] = {}
        self.intervals = {tier: rules.call_back_days(tier) for tier in Tier}
        self._steps = {tier: timedelta(days=n) for tier, n in self.intervals.items() if n}
        self._call_back_purposes = {tier: f"定期回访（{tier.value}级，每{n}天）" for tier, n in self.intervals.items()}
        self._feedback_step = timedelta(days=rules.feedback_days)
        self._touchpoints = [(timedelta(days=n), f"+{n}", f"购买后第{n}天：{touchpoint_label(n)}")
                             for n in sorted(rules.touchpoint_days)]
        longest = max(rules.touchpoint_days, default=0)
        self.purchases_from = self.first - timedelta(days=longest)  # older purchases have no touchpoint left
        # (key, first day of the middle month) of every quarter whose review can be in the window.
        self._quarters = []
        year, quarter = self.first.year, (self.first.month - 1) // 3
        while date(year, 3 * quarter + 1, 1) <= self.last:
            self._quarters.append((f"review:{year}Q{quarter + 1}", date(year, 3 * quarter + 2, 1)))
            year, quarter = (year + 1, 0) if quarter == 3 else (year, quarter + 1)

    def key_floors(self) -> tuple[str, ...]:
        """Per key prefix, the lowest key this cadence can make: older keys need not be read to check it.

        Keys of one prefix sort by their day (ISO dates, 2026Q4); a reader
        takes, for each floor, the keys from it up to the end of its prefix.
        """
        return (
            f"callback:{self.first.isoformat()}",
            self._quarters[0][0],  # the quarter holding the first day: never empty
            f"touchpoint:{self.purchases_from.isoformat()}",
            "feedback:",
        )

    def due(self, day: date) -> date | None:
        """When a follow-up meant for ``day`` is planned (late ones today, then a working day); None: not now."""
        if day in self._due:
            return self._due[day]
        due: date | None = None
        if day >= self.first:
            due = max(day, self.today)
            if self.rules.skip_non_working_days:
                due = next_working_day(due)
            if due > self.last:
                due = None
        self._due[day] = due
        return due

    def call_back_day(self, f: CadenceFacts) -> date | None:
        """The cadence day of the customer's next call-back (None: its tier has none)."""
        step = self._steps.get(f.tier)
        if step is None:
            return None
        anchor = f.last_call_back
        if f.last_contact is not None and (anchor is None or f.last_contact.day > anchor):
            anchor = f.last_contact.day
        if anchor is not None and anchor + step >= self.first:
            return anchor + step
        return self.today + timedelta(days=(f.customer_id - self.today.toordinal()) % step.days)

    def follow_ups_for(self, f: CadenceFacts, existing: Container[str] = ()) -> list[FollowUp]:
        """The follow-ups to add for one customer; ``existing``: its generated keys already in the file."""
        made: list[FollowUp] = []
        cid, owner = f.customer_id, f.owner
        if not f.open_call_back:
            day = self.call_back_day(f)
            if day is not None and (due := self.due(day)) is not None:
                key = f"callback:{day.isoformat()}"
                if key not in existing:
                    made.append(FollowUp(cid, due, ContactMethod.PHONE, self._call_back_purposes[f.tier],
                                         owner=owner, source=FollowUpSource.CALL_BACK, gen_key=key))
        if f.is_company and self.rules.company_review:
            offset = timedelta(days=cid % REVIEW_SPREAD_DAYS)
            for key, month in self._quarters:
                if (due := self.due(month + offset)) is not None and key not in existing:
                    made.append(FollowUp(cid, due, ContactMethod.VISIT, f"季度业务回顾 {key[7:]}",
                                         owner=owner, source=FollowUpSource.REVIEW, gen_key=key))
        contact = f.last_contact
        if contact is not None and self.rules.feedback_days and not contact.by_cadence and not f.open_feedback:
            due = self.due(contact.day + self._feedback_step)
            key = f"feedback:{contact.uid}"
            if due is not None and key not in existing:
                made.append(FollowUp(cid, due, ContactMethod.PHONE,
                                     feedback_purpose(self.rules.feedback_days, contact.day),
                                     owner=owner, source=FollowUpSource.FEEDBACK, gen_key=key))
        days = f.purchase_days
        if days and self._touchpoints and days[-1] >= self.purchases_from:
            end = len(days)
            for i in range(bisect_left(days, self.purchases_from), end):
                bought = days[i]
                following = days[i + 1] if i + 1 < end else None
                iso = None
                for step, suffix, purpose in self._touchpoints:
                    day = bought + step
                    if following is not None and following <= day:
                        break  # bought again by then: the later purchase's touchpoints take over
                    if (due := self.due(day)) is None:
                        continue
                    iso = iso or bought.isoformat()
                    key = f"touchpoint:{iso}{suffix}"
                    if key not in existing:
                        made.append(FollowUp(cid, due, ContactMethod.PHONE, f"{purpose}（{iso}购买）",
                                             owner=owner, source=FollowUpSource.TOUCHPOINT, gen_key=key))
        return made


def cadence_follow_ups(f: CadenceFacts, today: date, rules: CadenceRules = CadenceRules(),
                       existing: Container[str] = ()) -> list[FollowUp]:
    """One customer's follow-ups to add (a whole-file run makes one ``Cadence`` and asks it)."""
    return Cadence(today, rules).follow_ups_for(f, existing)
