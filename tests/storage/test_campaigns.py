"""Campaigns in the file: round trip with the change log, the target filter in SQL, targets and
reached days, and the attribution sums in SQL equal to the domain's definition."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from crmdesk.domain.campaigns import Campaign, CampaignChannel, CampaignOrder, TargetFilter, campaign_result
from crmdesk.domain.orders import Order
from crmdesk.domain.tiers import Segment, Tier, TierResult
from crmdesk.storage import campaigns as store
from crmdesk.storage import customers as customer_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.change_log import change_log
from crmdesk.storage.customer_file import WriteError, WriteProblem
from crmdesk.storage.scores import CustomerScores, save_scores
from crmdesk.storage.tiers import save_tiers
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)


def a_campaign(**kw) -> Campaign:
    values = dict(name="老客回馈", channel=CampaignChannel.SMS, start_date=date(2026, 10, 1),
                  end_date=date(2026, 10, 15), cost=100_000, window_days=30)
    values.update(kw)
    return Campaign(**values)


def order(customer_id: int, day: date, amount: int, cost: int | None = None, product: str = "整车运输") -> Order:
    return Order(customer_id=customer_id, order_date=day, product=product, quantity=1, amount=amount, cost=cost)


@pytest.fixture
def people(customer_file):
    """Four customers: 张三 (北京市, tag vip, A, at risk, bought 整车运输), 李四 (广东省/深圳市, B, bought 冷链),
    王五 (a company in region 华南, no tier), 赵六 (in the recycle bin, tag vip)."""
    cf = customer_file
    zhang = customer_store.insert_customer(cf, make_person(name="张三", city="北京市", tags=("vip",)))
    li = customer_store.insert_customer(cf, make_person(name="李四", province="广东省", city="深圳市",
                                                        mobile="13800138001"))
    wang = customer_store.insert_customer(cf, make_company(name="王五贸易有限公司", region="华南", city=None))
    zhao = customer_store.insert_customer(cf, make_person(name="赵六", tags=("vip",), mobile="13800138002"))
    customer_store.soft_delete_customer(cf, zhao.id)
    save_tiers(cf, {zhang.id: TierResult(Tier.A, 500_000, 1, 2, 1), li.id: TierResult(Tier.B, 1_000, 2, 2, 2)}, TODAY)
    save_scores(cf, [CustomerScores(zhang.id, 1, 5, 5, Segment.AT_RISK), CustomerScores(li.id, 5, 1, 1, Segment.GROWING)],
                TODAY)
    order_store.insert_order(cf, order(zhang.id, date(2026, 5, 1), 500_000, product="整车运输"))
    order_store.insert_order(cf, order(li.id, date(2026, 5, 1), 1_000, product="冷链"))
    gone = order_store.insert_order(cf, order(wang.id, date(2026, 5, 1), 1_000, product="冷链"))
    order_store.delete_order(cf, gone)
    return zhang.id, li.id, wang.id, zhao.id


def test_round_trip_and_the_log(customer_file):
    f = TargetFilter(tiers=(Tier.A,), regions=("北京",))
    stored = store.insert_campaign(customer_file, a_campaign(target_filter=f, note="短信 2 万条"))
    assert stored.id and stored.uid and stored.row_version == 1
    assert store.get_campaign(customer_file, stored.id) == stored
    assert store.campaigns(customer_file) == [stored]

    changed = store.update_campaign(customer_file, replace(stored, cost=120_000, name="老客回馈 II"))
    assert changed.row_version == 2 and store.get_campaign(customer_file, stored.id) == changed
    log = customer_file.execute("SELECT action, field, old, new, customer_id FROM change_log "
                                "WHERE entity = 'campaign' ORDER BY id").fetchall()
    assert [row[:2] for row in log] == [("create", None), ("update", "name"), ("update", "cost")]
    assert log[2][2:] == ("100000", "120000", None)
    with pytest.raises(WriteError) as e:
        store.update_campaign(customer_file, stored)  # row_version 1 is stale
    assert e.value.problem is WriteProblem.CONFLICT

    store.delete_campaign(customer_file, changed)
    assert store.campaigns(customer_file) == [] and store.get_campaign(customer_file, stored.id) is None
    with pytest.raises(WriteError):
        store.delete_campaign(customer_file, changed)


def test_campaigns_latest_start_first(customer_file):
    old = store.insert_campaign(customer_file, a_campaign(name="春季", start_date=date(2026, 3, 1),
                                                          end_date=date(2026, 3, 31)))
    new = store.insert_campaign(customer_file, a_campaign(name="秋季"))
    assert [c.id for c in store.campaigns(customer_file)] == [new.id, old.id]


@pytest.mark.parametrize("target_filter, expected", [
    (TargetFilter(), ["张三", "李四", "王五"]),  # the recycle bin's 赵六 never
    (TargetFilter(tiers=(Tier.A,)), ["张三"]),
    (TargetFilter(tiers=(Tier.A, Tier.B)), ["张三", "李四"]),
    (TargetFilter(segments=(Segment.GROWING,)), ["李四"]),
    (TargetFilter(regions=("北京",)), ["张三"]),  # a city starting with it
    (TargetFilter(regions=("广东省",)), ["李四"]),  # a province equal to it
    (TargetFilter(regions=("华南", "北京市")), ["张三", "王五"]),  # a company's region; any of them
    (TargetFilter(regions=("%",)), []),  # LIKE's wildcards are plain text
    (TargetFilter(tags=("vip",)), ["张三"]),
    (TargetFilter(bought=("冷链",)), ["李四"]),  # 王五's 冷链 order was deleted
    (TargetFilter(not_bought=("冷链",)), ["张三", "王五"]),
    (TargetFilter(not_bought=("冷链", "整车运输")), ["王五"]),
    (TargetFilter(tiers=(Tier.A, Tier.B), not_bought=("冷链",)), ["张三"]),  # criteria all hold
    (TargetFilter(tags=("vip",), segments=(Segment.GROWING,)), []),
])
def test_the_filter_in_sql(customer_file, people, target_filter, expected):
    names = dict(customer_file.execute("SELECT id, name FROM customers").fetchall())
    ids = store.matching_customer_ids(customer_file, target_filter)
    assert [names[i][:2] for i in ids] == expected
    assert store.matching_count(customer_file, target_filter) == len(expected)


def test_choices_for_the_filter(customer_file, people):
    assert store.products(customer_file) == ["冷链", "整车运输"]  # the deleted order's product is there too
    assert set(store.regions(customer_file)) >= {"北京市", "广东省", "深圳市", "华南"}


def test_targets_and_reached_are_logged_against_the_customer(customer_file, people):
    zhang, li, wang, _zhao = people
    c = store.insert_campaign(customer_file, a_campaign())
    assert store.add_targets(customer_file, c, [zhang, li, zhang]) == 2
    assert store.add_targets(customer_file, c, [li, wang]) == 1
    store.set_reached(customer_file, c, li, date(2026, 10, 3))
    assert store.add_targets(customer_file, c, [li]) == 0  # already chosen: keeps its day
    assert store.stored_targets(customer_file, c.id) == {zhang: None, li: date(2026, 10, 3), wang: None}

    store.set_reached(customer_file, c, li, None)
    store.set_reached(customer_file, c, li, None)  # no change, no log line
    assert store.remove_targets(customer_file, c, [wang, 99_999]) == 1
    assert store.stored_targets(customer_file, c.id) == {zhang: None, li: None}
    log = [(e.entity, e.action, e.field, e.old, e.new) for e in change_log(customer_file, li)
           if e.entity == "campaign_customer"]
    assert log == [("campaign_customer", "create", None, None, "老客回馈"),
                   ("campaign_customer", "update", "reached_on", None, "2026-10-03"),
                   ("campaign_customer", "update", "reached_on", "2026-10-03", None)]
    assert [e.action for e in change_log(customer_file, wang) if e.entity == "campaign_customer"] == [
        "create", "delete"]
    with pytest.raises(WriteError) as e:
        store.set_reached(customer_file, c, wang, date(2026, 10, 3))  # no longer chosen
    assert e.value.problem is WriteProblem.CONFLICT


def test_totals_by_hand(customer_file):
    """Cost ¥1,000.00; A reached 10-05, B reached 10-10, C targeted only, D not a target."""
    cf = customer_file
    a, b, c, d = (customer_store.insert_customer(cf, make_person(name=n, mobile=f"1380013800{i}")).id
                  for i, n in enumerate(("甲", "乙", "丙", "丁")))
    for o in (order(a, date(2026, 10, 3), 50_000, 30_000),  # before A was reached
              order(a, date(2026, 10, 5), 120_000, 80_000),  # margin 400.00
              order(a, date(2026, 11, 14), 60_000),  # the window's last day, no cost
              order(a, date(2026, 11, 15), 70_000, 10_000),  # a day after the window
              order(b, date(2026, 10, 20), 200_000, 150_000),  # margin 500.00
              order(c, date(2026, 10, 20), 500_000, 100_000),  # C was never reached
              order(d, date(2026, 10, 20), 900_000, 0)):  # D is no target
        order_store.insert_order(cf, o)
    order_store.delete_order(cf, order_store.insert_order(cf, order(a, date(2026, 10, 20), 999_999, 1)))
    campaign = store.insert_campaign(cf, a_campaign())
    store.add_targets(cf, campaign, [a, b, c])
    store.set_reached(cf, campaign, a, date(2026, 10, 5))
    store.set_reached(cf, campaign, b, date(2026, 10, 10))
    empty = store.insert_campaign(cf, a_campaign(name="空"))

    totals = store.campaign_totals(cf, TODAY)
    assert totals[campaign.id] == store.CampaignTotals(targeted=3, reached=2, orders=3, revenue=380_000,
                                                       margin=90_000, orders_without_cost=1)
    assert totals[empty.id] == store.CampaignTotals(0, 0, 0, 0, 0, 0)
    # Before the order of 11-14: it does not count yet.
    assert store.campaign_totals(cf, date(2026, 11, 13))[campaign.id] == (3, 2, 2, 320_000, 90_000, 0)

    rows = store.target_rows(cf, campaign.id, TODAY)
    assert [(r.customer_id, r.reached_on, r.orders, r.revenue, r.margin, r.orders_without_cost) for r in rows] == [
        (a, date(2026, 10, 5), 2, 180_000, 40_000, 1),
        (b, date(2026, 10, 10), 1, 200_000, 50_000, 0),
        (c, None, 0, 0, 0, 0),
    ]
    assert rows[0].code and rows[0].name == "甲"

    customer_store.soft_delete_customer(cf, b)  # the recycle bin: out of the campaign's numbers
    assert store.campaign_totals(cf, TODAY)[campaign.id] == (2, 1, 2, 180_000, 40_000, 1)
    store.delete_campaign(cf, empty)
    assert empty.id not in store.campaign_totals(cf, TODAY)


def test_sql_sums_equal_the_domain_definition(customer_file):
    """Random orders, targets and reached days: storage's one statement and domain.campaign_result agree."""
    rng = random.Random(13)
    cf = customer_file
    ids = [customer_store.insert_customer(cf, make_person(name=f"客户{i}", mobile=None)).id for i in range(12)]
    start = date(2026, 6, 1)
    orders = []
    for _ in range(150):
        o = order(rng.choice(ids), start + timedelta(days=rng.randrange(180)), rng.randrange(1, 100_000),
                  rng.choice([None, rng.randrange(0, 120_000)]))
        stored = order_store.insert_order(cf, o)
        if rng.random() < 0.1:
            order_store.delete_order(cf, stored)
        else:
            orders.append(CampaignOrder(o.customer_id, o.order_date, o.amount, o.cost))
    expected = {}
    for k in range(5):
        first = start + timedelta(days=rng.randrange(100))
        c = store.insert_campaign(cf, a_campaign(name=f"活动{k}", start_date=first,
                                                 end_date=first + timedelta(days=rng.randrange(20)),
                                                 window_days=rng.choice([0, 7, 30]), cost=rng.randrange(0, 50_000)))
        chosen = rng.sample(ids, rng.randrange(1, len(ids)))
        store.add_targets(cf, c, chosen)
        targets = {}
        for i in chosen:
            day = rng.choice([None, first + timedelta(days=rng.randrange(40))])
            store.set_reached(cf, c, i, day)
            targets[i] = day
        expected[c.id] = campaign_result(c, targets, orders, TODAY)
    totals = store.campaign_totals(cf, TODAY)
    for cid, result in expected.items():
        assert totals[cid] == (result.targeted, result.reached, result.orders, result.revenue, result.margin,
                               result.orders_without_cost)
    assert sum(r.orders for r in expected.values()) >= 5  # the sample does attribute something


