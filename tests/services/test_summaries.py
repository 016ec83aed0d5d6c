"""The figures of the printed summaries: a customer's business review and the file's monthly summary."""

from __future__ import annotations

import time
from datetime import date, datetime, timezone

import pytest

from crmdesk.domain.complaints import (
    Complaint,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintState,
    ComplaintStep,
    StepKind,
)
from crmdesk.domain.customer import CustomerKind
from crmdesk.domain.followups import Contact, ContactMethod, FollowUp, FollowUpState
from crmdesk.domain.orders import Aging, Order, Payment, Period
from crmdesk.domain.tiers import Segment, Tier, TierResult
from crmdesk.services import summaries
from crmdesk.services.summaries import ProductAmount, customer_review, monthly_summary, year_earlier
from crmdesk.storage import complaints as complaint_store
from crmdesk.storage import customers as customer_store
from crmdesk.storage import followups as followup_store
from crmdesk.storage import orders as order_store
from crmdesk.storage import summaries as summary_store
from crmdesk.storage.scores import CustomerScores, save_scores
from crmdesk.storage.summaries import TierMoves
from crmdesk.storage.tiers import save_tiers
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)
Q3 = (date(2026, 7, 1), date(2026, 9, 30))


def _tier(cf, customer_id: int, tier: Tier, day: date) -> None:
    save_tiers(cf, {customer_id: TierResult(tier, 100_000, 1, 10, 1)}, day)


def make_zhang(cf):
    """张三 (a person, owner 王强) with a year of orders, payments, contacts, follow-ups, complaints and tiers."""
    person = customer_store.insert_customer(cf, make_person(owner="王强"))
    cid = person.id
    for day, product, quantity, amount in (
        (date(2025, 7, 10), "钢材", 2, 100_000),  # a year earlier
        (date(2025, 9, 30), "钢材", 1, 50_000),  # a year earlier, its last day
        (date(2025, 10, 1), "运输", 1, 99_999),
        (date(2026, 6, 30), "钢材", 1, 10_000),  # the day before the period
        (date(2026, 7, 1), "钢材", 3, 123_450),
        (date(2026, 8, 20), "冷链运输", 2, 300_000),
        (date(2026, 9, 30), " 钢材 ", 1, 1_000),  # the same product once trimmed
        (date(2026, 11, 5), "后来的货", 1, 777_700),
    ):
        order_store.insert_order(cf, Order(cid, day, product, quantity, amount))
    for day, amount in ((date(2026, 6, 1), 50_000), (date(2026, 7, 15), 100_000), (date(2026, 9, 30), 23_450),
                        (date(2026, 11, 10), 5_000)):
        order_store.insert_payment(cf, Payment(cid, day, amount))

    for day, when, summary in (
        (date(2026, 6, 15), None, "六月拜访"),
        (date(2026, 7, 2), None, "七月电话"),
        (date(2026, 7, 20), None, "确认八月需求"),
        (date(2026, 8, 1), None, "报价"),
        (date(2026, 8, 15), "09:00", "上午沟通"),
        (date(2026, 8, 15), "15:30", "下午回访"),
        (date(2026, 9, 10), None, "九月回访"),
    ):
        followup_store.insert_contact(cf, Contact(cid, day, ContactMethod.PHONE, summary, contact_time=when))
    followup_store.insert_contact(cf, Contact(cid, date(2026, 10, 8), ContactMethod.VISIT, "十月登门",
                                              next_step="十一月初报价"))
    followup_store.insert_contact(cf, Contact(cid, date(2026, 12, 1), ContactMethod.PHONE, "录入的将来联系",
                                              next_step="不算"))
    for day in (date(2027, 3, 1), date(2026, 12, 5), date(2026, 11, 20), date(2027, 1, 10), date(2026, 12, 1),
                date(2027, 2, 1)):
        followup_store.insert_follow_up(cf, FollowUp(cid, day, ContactMethod.PHONE, f"回访 {day.isoformat()}"))
    followup_store.insert_follow_up(cf, FollowUp(cid, date(2026, 11, 1), ContactMethod.PHONE, "取消的",
                                                 state=FollowUpState.CANCELLED))

    def complaint(received, category, resolved=None, satisfaction=None):
        state = ComplaintState.RESOLVED if resolved else ComplaintState.OPEN
        return complaint_store.insert_complaint(cf, Complaint(
            cid, received, ComplaintChannel.PHONE, category, f"{category.value} 投诉", state=state,
            resolved_date=resolved, outcome="已处理" if resolved else "", satisfaction=satisfaction))

    old_open = complaint(date(2026, 6, 20), ComplaintCategory.DELIVERY)
    complaint(date(2026, 8, 3), ComplaintCategory.PRODUCT, date(2026, 8, 6), 4)
    complaint(date(2026, 3, 1), ComplaintCategory.SERVICE, date(2026, 3, 5), 2)  # over before the period
    complaint(date(2026, 5, 1), ComplaintCategory.PRICE, date(2026, 7, 2), 5)  # open when it began
    later = complaint(date(2026, 10, 2), ComplaintCategory.USAGE)  # after the period, still open
    for c, due, promise in ((old_open, date(2026, 12, 1), "重新发货"), (later, date(2026, 11, 30), "上门培训")):
        complaint_store.insert_step(cf, ComplaintStep(c.id, cid, StepKind.ACTION, c.received_date, "承诺",
                                                      promise=promise, due_date=due))
        complaint_store.insert_step(cf, ComplaintStep(c.id, cid, StepKind.NOTE, c.received_date, "记录"))

    _tier(cf, cid, Tier.D, date(2026, 6, 30))
    _tier(cf, cid, Tier.C, date(2026, 8, 15))
    _tier(cf, cid, Tier.B, date(2026, 10, 1))
    save_scores(cf, [CustomerScores(cid, 4, 3, 5, Segment.POTENTIAL, 0.87, 2.5, 250_000, 52.0)], TODAY)
    return person


