from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lunar_python import Solar

from crmdesk.domain.lunar import (
    LunarDate,
    falls_between,
    lunar_of,
    next_lunar_occurrence,
    parse_lunar_text,
    solar_in_year,
)

# Solar dates below were checked against lunar-python 1.4.8 and match the
# published calendars (e.g. 中秋 2026-09-25, 春节 2026-02-17, 除夕 2024-02-09).
MID_AUTUMN = LunarDate(8, 15)
NEW_YEAR = LunarDate(1, 1)
LAST_OF_YEAR = LunarDate(12, 30)  # 腊月三十


def _lunar_of(day: date) -> tuple[int, int, int]:
    """(lunar year, month, day) with lunar-python's negative leap months."""
    lunar = Solar.fromYmd(day.year, day.month, day.day).getLunar()
    return lunar.getYear(), lunar.getMonth(), lunar.getDay()


# --- the value type ---


@pytest.mark.parametrize(
    ("lunar", "stored", "shown"),
    [
        (LunarDate(8, 15), "L08-15", "八月十五"),
        (LunarDate(4, 8, leap=True), "L*04-08", "闰四月初八"),
        (LunarDate(12, 30), "L12-30", "腊月三十"),
        (LunarDate(1, 1), "L01-01", "正月初一"),
        (LunarDate(11, 20), "L11-20", "冬月二十"),
        (LunarDate(6, 21, leap=True), "L*06-21", "闰六月廿一"),
        (LunarDate(10, 10), "L10-10", "十月初十"),
    ],
)
def test_format_parse_and_text(lunar, stored, shown):
    assert lunar.format() == stored
    assert LunarDate.parse(stored) == lunar
    assert lunar.text() == shown


@given(st.integers(1, 12), st.integers(1, 30), st.booleans())
def test_parse_format_round_trip(month, day, leap):
    lunar = LunarDate(month, day, leap)
    assert LunarDate.parse(lunar.format()) == lunar


def test_default_is_not_leap_and_value_semantics():
    assert LunarDate(4, 8) != LunarDate(4, 8, leap=True)
    assert LunarDate(4, 8) == LunarDate(4, 8, False)
    assert len({LunarDate(4, 8), LunarDate(4, 8), LunarDate(4, 8, True)}) == 2
    with pytest.raises(AttributeError):
        LunarDate(4, 8).month = 5  # type: ignore[misc]


@pytest.mark.parametrize(
    ("month", "day", "leap"),
    [(13, 1, False), (0, 1, False), (-4, 8, False), (1, 31, False), (1, 0, False),
     (8, 15.0, False), (True, 1, False), (8, 15, 1), ("8", 15, False)],
)
def test_invalid_values(month, day, leap):
    with pytest.raises(ValueError):
        LunarDate(month, day, leap)


@pytest.mark.parametrize(
    "text",
    ["L13-01", "L00-10", "L01-31", "L01-00", "L8-15", "L08-5", "08-15", "L**04-08",
     "L04*-08", "l08-15", " L08-15", "L08-15 ", "L08/15", "", "L０８-１５", None],
)
def test_parse_rejects(text):
    with pytest.raises(ValueError):
        LunarDate.parse(text)


# --- solar dates in a lunar year ---


def test_mid_autumn_2026():
    assert solar_in_year(MID_AUTUMN, 2026) == date(2026, 9, 25)
    assert solar_in_year(MID_AUTUMN, 2025) == date(2025, 10, 6)


def test_new_year():
    assert solar_in_year(NEW_YEAR, 2026) == date(2026, 2, 17)
    assert solar_in_year(NEW_YEAR, 2027) == date(2027, 2, 6)


def test_lunar_year_runs_into_the_next_solar_year():
    # 腊月 of lunar 2026 is in solar 2027
    assert solar_in_year(LunarDate(12, 1), 2026) == date(2027, 1, 8)


def test_last_day_of_the_year_when_it_exists():
    # lunar 2023's 腊月 has 30 days: 腊月三十 is 除夕, 2024-02-09
    assert _lunar_of(date(2024, 2, 9)) == (2023, 12, 30)
    assert solar_in_year(LAST_OF_YEAR, 2023) == date(2024, 2, 9)


