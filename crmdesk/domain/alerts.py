"""Alerts (预警, domain.md §5): pure rules over one customer's facts as of ``today``.

Each rule returns codes and numbers, never sentences: the UI and the CLI word
them.  An alert names its customer, kind, severity, the numbers behind it and
an *occurrence* that tells recurrences apart (a birthday of 2026 and one of
2027, the 10,000 and the 50,000 yuan milestone), so that dismissing one does
not silence the next.  Every boundary is stated once here and tested exactly.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum, StrEnum
from operator import itemgetter
from typing import NamedTuple, Union

from crmdesk.domain.customer import verification_overdue
from crmdesk.domain.dates import add_months_clamped, add_years_clamped
from crmdesk.domain.orders import PlanProgress, over_limit
from crmdesk.domain.repurchase import DEFAULT_LEAD_DAYS, cycle_of_days, repurchase_due
from crmdesk.domain.tiers import Tier

Number = Union[int, str]  # fen, days, counts, percentages, or an ISO date


class AlertKind(StrEnum):
    OVER_CREDIT_LIMIT = "over_credit_limit"  # 外欠款预警
    BEHIND_PLAN = "behind_plan"  # 销售进度预警
    NO_RECENT_PURCHASE = "no_recent_purchase"  # 风险客户: no purchase for N months
    FREQUENCY_DROP = "frequency_drop"  # 风险客户: purchase days down ≥ 50% on the previous period
    CHURN_RISK = "churn_risk"  # 风险客户: 1 − P(alive) above the threshold
    SPEND_MILESTONE = "spend_milestone"
    FOLLOW_UP_DUE = "follow_up_due"
    FOLLOW_UP_OVERDUE = "follow_up_overdue"
    COMPLAINT_OVERDUE = "complaint_overdue"  # 自动升级
    REPURCHASE_DUE = "repurchase_due"
    BIRTHDAY = "birthday"
    ANNIVERSARY = "anniversary"  # a personal customer's (wedding) anniversary
    COOPERATION_ANNIVERSARY = "cooperation_anniversary"  # years since the first order
    TOUCHPOINT = "touchpoint"  # 3/30/90 days after the last purchase
    STALE_RECORD = "stale_record"
    INCOMPLETE_RECORD = "incomplete_record"


class AlertGroup(StrEnum):
    """The alert panel's tabs."""

    MONEY = "money"
    CHURN = "churn"
    FOLLOW_UP = "follow_up"
    COMPLAINTS = "complaints"
    OCCASIONS = "occasions"
    RECORDS = "records"


GROUP_OF: dict[AlertKind, AlertGroup] = {
    AlertKind.OVER_CREDIT_LIMIT: AlertGroup.MONEY,
    AlertKind.BEHIND_PLAN: AlertGroup.MONEY,
    AlertKind.NO_RECENT_PURCHASE: AlertGroup.CHURN,
    AlertKind.FREQUENCY_DROP: AlertGroup.CHURN,
    AlertKind.CHURN_RISK: AlertGroup.CHURN,
    AlertKind.SPEND_MILESTONE: AlertGroup.OCCASIONS,
    AlertKind.FOLLOW_UP_DUE: AlertGroup.FOLLOW_UP,
    AlertKind.FOLLOW_UP_OVERDUE: AlertGroup.FOLLOW_UP,
    AlertKind.COMPLAINT_OVERDUE: AlertGroup.COMPLAINTS,
    AlertKind.REPURCHASE_DUE: AlertGroup.FOLLOW_UP,
    AlertKind.BIRTHDAY: AlertGroup.OCCASIONS,
    AlertKind.ANNIVERSARY: AlertGroup.OCCASIONS,
    AlertKind.COOPERATION_ANNIVERSARY: AlertGroup.OCCASIONS,
    AlertKind.TOUCHPOINT: AlertGroup.FOLLOW_UP,
    AlertKind.STALE_RECORD: AlertGroup.RECORDS,
    AlertKind.INCOMPLETE_RECORD: AlertGroup.RECORDS,
}


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    CRITICAL = 3


