"""Alerts (预警, domain.md §5): pure rules over one customer's facts as of ``today``.

Each rule returns codes and numbers, never sentences: the UI and the CLI word
them.  An alert names its customer, kind, severity, the numbers behind it and
an *occurrence* that tells recurrences apart (a birthday of 2026 and one of
2027, the 10,000 and the 50,000 yuan milestone), so that dismissing one does
not silence the next.  Every boundary is stated once here and tested exactly.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from calendar import isleap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum, StrEnum
from typing import NamedTuple, Union

from crmdesk.domain.complaints import DeadlineStage
from crmdesk.domain.lunar import LunarDate, next_lunar_occurrence
from crmdesk.domain.customer import verification_overdue
from crmdesk.domain.dates import add_months_clamped, add_years_clamped
from crmdesk.domain.orders import PlanProgress, over_limit
from crmdesk.domain.pipeline import OpenDeal, PipelineRules
from crmdesk.domain.repurchase import DEFAULT_LEAD_DAYS, MIN_INTERVALS, cycle_of_days, repurchase_due
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
    LUNAR_BIRTHDAY = "lunar_birthday"  # 农历生日
    ANNIVERSARY = "anniversary"  # a personal customer's (wedding) anniversary
    COOPERATION_ANNIVERSARY = "cooperation_anniversary"  # years since the first order
    TOUCHPOINT = "touchpoint"  # 3/30/90 days after the last purchase
    STALE_RECORD = "stale_record"
    INCOMPLETE_RECORD = "incomplete_record"
    LARGE_DEAL = "large_deal"  # 大额业务提醒: an open opportunity at or above the file's amount
    STUCK_DEAL = "stuck_deal"  # an opportunity in one stage longer than the file's days


class AlertGroup(StrEnum):
    """The alert panel's tabs."""

    MONEY = "money"
    CHURN = "churn"
    FOLLOW_UP = "follow_up"
    COMPLAINTS = "complaints"
    OCCASIONS = "occasions"
    RECORDS = "records"
    SALES = "sales"


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
    AlertKind.LUNAR_BIRTHDAY: AlertGroup.OCCASIONS,
    AlertKind.ANNIVERSARY: AlertGroup.OCCASIONS,
    AlertKind.COOPERATION_ANNIVERSARY: AlertGroup.OCCASIONS,
    AlertKind.TOUCHPOINT: AlertGroup.FOLLOW_UP,
    AlertKind.STALE_RECORD: AlertGroup.RECORDS,
    AlertKind.INCOMPLETE_RECORD: AlertGroup.RECORDS,
    AlertKind.LARGE_DEAL: AlertGroup.SALES,
    AlertKind.STUCK_DEAL: AlertGroup.SALES,
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
    PRIORITIZE_DEAL = "prioritize_deal"
    ADVANCE_DEAL = "advance_deal"


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
    AlertKind.LUNAR_BIRTHDAY: Action.SEND_GREETINGS,
    AlertKind.ANNIVERSARY: Action.SEND_GREETINGS,
    AlertKind.COOPERATION_ANNIVERSARY: Action.SEND_GREETINGS,
    AlertKind.TOUCHPOINT: Action.TOUCH_BASE,
    AlertKind.STALE_RECORD: Action.VERIFY_RECORD,
    AlertKind.INCOMPLETE_RECORD: Action.COMPLETE_RECORD,
    AlertKind.LARGE_DEAL: Action.PRIORITIZE_DEAL,
    AlertKind.STUCK_DEAL: Action.ADVANCE_DEAL,
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
    large_deal: int = PipelineRules.large_deal  # fen: an open opportunity this large is reminded of
    stuck_days: int = PipelineRules.stuck_days  # in one stage longer than this: stuck


# The rules a file may set (File -> File settings -> Alerts), with their allowed ranges.
ALERT_RULE_RANGES: dict[str, tuple[int, int]] = {
    "no_purchase_months": (1, 36),
    "frequency_drop_percent": (1, 100),
    "churn_threshold_percent": (1, 99),
    "repurchase_lead_days": (0, 90),
    "occasion_lead_days": (0, 60),
}


