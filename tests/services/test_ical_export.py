"""Follow-ups to an .ics file: stable UIDs, local times in Asia/Shanghai, atomic writes, no machine zone."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from crmdesk.domain.followups import Contact, ContactMethod, FollowUp, FollowUpState
from crmdesk.services import followups as service
from crmdesk.services.ical_export import calendar_of, export_follow_ups
from crmdesk.storage import customers as customer_store
from crmdesk.storage import followups as store
from crmdesk.storage.followups import DueRow
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 16, 45, tzinfo=ZoneInfo("Asia/Shanghai"))  # 08:45 UTC
SHANGHAI = ZoneInfo("Asia/Shanghai")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def company(customer_file):
    return customer_store.insert_customer(customer_file, make_company(name="宁波通万物流", owner="王强"))


@pytest.fixture
def person(customer_file):
    return customer_store.insert_customer(customer_file, make_person())


def plan(cf, customer_id, due, time=None, purpose="确认十二月运价", method=ContactMethod.PHONE, owner="王强"):
    return store.insert_follow_up(cf, FollowUp(customer_id=customer_id, due_date=due, method=method,
                                               purpose=purpose, due_time=time, owner=owner))


def export(cf, path, **kw):
    kw.setdefault("now", NOW)
    count = export_follow_ups(cf, path, TODAY, **kw)
    return count, Calendar.from_ical(Path(path).read_bytes())


def events(calendar):
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_timed_and_all_day_follow_ups_become_events(customer_file, company, person, tmp_path):
    timed = plan(customer_file, company.id, date(2026, 11, 25), "09:30")
    all_day = plan(customer_file, person.id, date(2026, 12, 1), purpose="送生日礼物", method=ContactMethod.VISIT,
                   owner=None)
    count, cal = export(customer_file, tmp_path / "f.ics")

    assert count == 2
    assert str(cal["PRODID"]) == "-//crmdesk//crmdesk//ZH"
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["X-WR-CALNAME"]) == "crmdesk 跟进"
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    found = events(cal)
    assert set(found) == {f"{timed.uid}@crmdesk", f"{all_day.uid}@crmdesk"}

    e = found[f"{timed.uid}@crmdesk"]
    start = e.decoded("DTSTART")
    assert start == datetime(2026, 11, 25, 9, 30, tzinfo=SHANGHAI)
    assert start.tzinfo.key == "Asia/Shanghai"
    assert e["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert e.decoded("DTEND") - start == timedelta(minutes=30)
    assert company.code in str(e["SUMMARY"]) and "确认十二月运价" in str(e["SUMMARY"])
    assert str(e["SUMMARY"]) == f"电话回访 {company.code} 宁波通万物流 — 确认十二月运价"
    assert "负责人：王强" in str(e["DESCRIPTION"]) and "方式：电话" in str(e["DESCRIPTION"])
    assert e.decoded("DTSTAMP") == datetime(2026, 11, 23, 8, 45, tzinfo=timezone.utc)
    assert e.decoded("SEQUENCE") == 0
    [alarm] = e.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY" and alarm.decoded("TRIGGER") == timedelta(minutes=-15)

    e = found[f"{all_day.uid}@crmdesk"]
    assert type(e.decoded("DTSTART")) is date and e.decoded("DTSTART") == date(2026, 12, 1)
    assert e["DTSTART"].params.get("VALUE") == "DATE"
    assert e.decoded("DTEND") == date(2026, 12, 2)
    assert str(e["SUMMARY"]).startswith(f"上门拜访 {person.code} 张三")
    assert "负责人：未指定" in str(e["DESCRIPTION"])
    [alarm] = e.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(hours=9)  # 09:00 on the day


def test_exporting_again_gives_the_same_uids_and_bytes(customer_file, company, tmp_path):
    plan(customer_file, company.id, date(2026, 11, 25), "09:30")
    plan(customer_file, company.id, date(2026, 11, 25))
    export(customer_file, tmp_path / "a.ics")
    export(customer_file, tmp_path / "b.ics")
    assert (tmp_path / "a.ics").read_bytes() == (tmp_path / "b.ics").read_bytes()
    later = datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc)
    _, first = export(customer_file, tmp_path / "a.ics")
    _, second = export(customer_file, tmp_path / "a.ics", now=later)  # overwrites the earlier export
    assert set(events(first)) == set(events(second)) and len(events(second)) == 2


def test_a_moved_follow_up_keeps_its_uid_and_gets_a_higher_sequence(customer_file, company, tmp_path):
    planned = plan(customer_file, company.id, date(2026, 11, 25), "09:30")
    _, before = export(customer_file, tmp_path / "f.ics")
    moved = service.reschedule(customer_file, planned, date(2026, 11, 27), "14:00")
    _, after = export(customer_file, tmp_path / "f.ics")

    uid = f"{planned.uid}@crmdesk"
    assert set(events(before)) == set(events(after)) == {uid}
    old, new = events(before)[uid], events(after)[uid]
    assert new.decoded("SEQUENCE") > old.decoded("SEQUENCE")
    assert new.decoded("SEQUENCE") == moved.row_version - 1
    assert new.decoded("DTSTART") == datetime(2026, 11, 27, 14, 0, tzinfo=SHANGHAI)


def test_done_and_cancelled_ones_are_left_out(customer_file, company, tmp_path):
    kept = plan(customer_file, company.id, date(2026, 11, 25))
    service.close(customer_file, plan(customer_file, company.id, date(2026, 11, 26)), FollowUpState.CANCELLED)
    done = plan(customer_file, company.id, date(2026, 11, 27))
    call = Contact(customer_id=company.id, contact_date=TODAY, method=ContactMethod.PHONE, summary="已确认运价")
    assert not service.log_contact(customer_file, call, completes=done).errors
    count, cal = export(customer_file, tmp_path / "f.ics")
    assert count == 1 and set(events(cal)) == {f"{kept.uid}@crmdesk"}


def test_the_window_and_overdue_ones(customer_file, company, tmp_path):
    overdue = plan(customer_file, company.id, date(2026, 11, 1), "10:00")
    soon = plan(customer_file, company.id, TODAY + timedelta(days=90))
    plan(customer_file, company.id, TODAY + timedelta(days=91))  # beyond the window
    _, cal = export(customer_file, tmp_path / "f.ics")
    assert set(events(cal)) == {f"{overdue.uid}@crmdesk", f"{soon.uid}@crmdesk"}
    _, cal = export(customer_file, tmp_path / "f.ics", include_overdue=False, days_ahead=7)
    assert set(events(cal)) == set()
    with pytest.raises(ValueError):
        export(customer_file, tmp_path / "f.ics", days_ahead=-1)


def test_an_empty_export_is_a_valid_calendar(customer_file, tmp_path):
    count, cal = export(customer_file, tmp_path / "f.ics")
    assert count == 0 and cal.name == "VCALENDAR" and list(cal.walk("VEVENT")) == []


def test_calendar_of_is_pure_and_wants_an_aware_now():
    row = DueRow(FollowUp(1, date(2026, 12, 1), ContactMethod.WECHAT, "发报价单", "08:05", uid="u-1",
                          row_version=3), "KH000001", "张三")
    cal = calendar_of([row], datetime(2026, 11, 23, 8, 30, tzinfo=timezone.utc))
    [e] = cal.walk("VEVENT")
    assert str(e["UID"]) == "u-1@crmdesk" and e.decoded("SEQUENCE") == 2
    assert str(e["SUMMARY"]) == "微信回访 KH000001 张三 — 发报价单"
    with pytest.raises(ValueError):
        calendar_of([row], datetime(2026, 11, 23, 8, 30))
    with pytest.raises(ValueError):
        calendar_of([row._replace(follow_up=FollowUp(1, date(2026, 12, 1), ContactMethod.SMS, "x"))],
                    datetime(2026, 11, 23, tzinfo=timezone.utc))


_EXPORT_SCRIPT = """
import sys
from datetime import date, datetime, timezone
from crmdesk.services.files import reading
from crmdesk.services.ical_export import export_follow_ups
with reading(sys.argv[1]) as cf:
    export_follow_ups(cf, sys.argv[2], date(2026, 11, 23), now=datetime(2026, 11, 23, 8, 45, tzinfo=timezone.utc))
