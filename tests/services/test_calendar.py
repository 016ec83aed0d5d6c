"""The follow-up calendar's data: counts and overdue marks by day, birthdays and anniversaries
(29 February, a range over the year end, the recycle bin), working days by the Chinese table."""

from __future__ import annotations

from datetime import date

import pytest

from crmdesk.domain.followups import ContactMethod, FollowUp, FollowUpState
from crmdesk.services import calendar as service
from crmdesk.services import followups as follow_up_service
from crmdesk.storage import calendar as store
from crmdesk.storage import customers as customer_store
from crmdesk.storage import followups as follow_up_store
from crmdesk.storage.calendar import DayCount, OccasionKind
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)


def _plan(cf, customer_id: int, due: date, purpose: str = "回访", time: str | None = None) -> FollowUp:
    return follow_up_store.insert_follow_up(cf, FollowUp(customer_id=customer_id, due_date=due, due_time=time,
                                                         method=ContactMethod.PHONE, purpose=purpose))


@pytest.fixture
def people(customer_file):
    cf = customer_file
    add = customer_store.insert_customer
    return {
        "zhang": add(cf, make_person(name="张三", birthday=date(1990, 11, 25), anniversary=date(2016, 12, 31))),
        "li": add(cf, make_person(name="李四", birthday=date(2000, 2, 29))),
        "wang": add(cf, make_person(name="王五", birthday=date(1985, 1, 2))),
        "zhao": add(cf, make_person(name="赵六", birthday=date(1970, 11, 25))),
        "company": add(cf, make_company()),
    }


def test_follow_ups_are_counted_by_day_and_past_ones_are_overdue(customer_file, people):
    cf, cid = customer_file, people["company"].id
    _plan(cf, cid, date(2026, 11, 20))
    _plan(cf, cid, date(2026, 11, 20), "催款")
    _plan(cf, cid, TODAY)
    _plan(cf, cid, date(2026, 11, 30))
    done = _plan(cf, cid, date(2026, 11, 24))
    follow_up_service.close(cf, done, FollowUpState.CANCELLED)
    _plan(cf, cid, date(2027, 1, 5))  # outside the range
    counts = store.follow_up_counts(cf, date(2026, 11, 1), date(2026, 12, 31), TODAY)
    assert counts == {date(2026, 11, 20): DayCount(2, 2), TODAY: DayCount(1, 0), date(2026, 11, 30): DayCount(1, 0)}


def test_follow_ups_of_a_customer_in_the_recycle_bin_are_left_out(customer_file, people):
    cf = customer_file
    _plan(cf, people["company"].id, TODAY)
    _plan(cf, people["zhang"].id, TODAY)
    customer_store.soft_delete_customer(cf, people["company"].id)
    assert store.follow_up_counts(cf, TODAY, TODAY, TODAY) == {TODAY: DayCount(1, 0)}
    assert [i.customer_id for i in service.day_items(cf, TODAY, TODAY)] == [people["zhang"].id]


def test_occasions_of_persons_with_age_and_years(customer_file, people):
    found = store.occasions_between(customer_file, date(2026, 11, 1), date(2026, 11, 30))
    assert [(o.name, o.kind, o.day, o.years) for o in found] == [
        ("张三", OccasionKind.BIRTHDAY, date(2026, 11, 25), 36),
        ("赵六", OccasionKind.BIRTHDAY, date(2026, 11, 25), 56),
    ]
    assert found[0].customer_id == people["zhang"].id and found[0].code == people["zhang"].code


def test_a_range_over_the_year_end(customer_file, people):
    found = store.occasions_between(customer_file, date(2026, 12, 20), date(2027, 1, 10))
    assert [(o.name, o.kind, o.day, o.years) for o in found] == [
        ("张三", OccasionKind.ANNIVERSARY, date(2026, 12, 31), 10),
        ("王五", OccasionKind.BIRTHDAY, date(2027, 1, 2), 42),
    ]
    assert store.occasion_counts(customer_file, date(2026, 12, 20), date(2027, 1, 10)) == {
        date(2026, 12, 31): 1, date(2027, 1, 2): 1}


@pytest.mark.parametrize(("first", "last", "shown_on"), [
    (date(2026, 2, 1), date(2026, 2, 28), date(2026, 2, 28)),  # common year: on the 28th
    (date(2026, 2, 28), date(2026, 2, 28), date(2026, 2, 28)),
    (date(2026, 3, 1), date(2026, 3, 31), None),  # not on 1 March
    (date(2027, 2, 20), date(2027, 3, 5), date(2027, 2, 28)),
    (date(2028, 2, 28), date(2028, 2, 28), None),  # leap year: on the 29th itself
    (date(2028, 2, 29), date(2028, 3, 1), date(2028, 2, 29)),
])
def test_29_february_falls_on_the_28th_in_common_years(customer_file, people, first, last, shown_on):
    days = [o.day for o in store.occasions_between(customer_file, first, last) if o.name == "李四"]
    assert days == ([shown_on] if shown_on else [])
    counts = store.occasion_counts(customer_file, first, last)
    assert (counts.get(shown_on, 0) if shown_on else sum(counts.values())) == (1 if shown_on else 0)


