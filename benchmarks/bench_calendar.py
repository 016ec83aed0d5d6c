"""Follow-up calendar speed on 100,000 customers with 300,000 planned follow-ups (issue: the calendar,
target: the month view renders in <= 200 ms).

    .venv/bin/python benchmarks/bench_calendar.py [--customers N] [--orders M] [--follow-ups F] [--runs R]

The generated data file is copied (SQLite backup API) into a temporary folder and the
follow-ups, spread over a year either side of today, are added to the copy in one
transaction.  Prints `name: value unit` lines (medians of R runs):
  month_view_data          services.calendar.month: the 42 days' follow-up counts, overdue marks,
                           birthday/anniversary counts and working days
  day_items                one day's follow-ups and occasions (the list beside the grid)
  agenda_7_days            the week view's seven days of items
  month_view_render        FollowUpCalendar offscreen: go to another month (data, the grid, the
                           chosen day's list) and grab() the widget, which paints it
  follow_ups_per_day       planned follow-ups on the busiest day of the month shown (a sanity figure)
The month-day indexes of birthdays and anniversaries (migration 0007) are in the file.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import uuid
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SEED, TODAY, data_file, median_seconds, report  # noqa: E402

from crmdesk.services import calendar  # noqa: E402
from crmdesk.storage.customer_file import CustomerFile  # noqa: E402

# What the calendar's month-day queries are written for (storage/calendar.py); proposed as a migration.
PURPOSES = ("确认十二月运价", "寄送合同", "季度业务回顾", "催收货款", "新品介绍", "满意度回访")
OWNERS = ("王强", "李娜", "张伟", None)


def copy_file(source: Path, folder: Path) -> Path:
    """A consistent copy of the shared data file (never a plain file copy of a live SQLite file)."""
    target = folder / source.name
    src, dst = sqlite3.connect(f"file:{source}?mode=ro", uri=True), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target


def add_follow_ups(cf: CustomerFile, count: int, rnd: random.Random) -> None:
    """``count`` planned follow-ups of live customers, due within a year either side of today."""
    ids = [r[0] for r in cf.execute("SELECT id FROM customers WHERE deleted_at IS NULL")]
    now = cf.now()
    days = [(TODAY + timedelta(days=d)).isoformat() for d in range(-365, 366)]
    times = (None, None, "09:30", "10:00", "14:00", "16:15")
    rows = [
        (uuid.uuid4().hex, rnd.choice(ids), rnd.choice(days), rnd.choice(times), "phone", rnd.choice(PURPOSES),
         rnd.choice(OWNERS), "planned", None, "manual", None, now, now, 1, None)
        for _ in range(count)
    ]
    with cf.transaction():
        cf.conn.executemany(
            "INSERT INTO follow_ups (uid, customer_id, due_date, due_time, method, purpose, owner, state, contact_id, "
            "source, gen_key, created_at, updated_at, row_version, deleted_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def measure(cf: CustomerFile, runs: int) -> None:
    from PySide6.QtWidgets import QApplication

    from crmdesk.ui.calendar.calendar_access import CalendarAccess
    from crmdesk.ui.calendar.calendar_view import FollowUpCalendar
    
    report("month_view_data", 1000 * median_seconds(lambda: calendar.month(cf, 2026, 11, TODAY), runs), "ms")
    report("day_items", 1000 * median_seconds(lambda: calendar.day_items(cf, TODAY, TODAY), runs), "ms")
    report("agenda_7_days",
           1000 * median_seconds(lambda: calendar.agenda(cf, TODAY, 7, TODAY), runs), "ms")

    app = QApplication.instance() or QApplication([])
    widget = FollowUpCalendar(CalendarAccess(cf, TODAY))
    widget.resize(1100, 640)
    widget.show()
    app.processEvents()
    days = iter([date(2026, 12, 23), TODAY] * runs)

    def render() -> None:
        widget.select_day(next(days))  # another month each run: nothing is reused
        widget.grab()

    render()  # warm-up: first paint, fonts
    report("month_view_render", 1000 * median_seconds(render, runs), "ms")
    view = widget.month_view()
    report("follow_ups_per_day", max(d.follow_ups for d in view.days), "follow-ups")
    widget.close()
    widget.deleteLater()
    app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--follow-ups", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    source = data_file(args.customers, args.orders)
    with tempfile.TemporaryDirectory() as tmp:
        path = copy_file(source, Path(tmp))
        with CustomerFile.open(path, backup_dir=Path(tmp)) as cf:
            add_follow_ups(cf, args.follow_ups, random.Random(SEED))
            measure(cf, args.runs)


if __name__ == "__main__":
    main()
