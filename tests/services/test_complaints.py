"""Handling complaints through the service: checked first, stored all or nothing, history kept;
the log, the counts and the alerts as of a given today."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from crmdesk.domain.alerts import AlertKind, Severity
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
)
from crmdesk.domain.orders import Order
from crmdesk.domain.tiers import Tier, TierResult
from crmdesk.domain.validation import ErrorCode
from crmdesk.services import complaints as service
from crmdesk.services.alerts import compute_alerts
from crmdesk.storage import complaints as store
from crmdesk.storage import customers as customer_store
from crmdesk.storage import file_settings
from crmdesk.storage import orders as order_store
from crmdesk.storage.change_log import change_log
from crmdesk.storage.complaints import ComplaintQuery
from crmdesk.storage.tiers import save_tiers
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)


@pytest.fixture
def company(customer_file):
    return customer_store.insert_customer(customer_file, make_company(owner="王强"))


@pytest.fixture
def person(customer_file):
    return customer_store.insert_customer(customer_file, make_person())


def set_tier(cf, customer_id: int, tier: Tier) -> None:
    save_tiers(cf, {customer_id: TierResult(tier, 100_000, 1, 10, 1)}, TODAY)


def new(customer_id: int, received: date = TODAY, **kw) -> Complaint:
    kw.setdefault("description", "承诺次日达，实际延误三天才送到")
    return Complaint(customer_id=customer_id, received_date=received, channel=ComplaintChannel.PHONE,
                     category=kw.pop("category", ComplaintCategory.DELIVERY), **kw)


def note(kind: StepKind, day: date = TODAY, **kw) -> ComplaintStep:
    kw.setdefault("text", "电话致歉，说明会尽快核实处理")
    return ComplaintStep(complaint_id=0, customer_id=0, kind=kind, step_date=day, **kw)


def codes(handled) -> set[tuple[str, ErrorCode]]:
    return {(e.field, e.code) for e in handled.errors}


# -- recording ------------------------------------------------------------------------------------


def test_a_new_complaint_takes_the_customers_current_tier_as_its_priority(customer_file, company, person):
    set_tier(customer_file, company.id, Tier.A)
    vip = service.record_complaint(customer_file, new(company.id, priority=Tier.D))  # the caller's is ignored
    ordinary = service.record_complaint(customer_file, new(person.id))  # tiers never computed: D
    assert vip.complaint.priority is Tier.A and ordinary.complaint.priority is Tier.D
    assert vip.complaint.state is ComplaintState.OPEN and vip.complaint.id is not None
    set_tier(customer_file, company.id, Tier.C)  # a later change does not reorder it
    assert store.get_complaint(customer_file, vip.complaint.id).priority is Tier.A


def test_a_malicious_complaint_without_a_reason_is_refused(customer_file, company):
    handled = service.record_complaint(customer_file, new(company.id, nature=ComplaintNature.MALICIOUS,
                                                          nature_reason=" \t"))
    assert codes(handled) == {("nature_reason", ErrorCode.REQUIRED)}
    assert store.complaints_of(customer_file, company.id) == []
    ok = service.record_complaint(customer_file, new(company.id, nature=ComplaintNature.MALICIOUS,
                                                     nature_reason="敲诈：以曝光相威胁索要高额赔偿"))
    assert not ok.errors and ok.complaint.nature_reason == "敲诈：以曝光相威胁索要高额赔偿"


def test_recording_checks_and_cleans_what_was_typed(customer_file, company, person):
    order = order_store.insert_order(customer_file, Order(person.id, date(2026, 11, 1), "零担", 1, 50_000))
    handled = service.record_complaint(
        customer_file, new(company.id, received=date(2026, 11, 24), received_time="7:30", order_id=order.id),
        today=TODAY)
    assert codes(handled) == {("received_date", ErrorCode.TOO_FAR_AHEAD), ("received_time", ErrorCode.INVALID_TIME),
                              ("order_id", ErrorCode.INVALID_CHOICE)}  # the order is another customer's
    handled = service.record_complaint(customer_file, new(person.id, description="  延误\r\n三天\x07 ",
                                                          owner="  ", order_id=order.id), today=TODAY)
    assert not handled.errors
    assert (handled.complaint.description, handled.complaint.owner) == ("延误\n三天", None)


def test_recording_with_the_first_response_stores_both_or_neither(customer_file, company):
    handled = service.record_complaint(customer_file, new(company.id, received_time="25:00"),
                                       first_response="已致歉，今天内答复")
    assert codes(handled) == {("received_time", ErrorCode.INVALID_TIME)}
    assert store.complaints_of(customer_file, company.id) == []
    handled = service.record_complaint(customer_file, new(company.id, received_time="10:15"),
                                       first_response="已致歉，今天内答复")
    [step] = service.timeline(customer_file, handled.complaint.id)
    assert step == handled.step
    assert (step.kind, step.step_date, step.step_time) == (StepKind.FIRST_RESPONSE, TODAY, "10:15")


def test_editing_keeps_the_state_and_the_priority(customer_file, company):
    set_tier(customer_file, company.id, Tier.B)
    c = service.record_complaint(customer_file, new(company.id)).complaint
    edited = service.edit_complaint(customer_file, replace(c, owner="李娜", priority=Tier.D,
                                                           state=ComplaintState.RESOLVED))
    assert not edited.errors
    assert (edited.complaint.owner, edited.complaint.priority, edited.complaint.state) == (
        "李娜", Tier.B, ComplaintState.OPEN)
    assert codes(service.edit_complaint(customer_file, replace(edited.complaint, description=""))) == {
        ("description", ErrorCode.REQUIRED)}


# -- the timeline, resolving and reopening --------------------------------------------------------


def test_steps_go_on_the_timeline_and_an_action_needs_its_promise(customer_file, company):
    c = service.record_complaint(customer_file, new(company.id, received=date(2026, 11, 20))).complaint
    assert codes(service.add_step(customer_file, c, note(StepKind.ACTION, text="赔付"))) == {
        ("promise", ErrorCode.REQUIRED), ("due_date", ErrorCode.REQUIRED)}
    assert codes(service.add_step(customer_file, c, note(StepKind.RESOLVED))) == {("kind", ErrorCode.INVALID_CHOICE)}
    assert codes(service.add_step(customer_file, c, note(StepKind.NOTE, date(2026, 11, 19)))) == {
        ("step_date", ErrorCode.INVALID_DATE)}
    first = service.add_step(customer_file, c, note(StepKind.FIRST_RESPONSE, date(2026, 11, 20), step_time="09:00"))
    cause = service.add_step(customer_file, c, note(StepKind.CAUSE, date(2026, 11, 21), text="面单地址录入错误"))
    action = service.add_step(customer_file, c, note(StepKind.ACTION, date(2026, 11, 21), text="调回并免费转运",
                                                     promise="两天内送达正确地址", due_date=date(2026, 11, 23)))
    assert [s.kind for s in service.timeline(customer_file, c.id)] == [
        StepKind.FIRST_RESPONSE, StepKind.CAUSE, StepKind.ACTION]
    assert all(h.step.complaint_id == c.id and h.step.customer_id == company.id for h in (first, cause, action))
    fixed = service.edit_step(customer_file, c, replace(cause.step, text="面单地址录入错误（系统自动填充）"))
    assert not fixed.errors and fixed.step.row_version == 2
    service.delete_step(customer_file, fixed.step)
    assert [s.kind for s in service.timeline(customer_file, c.id)] == [StepKind.FIRST_RESPONSE, StepKind.ACTION]


def test_resolving_records_the_outcome_satisfaction_and_whether_the_customer_stayed(customer_file, company):
    c = service.record_complaint(customer_file, new(company.id, received=date(2026, 11, 20))).complaint
    assert codes(service.resolve(customer_file, c, on=TODAY, outcome=" ", satisfaction=6)) == {
        ("outcome", ErrorCode.REQUIRED), ("satisfaction", ErrorCode.OUT_OF_RANGE)}
    assert store.steps_of(customer_file, c.id) == []  # nothing stored
    done = service.resolve(customer_file, c, on=TODAY, outcome="已送达并退还运费", satisfaction=4, retained=True,
                           at="16:00")
    assert not done.errors
    assert (done.complaint.state, done.complaint.resolved_date, done.complaint.satisfaction,
            done.complaint.retained) == (ComplaintState.RESOLVED, TODAY, 4, True)
    assert (done.step.kind, done.step.text, done.step.satisfaction, done.step.step_time) == (
        StepKind.RESOLVED, "已送达并退还运费", 4, "16:00")
    # Resolved: only follow-ups and notes may still be added; resolving again is refused.
    assert not service.add_step(customer_file, done.complaint, note(StepKind.FOLLOW_UP, text="回访，客户满意")).errors
    assert codes(service.add_step(customer_file, done.complaint, note(StepKind.CAUSE))) == {
        ("kind", ErrorCode.NOT_APPLICABLE)}
    assert codes(service.resolve(customer_file, done.complaint, on=TODAY, outcome="again")) == {
        ("state", ErrorCode.NOT_APPLICABLE)}


def test_reopening_keeps_the_history(customer_file, company):
    c = service.record_complaint(customer_file, new(company.id, received=date(2026, 11, 2)),
                                 first_response="已致歉").complaint
    resolved = service.resolve(customer_file, c, on=date(2026, 11, 5), outcome="已赔付800元", satisfaction=3,
                               retained=True).complaint
    assert codes(service.reopen(customer_file, resolved, on=date(2026, 11, 20), reason="")) == {
        ("reason", ErrorCode.REQUIRED)}
    assert codes(service.reopen(customer_file, resolved, on=date(2026, 11, 4), reason="款未到账")) == {
        ("reopened_date", ErrorCode.INVALID_DATE)}
    reopened = service.reopen(customer_file, resolved, on=date(2026, 11, 20), reason="赔付款至今未到账")
    assert not reopened.errors
    now = reopened.complaint
    assert (now.state, now.reopened_date, now.resolved_date, now.outcome, now.satisfaction) == (
        ComplaintState.OPEN, date(2026, 11, 20), None, "", None)
    steps = service.timeline(customer_file, c.id)
    assert [s.kind for s in steps] == [StepKind.FIRST_RESPONSE, StepKind.RESOLVED, StepKind.REOPENED]
    earlier = steps[1]
    assert (earlier.text, earlier.satisfaction, earlier.retained) == ("已赔付800元", 3, True)  # still there
    assert steps[2].text == "赔付款至今未到账"
    log = [(e.field, e.old, e.new) for e in change_log(customer_file, company.id) if e.action == "update"]
    assert ("satisfaction", "3", None) in log and ("state", "resolved", "open") in log
    with pytest.raises(ValueError):
        service.delete_step(customer_file, earlier)  # history is not deleted
    # Resolved again: both resolutions are on the timeline.
    again = service.resolve(customer_file, now, on=date(2026, 11, 22), outcome="已重新付款", satisfaction=5)
    assert not again.errors
    assert [s.satisfaction for s in service.timeline(customer_file, c.id) if s.kind is StepKind.RESOLVED] == [3, 5]


def test_a_reopened_complaint_is_on_a_fresh_clock(customer_file, company):
    c = service.record_complaint(customer_file, new(company.id, received=date(2026, 10, 1)),
                                 first_response="已致歉").complaint
    c = service.resolve(customer_file, c, on=date(2026, 10, 3), outcome="已处理").complaint
    c = service.reopen(customer_file, c, on=date(2026, 11, 20), reason="问题再次出现").complaint
    [line] = service.customer_complaints(customer_file, company.id, TODAY)
    # D: 3 days to respond again from the reopen; the first response before it does not count.
    assert (line.deadline, line.status.stage, line.escalated) == (date(2026, 11, 23), DeadlineStage.RESPONSE, False)
    [line] = service.customer_complaints(customer_file, company.id, date(2026, 11, 24))
    assert line.escalated


# -- the log, the counts and the alerts -----------------------------------------------------------


@pytest.fixture
def file_with_complaints(customer_file, company, person):
    """A VIP complaint of yesterday not answered, an ordinary one long overdue, one in time, one resolved."""
    set_tier(customer_file, company.id, Tier.A)
    vip = service.record_complaint(customer_file, new(company.id, received=date(2026, 11, 21), owner="王强")).complaint
    old = service.record_complaint(customer_file, new(person.id, received=date(2026, 11, 1), owner="李娜",
                                                      category=ComplaintCategory.PRICE),
                                   first_response="已致歉").complaint
    fresh = service.record_complaint(customer_file, new(person.id, received=TODAY),
                                     first_response="已登记").complaint
    closed = service.record_complaint(customer_file, new(person.id, received=date(2026, 9, 1))).complaint
    closed = service.resolve(customer_file, closed, on=date(2026, 9, 3), outcome="已退款", satisfaction=5,
                             retained=True).complaint
    return {"vip": vip, "old": old, "fresh": fresh, "closed": closed}


def test_the_log_puts_a_vip_complaint_before_an_older_ordinary_one(customer_file, file_with_complaints):
    names = {c.id: name for name, c in file_with_complaints.items()}
    lines = service.complaint_log(customer_file, TODAY)
    assert [names[line.complaint.id] for line in lines] == ["vip", "old", "fresh", "closed"]
    assert [line.escalated for line in lines] == [True, True, False, False]
    vip = lines[0]
    assert (vip.deadline, vip.status.stage, vip.status.days_overdue) == (date(2026, 11, 22), DeadlineStage.RESPONSE, 1)
    assert lines[1].status.stage is DeadlineStage.RESOLUTION and lines[1].deadline == date(2026, 11, 11)


@pytest.mark.parametrize(("query", "expected"), [
    (ComplaintQuery(overdue=True), ["vip", "old"]),
    (ComplaintQuery(overdue=True, priority=Tier.D), ["old"]),
    (ComplaintQuery(overdue=True, owner="李娜"), ["old"]),
    (ComplaintQuery(state=ComplaintState.RESOLVED), ["closed"]),
    (ComplaintQuery(category=ComplaintCategory.PRICE), ["old"]),
])
def test_the_log_filters_on_today(customer_file, file_with_complaints, query, expected):
    names = {c.id: name for name, c in file_with_complaints.items()}
    assert [names[line.complaint.id] for line in service.complaint_log(customer_file, TODAY, query)] == expected


def test_counts_of_open_and_escalated_complaints(customer_file, file_with_complaints, company):
    assert service.complaint_counts(customer_file, TODAY) == (3, 2)
    assert service.complaint_counts(customer_file, date(2026, 11, 21)) == (3, 1)  # the VIP one not yet late
    assert service.complaint_counts(customer_file, TODAY, customer_id=company.id) == (1, 1)
    assert service.escalated_customers(customer_file, TODAY) == {company.id, file_with_complaints["old"].customer_id}


def test_counts_of_one_owners_customers(customer_file, file_with_complaints):
    # The customer's owner decides, not the complaint's handler: 李娜 handles a complaint of a customer she does not own.
    assert service.complaint_counts(customer_file, TODAY, owner="王强") == (1, 1)
    assert service.complaint_counts(customer_file, TODAY, owner="李娜") == (0, 0)


def test_the_files_deadlines_decide(customer_file, file_with_complaints):
    generous = ComplaintDeadlines(response_a_days=5, resolution_a_days=10, resolution_d_days=30)
    assert file_settings.set_complaint_deadlines(customer_file, generous) == []
    assert service.complaint_counts(customer_file, TODAY) == (3, 0)


def test_resolving_takes_a_complaint_off_the_overdue_list(customer_file, file_with_complaints):
    old = file_with_complaints["old"]
    service.resolve(customer_file, old, on=TODAY, outcome="已退还多收运费", satisfaction=4, retained=True)
    overdue = service.complaint_log(customer_file, TODAY, ComplaintQuery(overdue=True))
    assert [line.complaint.id for line in overdue] == [file_with_complaints["vip"].id]
    assert service.complaint_line(customer_file, old.id, TODAY).complaint.state is ComplaintState.RESOLVED


def test_escalated_complaints_are_alerts_exactly_when_escalated(customer_file, file_with_complaints, company):
    def complaint_alerts(today: date):
        return {a.alert.numbers["complaint_id"]: a for a in compute_alerts(customer_file, today)
                if a.alert.kind is AlertKind.COMPLAINT_OVERDUE}

    for today in (date(2026, 11, 21), date(2026, 11, 22), TODAY, date(2026, 12, 20)):
        escalated = {line.complaint.id for line in service.complaint_log(customer_file, today)
                     if line.escalated}
        assert set(complaint_alerts(today)) == escalated
    vip = complaint_alerts(TODAY)[file_with_complaints["vip"].id]
    assert vip.code == company.code and vip.alert.severity is Severity.CRITICAL
    assert vip.alert.numbers == {"complaint_id": file_with_complaints["vip"].id, "deadline": "2026-11-22",
                                 "days_overdue": 1, "stage": "response", "priority": "A"}
    # One customer's alerts (after an edit) read that customer's complaints only.
    assert [a.alert.kind for a in compute_alerts(customer_file, TODAY, customer_id=company.id)
            if a.alert.kind is AlertKind.COMPLAINT_OVERDUE] == [AlertKind.COMPLAINT_OVERDUE]


def test_a_late_first_response_leaves_the_resolution_deadline_and_a_new_alert(customer_file, file_with_complaints):
    vip = file_with_complaints["vip"]
    before = {a.alert.key for a in compute_alerts(customer_file, TODAY) if a.alert.kind is AlertKind.COMPLAINT_OVERDUE}
    service.add_step(customer_file, vip, note(StepKind.FIRST_RESPONSE, TODAY))
    [line] = service.customer_complaints(customer_file, vip.customer_id, TODAY)
    assert (line.escalated, line.deadline) == (False, date(2026, 11, 24))  # A: 3 days to resolve
    late = {a.alert.key: a for a in compute_alerts(customer_file, date(2026, 11, 25))
            if a.alert.numbers.get("complaint_id") == vip.id}
    [key] = late
    assert key not in before and late[key].alert.numbers["stage"] == "resolution"


def test_complaints_of_a_binned_customer_or_deleted_ones_are_out_of_every_list(customer_file, file_with_complaints,
                                                                                 company):
    service.delete_complaint(customer_file, file_with_complaints["old"])
    customer_store.soft_delete_customer(customer_file, company.id)
    assert service.complaint_counts(customer_file, TODAY) == (1, 0)


# -- the demo file --------------------------------------------------------------------------------


def test_the_demo_file_has_complaints_in_every_state(tmp_path):
    from crmdesk.services.demo import write_demo_file
    from crmdesk.storage.customer_file import CustomerFile

    def contents(path):
        with CustomerFile.open(path, read_only=True) as cf:
            lines = service.complaint_log(cf, TODAY)
            steps = [service.timeline(cf, line.complaint.id) for line in lines]
            return lines, steps

    paths = [tmp_path / f"demo{i}.crmdesk" for i in (1, 2)]
    for path in paths:
        write_demo_file(path, customers=120, seed=5, today=TODAY, orders=1200, follow_ups=True)
    lines, steps = contents(paths[0])
    again, again_steps = contents(paths[1])
    assert [(line.complaint, line.status) for line in lines] == [(line.complaint, line.status) for line in again]
    assert steps == again_steps  # reproducible
    assert 24 <= len(lines) <= 60
    states = [line.complaint.state for line in lines]
    assert states.count(ComplaintState.RESOLVED) >= 10 and states.count(ComplaintState.OPEN) >= 10
    assert sum(line.escalated for line in lines) >= 3
    assert sum(line.complaint.satisfaction is not None for line in lines) >= 8
    assert sum(line.complaint.reopened_date is not None for line in lines) == 1
    assert any(line.complaint.order_id is not None for line in lines)
    assert len({line.complaint.category for line in lines}) >= 4
    assert all(step for step in steps[-5:])  # resolved ones have their timeline