def test_the_day_itself_and_customers_in_the_bin_are_no_occasions(customer_file, people):
    cf = customer_file
    baby = customer_store.insert_customer(cf, make_person(name="小宝", birthday=date(2026, 11, 25)))
    customer_store.soft_delete_customer(cf, people["zhao"].id)
    found = store.occasions_between(cf, date(2026, 11, 25), date(2026, 11, 25))
    assert [o.name for o in found] == ["张三"]
    assert store.occasion_counts(cf, date(2026, 11, 25), date(2026, 11, 25)) == {date(2026, 11, 25): 1}
    assert [o.name for o in store.occasions_between(cf, date(2027, 11, 25), date(2027, 11, 25))] == ["张三", "小宝"]
    assert baby.id is not None


def test_the_month_grid_has_six_weeks_from_monday_with_counts(customer_file, people):
    cf = customer_file
    _plan(cf, people["zhang"].id, date(2026, 11, 20))
    _plan(cf, people["zhang"].id, date(2026, 11, 25))
    _plan(cf, people["zhao"].id, date(2026, 11, 25))
    view = service.month(cf, 2026, 11, TODAY)
    assert len(view.days) == 42 and view.first == date(2026, 10, 26) and view.last == date(2026, 12, 6)
    assert view.first.weekday() == 0 and view.covered
    day = view.day(date(2026, 11, 25))
    assert (day.follow_ups, day.overdue, day.occasions, day.in_month, day.working) == (2, 0, 2, True, True)
    late = view.day(date(2026, 11, 20))
    assert (late.follow_ups, late.overdue) == (1, 1)
    assert not view.day(date(2026, 10, 31)).in_month and not view.day(date(2026, 11, 1)).working  # a Sunday
    assert view.day(date(2027, 1, 1)) is None


def test_working_days_follow_the_2026_spring_festival(customer_file):
    view = service.month(customer_file, 2026, 2, TODAY)
    feb = {d.day: d for d in view.days}
    assert not feb[date(2026, 2, 16)].working and feb[date(2026, 2, 16)].holiday  # 春节, a Monday
    assert feb[date(2026, 2, 14)].working and feb[date(2026, 2, 14)].shifted  # 调休 Saturday
    assert feb[date(2026, 2, 28)].shifted
    assert feb[date(2026, 2, 24)].working and not feb[date(2026, 2, 24)].shifted
    assert not feb[date(2026, 3, 1)].working and not feb[date(2026, 3, 1)].holiday  # an ordinary Sunday


def test_day_items_list_occasions_then_follow_ups_by_time(customer_file, people):
    cf = customer_file
    _plan(cf, people["zhao"].id, date(2026, 11, 25), "下午回访", "15:00")
    _plan(cf, people["zhang"].id, date(2026, 11, 25), "上午回访", "09:30")
    _plan(cf, people["company"].id, date(2026, 11, 25), "寄资料")
    items = service.day_items(cf, date(2026, 11, 25), TODAY)
    assert [(i.name, i.occasion.kind if i.occasion else i.follow_up.purpose) for i in items] == [
        ("张三", OccasionKind.BIRTHDAY), ("赵六", OccasionKind.BIRTHDAY),
        (people["company"].name, "寄资料"), ("张三", "上午回访"), ("赵六", "下午回访")]
    assert not any(i.overdue for i in items)


def test_an_overdue_follow_up_stays_on_its_own_day(customer_file, people):
    cf = customer_file
    _plan(cf, people["zhang"].id, date(2026, 11, 20))
    assert service.day_items(cf, TODAY, TODAY) == []
    (item,) = service.day_items(cf, date(2026, 11, 20), TODAY)
    assert item.overdue and item.customer_id == people["zhang"].id


def test_the_agenda_has_seven_days_with_their_items(customer_file, people):
    cf = customer_file
    _plan(cf, people["company"].id, date(2026, 11, 24), "送样品")
    week = service.agenda(cf, TODAY, 7, TODAY)
    assert [d.day for d in week] == [date(2026, 11, 23 + i) for i in range(7)]
    assert [len(d.items) for d in week] == [0, 1, 2, 0, 0, 0, 0]
    assert [d.working for d in week] == [True] * 5 + [False] * 2


