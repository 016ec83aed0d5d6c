"""Generating the file's cadence follow-ups: what is made, never twice, and what the user did with it stays."""

from __future__ import annotations

from datetime import date

import pytest

from crmdesk.domain.cadence import CadenceRules
from crmdesk.domain.followups import Contact, ContactMethod, FollowUp, FollowUpSource, FollowUpState
from crmdesk.domain.orders import Order
from crmdesk.domain.tiers import Tier, TierResult
from crmdesk.services import followups as follow_up_service
from crmdesk.services.cadence import generate_follow_ups, plan_follow_ups
from crmdesk.storage import customers as customer_store
from crmdesk.storage import file_settings
from crmdesk.storage import followups as store
from crmdesk.storage import orders as order_store
from crmdesk.storage import tiers as tier_store
from crmdesk.storage.change_log import change_log
from crmdesk.storage.customer_file import CustomerFile
from tests.factories import make_company, make_person

# A Monday.  The first customer's quarterly review falls on 1 + 1 % 28 = 2 November: today.
T = date(2026, 11, 2)
BOUGHT = date(2026, 10, 30)  # a Friday: + 3 is today, + 30 is Sunday 11-29


@pytest.fixture
def company(customer_file):
    """An A-tier company that bought twice last Friday and was called that day."""
    company = customer_store.insert_customer(customer_file, make_company(owner="王强"))
    assert company.id == 1
    tier_store.save_tiers(customer_file, {company.id: TierResult(Tier.A, 500_000, 1, 1, 1)}, T)
    for amount in (120_000, 380_000):
        order_store.insert_order(customer_file, Order(company.id, BOUGHT, "整车运输", 1, amount))
    follow_up_service.log_contact(customer_file, Contact(company.id, BOUGHT, ContactMethod.PHONE, "确认运价"))
    return company


def planned(cf: CustomerFile, customer_id: int) -> dict[str, tuple]:
    return {f.gen_key: (f.due_date, f.source, f.method, f.purpose, f.owner)
            for f in store.follow_ups_of(cf, customer_id) if f.gen_key and f.state is FollowUpState.PLANNED}


def by_key(cf: CustomerFile, customer_id: int) -> dict[str, FollowUp]:
    return {f.gen_key: f for f in store.follow_ups_of(cf, customer_id) if f.gen_key}


def count(cf: CustomerFile) -> int:
    return cf.execute("SELECT count(*) FROM follow_ups").fetchone()[0]


def test_generation_plans_the_cadences_of_the_file(customer_file, company):
    (contact,) = store.contacts_of(customer_file, company.id)
    assert generate_follow_ups(customer_file, T) == 5
    assert planned(customer_file, company.id) == {
        "review:2026Q4": (T, FollowUpSource.REVIEW, ContactMethod.VISIT, "季度业务回顾 2026Q4", "王强"),
        "touchpoint:2026-10-30+3": (T, FollowUpSource.TOUCHPOINT, ContactMethod.PHONE,
                                    "购买后第3天：使用体验（2026-10-30购买）", "王强"),
        f"feedback:{contact.uid}": (date(2026, 11, 6), FollowUpSource.FEEDBACK, ContactMethod.PHONE,
                                    "联系后一周内回访反馈（2026-10-30联系）", "王强"),
        # 11-29 is a Sunday: both move to Monday.
        "callback:2026-11-29": (date(2026, 11, 30), FollowUpSource.CALL_BACK, ContactMethod.PHONE,
                                "定期回访（A级，每30天）", "王强"),
        "touchpoint:2026-10-30+30": (date(2026, 11, 30), FollowUpSource.TOUCHPOINT, ContactMethod.PHONE,
                                     "购买后第30天：使用习惯（2026-10-30购买）", "王强"),
    }
    stored = by_key(customer_file, company.id).values()
    assert all(f.uid and f.row_version == 1 for f in stored)
    created = {e.new for e in change_log(customer_file, company.id) if e.entity == "follow_up" and e.action == "create"}
    assert created == {f"{f.due_date.isoformat()} {f.method.value} {f.purpose} (planned)" for f in stored}


def test_running_it_again_adds_nothing(customer_file, company):
    first = generate_follow_ups(customer_file, T)
    before = count(customer_file)
    assert first == before
    assert generate_follow_ups(customer_file, T) == 0
    assert plan_follow_ups(customer_file, T) == []
    assert count(customer_file) == before


def test_a_moved_cancelled_or_binned_generated_follow_up_is_not_made_again(customer_file, company):
    generate_follow_ups(customer_file, T)
    made = by_key(customer_file, company.id)
    (contact,) = store.contacts_of(customer_file, company.id)
    follow_up_service.reschedule(customer_file, made["touchpoint:2026-10-30+3"], date(2026, 11, 4))
    follow_up_service.reschedule(customer_file, made["callback:2026-11-29"], date(2026, 12, 7))
    follow_up_service.close(customer_file, made[f"feedback:{contact.uid}"], FollowUpState.CANCELLED)
    store.delete_follow_up(customer_file, made["review:2026Q4"])
    before = count(customer_file)
    for day in (T, date(2026, 11, 3), date(2026, 11, 4)):
        assert generate_follow_ups(customer_file, day) == 0
    assert count(customer_file) == before
    assert by_key(customer_file, company.id)["touchpoint:2026-10-30+3"].due_date == date(2026, 11, 4)