@pytest.fixture
def zhang(customer_file):
    return make_zhang(customer_file)


def test_the_review_names_the_customer_and_its_period(customer_file, zhang):
    review = customer_review(customer_file, zhang.id, *Q3, TODAY)
    assert (review.customer_id, review.code, review.name, review.kind, review.owner) == (
        zhang.id, zhang.code, "张三", CustomerKind.PERSONAL, "王强")
    assert (review.first, review.last, review.today) == (*Q3, TODAY)


def test_purchases_in_the_period_by_product_against_a_year_earlier(customer_file, zhang):
    review = customer_review(customer_file, zhang.id, *Q3, TODAY)
    assert (review.orders, review.amount) == (3, 424_450)
    assert review.products == (ProductAmount("冷链运输", 1, 2, 300_000), ProductAmount("钢材", 2, 4, 124_450))
    assert (review.previous_first, review.previous_last) == (date(2025, 7, 1), date(2025, 9, 30))
    assert (review.previous_orders, review.previous_amount) == (2, 150_000)
    assert review.amount_change == 274_450


def test_payments_in_the_period_and_what_is_owed_now(customer_file, zhang):
    review = customer_review(customer_file, zhang.id, *Q3, TODAY)
    assert (review.payments, review.paid) == (2, 123_450)
    ledger = review.ledger  # everything up to today, the ledger's own summary
    assert (ledger.billed, ledger.paid, ledger.receivable) == (1_462_149, 178_450, 1_283_699)
    assert ledger.aging == Aging(777_700, 1_000, 0, 504_999, date(2025, 10, 1))


def test_contacts_in_the_period_newest_first(customer_file, zhang):
    review = customer_review(customer_file, zhang.id, *Q3, TODAY)
    assert review.contacts == 6
    assert [c.summary for c in review.recent_contacts] == ["九月回访", "下午回访", "上午沟通", "报价", "确认八月需求"]
    # the latest contact up to today, not one entered for a later day
    assert review.latest_contact.contact_date == date(2026, 10, 8) and review.next_step == "十一月初报价"