def test_a_moved_follow_up_counts_on_its_new_day(customer_file, people):
    cf = customer_file
    f = _plan(cf, people["zhang"].id, date(2026, 11, 20))
    follow_up_service.reschedule(cf, f, date(2026, 12, 2))
    view = service.month(cf, 2026, 11, TODAY)
    assert view.day(date(2026, 11, 20)).follow_ups == 0
    assert (view.day(date(2026, 12, 2)).follow_ups, view.day(date(2026, 12, 2)).overdue) == (1, 0)


def test_the_calendar_reads_the_same_follow_ups_as_the_today_list(customer_file, people):
    cf = customer_file
    for i, person in enumerate(("zhang", "li", "company", "wang")):
        _plan(cf, people[person].id, date(2026, 11, 20 + i % 3), f"回访 {i}", "10:00" if i % 2 else None)
    customer_store.soft_delete_customer(cf, people["wang"].id)
    first, last = date(2026, 11, 1), date(2026, 11, 30)
    days = service.day_items(cf, date(2026, 11, 20), TODAY) + service.day_items(cf, date(2026, 11, 21), TODAY) \
        + service.day_items(cf, date(2026, 11, 22), TODAY)
    shown = [item.follow_up.id for item in days if item.follow_up is not None]
    assert sorted(shown) == sorted(r.follow_up.id for r in follow_up_store.planned_between(cf, first, last))
    assert len(shown) == 3


# --- lunar birthdays ---


@pytest.fixture
def lunar_people(customer_file):
    cf = customer_file
    add = customer_store.insert_customer
    return {
        # born 1978-09-16 = 戊午年八月十五: age by lunar years
        "mid_autumn": add(cf, make_person(name="中秋", birthday=date(1978, 9, 16), lunar_birthday="L08-15")),
        "eve": add(cf, make_person(name="除夕", lunar_birthday="L12-30")),  # no solar birthday: no age
        "leap": add(cf, make_person(name="闰月", lunar_birthday="L*06-08")),
        "binned": add(cf, make_person(name="回收", lunar_birthday="L08-15")),
    }


def test_lunar_birthdays_fall_on_their_solar_days(customer_file, lunar_people):
    cf = customer_file
    customer_store.soft_delete_customer(cf, lunar_people["binned"].id)
    found = store.occasions_between(cf, date(2026, 9, 1), date(2026, 9, 30))
    # both kept: the solar one the record holds and the lunar one the family keeps
    assert [(o.name, o.kind, o.day, o.years, o.lunar) for o in found] == [
        ("中秋", OccasionKind.BIRTHDAY, date(2026, 9, 16), 48, None),
        ("中秋", OccasionKind.LUNAR_BIRTHDAY, date(2026, 9, 25), 48, "L08-15")]
    assert store.occasion_counts(cf, date(2026, 9, 1), date(2026, 9, 30)) == {date(2026, 9, 16): 1,
                                                                              date(2026, 9, 25): 1}


def test_lunar_new_years_eve_birthday_over_the_year_end_and_in_a_short_month(customer_file, lunar_people):
    # 腊月三十 does not exist in lunar 2025 and 2026: kept on 腊月廿九, the eve of 春节
    found = store.occasions_between(customer_file, date(2026, 1, 1), date(2027, 3, 1))
    eve = [(o.day, o.years) for o in found if o.name == "除夕"]
    assert eve == [(date(2026, 2, 16), None), (date(2027, 2, 5), None)]
    counts = store.occasion_counts(customer_file, date(2026, 1, 1), date(2027, 3, 1))
    assert counts[date(2026, 2, 16)] == 1 and counts[date(2027, 2, 5)] == 1


def test_a_leap_month_birthday_falls_in_the_ordinary_month(customer_file, lunar_people):
    # 2025 has 闰六月 (from 2025-07-25): the birthday is still 六月初八, 2025-07-02
    found = store.occasions_between(customer_file, date(2025, 6, 1), date(2025, 8, 31))
    assert [(o.name, o.day) for o in found] == [("闰月", date(2025, 7, 2))]


def test_lunar_birthdays_are_counted_in_the_month_grid(customer_file, lunar_people):
    assert service.month(customer_file, 2026, 9, TODAY).day(date(2026, 9, 25)).occasions == 2
    assert service.month(customer_file, 2027, 2, TODAY).day(date(2027, 2, 5)).occasions == 1  # 除夕
    customer_store.soft_delete_customer(customer_file, lunar_people["binned"].id)
    assert service.month(customer_file, 2026, 9, TODAY).day(date(2026, 9, 25)).occasions == 1
    items = service.day_items(customer_file, date(2026, 9, 25), TODAY)
    assert [(i.name, i.occasion.kind) for i in items] == [("中秋", OccasionKind.LUNAR_BIRTHDAY)]
