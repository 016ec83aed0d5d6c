"""Entering orders and payments through the service: checks, credit control, prepayments."""

from __future__ import annotations

from datetime import date, timedelta

from crmdesk.domain.orders import Order, Payment
from crmdesk.domain.validation import ErrorCode
from crmdesk.services import ledger
from crmdesk.storage import customers as customer_store
from crmdesk.storage import file_settings
from crmdesk.storage import orders as store
from tests.factories import make_company

TODAY = date(2026, 11, 23)


def _company(cf, limit=5_000_000):
    return customer_store.insert_customer(cf, make_company(credit_limit=limit))


def _order(cid, amount, day=TODAY):
    return Order(customer_id=cid, order_date=day, product="零担 广州→武汉", quantity=3, amount=amount)


def test_an_order_over_the_credit_limit_warns_with_the_numbers(customer_file):
    company = _company(customer_file)
    assert ledger.save_order(customer_file, _order(company.id, 4_000_000), TODAY).order is not None
    result = ledger.save_order(customer_file, _order(company.id, 1_500_000), TODAY)
    assert result.order is None and result.needs_confirmation
    assert (result.credit.receivable_before, result.credit.receivable_after, result.credit.credit_limit) == (
        4_000_000, 5_500_000, 5_000_000)
    assert store.balance(customer_file, company.id) == (4_000_000, 0)
    confirmed = ledger.save_order(customer_file, _order(company.id, 1_500_000), TODAY, over_limit_confirmed=True)
    assert confirmed.order is not None and confirmed.credit.over_by == 500_000


def test_a_file_can_block_orders_over_the_limit(customer_file):
    company = _company(customer_file, limit=1_000)
    file_settings.put(customer_file, file_settings.BLOCK_OVER_LIMIT, True)
    result = ledger.save_order(customer_file, _order(company.id, 1_001), TODAY, over_limit_confirmed=True)
    assert result.order is None and result.blocked and not result.needs_confirmation
    assert store.balance(customer_file, company.id) == (0, 0)


def test_editing_an_order_counts_only_the_difference_against_the_limit(customer_file):
    company = _company(customer_file, limit=10_000)
    stored = ledger.save_order(customer_file, _order(company.id, 9_000), TODAY).order
    edited = Order(**{**stored.__dict__, "amount": 10_000})
    assert ledger.save_order(customer_file, edited, TODAY).order.amount == 10_000


def test_bad_orders_are_refused_and_nothing_is_written(customer_file):
    company = _company(customer_file)
    result = ledger.save_order(customer_file, _order(company.id, 100, day=TODAY + timedelta(days=90)), TODAY)
    assert [(e.field, e.code) for e in result.errors] == [("order_date", ErrorCode.TOO_FAR_AHEAD)]
    assert store.orders_of(customer_file, company.id) == []


def test_a_payment_above_the_debt_is_only_taken_as_a_prepayment(customer_file):
    company = _company(customer_file)
    ledger.save_order(customer_file, _order(company.id, 10_000), TODAY)
    big = Payment(customer_id=company.id, paid_date=TODAY, amount=12_000)
    refused = ledger.save_payment(customer_file, big, TODAY)
    assert [e.code for e in refused.errors] == [ErrorCode.MORE_THAN_OWED]
    assert ledger.save_payment(customer_file, big, TODAY, prepayment=True).payment is not None
    summary = ledger.customer_summary(customer_file, company.id, TODAY)
    assert (summary.receivable, summary.prepaid) == (-2_000, 2_000)
