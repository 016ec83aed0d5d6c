"""Complaint deadlines and escalation at their exact boundaries, the sort order, validation (domain.md §7)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmdesk.domain.complaints import (
    Complaint,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintDeadlines,
    ComplaintNature,
    ComplaintState,
    ComplaintStep,
    DeadlineStage,
    StepKind,
    complaint_errors,
    complaint_status,
    current_deadline,
    deadlines_errors,
    escalated,
    has_first_response,
    resolution_deadline,
    responded_since,
    response_deadline,
    sort_key,
    step_errors,
)
from crmdesk.domain.tiers import Tier
from crmdesk.domain.validation import ErrorCode

RECEIVED = date(2026, 11, 2)
RULES = ComplaintDeadlines()
# The defaults, as issue 9 states them.
RESPONSE = {Tier.A: 1, Tier.B: 1, Tier.C: 2, Tier.D: 3}
RESOLUTION = {Tier.A: 3, Tier.B: 5, Tier.C: 7, Tier.D: 10}


def complaint(**kw) -> Complaint:
    values = dict(customer_id=7, received_date=RECEIVED, channel=ComplaintChannel.PHONE,
                  category=ComplaintCategory.DELIVERY, description="承诺次日达，实际延误三天")
    values.update(kw)
    return Complaint(**values)


def step(kind: StepKind, day: date = RECEIVED, **kw) -> ComplaintStep:
    kw.setdefault("text", "电话致歉，承诺今天内核实")
    return ComplaintStep(complaint_id=1, customer_id=7, kind=kind, step_date=day, **kw)


def codes(errors) -> set[tuple[str, ErrorCode]]:
    return {(e.field, e.code) for e in errors}


# -- deadlines ------------------------------------------------------------------------------------


def test_the_default_deadlines_are_the_issues():
    assert {t: RULES.response_days(t) for t in Tier} == RESPONSE
    assert {t: RULES.resolution_days(t) for t in Tier} == RESOLUTION


@pytest.mark.parametrize("tier", list(Tier))
def test_deadlines_are_the_received_date_plus_the_tiers_days(tier):
    c = complaint(priority=tier)
    assert response_deadline(c, RULES) == RECEIVED + timedelta(days=RESPONSE[tier])
    assert resolution_deadline(c, RULES) == RECEIVED + timedelta(days=RESOLUTION[tier])


@pytest.mark.parametrize("tier", list(Tier))
@pytest.mark.parametrize(("offset", "fires"), [(-1, False), (0, False), (1, True)],
                         ids=["day before", "deadline day", "day after"])
def test_no_first_response_escalates_the_day_after_the_response_deadline(tier, offset, fires):
    c = complaint(priority=tier)
    today = RECEIVED + timedelta(days=RESPONSE[tier] + offset)
    assert escalated(c, False, today, RULES) is fires
    assert escalated(c, [], today, RULES) is fires  # the same from its (empty) steps
    status = complaint_status(c, False, today, RULES)
    assert status.stage is DeadlineStage.RESPONSE and status.deadline == response_deadline(c, RULES)
    assert status.escalated is fires and status.days_overdue == max(0, offset)


@pytest.mark.parametrize("tier", list(Tier))
@pytest.mark.parametrize(("offset", "fires"), [(-1, False), (0, False), (1, True)],
                         ids=["day before", "deadline day", "day after"])
def test_a_responded_complaint_escalates_the_day_after_the_resolution_deadline(tier, offset, fires):
    c = complaint(priority=tier)
    today = RECEIVED + timedelta(days=RESOLUTION[tier] + offset)
    assert escalated(c, [step(StepKind.FIRST_RESPONSE)], today, RULES) is fires
    assert current_deadline(c, True, RULES) == (resolution_deadline(c, RULES), DeadlineStage.RESOLUTION)


@pytest.mark.parametrize("tier", list(Tier))
def test_a_first_response_in_time_keeps_it_off_the_escalated_list_until_the_resolution_deadline(tier):
    c = complaint(priority=tier)
    after_response = RECEIVED + timedelta(days=RESPONSE[tier] + 1)
    responded = [step(StepKind.FIRST_RESPONSE, RECEIVED), step(StepKind.NOTE, RECEIVED)]
    assert escalated(c, responded, after_response, RULES) is (after_response > resolution_deadline(c, RULES))
    # Only a first response counts as one.
    assert escalated(c, [step(StepKind.NOTE), step(StepKind.CAUSE)], after_response, RULES)


def test_a_resolved_complaint_is_never_escalated():
    c = complaint(state=ComplaintState.RESOLVED, resolved_date=date(2026, 12, 30), outcome="已赔付")
    today = date(2027, 6, 1)
    assert not escalated(c, False, today, RULES)
    status = complaint_status(c, False, today, RULES)
    assert (status.deadline, status.stage, status.escalated, status.days_overdue) == (None, None, False, 0)


def test_zero_days_means_by_the_end_of_the_day_received():
    rules = replace(RULES, response_d_days=0, resolution_d_days=0)
    c = complaint(priority=Tier.D)
    assert not escalated(c, True, RECEIVED, rules)
    assert escalated(c, True, RECEIVED + timedelta(days=1), rules)


def test_a_reopened_complaint_counts_its_deadlines_from_the_reopen_and_needs_a_new_first_response():
    reopened = date(2026, 11, 20)
    c = complaint(priority=Tier.A, reopened_date=reopened)
    assert response_deadline(c, RULES) == date(2026, 11, 21)
    assert resolution_deadline(c, RULES) == date(2026, 11, 23)
    old_answer = step(StepKind.FIRST_RESPONSE, RECEIVED)
    assert not has_first_response(c, [old_answer])
    assert escalated(c, [old_answer], date(2026, 11, 22), RULES)  # answered before the reopen only
    assert not escalated(c, [old_answer, step(StepKind.FIRST_RESPONSE, reopened)], date(2026, 11, 22), RULES)
    assert responded_since(c, reopened) and not responded_since(c, RECEIVED) and not responded_since(c, None)


def test_when_the_resolution_deadline_comes_first_it_is_the_one_that_counts():
    rules = replace(RULES, response_d_days=5, resolution_d_days=2)  # not allowed, but must not mislead
    c = complaint(priority=Tier.D)
    assert current_deadline(c, False, rules) == (RECEIVED + timedelta(days=2), DeadlineStage.RESOLUTION)


@given(tier=st.sampled_from(list(Tier)), age=st.integers(0, 40), answered=st.booleans())
def test_escalated_is_exactly_a_missed_deadline(tier, age, answered):
    c = complaint(priority=tier)
    today = RECEIVED + timedelta(days=age)
    missed_response = not answered and today > response_deadline(c, RULES)
    missed_resolution = today > resolution_deadline(c, RULES)
    assert escalated(c, answered, today, RULES) is (missed_response or missed_resolution)


# -- the order of the lists -----------------------------------------------------------------------


def test_a_vip_complaint_sorts_before_an_older_ordinary_one():
    old = complaint(id=1, priority=Tier.C, received_date=date(2026, 10, 1))
    vip = complaint(id=2, priority=Tier.A, received_date=date(2026, 11, 20))
    keyed = sorted([old, vip], key=lambda c: sort_key(c, current_deadline(c, False, RULES)[0]))
    assert keyed == [vip, old]


def test_within_a_tier_the_nearest_deadline_then_the_earliest_received_comes_first():
    later = complaint(id=1, priority=Tier.B, received_date=date(2026, 11, 10))
    sooner = complaint(id=2, priority=Tier.B, received_date=date(2026, 11, 1))
    answered = complaint(id=3, priority=Tier.B, received_date=date(2026, 10, 31))  # responded: resolution deadline
    deadlines = {1: date(2026, 11, 11), 2: date(2026, 11, 2), 3: date(2026, 11, 5)}
    resolved = complaint(id=4, priority=Tier.A, state=ComplaintState.RESOLVED, resolved_date=date(2026, 11, 3),
                         outcome="已处理")
    keyed = sorted([later, resolved, sooner, answered], key=lambda c: sort_key(c, deadlines.get(c.id)))
    assert [c.id for c in keyed] == [2, 3, 1, 4]  # open before resolved, even a VIP one


# -- validation -----------------------------------------------------------------------------------


def test_a_valid_complaint_has_no_errors():
    assert complaint_errors(complaint(received_time="09:30", owner="王强", order_id=3)) == []


def test_a_malicious_complaint_needs_its_reason():
    malicious = complaint(nature=ComplaintNature.MALICIOUS)
    assert codes(complaint_errors(malicious)) == {("nature_reason", ErrorCode.REQUIRED)}
    assert codes(complaint_errors(replace(malicious, nature_reason="  "))) == {("nature_reason", ErrorCode.REQUIRED)}
    assert complaint_errors(replace(malicious, nature_reason="以曝光相威胁索要高额赔偿")) == []


@pytest.mark.parametrize(("changes", "expected"), [
    ({"description": " "}, {("description", ErrorCode.REQUIRED)}),
    ({"description": "长" * 2001}, {("description", ErrorCode.TOO_LONG)}),
    ({"received_time": "24:00"}, {("received_time", ErrorCode.INVALID_TIME)}),
    ({"channel": "fax"}, {("channel", ErrorCode.INVALID_CHOICE)}),
    ({"category": "product"}, {("category", ErrorCode.INVALID_CHOICE)}),  # a plain str is not the enum
    ({"priority": "A"}, {("priority", ErrorCode.INVALID_CHOICE)}),
    ({"owner": "王" * 201}, {("owner", ErrorCode.TOO_LONG)}),
    ({"received_date": None}, {("received_date", ErrorCode.REQUIRED)}),
    ({"reopened_date": date(2026, 11, 1)}, {("reopened_date", ErrorCode.INVALID_DATE)}),
    ({"satisfaction": 4}, {("satisfaction", ErrorCode.NOT_APPLICABLE)}),  # open: no resolution
    ({"outcome": "已赔付"}, {("outcome", ErrorCode.NOT_APPLICABLE)}),
])
def test_complaint_error_codes(changes, expected):
    assert codes(complaint_errors(complaint(**changes))) == expected


@pytest.mark.parametrize(("changes", "expected"), [
    ({}, set()),
    ({"satisfaction": 0}, {("satisfaction", ErrorCode.OUT_OF_RANGE)}),
    ({"satisfaction": 6}, {("satisfaction", ErrorCode.OUT_OF_RANGE)}),
    ({"satisfaction": True}, {("satisfaction", ErrorCode.INVALID_INTEGER)}),
    ({"satisfaction": None, "retained": None}, set()),  # not asked, not known
    ({"retained": 1}, {("retained", ErrorCode.INVALID_TYPE)}),
    ({"outcome": ""}, {("outcome", ErrorCode.REQUIRED)}),
    ({"resolved_date": None}, {("resolved_date", ErrorCode.REQUIRED)}),
    ({"resolved_date": date(2026, 11, 1)}, {("resolved_date", ErrorCode.INVALID_DATE)}),
])
def test_resolved_complaint_error_codes(changes, expected):
    values = dict(state=ComplaintState.RESOLVED, resolved_date=date(2026, 11, 5), outcome="已补发，客户满意",
                  satisfaction=5, retained=True)
    values.update(changes)
    assert codes(complaint_errors(complaint(**values))) == expected


def test_an_action_needs_a_measurable_promise_and_a_due_date():
    action = step(StepKind.ACTION, text="按货值赔付并补发")
    assert codes(step_errors(action)) == {("promise", ErrorCode.REQUIRED), ("due_date", ErrorCode.REQUIRED)}
    ok = replace(action, promise="三个工作日内赔付800元", due_date=RECEIVED + timedelta(days=3), due_time="17:00")
    assert step_errors(ok) == []
    early = replace(ok, due_date=RECEIVED - timedelta(days=1))
    [error] = step_errors(early)
    assert (error.field, error.code, error.params["reason"]) == ("due_date", ErrorCode.INVALID_DATE, "before_step")


@pytest.mark.parametrize(("made", "expected"), [
    (step(StepKind.CAUSE, text=""), {("text", ErrorCode.REQUIRED)}),
    (step(StepKind.NOTE, step_time="9:30"), {("step_time", ErrorCode.INVALID_TIME)}),
    (step(StepKind.NOTE, promise="明天"), {("promise", ErrorCode.NOT_APPLICABLE)}),
    (step(StepKind.FOLLOW_UP, due_date=RECEIVED), {("due_date", ErrorCode.NOT_APPLICABLE)}),
    (step(StepKind.FOLLOW_UP, satisfaction=5), {("satisfaction", ErrorCode.NOT_APPLICABLE)}),
    (step(StepKind.RESOLVED, satisfaction=7), {("satisfaction", ErrorCode.OUT_OF_RANGE)}),
    (step(StepKind.RESOLVED, satisfaction=3, retained=False), set()),
    (step("call"), {("kind", ErrorCode.INVALID_CHOICE)}),
])
def test_step_error_codes(made, expected):
    assert codes(step_errors(made)) == expected


def test_a_step_is_not_dated_before_the_complaint_was_received():
    [error] = step_errors(step(StepKind.NOTE, RECEIVED - timedelta(days=1)), complaint())
    assert (error.field, error.code, error.params) == (
        "step_date", ErrorCode.INVALID_DATE, {"reason": "before_received", "min": "2026-11-02"})


@pytest.mark.parametrize(("changes", "fields"), [
    ({}, set()),
    ({"response_a_days": 31}, {"response_a_days"}),
    ({"resolution_d_days": 181}, {"resolution_d_days"}),
    ({"response_b_days": -1}, {"response_b_days"}),
    ({"response_c_days": "2"}, {"response_c_days"}),
    ({"response_c_days": True}, {"response_c_days"}),
    ({"response_c_days": 8}, {"resolution_c_days"}),  # resolution before response: said on the resolution
    ({"response_a_days": 0, "resolution_a_days": 0}, set()),
])
def test_deadline_settings_errors(changes, fields):
    errors = deadlines_errors(replace(RULES, **changes))
    assert {e.field for e in errors} == fields
    if fields == {"resolution_c_days"}:
        assert errors[0].code is ErrorCode.OUT_OF_RANGE and errors[0].params == {"min": 8, "max": 180}
