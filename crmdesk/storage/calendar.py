"""What the follow-up calendar reads: planned follow-ups counted by day, and birthdays and
wedding anniversaries of persons falling in a range of days (SQL only).

Birthdays and anniversaries are matched on their month-day text
(``substr(birthday, 6, 5)``, "MM-DD") one calendar year at a time, so a range
crossing a year end is two plain ranges.  A 29 February one falls on
28 February in a common year, as ``domain.alerts.next_occurrence`` has it.
The day a person was born or married is not an occasion (0 years); later
ones are.

Lunar birthdays (``L08-15``) fall on other solar days each year: the file
holds at most a few hundred distinct ones, so those are read (a partial
index) and placed by ``domain.lunar``, then the persons of the values that
fall in the range are read.  Their age is known only from a solar birthday.

Speed: each query is a range on the month-day, written so that an index
``(kind, deleted_at, substr(birthday, 6, 5), birthday)`` (and the same for the
anniversary) serves it, covering for the counts; without one each query scans
the file's persons (tens of ms at 100,000 customers).
"""

from __future__ import annotations

from calendar import isleap
from collections import Counter
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from crmdesk.domain.dates import add_years_clamped
from crmdesk.domain.lunar import LunarDate, falls_between, lunar_year_of
from crmdesk.storage.customer_file import CustomerFile


class OccasionKind(StrEnum):
    BIRTHDAY = "birthday"
    ANNIVERSARY = "anniversary"  # the wedding anniversary of a person
    LUNAR_BIRTHDAY = "lunar_birthday"  # 农历生日


# The column of each kind: fixed names, never user input, so safe to put in the SQL text.
_COLUMN = {OccasionKind.BIRTHDAY: "birthday", OccasionKind.ANNIVERSARY: "anniversary"}


class Occasion(NamedTuple):
    customer_id: int
    code: str
    name: str
    kind: OccasionKind
    day: date  # the day it falls on in the range
    years: int | None  # age, or years married, on that day (>= 1); None: a lunar birthday without a year
    lunar: str | None = None  # a lunar birthday's month and day, "L08-15"


class _Span(NamedTuple):
    year: int
    low: str  # "MM-DD", inclusive
    high: str


def _spans(first: date, last: date) -> list[_Span]:
    """The range as one month-day range per calendar year.

    In a common year a span ending on 28 February reaches "02-29" too, since
    29 February is shown on the 28th; one starting on 1 March leaves it out.
    """
    spans = []
    for year in range(first.year, last.year + 1):
        low = max(first, date(year, 1, 1))
        high = min(last, date(year, 12, 31))
        high_text = high.strftime("%m-%d")
        if high_text == "02-28" and not isleap(year):
            high_text = "02-29"
        spans.append(_Span(year, low.strftime("%m-%d"), high_text))
    return spans


def _falls_on(origin: date, year: int) -> date:
    return add_years_clamped(origin, year - origin.year)


def _select(kind: OccasionKind, what: str, tail: str = "") -> str:
    column = _COLUMN[kind]
    return (f"SELECT {what} FROM customers WHERE kind = 'personal' AND deleted_at IS NULL "
            f"AND substr({column}, 6, 5) BETWEEN ? AND ? AND {column} < ?{tail}")


_LUNAR_WHERE = "lunar_birthday IS NOT NULL AND kind = 'personal' AND deleted_at IS NULL"


def _lunar_falling(cf: CustomerFile, first: date, last: date) -> dict[str, tuple[list[date], int]]:
    """Stored lunar birthday -> (the days it falls on from ``first`` to ``last``, how many persons have it)."""
    falling = {}
    for text, n in cf.execute(f"SELECT lunar_birthday, count(*) FROM customers WHERE {_LUNAR_WHERE} GROUP BY 1"):
        try:
            days = falls_between(LunarDate.parse(text), first, last)
        except ValueError:  # the column's CHECK allows "L13-40": shown nowhere rather than failing
            continue
        if days:
            falling[text] = (days, n)
    return falling