class Action(StrEnum):
    """The suggested action, one per kind (the UI words it)."""

    COLLECT_PAYMENT = "collect_payment"
    REVIEW_PLAN = "review_plan"
    WIN_BACK = "win_back"
    REWARD = "reward"
    CALL_BACK = "call_back"
    ESCALATE = "escalate"
    REMIND_REPURCHASE = "remind_repurchase"
    SEND_GREETINGS = "send_greetings"
    TOUCH_BASE = "touch_base"
    VERIFY_RECORD = "verify_record"
    COMPLETE_RECORD = "complete_record"


ACTION_OF: dict[AlertKind, Action] = {
    AlertKind.OVER_CREDIT_LIMIT: Action.COLLECT_PAYMENT,
    AlertKind.BEHIND_PLAN: Action.REVIEW_PLAN,
    AlertKind.NO_RECENT_PURCHASE: Action.WIN_BACK,
    AlertKind.FREQUENCY_DROP: Action.WIN_BACK,
    AlertKind.CHURN_RISK: Action.WIN_BACK,
    AlertKind.SPEND_MILESTONE: Action.REWARD,
    AlertKind.FOLLOW_UP_DUE: Action.CALL_BACK,
    AlertKind.FOLLOW_UP_OVERDUE: Action.CALL_BACK,
    AlertKind.COMPLAINT_OVERDUE: Action.ESCALATE,
    AlertKind.REPURCHASE_DUE: Action.REMIND_REPURCHASE,
    AlertKind.BIRTHDAY: Action.SEND_GREETINGS,
    AlertKind.ANNIVERSARY: Action.SEND_GREETINGS,
    AlertKind.COOPERATION_ANNIVERSARY: Action.SEND_GREETINGS,
    AlertKind.TOUCHPOINT: Action.TOUCH_BASE,
    AlertKind.STALE_RECORD: Action.VERIFY_RECORD,
    AlertKind.INCOMPLETE_RECORD: Action.COMPLETE_RECORD,
}


class Alert(NamedTuple):
    """A tuple: a big file has a hundred thousand of them."""

    kind: AlertKind
    customer_id: int
    severity: Severity
    numbers: dict[str, Number]
    occurrence: str = ""

    @property
    def key(self) -> str:
        """Identity across recomputes: what a dismissal or a snooze is attached to."""
        return f"{self.kind}:{self.customer_id}:{self.occurrence}"

    @property
    def group(self) -> AlertGroup:
        return GROUP_OF[self.kind]

    @property
    def action(self) -> Action:
        return ACTION_OF[self.kind]


@dataclass(frozen=True)
class AlertRules:
    no_purchase_months: int = 3
    frequency_period_months: int = 6  # this period against the one before it
    frequency_drop_percent: int = 50
    frequency_min_previous: int = 2  # purchase days before a drop means anything
    churn_threshold_percent: int = 70  # 1 − P(alive) above this
    milestones: tuple[int, ...] = (1_000_000, 5_000_000, 10_000_000, 50_000_000, 100_000_000)  # fen
    milestone_recent_days: int = 30  # a milestone passed this recently is news
    repurchase_lead_days: int = DEFAULT_LEAD_DAYS
    occasion_lead_days: int = 7  # birthdays and anniversaries this many days ahead
    touchpoint_days: tuple[int, ...] = (3, 30, 90)
    touchpoint_grace_days: int = 7  # a touchpoint stays on the list this long
    stale_after_days: int = 365
    follow_up_critical_days: int = 7  # overdue this long: critical


@dataclass(frozen=True)
class DueFollowUp:
    follow_up_id: int
    due: date


@dataclass(frozen=True)
class OpenComplaint:
    complaint_id: int
    deadline: date


