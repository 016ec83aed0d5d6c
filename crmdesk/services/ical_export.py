"""Planned follow-ups as an iCalendar (.ics) file for a phone or Outlook calendar.

One VEVENT per planned follow-up; what a calendar app needs to *update* an
entry on the next import instead of adding a second one:

- ``UID`` is ``<follow-up uid>@crmdesk``.  It comes from the follow-up's own
  uid only (a random UUIDv7, unique across files), so neither the export
  window, the date, the text nor the exporting machine changes it.  The file
  itself has no stable id to add.
- ``SEQUENCE`` is ``row_version - 1`` (0 when first stored): every edit of the
  follow-up, a move above all, raises it, and calendar apps take the higher
  one as the newer version.
- ``DTSTAMP`` is the ``now`` the caller passes, in UTC; nothing here reads the
  clock, so the same file and the same ``now`` give the same bytes.

Times.  crmdesk stores "HH:MM" as the user's wall clock, and its users are in
China, so a timed follow-up starts at that local time with
``TZID=Asia/Shanghai`` (a VTIMEZONE built from zoneinfo is included) and lasts
30 minutes.  Nothing depends on the computer's own time zone: the output is
the same under TZ=UTC or TZ=America/New_York.  A follow-up without a time is an
all-day event (``DTSTART;VALUE=DATE``, ``DTEND`` the next day, shown as free).

Alarms.  Timed: a display alarm 15 minutes before (``-PT15M``).  All-day: a
display alarm at 09:00 on the day (``PT9H`` after the day starts, as Apple
Calendar writes its own all-day alarms); apps that cannot put an alarm after
the start (some Outlook versions) remind at the start of the day or not at all.

Overdue follow-ups keep their due date (in the past: their alarm does not ring).
Done and cancelled ones are not exported; an import never deletes what an
earlier import added, so the user removes those in the calendar app.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from crmdesk.domain.followups import ContactMethod, FollowUp
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.followups import DueRow, planned_between

PRODID = "-//crmdesk//crmdesk//ZH"
CALENDAR_NAME = "crmdesk 跟进"
ZONE_NAME = "Asia/Shanghai"
ZONE = ZoneInfo(ZONE_NAME)
UID_DOMAIN = "crmdesk"
DURATION = timedelta(minutes=30)
TIMED_ALARM = timedelta(minutes=-15)  # before the start
ALL_DAY_ALARM = timedelta(hours=9)  # 09:00 on the day (after the day's start)

# The summary's first word: what to do.
ACTIONS = {
    ContactMethod.VISIT: "上门拜访",
    ContactMethod.PHONE: "电话回访",
    ContactMethod.LETTER: "寄信",
    ContactMethod.WECHAT: "微信回访",
    ContactMethod.EMAIL: "邮件回访",
    ContactMethod.QQ: "QQ回访",
    ContactMethod.SMS: "短信回访",
    ContactMethod.ONLINE: "网上回访",
}
# The description's 方式 line.
METHODS = {
    ContactMethod.VISIT: "登门拜访",
    ContactMethod.PHONE: "电话",
    ContactMethod.LETTER: "信件",
    ContactMethod.WECHAT: "微信",
    ContactMethod.EMAIL: "电子邮件",
    ContactMethod.QQ: "QQ",
    ContactMethod.SMS: "短信",
    ContactMethod.ONLINE: "网络",
}

# The VTIMEZONE covers at least these years (Asia/Shanghai has had no change since 1991).
_ZONE_FROM = date(2000, 1, 1)
_ZONE_UNTIL = date(2038, 1, 1)


def event_uid(follow_up: FollowUp) -> str:
    """The calendar UID of a follow-up: the same on every export, from its uid alone."""
    if not follow_up.uid:
        raise ValueError("a follow-up must be stored (have a uid) before it is exported")
    return f"{follow_up.uid}@{UID_DOMAIN}"


def summary_of(row: DueRow) -> str:
    """电话回访 KH000012 宁波通万物流 — 确认十二月运价"""
    f = row.follow_up
    return f"{ACTIONS[f.method]} {row.code} {row.name} — {f.purpose}"


def description_of(row: DueRow) -> str:
    f = row.follow_up
    return "\n".join((
        f"客户：{row.code} {row.name}",
        f"方式：{METHODS[f.method]}",
        f"事项：{f.purpose}",
        f"负责人：{f.owner or '未指定'}",
    ))


def _start(f: FollowUp) -> date | datetime:
    if f.due_time is None:
        return f.due_date
    hours, minutes = (int(part) for part in f.due_time.split(":"))
    return datetime.combine(f.due_date, time(hours, minutes), tzinfo=ZONE)


def _event(row: DueRow, stamp: datetime) -> Event:
    f = row.follow_up
    start = _start(f)
    timed = isinstance(start, datetime)
    summary = summary_of(row)
    event = Event()
    event.add("uid", event_uid(f))
    event.add("dtstamp", stamp)
    event.add("sequence", max(0, f.row_version - 1))
    event.add("summary", summary)
    event.add("description", description_of(row))
    event.add("dtstart", start)
    event.add("dtend", start + DURATION if timed else start + timedelta(days=1))
    event.add("transp", "OPAQUE" if timed else "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", TIMED_ALARM if timed else ALL_DAY_ALARM)
    event.add_component(alarm)
    return event


def _order(row: DueRow) -> tuple:
    f = row.follow_up
    return f.due_date, f.due_time or "", row.code, f.uid


def calendar_of(rows: Iterable[DueRow], now: datetime) -> Calendar:
    """The VCALENDAR of these follow-ups (pure: no file, no clock; ``now`` becomes every DTSTAMP)."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must carry a time zone (DTSTAMP is written in UTC)")
    stamp = now.astimezone(timezone.utc)
    rows = sorted(rows, key=_order)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    calendar.add("x-wr-timezone", ZONE_NAME)
    for row in rows:
        calendar.add_component(_event(row, stamp))
    if any(r.follow_up.due_time is not None for r in rows):
        days = [r.follow_up.due_date for r in rows]
        calendar.add_missing_timezones(first_date=min(_ZONE_FROM, min(days)),
                                       last_date=max(_ZONE_UNTIL, max(days) + timedelta(days=1)))
    return calendar


def follow_ups_to_export(cf: CustomerFile, today: date, *, days_ahead: int = 90,
                         include_overdue: bool = True) -> list[DueRow]:
    """Planned follow-ups due up to ``days_ahead`` days after ``today`` (and, if asked, the overdue ones)."""
    if days_ahead < 0:
        raise ValueError("days_ahead must not be negative")
    return planned_between(cf, None if include_overdue else today, today + timedelta(days=days_ahead))


def write_atomically(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place.

    A failure leaves ``path`` as it was (absent or the previous export) and no temporary file.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def export_follow_ups(cf: CustomerFile, path: str | os.PathLike, today: date, *, days_ahead: int = 90,
                      include_overdue: bool = True, now: datetime) -> int:
    """Write the planned follow-ups to ``path`` as an .ics file; how many events it holds.

    ``now`` (time-zone aware) is the export's moment, passed in by the caller.
    """
    rows = follow_ups_to_export(cf, today, days_ahead=days_ahead, include_overdue=include_overdue)
    write_atomically(path, calendar_of(rows, now).to_ical())
    return len(rows)
