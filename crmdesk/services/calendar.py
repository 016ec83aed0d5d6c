"""The follow-up calendar: a month of days with their counts, and the items of a day or a week.

Items are the planned follow-ups due on a day (an overdue one stays on the
day it was due: the today list is where overdue ones gather) and the
birthdays and wedding anniversaries of persons falling on it.  Working days
follow the Chinese holiday table (``domain.workdays``).  Today is always a
parameter.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from crmdesk.domain.followups import FollowUp
from crmdesk.domain.workdays import covered, is_working_day
from crmdesk.storage import calendar as store
from crmdesk.storage import followups as follow_up_store
from crmdesk.storage.calendar import Occasion
from crmdesk.storage.customer_file import CustomerFile

WEEKS = 6  # rows of the month grid: enough for any month starting on any weekday
WEEK = 7
AGENDA_DAYS = 7


@dataclass(frozen=True)
class CalendarDay:
    day: date
    in_month: bool  # False: a day of the month before or after, shown greyed
    follow_ups: int  # planned follow-ups due that day
    overdue: int  # of those, past due
    occasions: int  # birthdays and anniversaries
    working: bool  # a working day by the Chinese holiday table (Monday to Friday beyond it)

    @property
    def holiday(self) -> bool:
        """A weekday off: a public holiday (or its bridging days)."""
        return not self.working and self.day.weekday() < 5

    @property
    def shifted(self) -> bool:
        """A weekend day worked in exchange for a holiday (调休)."""
        return self.working and self.day.weekday() >= 5


@dataclass(frozen=True)
class MonthView:
    year: int
    month: int
    today: date
    days: tuple[CalendarDay, ...]  # 6 weeks, Monday first
    covered: bool  # the holiday table knows the month's year (else only weekends are off)

    @property
    def first(self) -> date:
        return self.days[0].day

    @property
    def last(self) -> date:
        return self.days[-1].day

    def day(self, day: date) -> CalendarDay | None:
        index = (day - self.first).days
        return self.days[index] if 0 <= index < len(self.days) else None


@dataclass(frozen=True)
class CalendarItem:
    """A follow-up due on ``day`` or an occasion falling on it (exactly one of the two is set)."""

    day: date
    customer_id: int
    code: str
    name: str
    follow_up: FollowUp | None = None
    occasion: Occasion | None = None
    overdue: bool = False  # a planned follow-up past due


@dataclass(frozen=True)
class AgendaDay:
    day: date
    working: bool
    items: tuple[CalendarItem, ...]


def grid_days(year: int, month: int) -> list[date]:
    """The 42 days of the month grid: from the Monday on or before the 1st."""
    first = date(year, month, 1)
    start = first - timedelta(days=first.weekday())
    return [start + timedelta(days=i) for i in range(WEEKS * WEEK)]


def month(cf: CustomerFile, year: int, month: int, today: date) -> MonthView:
    """The month grid with each day's counts (three range queries, whatever the file's size)."""
    shown = grid_days(year, month)
    first, last = shown[0], shown[-1]
    follow_ups = store.follow_up_counts(cf, first, last, today)
    occasions = store.occasion_counts(cf, first, last)
    none = store.DayCount(0, 0)
    days = tuple(
        CalendarDay(d, d.month == month, *follow_ups.get(d, none), occasions.get(d, 0), is_working_day(d))
        for d in shown
    )
    return MonthView(year, month, today, days, covered(year))


def _items(cf: CustomerFile, first: date, last: date, today: date) -> dict[date, list[CalendarItem]]:
    by_day: dict[date, list[CalendarItem]] = defaultdict(list)
    for o in store.occasions_between(cf, first, last):
        by_day[o.day].append(CalendarItem(o.day, o.customer_id, o.code, o.name, occasion=o))
    for row in follow_up_store.planned_between(cf, first, last):
        f = row.follow_up
        by_day[f.due_date].append(CalendarItem(f.due_date, f.customer_id, row.code, row.name, follow_up=f,
                                               overdue=f.overdue_days(today) > 0))
    return by_day


def day_items(cf: CustomerFile, day: date, today: date) -> list[CalendarItem]:
    """A day's birthdays and anniversaries, then its follow-ups (untimed first, then by time)."""
    return _items(cf, day, day, today).get(day, [])


def agenda(cf: CustomerFile, first: date, days: int, today: date) -> list[AgendaDay]:
    """``days`` days from ``first``, each with its items (days without any included)."""
    last = first + timedelta(days=days - 1)
    by_day = _items(cf, first, last, today)
    return [AgendaDay(d, is_working_day(d), tuple(by_day.get(d, ())))
            for d in (first + timedelta(days=i) for i in range(days))]