def test_a_cancelled_call_back_is_followed_one_interval_after_its_day(customer_file, company):
    generate_follow_ups(customer_file, T)
    follow_up_service.close(customer_file, by_key(customer_file, company.id)["callback:2026-11-29"],
                            FollowUpState.CANCELLED)
    assert generate_follow_ups(customer_file, T) == 0  # the next is due 12-30, beyond the horizon
    generate_follow_ups(customer_file, date(2026, 11, 30))
    assert planned(customer_file, company.id)["callback:2026-12-30"][0] == date(2026, 12, 30)


def test_doing_the_call_back_plans_the_next_one_and_asks_no_feedback_on_it(customer_file, company):
    generate_follow_ups(customer_file, T)
    call_back = by_key(customer_file, company.id)["callback:2026-11-29"]
    done_on = date(2026, 11, 30)
    logged = follow_up_service.log_contact(
        customer_file, Contact(company.id, done_on, ContactMethod.PHONE, "例行回访，运输顺利"), completes=call_back)
    generate_follow_ups(customer_file, done_on)
    after = planned(customer_file, company.id)
    assert after["callback:2026-12-30"][0] == date(2026, 12, 30)
    assert f"feedback:{logged.contact.uid}" not in by_key(customer_file, company.id)


def test_a_contact_by_hand_asks_for_feedback_again(customer_file, company):
    generate_follow_ups(customer_file, T)
    visit = follow_up_service.log_contact(
        customer_file, Contact(company.id, date(2026, 11, 4), ContactMethod.VISIT, "上门拜访，谈明年合同")).contact
    generate_follow_ups(customer_file, date(2026, 11, 4))
    # The first feedback (due 11-06) is still open: one open feedback at a time.
    assert f"feedback:{visit.uid}" not in by_key(customer_file, company.id)
    (first,) = [f for f in by_key(customer_file, company.id).values() if f.source is FollowUpSource.FEEDBACK]
    follow_up_service.close(customer_file, first, FollowUpState.CANCELLED)
    generate_follow_ups(customer_file, date(2026, 11, 5))
    assert planned(customer_file, company.id)[f"feedback:{visit.uid}"][0] == date(2026, 11, 11)


def test_feedback_follows_the_latest_contact_up_to_today(customer_file, company):
    again = follow_up_service.log_contact(  # the same day, entered later: the latest
        customer_file, Contact(company.id, BOUGHT, ContactMethod.WECHAT, "发送报价单")).contact
    follow_up_service.log_contact(  # dated ahead: not yet happened
        customer_file, Contact(company.id, date(2026, 11, 10), ContactMethod.VISIT, "约定上门"))
    generate_follow_ups(customer_file, T)
    assert [k for k in by_key(customer_file, company.id) if k.startswith("feedback:")] == [f"feedback:{again.uid}"]


def test_customers_in_the_recycle_bin_are_skipped(customer_file, company):
    customer_store.soft_delete_customer(customer_file, company.id)
    assert generate_follow_ups(customer_file, T) == 0
    customer_store.restore_customer(customer_file, company.id)
    assert generate_follow_ups(customer_file, T) == 5


def test_orders_and_contacts_in_the_bin_count_for_nothing(customer_file, company):
    for order in order_store.orders_of(customer_file, company.id):
        order_store.delete_order(customer_file, order)
    for contact in store.contacts_of(customer_file, company.id):
        store.delete_contact(customer_file, contact)
    generate_follow_ups(customer_file, T)
    assert {f.source for f in by_key(customer_file, company.id).values()} <= {FollowUpSource.REVIEW,
                                                                               FollowUpSource.CALL_BACK}


def test_the_file_settings_change_the_cadence(customer_file, company):
    rules = CadenceRules(call_back_a_days=14, company_review=False, feedback_days=0, touchpoint_days=(3,))
    assert file_settings.set_cadence_rules(customer_file, rules) == []
    assert file_settings.cadence_rules(customer_file) == rules
    assert generate_follow_ups(customer_file, T) == 2
    assert {k: v[0] for k, v in planned(customer_file, company.id).items()} == {
        "callback:2026-11-13": date(2026, 11, 13), "touchpoint:2026-10-30+3": T}


def test_rules_given_override_the_files(customer_file, company):
    assert generate_follow_ups(customer_file, T, CadenceRules(call_back_a_days=0, company_review=False,
                                                              feedback_days=0, touchpoint_days=())) == 0


