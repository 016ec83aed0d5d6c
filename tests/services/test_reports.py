"""Chart data and headline figures over small hand-built files, to the fen.

Every file here has a customer in the recycle bin (with orders, payments,
scores, complaints and follow-ups that must not count) and deleted rows of
live customers, and most figures are asked for everyone and for one owner.
"""

from __future__ import annotations

from datetime import date

import pytest

from crmdesk.domain.alerts import AlertRules
from crmdesk.domain.complaints import Complaint, ComplaintCategory, ComplaintChannel
from crmdesk.domain.customer import SourceChannel
from crmdesk.domain.followups import ContactMethod, FollowUp, FollowUpState
from crmdesk.domain.orders import Aging, Order, Payment, Period, SalesPlan
from crmdesk.domain.tiers import Segment, Tier, TierResult, TierRules
from crmdesk.services import complaints as complaint_service
from crmdesk.services import reports
from crmdesk.services.reports import (
    CustomerGroup,
    MonthSales,
    ProductSales,
    RfmCell,
    Scope,
)
from crmdesk.storage import customers as customer_store
from crmdesk.storage import file_settings
from crmdesk.storage import followups as follow_up_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.scores import CustomerScores, save_scores
from crmdesk.storage.tiers import save_tiers
from tests.factories import make_person

TODAY = date(2026, 11, 23)
LI, WANG = "李娜", "王强"


def customer(cf, owner=LI, **kw) -> int:
    kw.setdefault("name", "客户")
    return customer_store.insert_customer(cf, make_person(owner=owner, mobile=None, **kw)).id


def binned(cf, **kw) -> int:
    """A customer in the recycle bin."""
    cid = customer(cf, **kw)
    customer_store.soft_delete_customer(cf, cid)
    return cid


def order(cid, day, amount, product="快递", quantity=1, cost=None) -> Order:
    return Order(customer_id=cid, order_date=day, product=product, quantity=quantity, amount=amount, cost=cost)


def orders(cf, *rows: Order, payments=(), plans=()) -> None:
    order_store.insert_ledger_rows(cf, rows, payments, plans)


def deleted_order(cf, row: Order) -> None:
    order_store.delete_order(cf, order_store.insert_order(cf, row))


def paid(cid, day, amount) -> Payment:
    return Payment(customer_id=cid, paid_date=day, amount=amount)


# -- the scope ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "last", "months"),
    [
        (date(2026, 11, 23), date(2026, 11, 23), ("2026-11",)),
        (date(2025, 11, 30), date(2026, 2, 1), ("2025-11", "2025-12", "2026-01", "2026-02")),
        (date(2026, 1, 1), date(2026, 12, 31), tuple(f"2026-{m:02d}" for m in range(1, 13))),
    ],
)
def test_the_scope_touches_every_month_from_first_to_last(first, last, months):
    assert Scope(first, last).months() == months


def test_a_year_earlier_keeps_the_days_and_the_owner_and_29_february_becomes_the_28th():
    assert Scope(date(2024, 2, 29), date(2024, 3, 31), LI).year_earlier() == Scope(
        date(2023, 2, 28), date(2023, 3, 31), LI)
    assert Scope(date(2025, 3, 1), date(2028, 2, 29)).year_earlier() == Scope(date(2024, 3, 1), date(2027, 2, 28))


# -- monthly sales -----------------------------------------------------------------------------