def test_complaints_received_or_open_in_the_period(customer_file, zhang):
    review = customer_review(customer_file, zhang.id, *Q3, TODAY)
    assert [(c.received_date, c.category, c.state, c.satisfaction) for c in review.complaints] == [
        (date(2026, 5, 1), ComplaintCategory.PRICE, ComplaintState.RESOLVED, 5),
        (date(2026, 6, 20), ComplaintCategory.DELIVERY, ComplaintState.OPEN, None),
        (date(2026, 8, 3), ComplaintCategory.PRODUCT, ComplaintState.RESOLVED, 4),
    ]
    assert review.open_complaints == 1


def test_tier_scores_and_churn(customer_file, zhang):
    review = customer_review(customer_file, zhang.id, *Q3, TODAY)
    assert review.tier is Tier.B  # the current one
    assert [(t.since, t.previous, t.tier) for t in review.tier_changes] == [(date(2026, 8, 15), Tier.D, Tier.C)]
    s = review.scores
    assert (s.r, s.f, s.m, s.segment, s.p_alive, s.expected_value) == (4, 3, 5, Segment.POTENTIAL, 0.87, 250_000)


def test_next_steps(customer_file, zhang):
    review = customer_review(customer_file, zhang.id, *Q3, TODAY)
    assert review.planned_count == 6
    assert [f.due_date for f in review.planned] == [
        date(2026, 11, 20), date(2026, 12, 1), date(2026, 12, 5), date(2027, 1, 10), date(2027, 2, 1)]
    assert [(a.step.due_date, a.step.promise, a.complaint.category) for a in review.open_actions] == [
        (date(2026, 11, 30), "上门培训", ComplaintCategory.USAGE),
        (date(2026, 12, 1), "重新发货", ComplaintCategory.DELIVERY),
    ]


def test_a_customer_with_nothing_recorded(customer_file):
    company = customer_store.insert_customer(customer_file, make_company())
    review = customer_review(customer_file, company.id, *Q3, TODAY)
    assert (review.orders, review.amount, review.products, review.payments, review.contacts) == (0, 0, (), 0, 0)
    assert (review.tier, review.scores, review.latest_contact, review.next_step) == (None, None, None, "")
    assert review.ledger.receivable == 0 and review.planned == () and review.open_actions == ()
    assert review.kind is CustomerKind.COMPANY and review.owner is None


def test_no_such_customer_or_period(customer_file, zhang):
    with pytest.raises(LookupError):
        customer_review(customer_file, 999, *Q3, TODAY)
    with pytest.raises(ValueError):
        customer_review(customer_file, zhang.id, date(2026, 9, 1), date(2026, 8, 1), TODAY)


@pytest.mark.parametrize(("first", "last", "expected"), [
    (date(2026, 7, 1), date(2026, 9, 30), (date(2025, 7, 1), date(2025, 9, 30))),
    (date(2025, 2, 1), date(2025, 2, 28), (date(2024, 2, 1), date(2024, 2, 29))),  # the whole of February
    (date(2024, 2, 29), date(2024, 3, 10), (date(2023, 2, 28), date(2023, 3, 10))),
    (date(2026, 11, 1), date(2026, 11, 23), (date(2025, 11, 1), date(2025, 11, 23))),
])
def test_year_earlier(first, last, expected):
    assert year_earlier(first, last) == expected


# -- the file's monthly summary --------------------------------------------------------------


