"""Receivable, FIFO aging, credit control, plan progress and order checks."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmdesk.domain.orders import (
    Order,
    Payment,
    Period,
    PeriodKind,
    SalesPlan,
    aging,
    credit_check,
    financial_summary,
    over_limit,
    plan_progress,
    unpaid_orders,
    validate_order,
    validate_payment,
)
from crmdesk.domain.validation import ErrorCode

TODAY = date(2026, 11, 23)


def order(day: date, amount: int, **kw) -> Order:
    return Order(customer_id=1, order_date=day, product="整车运输", quantity=1, amount=amount, **kw)


def test_payments_settle_the_oldest_orders_first():
    orders = [(date(2026, 11, 1), 100), (date(2026, 9, 1), 300), (date(2026, 10, 1), 200)]
    assert unpaid_orders(orders, 350) == [(date(2026, 10, 1), 150), (date(2026, 11, 1), 100)]
    assert unpaid_orders(orders, 0)[0] == (date(2026, 9, 1), 300)
    assert unpaid_orders(orders, 600) == []
    assert unpaid_orders(orders, 900) == []  # a prepayment leaves nothing unpaid


def test_aging_buckets_by_days_since_the_order():
    orders = [
        (TODAY - timedelta(days=95), 1000),  # > 90
        (TODAY - timedelta(days=61), 2000),  # 61-90
        (TODAY - timedelta(days=60), 3000),  # 31-60
        (TODAY - timedelta(days=31), 4000),  # 31-60
        (TODAY - timedelta(days=30), 5000),  # 0-30
        (TODAY, 6000),  # 0-30
    ]
    result = aging(orders, 500, TODAY)
    assert result.as_tuple() == (11000, 7000, 2000, 500)
    assert result.oldest_unpaid == TODAY - timedelta(days=95)
    assert result.total == sum(a for _, a in orders) - 500


@given(
    amounts=st.lists(st.integers(min_value=0, max_value=10**9), max_size=30),
    paid=st.integers(min_value=0, max_value=10**10),
)
def test_aging_adds_up_to_what_is_owed(amounts, paid):
    orders = [(TODAY - timedelta(days=7 * i), a) for i, a in enumerate(amounts)]
    assert aging(orders, paid, TODAY).total == max(sum(amounts) - paid, 0)


def test_financial_summary():
    orders = [order(date(2026, 1, 5), 10000, cost=7000), order(date(2026, 3, 1), 5001), order(date(2025, 12, 1), 1)]
    payments = [Payment(customer_id=1, paid_date=date(2026, 2, 1), amount=8000)]
    s = financial_summary(orders, payments, TODAY)
    assert (s.order_count, s.billed, s.paid, s.receivable) == (3, 15002, 8000, 7002)
    assert (s.first_order, s.last_order) == (date(2025, 12, 1), date(2026, 3, 1))
    assert s.average_order == 5001  # 15002 / 3 = 5000.67 -> 5001, half up
    assert s.aging.days_over_90 == 7002 and s.cost == 7000
    assert s.prepaid == 0


def test_totals_equal_a_decimal_oracle_over_10000_rows():
    rng = random.Random(5)
    orders = [order(TODAY - timedelta(days=rng.randrange(1000)), rng.randrange(1, 10**8)) for _ in range(10_000)]
    payments = [Payment(customer_id=1, paid_date=TODAY, amount=rng.randrange(1, 10**8)) for _ in range(5_000)]
    s = financial_summary(orders, payments, TODAY)
    oracle = sum(Decimal(o.amount) / 100 for o in orders) - sum(Decimal(p.amount) / 100 for p in payments)
    assert Decimal(s.receivable) / 100 == oracle


def test_credit_check_shows_the_numbers():
    check = credit_check(receivable_before=4_000_000, order_amount=1_500_000, credit_limit=5_000_000)
    assert (check.receivable_after, check.over_by) == (5_500_000, 500_000)
    assert credit_check(4_000_000, 1_000_000, 5_000_000) is None  # exactly at the limit is fine
    assert credit_check(10**9, 1, None) is None
    assert over_limit(5_000_001, 5_000_000) and not over_limit(5_000_000, 5_000_000)


@pytest.mark.parametrize(
    "text, first, last",
    [("2026-11", date(2026, 11, 1), date(2026, 11, 30)), ("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
     ("2024-Q1", date(2024, 1, 1), date(2024, 3, 31)), ("2026-q4", date(2026, 10, 1), date(2026, 12, 31))],
)
def test_periods(text, first, last):
    period = Period.parse(text)
    assert (period.first_day, period.last_day) == (first, last)
    assert Period.parse(str(period)) == period


@pytest.mark.parametrize("bad", ["2026-13", "2026-Q5", "2026", "x-1"])
def test_bad_periods_are_refused(bad):
    with pytest.raises(ValueError):
        Period.parse(bad)


def test_plan_progress_is_time_proportional():
    plan = SalesPlan(customer_id=1, period=Period(2026, PeriodKind.MONTH, 11), amount=30_000)
    # 23 of 30 days gone: 23,000 would be on track.
    on_track = plan_progress(plan, [order(date(2026, 11, 2), 23_000)], TODAY)
    behind = plan_progress(plan, [order(date(2026, 11, 2), 22_999), order(date(2026, 10, 31), 99_999)], TODAY)
    assert not on_track.behind and behind.behind
    assert (behind.actual, behind.days_gone, behind.days_total, behind.percent) == (22_999, 23, 30, 76)


@pytest.mark.parametrize(
    "changes, field, code",
    [
        ({"quantity": 0}, "quantity", ErrorCode.NOT_POSITIVE),
        ({"amount": -1}, "amount", ErrorCode.NEGATIVE_AMOUNT),
        ({"product": "  "}, "product", ErrorCode.REQUIRED),
        ({"order_date": TODAY + timedelta(days=32)}, "order_date", ErrorCode.TOO_FAR_AHEAD),
        ({"weight_g": 0}, "weight_g", ErrorCode.NOT_POSITIVE),
    ],
)
def test_bad_orders_are_refused_with_the_field(changes, field, code):
    values = dict(customer_id=1, order_date=TODAY, product="零担", quantity=1, amount=100)
    values.update(changes)
    assert [(e.field, e.code) for e in validate_order(Order(**values), TODAY)] == [(field, code)]


def test_an_order_within_the_horizon_is_fine():
    assert validate_order(order(TODAY + timedelta(days=31), 100), TODAY) == []


def test_payment_larger_than_owed_needs_the_prepayment_flag():
    payment = Payment(customer_id=1, paid_date=TODAY, amount=10_001)
    errors = validate_payment(payment, 10_000, TODAY)
    assert [(e.field, e.code, e.params["owed"]) for e in errors] == [("amount", ErrorCode.MORE_THAN_OWED, 10_000)]
    assert validate_payment(payment, 10_000, TODAY, allow_prepayment=True) == []
    zero = Payment(customer_id=1, paid_date=TODAY, amount=0)
    assert [e.code for e in validate_payment(zero, 10_000, TODAY)] == [ErrorCode.NOT_POSITIVE]


@given(
    totals=st.tuples(*[st.integers(min_value=0, max_value=10**9)] * 4),
    paid=st.integers(min_value=-10, max_value=5 * 10**9),
)
def test_settling_buckets_equals_settling_orders(totals, paid):
    from crmdesk.domain.orders import AGING_BUCKETS, settle_buckets

    # One order in the middle of each bucket: order-by-order FIFO must give the same sums.
    orders = [(TODAY - timedelta(days=(low + (high or low + 30)) // 2), amount)
              for (low, high), amount in zip(AGING_BUCKETS, totals)]
    assert settle_buckets(totals, paid) == aging(orders, max(paid, 0), TODAY).as_tuple()
