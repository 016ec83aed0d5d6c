"""The profiles the cross-selling suggestions read, from a real file."""

from __future__ import annotations

from datetime import date

import pytest

from crmdesk.domain.cross_sell import Profile
from crmdesk.domain.customer import LifecycleStatus
from crmdesk.domain.followups import ContactMethod, FollowUp, FollowUpState
from crmdesk.domain.orders import Order
from crmdesk.domain.tiers import Tier
from crmdesk.services.tiering import recompute_tiers
from crmdesk.storage import customers as customer_store
from crmdesk.storage import followups as follow_up_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.suggestions import customer_profiles, owners_of, with_planned_purpose
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)


def _order(customer_id: int, product: str, day: date = date(2026, 10, 1), amount: int = 10_000) -> Order:
    return Order(customer_id, day, product, 1, amount)


@pytest.fixture
def shop(customer_file):
    cf = customer_file
    company = customer_store.insert_customer(cf, make_company(industry=" 物流 ", province="上海市", owner="王经理"))
    person = customer_store.insert_customer(cf, make_person(province="", status=LifecycleStatus.PROSPECT))
    binned = customer_store.insert_customer(cf, make_person(name="李四", mobile="13912345678"))
    for product in ("冷链仓储", "冷链仓储", "整车运输"):
        order_store.insert_order(cf, _order(company.id, product))
    gone = order_store.insert_order(cf, _order(company.id, "已删除的产品"))
    order_store.delete_order(cf, gone)
    order_store.insert_order(cf, _order(binned.id, "冷链仓储"))
    customer_store.soft_delete_customer(cf, binned.id)
    return cf, company, person, binned


def test_profiles_of_live_customers_with_their_products(shop):
    cf, company, person, _binned = shop
    profiles = sorted(customer_profiles(cf))
    assert profiles == [
        Profile(company.id, company.code, company.name, LifecycleStatus.ACTIVE, "王经理", "物流", "上海市", None,
                frozenset({"冷链仓储", "整车运输"})),
        Profile(person.id, person.code, person.name, LifecycleStatus.PROSPECT, None, None, None, None,
                frozenset()),
    ]


def test_profiles_carry_the_tier_once_computed(shop):
    cf, company, person, _binned = shop
    recompute_tiers(cf, TODAY)
    tiers = {p.id: p.tier for p in customer_profiles(cf)}
    assert tiers == {company.id: Tier.A, person.id: Tier.D}


def test_planned_purpose_and_owners_of_live_customers(shop):
    cf, company, person, binned = shop
    purpose = "推荐 冷链仓储"
    follow_up_store.insert_follow_up(cf, FollowUp(company.id, TODAY, ContactMethod.PHONE, purpose))
    follow_up_store.insert_follow_up(cf, FollowUp(person.id, TODAY, ContactMethod.PHONE, "别的事"))
    done = follow_up_store.insert_follow_up(cf, FollowUp(person.id, TODAY, ContactMethod.PHONE, purpose))
    follow_up_store.update_follow_up(cf, FollowUp(
        person.id, TODAY, ContactMethod.PHONE, purpose, state=FollowUpState.CANCELLED, id=done.id, uid=done.uid,
        row_version=done.row_version))
    assert with_planned_purpose(cf, [company.id, person.id, binned.id], purpose) == {company.id}
    owners = owners_of(cf, [binned.id, person.id, 999, company.id, person.id])
    assert list(owners.items()) == [(person.id, None), (company.id, "王经理")]


def test_products_with_commas_and_spaces_come_back_whole(customer_file):
    cf = customer_file
    c = customer_store.insert_customer(cf, make_person())
    for product in ("螺丝,螺母", "螺丝", "Bolts, nuts", "Bolts, nuts", " 茶叶 "):
        order_store.insert_order(cf, _order(c.id, product))
    (profile,) = customer_profiles(cf)
    assert profile.products == frozenset({"螺丝,螺母", "螺丝", "Bolts, nuts", " 茶叶 "})
