"""The win-back plan, the lifecycle step of an order, and the win-back rate (domain.win_back)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from crmdesk.domain.customer import LifecycleStatus as S
from crmdesk.domain.followups import ContactMethod, FollowUpSource, FollowUpState
from crmdesk.domain.win_back import (
    PLAN,
    LifecycleChange,
    WinBackEpisode,
    WinBackRate,
    WinBackReason,
    after_order,
    plan_follow_ups,
    step_key,
    win_back_rate,
)

LOST = date(2026, 11, 23)


def _episode(lost_on=LOST, won_back_on=None, uid="u1"):
    return WinBackEpisode(7, lost_on, WinBackReason.CHURN, won_back_on, uid=uid, id=1, row_version=1)


def test_the_plan_calls_at_once_offers_after_a_week_and_checks_after_a_month():
    made = plan_follow_ups(_episode(), owner="王强")
    assert [(f.due_date, f.method, f.purpose) for f in made] == [
        (date(2026, 11, 23), ContactMethod.PHONE, "挽回：电话了解流失原因"),
        (date(2026, 11, 30), ContactMethod.VISIT, "挽回：提供优惠或上门拜访"),
        (date(2026, 12, 23), ContactMethod.PHONE, "挽回：回访确认是否恢复合作"),
    ]
    assert {(f.customer_id, f.owner, f.source, f.state) for f in made} == {
        (7, "王强", FollowUpSource.WIN_BACK, FollowUpState.PLANNED)}
    assert [f.gen_key for f in made] == ["win_back:u1:0", "win_back:u1:7", "win_back:u1:30"]


def test_the_keys_are_the_same_every_time_and_differ_between_episodes():
    assert [f.gen_key for f in plan_follow_ups(_episode())] == [f.gen_key for f in plan_follow_ups(_episode())]
    assert not {f.gen_key for f in plan_follow_ups(_episode(uid="u1"))} & {
        f.gen_key for f in plan_follow_ups(_episode(uid="u2"))}
    assert step_key("u9", PLAN[1]) == "win_back:u9:7"


def test_an_episode_not_yet_stored_has_no_plan():
    with pytest.raises(ValueError):
        plan_follow_ups(WinBackEpisode(7, LOST, WinBackReason.MANUAL))


@pytest.mark.parametrize("status, episode, day, expected", [
    (S.PROSPECT, None, LOST, LifecycleChange(S.ACTIVE)),
    (S.ACTIVE, None, LOST, LifecycleChange(None)),
    (S.WON_BACK, None, LOST, LifecycleChange(None)),
    (S.LOST, None, LOST, LifecycleChange(S.WON_BACK)),  # set lost by hand: any new order wins it back
    (S.LOST, _episode(), LOST, LifecycleChange(S.WON_BACK, wins_back=True)),  # the day it was lost counts
    (S.LOST, _episode(), date(2027, 1, 5), LifecycleChange(S.WON_BACK, wins_back=True)),
    (S.LOST, _episode(), date(2026, 11, 22), LifecycleChange(None)),  # bought before it was lost, entered late
    (S.ACTIVE, _episode(), LOST, LifecycleChange(S.WON_BACK, wins_back=True)),  # status edited, episode open
    (S.WON_BACK, _episode(), LOST, LifecycleChange(None, wins_back=True)),
], ids=str)
def test_a_new_order_moves_the_lifecycle(status, episode, day, expected):
    assert after_order(status, episode, day) == expected


def test_the_rate_is_exact_and_counts_episodes_by_the_day_they_were_lost():
    episodes = [
        _episode(date(2026, 1, 10), date(2026, 2, 1)),
        _episode(date(2026, 3, 31), None),
        _episode(date(2026, 4, 1), date(2026, 12, 1)),  # won back after the period: still counts in it
        _episode(date(2026, 6, 30), None),
        _episode(date(2026, 7, 1), date(2026, 7, 2)),
    ]
    everything = win_back_rate(episodes)
    assert (everything.started, everything.won_back, everything.open) == (5, 3, 2)
    assert everything.rate == Fraction(3, 5)
    second_quarter = win_back_rate(episodes, date(2026, 4, 1), date(2026, 6, 30))
    assert second_quarter == WinBackRate(2, 1) and second_quarter.rate == Fraction(1, 2)
    assert win_back_rate(episodes, date(2026, 8, 1), None) == WinBackRate(0, 0)
    assert WinBackRate(0, 0).rate is None
    assert win_back_rate(episodes, None, date(2026, 3, 31)).rate == Fraction(1, 2)