def test_monthly_sales_count_the_scope_days_only_and_line_up_a_year_earlier(customer_file):
    cf = customer_file
    me, other, gone = customer(cf), customer(cf, owner=WANG), binned(cf)
    orders(
        cf,
        order(me, date(2024, 2, 28), 1_000),  # the day before the scope
        order(me, date(2024, 2, 29), 2_000),  # its first day
        order(me, date(2024, 3, 15), 3_000),
        order(me, date(2024, 3, 15), 3_100),
        order(me, date(2024, 4, 10), 4_000),  # its last day
        order(me, date(2024, 4, 11), 5_000),  # the day after
        order(me, date(2023, 2, 27), 100),  # a day before the span a year earlier
        order(me, date(2023, 2, 28), 200),  # 29 February a year earlier is the 28th
        order(me, date(2023, 3, 1), 300),
        order(me, date(2023, 4, 10), 400),
        order(me, date(2023, 4, 11), 500),  # after it
        order(other, date(2024, 3, 1), 70_000),
        order(other, date(2023, 4, 1), 80_000),
        order(gone, date(2024, 3, 2), 90_000),
    )
    deleted_order(cf, order(me, date(2024, 3, 3), 60_000))
    scope = Scope(date(2024, 2, 29), date(2024, 4, 10))
    sales = reports.monthly_sales(cf, scope)
    assert sales.months == (
        MonthSales("2024-02", 2_000, 1, 200, 1),
        MonthSales("2024-03", 76_100, 3, 300, 1),
        MonthSales("2024-04", 4_000, 1, 80_400, 2),
    )
    assert (sales.amount, sales.previous_amount) == (82_100, 80_900)
    mine = reports.monthly_sales(cf, Scope(scope.first, scope.last, LI))
    assert [(m.amount, m.orders, m.previous_amount) for m in mine.months] == [
        (2_000, 1, 200), (6_100, 2, 300), (4_000, 1, 400)]


def test_months_without_orders_are_there_with_zeros(customer_file):
    sales = reports.monthly_sales(customer_file, Scope(date(2026, 10, 15), date(2026, 11, 23)))
    assert sales.months == (MonthSales("2026-10", 0, 0, 0, 0), MonthSales("2026-11", 0, 0, 0, 0))


def test_a_scope_over_a_year_counts_a_month_both_as_itself_and_as_the_year_before(customer_file):
    cf = customer_file
    me = customer(cf)
    orders(cf, order(me, date(2025, 3, 5), 1_000), order(me, date(2026, 3, 5), 2_000), order(me, date(2024, 3, 5), 400))
    sales = {m.month: m for m in reports.monthly_sales(cf, Scope(date(2025, 1, 1), date(2026, 12, 31))).months}
    assert (sales["2025-03"].amount, sales["2025-03"].previous_amount) == (1_000, 400)
    assert (sales["2026-03"].amount, sales["2026-03"].previous_amount) == (2_000, 1_000)


# -- products ----------------------------------------------------------------------------------


def _product_file(cf):
    me, other, gone = customer(cf), customer(cf, owner=WANG), binned(cf)
    day = date(2026, 11, 1)
    orders(
        cf,
        order(me, day, 10_000, "螺丝", 10, cost=6_000),
        order(me, day, 5_000, "螺丝", 5),  # no cost: not in the margin
        order(me, day, 8_000, "垫片", 2),  # no cost at all: no margin
        order(other, day, 8_000, "扳手", 1, cost=8_000),  # ties with 垫片 on amount
        order(me, day, 1_000, "胶带", 4, cost=500),
        order(me, date(2026, 10, 31), 99_000, "螺丝", 1, cost=1),  # before the scope
        order(gone, day, 99_000, "螺丝", 1, cost=1),
    )
    deleted_order(cf, order(me, day, 99_000, "胶带", 1, cost=1))


def test_products_by_amount_with_the_margin_of_the_orders_that_have_a_cost(customer_file):
    _product_file(customer_file)
    mix = reports.product_mix(customer_file, Scope(date(2026, 11, 1), date(2026, 11, 30)))
    assert mix.products == (
        ProductSales("螺丝", 2, 15, 15_000, 10_000, 6_000),
        ProductSales("垫片", 1, 2, 8_000, 0, 0),  # 垫 U+57AB before 扳 U+6273: ties go by name
        ProductSales("扳手", 1, 1, 8_000, 8_000, 8_000),
        ProductSales("胶带", 1, 4, 1_000, 1_000, 500),
    )
    assert [p.margin for p in mix.products] == [4_000, None, 0, 500]
    assert mix.other is None
    assert mix.total == ProductSales("", 5, 22, 32_000, 19_000, 14_500)