@pytest.mark.parametrize(
    ("lunar_year", "eve"),
    [(2025, date(2026, 2, 16)), (2026, date(2027, 2, 5)), (2027, date(2028, 1, 25))],
)
def test_last_day_of_a_short_month_is_its_29th(lunar_year, eve):
    # 2025-2027's 腊月 have 29 days: 腊月三十 falls on 腊月廿九, the eve of 春节
    assert _lunar_of(eve) == (lunar_year, 12, 29)
    assert _lunar_of(eve + timedelta(days=1)) == (lunar_year + 1, 1, 1)
    assert solar_in_year(LAST_OF_YEAR, lunar_year) == eve
    assert solar_in_year(LunarDate(12, 29), lunar_year) == eve


def test_leap_month_birthday_is_kept_in_the_ordinary_month_even_when_the_leap_month_recurs():
    # 2023 had 闰二月, 2025 闰六月, 2020 闰四月: the birthday still falls in 二月/六月/四月
    assert _lunar_of(date(2023, 3, 22)) == (2023, -2, 1)  # 闰二月初一 exists, but is not used
    assert solar_in_year(LunarDate(2, 1, leap=True), 2023) == date(2023, 2, 20)
    assert _lunar_of(date(2023, 2, 20)) == (2023, 2, 1)
    assert solar_in_year(LunarDate(6, 8, leap=True), 2025) == date(2025, 7, 2)
    assert solar_in_year(LunarDate(4, 8, leap=True), 2020) == solar_in_year(LunarDate(4, 8), 2020)


def test_leap_month_birthday_in_a_year_without_a_leap_month():
    assert solar_in_year(LunarDate(6, 8, leap=True), 2026) == date(2026, 7, 21)
    assert solar_in_year(LunarDate(6, 8, leap=True), 2026) == solar_in_year(LunarDate(6, 8), 2026)
    assert _lunar_of(date(2026, 7, 21)) == (2026, 6, 8)


def test_ordinary_month_is_never_moved_to_the_leap_month():
    assert solar_in_year(LunarDate(6, 8), 2025) == date(2025, 7, 2)  # 六月, not 闰六月
    assert solar_in_year(LunarDate(2, 1), 2023) == date(2023, 2, 20)


def test_both_policies_at_once():
    # 闰六月三十 in 2017 (闰六月 that year): kept in 六月, which has 29 days -> 六月廿九
    assert _lunar_of(date(2017, 7, 22)) == (2017, 6, 29)
    assert _lunar_of(date(2017, 7, 23)) == (2017, -6, 1)
    assert solar_in_year(LunarDate(6, 30, leap=True), 2017) == date(2017, 7, 22)


# --- the next occurrence ---


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 2, 10), date(2026, 2, 17)),  # lunar 2025 腊月廿三
        (date(2026, 2, 16), date(2026, 2, 17)),  # 除夕
        (date(2026, 2, 17), date(2026, 2, 17)),  # 春节 itself counts
        (date(2026, 2, 18), date(2027, 2, 6)),  # just after: next 春节
        (date(2025, 12, 31), date(2026, 2, 17)),
    ],
)
def test_new_year_around_spring_festival(today, expected):
    assert next_lunar_occurrence(NEW_YEAR, today) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 2, 10), date(2026, 2, 16)),  # still lunar 2025: its 腊月廿九
        (date(2026, 2, 16), date(2026, 2, 16)),
        (date(2026, 2, 17), date(2027, 2, 5)),  # lunar 2026 began: its 腊月廿九
        (date(2026, 1, 1), date(2026, 2, 16)),
    ],
)
def test_end_of_year_birthday_around_spring_festival(today, expected):
    assert next_lunar_occurrence(LAST_OF_YEAR, today) == expected