def _lunar_occasions(cf: CustomerFile, first: date, last: date) -> list[Occasion]:
    falling = _lunar_falling(cf, first, last)
    if not falling:
        return []
    marks = ", ".join("?" * len(falling))
    found = []
    for cid, code, name, text, born in cf.execute(
        f"SELECT id, code, name, lunar_birthday, birthday FROM customers WHERE {_LUNAR_WHERE} "
        f"AND lunar_birthday IN ({marks})", list(falling),
    ):
        for day in falling[text][0]:
            years = lunar_year_of(day) - lunar_year_of(date.fromisoformat(born)) if born else 0
            found.append(Occasion(cid, code, name, OccasionKind.LUNAR_BIRTHDAY, day, years if years >= 1 else None,
                                  text))
    return found


def occasions_between(cf: CustomerFile, first: date, last: date) -> list[Occasion]:
    """Birthdays, lunar birthdays and anniversaries of persons not in the recycle bin from ``first`` to ``last``.

    By day, then in ``OccasionKind`` order, then by customer code.
    """
    if last < first:
        return []
    found = _lunar_occasions(cf, first, last)
    for kind in (OccasionKind.BIRTHDAY, OccasionKind.ANNIVERSARY):
        column = _COLUMN[kind]
        sql = _select(kind, f"id, code, name, {column}")
        for span in _spans(first, last):
            # Only those born (married) before the span's year: year 0 is not an occasion.
            for cid, code, name, text in cf.execute(sql, [span.low, span.high, f"{span.year:04d}-01-01"]):
                day = _falls_on(date.fromisoformat(text), span.year)
                found.append(Occasion(cid, code, name, kind, day, span.year - int(text[:4])))
    order = {OccasionKind.BIRTHDAY: 0, OccasionKind.LUNAR_BIRTHDAY: 1, OccasionKind.ANNIVERSARY: 2}
    found.sort(key=lambda o: (o.day, order[o.kind], o.code))
    return found


def occasion_counts(cf: CustomerFile, first: date, last: date) -> dict[date, int]:
    """day -> how many occasions ``occasions_between`` lists on it (days with none left out)."""
    counts: Counter[date] = Counter()
    if last < first:
        return {}
    for days, n in _lunar_falling(cf, first, last).values():
        for day in days:
            counts[day] += n
    for kind in (OccasionKind.BIRTHDAY, OccasionKind.ANNIVERSARY):
        column = _COLUMN[kind]
        sql = _select(kind, f"substr({column}, 6, 5), count(*)", " GROUP BY 1")
        for span in _spans(first, last):
            for month_day, n in cf.execute(sql, [span.low, span.high, f"{span.year:04d}-01-01"]):
                month, day = int(month_day[:2]), int(month_day[3:])
                if month == 2 and day == 29 and not isleap(span.year):
                    day = 28
                counts[date(span.year, month, day)] += n
    return dict(counts)


class DayCount(NamedTuple):
    planned: int  # planned follow-ups due that day
    overdue: int  # of those, how many are past due (all of them on a day before today)


def follow_up_counts(cf: CustomerFile, first: date, last: date, today: date) -> dict[date, DayCount]:
    """day -> planned follow-ups due that day, and how many are overdue, for customers not in the bin.

    Days without any are left out.  Reads the partial index of planned
    follow-ups by due date; the few customers in the recycle bin are looked
    up once (their index) rather than joining every follow-up to its customer.
    """
    rows = cf.execute(
        "SELECT due_date, count(*) FROM follow_ups "
        "WHERE state = 'planned' AND deleted_at IS NULL AND due_date BETWEEN ? AND ? "
        "AND customer_id NOT IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL) "
        "GROUP BY due_date",
        [first.isoformat(), last.isoformat()],
    )
    counts = {}
    for text, n in rows:
        day = date.fromisoformat(text)
        counts[day] = DayCount(n, n if day < today else 0)
    return counts