def test_products_past_the_limit_fold_into_other(customer_file):
    _product_file(customer_file)
    scope = Scope(date(2026, 11, 1), date(2026, 11, 30))
    mix = reports.product_mix(customer_file, scope, limit=2)
    assert [p.product for p in mix.products] == ["螺丝", "垫片"]
    assert mix.other == ProductSales("", 2, 5, 9_000, 9_000, 8_500)
    assert mix.other.margin == 500
    assert mix.total.amount == 32_000
    mine = reports.product_mix(customer_file, Scope(scope.first, scope.last, LI), limit=2)
    assert [p.product for p in mine.products] == ["螺丝", "垫片"]
    assert mine.other == ProductSales("", 1, 4, 1_000, 1_000, 500)
    assert mine.total.amount == 24_000


def test_no_orders_no_products(customer_file):
    mix = reports.product_mix(customer_file, Scope(date(2026, 11, 1), date(2026, 11, 30)))
    assert (mix.products, mix.other, mix.total) == ((), None, ProductSales("", 0, 0, 0, 0, 0))
    assert mix.total.margin is None


# -- tiers, contribution and the Pareto ---------------------------------------------------------


def _tier_file(cf):
    """Five buyers (one of them WANG's) and one customer who bought nothing; 100,000 fen in November."""
    codes = ["KH000005", "KH000002", "KH000004", "KH000003", "KH000001"]
    a, b, c, d, e = (customer(cf, code=code, name=f"客户{code[-1]}") for code in codes)
    idle = customer(cf, code="KH000009")
    gone = binned(cf, code="KH000010")
    wang = customer(cf, owner=WANG, code="KH000008")
    day = date(2026, 11, 10)
    orders(
        cf,
        order(a, day, 30_000), order(a, date(2026, 11, 30), 20_000),  # the scope's last day
        order(b, date(2026, 11, 1), 20_000),  # its first day
        order(c, day, 10_000),
        order(d, day, 10_000),  # ties with c: KH000003 ranks before KH000004
        order(e, day, 0),  # a buyer with no revenue
        order(e, date(2026, 10, 31), 70_000),  # the day before the scope
        order(gone, day, 500_000),
        order(wang, day, 10_000),
    )
    deleted_order(cf, order(c, day, 400_000))
    results = {a: Tier.A, b: Tier.B, c: Tier.C, idle: Tier.D, gone: Tier.A, wang: Tier.B}  # d and e never tiered
    save_tiers(cf, {cid: TierResult(tier, 1, 1, 5, 1) for cid, tier in results.items()}, TODAY)
    return a, b, c, d, e, wang


NOVEMBER = Scope(date(2026, 11, 1), date(2026, 11, 30))


def test_tier_mix_counts_customers_by_stored_tier_and_their_revenue_in_the_scope(customer_file):
    _tier_file(customer_file)
    mix = reports.tier_mix(customer_file, NOVEMBER)
    assert [(s.tier, s.customers, s.revenue) for s in mix.slices] == [
        (Tier.A, 1, 50_000), (Tier.B, 2, 30_000), (Tier.C, 1, 10_000), (Tier.D, 3, 10_000)]
    assert (mix.revenue, mix.buyers) == (100_000, 6)
    assert mix.pareto_customers == 3  # 50,000 + 20,000 + 10,000 is exactly 80%


def test_tier_mix_of_one_owner(customer_file):
    _tier_file(customer_file)
    mix = reports.tier_mix(customer_file, Scope(NOVEMBER.first, NOVEMBER.last, LI))
    assert [(s.tier, s.customers, s.revenue) for s in mix.slices] == [
        (Tier.A, 1, 50_000), (Tier.B, 1, 20_000), (Tier.C, 1, 10_000), (Tier.D, 3, 10_000)]
    assert (mix.revenue, mix.buyers, mix.pareto_customers) == (90_000, 5, 3)
    wang = reports.tier_mix(customer_file, Scope(NOVEMBER.first, NOVEMBER.last, WANG))
    assert [s.customers for s in wang.slices] == [0, 1, 0, 0]
    assert (wang.revenue, wang.buyers, wang.pareto_customers) == (10_000, 1, 1)  # a single buyer