def test_mid_autumn_from_before_spring_festival():
    # 2026-02-10 is in lunar 2025, whose 八月十五 (2025-10-06) is past
    assert next_lunar_occurrence(MID_AUTUMN, date(2026, 2, 10)) == date(2026, 9, 25)
    assert next_lunar_occurrence(MID_AUTUMN, date(2025, 10, 6)) == date(2025, 10, 6)
    assert next_lunar_occurrence(MID_AUTUMN, date(2025, 10, 7)) == date(2026, 9, 25)
    assert next_lunar_occurrence(MID_AUTUMN, date(2026, 9, 26)) == date(2027, 9, 15)


def test_ordinary_month_birthday_skips_the_leap_month():
    # between 六月初八 (07-02) and 闰六月初八 (08-01) of 2025: the next is 2026's 六月初八
    assert next_lunar_occurrence(LunarDate(6, 8), date(2025, 7, 3)) == date(2026, 7, 21)


def test_leap_month_birthday_next_occurrence_skips_the_leap_month_too():
    assert next_lunar_occurrence(LunarDate(6, 8, leap=True), date(2025, 7, 3)) == date(2026, 7, 21)


_LUNAR = st.builds(LunarDate, st.integers(1, 12), st.integers(1, 30), st.booleans())


@given(_LUNAR, st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_next_occurrence_is_the_first_on_or_after_today(lunar, today):
    result = next_lunar_occurrence(lunar, today)
    assert today <= result < today + timedelta(days=390)  # a lunar year is at most 385 days
    year, month, day = _lunar_of(result)
    assert abs(month) == lunar.month
    assert month > 0  # no birthday lands in a leap month
    assert day == lunar.day or (day == 29 and lunar.day == 30)
    assert solar_in_year(lunar, year) == result
    assert solar_in_year(lunar, year - 1) < today  # none missed in between


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("八月十五", MID_AUTUMN), ("农历八月十五", MID_AUTUMN), (" 8月15日 ", MID_AUTUMN), ("8-15", MID_AUTUMN),
        ("８／１５", MID_AUTUMN), ("Lunar 8/15", MID_AUTUMN), ("L08-15", MID_AUTUMN),
        ("闰四月初八", LunarDate(4, 8, leap=True)), ("閏4-8", LunarDate(4, 8, leap=True)),
        ("leap 4/8", LunarDate(4, 8, leap=True)), ("L*04-08", LunarDate(4, 8, leap=True)),
        ("腊月三十", LAST_OF_YEAR), ("十二月三十", LAST_OF_YEAR), ("正月初一", NEW_YEAR), ("一月初一", NEW_YEAR),
        ("冬月廿三", LunarDate(11, 23)), ("十一月二十", LunarDate(11, 20)), ("二月初十", LunarDate(2, 10)),
    ],
)
def test_typed_forms(typed, expected):
    assert parse_lunar_text(typed) == expected


@pytest.mark.parametrize("typed", ["", "八月", "十三月初一", "八月三十一", "13-1", "8-31", "0-5", "2024-08-15", "abc"])
def test_typed_forms_refused(typed):
    with pytest.raises(ValueError):
        parse_lunar_text(typed)


@given(_LUNAR)
def test_display_text_parses_back(lunar):
    assert parse_lunar_text(lunar.text()) == lunar


def test_lunar_of_a_solar_day():
    assert lunar_of(date(2026, 9, 25)) == MID_AUTUMN
    assert lunar_of(date(2025, 8, 1)) == LunarDate(6, 8, leap=True)


def test_falls_between_across_the_year_end():
    # 腊月三十 -> 腊月廿九 of lunar 2025 and 2026, in solar 2026 and 2027
    assert falls_between(LAST_OF_YEAR, date(2026, 1, 1), date(2027, 12, 31)) == [date(2026, 2, 16), date(2027, 2, 5)]
    assert falls_between(NEW_YEAR, date(2026, 2, 18), date(2027, 2, 5)) == []
    assert falls_between(MID_AUTUMN, date(2026, 9, 25), date(2026, 9, 25)) == [date(2026, 9, 25)]
    assert falls_between(MID_AUTUMN, date(2026, 9, 26), date(2026, 9, 1)) == []
