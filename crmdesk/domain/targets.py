"""Sales targets per owner (业绩指标): a month's or a quarter's amount, and how far the owner got.

The actual of an owner in a period is the orders dated in it that are
credited to the owner (storage.targets says which: the owner of the
opportunity the order was won from, else the customer's owner).  The gap
is target − actual in fen (negative: over the target); progress is the
exact fraction actual / target.

Over a span of days (the dashboard's period, which often ends today: "this
month so far"), a target counts when its period starts in the span and, as
of today, has not run past the span's end: the months and quarters wholly
inside, and the one running today when the span reaches today (its actual
then is what was sold so far).  "Last month" counts October, not the fourth
quarter that October starts.  Of one owner's counted targets, a quarter's
replaces its months': the quarter is the commitment, its months only its
breakdown, and adding both would count the same sales twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from crmdesk.domain.money import MAX_FEN
from crmdesk.domain.orders import Period, PeriodKind
from crmdesk.domain.validation import ErrorCode, FieldError

MAX_OWNER = 100  # as customers.owner
YEARS = (1900, 2200)  # as Period.parse accepts


@dataclass(frozen=True)
class SalesTarget:
    owner: str
    period: Period
    amount: int  # fen
    id: int | None = None
    uid: str = ""
    row_version: int = 0


def target_errors(target: SalesTarget) -> list[FieldError]:
    """What must be fixed before a target is stored ("owner", "period", "amount")."""
    errors = []
    owner = target.owner.strip() if isinstance(target.owner, str) else ""
    if not owner:
        errors.append(FieldError("owner", ErrorCode.REQUIRED))
    elif len(owner) > MAX_OWNER:
        errors.append(FieldError("owner", ErrorCode.TOO_LONG, {"max": MAX_OWNER}))
    period = target.period
    months = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4}.get(period.kind)
    if (not isinstance(period.year, int) or not YEARS[0] <= period.year <= YEARS[1]
            or months is None or not 1 <= period.number <= months):
        errors.append(FieldError("period", ErrorCode.INVALID_CHOICE))
    if not isinstance(target.amount, int) or isinstance(target.amount, bool):
        errors.append(FieldError("amount", ErrorCode.INVALID_AMOUNT))
    elif target.amount < 0:
        errors.append(FieldError("amount", ErrorCode.NEGATIVE_AMOUNT))
    elif target.amount > MAX_FEN:
        errors.append(FieldError("amount", ErrorCode.AMOUNT_OUT_OF_RANGE))
    return errors


@dataclass(frozen=True)
class TargetProgress:
    """An owner's target and actual in one period (or summed over the periods of a span)."""

    owner: str
    target: int  # fen
    actual: int  # fen credited to the owner
    period: Period | None = None  # None: a sum over several periods
    days_gone: int = 0  # of the period(s), up to and including today
    days_total: int = 0

    @property
    def gap(self) -> int:
        """Target − actual, fen (negative: the target was beaten)."""
        return self.target - self.actual

    @property
    def progress(self) -> Fraction | None:
        """actual / target, exact; None without a target to measure against."""
        return Fraction(self.actual, self.target) if self.target else None

    @property
    def percent(self) -> int:
        """Actual as a whole percentage of the target, rounded down (display)."""
        return 100 * self.actual // self.target if self.target else 0

    @property
    def reached(self) -> bool:
        return self.actual >= self.target

    @property
    def behind(self) -> bool:
        """Behind the time-proportional target: actual / target < days_gone / days_total (integers)."""
        return bool(self.days_total) and self.actual * self.days_total < self.target * self.days_gone


def days_gone(period: Period, today: date) -> tuple[int, int]:
    """(days of the period up to and including today, days of the period)."""
    total = (period.last_day - period.first_day).days + 1
    return min(max((today - period.first_day).days + 1, 0), total), total


def counted_periods(periods: Iterable[Period], first: date, last: date, today: date) -> list[Period]:
    """Of one owner's target periods, those that count in first..last as of today (see the module
    docstring), in order."""
    inside = {p for p in periods if first <= p.first_day <= last and min(p.last_day, today) <= last}
    quarters = {(p.year, p.number) for p in inside if p.kind is PeriodKind.QUARTER}
    return sorted(
        p for p in inside
        if p.kind is PeriodKind.QUARTER or (p.year, (p.number - 1) // 3 + 1) not in quarters
    )


def quarter_of(period: Period) -> Period:
    """The quarter a month lies in (a quarter is its own)."""
    if period.kind is PeriodKind.QUARTER:
        return period
    return Period(period.year, PeriodKind.QUARTER, (period.number - 1) // 3 + 1)
