"""The contact log and follow-ups through the service: checked first, stored all or nothing, history kept."""

from __future__ import annotations

from datetime import date

import pytest

from crmdesk.domain.followups import Contact, ContactMethod, FollowUp, FollowUpSource, FollowUpState
from crmdesk.domain.validation import ErrorCode
from crmdesk.services import followups as service
from crmdesk.storage import customers as customer_store
from crmdesk.storage import followups as store
from crmdesk.storage.change_log import change_log
from crmdesk.storage.customer_file import WriteError
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)


@pytest.fixture
def company(customer_file):
    return customer_store.insert_customer(customer_file, make_company(owner="王强"))


def call(customer_id: int, **kw) -> Contact:
    kw.setdefault("summary", "电话回访，客户对上周的整车运输满意")
    return Contact(customer_id=customer_id, contact_date=TODAY, method=ContactMethod.PHONE, **kw)


def plan(customer_id: int, due: date = TODAY, **kw) -> FollowUp:
    kw.setdefault("purpose", "确认十二月运价")
    return FollowUp(customer_id=customer_id, due_date=due, method=ContactMethod.PHONE, **kw)


def test_logging_a_call_completes_the_planned_one_and_schedules_the_next(customer_file, company):
    planned = store.insert_follow_up(customer_file, plan(company.id, date(2026, 11, 20)))
    logged = service.log_contact(customer_file, call(company.id, contact_time="09:30", person="李经理",
                                                     outcome="同意续约"),
                                 completes=planned, next_follow_up=plan(company.id, date(2026, 12, 1)))
    assert not logged.errors
    assert store.contacts_of(customer_file, company.id) == [logged.contact]
    done = store.get_follow_up(customer_file, planned.id)
    assert done.state is FollowUpState.DONE and done.contact_id == logged.contact.id
    assert [f.due_date for f in store.follow_ups_of(customer_file, company.id)] == [date(2026, 12, 1),
                                                                                      date(2026, 11, 20)]
    assert [r.follow_up.id for r in service.due(customer_file, TODAY)] == []  # the next one is not due yet


def test_nothing_is_stored_when_the_next_follow_up_is_wrong(customer_file, company):
    logged = service.log_contact(customer_file, call(company.id, contact_time="25:00"),
                                 next_follow_up=plan(company.id, purpose=" "))
    assert {(e.field, e.code) for e in logged.errors} == {
        ("contact_time", ErrorCode.INVALID_TIME), ("next.purpose", ErrorCode.REQUIRED)}
    assert store.contacts_of(customer_file, company.id) == []
    assert store.follow_ups_of(customer_file, company.id) == []


def test_a_summary_is_required(customer_file, company):
    assert service.log_contact(customer_file, call(company.id, summary="  ")).errors[0].code is ErrorCode.REQUIRED


def test_rescheduling_keeps_the_old_date_in_the_change_log(customer_file, company):
    planned = store.insert_follow_up(customer_file, plan(company.id, date(2026, 11, 20), due_time="10:00"))
    moved = service.reschedule(customer_file, planned, date(2026, 11, 27))
    assert moved.due_date == date(2026, 11, 27) and moved.due_time == "10:00" and moved.row_version == 2
    changes = [(e.field, e.old, e.new) for e in change_log(customer_file, company.id) if e.action == "update"]
    assert ("due_date", "2026-11-20", "2026-11-27") in changes
    with pytest.raises(WriteError):
        service.reschedule(customer_file, planned, date(2026, 11, 28))  # the stale copy is refused


def test_the_today_list_is_due_and_overdue_planned_ones_of_live_customers(customer_file, company):
    person = customer_store.insert_customer(customer_file, make_person())
    gone = customer_store.insert_customer(customer_file, make_person(name="已删除"))
    store.insert_follow_up(customer_file, plan(company.id, date(2026, 11, 10)))
    store.insert_follow_up(customer_file, plan(person.id, TODAY, due_time="14:00"))
    store.insert_follow_up(customer_file, plan(person.id, date(2026, 11, 24)))  # tomorrow
    cancelled = store.insert_follow_up(customer_file, plan(person.id, date(2026, 11, 1)))
    service.close(customer_file, cancelled, FollowUpState.CANCELLED)
    store.insert_follow_up(customer_file, plan(gone.id, TODAY))
    customer_store.soft_delete_customer(customer_file, gone.id)
    rows = service.due(customer_file, TODAY)
    assert [(r.code, r.follow_up.due_date) for r in rows] == [(company.code, date(2026, 11, 10)),
                                                              (person.code, TODAY)]
    assert rows[0].follow_up.overdue_days(TODAY) == 13


