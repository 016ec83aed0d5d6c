"""The report sums that have a rule of their own, pinned to the domain's: the oldest unpaid day and the
receivable total, over seeded random ledgers."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from crmdesk.domain.orders import Order, Payment, aging
from crmdesk.storage import customers as customer_store
from crmdesk.storage import orders as order_store
from crmdesk.storage import reports as store
from tests.factories import make_person

TODAY = date(2026, 11, 23)


def _random_ledger(cf, seed: int):
    """Twelve customers with a few orders (some on one day) and payments, some paying too much."""
    rng = random.Random(seed)
    ids = [customer_store.insert_customer(cf, make_person(name=f"客户{i}", mobile=None)).id for i in range(12)]
    orders, payments = [], []
    for cid in ids:
        days = [TODAY - timedelta(days=rng.randrange(0, 700)) for _ in range(rng.randrange(0, 6))]
        days += days[:1]  # two orders on one day
        orders += [Order(customer_id=cid, order_date=d, product="快递", quantity=1, amount=rng.randrange(1, 5) * 1_000)
                   for d in days]
        payments += [Payment(customer_id=cid, paid_date=TODAY, amount=rng.randrange(1, 9) * 1_000)
                     for _ in range(rng.randrange(0, 3))]
    order_store.insert_ledger_rows(cf, orders, payments)
    return ids, orders, payments


@pytest.mark.parametrize("seed", range(8))
def test_the_oldest_unpaid_day_is_the_ledgers_oldest_over_the_customers(customer_file, seed):
    ids, orders, payments = _random_ledger(customer_file, seed)
    paid = {cid: sum(p.amount for p in payments if p.customer_id == cid) for cid in ids}
    expected = [aging([(o.order_date, o.amount) for o in orders if o.customer_id == cid], paid[cid], TODAY).oldest_unpaid
                for cid in ids]
    assert store.oldest_unpaid_day(customer_file, paid) == min((d for d in expected if d), default=None)
    assert store.oldest_unpaid_day(customer_file, paid, batch=1) == min((d for d in expected if d), default=None)
    owed = sum(max(sum(o.amount for o in orders if o.customer_id == cid) - paid[cid], 0) for cid in ids)
    assert store.receivable_total(customer_file) == owed


def test_no_customers_no_oldest_day(customer_file):
    assert store.oldest_unpaid_day(customer_file, {}) is None
    cid = customer_store.insert_customer(customer_file, make_person(mobile=None)).id
    assert store.oldest_unpaid_day(customer_file, {cid: 0}) is None  # no orders
