"""Sales targets through the service: entered per owner and period, measured against the credited sales.

Hand-computed: 王强 owns 顺达 and 张三, 李娜 owns 李四.  One of 张三's
November orders was won from an opportunity 李娜 owned, so it is hers.
"""

from __future__ import annotations

from datetime import date

import pytest

from crmdesk.domain.orders import Order, Period
from crmdesk.domain.targets import SalesTarget, TargetProgress
from crmdesk.domain.validation import ErrorCode
from crmdesk.services import targets as service
from crmdesk.storage import customers as customer_store
from crmdesk.storage import orders as order_store
from crmdesk.storage import targets as store
from crmdesk.storage.customer_file import WriteError
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)
P = Period.parse


def _order(cf, customer_id, day, amount):
    return order_store.insert_order(cf, Order(customer_id=customer_id, order_date=day, product="零担",
                                              quantity=1, amount=amount))


def _won_opportunity(cf, customer_id, order_id, owner, deleted=False):
    """Plain SQL: the opportunities' own storage is another piece of work."""
    with cf.transaction():
        cf.execute(
            "INSERT INTO opportunities (uid, customer_id, title, amount, stage, stage_since, owner, order_id, "
            "opened_on, closed_on, created_at, updated_at, deleted_at) "
            "VALUES (?, ?, '年度合同', 0, 'won', '2026-11-01', ?, ?, '2026-10-01', '2026-11-01', ?, ?, ?)",
            [cf.new_uid(), customer_id, owner, order_id, cf.now(), cf.now(), cf.now() if deleted else None],
        )


@pytest.fixture
def ledger(customer_file):
    cf = customer_file
    shunda = customer_store.insert_customer(cf, make_company(owner="王强"))
    zhang = customer_store.insert_customer(cf, make_person(owner="王强"))
    li = customer_store.insert_customer(cf, make_person(name="李四", mobile="13900139001", owner="李娜"))
    nobody = customer_store.insert_customer(cf, make_person(name="王五", mobile="13900139002"))
    _order(cf, shunda.id, date(2026, 11, 5), 1_000_00)
    _order(cf, shunda.id, date(2026, 10, 31), 200_00)  # October
    _order(cf, li.id, date(2026, 11, 10), 500_00)
    won = _order(cf, zhang.id, date(2026, 11, 20), 300_00)
    _won_opportunity(cf, zhang.id, won.id, "李娜")
    other = _order(cf, zhang.id, date(2026, 11, 21), 40_00)
    _won_opportunity(cf, zhang.id, other.id, "李娜", deleted=True)  # a deleted opportunity credits nobody
    order_store.delete_order(cf, _order(cf, shunda.id, date(2026, 11, 6), 9_999_00))
    _order(cf, nobody.id, date(2026, 11, 7), 60_00)  # no owner anywhere: nobody's
    return shunda, zhang, li


def test_actual_is_credited_to_the_won_opportunitys_owner_else_the_customers(customer_file, ledger):
    assert store.credited_sales(customer_file, [P("2026-11"), P("2026-10"), P("2026-Q4")]) == {
        ("王强", P("2026-11")): 1_040_00, ("李娜", P("2026-11")): 800_00,
        ("王强", P("2026-10")): 200_00,
        ("王强", P("2026-Q4")): 1_240_00, ("李娜", P("2026-Q4")): 800_00,
    }
    assert store.credited_sales(customer_file, [P("2026-11")], owner="李娜") == {("李娜", P("2026-11")): 800_00}
    assert store.credited_sales(customer_file, []) == {}


def test_target_actual_and_gap_per_owner_for_a_month(customer_file, ledger):
    service.save_target(customer_file, SalesTarget("王强", P("2026-11"), 2_000_00))
    service.save_target(customer_file, SalesTarget("李娜", P("2026-11"), 700_00))
    service.save_target(customer_file, SalesTarget("李娜", P("2026-12"), 1_00))
    rows = service.progress(customer_file, P("2026-11"), TODAY)
    assert [(r.owner, r.target, r.actual, r.gap, r.days_gone, r.days_total) for r in rows] == [
        ("李娜", 700_00, 800_00, -100_00, 23, 30),
        ("王强", 2_000_00, 1_040_00, 960_00, 23, 30),
    ]
    assert [r.owner for r in service.progress(customer_file, P("2026-11"), TODAY, owner="王强")] == ["王强"]


