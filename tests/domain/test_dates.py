from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmdesk.domain import dates
from crmdesk.domain.dates import (
    DateError,
    add_years_clamped,
    format_iso,
    parse_date,
    parse_iso,
)
from crmdesk.domain.validation import ErrorCode


# reliability.md row #9 input forms (Excel serials come with import)
@pytest.mark.parametrize(
    "text",
    [
        "2024-01-05",
        "2024-1-5",
        "2024.1.5",
        "2024/1/5",
        "2024/01/05",
        "2024年1月5日",
        "2024年01月05日",
        "2024年1月5号",
        "2024年1月5",
        "20240105",
        " 2024-01-05 ",
        "２０２４－０１－０５",
        "２０２４年１月５日",
        "2024 年 1 月 5 日",
    ],
)
def test_parse_date_forms(text: str) -> None:
    assert parse_date(text) == date(2024, 1, 5)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "2023-02-29",  # not a leap year
        "2024-02-30",
        "2024-13-01",
        "2024-00-10",
        "2024-01-00",
        "2024-04-31",
        "20241305",
        "2024-1/5",  # mixed separators
        "24-1-5",
        "1/5/2024",
        "2024-001-05",
        "202415",
        "2024010",
        "2024年1月",
        "2024-01-05T00:00",
        "2024-01-05 12:00",
        "yesterday",
        "٢٠٢٤-٠١-٠٥",  # Arabic-Indic digits survive NFKC and are refused
        "1899-12-31",
        "2201-01-01",
        "0000-01-01",
        "45296",  # an Excel serial: not handled here
    ],
)
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text)
    assert info.value.code == ErrorCode.INVALID_DATE
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(("text", "expected"), [
    ("1900-01-01", date(1900, 1, 1)),
    ("2200-12-31", date(2200, 12, 31)),
    ("2024-02-29", date(2024, 2, 29)),
    ("2000.2.29", date(2000, 2, 29)),
])
def test_parse_date_boundaries(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_parse_date_takes_text_only() -> None:
    with pytest.raises(TypeError):
        parse_date(20240105)  # type: ignore[arg-type]


in_range_dates = st.dates(min_value=date(dates.MIN_YEAR, 1, 1), max_value=date(dates.MAX_YEAR, 12, 31))


@given(in_range_dates)
def test_every_input_form_round_trips(d: date) -> None:
    forms = [
        d.isoformat(),
        f"{d.year}-{d.month}-{d.day}",
        f"{d.year}.{d.month}.{d.day}",
        f"{d.year}/{d.month}/{d.day}",
        f"{d.year}年{d.month}月{d.day}日",
        d.strftime("%Y%m%d"),
    ]
    for form in forms:
        assert parse_date(form) == d


@given(st.dates())
def test_iso_round_trip(d: date) -> None:
    s = format_iso(d)
    assert len(s) == 10
    assert parse_iso(s) == d


def test_parse_iso_empty_is_none() -> None:
    assert parse_iso(None) is None
    assert parse_iso("") is None


def test_parse_iso_has_no_input_range() -> None:
    # A stored row must load even if it predates the input range.
    assert parse_iso("1850-06-01") == date(1850, 6, 1)


@pytest.mark.parametrize("text", ["2024-1-5", "20240105", "2024/01/05", "2023-02-29", " 2024-01-05", "x"])
def test_parse_iso_is_strict(text: str) -> None:
    with pytest.raises(DateError):
        parse_iso(text)


def test_format_iso_refuses_datetime() -> None:
    with pytest.raises(TypeError):
        format_iso(datetime(2024, 1, 5, 12, 0))


@pytest.mark.parametrize(
    ("start", "years", "expected"),
    [
        (date(2024, 2, 29), 1, date(2025, 2, 28)),  # policy: last day of the month
        (date(2024, 2, 29), 4, date(2028, 2, 29)),
        (date(2024, 2, 29), -1, date(2023, 2, 28)),
        (date(2024, 2, 29), 76, date(2100, 2, 28)),  # 2100 is not a leap year
        (date(1996, 2, 29), 4, date(2000, 2, 29)),  # 2000 is
        (date(2024, 1, 31), 1, date(2025, 1, 31)),
        (date(2023, 12, 31), 1, date(2024, 12, 31)),
        (date(2023, 3, 1), 0, date(2023, 3, 1)),
    ],
)
def test_add_years_clamped(start: date, years: int, expected: date) -> None:
    assert add_years_clamped(start, years) == expected


@given(in_range_dates, st.integers(min_value=-100, max_value=100))
def test_add_years_clamped_properties(d: date, years: int) -> None:
    result = add_years_clamped(d, years)
    assert result.year == d.year + years
    assert result.month == d.month
    if (d.month, d.day) != (2, 29):
        assert result.day == d.day
    else:
        assert result.day in (28, 29)


def test_add_years_clamped_beyond_calendar() -> None:
    with pytest.raises(ValueError):
        add_years_clamped(date(9999, 1, 1), 1)


def test_no_clock() -> None:
    source = Path(dates.__file__).read_text(encoding="utf-8")
    for call in ("today(", "now(", "utcnow(", "time.time("):
        assert call not in source