def test_a_generated_key_is_unique_within_a_customer(customer_file, company):
    generated = plan(company.id, source=FollowUpSource.REVIEW, gen_key="review:2026Q4")
    store.insert_follow_up(customer_file, generated)
    with pytest.raises(WriteError):
        store.insert_follow_up(customer_file, generated)
    assert [f.gen_key for f in store.follow_ups_of(customer_file, company.id)] == ["review:2026Q4"]


def test_due_and_overdue_follow_ups_are_alerts(customer_file, company):
    from crmdesk.domain.alerts import AlertKind, Severity
    from crmdesk.services.alerts import compute_alerts

    store.insert_follow_up(customer_file, plan(company.id, TODAY))
    store.insert_follow_up(customer_file, plan(company.id, date(2026, 11, 16)))  # a week late: critical
    store.insert_follow_up(customer_file, plan(company.id, date(2026, 11, 24)))
    got = sorted((a.alert.kind, a.alert.severity, a.alert.numbers["days_overdue"])
                 for a in compute_alerts(customer_file, TODAY) if a.alert.group.value == "follow_up"
                 and a.alert.kind in (AlertKind.FOLLOW_UP_DUE, AlertKind.FOLLOW_UP_OVERDUE))
    assert got == [(AlertKind.FOLLOW_UP_DUE, Severity.INFO, 0), (AlertKind.FOLLOW_UP_OVERDUE, Severity.CRITICAL, 7)]


def test_cli_followups_json(customer_file, company, capsys):
    import json

    from crmdesk.cli import main

    store.insert_follow_up(customer_file, plan(company.id, date(2026, 11, 20), due_time="09:30", owner="王强"))
    store.insert_follow_up(customer_file, plan(company.id, date(2026, 11, 30)))
    customer_file.conn.commit()
    assert main(["followups", str(customer_file.path), "--today", "2026-11-23", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert {k: row[k] for k in ("code", "due", "method", "purpose", "state")} == {
        "code": company.code, "due": "2026-11-20", "method": "phone", "purpose": "确认十二月运价", "state": "planned"}
    assert row["days_overdue"] == 3 and row["time"] == "09:30"
    assert main(["followups", str(customer_file.path), "--today", "2026-11-01"]) == 0
    assert capsys.readouterr().out.strip() in ("no follow-ups due", "没有到期的跟进")


def test_cli_followups_to_an_ics_file(customer_file, company, tmp_path, capsys):
    from icalendar import Calendar

    from crmdesk.cli import main

    store.insert_follow_up(customer_file, plan(company.id, date(2026, 12, 1), due_time="10:00"))
    customer_file.conn.commit()
    out = tmp_path / "followups.ics"
    assert main(["followups", str(customer_file.path), "--today", "2026-11-23", "--ics", str(out)]) == 0
    assert "1" in capsys.readouterr().out
    [event] = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert "确认十二月运价" in str(event["SUMMARY"]) and event["DTSTART"].dt.hour == 10


def test_the_list_sorts_by_next_follow_up_and_last_contact(customer_file, company):
    from crmdesk.storage.customers import CustomerQuery, SortKey, customer_ids

    soon = customer_store.insert_customer(customer_file, make_person(name="下周"))
    none = customer_store.insert_customer(customer_file, make_person(name="没有计划"))
    store.insert_follow_up(customer_file, plan(company.id, date(2026, 12, 20)))
    store.insert_follow_up(customer_file, plan(soon.id, date(2026, 11, 30)))
    service.log_contact(customer_file, call(soon.id))
    assert customer_ids(customer_file, CustomerQuery(sort=SortKey.NEXT_FOLLOW_UP)) == [soon.id, company.id, none.id]
    by_contact = customer_ids(customer_file, CustomerQuery(sort=SortKey.LAST_CONTACT, descending=True))
    assert by_contact[0] == soon.id  # the only one contacted


def test_editing_a_logged_contact_or_a_follow_up_goes_through_the_same_checks(customer_file, company):
    from dataclasses import replace

    logged = service.log_contact(customer_file, call(company.id)).contact
    assert service.log_contact(customer_file, replace(logged, summary=" ")).errors[0].code is ErrorCode.REQUIRED
    edited = service.log_contact(customer_file, replace(logged, outcome="已付款")).contact
    assert store.contacts_of(customer_file, company.id) == [edited] and edited.row_version == 2
    planned = service.save_follow_up(customer_file, plan(company.id))
    assert service.save_follow_up(customer_file, replace(planned, due_time="9:3"))[0].code is ErrorCode.INVALID_TIME
    assert service.save_follow_up(customer_file, replace(planned, purpose="改")).purpose == "改"