def test_tier_mix_without_revenue(customer_file):
    _tier_file(customer_file)
    mix = reports.tier_mix(customer_file, Scope(date(2020, 1, 1), date(2020, 12, 31)))
    assert (mix.revenue, mix.buyers, mix.pareto_customers) == (0, 0, 0)
    assert [s.tier for s in mix.slices] == [Tier.A, Tier.B, Tier.C, Tier.D]  # empty ones included
    assert sum(s.customers for s in mix.slices) == 7  # the binned one left out


def test_contribution_ranks_buyers_with_the_running_total(customer_file):
    a, b, c, d, e, wang = _tier_file(customer_file)
    top = reports.contribution(customer_file, NOVEMBER, limit=4)
    # c, d and wang tie on 10,000: by code KH000003 (d), KH000004 (c), KH000008 (wang).
    assert [(x.customer_id, x.code, x.amount, x.cumulative) for x in top.top] == [
        (a, "KH000005", 50_000, 50_000), (b, "KH000002", 20_000, 70_000),
        (d, "KH000003", 10_000, 80_000), (c, "KH000004", 10_000, 90_000)]
    assert top.top[0].name == "客户5"
    assert (top.total, top.buyers, top.pareto_customers) == (100_000, 6, 3)
    everyone = reports.contribution(customer_file, NOVEMBER)
    assert [x.customer_id for x in everyone.top] == [a, b, d, c, wang, e]
    assert everyone.top[-1].cumulative == 100_000


def test_contribution_of_one_owner_and_of_nobody(customer_file):
    a, b, c, d, e, wang = _tier_file(customer_file)
    mine = reports.contribution(customer_file, Scope(NOVEMBER.first, NOVEMBER.last, WANG))
    assert [(x.customer_id, x.cumulative) for x in mine.top] == [(wang, 10_000)]
    assert (mine.total, mine.buyers, mine.pareto_customers) == (10_000, 1, 1)
    empty = reports.contribution(customer_file, Scope(date(2020, 1, 1), date(2020, 1, 31)))
    assert (empty.top, empty.total, empty.buyers, empty.pareto_customers) == ((), 0, 0, 0)


# -- receivables -------------------------------------------------------------------------------


def _receivable_file(cf):
    x, y, z, u = customer(cf), customer(cf), customer(cf), customer(cf, owner=WANG)
    v = customer(cf, owner=WANG)
    gone = binned(cf)
    orders(
        cf,
        order(x, date(2026, 11, 20), 10_000),  # 3 days old
        order(x, date(2026, 9, 1), 20_000),  # 83 days
        order(x, date(2026, 5, 1), 30_000),  # over 90 days
        order(y, date(2026, 10, 10), 7_000),  # 44 days, nothing paid
        order(z, date(2026, 6, 1), 1_000),  # prepaid
        order(u, date(2025, 1, 1), 50_000),  # paid for ...
        order(u, date(2026, 2, 1), 2_000),  # ... but not this
        order(v, date(2026, 1, 5), 4_000),  # the oldest unpaid order
        order(gone, date(2024, 1, 1), 99_999),
        payments=[paid(x, date(2026, 10, 1), 35_000), paid(z, date(2026, 6, 1), 3_000), paid(u, date(2025, 2, 1), 50_000)],
    )
    order_store.delete_payment(cf, order_store.insert_payment(cf, paid(y, date(2026, 11, 1), 7_000)))
    deleted_order(cf, order(z, date(2020, 1, 1), 88_888))
    return x, y, z, u, v