def alert_rules_allowed(name: str, value: object) -> bool:
    low, high = ALERT_RULE_RANGES[name]
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


@dataclass(frozen=True)
class DueFollowUp:
    follow_up_id: int
    due: date


@dataclass(frozen=True)
class OpenComplaint:
    complaint_id: int
    deadline: date  # the one that counts now (domain.complaints.current_deadline): escalated the day after
    stage: DeadlineStage = DeadlineStage.RESOLUTION  # which deadline that is
    priority: Tier | None = None  # the tier it was received under


class CustomerFacts(NamedTuple):
    """What the rules need of one customer; missing data simply raises no alert (a tuple: made per customer)."""

    customer_id: int
    tier: Tier = Tier.D
    days: Sequence[date] = ()  # purchase days, ascending, up to today
    amounts: Sequence[int] = ()  # fen bought on each of those days
    receivable: int = 0  # billed minus paid; only compared with a credit limit
    credit_limit: int | None = None
    plans: Sequence[PlanProgress] = ()  # plans whose period contains today
    p_alive: float | None = None  # None: the churn model could not be fitted
    birthday: date | None = None
    anniversary: date | None = None
    last_verified: date | None = None
    missing: tuple[str, ...] = ()  # essential fields left empty
    follow_ups: Sequence[DueFollowUp] = ()  # planned, not done
    complaints: Sequence[OpenComplaint] = ()  # not closed
    lunar_birthday: str | None = None  # storage form "L08-15" (domain.lunar)
    deals: Sequence[OpenDeal] = ()  # opportunities in an open stage


def missing_essentials(*, company: bool, has_phone: bool, has_owner: bool, has_address: bool,
                       contacts: int) -> tuple[str, ...]:
    """What a usable record needs: a number to call, an owner, where it is, and for a company a person."""
    if has_phone and has_owner and has_address and (contacts or not company):
        return ()  # most records: asked 100,000 times in a scan
    missing = [name for name, present in (("phone", has_phone), ("owner", has_owner), ("address", has_address))
               if not present]
    if company and contacts == 0:
        missing.append("contact_person")
    return tuple(missing)

# Numbers that are money (fen): the CLI and the UI format these as yuan.
MONEY_NUMBERS = frozenset({"receivable", "credit_limit", "over_by", "planned", "actual", "milestone", "total",
                           "deal_amount", "large_deal"})

# -- the rules --------------------------------------------------------------------------------


def alive_below(rules: AlertRules) -> float:
    """A P(alive) under this is a churn risk: 1 − the threshold (the dashboard counts the same customers)."""
    return (100 - rules.churn_threshold_percent) / 100  # 1 − 0.3 is not exactly 0.7 in floats


