"""Opportunities through the service: stage moves keep their history, winning makes the order."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from fractions import Fraction

from crmdesk.domain.alerts import AlertKind
from crmdesk.domain.customer import LifecycleStatus
from crmdesk.domain.pipeline import Opportunity, Outcome, PipelineRules, Stage, Stages, StageStay
from crmdesk.services import pipeline
from crmdesk.services.alerts import compute_alerts
from crmdesk.storage import customers as customer_store
from crmdesk.storage import file_settings
from crmdesk.storage import opportunities as store
from crmdesk.storage import orders as order_store
from crmdesk.storage.change_log import change_log
from tests.factories import make_company, make_person

D = date.fromisoformat
TODAY = D("2026-11-23")


def _opened(cf, customer, amount=1_000_000, stage="initial", day=D("2026-11-01"), **kw) -> Opportunity:
    saved = pipeline.save_opportunity(cf, Opportunity(customer_id=customer.id, title="冷链仓储年度合同",
                                                      amount=amount, stage=stage, opened_on=day, **kw))
    assert saved.errors == ()
    return saved.opportunity


def test_every_move_keeps_its_stay_and_a_change_log_line(customer_file):
    cf = customer_file
    customer = customer_store.insert_customer(cf, make_company())
    opp = _opened(cf, customer)
    opp = pipeline.move(cf, opp, "needs", D("2026-11-05")).opportunity
    opp = pipeline.move(cf, opp, "proposal", D("2026-11-12")).opportunity
    opp = pipeline.move(cf, opp, "needs", D("2026-11-13")).opportunity  # back: the customer asked again
    assert store.stays(cf, opp.id) == [
        StageStay(opp.id, "initial", D("2026-11-01"), D("2026-11-05")),
        StageStay(opp.id, "needs", D("2026-11-05"), D("2026-11-12")),
        StageStay(opp.id, "proposal", D("2026-11-12"), D("2026-11-13")),
        StageStay(opp.id, "needs", D("2026-11-13")),
    ]
    moves = [(e.old, e.new) for e in change_log(cf, customer.id) if e.entity == "opportunity" and e.field == "stage"]
    assert moves == [("initial", "needs"), ("needs", "proposal"), ("proposal", "needs")]
    assert store.get_opportunity(cf, opp.id).stage_since == D("2026-11-13")


def test_losing_needs_a_reason_and_saves_nothing_without_one(customer_file):
    cf = customer_file
    opp = _opened(cf, customer_store.insert_customer(cf, make_company()))
    refused = pipeline.move(cf, opp, "lost", TODAY)
    assert refused.opportunity is None and [e.field for e in refused.errors] == ["lost_reason"]
    assert store.get_opportunity(cf, opp.id).stage == "initial"
    lost = pipeline.move(cf, opp, "lost", TODAY, lost_reason="价格高于竞争对手").opportunity
    assert (lost.stage, lost.closed_on, lost.lost_reason) == ("lost", TODAY, "价格高于竞争对手")


def test_winning_creates_the_order_and_a_prospect_becomes_active(customer_file):
    cf = customer_file
    customer = customer_store.insert_customer(cf, make_person(status=LifecycleStatus.PROSPECT))
    opp = _opened(cf, customer, amount=1_288_000, product="冷链仓储")
    order = pipeline.proposed_order(opp, TODAY)
    assert (order.product, order.quantity, order.amount, order.order_date) == ("冷链仓储", 1, 1_288_000, TODAY)
    won = pipeline.move(cf, opp, "won", TODAY, order=order)
    assert won.opportunity.stage == "won" and won.opportunity.closed_on == TODAY
    [stored] = order_store.orders_of(cf, customer.id)
    assert won.opportunity.order_id == stored.id and stored.amount == 1_288_000
    assert customer_store.get_customer(cf, customer.id).status is LifecycleStatus.ACTIVE


def test_an_order_over_the_credit_limit_asks_first_and_saves_nothing(customer_file):
    cf = customer_file
    customer = customer_store.insert_customer(cf, make_company(credit_limit=100_000))
    opp = _opened(cf, customer, amount=500_000)
    asked = pipeline.move(cf, opp, "won", TODAY, order=pipeline.proposed_order(opp, TODAY))
    assert asked.needs_confirmation and asked.opportunity is None
    assert store.get_opportunity(cf, opp.id).stage == "initial" and order_store.orders_of(cf, customer.id) == []
    confirmed = pipeline.move(cf, opp, "won", TODAY, order=pipeline.proposed_order(opp, TODAY),
                              over_limit_confirmed=True)
    assert confirmed.opportunity.stage == "won" and len(order_store.orders_of(cf, customer.id)) == 1


def test_a_stale_copy_is_refused_whole(customer_file):
    cf = customer_file
    customer = customer_store.insert_customer(cf, make_company())
    opp = _opened(cf, customer)
    pipeline.move(cf, opp, "needs", TODAY)
    try:
        pipeline.move(cf, opp, "won", TODAY, order=pipeline.proposed_order(opp, TODAY))
    except Exception as e:  # WriteError(CONFLICT)
        assert "changed meanwhile" in str(e)
    else:
        raise AssertionError("a stale move was applied")
    assert order_store.orders_of(cf, customer.id) == []  # the order went with the refused move
    assert store.get_opportunity(cf, opp.id).stage == "needs"


def test_saving_fields_never_moves_the_stage(customer_file):
    cf = customer_file
    opp = _opened(cf, customer_store.insert_customer(cf, make_company()))
    saved = pipeline.save_opportunity(cf, replace(opp, title="年度合同（续）", stage="won")).opportunity
    assert saved.stage == "initial" and saved.title == "年度合同（续）"
    assert len(store.stays(cf, opp.id)) == 1


def test_totals_and_funnel_from_the_file(customer_file):
    cf = customer_file
    customer = customer_store.insert_customer(cf, make_company())
    a = _opened(cf, customer, amount=1_000_000, day=D("2026-01-01"))
    b = _opened(cf, customer, amount=500_001, day=D("2026-01-01"))
    a = pipeline.move(cf, a, "needs", D("2026-01-11")).opportunity
    pipeline.move(cf, a, "won", D("2026-01-14"))
    b = pipeline.move(cf, b, "needs", D("2026-01-05")).opportunity
    b = pipeline.move(cf, b, "proposal", D("2026-01-06")).opportunity
    totals = pipeline.totals(cf)
    got = {line.stage.key: (line.count, line.amount, line.weighted) for line in totals.lines}
    assert got["proposal"] == (1, 500_001, 250_001) and got["won"] == (1, 1_000_000, 1_000_000)
    assert totals.weighted_pipeline == 250_001
    f = pipeline.sales_funnel(cf)
    assert [s.reached for s in f.steps] == [2, 2, 2, 1, 1]  # a won one passed every open stage
    assert f.steps[0].average_days == Fraction(10 + 4, 2)
    assert f.steps[1].average_days == Fraction(3 + 1, 2)
    assert [s.conversion for s in f.steps] == [1, 1, Fraction(1, 2), 1, None]


def test_large_and_stuck_deals_alert_with_the_files_rules(customer_file):
    cf = customer_file
    customer = customer_store.insert_customer(cf, make_company())
    big = _opened(cf, customer, amount=8_000_000, day=TODAY)
    stuck = _opened(cf, customer, amount=10_000, day=TODAY - timedelta(days=31))
    fresh = _opened(cf, customer, amount=10_000, day=TODAY - timedelta(days=30))  # 30 days: not yet
    kinds = {(a.alert.kind, a.alert.occurrence.split(":")[0]) for a in compute_alerts(cf, TODAY, file_settings.alert_rules(cf))
             if a.alert.group.value == "sales"}
    assert kinds == {(AlertKind.LARGE_DEAL, big.uid), (AlertKind.STUCK_DEAL, stuck.uid)}
    file_settings.set_pipeline_settings(cf, pipeline.stages(cf), PipelineRules(large_deal=9_000_000, stuck_days=40))
    assert not [a for a in compute_alerts(cf, TODAY, file_settings.alert_rules(cf)) if a.alert.group.value == "sales"]
    pipeline.move(cf, big, "won", TODAY)  # a closed deal is no reminder
    file_settings.set_pipeline_settings(cf, pipeline.stages(cf), PipelineRules(large_deal=1, stuck_days=40))
    assert {a.alert.occurrence for a in compute_alerts(cf, TODAY, file_settings.alert_rules(cf)) if a.alert.kind is AlertKind.LARGE_DEAL} == {
        stuck.uid, fresh.uid}


def test_the_files_own_stages(customer_file):
    cf = customer_file
    own = Stages((Stage("stage_1", 20, name="样品测试"), Stage("won", 100, Outcome.WON),
                  Stage("lost", 0, Outcome.LOST)))
    file_settings.set_pipeline_settings(cf, own, PipelineRules())
    assert pipeline.stages(cf).all == own.all
    opp = _opened(cf, customer_store.insert_customer(cf, make_company()), amount=1_000, stage="stage_1")
    assert pipeline.totals(cf).weighted_pipeline == 200
    assert [e.field for e in pipeline.save_opportunity(cf, replace(opp, id=None, stage="initial")).errors] == ["stage"]