def test_receivables_are_the_ledgers_aging_summed(customer_file):
    _receivable_file(customer_file)
    aging = reports.receivable_aging(customer_file, TODAY)
    # x owes 10,000 (0-30) and 15,000 (61-90): its 35,000 paid the oldest first.
    assert aging.buckets == Aging(10_000, 7_000, 15_000, 6_000, oldest_unpaid=date(2026, 1, 5))
    assert aging.customers == (1, 1, 1, 2)
    assert aging.receivable == 38_000  # z's prepayment offsets no one's debt


def test_receivables_of_one_owner(customer_file):
    _receivable_file(customer_file)
    mine = reports.receivable_aging(customer_file, TODAY, LI)
    assert mine.buckets == Aging(10_000, 7_000, 15_000, 0, oldest_unpaid=date(2026, 9, 1))
    assert (mine.customers, mine.receivable) == ((1, 1, 1, 0), 32_000)
    wang = reports.receivable_aging(customer_file, TODAY, WANG)
    assert wang.buckets == Aging(0, 0, 0, 6_000, oldest_unpaid=date(2026, 1, 5))
    assert (wang.customers, wang.receivable) == ((0, 0, 0, 2), 6_000)


def test_nothing_owed(customer_file):
    cid = customer(customer_file)
    orders(customer_file, order(cid, date(2026, 1, 1), 500), payments=[paid(cid, date(2026, 1, 2), 500)])
    aging = reports.receivable_aging(customer_file, TODAY)
    assert (aging.buckets, aging.customers, aging.receivable) == (Aging(), (0, 0, 0, 0), 0)


# -- RFM -------------------------------------------------------------------------------------------


def test_rfm_cells_count_customers_sum_their_tier_totals_and_take_the_most_common_segment(customer_file):
    cf = customer_file
    ids = [customer(cf) for _ in range(8)]
    wang, idle, gone = customer(cf, owner=WANG), customer(cf), binned(cf)
    scores = [
        (ids[0], 3, 3, Segment.ORDINARY),  # a tie in (3, 3): POTENTIAL comes first in Segment
        (ids[1], 3, 3, Segment.POTENTIAL),
        (ids[2], 1, 1, Segment.LOST),  # (1, 1): two DORMANT outvote one LOST
        (ids[3], 1, 1, Segment.DORMANT),
        (ids[4], 1, 1, Segment.DORMANT),
        (ids[5], 5, 4, Segment.HIGH_VALUE),
        (wang, 5, 4, Segment.GROWING),
        (gone, 5, 4, Segment.GROWING),
    ]
    save_scores(cf, [CustomerScores(cid, r, f, 3, seg) for cid, r, f, seg in scores]
                + [CustomerScores(ids[6], p_alive=0.5)], date(2026, 11, 20))  # ids[6]: churn numbers only
    totals = {ids[0]: 1_000, ids[1]: 2_000, ids[2]: 300, ids[3]: 400, ids[5]: 90_000, wang: 10_000, gone: 5}
    save_tiers(cf, {cid: TierResult(Tier.C, total, 1, 9, 2) for cid, total in totals.items()}, TODAY)
    rfm = reports.rfm_map(cf)
    assert rfm.cells == (
        RfmCell(1, 1, 3, 700, Segment.DORMANT),  # ids[4] has no tier row: 0
        RfmCell(3, 3, 2, 3_000, Segment.POTENTIAL),
        RfmCell(5, 4, 2, 100_000, Segment.HIGH_VALUE),  # a tie again: HIGH_VALUE before GROWING
    )
    assert rfm.unscored == 3  # ids[6] and ids[7] and idle
    assert rfm.computed_on == date(2026, 11, 20)
    wang_map = reports.rfm_map(cf, WANG)
    assert (wang_map.cells, wang_map.unscored) == ((RfmCell(5, 4, 1, 10_000, Segment.GROWING),), 0)
    assert idle  # kept: a customer with no score row at all


def test_rfm_before_anything_was_scored(customer_file):
    customer(customer_file)
    rfm = reports.rfm_map(customer_file)
    assert (rfm.cells, rfm.unscored, rfm.computed_on) == ((), 1, None)


# -- complaints ------------------------------------------------------------------------------------