def test_over_a_span_a_quarter_replaces_its_months(customer_file, ledger):
    for period, amount in (("2026-10", 100_00), ("2026-11", 2_000_00), ("2026-Q4", 3_000_00)):
        service.save_target(customer_file, SalesTarget("王强", P(period), amount))
    service.save_target(customer_file, SalesTarget("李娜", P("2026-11"), 700_00))
    service.save_target(customer_file, SalesTarget("李娜", P("2026-10"), 50_00))
    rows = service.progress_between(customer_file, date(2026, 10, 1), date(2026, 12, 31), TODAY)
    assert rows == [
        TargetProgress("李娜", 750_00, 800_00, None, 31 + 23, 31 + 30),
        TargetProgress("王强", 3_000_00, 1_240_00, P("2026-Q4"), 31 + 23, 92),
    ]
    november = service.progress_between(customer_file, date(2026, 11, 1), date(2026, 11, 30), TODAY, "王强")
    assert [(r.target, r.actual, r.gap) for r in november] == [(2_000_00, 1_040_00, 960_00)]
    assert service.progress_between(customer_file, date(2026, 11, 2), date(2026, 11, 30), TODAY) == []


def test_so_far_counts_the_running_month_up_to_the_spans_end(customer_file, ledger):
    shunda, _zhang, _li = ledger
    _order(customer_file, shunda.id, date(2026, 11, 25), 5_00)  # dated ahead: not sold "so far"
    service.save_target(customer_file, SalesTarget("王强", P("2026-11"), 2_000_00))
    (so_far,) = service.progress_between(customer_file, date(2026, 11, 1), TODAY, TODAY)
    assert (so_far.target, so_far.actual, so_far.gap, so_far.days_gone) == (2_000_00, 1_040_00, 960_00, 23)
    assert service.progress(customer_file, P("2026-11"), TODAY)[0].actual == 1_045_00  # the whole month
    assert service.progress_between(customer_file, date(2026, 11, 1), date(2026, 11, 20), TODAY) == []


def test_several_changes_are_one_action_checked_first(customer_file):
    service.save_target(customer_file, SalesTarget("王强", P("2026-10"), 1_00))
    errors = service.apply_targets(customer_file, [("王强", P("2026-10"), None), ("", P("2026-11"), 5_00)])
    assert [(k, [e.code for e in v]) for k, v in errors.items()] == [(("", P("2026-11")), [ErrorCode.REQUIRED])]
    assert [t.amount for t in service.targets(customer_file)] == [1_00]  # nothing written
    assert service.apply_targets(customer_file, [("王强", P("2026-10"), None), ("李娜", P("2026-11"), 5_00),
                                                 ("李娜", P("2026-12"), None)]) == {}
    assert [(t.owner, str(t.period), t.amount) for t in service.targets(customer_file)] == [("李娜", "2026-11", 5_00)]


def test_a_target_is_checked_then_set_replaced_and_deleted(customer_file):
    errors = service.save_target(customer_file, SalesTarget(" ", P("2026-11"), -5))
    assert [(e.field, e.code) for e in errors] == [("owner", ErrorCode.REQUIRED), ("amount", ErrorCode.NEGATIVE_AMOUNT)]
    stored = service.save_target(customer_file, SalesTarget(" 王强 ", P("2026-11"), 1_00))
    assert (stored.owner, stored.amount, stored.row_version) == ("王强", 1_00, 1)
    replaced = service.save_target(customer_file, SalesTarget("王强", P("2026-11"), 2_00))
    assert (replaced.uid, replaced.amount, replaced.row_version) == (stored.uid, 2_00, 2)
    assert service.save_target(customer_file, SalesTarget("王强", P("2026-11"), 2_00)).row_version == 2
    assert service.targets(customer_file) == [replaced]
    service.delete_target(customer_file, "王强", P("2026-11"))
    assert service.targets(customer_file) == []
    with pytest.raises(WriteError):
        service.delete_target(customer_file, "王强", P("2026-11"))
    log = customer_file.execute(
        "SELECT action, field, old, new FROM change_log WHERE entity = 'sales_target' ORDER BY id").fetchall()
    assert log == [("create", "王强 2026-11", None, "100"), ("update", "王强 2026-11", "100", "200"),
                   ("delete", "王强 2026-11", "200", None)]


def test_owners_are_the_customers_and_the_targets(customer_file, ledger):
    service.save_target(customer_file, SalesTarget("新人", P("2026-Q1"), 1_00))
    assert service.owners(customer_file) == sorted(["李娜", "王强", "新人"])
