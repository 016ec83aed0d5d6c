"""Referrals through the service: set, replace and clear a referrer, refused loops, referred revenue."""

from __future__ import annotations

from datetime import date

import pytest

from crmdesk.domain.orders import Order
from crmdesk.domain.referrals import ReferralProblem
from crmdesk.services import customers as customer_service
from crmdesk.services import referrals as service
from crmdesk.storage import customers as customer_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.change_log import change_log
from crmdesk.storage.customer_file import WriteError
from tests.factories import make_company, make_person


@pytest.fixture
def people(customer_file):
    names = ("张三", "李四", "王五", "赵六")
    return [customer_store.insert_customer(customer_file, make_person(name=n, mobile=f"1380013800{i}"))
            for i, n in enumerate(names)]


def _order(cf, customer_id, day, amount):
    return order_store.insert_order(cf, Order(customer_id=customer_id, order_date=day, product="快递",
                                              quantity=1, amount=amount))


def test_a_referrer_is_recorded_replaced_and_cleared_with_the_change_log(customer_file, people):
    zhang, li, wang, _ = people
    service.set_referrer(customer_file, li.id, zhang.id, date(2026, 3, 1))
    mine = service.referrals_of(customer_file, li.id)
    assert (mine.referrer.name, mine.referrer.code, mine.referred_on) == ("张三", zhang.code, date(2026, 3, 1))
    service.set_referrer(customer_file, li.id, wang.id)
    assert service.referrals_of(customer_file, li.id).referrer.name == "王五"
    assert service.referrals_of(customer_file, li.id).referred_on is None
    assert service.clear_referrer(customer_file, li.id)
    assert not service.clear_referrer(customer_file, li.id)
    assert service.referrals_of(customer_file, li.id).referrer is None
    lines = [(e.action, e.field, e.old, e.new) for e in change_log(customer_file, li.id) if e.entity == "referral"]
    assert lines == [
        ("create", "referrer", None, zhang.code),
        ("create", "referred_on", None, "2026-03-01"),
        ("update", "referrer", zhang.code, wang.code),
        ("update", "referred_on", "2026-03-01", None),
        ("delete", "referrer", wang.code, None),
    ]
    # Setting the same referral again logs nothing.
    service.set_referrer(customer_file, li.id, wang.id)
    before = len(change_log(customer_file, li.id))
    service.set_referrer(customer_file, li.id, wang.id)
    assert len(change_log(customer_file, li.id)) == before


@pytest.mark.parametrize("chain, referred, referrer, problem", [
    ((), 0, 0, ReferralProblem.SELF),
    (((1, 0),), 0, 1, ReferralProblem.CYCLE),  # 0 referred 1; 1 cannot have referred 0
    (((1, 0), (2, 1), (3, 2)), 0, 3, ReferralProblem.CYCLE),  # 0 → 1 → 2 → 3 → 0
])
def test_no_customer_refers_itself_even_through_others(customer_file, people, chain, referred, referrer, problem):
    for a, b in chain:  # b referred a
        service.set_referrer(customer_file, people[a].id, people[b].id)
    with pytest.raises(service.ReferralRefused) as e:
        service.set_referrer(customer_file, people[referred].id, people[referrer].id)
    assert e.value.problem is problem
    assert service.referrals_of(customer_file, people[referred].id).referrer is None


def test_a_longer_chain_without_a_loop_is_fine(customer_file, people):
    zhang, li, wang, zhao = people
    service.set_referrer(customer_file, li.id, zhang.id)
    service.set_referrer(customer_file, wang.id, li.id)
    service.set_referrer(customer_file, zhao.id, zhang.id)  # a second one of 张三's
    assert [r.name for r in service.referrals_of(customer_file, zhang.id).referred] == ["李四", "赵六"]


def test_customers_in_the_recycle_bin_cannot_refer_or_be_referred(customer_file, people):
    zhang, li, *_ = people
    customer_store.soft_delete_customer(customer_file, zhang.id)
    with pytest.raises(service.ReferralRefused) as e:
        service.set_referrer(customer_file, li.id, zhang.id)
    assert e.value.problem is ReferralProblem.NOT_FOUND


def test_referred_revenue_counts_orders_since_the_referral_and_all_of_an_undated_one(customer_file, people):
    zhang, li, wang, zhao = people
    service.set_referrer(customer_file, li.id, zhang.id, date(2026, 5, 1))
    service.set_referrer(customer_file, wang.id, zhang.id)  # no date: all of 王五's orders
    service.set_referrer(customer_file, zhao.id, li.id)  # 李四's, not 张三's
    _order(customer_file, li.id, date(2026, 4, 30), 100_00)  # before the referral
    _order(customer_file, li.id, date(2026, 5, 1), 250_00)
    _order(customer_file, li.id, date(2026, 9, 9), 49_99)
    gone = _order(customer_file, li.id, date(2026, 9, 10), 1_000_00)
    order_store.delete_order(customer_file, gone)
    _order(customer_file, wang.id, date(2025, 1, 1), 10_00)
    _order(customer_file, zhao.id, date(2026, 6, 1), 777_00)
    _order(customer_file, zhang.id, date(2026, 6, 1), 5_000_00)  # the referrer's own
    mine = service.referrals_of(customer_file, zhang.id)
    assert [(r.name, r.referred_on, r.revenue) for r in mine.referred] == [
        ("王五", None, 10_00), ("李四", date(2026, 5, 1), 299_99)]
    assert mine.referred_revenue == 309_99
    customer_store.soft_delete_customer(customer_file, wang.id)
    assert service.referrals_of(customer_file, zhang.id).referred_revenue == 299_99


def test_the_picker_finds_customers_by_pinyin_and_code_but_not_the_customer_itself(customer_file, people):
    zhang, li, *_ = people
    assert [r.name for r in customer_service.picker_matches(customer_file, "lisi")] == ["李四"]
    assert [r.name for r in customer_service.picker_matches(customer_file, "ls", exclude=zhang.id)] == ["李四"]
    assert [r.name for r in customer_service.picker_matches(customer_file, "zs", exclude=zhang.id)] == []
    company = customer_store.insert_customer(customer_file, make_company())
    assert [r.id for r in customer_service.picker_matches(customer_file, company.code)] == [company.id]
    # A company is found by its contact persons too, as in the customer list.
    assert [r.name for r in customer_service.picker_matches(customer_file, "lisi")] == ["李四", company.name]
    assert customer_service.picker_matches(customer_file, "  ") == []


def test_a_referrer_gone_meanwhile_is_a_conflict_not_a_broken_row(customer_file, people):
    from crmdesk.domain.referrals import Referral
    from crmdesk.storage import referrals as store

    zhang, li, *_ = people
    customer_store.soft_delete_customer(customer_file, zhang.id)
    with pytest.raises(WriteError):
        store.set_referral(customer_file, Referral(li.id, zhang.id))
