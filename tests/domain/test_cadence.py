"""Each cadence makes its follow-up exactly at its boundaries, on a working day, and never twice (domain.md §6)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmdesk.domain.cadence import (
    Cadence,
    CadenceFacts,
    CadenceRules,
    LastContact,
    cadence_follow_ups,
    cadence_rule_allowed,
    cadence_rules_errors,
    quarter_key,
)
from crmdesk.domain.followups import ContactMethod, FollowUpSource, FollowUpState, follow_up_errors
from crmdesk.domain.tiers import Tier
from crmdesk.domain.validation import ErrorCode
from crmdesk.domain.workdays import is_working_day

TODAY = date(2026, 11, 23)  # a Monday; the window runs 2026-11-16 (grace) .. 2026-12-23 (horizon)
NO_RHYTHM = CadenceRules(call_back_a_days=0, call_back_b_days=0, call_back_c_days=0, call_back_d_days=0,
                         company_review=False, feedback_days=0, touchpoint_days=())


def day(n: int) -> date:
    return TODAY + timedelta(days=n)


def only(**kw) -> CadenceRules:
    """No cadence but those the test turns on (so only the rule under test makes anything)."""
    return replace(NO_RHYTHM, **kw)


def made(facts: CadenceFacts, rules: CadenceRules, today: date = TODAY, existing=()) -> dict[str, tuple]:
    """key -> (due, source, method, purpose, owner)."""
    return {f.gen_key: (f.due_date, f.source, f.method, f.purpose, f.owner)
            for f in cadence_follow_ups(facts, today, rules, existing)}


def contact(d: date, uid: str = "0190c0de-0000-7000-8000-000000000001", by_cadence: bool = False) -> LastContact:
    return LastContact(d, uid, by_cadence)


# -- rules ---------------------------------------------------------------------------------------


def test_the_defaults_are_allowed_and_state_the_issue():
    rules = CadenceRules()
    assert cadence_rules_errors(rules) == []
    assert [rules.call_back_days(t) for t in Tier] == [30, 60, 90, 180]
    assert (rules.company_review, rules.feedback_days, rules.touchpoint_days) == (True, 7, (3, 30, 90))
    assert rules.skip_non_working_days


@pytest.mark.parametrize(("name", "value", "code"), [
    ("call_back_a_days", -1, ErrorCode.OUT_OF_RANGE),
    ("call_back_d_days", 731, ErrorCode.OUT_OF_RANGE),
    ("call_back_b_days", 30.0, ErrorCode.INVALID_INTEGER),
    ("call_back_c_days", True, ErrorCode.INVALID_INTEGER),
    ("feedback_days", 31, ErrorCode.OUT_OF_RANGE),
    ("horizon_days", 367, ErrorCode.OUT_OF_RANGE),
    ("grace_days", 32, ErrorCode.OUT_OF_RANGE),
    ("touchpoint_days", (3, 3), ErrorCode.OUT_OF_RANGE),
    ("touchpoint_days", (0,), ErrorCode.OUT_OF_RANGE),
    ("touchpoint_days", (1, 2, 3, 4, 5, 6, 7), ErrorCode.OUT_OF_RANGE),
    ("touchpoint_days", [3, 30], ErrorCode.INVALID_TYPE),
    ("touchpoint_days", ("3",), ErrorCode.INVALID_INTEGER),
    ("company_review", 1, ErrorCode.INVALID_TYPE),
    ("skip_non_working_days", "yes", ErrorCode.INVALID_TYPE),
])
def test_values_out_of_range_are_named(name, value, code):
    errors = cadence_rules_errors(CadenceRules(**{name: value}))
    assert [(e.field, e.code) for e in errors] == [(name, code)]
    assert not cadence_rule_allowed(name, value)


@pytest.mark.parametrize(("name", "value"), [
    ("call_back_a_days", 0), ("call_back_d_days", 730), ("feedback_days", 0), ("horizon_days", 0),
    ("grace_days", 0), ("touchpoint_days", ()), ("touchpoint_days", (1, 2, 3, 4, 5, 366)),
])
def test_values_at_the_ends_of_their_ranges_are_allowed(name, value):
    assert cadence_rule_allowed(name, value)
    assert cadence_rules_errors(CadenceRules(**{name: value})) == []


# -- call-backs by tier ----------------------------------------------------------------------------


def test_a_call_back_follows_the_last_contact_by_the_tiers_interval():
    facts = CadenceFacts(7, Tier.A, owner="王强", last_contact=contact(date(2026, 11, 2)))
    assert made(facts, only(call_back_a_days=30)) == {
        "callback:2026-12-02": (date(2026, 12, 2), FollowUpSource.CALL_BACK, ContactMethod.PHONE,
                                "定期回访（A级，每30天）", "王强"),
    }


@pytest.mark.parametrize(("tier", "interval"), [(Tier.A, 30), (Tier.B, 60), (Tier.C, 90), (Tier.D, 180)])
def test_each_tier_has_its_own_interval(tier, interval):
    last = day(20 - interval)  # the next one is due in 20 days (2026-12-13, a Sunday: moved to Monday)
    (follow_up,) = cadence_follow_ups(CadenceFacts(7, tier, last_contact=contact(last)), TODAY, only(
        call_back_a_days=30, call_back_b_days=60, call_back_c_days=90, call_back_d_days=180))
    assert follow_up.gen_key == f"callback:{day(20).isoformat()}"
    assert follow_up.due_date == date(2026, 12, 14)
    assert follow_up.purpose == f"定期回访（{tier.value}级，每{interval}天）"


def test_the_later_of_the_last_contact_and_the_last_call_back_is_the_anchor():
    rules = only(call_back_a_days=30)
    contacted, called = date(2026, 11, 2), date(2026, 11, 10)
    assert list(made(CadenceFacts(7, Tier.A, last_contact=contact(contacted), last_call_back=called), rules)) == [
        "callback:2026-12-10"]
    assert list(made(CadenceFacts(7, Tier.A, last_contact=contact(called), last_call_back=contacted), rules)) == [
        "callback:2026-12-10"]


def test_an_open_call_back_stops_another():
    facts = CadenceFacts(7, Tier.A, last_contact=contact(date(2026, 11, 2)), open_call_back=True)
    assert made(facts, only(call_back_a_days=30)) == {}


def test_the_horizon_is_inclusive():
    rules = only(call_back_a_days=30)  # horizon 30: up to 2026-12-23 (a Wednesday)
    assert list(made(CadenceFacts(7, Tier.A, last_contact=contact(day(0))), rules)) == ["callback:2026-12-23"]
    assert made(CadenceFacts(7, Tier.A, last_contact=contact(day(1))), rules) == {}


def test_a_working_day_shift_past_the_horizon_waits_for_a_later_run():
    rules = only(call_back_a_days=30, horizon_days=33)  # up to Saturday 2026-12-26
    facts = CadenceFacts(7, Tier.A, last_contact=contact(day(-4)))  # cadence day: Saturday 12-19
    assert made(facts, rules)["callback:2026-12-19"][0] == date(2026, 12, 21)
    facts = CadenceFacts(7, Tier.A, last_call_back=day(3))  # a cancelled one; cadence day: Saturday 12-26
    assert made(facts, rules) == {}  # due Monday 12-28, beyond the horizon
    assert made(facts, rules, today=day(1)) == {}
    assert made(facts, rules, today=day(2))["callback:2026-12-26"][0] == date(2026, 12, 28)


def test_a_call_back_that_fell_due_within_the_grace_days_is_planned_for_today():
    rules = only(call_back_a_days=30)  # grace 7 days
    late = CadenceFacts(7, Tier.A, last_contact=contact(day(-37)))
    assert made(late, rules)["callback:2026-11-16"][0] == TODAY


def test_without_a_rhythm_the_call_back_falls_on_the_customers_slot():
    rules = only(call_back_a_days=30)
    for cid in range(1, 61):
        for facts in (CadenceFacts(cid, Tier.A),  # never contacted
                      CadenceFacts(cid, Tier.A, last_contact=contact(day(-38)))):  # behind beyond the grace days
            (follow_up,) = cadence_follow_ups(facts, TODAY, rules)
            slot = date.fromisoformat(follow_up.gen_key.removeprefix("callback:"))
            assert TODAY <= slot < day(30)
            assert (slot.toordinal() - cid) % 30 == 0  # a fixed day of its cycle
            assert follow_up.due_date >= slot and is_working_day(follow_up.due_date)


def test_the_slot_does_not_move_from_day_to_day():
    rules = only(call_back_d_days=180)  # the slot is usually beyond the horizon
    facts = CadenceFacts(12345, Tier.D)
    slot = Cadence(TODAY, rules).call_back_day(facts)
    assert all(Cadence(day(n), rules).call_back_day(facts) == slot for n in range(0, (slot - TODAY).days + 1))
    assert Cadence(slot + timedelta(days=1), rules).call_back_day(facts) == slot + timedelta(days=180)
    first_made = next(n for n in range(200) if made(facts, rules, today=day(n)))
    assert slot - day(first_made) <= timedelta(days=30)


def test_a_tier_set_to_zero_has_no_call_backs():
    rules = CadenceRules(call_back_d_days=0)
    assert not [f for f in cadence_follow_ups(CadenceFacts(7, Tier.D), TODAY, rules)
                if f.source is FollowUpSource.CALL_BACK]
    assert [f.source for f in cadence_follow_ups(CadenceFacts(7, Tier.A), TODAY, only(call_back_a_days=30))] == [
        FollowUpSource.CALL_BACK]


# -- quarterly business reviews ------------------------------------------------------------------


def test_a_company_is_reviewed_once_a_quarter_in_its_middle_month():
    rules = only(company_review=True)
    # Customer 25 on day 1 + 25 % 28 = 26 November, a Thursday.
    assert made(CadenceFacts(25, is_company=True, owner="李丽"), rules) == {
        "review:2026Q4": (date(2026, 11, 26), FollowUpSource.REVIEW, ContactMethod.VISIT, "季度业务回顾 2026Q4",
                          "李丽"),
    }
    assert made(CadenceFacts(25, is_company=False), rules) == {}
    assert made(CadenceFacts(25, is_company=True), only(company_review=False)) == {}


def test_a_review_day_passed_within_the_grace_days_is_today_and_earlier_ones_are_not_made():
    rules = only(company_review=True)
    assert made(CadenceFacts(20, is_company=True), rules)["review:2026Q4"][0] == TODAY  # Saturday 11-21
    assert made(CadenceFacts(15, is_company=True), rules)["review:2026Q4"][0] == TODAY  # 11-16: 7 days late
    assert made(CadenceFacts(14, is_company=True), rules) == {}  # 11-15: 8 days late
    assert made(CadenceFacts(42, is_company=True), rules) == {}  # 11-15 too: 42 % 28 = 14


def test_the_quarter_key_rolls_over_the_year_end():
    assert quarter_key(date(2026, 12, 31)) == "2026Q4"
    assert quarter_key(date(2027, 1, 1)) == "2027Q1"
    rules = only(company_review=True, horizon_days=60)
    # 2026-12-28 + 60 days = 2027-02-26; customer 2's Q1 review is on 2027-02-03 (a Wednesday).
    assert made(CadenceFacts(2, is_company=True), rules, today=date(2026, 12, 28)) == {
        "review:2027Q1": (date(2027, 2, 3), FollowUpSource.REVIEW, ContactMethod.VISIT, "季度业务回顾 2027Q1", None),
    }


def test_a_long_horizon_holds_several_quarters():
    rules = only(company_review=True, horizon_days=366)
    # Customer 27 on the 28th; 2027-11-28 is beyond 2027-11-24.
    assert list(made(CadenceFacts(27, is_company=True), rules)) == [
        "review:2026Q4", "review:2027Q1", "review:2027Q2", "review:2027Q3"]


# -- feedback after a contact -------------------------------------------------------------------


def test_feedback_is_asked_a_week_after_the_last_contact():
    uid = "0190c0de-0000-7000-8000-00000000abcd"
    facts = CadenceFacts(7, owner="王强", last_contact=contact(date(2026, 11, 20), uid))
    assert made(facts, only(feedback_days=7)) == {
        f"feedback:{uid}": (date(2026, 11, 27), FollowUpSource.FEEDBACK, ContactMethod.PHONE,
                            "联系后一周内回访反馈（2026-11-20联系）", "王强"),
    }
    assert made(facts, only(feedback_days=3))[f"feedback:{uid}"][2:4] == (
        ContactMethod.PHONE, "联系后3天内回访反馈（2026-11-20联系）")


def test_feedback_boundaries():
    rules = only(feedback_days=7)
    assert list(made(CadenceFacts(7, last_contact=contact(day(-14))), rules).values())[0][0] == TODAY  # 7 late
    assert made(CadenceFacts(7, last_contact=contact(day(-15))), rules) == {}  # 8 days late
    assert made(CadenceFacts(7, last_contact=contact(date(2026, 11, 20), by_cadence=True)), rules) == {}
    assert made(CadenceFacts(7, last_contact=contact(date(2026, 11, 20)), open_feedback=True), rules) == {}
    assert made(CadenceFacts(7, last_contact=contact(date(2026, 11, 20))), only(feedback_days=0)) == {}
    assert made(CadenceFacts(7), rules) == {}


# -- touchpoints after purchases -----------------------------------------------------------------


def test_touchpoints_follow_each_purchase_day():
    rules = only(touchpoint_days=(3, 30, 90))
    # 08-25 + 90 = 11-23; its 3 and 30 days are long gone.
    assert made(CadenceFacts(7, owner="王强", purchase_days=[date(2026, 8, 25)]), rules) == {
        "touchpoint:2026-08-25+90": (TODAY, FollowUpSource.TOUCHPOINT, ContactMethod.PHONE,
                                     "购买后第90天：复购提醒（2026-08-25购买）", "王强"),
    }
    facts = CadenceFacts(7, owner="王强", purchase_days=[date(2026, 8, 1), date(2026, 11, 20)])
    assert made(facts, rules) == {
        "touchpoint:2026-11-20+3": (TODAY, FollowUpSource.TOUCHPOINT, ContactMethod.PHONE,
                                    "购买后第3天：使用体验（2026-11-20购买）", "王强"),
        # 12-20 is a Sunday; + 90 days is beyond the horizon.
        "touchpoint:2026-11-20+30": (date(2026, 12, 21), FollowUpSource.TOUCHPOINT, ContactMethod.PHONE,
                                     "购买后第30天：使用习惯（2026-11-20购买）", "王强"),
    }


def test_a_later_purchase_supersedes_the_touchpoints_it_comes_before():
    rules = only(touchpoint_days=(3, 30))
    # 11-17 + 3 = 11-20, the day of the next purchase: superseded, as its + 30.
    assert list(made(CadenceFacts(7, purchase_days=[date(2026, 11, 17), date(2026, 11, 20)]), rules)) == [
        "touchpoint:2026-11-20+3", "touchpoint:2026-11-20+30"]
    # 11-16 + 3 = 11-19, before the next purchase: kept (late by 4 days, so today); its + 30 is superseded.
    assert list(made(CadenceFacts(7, purchase_days=[date(2026, 11, 16), date(2026, 11, 20)]), rules)) == [
        "touchpoint:2026-11-16+3", "touchpoint:2026-11-20+3", "touchpoint:2026-11-20+30"]


def test_touchpoint_grace_boundaries():
    rules = only(touchpoint_days=(3,))
    assert list(made(CadenceFacts(7, purchase_days=[day(-10)]), rules).values())[0][0] == TODAY  # 7 days late
    assert made(CadenceFacts(7, purchase_days=[day(-11)]), rules) == {}


def test_a_customer_without_purchases_has_no_touchpoints():
    assert made(CadenceFacts(7), only(touchpoint_days=(3, 30, 90))) == {}
    assert made(CadenceFacts(7, purchase_days=[date(2026, 11, 20)]), only(touchpoint_days=())) == {}


# -- working days --------------------------------------------------------------------------------


def test_spring_festival_2026_moves_due_days_to_the_first_working_day_after_it():
    # 春节 2026: 02-15 .. 02-23 off (02-14, a Saturday, is worked).
    rules = only(touchpoint_days=(3,))
    facts = CadenceFacts(7, purchase_days=[date(2026, 2, 12)])
    assert made(facts, rules, today=date(2026, 2, 11)) == {
        "touchpoint:2026-02-12+3": (date(2026, 2, 24), FollowUpSource.TOUCHPOINT, ContactMethod.PHONE,
                                    "购买后第3天：使用体验（2026-02-12购买）", None)}
    unshifted = only(touchpoint_days=(3,), skip_non_working_days=False)
    assert made(facts, unshifted, today=date(2026, 2, 11))["touchpoint:2026-02-12+3"][0] == date(2026, 2, 15)
    # The adjusted Saturday is a working day: nothing moves.
    assert made(CadenceFacts(7, purchase_days=[date(2026, 2, 11)]), rules,
                today=date(2026, 2, 11))["touchpoint:2026-02-11+3"][0] == date(2026, 2, 14)


def test_beyond_the_holiday_table_only_weekends_are_skipped():
    # 2027 is not in chinesecalendar 1.11: Saturday 2027-03-06 moves to Monday.
    facts = CadenceFacts(7, last_contact=contact(date(2027, 2, 27)))
    assert made(facts, only(feedback_days=7), today=date(2027, 3, 1))[
        "feedback:0190c0de-0000-7000-8000-000000000001"][0] == date(2027, 3, 8)


# -- idempotence and the window, for any customer ------------------------------------------------

days_near = st.integers(-150, 60).map(day)
facts_strategy = st.builds(
    CadenceFacts,
    customer_id=st.integers(1, 10**6),
    tier=st.sampled_from(Tier),
    is_company=st.booleans(),
    owner=st.sampled_from([None, "王强"]),
    last_contact=st.none() | st.builds(contact, days_near.filter(lambda d: d <= TODAY), st.uuids().map(str),
                                       st.booleans()),
    last_call_back=st.none() | days_near,
    open_call_back=st.booleans(),
    open_feedback=st.booleans(),
    purchase_days=st.lists(days_near.filter(lambda d: d <= TODAY), max_size=8, unique=True).map(sorted),
)
rules_strategy = st.builds(
    CadenceRules,
    call_back_a_days=st.integers(0, 730), call_back_b_days=st.integers(0, 730),
    call_back_c_days=st.integers(0, 730), call_back_d_days=st.integers(0, 730),
    company_review=st.booleans(), feedback_days=st.integers(0, 30),
    touchpoint_days=st.lists(st.integers(1, 366), max_size=6, unique=True).map(tuple),
    horizon_days=st.integers(0, 366), grace_days=st.integers(0, 31), skip_non_working_days=st.booleans(),
)


@settings(max_examples=300)
@given(facts_strategy, rules_strategy, st.integers(0, 30).map(day))
def test_feeding_the_made_keys_back_makes_nothing_new(facts, rules, today):
    first = cadence_follow_ups(facts, today, rules)
    keys = [f.gen_key for f in first]
    assert len(set(keys)) == len(keys)
    assert cadence_follow_ups(facts, today, rules, existing=set(keys)) == []


@settings(max_examples=300)
@given(facts_strategy, rules_strategy)
def test_everything_made_is_a_valid_planned_follow_up_within_the_window(facts, rules):
    for f in cadence_follow_ups(facts, TODAY, rules):
        assert TODAY <= f.due_date <= TODAY + timedelta(days=rules.horizon_days)
        assert not rules.skip_non_working_days or is_working_day(f.due_date)
        assert f.state is FollowUpState.PLANNED and f.customer_id == facts.customer_id and f.owner == facts.owner
        assert follow_up_errors(f) == []
        assert f.source is not FollowUpSource.MANUAL and f.gen_key.startswith(
            {FollowUpSource.CALL_BACK: "callback:", FollowUpSource.REVIEW: "review:",
             FollowUpSource.FEEDBACK: "feedback:", FollowUpSource.TOUCHPOINT: "touchpoint:"}[f.source])


@given(facts_strategy)
def test_key_floors_are_below_every_key_made(facts):
    cadence = Cadence(TODAY)
    floors = {floor.partition(":")[0]: floor for floor in cadence.key_floors()}
    for f in cadence.follow_ups_for(facts):
        assert f.gen_key >= floors[f.gen_key.partition(":")[0]]
