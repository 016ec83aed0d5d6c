"""Each alert kind fires exactly at its boundary and not before (domain.md §5)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmdesk.domain.alerts import (
    AlertKind,
    AlertRules,
    CustomerFacts,
    DueFollowUp,
    OpenComplaint,
    Severity,
    alerts_for,
    next_occurrence,
)
from crmdesk.domain.repurchase import cycle_of_days, repurchase_due
from crmdesk.domain.orders import Period, PlanProgress
from crmdesk.domain.tiers import Tier

TODAY = date(2026, 11, 23)


def kinds(facts: CustomerFacts, today: date = TODAY, rules: AlertRules = AlertRules()) -> dict[AlertKind, dict]:
    return {a.kind: a for a in alerts_for(facts, today, rules)}


def facts(**kw) -> CustomerFacts:
    # Verified and complete unless a test says otherwise, so only the rule under test fires.
    kw.setdefault("last_verified", TODAY)
    purchases = kw.pop("purchases", ())  # (day, fen) pairs, as a test writes them
    kw["days"] = [day for day, _ in purchases]
    kw["amounts"] = [fen for _, fen in purchases]
    return CustomerFacts(customer_id=7, **kw)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def test_nothing_to_say_about_a_quiet_complete_customer():
    assert alerts_for(facts(), TODAY) == []


@pytest.mark.parametrize(("receivable", "fires"), [(99_999, False), (100_000, False), (100_001, True)])
def test_over_credit_limit_only_above_the_limit(receivable, fires):
    got = kinds(facts(receivable=receivable, credit_limit=100_000))
    assert (AlertKind.OVER_CREDIT_LIMIT in got) is fires
    if fires:
        alert = got[AlertKind.OVER_CREDIT_LIMIT]
        assert alert.severity is Severity.CRITICAL
        assert alert.numbers == {"receivable": 100_001, "credit_limit": 100_000, "over_by": 1}


def test_no_credit_limit_no_alert():
    assert AlertKind.OVER_CREDIT_LIMIT not in kinds(facts(receivable=10**9))


@pytest.mark.parametrize(("actual", "fires"), [(50_000, False), (49_999, True)])
def test_behind_plan_against_the_time_proportional_target(actual, fires):
    # Day 15 of 30: half the plan is on track, one fen less is behind.
    progress = PlanProgress(Period.parse("2026-11"), planned=100_000, actual=actual, days_gone=15, days_total=30)
    got = kinds(facts(plans=[progress]))
    assert (AlertKind.BEHIND_PLAN in got) is fires
    if fires:
        assert got[AlertKind.BEHIND_PLAN].numbers["expected_percent"] == 50
        assert got[AlertKind.BEHIND_PLAN].occurrence == "2026-11"


@pytest.mark.parametrize(("last", "fires"), [(date(2026, 8, 24), False), (date(2026, 8, 23), True)])
def test_no_purchase_for_three_months(last, fires):
    got = kinds(facts(purchases=[(last, 1000)]))
    assert (AlertKind.NO_RECENT_PURCHASE in got) is fires


def test_churn_alerts_for_a_vip_are_critical():
    got = kinds(facts(tier=Tier.A, purchases=[(date(2026, 1, 1), 1000)]))
    assert got[AlertKind.NO_RECENT_PURCHASE].severity is Severity.CRITICAL
    got = kinds(facts(tier=Tier.C, purchases=[(date(2026, 1, 1), 1000)]))
    assert got[AlertKind.NO_RECENT_PURCHASE].severity is Severity.WARNING


def _monthly(previous: int, current: int) -> list[tuple[date, int]]:
    """Purchase days in the six months before the last six, and in the last six."""
    before = [(date(2026, 1, 1) + timedelta(days=10 * i), 100) for i in range(previous)]
    recent = [(date(2026, 10, 1) + timedelta(days=5 * i), 100) for i in range(current)]
    return before + recent


@pytest.mark.parametrize(
    ("previous", "current", "fires"),
    [(4, 3, False), (4, 2, True), (5, 3, False), (5, 2, True), (1, 1, False), (2, 1, True), (4, 0, False)],
)
def test_frequency_down_half_on_the_previous_period(previous, current, fires):
    got = kinds(facts(purchases=_monthly(previous, current)))
    assert (AlertKind.FREQUENCY_DROP in got) is fires


def test_frequency_periods_meet_without_overlap():
    # 2026-05-23 is the last day of the previous period, 2026-05-24 the first of this one.
    rules = AlertRules()
    boundary = [(date(2025, 12, 1), 1), (date(2026, 1, 1), 1), (date(2026, 5, 23), 1), (date(2026, 11, 1), 1)]
    assert kinds(facts(purchases=boundary))[AlertKind.FREQUENCY_DROP].numbers["previous"] == 3
    moved = boundary[:2] + [(date(2026, 5, 24), 1), (date(2026, 11, 1), 1)]
    assert AlertKind.FREQUENCY_DROP not in kinds(facts(purchases=moved), rules=rules)


@pytest.mark.parametrize(("p_alive", "fires"), [(0.3, False), (0.2999, True), (0.9, False)])
def test_churn_score_above_the_threshold(p_alive, fires):
    got = kinds(facts(p_alive=p_alive))
    assert (AlertKind.CHURN_RISK in got) is fires


def test_no_churn_score_when_the_model_did_not_fit():
    assert AlertKind.CHURN_RISK not in kinds(facts(p_alive=None))


@pytest.mark.parametrize(("crossed_days_ago", "fires"), [(31, False), (30, False), (29, True), (0, True)])
def test_spend_milestone_is_news_for_thirty_days(crossed_days_ago, fires):
    purchases = [(days_ago(400), 600_000), (days_ago(crossed_days_ago), 400_000)]  # 10,000 yuan exactly
    got = kinds(facts(purchases=purchases))
    assert (AlertKind.SPEND_MILESTONE in got) is fires
    if fires:
        assert got[AlertKind.SPEND_MILESTONE].numbers == {"milestone": 1_000_000, "total": 1_000_000}


def test_only_the_highest_milestone_passed_at_once():
    got = kinds(facts(purchases=[(days_ago(1), 6_000_000)]))
    assert got[AlertKind.SPEND_MILESTONE].numbers["milestone"] == 5_000_000


@pytest.mark.parametrize(
    ("due", "kind", "severity"),
    [
        (TODAY + timedelta(days=1), None, None),
        (TODAY, AlertKind.FOLLOW_UP_DUE, Severity.INFO),
        (days_ago(1), AlertKind.FOLLOW_UP_OVERDUE, Severity.WARNING),
        (days_ago(6), AlertKind.FOLLOW_UP_OVERDUE, Severity.WARNING),
        (days_ago(7), AlertKind.FOLLOW_UP_OVERDUE, Severity.CRITICAL),
    ],
)
def test_follow_ups_due_and_overdue(due, kind, severity):
    got = alerts_for(facts(follow_ups=[DueFollowUp(3, due)]), TODAY)
    assert [(a.kind, a.severity) for a in got] == ([] if kind is None else [(kind, severity)])


@pytest.mark.parametrize(("deadline", "fires"), [(TODAY, False), (days_ago(1), True)])
def test_complaint_past_its_deadline_is_escalated(deadline, fires):
    got = kinds(facts(complaints=[OpenComplaint(9, deadline)]))
    assert (AlertKind.COMPLAINT_OVERDUE in got) is fires
    if fires:
        assert got[AlertKind.COMPLAINT_OVERDUE].severity is Severity.CRITICAL
        assert got[AlertKind.COMPLAINT_OVERDUE].numbers["days_overdue"] == 1


@pytest.mark.parametrize(("days_until", "fires"), [(16, False), (15, True), (0, True), (-1, False)])
def test_repurchase_predicted_within_fifteen_days(days_until, fires):
    # A 20-day rhythm: the next purchase is 20 days after the last.
    last = TODAY + timedelta(days=days_until - 20)
    purchases = [(last - timedelta(days=40), 1), (last - timedelta(days=20), 1), (last, 1)]
    got = kinds(facts(purchases=purchases), rules=AlertRules(touchpoint_days=()))
    assert (AlertKind.REPURCHASE_DUE in got) is fires


@pytest.mark.parametrize(("ahead", "fires"), [(8, False), (7, True), (0, True), (-1, False)])
def test_birthday_within_a_week(ahead, fires):
    day = TODAY + timedelta(days=ahead)
    got = kinds(facts(birthday=day.replace(year=1990)))
    assert (AlertKind.BIRTHDAY in got) is fires
    if fires:
        assert got[AlertKind.BIRTHDAY].numbers == {"date": day.isoformat(), "days_until": ahead, "years": 36}


@pytest.mark.parametrize("today", [date(2027, 2, 21), date(2028, 2, 22), date(2026, 12, 28), date(2028, 3, 1)])
@pytest.mark.parametrize("lead", [0, 1, 7])
def test_the_scans_day_window_agrees_with_next_occurrence_for_every_birthday(today, lead):
    # The scan skips birthdays by (month, day) before working out the next one: it must skip no alert.
    rules = AlertRules(occasion_lead_days=lead)
    birthdays = [date(2000, 1, 1) + timedelta(days=n) for n in range(366)]  # 2000 is a leap year
    fired = {f.birthday for f in (facts(birthday=b) for b in birthdays) if AlertKind.BIRTHDAY in kinds(f, today, rules)}
    assert fired == {b for b in birthdays if (next_occurrence(b, today) - today).days <= lead}


def test_leap_day_birthday_is_kept_on_28_february_in_common_years():
    assert next_occurrence(date(2000, 2, 29), date(2027, 2, 21)) == date(2027, 2, 28)
    assert next_occurrence(date(2000, 2, 29), date(2028, 2, 21)) == date(2028, 2, 29)
    got = kinds(facts(birthday=date(2000, 2, 29)), today=date(2027, 2, 21), rules=AlertRules())
    assert got[AlertKind.BIRTHDAY].numbers["days_until"] == 7


@pytest.mark.parametrize(("today", "fires", "days_until"), [
    (date(2026, 9, 17), False, None),  # 八月十五 2026 is 09-25: 8 days ahead
    (date(2026, 9, 18), True, 7), (date(2026, 9, 25), True, 0),
    (date(2026, 9, 26), False, None),  # just past: next year's is 2027-09-15
])
def test_lunar_birthday_within_a_week(today, fires, days_until):
    got = kinds(facts(lunar_birthday="L08-15"), today=today)
    assert (AlertKind.LUNAR_BIRTHDAY in got) is fires
    if fires:
        assert got[AlertKind.LUNAR_BIRTHDAY].numbers == {"date": "2026-09-25", "days_until": days_until,
                                                         "lunar": "L08-15"}
        assert got[AlertKind.LUNAR_BIRTHDAY].occurrence == "2026-09-25"


def test_lunar_new_years_eve_birthday_in_a_year_without_腊月三十():
    got = kinds(facts(lunar_birthday="L12-30"), today=date(2026, 2, 10))
    assert got[AlertKind.LUNAR_BIRTHDAY].numbers["date"] == "2026-02-16"  # 腊月廿九


def test_a_scan_answers_the_same_lunar_birthday_for_many_customers():
    from crmdesk.domain.alerts import Scan
    scan = Scan(date(2026, 9, 20))
    first = scan.alerts_for(facts(lunar_birthday="L08-15"))
    again = scan.alerts_for(facts(lunar_birthday="L08-15"))
    assert first == again and first[0].numbers["days_until"] == 5
    assert scan.alerts_for(facts(lunar_birthday="L13-40")) == scan.alerts_for(facts())  # nonsense: no alert


def test_wedding_and_cooperation_anniversaries():
    got = kinds(facts(anniversary=date(2010, 11, 25), purchases=[(date(2023, 11, 30), 1)]),
                rules=AlertRules(touchpoint_days=()))
    assert got[AlertKind.ANNIVERSARY].numbers["years"] == 16
    assert got[AlertKind.COOPERATION_ANNIVERSARY].numbers == {"date": "2026-11-30", "days_until": 7, "years": 3}


def test_no_anniversary_in_the_first_year():
    assert AlertKind.COOPERATION_ANNIVERSARY not in kinds(facts(purchases=[(date(2026, 11, 20), 1)]))


@pytest.mark.parametrize(
    ("since", "mark"),
    [(2, None), (3, 3), (9, 3), (10, None), (29, None), (30, 30), (36, 30), (37, None), (90, 90), (97, None)],
)
def test_touchpoints_after_the_last_purchase(since, mark):
    got = kinds(facts(purchases=[(days_ago(since), 100)]))
    assert (got[AlertKind.TOUCHPOINT].numbers["day"] if AlertKind.TOUCHPOINT in got else None) == mark


@pytest.mark.parametrize(("age", "fires"), [(365, False), (366, True)])
def test_stale_record_after_a_year_unverified(age, fires):
    got = kinds(facts(last_verified=days_ago(age)))
    assert (AlertKind.STALE_RECORD in got) is fires


def test_never_verified_is_stale_and_missing_fields_are_incomplete():
    got = kinds(CustomerFacts(customer_id=1, missing=("mobile", "owner")))
    assert AlertKind.STALE_RECORD in got
    assert got[AlertKind.INCOMPLETE_RECORD].numbers == {"missing": "mobile,owner"}


def test_occurrences_tell_recurrences_apart():
    this_year = alerts_for(facts(birthday=date(1990, 11, 25)), TODAY)[0]
    next_year = alerts_for(facts(birthday=date(1990, 11, 25)), date(2027, 11, 23))[0]
    assert this_year.key != next_year.key
    assert this_year.key == alerts_for(facts(birthday=date(1990, 11, 25)), date(2026, 11, 24))[0].key


def test_every_kind_has_a_group_and_an_action():
    from crmdesk.domain.alerts import ACTION_OF, GROUP_OF

    assert set(GROUP_OF) == set(AlertKind) == set(ACTION_OF)


def test_missing_essentials():
    from crmdesk.domain.alerts import missing_essentials

    complete = dict(has_phone=True, has_owner=True, has_address=True, contacts=0)
    assert missing_essentials(company=False, **complete) == ()
    assert missing_essentials(company=True, **complete) == ("contact_person",)
    assert missing_essentials(company=True, has_phone=False, has_owner=False, has_address=False, contacts=2) == (
        "phone", "owner", "address")


@given(st.lists(st.integers(min_value=1, max_value=400), min_size=1, max_size=12), st.integers(0, 400))
def test_the_repurchase_shortcut_never_hides_a_due_reminder(intervals, quiet):
    # The rule skips customers quiet for longer than their cycle can be; the full rule decides the rest.
    last = TODAY - timedelta(days=quiet)
    days = [last]
    for gap in intervals:
        days.insert(0, days[0] - timedelta(days=gap))
    due = repurchase_due(cycle_of_days(days), TODAY)
    assert (AlertKind.REPURCHASE_DUE in kinds(facts(purchases=[(d, 1) for d in days]))) is due
