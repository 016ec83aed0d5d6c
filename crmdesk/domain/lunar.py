"""Lunar (农历) birthdays and the solar dates they fall on.

Many customers keep their birthday by the lunar calendar, so it moves on the
solar calendar from year to year; ``lunar-python`` does the astronomy.

Storage form: ``L08-15`` is 八月十五; a leap month takes a ``*`` before its
number, ``L*04-08`` is 闰四月初八.  Two digits each, so one text per date; the
``L`` keeps it apart from a solar ``MM-DD`` or ISO date in the same column.

A lunar birthday does not fall in every lunar year as written, so the policies:

* A day the month does not have (三十 of a 29-day month, e.g. 腊月三十 in
  2025-2027) is kept on the month's last day (腊月二十九): the usual practice,
  and the birthday stays in its month.
* A leap-month birthday (闰四月初八) is kept in the leap month when the year
  has that leap month, and otherwise in the ordinary month of the same number
  (四月初八), the month it repeats.
* A birthday in an ordinary month is never moved to a leap month, so it falls
  once a lunar year even when the year repeats its month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lunar_python import Lunar, LunarMonth, LunarYear, Solar
from lunar_python.util import LunarUtil

_STORAGE = re.compile(r"L(\*?)([0-9]{2})-([0-9]{2})")


def _in_range(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


@dataclass(frozen=True)
class LunarDate:
    """A month and day of the lunar calendar, without a year (a birthday)."""

    month: int  # 1 (正月) .. 12 (腊月)
    day: int  # 1 (初一) .. 30 (三十)
    leap: bool = False  # 闰月

    def __post_init__(self) -> None:
        if not _in_range(self.month, 1, 12):
            raise ValueError(f"lunar month {self.month!r} is not 1..12")
        if not _in_range(self.day, 1, 30):
            raise ValueError(f"lunar day {self.day!r} is not 1..30")
        if not isinstance(self.leap, bool):
            raise ValueError(f"leap {self.leap!r} is not a bool")

    @classmethod
    def parse(cls, text: str) -> LunarDate:
        """The storage form (``L08-15``, ``L*04-08``) back to a LunarDate."""
        m = _STORAGE.fullmatch(text) if isinstance(text, str) else None
        if not m:
            raise ValueError(f"not a lunar date: {text!r}")
        return cls(int(m.group(2)), int(m.group(3)), leap=bool(m.group(1)))

    def format(self) -> str:
        """The storage form: ``L08-15``, or ``L*04-08`` for a leap month."""
        return f"L{'*' if self.leap else ''}{self.month:02d}-{self.day:02d}"

    def text(self) -> str:
        """For display: 八月十五, 闰四月初八, 腊月三十, 正月初一."""
        return f"{'闰' if self.leap else ''}{LunarUtil.MONTH[self.month]}月{LunarUtil.DAY[self.day]}"


def solar_in_year(lunar: LunarDate, lunar_year: int) -> date:
    """The solar date of ``lunar`` in lunar year ``lunar_year`` (policies: module docstring).

    Lunar year 2026 runs from 正月初一 (2026-02-17) to the eve of 2027's, so
    its 腊月 falls in solar 2027.
    """
    month = lunar.month
    if lunar.leap and LunarYear.fromYear(lunar_year).getLeapMonth() == lunar.month:
        month = -month  # lunar-python's leap months are negative
    day = min(lunar.day, LunarMonth.fromYm(lunar_year, month).getDayCount())
    solar = Lunar.fromYmd(lunar_year, month, day).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def next_lunar_occurrence(lunar: LunarDate, today: date) -> date:
    """The first solar date on or after ``today`` on which the lunar birthday falls.

    Only the lunar year holding ``today`` and the one after it can hold it.
    """
    year = Solar.fromYmd(today.year, today.month, today.day).getLunar().getYear()
    this_year = solar_in_year(lunar, year)
    return this_year if this_year >= today else solar_in_year(lunar, year + 1)