def _complaint(cf, cid, received, category, **kw):
    c = Complaint(customer_id=cid, received_date=received, channel=ComplaintChannel.PHONE, category=category,
                  description="到货破损", **kw)
    return complaint_service.record_complaint(cf, c).complaint


def _resolve(cf, complaint, on, satisfaction=None):
    return complaint_service.resolve(cf, complaint, on=on, outcome="已补发", satisfaction=satisfaction).complaint


def test_complaints_received_per_month_and_resolved_with_days_and_scores(customer_file):
    cf = customer_file
    me, wang, gone = customer(cf), customer(cf, owner=WANG), binned(cf)
    k1 = _complaint(cf, me, date(2026, 10, 1), ComplaintCategory.PRODUCT, owner=WANG)  # the handler is not the owner
    _resolve(cf, k1, date(2026, 10, 5), 5)
    k2 = _complaint(cf, me, date(2026, 9, 20), ComplaintCategory.DELIVERY)  # received before the scope
    _resolve(cf, k2, date(2026, 10, 2))  # no score
    k3 = _complaint(cf, me, date(2026, 10, 10), ComplaintCategory.SERVICE)
    k3 = _resolve(cf, k3, date(2026, 10, 12), 4)
    k3 = complaint_service.reopen(cf, k3, on=date(2026, 10, 20), reason="又坏了").complaint
    _resolve(cf, k3, date(2026, 11, 30), 2)  # the scope's last day: 41 days since the reopen
    _complaint(cf, me, date(2026, 11, 30), ComplaintCategory.PRODUCT)  # open
    _complaint(cf, me, date(2026, 12, 1), ComplaintCategory.PRODUCT)  # after the scope
    k6 = _complaint(cf, me, date(2026, 10, 15), ComplaintCategory.PRICE)
    complaint_service.delete_complaint(cf, k6)
    k7 = _complaint(cf, wang, date(2026, 11, 2), ComplaintCategory.PRICE)
    _resolve(cf, k7, date(2026, 11, 3), 1)
    k8 = _complaint(cf, me, date(2026, 8, 1), ComplaintCategory.USAGE)
    _resolve(cf, k8, date(2026, 9, 30), 3)  # resolved before the scope
    k9 = _complaint(cf, gone, date(2026, 10, 3), ComplaintCategory.PRODUCT)
    _resolve(cf, k9, date(2026, 10, 4), 1)

    stats = reports.complaint_stats(cf, Scope(date(2026, 10, 1), date(2026, 11, 30)))
    assert stats.months == ("2026-10", "2026-11")
    assert stats.received == {
        ComplaintCategory.PRODUCT: (1, 1), ComplaintCategory.SERVICE: (1, 0), ComplaintCategory.DELIVERY: (0, 0),
        ComplaintCategory.PRICE: (0, 1), ComplaintCategory.USAGE: (0, 0), ComplaintCategory.OTHER: (0, 0)}
    assert stats.resolve_days == {
        ComplaintCategory.PRODUCT: (4,), ComplaintCategory.SERVICE: (41,), ComplaintCategory.DELIVERY: (12,),
        ComplaintCategory.PRICE: (1,), ComplaintCategory.USAGE: (), ComplaintCategory.OTHER: ()}
    assert (stats.satisfaction, stats.unscored) == ((1, 1, 0, 0, 1), 1)

    mine = reports.complaint_stats(cf, Scope(date(2026, 10, 1), date(2026, 11, 30), LI))
    assert mine.received[ComplaintCategory.PRICE] == (0, 0)
    assert mine.resolve_days[ComplaintCategory.PRICE] == ()
    assert (mine.satisfaction, mine.unscored) == ((0, 1, 0, 0, 1), 1)


# -- regions and sources ---------------------------------------------------------------------------


