"""Calendar dates: user input, storage form and year arithmetic.

Calendar dates (birthdays, anniversaries, due dates) carry no time zone and
are stored as ``YYYY-MM-DD``.  Nothing here reads the clock, so results are
the same under every ``TZ`` (reliability.md row #9).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date

INVALID_DATE = "invalid_date"  # equals validation.ErrorCode.INVALID_DATE

# Wider than any living customer's birthday and any company's founding, and
# narrow enough to catch a typo such as 0224 or 20204.
MIN_YEAR = 1900
MAX_YEAR = 2200


class DateError(ValueError):
    def __init__(self, text: str | None = None, code: str = INVALID_DATE) -> None:
        super().__init__(code)
        self.code = code
        self.text = text


# ASCII digits only (\d would take other scripts' digits).  The separator
# must repeat (\2): "2024-1/5" is more likely a typo than a date.
_SEPARATED = re.compile(r"([0-9]{4})\s*([-./])\s*([0-9]{1,2})\s*\2\s*([0-9]{1,2})")
_CHINESE = re.compile(r"([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*[日号]?")
_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def parse_date(text: str) -> date:
    """2024-01-05, 2024-1-5, 2024.1.5, 2024/1/5, 2024年1月5日 or 20240105."""
    if not isinstance(text, str):
        raise TypeError("parse_date takes text")
    s = unicodedata.normalize("NFKC", text).strip()  # full-width digits and ／
    m = _SEPARATED.fullmatch(s)
    if m:
        parts = m.group(1, 3, 4)
    else:
        m = _CHINESE.fullmatch(s) or _COMPACT.fullmatch(s)
        if not m:
            raise DateError(text)
        parts = m.group(1, 2, 3)
    return _make_date(*(int(p) for p in parts), text=text)


def format_iso(d: date) -> str:
    return _check_date(d).isoformat()


def parse_iso(s: str | None) -> date | None:
    """The storage form back to a date; None and "" mean no date.

    The 1900..2200 input range is not applied: a stored row must always load.
    """
    if s is None or s == "":
        return None
    m = _ISO.fullmatch(s)
    if not m:
        raise DateError(s)
    return _make_date(*(int(p) for p in m.groups()), text=s, check_range=False)


class IsoDays(dict[str | None, date | None]):
    """Stored ISO text -> date (None and "" -> None), each text parsed once.

    A file's million rows hold a few thousand distinct days.
    """

    def __missing__(self, text: str | None) -> date | None:
        day = self[text] = parse_iso(text)
        return day


def add_years_clamped(d: date, years: int) -> date:
    """The same month and day ``years`` later or earlier.

    Policy for a day that does not exist in the target year (29 February):
    the last day of the month, so a leap-day birthday falls on 28 February.
    """
    d = _check_date(d)
    year = d.year + years
    last = calendar.monthrange(year, d.month)[1]
    return d.replace(year=year, day=min(d.day, last))  # ValueError past year 9999


def add_months_clamped(d: date, months: int) -> date:
    """The same day ``months`` later or earlier, the last day of the month when
    that day does not exist (31 March - 1 month = 28 or 29 February)."""
    d = _check_date(d)
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def _make_date(year: int, month: int, day: int, *, text: str, check_range: bool = True) -> date:
    if check_range and not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(text)
    try:
        return date(year, month, day)
    except ValueError:  # 2023-02-29, month 13 and the like
        raise DateError(text) from None


def _check_date(d: date) -> date:
    # datetime is a date subclass; a stored calendar date must not carry a time.
    if not isinstance(d, date) or hasattr(d, "hour"):
        raise TypeError("expected a datetime.date")
    return d
