"""Complaints and their steps in the file: round trips, the change log, the log's filters, the settings."""

from __future__ import annotations


from dataclasses import replace
from datetime import date

import pytest

from crmdesk.domain.complaints import (
    Complaint,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintDeadlines,
    ComplaintNature,
    ComplaintState,
    ComplaintStep,
    StepKind,
)
from crmdesk.domain.tiers import Tier
from crmdesk.domain.validation import ErrorCode
from crmdesk.storage.connections import errors
from crmdesk.storage import complaints as store
from crmdesk.storage import customers as customer_store
from crmdesk.storage import file_settings
from crmdesk.storage.change_log import change_log
from crmdesk.storage.complaints import ComplaintQuery
from crmdesk.storage.customer_file import WriteError
from tests.factories import make_company, make_person

RECEIVED = date(2026, 11, 20)


@pytest.fixture
def company(customer_file):
    return customer_store.insert_customer(customer_file, make_company(owner="王强"))


def complaint(customer_id: int, **kw) -> Complaint:
    values = dict(customer_id=customer_id, received_date=RECEIVED, channel=ComplaintChannel.PHONE,
                  category=ComplaintCategory.DELIVERY, description="货物错送到其他城市的网点")
    values.update(kw)
    return Complaint(**values)


def test_a_complaint_round_trips_with_every_field(customer_file, company):
    full = complaint(company.id, received_time="09:05", nature=ComplaintNature.MALICIOUS,
                     nature_reason="诽谤：发布不实信息", owner="陈静", priority=Tier.A,
                     state=ComplaintState.RESOLVED, reopened_date=None, resolved_date=date(2026, 11, 22),
                     outcome="已申请平台删除不实信息\n并留存证据", satisfaction=2, retained=False)
    stored = store.insert_complaint(customer_file, full)
    assert stored.id and stored.uid and stored.row_version == 1
    assert store.get_complaint(customer_file, stored.id) == stored
    assert store.complaints_of(customer_file, company.id) == [stored]


def test_a_step_round_trips(customer_file, company):
    c = store.insert_complaint(customer_file, complaint(company.id))
    action = store.insert_step(customer_file, ComplaintStep(
        c.id, company.id, StepKind.ACTION, RECEIVED, "调回货物并免费转运", "10:00", promise="两天内送达正确地址",
        due_date=date(2026, 11, 22), due_time="18:00"))
    resolved = store.insert_step(customer_file, ComplaintStep(
        c.id, company.id, StepKind.RESOLVED, date(2026, 11, 22), "已送达", satisfaction=4, retained=True))
    note = store.insert_step(customer_file, ComplaintStep(c.id, company.id, StepKind.NOTE, RECEIVED, "客户来电催问",
                                                          "08:00"))
    assert store.steps_of(customer_file, c.id) == [note, action, resolved]  # by day, then time
    assert store.get_step(customer_file, resolved.id).retained is True


def test_edits_and_deletes_leave_the_change_log(customer_file, company):
    c = store.insert_complaint(customer_file, complaint(company.id))
    moved = store.update_complaint(customer_file, replace(c, owner="李娜", category=ComplaintCategory.SERVICE))
    assert moved.row_version == 2
    with pytest.raises(WriteError):
        store.update_complaint(customer_file, replace(c, owner="刘洋"))  # the stale copy is refused
    store.delete_complaint(customer_file, moved)
    assert store.get_complaint(customer_file, c.id) is None
    assert store.complaints_of(customer_file, company.id) == []
    log = [(e.entity, e.action, e.field, e.old, e.new) for e in change_log(customer_file, company.id)
           if e.entity == "complaint"]
    assert log[0][:2] == ("complaint", "create") and "delivery" in log[0][4]
    assert ("complaint", "update", "owner", None, "李娜") in log
    assert ("complaint", "update", "category", "delivery", "service") in log
    assert log[-1][:2] == ("complaint", "delete")


def test_the_schema_refuses_what_validation_refuses(customer_file, company):
    """CHECK constraints back the domain: a malicious complaint without a reason, satisfaction 6,
    an action without its promise."""
    with pytest.raises(WriteError):
        store.insert_complaint(customer_file, complaint(company.id, nature=ComplaintNature.MALICIOUS))
    with pytest.raises(WriteError):
        store.insert_complaint(customer_file, complaint(company.id, state=ComplaintState.RESOLVED,
                                                        resolved_date=RECEIVED, outcome="x", satisfaction=6))
    c = store.insert_complaint(customer_file, complaint(company.id))
    with pytest.raises(WriteError):
        store.insert_step(customer_file, ComplaintStep(c.id, company.id, StepKind.ACTION, RECEIVED, "赔付"))
    with pytest.raises(errors("IntegrityError")):
        customer_file.execute("UPDATE complaints SET state = 'resolved' WHERE id = ?", [c.id])  # no resolved date


