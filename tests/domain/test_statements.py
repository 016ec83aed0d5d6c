"""Statement of account: opening, lines with running balance, closing, totals, periods."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest

from crmdesk.domain.orders import Order, Payment, PaymentMethod
from crmdesk.domain.statements import (
    LineKind,
    PeriodPreset,
    build_statement,
    order_description,
    period_label,
    preset_range,
)

START, END = date(2026, 10, 1), date(2026, 10, 31)


def order(day: date, amount: int, id: int, **kw) -> Order:
    return Order(customer_id=2, order_date=day, product=kw.pop("product", "钢材"), quantity=kw.pop("quantity", 1),
                 amount=amount, id=id, **kw)


def payment(day: date, amount: int, id: int, **kw) -> Payment:
    return Payment(customer_id=2, paid_date=day, amount=amount, id=id, **kw)


def test_opening_lines_running_balance_and_closing():
    orders = [
        order(date(2026, 9, 30), 100_00, 1),  # before: opening
        order(date(2026, 10, 1), 50_00, 2),  # first day counts
        order(date(2026, 10, 31), 20_00, 3),  # last day counts
        order(date(2026, 11, 1), 999_00, 4),  # after: left out
    ]
    payments = [
        payment(date(2026, 9, 15), 30_00, 1),
        payment(date(2026, 10, 10), 40_00, 2, method=PaymentMethod.CASH, note="  张会计 "),
        payment(date(2026, 11, 2), 500_00, 3),
    ]
    s = build_statement(reversed(orders), payments, START, END)  # any input order
    assert s.customer_id == 2
    assert s.opening == 70_00
    assert [(l.day, l.kind, l.billed, l.paid, l.balance) for l in s.lines] == [
        (date(2026, 10, 1), LineKind.ORDER, 50_00, 0, 120_00),
        (date(2026, 10, 10), LineKind.PAYMENT, 0, 40_00, 80_00),
        (date(2026, 10, 31), LineKind.ORDER, 20_00, 0, 100_00),
    ]
    assert (s.billed, s.paid, s.closing) == (70_00, 40_00, 100_00)
    assert s.lines[1].method is PaymentMethod.CASH and s.lines[1].description == "张会计"
    assert all(isinstance(v, int) for l in s.lines for v in (l.billed, l.paid, l.balance))


def test_same_day_orders_before_payments_then_by_id():
    day = date(2026, 10, 5)
    s = build_statement(
        [order(day, 10_00, 9), order(day, 20_00, 3)],
        [payment(day, 5_00, 7), payment(day, 1_00, 2)],
        START, END,
    )
    assert [(l.kind, l.source_id) for l in s.lines] == [
        (LineKind.ORDER, 3), (LineKind.ORDER, 9), (LineKind.PAYMENT, 2), (LineKind.PAYMENT, 7),
    ]
    assert [l.balance for l in s.lines] == [20_00, 30_00, 29_00, 24_00]


def test_empty_period_keeps_the_balance_and_prepayment_is_negative():
    s = build_statement([order(date(2026, 8, 1), 10_00, 1)], [payment(date(2026, 8, 2), 25_00, 1)], START, END)
    assert s.lines == () and s.opening == s.closing == -15_00
    assert (s.billed, s.paid) == (0, 0)


def test_no_rows_at_all():
    s = build_statement([], [], START, END, customer_id=5)
    assert (s.customer_id, s.opening, s.closing, s.lines) == (5, 0, 0, ())


def test_rejects_a_reversed_period_and_mixed_customers():
    with pytest.raises(ValueError):
        build_statement([], [], END, START)
    with pytest.raises(ValueError):
        build_statement([order(START, 1, 1)], [], START, END, customer_id=3)


def test_order_description_from_product_waybill_route_and_quantity():
    shipment = order(START, 1, 1, product=" 冷链运输 ", quantity=3, waybill="SF1234567890",
                     origin="上海", destination="北京")
    assert order_description(shipment) == "冷链运输 · SF1234567890 · 上海→北京 · ×3"
    assert order_description(order(START, 1, 1, quantity=2)) == "钢材 · ×2"
    assert order_description(order(START, 1, 1, destination="广州")) == "钢材 · →广州 · ×1"


def test_totals_and_balances_match_a_decimal_oracle():
    rng = random.Random(20261123)
    base = date(2026, 1, 1)
    orders = [order(base + timedelta(days=rng.randrange(365)), rng.randrange(1, 10**9), i) for i in range(2500)]
    payments = [payment(base + timedelta(days=rng.randrange(365)), rng.randrange(1, 10**9), i) for i in range(2000)]
    start, end = date(2026, 4, 1), date(2026, 9, 30)
    s = build_statement(orders, payments, start, end)

    cent = Decimal("0.01")
    yuan = lambda fen: Decimal(fen) * cent  # noqa: E731
    opening = sum((yuan(o.amount) for o in orders if o.order_date < start), Decimal(0)) - sum(
        (yuan(p.amount) for p in payments if p.paid_date < start), Decimal(0))
    billed = sum((yuan(o.amount) for o in orders if start <= o.order_date <= end), Decimal(0))
    paid = sum((yuan(p.amount) for p in payments if start <= p.paid_date <= end), Decimal(0))
    assert yuan(s.opening) == opening
    assert (yuan(s.billed), yuan(s.paid)) == (billed, paid)
    assert yuan(s.closing) == opening + billed - paid
    assert len(s.lines) == sum(start <= o.order_date <= end for o in orders) + sum(
        start <= p.paid_date <= end for p in payments)
    running = opening
    for previous, line in zip((None, *s.lines), s.lines):
        running += yuan(line.billed) - yuan(line.paid)
        assert yuan(line.balance) == running
        if previous is not None:
            key = lambda l: (l.day, l.kind is LineKind.PAYMENT, l.source_id)  # noqa: E731
            assert key(previous) < key(line)
    assert s.lines[-1].balance == s.closing


@pytest.mark.parametrize(("preset", "today", "expected"), [
    (PeriodPreset.LAST_MONTH, date(2026, 11, 23), (date(2026, 10, 1), date(2026, 10, 31))),
    (PeriodPreset.LAST_MONTH, date(2026, 1, 1), (date(2025, 12, 1), date(2025, 12, 31))),
    (PeriodPreset.LAST_MONTH, date(2024, 3, 31), (date(2024, 2, 1), date(2024, 2, 29))),
    (PeriodPreset.THIS_MONTH, date(2026, 11, 23), (date(2026, 11, 1), date(2026, 11, 23))),
    (PeriodPreset.THIS_QUARTER, date(2026, 11, 23), (date(2026, 10, 1), date(2026, 11, 23))),
    (PeriodPreset.THIS_QUARTER, date(2026, 3, 31), (date(2026, 1, 1), date(2026, 3, 31))),
    (PeriodPreset.THIS_YEAR, date(2026, 11, 23), (date(2026, 1, 1), date(2026, 11, 23))),
    (PeriodPreset.LAST_12_MONTHS, date(2026, 11, 23), (date(2025, 12, 1), date(2026, 11, 23))),
    (PeriodPreset.LAST_12_MONTHS, date(2026, 12, 31), (date(2026, 1, 1), date(2026, 12, 31))),
    (PeriodPreset.LAST_12_MONTHS, date(2026, 1, 5), (date(2025, 2, 1), date(2026, 1, 5))),
    (PeriodPreset.LAST_YEAR, date(2026, 11, 23), (date(2025, 1, 1), date(2025, 12, 31))),
    (PeriodPreset.LAST_QUARTER, date(2026, 11, 23), (date(2026, 7, 1), date(2026, 9, 30))),
    (PeriodPreset.LAST_QUARTER, date(2026, 2, 14), (date(2025, 10, 1), date(2025, 12, 31))),
    (PeriodPreset.LAST_QUARTER, date(2026, 4, 1), (date(2026, 1, 1), date(2026, 3, 31))),
])
def test_preset_ranges(preset, today, expected):
    assert preset_range(preset, today) == expected


def test_period_labels():
    assert period_label(date(2026, 10, 1), date(2026, 10, 31)) == "2026-10"
    assert period_label(date(2026, 10, 1), date(2026, 12, 31)) == "2026-Q4"
    assert period_label(date(2026, 1, 1), date(2026, 12, 31)) == "2026"
    assert period_label(date(2026, 11, 1), date(2026, 11, 23)) == "2026-11-01_2026-11-23"


def test_a_route_already_in_the_product_name_is_not_repeated():
    from crmdesk.domain.orders import Order
    from crmdesk.domain.statements import order_description

    order = Order(customer_id=1, order_date=date(2026, 10, 8), product="整车运输 北京→南昌", quantity=1,
                  amount=1, waybill="WL1", origin="北京", destination="南昌")
    assert order_description(order) == "整车运输 北京→南昌 · WL1 · ×1"


@pytest.mark.parametrize(("today", "month"), [
    (date(2026, 11, 23), "2026-10"),
    (date(2026, 11, 1), "2026-10"),
    (date(2026, 1, 31), "2025-12"),
])
def test_last_whole_month_is_the_one_before_todays(today, month):
    from crmdesk.domain.statements import last_whole_month

    assert str(last_whole_month(today)) == month
