"""Win-back through the services: the plan, the lifecycle step of an order (atomic with it), the rate."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest

from crmdesk.domain.customer import LifecycleStatus
from crmdesk.domain.followups import FollowUpSource, FollowUpState
from crmdesk.domain.orders import Order
from crmdesk.domain.win_back import LifecycleChange, WinBackEpisode, WinBackRate, WinBackReason
from crmdesk.services import ledger
from crmdesk.services import win_back as service
from crmdesk.storage import customers as customer_store
from crmdesk.storage import followups as follow_up_store
from crmdesk.storage import orders as order_store
from crmdesk.storage import win_backs as store
from crmdesk.storage.change_log import change_log
from crmdesk.storage.customer_file import WriteError, WriteProblem
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)


def _order(customer_id, day=TODAY, amount=120_000):
    return Order(customer_id=customer_id, order_date=day, product="整车 上海→成都", quantity=1, amount=amount)


def _status(cf, customer_id):
    return customer_store.get_customer(cf, customer_id).status


def _status_lines(cf, customer_id):
    return [(e.old, e.new) for e in change_log(cf, customer_id) if e.field == "status"]


@pytest.fixture
def company(customer_file):
    return customer_store.insert_customer(customer_file, make_company(owner="王强"))


def test_starting_a_plan_records_the_loss_and_plans_three_follow_ups(customer_file, company):
    started = service.start_win_back(customer_file, company.id, TODAY, WinBackReason.CHURN)
    assert started.status_changed and not started.already_open and started.follow_ups_added == 3
    assert (started.episode.lost_on, started.episode.reason, started.episode.won_back_on) == (
        TODAY, WinBackReason.CHURN, None)
    assert _status(customer_file, company.id) is LifecycleStatus.LOST
    assert _status_lines(customer_file, company.id) == [("active", "lost")]
    planned = follow_up_store.follow_ups_of(customer_file, company.id)
    assert [(f.due_date, f.purpose, f.owner, f.source, f.state) for f in planned] == [
        (TODAY, "挽回：电话了解流失原因", "王强", FollowUpSource.WIN_BACK, FollowUpState.PLANNED),
        (TODAY + timedelta(days=7), "挽回：提供优惠或上门拜访", "王强", FollowUpSource.WIN_BACK, FollowUpState.PLANNED),
        (TODAY + timedelta(days=30), "挽回：回访确认是否恢复合作", "王强", FollowUpSource.WIN_BACK,
         FollowUpState.PLANNED),
    ]
    assert [e.entity for e in change_log(customer_file, company.id)].count("follow_up") == 3


def test_starting_again_never_duplicates_even_a_day_later_or_after_a_step_was_deleted(customer_file, company):
    first = service.start_win_back(customer_file, company.id, TODAY)
    follow_up_store.delete_follow_up(customer_file, follow_up_store.follow_ups_of(customer_file, company.id)[0])
    again = service.start_win_back(customer_file, company.id, TODAY + timedelta(days=1), WinBackReason.CHURN)
    assert again.already_open and not again.status_changed and again.follow_ups_added == 0
    assert again.episode == first.episode
    assert len(store.episodes_of(customer_file, company.id)) == 1
    assert len(follow_up_store.follow_ups_of(customer_file, company.id)) == 2


def test_a_customer_in_the_recycle_bin_gets_no_plan(customer_file, company):
    customer_store.soft_delete_customer(customer_file, company.id)
    with pytest.raises(WriteError) as e:
        service.start_win_back(customer_file, company.id, TODAY)
    assert e.value.problem is WriteProblem.CONFLICT
    assert store.episodes_of(customer_file, company.id) == []


def test_a_lost_customer_who_buys_again_is_won_back_and_the_episode_names_the_order(customer_file, company):
    service.start_win_back(customer_file, company.id, date(2026, 11, 1))
    result = ledger.save_order(customer_file, _order(company.id, date(2026, 11, 20)), TODAY)
    assert result.lifecycle == LifecycleChange(LifecycleStatus.WON_BACK, wins_back=True)
    assert _status(customer_file, company.id) is LifecycleStatus.WON_BACK
    (episode,) = store.episodes_of(customer_file, company.id)
    assert (episode.won_back_on, episode.order_id) == (date(2026, 11, 20), result.order.id)
    assert _status_lines(customer_file, company.id) == [("active", "lost"), ("lost", "won_back")]
    # The next order changes nothing more.
    assert ledger.save_order(customer_file, _order(company.id), TODAY).lifecycle == LifecycleChange(None)
    assert store.open_episode(customer_file, company.id) is None


def test_an_order_dated_before_the_loss_does_not_win_the_customer_back(customer_file, company):
    service.start_win_back(customer_file, company.id, TODAY)
    result = ledger.save_order(customer_file, _order(company.id, TODAY - timedelta(days=3)), TODAY)
    assert result.order is not None and not result.lifecycle.changes
    assert _status(customer_file, company.id) is LifecycleStatus.LOST
    assert store.open_episode(customer_file, company.id) is not None


def test_a_prospects_first_order_makes_it_active(customer_file):
    prospect = customer_store.insert_customer(customer_file, make_person(status=LifecycleStatus.PROSPECT))
    result = ledger.save_order(customer_file, _order(prospect.id), TODAY)
    assert result.lifecycle == LifecycleChange(LifecycleStatus.ACTIVE)
    assert _status(customer_file, prospect.id) is LifecycleStatus.ACTIVE
    assert _status_lines(customer_file, prospect.id) == [("prospect", "active")]


def test_a_customer_set_lost_by_hand_is_won_back_by_any_new_order(customer_file, company):
    customer_store.update_customer(customer_file, company.with_changes(status=LifecycleStatus.LOST))
    ledger.save_order(customer_file, _order(company.id), TODAY)
    assert _status(customer_file, company.id) is LifecycleStatus.WON_BACK


def test_editing_an_order_moves_nobody(customer_file):
    prospect = customer_store.insert_customer(customer_file, make_person(status=LifecycleStatus.PROSPECT))
    stored = order_store.insert_order(customer_file, _order(prospect.id))  # e.g. imported
    edited = ledger.save_order(customer_file, Order(**{**stored.__dict__, "amount": 1}), TODAY)
    assert edited.order.amount == 1 and not edited.lifecycle.changes
    assert _status(customer_file, prospect.id) is LifecycleStatus.PROSPECT


def test_a_failing_order_write_leaves_the_status_and_the_episode_as_they_were(customer_file, company):
    service.start_win_back(customer_file, company.id, TODAY)
    customer_file.execute("CREATE TEMP TRIGGER no_orders BEFORE INSERT ON main.orders "
                          "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    with pytest.raises(WriteError):
        ledger.save_order(customer_file, _order(company.id), TODAY)
    assert _status(customer_file, company.id) is LifecycleStatus.LOST
    assert store.open_episode(customer_file, company.id) is not None


def test_a_failing_lifecycle_write_takes_the_order_back_with_it(customer_file, company):
    service.start_win_back(customer_file, company.id, TODAY)
    customer_file.execute("CREATE TEMP TRIGGER no_win_backs BEFORE UPDATE ON main.win_backs "
                          "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    with pytest.raises(WriteError):
        ledger.save_order(customer_file, _order(company.id), TODAY)
    assert order_store.orders_of(customer_file, company.id) == []
    assert _status(customer_file, company.id) is LifecycleStatus.LOST
    assert store.open_episode(customer_file, company.id) is not None


def test_the_rate_counts_episodes_by_the_day_they_were_lost_and_by_owner(customer_file, company):
    other = customer_store.insert_customer(customer_file, make_person(owner="李娜"))
    third = customer_store.insert_customer(customer_file, make_person(name="王五", owner="李娜"))
    service.start_win_back(customer_file, company.id, date(2026, 10, 5))
    ledger.save_order(customer_file, _order(company.id, date(2026, 11, 2)), TODAY)
    service.start_win_back(customer_file, company.id, date(2026, 11, 10))  # lost again: a second episode
    service.start_win_back(customer_file, other.id, date(2026, 11, 12))
    ledger.save_order(customer_file, _order(other.id, date(2026, 11, 20)), TODAY)
    service.start_win_back(customer_file, third.id, date(2026, 9, 30))
    everyone = service.rate(customer_file)
    assert everyone == WinBackRate(4, 2) and everyone.rate == Fraction(1, 2)
    assert service.rate(customer_file, date(2026, 10, 1), date(2026, 11, 30)) == WinBackRate(3, 2)
    assert service.rate(customer_file, owner="李娜") == WinBackRate(2, 1)
    assert service.rate(customer_file, date(2026, 11, 1), date(2026, 11, 30), "王强") == WinBackRate(1, 0)
    customer_store.soft_delete_customer(customer_file, third.id)
    assert service.rate(customer_file) == WinBackRate(3, 2)


def test_an_order_ends_every_open_episode_it_comes_after(customer_file, company):
    """Two open episodes: a merge moved the other customer's to this one."""
    store.insert_episode(customer_file, WinBackEpisode(company.id, date(2026, 10, 1), WinBackReason.CHURN))
    store.insert_episode(customer_file, WinBackEpisode(company.id, date(2026, 11, 1), WinBackReason.MANUAL))
    ledger.save_order(customer_file, _order(company.id, date(2026, 11, 5)), TODAY)
    assert [(e.lost_on, e.won_back_on) for e in store.episodes_of(customer_file, company.id)] == [
        (date(2026, 11, 1), date(2026, 11, 5)), (date(2026, 10, 1), date(2026, 11, 5))]
    assert _status(customer_file, company.id) is LifecycleStatus.WON_BACK