@pytest.fixture
def shanghai(monkeypatch):
    """Local time is China's (UTC+8) for the test."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _created_at(cf, when: datetime, **fields):
    cf.clock = lambda: when
    return customer_store.insert_customer(cf, make_person(**fields))


def test_customers_created_in_a_month_count_by_local_day(customer_file, shanghai):
    cf = customer_file
    utc = timezone.utc
    _created_at(cf, datetime(2026, 9, 30, 15, 59, tzinfo=utc))  # 23:59 on 30 September in Beijing
    _created_at(cf, datetime(2026, 9, 30, 16, 0, tzinfo=utc), owner="王强")  # midnight, 1 October
    _created_at(cf, datetime(2026, 10, 15, 8, 0, tzinfo=utc))
    binned = _created_at(cf, datetime(2026, 10, 16, 8, 0, tzinfo=utc))
    customer_store.soft_delete_customer(cf, binned.id)
    _created_at(cf, datetime(2026, 10, 31, 15, 59, tzinfo=utc), owner="王强")  # 23:59 on 31 October
    _created_at(cf, datetime(2026, 10, 31, 16, 0, tzinfo=utc))  # 1 November
    start, end = summaries.local_day_start(date(2026, 10, 1)), summaries.local_day_start(date(2026, 11, 1))
    assert (start, end) == ("2026-09-30T16:00:00.000000Z", "2026-10-31T16:00:00.000000Z")
    assert summary_store.customers_created_between(cf, start, end) == 3
    assert summary_store.customers_created_between(cf, start, end, owner="王强") == 2


def test_tier_moves_in_a_period(customer_file):
    cf = customer_file
    ids = [customer_store.insert_customer(cf, make_person(owner=owner)).id
           for owner in ("王强", "王强", None, None, None)]
    for cid in ids:
        _tier(cf, cid, Tier.D, date(2026, 9, 30))  # first tiers, before October
    _tier(cf, ids[0], Tier.B, date(2026, 10, 1))  # up
    _tier(cf, ids[0], Tier.A, date(2026, 10, 31))  # up again
    _tier(cf, ids[1], Tier.C, date(2026, 10, 5))  # up
    _tier(cf, ids[1], Tier.D, date(2026, 10, 20))  # down
    _tier(cf, ids[2], Tier.C, date(2026, 11, 1))  # November
    newcomer = customer_store.insert_customer(cf, make_person()).id
    _tier(cf, newcomer, Tier.C, date(2026, 10, 10))  # a first tier
    _tier(cf, ids[3], Tier.A, date(2026, 10, 10))
    customer_store.soft_delete_customer(cf, ids[3])  # in the recycle bin: left out
    assert summary_store.tier_moves_between(cf, date(2026, 10, 1), date(2026, 10, 31)) == TierMoves(3, 1, 1)
    assert summary_store.tier_moves_between(cf, date(2026, 10, 1), date(2026, 10, 31), "王强") == TierMoves(3, 1, 0)
    assert summary_store.tier_moves_between(cf, date(2026, 12, 1), date(2026, 12, 31)) == TierMoves(0, 0, 0)


def _summary(cf, month: Period, owner: str | None = None):
    try:
        return monthly_summary(cf, month, TODAY, owner)
    except NotImplementedError:
        pytest.skip("services.reports is not filled in yet")


def make_october(cf):
    """Three customers with orders, complaints and tier moves in October 2026 and a year before."""
    cf.clock = lambda: datetime(2026, 10, 10, 2, 0, tzinfo=timezone.utc)
    a = customer_store.insert_customer(cf, make_company(owner="王强"))
    b = customer_store.insert_customer(cf, make_person(name="李四"))
    cf.clock = lambda: datetime(2026, 9, 1, 2, 0, tzinfo=timezone.utc)
    c = customer_store.insert_customer(cf, make_person(name="王五", owner="王强"))
    for cid, day, product, amount, cost in (
        (a.id, date(2026, 10, 3), "钢材", 500_000, 400_000),
        (a.id, date(2026, 10, 20), "冷链运输", 123_450, None),
        (b.id, date(2026, 10, 31), "钢材", 200_000, 150_000),
        (c.id, date(2026, 10, 1), "运输", 100_000, 90_000),
        (c.id, date(2026, 11, 1), "运输", 999_999, None),  # November
        (a.id, date(2025, 10, 15), "钢材", 300_000, None),  # a year earlier
    ):
        order_store.insert_order(cf, Order(cid, day, product, 1, amount, cost=cost))
    order_store.insert_payment(cf, Payment(b.id, date(2026, 10, 31), 200_000))
    for cid, received, category, resolved, satisfaction in (
        (a.id, date(2026, 10, 2), ComplaintCategory.DELIVERY, date(2026, 10, 5), 4),
        (b.id, date(2026, 10, 8), ComplaintCategory.DELIVERY, date(2026, 10, 9), 2),
        (c.id, date(2026, 10, 12), ComplaintCategory.PRODUCT, None, None),
        (c.id, date(2026, 9, 12), ComplaintCategory.PRICE, date(2026, 10, 20), None),
    ):
        state = ComplaintState.RESOLVED if resolved else ComplaintState.OPEN
        complaint_store.insert_complaint(cf, Complaint(
            cid, received, ComplaintChannel.PHONE, category, "投诉", state=state, resolved_date=resolved,
            outcome="已处理" if resolved else "", satisfaction=satisfaction))
    for cid in (a.id, b.id, c.id):
        _tier(cf, cid, Tier.D, date(2026, 9, 30))
    _tier(cf, a.id, Tier.A, date(2026, 10, 15))
    _tier(cf, c.id, Tier.C, date(2026, 10, 15))
    _tier(cf, c.id, Tier.D, date(2026, 10, 25))
    return a, b, c


@pytest.fixture
def october_file(customer_file, shanghai):
    return make_october(customer_file)


def test_the_monthly_summary(customer_file, october_file):
    a, b, c = october_file
    s = _summary(customer_file, Period.parse("2026-10"))
    assert (s.month, s.today, s.owner) == (Period.parse("2026-10"), TODAY, None)
    assert (s.scope.first, s.scope.last) == (date(2026, 10, 1), date(2026, 10, 31))
    assert [(m.month, m.orders, m.amount, m.previous_orders, m.previous_amount) for m in s.sales.months] == [
        ("2026-10", 4, 923_450, 1, 300_000)]
    assert [(p.product, p.orders, p.amount, p.margin) for p in s.products.products] == [
        ("钢材", 2, 700_000, 150_000), ("冷链运输", 1, 123_450, None), ("运输", 1, 100_000, 10_000)]
    assert [(x.name, x.amount) for x in s.contributors.top] == [
        ("北京顺达物流有限公司", 623_450), ("李四", 200_000), ("王五", 100_000)]
    assert s.contributors.total == 923_450
    assert s.headlines.revenue == 923_450 and s.headlines.previous_revenue == 300_000
    assert s.receivables.receivable == 923_450 + 1_099_999  # 李四 paid in full; a year-old order is owed
    assert s.complaint_counts == {ComplaintCategory.PRODUCT: 1, ComplaintCategory.SERVICE: 0,
                                  ComplaintCategory.DELIVERY: 2, ComplaintCategory.PRICE: 0,
                                  ComplaintCategory.USAGE: 0, ComplaintCategory.OTHER: 0}
    assert s.complaints_received == 3
    assert (s.resolved, s.median_resolve_days) == (3, 3)  # 3, 1 and 38 days
    assert s.complaints.satisfaction == (0, 1, 0, 1, 0) and s.complaints.unscored == 1
    assert s.satisfaction_average == 3.0
    assert s.new_customers == 2
    assert s.tier_moves == TierMoves(2, 1, 0)


def test_one_owners_monthly_summary(customer_file, october_file):
    s = _summary(customer_file, Period.parse("2026-10"), owner="王强")
    assert s.owner == "王强"
    assert s.sales.amount == 723_450 and s.sales.previous_amount == 300_000
    assert [x.name for x in s.contributors.top] == ["北京顺达物流有限公司", "王五"]
    assert (s.new_customers, s.tier_moves) == (1, TierMoves(2, 1, 0))
    assert s.complaints_received == 2
