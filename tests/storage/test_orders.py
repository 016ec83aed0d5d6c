"""Orders, payments and plans in the file; the SQL ledger equals the domain rules."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from crmdesk.domain.orders import Order, Payment, PaymentMethod, Period, SalesPlan, aging
from crmdesk.storage import customers as customer_store
from crmdesk.storage import orders as store
from crmdesk.storage.change_log import change_log
from crmdesk.storage.customer_file import WriteError, WriteProblem
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)


@pytest.fixture
def company(customer_file):
    return customer_store.insert_customer(customer_file, make_company(credit_limit=5_000_000))


def an_order(customer_id: int, day: date = TODAY, amount: int = 120_000, **kw) -> Order:
    return Order(customer_id=customer_id, order_date=day, product="整车运输 上海→成都", quantity=1,
                 amount=amount, **kw)


def test_order_round_trip_with_logistics_fields_and_log(customer_file, company):
    stored = store.insert_order(customer_file, an_order(
        company.id, cost=90_000, waybill="SF123456789012", origin="上海", destination="成都",
        pieces=12, weight_g=1_250_500, note="加急"))
    assert store.orders_of(customer_file, company.id) == [stored]
    assert stored.uid and stored.row_version == 1
    log = [e for e in change_log(customer_file, company.id) if e.entity == "order"]
    assert [e.action for e in log] == ["create"]


def test_update_logs_fields_and_refuses_stale_edits(customer_file, company):
    stored = store.insert_order(customer_file, an_order(company.id))
    changed = store.update_order(customer_file, stored.__class__(**{**stored.__dict__, "amount": 130_000}))
    assert changed.row_version == 2
    log = [(e.field, e.old, e.new) for e in change_log(customer_file, company.id) if e.action == "update"]
    assert log == [("amount", "120000", "130000")]
    with pytest.raises(WriteError) as e:
        store.update_order(customer_file, stored)  # row_version 1 is stale now
    assert e.value.problem is WriteProblem.CONFLICT


def test_deleted_orders_no_longer_count(customer_file, company):
    kept = store.insert_order(customer_file, an_order(company.id, amount=100))
    gone = store.insert_order(customer_file, an_order(company.id, amount=900))
    store.delete_order(customer_file, gone)
    assert store.orders_of(customer_file, company.id) == [kept]
    assert store.balance(customer_file, company.id) == (100, 0)


def test_payments_and_balance(customer_file, company):
    store.insert_order(customer_file, an_order(company.id, amount=10_000))
    payment = store.insert_payment(customer_file, Payment(
        customer_id=company.id, paid_date=TODAY, amount=4_000, method=PaymentMethod.WECHAT, note="微信转账"))
    assert store.payments_of(customer_file, company.id) == [payment]
    assert store.balance(customer_file, company.id) == (10_000, 4_000)


def test_database_refuses_impossible_rows_even_past_the_service(customer_file, company):
    with pytest.raises(WriteError):
        store.insert_order(customer_file, an_order(company.id, amount=-1))
    with pytest.raises(WriteError):
        store.insert_payment(customer_file, Payment(customer_id=company.id, paid_date=TODAY, amount=0))
    assert store.balance(customer_file, company.id) == (0, 0)


def test_plans_are_set_and_replaced(customer_file, company):
    period = Period.parse("2026-11")
    store.set_plan(customer_file, SalesPlan(company.id, period, 100_000))
    store.set_plan(customer_file, SalesPlan(company.id, period, 150_000))
    assert [(p.period, p.amount) for p in store.plans_of(customer_file, company.id)] == [(period, 150_000)]
    log = [(e.action, e.old, e.new) for e in change_log(customer_file, company.id) if e.entity == "sales_plan"]
    assert log == [("create", None, "100000"), ("update", "100000", "150000")]


def test_sql_ledger_equals_the_domain_aging_on_random_data(customer_file):
    rng = random.Random(11)
    ids = [customer_store.insert_customer(customer_file, make_person(name=f"客户{i}", mobile=None)).id
           for i in range(30)]
    orders, payments = [], []
    for cid in ids:
        for _ in range(rng.randrange(0, 12)):
            day = TODAY - timedelta(days=rng.randrange(0, 400))
            orders.append(an_order(cid, day, rng.randrange(1, 10**7)))
        for _ in range(rng.randrange(0, 5)):
            payments.append(Payment(customer_id=cid, paid_date=TODAY, amount=rng.randrange(1, 2 * 10**7)))
    store.insert_ledger_rows(customer_file, orders, payments)
    rows = {r.customer_id: r for r in store.ledger_rows(customer_file, TODAY)}
    for cid in ids:
        mine = sorted((o for o in orders if o.customer_id == cid), key=lambda o: o.order_date)
        paid = sum(p.amount for p in payments if p.customer_id == cid)
        if not mine and not paid:
            assert cid not in rows
            continue
        expected = aging([(o.order_date, o.amount) for o in mine], paid, TODAY)
        row = rows[cid]
        assert (row.billed, row.paid) == (sum(o.amount for o in mine), paid)
        assert row.aging.as_tuple() == expected.as_tuple()


def test_list_rows_carry_the_receivable_and_sort_by_it(customer_file, company):
    from crmdesk.storage.customers import CustomerQuery, SortKey

    other = customer_store.insert_customer(customer_file, make_person(name="王五", mobile=None))
    store.insert_order(customer_file, an_order(company.id, amount=300))
    store.insert_order(customer_file, an_order(other.id, amount=900))
    store.insert_payment(customer_file, Payment(customer_id=other.id, paid_date=TODAY, amount=100))
    rows = customer_store.list_rows(customer_file, [company.id, other.id])
    assert (rows[company.id].receivable, rows[other.id].receivable) == (300, 800)
    ids = customer_store.customer_ids(customer_file, CustomerQuery(sort=SortKey.RECEIVABLE, descending=True))
    assert ids == [other.id, company.id]


def test_a_plan_is_deleted_with_a_log_entry(customer_file, company):
    november, q4 = Period.parse("2026-11"), Period.parse("2026-Q4")
    store.set_plan(customer_file, SalesPlan(company.id, november, 100_000))
    store.set_plan(customer_file, SalesPlan(company.id, q4, 300_000))
    store.delete_plan(customer_file, company.id, november)
    assert [(p.period, p.amount) for p in store.plans_of(customer_file, company.id)] == [(q4, 300_000)]
    log = [(e.action, e.field, e.old, e.new) for e in change_log(customer_file, company.id)
           if e.entity == "sales_plan"]
    assert log[-1] == ("delete", "2026-11", "100000", None)
    with pytest.raises(WriteError) as e:
        store.delete_plan(customer_file, company.id, november)  # already gone
    assert e.value.problem is WriteProblem.CONFLICT
    store.set_plan(customer_file, SalesPlan(company.id, november, 50_000))  # the period can be planned again
    assert len(store.plans_of(customer_file, company.id)) == 2


def test_purchase_days_merge_each_day_and_keep_only_live_orders_up_to_the_day(customer_file, company):
    other = customer_store.insert_customer(customer_file, make_person())
    d = TODAY - timedelta(days=10)
    # Entered out of order, two on one day, one deleted, one after the day asked about.
    for day, amount in [(d, 300), (d - timedelta(days=5), 100), (d, 200), (TODAY + timedelta(days=1), 9)]:
        store.insert_order(customer_file, an_order(company.id, day, amount))
    store.delete_order(customer_file, store.insert_order(customer_file, an_order(company.id, d, 50)))
    store.insert_order(customer_file, an_order(other.id, TODAY, 7))
    got = store.purchase_days(customer_file, TODAY)
    assert got[company.id] == ([d - timedelta(days=5), d], [100, 500])
    assert got[other.id] == ([TODAY], [7])
    assert store.purchase_days(customer_file, TODAY, other.id) == {other.id: ([TODAY], [7])}