class Scan:
    """``today``, the rules and the dates every customer is measured against, worked out once.

    A scan of 100,000 customers asks these 100,000 times; per customer only
    comparisons remain.
    """

    def __init__(self, today: date, rules: AlertRules = AlertRules()) -> None:
        self.today = today
        self.rules = rules
        period = rules.frequency_period_months
        self.lapsed_on_or_before = add_months_clamped(today, -rules.no_purchase_months)
        self.this_period = add_months_clamped(today, -period) + timedelta(days=1)
        self.previous_period = add_months_clamped(today, -2 * period) + timedelta(days=1)
        self.milestone_since = today - timedelta(days=rules.milestone_recent_days)  # totals up to here are old news
        self.alive_below = alive_below(rules)
        self.deal_rules = PipelineRules(rules.large_deal, rules.stuck_days)
        upcoming = [today + timedelta(days=n) for n in range(rules.occasion_lead_days + 1)]
        # (month, day) of every origin whose anniversary falls in the lead window; 29 February
        # counts where its common-year stand-in, 28 February, does.
        self.occasion_days = {(d.month, d.day) for d in upcoming}
        if any(d.month == 2 and d.day == 28 and not isleap(d.year) for d in upcoming):
            self.occasion_days.add((2, 29))
        self._lunar_next: dict[str, date | None] = {}
        # Days since the last purchase -> the touchpoint it falls in (the earliest, if grace periods overlap).
        self.touchpoint_marks = {}
        for mark in sorted(rules.touchpoint_days, reverse=True):
            self.touchpoint_marks |= dict.fromkeys(range(mark, mark + rules.touchpoint_grace_days), mark)

    def lunar_upcoming(self, stored: str) -> date | None:
        """The next day the lunar birthday falls on, if within the lead window (a few hundred distinct values)."""
        if stored not in self._lunar_next:
            try:
                day: date | None = next_lunar_occurrence(LunarDate.parse(stored), self.today)
            except ValueError:  # not a lunar date: raises no alert
                day = None
            if day is not None and (day - self.today).days > self.rules.occasion_lead_days:
                day = None
            self._lunar_next[stored] = day
        return self._lunar_next[stored]

    def alerts_for(self, f: CustomerFacts) -> list[Alert]:
        """Every alert of one customer."""
        alerts = credit_alerts(f) if f.credit_limit is not None else []
        if f.plans:
            alerts += plan_alerts(f)
        alerts += churn_alerts(f, self)
        # The guards are the rules' own first tests, asked here because most customers fail them.
        if f.days:
            if f.days[-1] > self.milestone_since:
                alerts += milestone_alerts(f, self)
            if len(f.days) > MIN_INTERVALS:
                alerts += repurchase_alerts(f, self)
            if (self.today - f.days[-1]).days in self.touchpoint_marks:
                alerts += touchpoint_alerts(f, self)
        if f.follow_ups:
            alerts += follow_up_alerts(f, self)
        if f.complaints:
            alerts += complaint_alerts(f, self)
        if f.birthday or f.anniversary or f.days:
            alerts += occasion_alerts(f, self)
        if f.lunar_birthday:
            alerts += lunar_birthday_alerts(f, self)
        if f.missing or verification_overdue(f.last_verified, self.today, self.rules.stale_after_days):
            alerts += record_alerts(f, self)
        if f.deals:
            alerts += deal_alerts(f, self)
        return alerts


def alerts_for(f: CustomerFacts, today: date, rules: AlertRules = AlertRules()) -> list[Alert]:
    """Every alert of one customer (a scan of many makes one ``Scan`` and asks it)."""
    return Scan(today, rules).alerts_for(f)


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


