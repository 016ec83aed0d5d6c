"""Campaigns through the service: created for chosen customers or by a filter (all or nothing),
customers marked reached, and the numbers behind each ROI, computed by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction

import pytest

from crmdesk.domain.campaigns import Campaign, CampaignChannel, TargetFilter
from crmdesk.domain.orders import Order
from crmdesk.domain.validation import ErrorCode
from crmdesk.services import campaigns as service
from crmdesk.services.campaigns import CampaignInvalid
from crmdesk.storage import campaigns as store
from crmdesk.storage import customers as customer_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import WriteError
from tests.factories import make_person

TODAY = date(2026, 11, 23)


def a_campaign(**kw) -> Campaign:
    values = dict(name="老客回馈", channel=CampaignChannel.PHONE, start_date=date(2026, 10, 1),
                  end_date=date(2026, 10, 15), cost=100_000, window_days=30)  # ¥1,000.00; counts until 11-14
    values.update(kw)
    return Campaign(**values)


def order(customer_id: int, day: date, amount: int, cost: int | None = None, product: str = "整车运输") -> Order:
    return Order(customer_id=customer_id, order_date=day, product=product, quantity=1, amount=amount, cost=cost)


@pytest.fixture
def shop(customer_file):
    """甲 and 乙 will be reached, 丙 only targeted, 丁 no target; 甲 and 乙 tagged 'vip', 丙 too."""
    cf = customer_file
    ids = {}
    for i, (name, tags) in enumerate((("甲", ("vip",)), ("乙", ("vip",)), ("丙", ("vip",)), ("丁", ()))):
        ids[name] = customer_store.insert_customer(cf, make_person(name=name, mobile=f"1380013800{i}", tags=tags)).id
    a, b, c, d = ids.values()
    for o in (order(a, date(2026, 10, 3), 50_000, 30_000),  # before 甲 was reached: out
              order(a, date(2026, 10, 5), 120_000, 80_000),  # in: margin 400.00
              order(a, date(2026, 11, 14), 60_000),  # in (the window's last day), no cost: revenue only
              order(a, date(2026, 11, 15), 70_000, 10_000),  # after the window: out
              order(b, date(2026, 10, 20), 200_000, 150_000),  # in: margin 500.00
              order(c, date(2026, 10, 20), 500_000, 100_000),  # 丙 was never reached: out
              order(d, date(2026, 10, 20), 900_000, 0)):  # 丁 is no target: out
        order_store.insert_order(cf, o)
    return ids


def test_create_mark_reached_and_the_numbers_behind_roi(customer_file, shop):
    cf = customer_file
    campaign = service.create_campaign(cf, a_campaign(), [shop["甲"], shop["乙"], shop["丙"]])
    service.mark_reached(cf, campaign, shop["甲"], date(2026, 10, 5), TODAY)
    service.mark_reached(cf, campaign, shop["乙"], date(2026, 10, 10), TODAY)

    [result] = service.campaign_results(cf, TODAY)
    assert result.campaign == campaign
    assert (result.targeted, result.reached, result.orders) == (3, 2, 3)
    assert result.revenue == 120_000 + 60_000 + 200_000
    assert result.margin == 40_000 + 50_000
    assert result.orders_without_cost == 1
    assert result.cost == 100_000
    assert result.roi == Fraction(90_000 - 100_000, 100_000) == Fraction(-1, 10)
    assert service.campaign_result(cf, campaign.id, TODAY) == result

    targets = service.campaign_targets(cf, campaign.id, TODAY)
    assert [(t.name, t.reached_on, t.revenue) for t in targets] == [
        ("甲", date(2026, 10, 5), 180_000), ("乙", date(2026, 10, 10), 200_000), ("丙", None, 0)]


def test_a_cheaper_campaign_pays_back_and_a_free_one_has_no_roi(customer_file, shop):
    cf = customer_file
    cheap = service.create_campaign(cf, a_campaign(name="便宜", cost=30_000), [shop["乙"]])
    free = service.create_campaign(cf, a_campaign(name="免费", cost=0), [shop["乙"]])
    for c in (cheap, free):
        service.mark_reached(cf, c, shop["乙"], date(2026, 10, 1), TODAY)
    results = {r.campaign.name: r for r in service.campaign_results(cf, TODAY)}
    assert results["便宜"].roi == Fraction(50_000 - 30_000, 30_000) == Fraction(2, 3)
    assert results["免费"].roi is None and results["免费"].margin == 50_000


def test_create_from_filter_saves_the_filter_and_its_customers(customer_file, shop):
    f = TargetFilter(tags=("vip",), not_bought=("冷链",))
    assert service.matching_count(customer_file, f) == 3
    assert service.matching_count(customer_file, TargetFilter(tags=(" vip ", "vip"))) == 3  # cleaned
    c = service.create_from_filter(customer_file, a_campaign(), f)
    assert c.target_filter == f and store.get_campaign(customer_file, c.id).target_filter == f
    assert set(store.stored_targets(customer_file, c.id)) == {shop["甲"], shop["乙"], shop["丙"]}


def test_a_refused_campaign_stores_nothing(customer_file, shop):
    with pytest.raises(CampaignInvalid) as e:
        service.create_campaign(customer_file, a_campaign(name=" ", cost=-1), [shop["甲"]])
    assert {(x.field, x.code) for x in e.value.errors} == {("name", ErrorCode.REQUIRED),
                                                          ("cost", ErrorCode.NEGATIVE_AMOUNT)}
    with pytest.raises(CampaignInvalid) as e:
        service.create_campaign(customer_file, a_campaign(), [shop["甲"], 4242])
    [error] = e.value.errors
    assert (error.field, error.code, error.params) == ("customer_ids", ErrorCode.CUSTOMER_NOT_FOUND, {"ids": [4242]})
    customer_store.soft_delete_customer(customer_file, shop["丁"])
    with pytest.raises(CampaignInvalid):
        service.create_campaign(customer_file, a_campaign(), [shop["丁"]])  # in the recycle bin
    assert store.campaigns(customer_file) == []
    assert customer_file.execute("SELECT count(*) FROM campaign_customers").fetchone()[0] == 0


def test_text_is_cleaned_before_it_is_stored(customer_file, shop):
    c = service.create_campaign(customer_file, a_campaign(name=" 老客\n回馈 ", note="  \x07  "), [])
    assert (c.name, c.note) == ("老客 回馈", None)


def test_reached_days_are_checked(customer_file, shop):
    cf = customer_file
    c = service.create_campaign(cf, a_campaign(), [shop["甲"]])
    with pytest.raises(CampaignInvalid) as e:
        service.mark_reached(cf, c, shop["甲"], date(2026, 11, 24), TODAY)
    assert e.value.errors[0].code is ErrorCode.TOO_FAR_AHEAD
    with pytest.raises(CampaignInvalid):
        service.mark_reached(cf, c, shop["甲"], date(2026, 9, 30), TODAY)  # before the start
    with pytest.raises(WriteError):
        service.mark_reached(cf, c, shop["丁"], date(2026, 10, 5), TODAY)  # not a target
    service.mark_reached(cf, c, shop["甲"], date(2026, 10, 5), TODAY)
    service.mark_reached(cf, c, shop["甲"], None, TODAY)
    assert store.stored_targets(cf, c.id) == {shop["甲"]: None}


def test_update_keeps_targets_unless_retargeted_and_never_drops_a_reached_one(customer_file, shop):
    cf = customer_file
    c = service.create_from_filter(cf, a_campaign(), TargetFilter(tags=("vip",)))
    service.mark_reached(cf, c, shop["甲"], date(2026, 10, 5), TODAY)
    edited = service.update_campaign(cf, replace(c, cost=50_000, target_filter=TargetFilter(bought=("冷链",))))
    assert edited.cost == 50_000 and len(store.stored_targets(cf, c.id)) == 3  # not retargeted
    order_store.insert_order(cf, order(shop["丁"], date(2026, 10, 2), 1_000, product="冷链"))
    service.update_campaign(cf, edited, retarget=True)
    # 丁 bought 冷链: added; 乙 and 丙 no longer match: dropped; 甲 was reached: kept.
    assert store.stored_targets(cf, c.id) == {shop["甲"]: date(2026, 10, 5), shop["丁"]: None}
    with pytest.raises(CampaignInvalid):
        service.update_campaign(cf, replace(edited, end_date=date(2026, 9, 1)))


def test_delete_takes_it_out_of_the_results(customer_file, shop):
    c = service.create_campaign(customer_file, a_campaign(), [shop["甲"]])
    service.delete_campaign(customer_file, c)
    assert service.campaign_results(customer_file, TODAY) == []
    assert service.campaign_result(customer_file, c.id, TODAY) is None


def test_create_campaign_refuses_a_stored_campaign(customer_file, shop):
    c = service.create_campaign(customer_file, a_campaign(), [])
    with pytest.raises(ValueError):
        service.create_campaign(customer_file, c, [])


def test_several_marked_reached_at_once_or_none(customer_file, shop):
    cf = customer_file
    c = service.create_campaign(cf, a_campaign(), [shop["甲"], shop["乙"]])
    service.mark_all_reached(cf, c, [shop["甲"], shop["乙"]], date(2026, 10, 5), TODAY)
    assert store.stored_targets(cf, c.id) == {shop["甲"]: date(2026, 10, 5), shop["乙"]: date(2026, 10, 5)}
    with pytest.raises(WriteError):
        service.mark_all_reached(cf, c, [shop["甲"], shop["丙"]], None, TODAY)  # 丙 is no target
    assert store.stored_targets(cf, c.id)[shop["甲"]] == date(2026, 10, 5)  # rolled back