def test_customers_and_revenue_by_province_and_source(customer_file):
    cf = customer_file
    gd1 = customer(cf, province="广东省", source=SourceChannel.WEBSITE)
    gd2 = customer(cf, province="广东省", source=SourceChannel.WEBSITE)
    zj = customer(cf, province="浙江省", source=SourceChannel.TRADE_FAIR)
    none1 = customer(cf, province=None, source=SourceChannel.TRADE_FAIR)
    none2 = customer(cf, owner=WANG, province=None)
    gone = binned(cf, province="浙江省", source=SourceChannel.STORE)
    orders(cf, order(gd1, date(2026, 11, 1), 1_000), order(gd2, date(2026, 11, 30), 2_000),
           order(zj, date(2026, 11, 5), 4_000), order(none2, date(2026, 11, 5), 8_000),
           order(none1, date(2026, 12, 1), 16_000),  # after the scope
           order(gone, date(2026, 11, 5), 32_000))
    spread = reports.customer_spread(cf, NOVEMBER)
    # 广东省 and "not recorded" both have two customers: a key before None.
    assert spread.provinces == (CustomerGroup("广东省", 2, 3_000), CustomerGroup(None, 2, 8_000),
                                CustomerGroup("浙江省", 1, 4_000))
    assert spread.sources == (CustomerGroup("trade_fair", 2, 4_000), CustomerGroup("website", 2, 3_000),
                              CustomerGroup(None, 1, 8_000))
    mine = reports.customer_spread(cf, Scope(NOVEMBER.first, NOVEMBER.last, WANG))
    assert (mine.provinces, mine.sources) == ((CustomerGroup(None, 1, 8_000),), (CustomerGroup(None, 1, 8_000),))


def test_an_empty_province_is_not_recorded(customer_file):
    cid = customer(customer_file, province="广东省")
    customer_file.execute("UPDATE customers SET province = '' WHERE id = ?", [cid])  # as another program might
    assert reports.customer_spread(customer_file, NOVEMBER).provinces == (CustomerGroup(None, 1, 0),)


# -- the dashboard ---------------------------------------------------------------------------------


def _follow_up(cid, due, state=FollowUpState.PLANNED) -> FollowUp:
    return FollowUp(customer_id=cid, due_date=due, method=ContactMethod.PHONE, purpose="回访", state=state)


def _headline_file(cf):
    c1, c2, c3 = customer(cf), customer(cf), customer(cf)
    c4 = customer(cf, owner=WANG)
    gone = binned(cf)
    orders(
        cf,
        order(c1, date(2025, 11, 24), 1_000),  # the tier window's first day: active
        order(c1, date(2026, 10, 5), 100_000),
        order(c1, date(2026, 12, 20), 50_000),  # planned for, after today
        order(c2, date(2025, 11, 23), 3_000),  # the day before the window: not active
        order(c2, date(2025, 10, 5), 7_000),  # a year before the scope
        order(c3, date(2026, 11, 24), 20_000),  # after today: not active
        order(c4, date(2026, 6, 1), 30_000),
        order(c4, date(2026, 11, 1), 40_000),
        order(gone, date(2026, 11, 1), 900_000),
        payments=[paid(c1, date(2026, 10, 6), 101_000), paid(c4, date(2026, 7, 1), 30_000)],
        plans=[
            SalesPlan(c1, Period.parse("2026-10"), 100_000),  # inside the scope
            SalesPlan(c1, Period.parse("2026-Q4"), 300_000),  # inside too
            SalesPlan(c2, Period.parse("2026-09"), 50_000),  # before it
            SalesPlan(c3, Period.parse("2026-12"), 25_000),
            SalesPlan(c4, Period.parse("2026-11"), 60_000),
            SalesPlan(gone, Period.parse("2026-11"), 1_000_000),
        ],
    )
    deleted_order(cf, order(c1, date(2026, 10, 7), 500_000))
    save_scores(cf, [CustomerScores(c1, p_alive=0.29), CustomerScores(c2, p_alive=0.3), CustomerScores(c3),
                     CustomerScores(c4, p_alive=0.1), CustomerScores(gone, p_alive=0.01)], TODAY)
    for row in (_follow_up(c1, date(2026, 11, 22)),  # overdue
                _follow_up(c2, TODAY),  # due today: not overdue
                _follow_up(c2, date(2026, 11, 1), FollowUpState.CANCELLED),
                _follow_up(c3, date(2026, 11, 1), FollowUpState.MISSED),
                _follow_up(c4, date(2026, 10, 1)),  # overdue, WANG's
                _follow_up(gone, date(2026, 10, 1))):
        follow_up_store.insert_follow_up(cf, row)
    follow_up_store.delete_follow_up(cf, follow_up_store.insert_follow_up(cf, _follow_up(c1, date(2026, 10, 1))))
    # Open complaints: one received on today, one unanswered for weeks (escalated), WANG's, one resolved.
    _complaint(cf, c1, TODAY, ComplaintCategory.SERVICE)
    _complaint(cf, c2, date(2026, 10, 1), ComplaintCategory.PRODUCT)
    _complaint(cf, c4, date(2026, 10, 1), ComplaintCategory.PRODUCT)
    _resolve(cf, _complaint(cf, c3, date(2026, 10, 1), ComplaintCategory.PRICE), date(2026, 10, 2))
    _complaint(cf, gone, date(2026, 10, 1), ComplaintCategory.PRODUCT)


