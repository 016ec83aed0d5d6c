"""Chinese working days, for scheduling follow-ups on a day people are at work.

China's calendar is not Monday to Friday: the State Council announces each
year's public holidays and the weekend days worked in exchange (调休), and the
``chinesecalendar`` package carries those tables (1.11 covers 2004-2026).  A
year the table does not cover (before its first year, or after its last one
because next year's schedule is not announced yet) falls back to Monday to
Friday: a guess, so ``covered`` lets the UI say that beyond the table only
weekends are skipped.  A newer ``chinesecalendar`` brings newer years in
without a change here.

Nothing here reads the clock: today is always a parameter.
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar

_DAY = timedelta(days=1)


def covered(year: int) -> bool:
    """Whether the holiday table knows the year (else weekends are all that is skipped)."""
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def is_working_day(day: date) -> bool:
    """Holidays off, 调休 weekend days on; Monday to Friday beyond the table."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5


def next_working_day(day: date) -> date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += _DAY
    return day


def add_working_days(day: date, n: int) -> date:
    """The n-th working day after ``day`` (n = 0: ``next_working_day(day)``).

    Counting starts the day after ``day`` whether or not ``day`` is a working
    day: one working day after a Friday or after a Saturday is the Monday of an
    ordinary week, as "follow up in 1 working day" means to a person.
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return next_working_day(day)
    for _ in range(n):
        day = next_working_day(day + _DAY)
    return day