"""


def test_the_output_does_not_depend_on_the_machines_time_zone(customer_file, company, person, tmp_path):
    plan(customer_file, company.id, date(2026, 11, 25), "09:30")
    plan(customer_file, company.id, date(2026, 11, 25), "23:30")  # the next day in UTC, the day before in New York
    plan(customer_file, person.id, date(2026, 12, 1))
    plan(customer_file, person.id, date(2026, 11, 20), "00:15")
    export(customer_file, tmp_path / "here.ics")
    outputs = {}
    for zone in ("UTC", "Asia/Shanghai", "America/New_York"):
        out = tmp_path / f"{zone.replace('/', '_')}.ics"
        env = {**os.environ, "TZ": zone, "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-c", _EXPORT_SCRIPT, str(customer_file.path), str(out)],
                       check=True, env=env, cwd=ROOT, timeout=60)
        outputs[zone] = out.read_bytes()
    assert len(set(outputs.values())) == 1
    assert outputs["UTC"] == (tmp_path / "here.ics").read_bytes()
    assert b"DTSTART;TZID=Asia/Shanghai:20261125T233000" in outputs["America/New_York"]


def test_a_failed_write_leaves_no_file(customer_file, company, tmp_path):
    plan(customer_file, company.id, date(2026, 11, 25), "09:30")
    with pytest.raises(FileNotFoundError):
        export_follow_ups(customer_file, tmp_path / "missing" / "f.ics", TODAY, now=NOW)
    assert not (tmp_path / "missing").exists()

    # The rename fails (the target is a folder): the temporary file is removed.
    folder = tmp_path / "out"
    (folder / "f.ics").mkdir(parents=True)
    with pytest.raises(OSError):
        export_follow_ups(customer_file, folder / "f.ics", TODAY, now=NOW)
    assert [p.name for p in folder.iterdir()] == ["f.ics"]


def test_a_failed_export_keeps_the_previous_file(customer_file, company, tmp_path, monkeypatch):
    plan(customer_file, company.id, date(2026, 11, 25), "09:30")
    target = tmp_path / "f.ics"
    export(customer_file, target)
    before = target.read_bytes()
    plan(customer_file, company.id, date(2026, 11, 26))

    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr("crmdesk.services.ical_export.os.replace", broken)
    with pytest.raises(OSError, match="disk full"):
        export_follow_ups(customer_file, target, TODAY, now=NOW)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
