"""Repurchase cycle (domain.md §4): the next purchase predicted from a customer's own rhythm.

The cycle is the median of the intervals between purchase days (several
orders on one day are one purchase), so one long gap does not stretch it.
A rhythm needs at least two intervals; the reminder comes ``lead_days``
before the predicted day (the text: 15 days).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

MIN_INTERVALS = 2
DEFAULT_LEAD_DAYS = 15


@dataclass(frozen=True)
class RepurchaseCycle:
    cycle_days: int  # median interval between purchase days
    last_purchase: date
    intervals: int  # how many intervals the median is taken over

    @property
    def next_purchase(self) -> date:
        return self.last_purchase + timedelta(days=self.cycle_days)

    def days_until(self, today: date) -> int:
        return (self.next_purchase - today).days


def repurchase_cycle(purchase_dates: Iterable[date], today: date) -> RepurchaseCycle | None:
    """None when there is no rhythm yet (fewer than MIN_INTERVALS intervals up to today)."""
    return cycle_of_days(sorted({d for d in purchase_dates if d <= today}))


def cycle_of_days(days: Sequence[date]) -> RepurchaseCycle | None:
    """The same from purchase days already distinct, ascending and up to today (the alert scan's)."""
    if len(days) <= MIN_INTERVALS:
        return None
    intervals = sorted([(b - a).days for a, b in zip(days, days[1:])])
    return RepurchaseCycle(intervals[(len(intervals) - 1) // 2], days[-1], len(intervals))  # the low median


def repurchase_due(cycle: RepurchaseCycle | None, today: date, lead_days: int = DEFAULT_LEAD_DAYS) -> bool:
    """The reminder: the predicted day is today or within the next ``lead_days`` days."""
    return cycle is not None and 0 <= cycle.days_until(today) <= lead_days
