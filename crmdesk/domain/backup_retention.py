"""Which automatic backups to keep: thinned by day, week and month, the way Anki does.

Walking from the newest backup to the oldest, a backup is kept when it is
recent, or when it is the newest of a day, an ISO week or a month that no kept
backup covers yet and that level still has room.  So a year of daily use keeps
about 30 files, not 365, and the last weeks stay fine-grained.  Manual backups
("back up now" to a folder of the user's choice) are never thinned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class RetentionPolicy:
    recent: timedelta = timedelta(hours=24)  # every backup this young is kept
    days: int = 14  # then the newest of each of the last 14 days with a backup
    weeks: int = 8  # of 8 weeks
    months: int = 12  # of 12 months


DEFAULT_POLICY = RetentionPolicy()


def backups_to_delete(backups: Iterable[tuple[datetime, T]], now: datetime,
                      policy: RetentionPolicy = DEFAULT_POLICY) -> list[T]:
    """The items of ``backups`` (taken at, item) that the policy lets go, oldest first.

    Times are local wall-clock times (a day is the user's day) and comparable with ``now``.
    """
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    doomed = []
    for taken, item in sorted(backups, key=lambda pair: pair[0], reverse=True):
        day = taken.date()
        week = tuple(day.isocalendar())[:2]
        month = (day.year, day.month)
        if now - taken <= policy.recent:
            pass
        elif day not in days and len(days) < policy.days:
            pass
        elif week not in weeks and len(weeks) < policy.weeks:
            pass
        elif month not in months and len(months) < policy.months:
            pass
        else:
            doomed.append(item)
            continue
        days.add(day)
        weeks.add(week)
        months.add(month)
    doomed.reverse()
    return doomed