def test_a_tier_with_no_call_backs(customer_file):
    person = customer_store.insert_customer(customer_file, make_person())  # no tier yet: D
    file_settings.set_cadence_rules(customer_file, CadenceRules(call_back_d_days=0))
    assert generate_follow_ups(customer_file, T) == 0
    file_settings.set_cadence_rules(customer_file, CadenceRules(call_back_d_days=1))  # every day: today
    assert generate_follow_ups(customer_file, T) == 1
    assert planned(customer_file, person.id) == {
        "callback:2026-11-02": (T, FollowUpSource.CALL_BACK, ContactMethod.PHONE, "定期回访（D级，每1天）", None)}


def test_stored_values_out_of_range_fall_back_to_their_defaults(customer_file):
    for name, value in (("call_back_a_days", -5), ("touchpoint_days", [3, 3]), ("company_review", "no"),
                        ("horizon_days", 40), ("touchpoint_days", [7, 60])):
        file_settings.put(customer_file, file_settings.CADENCE_RULES[name], value)
    rules = file_settings.cadence_rules(customer_file)
    assert rules == CadenceRules(horizon_days=40, touchpoint_days=(7, 60))
    file_settings.put(customer_file, file_settings.CADENCE_RULES["touchpoint_days"], [3, 3])
    assert file_settings.cadence_rules(customer_file).touchpoint_days == (3, 30, 90)


def test_rules_not_allowed_are_not_stored(customer_file):
    errors = file_settings.set_cadence_rules(customer_file, CadenceRules(feedback_days=90, horizon_days=-1))
    assert {e.field for e in errors} == {"feedback_days", "horizon_days"}
    assert file_settings.cadence_rules(customer_file) == CadenceRules()
    assert customer_file.setting("cadence.feedback_days") is None


def test_a_read_only_file_gets_nothing(customer_file, company):
    path = customer_file.path
    customer_file.close()
    with CustomerFile.open(path, read_only=True) as cf:
        assert generate_follow_ups(cf, T) == 0
        assert count(cf) == 0


def test_progress_is_reported(customer_file, company):
    calls = []
    generate_follow_ups(customer_file, T, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 1)]


def test_the_bulk_insert_skips_a_key_already_in_the_file(customer_file, company):
    row = FollowUp(company.id, T, ContactMethod.PHONE, "定期回访", source=FollowUpSource.CALL_BACK,
                   gen_key="callback:2026-11-02")
    assert store.insert_follow_ups(customer_file, [row, row]) == 1
    assert store.insert_follow_ups(customer_file, [row]) == 0
    assert store.insert_follow_ups(customer_file, []) == 0
    manual = FollowUp(company.id, T, ContactMethod.PHONE, "送合同")  # no key: never a clash
    assert store.insert_follow_ups(customer_file, [manual, manual]) == 2
    assert count(customer_file) == 3


def test_cli_generates_once_and_lists_what_is_due(customer_file, capsys):
    import json
    import re

    from crmdesk.cli import main
    from crmdesk.storage import customers as customer_store
    from tests.factories import make_company

    customer_store.insert_customers(customer_file, (make_company(name=f"公司{i}", owner="王强") for i in range(60)))
    customer_file.conn.commit()
    path = str(customer_file.path)

    def made() -> int:
        return int(re.search(r"\d+", capsys.readouterr().err).group())

    assert main(["followups", path, "--today", "2026-11-23", "--generate", "--json"]) == 0
    first = capsys.readouterr()
    assert int(re.search(r"\d+", first.err).group()) > 0
    assert all(row["state"] == "planned" for row in json.loads(first.out))
    assert main(["followups", path, "--today", "2026-11-23", "--generate"]) == 0
    assert made() == 0  # never twice


def test_opening_a_file_plans_the_cadences_unless_the_file_says_not_to(customer_file, company):
    from crmdesk.services.analysis import analyse

    steps = []
    analysis = analyse(customer_file, T, progress=steps.append)
    assert analysis.follow_ups_planned == 5 == count(customer_file)
    assert steps == sorted(steps) and steps[0] == 0 and steps[-1] == 100
    # what was planned today is already among the alerts
    assert {a.alert.kind.value for a in analysis.alerts if a.alert.customer_id == company.id} >= {"follow_up_due"}
    assert analyse(customer_file, T).follow_ups_planned == 0  # nothing twice

    file_settings.set_cadence_rules(customer_file, CadenceRules(generate_on_open=False))
    assert analyse(customer_file, date(2027, 3, 1)).follow_ups_planned == 0
    assert count(customer_file) == 5


def test_touchpoint_alerts_give_way_to_the_touchpoint_follow_ups_planned_on_open(customer_file):
    assert file_settings.alert_rules(customer_file).touchpoint_days == ()
    file_settings.set_cadence_rules(customer_file, CadenceRules(generate_on_open=False))
    assert file_settings.alert_rules(customer_file).touchpoint_days == (3, 30, 90)
    file_settings.set_cadence_rules(customer_file, CadenceRules(touchpoint_days=()))
    assert file_settings.alert_rules(customer_file).touchpoint_days == (3, 30, 90)
    assert file_settings.alert_rules(customer_file, touchpoint_days=(5,)).touchpoint_days == (5,)
