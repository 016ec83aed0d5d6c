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
* A leap-month birthday (闰四月初八) is celebrated in the ordinary month of the
  same number (四月初八), every year: a leap month recurs only every few
  decades, so this is what families do (reliability.md #9), and the day falls
  once a lunar year.  The leap mark is kept, so the record says what was told.
* So no birthday is ever moved into a leap month: each falls once a lunar year
  even when the year repeats its month.

Typed forms (``parse_lunar_text``): 八月十五, 农历八月十五, 闰四月初八, 腊月三十,
正月初一, 冬月廿三, 8月15日, 8-15, 8/15, 闰4-8, and the storage form itself.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from lunar_python import Lunar, LunarMonth, Solar
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


# Month names as people write them: 正月 and 腊月 (also 一月, 十二月, 冬月 for the 11th).
_MONTHS = {name: i for i, name in enumerate(LunarUtil.MONTH) if i} | {
    "一": 1, "元": 1, "十一": 11, "十二": 12, "冬": 11, "腊": 12, "臘": 12,
}
_DAYS = {name: i for i, name in enumerate(LunarUtil.DAY) if i} | {"二十": 20, "三十": 30, "卅": 30}
_CHINESE = re.compile(r"(闰|閏)?(.{1,2}?)月(.{2})")
_DIGITS = re.compile(r"(闰|閏|\*|leap\s*)?([0-9]{1,2})\s*(?:[-/.]|月)\s*([0-9]{1,2})日?", re.IGNORECASE)


def parse_lunar_text(text: str) -> LunarDate:
    """What a user typed (forms: module docstring) to a LunarDate; ValueError if it is none."""
    s = unicodedata.normalize("NFKC", text).strip()
    for prefix in ("农历", "農曆", "阴历", "陰曆", "lunar"):
        if s.lower().startswith(prefix):
            s = s[len(prefix):].strip()
    if _STORAGE.fullmatch(s):
        return LunarDate.parse(s)
    m = _CHINESE.fullmatch(s)
    if m and m.group(2) in _MONTHS and m.group(3) in _DAYS:
        return LunarDate(_MONTHS[m.group(2)], _DAYS[m.group(3)], leap=bool(m.group(1)))
    m = _DIGITS.fullmatch(s)
    if m:
        return LunarDate(int(m.group(2)), int(m.group(3)), leap=bool(m.group(1)))
    raise ValueError(f"not a lunar date: {text!r}")


@lru_cache(maxsize=4096)  # a calendar or alert scan asks for the same few hundred days
def solar_in_year(lunar: LunarDate, lunar_year: int) -> date:
    """The solar date of ``lunar`` in lunar year ``lunar_year`` (policies: module docstring).

    Lunar year 2026 runs from 正月初一 (2026-02-17) to the eve of 2027's, so
    its 腊月 falls in solar 2027.
    """
    day = min(lunar.day, LunarMonth.fromYm(lunar_year, lunar.month).getDayCount())
    solar = Lunar.fromYmd(lunar_year, lunar.month, day).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def lunar_year_of(day: date) -> int:
    """The lunar year ``day`` falls in (a January day is often still in the year before)."""
    return Solar.fromYmd(day.year, day.month, day.day).getLunar().getYear()


def lunar_of(day: date) -> LunarDate:
    """The lunar month and day of a solar date (闰 kept: what a person born on it was told)."""
    lunar = Solar.fromYmd(day.year, day.month, day.day).getLunar()
    return LunarDate(abs(lunar.getMonth()), lunar.getDay(), leap=lunar.getMonth() < 0)


def falls_between(lunar: LunarDate, first: date, last: date) -> list[date]:
    """The solar days from ``first`` to ``last`` on which the lunar birthday falls, ascending."""
    if last < first:
        return []
    years = range(lunar_year_of(first), lunar_year_of(last) + 1)
    return [d for d in (solar_in_year(lunar, y) for y in years) if first <= d <= last]


def next_lunar_occurrence(lunar: LunarDate, today: date) -> date:
    """The first solar date on or after ``today`` on which the lunar birthday falls.

    Only the lunar year holding ``today`` and the one after it can hold it.
    """
    year = lunar_year_of(today)
    this_year = solar_in_year(lunar, year)
    return this_year if this_year >= today else solar_in_year(lunar, year + 1)