class CustomerFacts(NamedTuple):
    """What the rules need of one customer; missing data simply raises no alert (a tuple: made per customer)."""

    customer_id: int
    tier: Tier = Tier.D
    purchases: Sequence[tuple[date, int]] = ()  # (day, fen bought that day), ascending, up to today
    receivable: int = 0
    credit_limit: int | None = None
    plans: Sequence[PlanProgress] = ()  # plans whose period contains today
    p_alive: float | None = None  # None: the churn model could not be fitted
    birthday: date | None = None
    anniversary: date | None = None
    last_verified: date | None = None
    missing: tuple[str, ...] = ()  # essential fields left empty
    follow_ups: Sequence[DueFollowUp] = ()  # planned, not done
    complaints: Sequence[OpenComplaint] = ()  # not closed


def missing_essentials(*, company: bool, has_phone: bool, has_owner: bool, has_address: bool,
                       contacts: int) -> tuple[str, ...]:
    """What a usable record needs: a number to call, an owner, where it is, and for a company a person."""
    missing = [name for name, present in (("phone", has_phone), ("owner", has_owner), ("address", has_address))
               if not present]
    if company and contacts == 0:
        missing.append("contact_person")
    return tuple(missing)

# Numbers that are money (fen): the CLI and the UI format these as yuan.
MONEY_NUMBERS = frozenset({"receivable", "credit_limit", "over_by", "planned", "actual", "milestone", "total"})

# -- the rules --------------------------------------------------------------------------------


def credit_alerts(f: CustomerFacts) -> list[Alert]:
    if not over_limit(f.receivable, f.credit_limit):
        return []
    assert f.credit_limit is not None
    numbers = {"receivable": f.receivable, "credit_limit": f.credit_limit, "over_by": f.receivable - f.credit_limit}
    return [Alert(AlertKind.OVER_CREDIT_LIMIT, f.customer_id, Severity.CRITICAL, numbers)]