Q4 = Scope(date(2026, 10, 1), date(2026, 12, 31))


def test_headlines_for_everyone(customer_file):
    _headline_file(customer_file)
    h = reports.headlines(customer_file, Q4, TODAY)
    assert (h.customers, h.active, h.at_risk) == (4, 2, 2)
    assert (h.revenue, h.previous_revenue) == (210_000, 11_000)
    assert h.plan == 100_000 + 300_000 + 25_000 + 60_000
    # c1's October for its October plan and October-December for its Q4 plan; c3's December; c4's November.
    assert h.plan_actual == 100_000 + 150_000 + 0 + 40_000
    assert h.receivable == 50_000 + 10_000 + 20_000 + 40_000  # c1 paid 101,000 of 151,000; c4 30,000 of 70,000
    assert h.receivable == reports.receivable_aging(customer_file, TODAY).receivable
    assert h.overdue_follow_ups == 2
    assert (h.open_complaints, h.escalated_complaints) == (3, 2)


def test_headlines_of_one_owner(customer_file):
    _headline_file(customer_file)
    h = reports.headlines(customer_file, Scope(Q4.first, Q4.last, WANG), TODAY)
    assert (h.customers, h.active, h.at_risk) == (1, 1, 1)
    assert (h.revenue, h.previous_revenue, h.plan, h.plan_actual) == (40_000, 0, 60_000, 40_000)
    assert h.receivable == 40_000 == reports.receivable_aging(customer_file, TODAY, WANG).receivable
    assert (h.overdue_follow_ups, h.open_complaints, h.escalated_complaints) == (1, 1, 1)


def test_headlines_follow_the_files_tier_window_and_churn_threshold(customer_file):
    _headline_file(customer_file)
    file_settings.set_tier_rules(customer_file, TierRules(window_months=1))  # from 2026-10-24
    file_settings.set_alert_rules(customer_file, AlertRules(churn_threshold_percent=80))  # P(alive) < 0.2
    h = reports.headlines(customer_file, Q4, TODAY)
    assert (h.active, h.at_risk) == (1, 1)  # c4 alone: bought on 1 November, P(alive) 0.1


def test_plans_count_only_when_their_whole_period_is_inside_the_scope(customer_file):
    _headline_file(customer_file)
    h = reports.headlines(customer_file, Scope(date(2026, 10, 1), date(2026, 12, 30)), TODAY)
    assert (h.plan, h.plan_actual) == (100_000 + 60_000, 100_000 + 40_000)  # no Q4, no December


def test_owners_are_the_names_on_customers(customer_file):
    customer(customer_file, owner=WANG)
    customer(customer_file, owner=LI)
    customer(customer_file, owner=None)
    binned(customer_file, owner="赵敏")
    assert reports.owners(customer_file) == sorted([LI, WANG])
