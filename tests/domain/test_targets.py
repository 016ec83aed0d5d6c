"""Sales targets (domain.targets): validation, gap and progress, which periods count in a span."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from crmdesk.domain.orders import Period, PeriodKind
from crmdesk.domain.targets import SalesTarget, TargetProgress, counted_periods, days_gone, quarter_of, target_errors
from crmdesk.domain.validation import ErrorCode

P = Period.parse


def test_gap_and_progress_are_exact_integers_and_fractions():
    p = TargetProgress("王强", 10_000_000, 7_350_001, P("2026-11"), 23, 30)
    assert p.gap == 2_649_999 and isinstance(p.gap, int)
    assert p.progress == Fraction(7_350_001, 10_000_000)
    assert p.percent == 73 and not p.reached
    assert p.behind  # 73.5% of the target after 23 of 30 days (76.7%): 7_350_001 * 30 < 10_000_000 * 23
    over = TargetProgress("王强", 100, 150)
    assert over.gap == -50 and over.reached and over.progress == Fraction(3, 2)
    assert TargetProgress("王强", 0, 10).progress is None


def test_behind_compares_in_integers():
    assert TargetProgress("a", 3_000, 1_999, None, 2, 3).behind
    assert not TargetProgress("a", 3_000, 2_000, None, 2, 3).behind


@pytest.mark.parametrize("target, errors", [
    (SalesTarget("王强", P("2026-11"), 0), []),
    (SalesTarget("  ", P("2026-11"), 1), [("owner", ErrorCode.REQUIRED)]),
    (SalesTarget("x" * 101, P("2026-Q4"), 1), [("owner", ErrorCode.TOO_LONG)]),
    (SalesTarget("王强", Period(2026, PeriodKind.MONTH, 13), 1), [("period", ErrorCode.INVALID_CHOICE)]),
    (SalesTarget("王强", Period(1800, PeriodKind.QUARTER, 1), 1), [("period", ErrorCode.INVALID_CHOICE)]),
    (SalesTarget("王强", P("2026-11"), -1), [("amount", ErrorCode.NEGATIVE_AMOUNT)]),
    (SalesTarget("王强", P("2026-11"), 10**17), [("amount", ErrorCode.AMOUNT_OUT_OF_RANGE)]),
    (SalesTarget("王强", P("2026-11"), 1.5), [("amount", ErrorCode.INVALID_AMOUNT)]),
])
def test_target_errors(target, errors):
    assert [(e.field, e.code) for e in target_errors(target)] == errors


def test_a_quarter_replaces_its_months_and_only_periods_inside_the_span_count():
    periods = [P("2026-10"), P("2026-11"), P("2026-Q4"), P("2026-09"), P("2027-01"), P("2026-08")]
    today = date(2027, 2, 1)  # all of them over
    assert counted_periods(periods, date(2026, 9, 1), date(2026, 12, 31), today) == [P("2026-09"), P("2026-Q4")]
    assert counted_periods(periods, date(2026, 8, 1), date(2026, 11, 30), today) == [
        P("2026-08"), P("2026-09"), P("2026-10"), P("2026-11")]
    assert counted_periods(periods, date(2026, 11, 2), date(2026, 11, 30), today) == []


@pytest.mark.parametrize("first, last, counted", [
    ((2026, 11, 1), (2026, 11, 23), ["2026-11"]),  # this month so far: November, running today
    ((2026, 10, 1), (2026, 11, 23), ["2026-Q4"]),  # this quarter so far: the fourth, replacing its months
    ((2026, 1, 1), (2026, 11, 23), ["2026-09", "2026-Q4"]),  # this year so far; December has not started
    ((2026, 10, 1), (2026, 10, 31), ["2026-10"]),  # last month: October, not the quarter it starts
    ((2026, 11, 1), (2026, 11, 20), []),  # a span ending before today: November has run past it
])
def test_the_period_running_today_counts_when_the_span_reaches_today(first, last, counted):
    periods = [P("2026-09"), P("2026-10"), P("2026-11"), P("2026-12"), P("2026-Q4")]
    today = date(2026, 11, 23)
    assert counted_periods(periods, date(*first), date(*last), today) == [P(p) for p in counted]


def test_days_gone_and_quarter_of():
    assert days_gone(P("2026-11"), date(2026, 11, 23)) == (23, 30)
    assert days_gone(P("2026-Q4"), date(2026, 9, 1)) == (0, 92)
    assert days_gone(P("2026-Q4"), date(2027, 3, 1)) == (92, 92)
    assert quarter_of(P("2026-11")) == P("2026-Q4") and quarter_of(P("2026-Q1")) == P("2026-Q1")