def plan_alerts(f: CustomerFacts) -> list[Alert]:
    return [
        Alert(
            AlertKind.BEHIND_PLAN, f.customer_id, Severity.WARNING,
            {"period": str(p.period), "planned": p.planned, "actual": p.actual, "percent": p.percent,
             "expected_percent": 100 * p.days_gone // p.days_total},
            occurrence=str(p.period),
        )
        for p in f.plans
        if p.behind
    ]


def _churn_severity(tier: Tier) -> Severity:
    # Losing a VIP or a major customer is what the alert exists for.
    return Severity.CRITICAL if tier in (Tier.A, Tier.B) else Severity.WARNING


class _Bounds(NamedTuple):
    """The dates every customer is measured against, worked out once per ``today``."""

    lapsed_on_or_before: date  # last purchase this early: no purchase for N months
    this_period: date  # first day of the current frequency period
    previous_period: date  # first day of the one before
    milestone_since: date  # cumulative totals up to this day are old news


_last_bounds: tuple[date, AlertRules, _Bounds] | None = None


def _bounds(today: date, rules: AlertRules) -> _Bounds:
    # Asked once per customer with the same two arguments: hashing the rules
    # each time (lru_cache) cost more than the rule using them.
    global _last_bounds
    last = _last_bounds
    if last is not None and last[0] == today and last[1] is rules:
        return last[2]
    period = rules.frequency_period_months
    bounds = _Bounds(
        add_months_clamped(today, -rules.no_purchase_months),
        add_months_clamped(today, -period) + timedelta(days=1),
        add_months_clamped(today, -2 * period) + timedelta(days=1),
        today - timedelta(days=rules.milestone_recent_days),
    )
    _last_bounds = (today, rules, bounds)
    return bounds


_DAY = itemgetter(0)
_AMOUNT = itemgetter(1)


def churn_alerts(f: CustomerFacts, today: date, rules: AlertRules = AlertRules()) -> list[Alert]:
    """No purchase for N months, frequency down on the previous period, and the model's score."""
    alerts = []
    severity = _churn_severity(f.tier)
    if f.purchases:
        bounds = _bounds(today, rules)
        last = f.purchases[-1][0]
        if last <= bounds.lapsed_on_or_before:
            alerts.append(Alert(
                AlertKind.NO_RECENT_PURCHASE, f.customer_id, severity,
                {"last_purchase": last.isoformat(), "days": (today - last).days, "months": rules.no_purchase_months},
                occurrence=last.isoformat(),
            ))
        # Purchases are one per day and sorted: the periods are slices found by bisection.
        this_start = bounds.this_period
        first_this = bisect_left(f.purchases, this_start, key=_DAY)
        current = bisect_right(f.purchases, today, key=_DAY) - first_this
        previous = first_this - bisect_left(f.purchases, bounds.previous_period, key=_DAY)
        # current == 0 is "no recent purchase", not a drop in frequency.
        if (
            current > 0
            and previous >= rules.frequency_min_previous
            and 100 * (previous - current) >= rules.frequency_drop_percent * previous
        ):
            alerts.append(Alert(
                AlertKind.FREQUENCY_DROP, f.customer_id, severity,
                {"previous": previous, "current": current, "months": rules.frequency_period_months,
                 "drop_percent": 100 * (previous - current) // previous},
                occurrence=this_start.isoformat(),
            ))
    # Compared as P(alive) below 1 − threshold: 1 − 0.3 is not exactly 0.7 in floats.
    if f.p_alive is not None and f.p_alive < (100 - rules.churn_threshold_percent) / 100:
        alerts.append(Alert(
            AlertKind.CHURN_RISK, f.customer_id, severity,
            {"risk_percent": round(100 * (1.0 - f.p_alive)), "threshold_percent": rules.churn_threshold_percent},
        ))
    return alerts


def milestone_alerts(f: CustomerFacts, today: date, rules: AlertRules = AlertRules()) -> list[Alert]:
    """The highest milestone that cumulative purchases passed in the last ``milestone_recent_days``."""
    if not f.purchases:
        return []
    old = bisect_right(f.purchases, _bounds(today, rules).milestone_since, key=_DAY)
    before = sum(map(_AMOUNT, f.purchases[:old]))
    total = before + sum(map(_AMOUNT, f.purchases[old:]))
    passed = [m for m in rules.milestones if before < m <= total]
    if not passed:
        return []
    milestone = max(passed)
    return [Alert(AlertKind.SPEND_MILESTONE, f.customer_id, Severity.INFO,
                  {"milestone": milestone, "total": total}, occurrence=str(milestone))]


def follow_up_alerts(f: CustomerFacts, today: date, rules: AlertRules = AlertRules()) -> list[Alert]:
    alerts = []
    for item in f.follow_ups:
        late = (today - item.due).days
        if late < 0:
            continue
        if late == 0:
            kind, severity = AlertKind.FOLLOW_UP_DUE, Severity.INFO
        else:
            kind = AlertKind.FOLLOW_UP_OVERDUE
            severity = Severity.CRITICAL if late >= rules.follow_up_critical_days else Severity.WARNING
        alerts.append(Alert(kind, f.customer_id, severity,
                            {"follow_up_id": item.follow_up_id, "due": item.due.isoformat(), "days_overdue": late},
                            occurrence=str(item.follow_up_id)))
    return alerts


def complaint_alerts(f: CustomerFacts, today: date) -> list[Alert]:
    """An open complaint past its deadline is escalated (自动升级)."""
    return [
        Alert(AlertKind.COMPLAINT_OVERDUE, f.customer_id, Severity.CRITICAL,
              {"complaint_id": c.complaint_id, "deadline": c.deadline.isoformat(),
               "days_overdue": (today - c.deadline).days},
              occurrence=str(c.complaint_id))
        for c in f.complaints
        if today > c.deadline
    ]


def repurchase_alerts(f: CustomerFacts, today: date, rules: AlertRules = AlertRules()) -> list[Alert]:
    cycle = cycle_of_days(list(map(_DAY, f.purchases)))
    if cycle is None or not repurchase_due(cycle, today, rules.repurchase_lead_days):
        return []
    return [Alert(AlertKind.REPURCHASE_DUE, f.customer_id, Severity.INFO,
                  {"next_purchase": cycle.next_purchase.isoformat(), "days_until": cycle.days_until(today),
                   "cycle_days": cycle.cycle_days},
                  occurrence=cycle.next_purchase.isoformat())]


def next_occurrence(day: date, today: date) -> date:
    """The next anniversary of ``day`` on or after today; 29 February falls on the 28th in common years."""
    if day.month == 2 and day.day == 29:
        this_year = add_years_clamped(day, today.year - day.year)
        return this_year if this_year >= today else add_years_clamped(day, today.year + 1 - day.year)
    this_year = day.replace(year=today.year)
    return this_year if this_year >= today else day.replace(year=today.year + 1)


def _occasion(kind: AlertKind, f: CustomerFacts, origin: date | None, today: date, lead_days: int) -> list[Alert]:
    if origin is None or origin > today:
        return []
    upcoming = next_occurrence(origin, today)
    years = upcoming.year - origin.year
    days_until = (upcoming - today).days
    if years < 1 or days_until > lead_days:
        return []
    return [Alert(kind, f.customer_id, Severity.INFO,
                  {"date": upcoming.isoformat(), "days_until": days_until, "years": years},
                  occurrence=upcoming.isoformat())]


def occasion_alerts(f: CustomerFacts, today: date, rules: AlertRules = AlertRules()) -> list[Alert]:
    """Birthdays, anniversaries and cooperation anniversaries within ``occasion_lead_days``."""
    first_purchase = f.purchases[0][0] if f.purchases else None
    lead = rules.occasion_lead_days
    return (
        _occasion(AlertKind.BIRTHDAY, f, f.birthday, today, lead)
        + _occasion(AlertKind.ANNIVERSARY, f, f.anniversary, today, lead)
        + _occasion(AlertKind.COOPERATION_ANNIVERSARY, f, first_purchase, today, lead)
    )


def touchpoint_alerts(f: CustomerFacts, today: date, rules: AlertRules = AlertRules()) -> list[Alert]:
    """After the last purchase: day 3 (experience), 30 (habit), 90 (repurchase), each for a grace period."""
    if not f.purchases:
        return []
    last = f.purchases[-1][0]
    since = (today - last).days
    for mark in rules.touchpoint_days:
        if mark <= since < mark + rules.touchpoint_grace_days:
            return [Alert(AlertKind.TOUCHPOINT, f.customer_id, Severity.INFO,
                          {"last_purchase": last.isoformat(), "day": mark, "days_since": since},
                          occurrence=f"{last.isoformat()}+{mark}")]
    return []


def record_alerts(f: CustomerFacts, today: date, rules: AlertRules = AlertRules()) -> list[Alert]:
    alerts = []
    if verification_overdue(f.last_verified, today, rules.stale_after_days):
        numbers: dict[str, Number] = {"max_age_days": rules.stale_after_days}
        if f.last_verified is not None:
            numbers |= {"last_verified": f.last_verified.isoformat(), "days": (today - f.last_verified).days}
        alerts.append(Alert(AlertKind.STALE_RECORD, f.customer_id, Severity.INFO, numbers))
    if f.missing:
        alerts.append(Alert(AlertKind.INCOMPLETE_RECORD, f.customer_id, Severity.INFO,
                            {"missing": ",".join(f.missing)}))
    return alerts


def alerts_for(f: CustomerFacts, today: date, rules: AlertRules = AlertRules()) -> list[Alert]:
    """Every alert of one customer."""
    alerts = credit_alerts(f)
    if f.plans:
        alerts += plan_alerts(f)
    alerts += churn_alerts(f, today, rules)
    if f.purchases:
        alerts += milestone_alerts(f, today, rules)
        alerts += repurchase_alerts(f, today, rules)
        alerts += touchpoint_alerts(f, today, rules)
    if f.follow_ups:
        alerts += follow_up_alerts(f, today, rules)
    if f.complaints:
        alerts += complaint_alerts(f, today)
    alerts += occasion_alerts(f, today, rules)
    alerts += record_alerts(f, today, rules)
    return alerts


def sort_key(alert: Alert) -> tuple[int, str, int]:
    """Most severe first, then by kind and customer."""
    return (-alert.severity, alert.kind, alert.customer_id)  # a StrEnum compares as its text
