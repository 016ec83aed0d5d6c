"""Repurchase cycle: median of intervals, reminder exactly 15 days ahead."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmdesk.domain.repurchase import repurchase_cycle, repurchase_due

TODAY = date(2026, 11, 23)


def test_cycle_is_the_median_interval_and_one_long_gap_does_not_stretch_it():
    days = [date(2026, 1, 1), date(2026, 1, 31), date(2026, 3, 2), date(2026, 9, 1), date(2026, 10, 1)]
    cycle = repurchase_cycle(days, TODAY)
    assert (cycle.cycle_days, cycle.last_purchase, cycle.intervals) == (30, date(2026, 10, 1), 4)
    assert cycle.next_purchase == date(2026, 10, 31)


def test_several_orders_on_one_day_are_one_purchase_and_future_orders_are_ignored():
    days = [date(2026, 9, 1), date(2026, 9, 1), date(2026, 10, 1), date(2026, 12, 1)]
    assert repurchase_cycle(days, TODAY) is None  # one interval up to today: no rhythm yet


@pytest.mark.parametrize("days_ahead, due", [(16, False), (15, True), (1, True), (0, True), (-1, False)])
def test_reminder_fires_exactly_fifteen_days_ahead(days_ahead, due):
    last = TODAY + timedelta(days=days_ahead) - timedelta(days=20)
    cycle = repurchase_cycle([last - timedelta(days=40), last - timedelta(days=20), last], TODAY)
    assert cycle.days_until(TODAY) == days_ahead
    assert repurchase_due(cycle, TODAY) is due


@given(st.lists(st.integers(min_value=0, max_value=2000), min_size=3, max_size=40, unique=True))
def test_prediction_follows_the_last_purchase(offsets):
    days = [TODAY - timedelta(days=o) for o in offsets]
    cycle = repurchase_cycle(days, TODAY)
    assert cycle.last_purchase == max(days)
    assert cycle.next_purchase > cycle.last_purchase
