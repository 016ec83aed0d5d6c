"""crmdesk.domain.backup_retention: the thinning rules, pinned (as Anki pins its own)."""

from __future__ import annotations

from datetime import datetime, timedelta

from crmdesk.domain.backup_retention import RetentionPolicy, backups_to_delete

NOW = datetime(2026, 11, 23, 18, 0)


def _kept(times, now=NOW, policy=RetentionPolicy()):
    doomed = set(backups_to_delete([(t, t) for t in times], now, policy))
    return sorted((t for t in times if t not in doomed), reverse=True)


def test_thinning_keeps_every_backup_of_the_last_day():
    times = [NOW - timedelta(minutes=30 * k) for k in range(49)]  # 24 h, every half hour

    assert _kept(times) == sorted(times, reverse=True)


def test_thinning_keeps_the_newest_backup_of_each_day_then_week_then_month():
    # Three backups a day (9:00, 13:00, 17:00) for a year; now is Monday 23 November 18:00.
    times = [datetime(2026, 11, 23, h) - timedelta(days=d) for d in range(365) for h in (9, 13, 17)]

    kept = _kept(times)

    at_five = [datetime(2026, 11, day, 17) for day in range(22, 9, -1)]  # 22nd … 10th: 14 days with today
    assert kept == [
        datetime(2026, 11, 23, 17), datetime(2026, 11, 23, 13), datetime(2026, 11, 23, 9),  # the last 24 h
        *at_five,
        # Those days cover ISO weeks 48 to 46; the newest of weeks 45 … 41 makes 8 weeks.
        # 31 October is the first of October (a month not yet covered): kept as a month.
        datetime(2026, 11, 8, 17), datetime(2026, 11, 1, 17), datetime(2026, 10, 31, 17),
        datetime(2026, 10, 25, 17), datetime(2026, 10, 18, 17), datetime(2026, 10, 11, 17),
        # Then the newest of each month until 12 months are covered.
        datetime(2026, 9, 30, 17), datetime(2026, 8, 31, 17), datetime(2026, 7, 31, 17),
        datetime(2026, 6, 30, 17), datetime(2026, 5, 31, 17), datetime(2026, 4, 30, 17),
        datetime(2026, 3, 31, 17), datetime(2026, 2, 28, 17), datetime(2026, 1, 31, 17),
        datetime(2025, 12, 31, 17),
    ]


def test_thinning_counts_days_that_have_backups_not_calendar_days():
    # Used once a month: nothing is thinned for a long time.
    times = [datetime(2025, 12, 5, 10)] + [datetime(2026, m, 5, 10) for m in range(1, 12)]

    assert _kept(times) == sorted(times, reverse=True)


def test_thinning_never_deletes_the_newest_backup_however_old():
    times = [datetime(2020, 1, 1), datetime(2019, 1, 1, 10), datetime(2019, 1, 1, 9)]

    assert _kept(times) == [datetime(2020, 1, 1), datetime(2019, 1, 1, 10)]


def test_thinning_returns_the_items_oldest_first_whatever_the_input_order():
    times = [datetime(2026, 11, 1, h) for h in (12, 9, 15, 10)]

    doomed = backups_to_delete([(t, t.hour) for t in times], NOW)

    assert doomed == [9, 10, 12]  # the 15:00 one is the newest of 1 November


def test_thinning_with_a_stricter_policy():
    policy = RetentionPolicy(recent=timedelta(0), days=2, weeks=0, months=0)
    times = [NOW - timedelta(days=d) for d in range(5)]

    assert _kept(times, policy=policy) == times[:2]
