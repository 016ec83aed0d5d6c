from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmdesk.domain.workdays import (
    add_working_days,
    covered,
    is_working_day,
    next_working_day,
)

# Dates below were checked against chinesecalendar 1.11.0 (the State Council's
# 2026 schedule), which pyproject pins: 2027 is beyond its table.  Bumping the
# pin for the 2027 schedule means rewriting the 2027 cases here.
FAR_YEAR = 2100  # no schedule will be announced this early


def test_covered():
    assert covered(2004)
    assert covered(2026)
    assert not covered(2003)
    assert not covered(FAR_YEAR)


def test_2027_is_not_covered():
    assert not covered(2027)


@pytest.mark.parametrize("day", range(15, 24))
def test_spring_festival_2026_is_off(day):
    # 春节 2026: 2026-02-15 (Sun) .. 02-23 (Mon); 02-17 is 正月初一
    assert not is_working_day(date(2026, 2, day))


def test_days_around_spring_festival_2026():
    assert is_working_day(date(2026, 2, 13))  # Friday before
    assert is_working_day(date(2026, 2, 24))  # Tuesday after


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 1, 4),  # Sunday, for New Year's Day
        date(2026, 2, 14),  # Saturday, for the Spring Festival
        date(2026, 2, 28),  # Saturday, for the Spring Festival
        date(2026, 5, 9),  # Saturday, for Labour Day
        date(2026, 9, 20),  # Sunday, for National Day
        date(2026, 10, 10),  # Saturday, for National Day
    ],
)
def test_adjusted_weekend_days_2026_are_working_days(day):
    assert day.weekday() >= 5
    assert is_working_day(day)


def test_ordinary_weekend_2026_is_off():
    assert not is_working_day(date(2026, 3, 7))  # Saturday
    assert not is_working_day(date(2026, 3, 8))  # Sunday
    assert is_working_day(date(2026, 3, 9))  # Monday


@pytest.mark.parametrize("day", range(1, 8))
def test_national_day_week_2026_is_off(day):
    assert not is_working_day(date(2026, 10, day))


def test_after_national_day_2026():
    assert is_working_day(date(2026, 10, 8))  # Thursday
    assert is_working_day(date(2026, 10, 10))  # the adjusted Saturday
    assert not is_working_day(date(2026, 10, 11))  # Sunday


def test_last_day_of_the_table():
    assert date(2026, 12, 31).weekday() == 3  # Thursday
    assert is_working_day(date(2026, 12, 31))


def test_2027_falls_back_to_monday_to_friday():
    # 2027-01-01 is New Year's Day, but no table says so yet: a Friday works
    assert date(2027, 1, 1).weekday() == 4
    assert is_working_day(date(2027, 1, 1))
    assert not is_working_day(date(2027, 1, 2))
    assert not is_working_day(date(2027, 1, 3))
    assert is_working_day(date(2027, 1, 4))


def test_fallback_before_the_table():
    # 2003-10-01 was National Day, but the table starts in 2004
    assert not covered(2003)
    assert is_working_day(date(2003, 10, 1))  # Wednesday
    assert not is_working_day(date(2003, 10, 4))  # Saturday


@pytest.mark.parametrize("offset", range(14))
def test_fallback_year_is_monday_to_friday(offset):
    day = date(FAR_YEAR, 3, 1) + timedelta(days=offset)
    assert is_working_day(day) == (day.weekday() < 5)


def test_next_working_day():
    assert next_working_day(date(2026, 3, 9)) == date(2026, 3, 9)  # a working Monday
    assert next_working_day(date(2026, 3, 7)) == date(2026, 3, 9)  # Saturday
    assert next_working_day(date(2026, 2, 15)) == date(2026, 2, 24)  # across 春节
    assert next_working_day(date(2026, 9, 30)) == date(2026, 9, 30)
    assert next_working_day(date(2026, 10, 1)) == date(2026, 10, 8)
    assert next_working_day(date(2026, 2, 14)) == date(2026, 2, 14)  # 调休 Saturday


def test_next_working_day_over_a_weekend_in_the_fallback_year():
    assert next_working_day(date(2027, 1, 2)) == date(2027, 1, 4)  # Saturday -> Monday
    assert next_working_day(date(2027, 1, 3)) == date(2027, 1, 4)  # Sunday -> Monday


def test_next_working_day_over_a_weekend_in_a_far_year():
    saturday = date(FAR_YEAR, 1, 2)
    assert saturday.weekday() == 5
    assert next_working_day(saturday) == date(FAR_YEAR, 1, 4)
    assert next_working_day(date(FAR_YEAR, 1, 3)) == date(FAR_YEAR, 1, 4)


def test_add_working_days():
    assert add_working_days(date(2026, 3, 9), 0) == date(2026, 3, 9)
    assert add_working_days(date(2026, 3, 7), 0) == date(2026, 3, 9)  # Saturday
    assert add_working_days(date(2026, 3, 6), 1) == date(2026, 3, 9)  # Friday -> Monday
    assert add_working_days(date(2026, 3, 7), 1) == date(2026, 3, 9)  # Saturday -> Monday
    assert add_working_days(date(2026, 3, 9), 5) == date(2026, 3, 16)
    # Friday 02-13 before 春节: Saturday 02-14 works (调休), then 02-24
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert add_working_days(date(2026, 2, 13), 2) == date(2026, 2, 24)
    # 09-30 (Wed) then National Day; 10-08 (Thu), 10-09 (Fri), 10-10 (调休 Sat)
    assert add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)
    assert add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 10)
    assert add_working_days(date(2026, 9, 30), 4) == date(2026, 10, 12)


def test_add_working_days_across_the_end_of_the_table():
    # 12-29 Tue, 12-30 Wed, 12-31 Thu (2026 table); 2027-01-01 Fri and
    # 01-04 Mon by the weekday fallback
    assert add_working_days(date(2026, 12, 29), 2) == date(2026, 12, 31)
    assert add_working_days(date(2026, 12, 29), 3) == date(2027, 1, 1)
    assert add_working_days(date(2026, 12, 29), 4) == date(2027, 1, 4)
    assert add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 1)
    assert add_working_days(date(2026, 12, 31), 2) == date(2027, 1, 4)


def test_add_working_days_rejects_negative():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 3, 9), -1)


_DAYS = st.dates(min_value=date(2003, 6, 1), max_value=date(2028, 6, 30))


@given(_DAYS)
def test_next_working_day_is_the_first_one(day):
    result = next_working_day(day)
    assert is_working_day(result)
    assert result >= day
    assert not any(is_working_day(day + timedelta(days=i)) for i in range((result - day).days))


@given(_DAYS, st.integers(min_value=0, max_value=40))
def test_add_working_days_counts_working_days(day, n):
    result = add_working_days(day, n)
    assert is_working_day(result)
    between = [day + timedelta(days=i) for i in range(1, (result - day).days + 1)]
    expected = n if n else int(not is_working_day(day))  # n = 0: day itself, or the next one
    assert sum(map(is_working_day, between)) == expected