def test_merging_two_customers_gives_the_survivor_their_campaigns_and_undoing_takes_them_back(customer_file,
                                                                                               people):
    zhang, li, wang, _zhao = people
    cf = customer_file
    only_li = store.insert_campaign(cf, a_campaign(name="只有李四"))
    both = store.insert_campaign(cf, a_campaign(name="两人都在"))
    both_later = store.insert_campaign(cf, a_campaign(name="张三先到"))
    store.add_targets(cf, only_li, [li])
    store.add_targets(cf, both, [zhang, li])
    store.add_targets(cf, both_later, [zhang, li])
    store.set_reached(cf, only_li, li, date(2026, 10, 2))
    store.set_reached(cf, both, li, date(2026, 10, 3))  # the survivor 张三 was not reached: he is now, on 10-03
    store.set_reached(cf, both_later, zhang, date(2026, 10, 1))
    store.set_reached(cf, both_later, li, date(2026, 10, 9))  # 张三's earlier day stays
    before = {c.id: store.stored_targets(cf, c.id) for c in (only_li, both, both_later)}

    journal = store.merge_targets(cf, li, zhang)
    assert store.stored_targets(cf, only_li.id) == {zhang: date(2026, 10, 2)}
    assert store.stored_targets(cf, both.id) == {zhang: date(2026, 10, 3), li: date(2026, 10, 3)}
    assert store.stored_targets(cf, both_later.id)[zhang] == date(2026, 10, 1)
    assert store.merge_targets(cf, wang, zhang) == []  # 王五 was in no campaign

    store.unmerge_targets(cf, li, zhang, journal)
    assert {c.id: store.stored_targets(cf, c.id) for c in (only_li, both, both_later)} == before