def churn_alerts(f: CustomerFacts, scan: Scan) -> list[Alert]:
    """No purchase for N months, frequency down on the previous period, and the model's score."""
    alerts = []
    today, rules, days = scan.today, scan.rules, f.days
    if days:
        last = days[-1]
        if last <= scan.lapsed_on_or_before:
            alerts.append(Alert(
                AlertKind.NO_RECENT_PURCHASE, f.customer_id, _churn_severity(f.tier),
                {"last_purchase": last.isoformat(), "days": (today - last).days, "months": rules.no_purchase_months},
                occurrence=last.isoformat(),
            ))
        # One entry per day, ascending: the periods are slices found by bisection.
        first_this = bisect_left(days, scan.this_period)
        current = len(days) - first_this  # days end at today
        previous = first_this - bisect_left(days, scan.previous_period)
        # current == 0 is "no recent purchase", not a drop in frequency.
        if (
            current > 0
            and previous >= rules.frequency_min_previous
            and 100 * (previous - current) >= rules.frequency_drop_percent * previous
        ):
            alerts.append(Alert(
                AlertKind.FREQUENCY_DROP, f.customer_id, _churn_severity(f.tier),
                {"previous": previous, "current": current, "months": rules.frequency_period_months,
                 "drop_percent": 100 * (previous - current) // previous},
                occurrence=scan.this_period.isoformat(),
            ))
    if f.p_alive is not None and f.p_alive < scan.alive_below:
        alerts.append(Alert(
            AlertKind.CHURN_RISK, f.customer_id, _churn_severity(f.tier),
            {"risk_percent": round(100 * (1.0 - f.p_alive)), "threshold_percent": rules.churn_threshold_percent},
        ))
    return alerts


def milestone_alerts(f: CustomerFacts, scan: Scan) -> list[Alert]:
    """The highest milestone that cumulative purchases passed in the last ``milestone_recent_days``."""
    old = bisect_right(f.days, scan.milestone_since)
    if old == len(f.days):
        return []  # nothing bought lately
    before = sum(f.amounts[:old])
    total = before + sum(f.amounts[old:])
    passed = [m for m in scan.rules.milestones if before < m <= total]
    if not passed:
        return []
    milestone = max(passed)
    return [Alert(AlertKind.SPEND_MILESTONE, f.customer_id, Severity.INFO,
                  {"milestone": milestone, "total": total}, occurrence=str(milestone))]


def follow_up_alerts(f: CustomerFacts, scan: Scan) -> list[Alert]:
    alerts = []
    for item in f.follow_ups:
        late = (scan.today - item.due).days
        if late < 0:
            continue
        if late == 0:
            kind, severity = AlertKind.FOLLOW_UP_DUE, Severity.INFO
        else:
            kind = AlertKind.FOLLOW_UP_OVERDUE
            severity = Severity.CRITICAL if late >= scan.rules.follow_up_critical_days else Severity.WARNING
        alerts.append(Alert(kind, f.customer_id, severity,
                            {"follow_up_id": item.follow_up_id, "due": item.due.isoformat(), "days_overdue": late},
                            occurrence=str(item.follow_up_id)))
    return alerts


def complaint_alerts(f: CustomerFacts, scan: Scan) -> list[Alert]:
    """An open complaint past its deadline is escalated (自动升级): from the day after the deadline.

    The occurrence is the complaint and its deadline: a dismissed escalation
    does not silence the next one (the resolution deadline after a late
    first response, or the deadlines of a reopened complaint).
    """
    alerts = []
    for c in f.complaints:
        if scan.today > c.deadline:
            numbers: dict[str, Number] = {"complaint_id": c.complaint_id, "deadline": c.deadline.isoformat(),
                                          "days_overdue": (scan.today - c.deadline).days, "stage": c.stage.value}
            if c.priority is not None:
                numbers["priority"] = c.priority.value
            alerts.append(Alert(AlertKind.COMPLAINT_OVERDUE, f.customer_id, Severity.CRITICAL, numbers,
                                occurrence=f"{c.complaint_id}@{c.deadline.isoformat()}"))
    return alerts


def repurchase_alerts(f: CustomerFacts, scan: Scan) -> list[Alert]:
    days = f.days
    n = len(days) - 1  # intervals
    # Quiet for longer than the cycle can be: not due.  The low median has
    # n − (n − 1) // 2 intervals at least as long, so it is at most span / that.
    if n < MIN_INTERVALS or (scan.today - days[-1]).days * (n - (n - 1) // 2) > (days[-1] - days[0]).days:
        return []
    cycle = cycle_of_days(days)
    if cycle is None or not repurchase_due(cycle, scan.today, scan.rules.repurchase_lead_days):
        return []
    return [Alert(AlertKind.REPURCHASE_DUE, f.customer_id, Severity.INFO,
                  {"next_purchase": cycle.next_purchase.isoformat(), "days_until": cycle.days_until(scan.today),
                   "cycle_days": cycle.cycle_days},
                  occurrence=cycle.next_purchase.isoformat())]


def next_occurrence(day: date, today: date) -> date:
    """The next anniversary of ``day`` on or after today; 29 February falls on the 28th in common years."""
    if day.month == 2 and day.day == 29:
        this_year = add_years_clamped(day, today.year - day.year)
        return this_year if this_year >= today else add_years_clamped(day, today.year + 1 - day.year)
    this_year = day.replace(year=today.year)
    return this_year if this_year >= today else day.replace(year=today.year + 1)


def _occasion(kind: AlertKind, f: CustomerFacts, origin: date, scan: Scan) -> list[Alert]:
    if origin > scan.today:
        return []
    upcoming = next_occurrence(origin, scan.today)
    years = upcoming.year - origin.year
    days_until = (upcoming - scan.today).days
    if years < 1 or days_until > scan.rules.occasion_lead_days:
        return []
    return [Alert(kind, f.customer_id, Severity.INFO,
                  {"date": upcoming.isoformat(), "days_until": days_until, "years": years},
                  occurrence=upcoming.isoformat())]


def occasion_alerts(f: CustomerFacts, scan: Scan) -> list[Alert]:
    """Birthdays, anniversaries and cooperation anniversaries within ``occasion_lead_days``."""
    alerts = []
    for kind, origin in ((AlertKind.BIRTHDAY, f.birthday), (AlertKind.ANNIVERSARY, f.anniversary),
                         (AlertKind.COOPERATION_ANNIVERSARY, f.days[0] if f.days else None)):
        if origin is not None and (origin.month, origin.day) in scan.occasion_days:
            alerts += _occasion(kind, f, origin, scan)
    return alerts


def lunar_birthday_alerts(f: CustomerFacts, scan: Scan) -> list[Alert]:
    """A lunar birthday within ``occasion_lead_days``; the age only when the solar birthday gives the year."""
    assert f.lunar_birthday is not None
    upcoming = scan.lunar_upcoming(f.lunar_birthday)
    if upcoming is None:
        return []
    numbers: dict[str, Number] = {"date": upcoming.isoformat(), "days_until": (upcoming - scan.today).days,
                                  "lunar": f.lunar_birthday}
    return [Alert(AlertKind.LUNAR_BIRTHDAY, f.customer_id, Severity.INFO, numbers,
                  occurrence=upcoming.isoformat())]


def touchpoint_alerts(f: CustomerFacts, scan: Scan) -> list[Alert]:
    """After the last purchase: day 3 (experience), 30 (habit), 90 (repurchase), each for a grace period."""
    last = f.days[-1]
    since = (scan.today - last).days
    mark = scan.touchpoint_marks.get(since)
    if mark is None:
        return []
    return [Alert(AlertKind.TOUCHPOINT, f.customer_id, Severity.INFO,
                  {"last_purchase": last.isoformat(), "day": mark, "days_since": since},
                  occurrence=f"{last.isoformat()}+{mark}")]


def record_alerts(f: CustomerFacts, scan: Scan) -> list[Alert]:
    alerts = []
    if verification_overdue(f.last_verified, scan.today, scan.rules.stale_after_days):
        numbers: dict[str, Number] = {"max_age_days": scan.rules.stale_after_days}
        if f.last_verified is not None:
            numbers |= {"last_verified": f.last_verified.isoformat(), "days": (scan.today - f.last_verified).days}
        alerts.append(Alert(AlertKind.STALE_RECORD, f.customer_id, Severity.INFO, numbers))
    if f.missing:
        alerts.append(Alert(AlertKind.INCOMPLETE_RECORD, f.customer_id, Severity.INFO,
                            {"missing": ",".join(f.missing)}))
    return alerts


def deal_alerts(f: CustomerFacts, scan: Scan) -> list[Alert]:
    """大额业务提醒 and stuck deals: an open opportunity at or above the amount, or in its stage > N days.

    A stuck deal is one occurrence per stay: moved on and stuck again, it alerts afresh.
    """
    alerts = []
    rules = scan.deal_rules
    for deal in f.deals:
        numbers: dict[str, Number] = {"title": deal.title, "deal_stage": deal.stage, "deal_stage_name": deal.stage_name,
                                      "deal_amount": deal.amount}
        if rules.is_large(deal.amount):
            alerts.append(Alert(AlertKind.LARGE_DEAL, f.customer_id, Severity.WARNING,
                                numbers | {"large_deal": rules.large_deal}, deal.uid))
        if rules.is_stuck(deal.stage_since, scan.today):
            days = (scan.today - deal.stage_since).days
            alerts.append(Alert(AlertKind.STUCK_DEAL, f.customer_id, Severity.WARNING,
                                numbers | {"days": days, "since": deal.stage_since.isoformat(),
                                           "stuck_days": rules.stuck_days},
                                f"{deal.uid}:{deal.stage}:{deal.stage_since.isoformat()}"))
    return alerts