@pytest.fixture
def log_file(customer_file, company):
    """Four complaints of three customers, one of them in the recycle bin."""
    person = customer_store.insert_customer(customer_file, make_person(name="张三"))
    gone = customer_store.insert_customer(customer_file, make_person(name="已删除"))
    rows = {
        "vip": store.insert_complaint(customer_file, complaint(company.id, priority=Tier.A, owner="王强")),
        "price": store.insert_complaint(customer_file, complaint(person.id, category=ComplaintCategory.PRICE,
                                                                 owner="李娜", received_date=date(2026, 11, 1))),
        "closed": store.insert_complaint(customer_file, complaint(person.id, state=ComplaintState.RESOLVED,
                                                                  resolved_date=RECEIVED, outcome="已退款")),
        "binned": store.insert_complaint(customer_file, complaint(gone.id)),
    }
    store.insert_step(customer_file, ComplaintStep(rows["vip"].id, company.id, StepKind.FIRST_RESPONSE,
                                                   date(2026, 11, 21), "已致歉"))
    customer_store.soft_delete_customer(customer_file, gone.id)
    return rows, person


@pytest.mark.parametrize(("query", "expected"), [
    (ComplaintQuery(), {"vip", "price", "closed"}),
    (ComplaintQuery(state=ComplaintState.OPEN), {"vip", "price"}),
    (ComplaintQuery(state=ComplaintState.RESOLVED), {"closed"}),
    (ComplaintQuery(category=ComplaintCategory.PRICE), {"price"}),
    (ComplaintQuery(priority=Tier.A), {"vip"}),
    (ComplaintQuery(priority=Tier.D), {"price", "closed"}),
    (ComplaintQuery(owner="李娜"), {"price"}),
    (ComplaintQuery(overdue=True), {"vip", "price"}),  # open ones; the service picks the late ones
    (ComplaintQuery(overdue=True, state=ComplaintState.RESOLVED), set()),
])
def test_the_log_filters(customer_file, log_file, query, expected):
    rows, _ = log_file
    names = {c.id: name for name, c in rows.items()}
    assert {names[r.complaint.id] for r in store.complaint_rows(customer_file, query)} == expected


def test_the_log_rows_carry_the_customer_and_the_latest_first_response(customer_file, log_file, company):
    rows, person = log_file
    by_id = {r.complaint.id: r for r in store.complaint_rows(customer_file)}
    vip = by_id[rows["vip"].id]
    assert (vip.code, vip.name, vip.last_response) == (company.code, company.name, date(2026, 11, 21))
    assert by_id[rows["price"].id].last_response is None
    assert [r.complaint.id for r in store.open_complaints(customer_file, person.id)] == [rows["price"].id]
    assert store.complaint_row(customer_file, rows["binned"].id) is None  # its customer is in the bin
    assert store.complaint_owners(customer_file) == ["李娜", "王强"]


def test_complaint_deadlines_are_file_settings(customer_file):
    assert file_settings.complaint_deadlines(customer_file) == ComplaintDeadlines()
    rules = ComplaintDeadlines(response_a_days=0, resolution_a_days=2, resolution_d_days=14)
    assert file_settings.set_complaint_deadlines(customer_file, rules) == []
    assert file_settings.complaint_deadlines(customer_file) == rules
    bad = replace(rules, response_b_days=9)  # after its resolution (5 days)
    [error] = file_settings.set_complaint_deadlines(customer_file, bad)
    assert (error.field, error.code) == ("resolution_b_days", ErrorCode.OUT_OF_RANGE)
    assert file_settings.complaint_deadlines(customer_file) == rules  # nothing stored


def test_out_of_range_stored_deadlines_fall_back_to_their_defaults(customer_file):
    customer_file.set_setting("complaints.response_c_days", 99)
    customer_file.set_setting("complaints.resolution_d_days", "ten")
    customer_file.set_setting("complaints.resolution_a_days", 4)
    assert file_settings.complaint_deadlines(customer_file) == ComplaintDeadlines(resolution_a_days=4)
    customer_file.set_setting("complaints.response_b_days", 20)  # allowed alone, but after B's resolution
    assert file_settings.complaint_deadlines(customer_file) == ComplaintDeadlines()
