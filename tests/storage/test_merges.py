"""Merging two customers in the file and undoing it (storage.merges)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from crmdesk.domain.complaints import Complaint, ComplaintCategory, ComplaintChannel
from crmdesk.domain.customer import ContactPerson, ContactRole, CustomerKind
from crmdesk.domain.duplicates import MatchReason, Side, find_pairs, merged_customer
from crmdesk.domain.followups import Contact, ContactMethod, FollowUp, FollowUpSource
from crmdesk.domain.orders import Order, Payment, Period, SalesPlan
from crmdesk.services import complaints as complaint_service
from crmdesk.storage import customers as customer_store
from crmdesk.storage import followups as follow_up_store
from crmdesk.storage import merges
from crmdesk.storage import orders as order_store
from crmdesk.storage.change_log import change_log
from crmdesk.storage.customer_file import WriteError, WriteProblem
from crmdesk.storage.customers import CustomerQuery
from crmdesk.storage.merges import UndoOutcome
from crmdesk.storage.operations import get_operation
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)
SNAPSHOT_TABLES = ("customers", "customer_tags", *merges.MOVED_TABLES)
BOOKKEEPING = {"updated_at", "row_version"}


def snapshot(cf) -> dict[str, list[tuple]]:
    """Every row of the tables a merge touches, without the bookkeeping columns."""
    out = {}
    for table in SNAPSHOT_TABLES:
        columns = [r[1] for r in cf.execute(f"PRAGMA table_info({table})") if r[1] not in BOOKKEEPING]
        rows = cf.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
        out[table] = sorted(rows, key=repr)
    return out


def ledger_rows(cf, customer_id: int, *, month: int, gen_key: str) -> None:
    """Orders (one in the recycle bin), a payment, a contact, follow-ups, a complaint with a step, plans."""
    order_store.insert_order(cf, Order(customer_id, date(2026, month, 3), "整车运输", 1, 120_000))
    gone = order_store.insert_order(cf, Order(customer_id, date(2026, month, 4), "零担", 2, 30_000))
    order_store.delete_order(cf, gone)
    order_store.insert_payment(cf, Payment(customer_id, date(2026, month, 10), 50_000))
    contact = follow_up_store.insert_contact(
        cf, Contact(customer_id, date(2026, month, 5), ContactMethod.PHONE, "确认下月运量"))
    follow_up_store.insert_follow_up(cf, FollowUp(customer_id, date(2026, 12, 1), ContactMethod.PHONE, "回访"))
    follow_up_store.insert_follow_up(cf, FollowUp(
        customer_id, date(2026, 12, 15), ContactMethod.VISIT, "季度业务回顾", source=FollowUpSource.REVIEW,
        gen_key=gen_key))
    handled = complaint_service.record_complaint(
        cf, Complaint(customer_id=customer_id, received_date=date(2026, month, 8), channel=ComplaintChannel.PHONE,
                      category=ComplaintCategory.DELIVERY, description="货物延误两天"),
        today=TODAY, first_response="致歉并核实")
    assert not handled.errors
    order_store.set_plan(cf, SalesPlan(customer_id, Period.parse("2026-11"), 500_000))
    order_store.set_plan(cf, SalesPlan(customer_id, Period.parse(f"2026-{month:02d}"), 100_000))
    assert contact.id


@pytest.fixture
def two(customer_file):
    """The same company twice: the survivor with one primary contact, the other with its own rows."""
    cf = customer_file
    survivor = customer_store.insert_customer(cf, make_company(
        name="北京顺达物流有限公司", phone=None, city="北京市", tags=("物流",)))
    other = customer_store.insert_customer(cf, make_company(
        name="北京顺达物流（有限公司）", credit_code="91350100M000100Y43", phone="01088886666", city=None,
        owner="王强", tags=("VIP", "物流"),
        contacts=(ContactPerson(name="赵六", role=ContactRole.FINANCE, mobile="13600136000", is_primary=True),
                  ContactPerson(name="钱七", mobile="13500135000"))))
    ledger_rows(cf, survivor.id, month=9, gen_key="review:2026Q4")
    ledger_rows(cf, other.id, month=10, gen_key="review:2026Q4")
    follow_up_store.insert_follow_up(cf, FollowUp(
        other.id, date(2027, 1, 5), ContactMethod.PHONE, "回访", source=FollowUpSource.CALL_BACK,
        gen_key="callback:2027-01-05"))
    return customer_store.get_customer(cf, survivor.id), customer_store.get_customer(cf, other.id)


def merge(cf, survivor, other, choices=None) -> int:
    merged = merged_customer(survivor, other, choices or {})
    return merges.merge_customers(cf, merged, other.id, other.row_version)


def count(cf, table: str, customer_id: int) -> int:
    return cf.execute(f"SELECT count(*) FROM {table} WHERE customer_id = ?", [customer_id]).fetchone()[0]


def test_every_table_with_a_customer_id_is_moved_or_deliberately_left(customer_file):
    tables = {
        name for (name,) in customer_file.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if any(r[1] == "customer_id" for r in customer_file.execute(f"PRAGMA table_info({name})"))
    }
    assert tables == set(merges.MOVED_TABLES) | set(merges.LEFT_TABLES)


def test_candidates_hold_live_customers_with_their_contact_persons_numbers(customer_file, two):
    survivor, other = two
    gone = customer_store.insert_customer(customer_file, make_person(name="王五", mobile="13300133000"))
    customer_store.soft_delete_customer(customer_file, gone.id)
    found = {c.id: c for c in merges.candidates(customer_file)}
    assert set(found) == {survivor.id, other.id}
    assert found[other.id].phones == ("01088886666", "13600136000", "13500135000")
    assert found[survivor.id].phones == ("13900139000", "13700137000")
    assert found[survivor.id].name_pinyin == "beijingshundawuliuyouxiangongsi"
    assert found[other.id].kind is CustomerKind.COMPANY and found[other.id].credit_code == "91350100M000100Y43"
    [pair] = find_pairs(found.values())
    # the same name too, but their numbers differ: only the credit code counts
    assert pair.reasons == (MatchReason.CREDIT_CODE,)


def test_merge_moves_the_others_rows_and_deletes_it(customer_file, two):
    cf = customer_file
    survivor, other = two
    before_other = {t: count(cf, t, other.id) for t in merges.MOVED_TABLES}
    op_id = merge(cf, survivor, other, {"phone": Side.OTHER, "owner": Side.SURVIVOR})

    kept = customer_store.get_customer(cf, survivor.id)
    assert kept.phone == "01088886666"  # chosen
    assert kept.owner is None  # chosen: the survivor's empty owner
    assert kept.name == "北京顺达物流有限公司"
    assert kept.tags == ("VIP", "物流")
    assert customer_store.get_customer(cf, other.id).deleted_at is not None
    # the survivor's contact persons first, the moved ones after, only one primary
    assert [(c.name, c.is_primary) for c in kept.contacts] == [
        ("李四", True), ("单田芳", False), ("赵六", False), ("钱七", False)]
    assert customer_store.customer_ids(cf, CustomerQuery(text="赵六")) == [survivor.id]

    # everything moved except the plan for a period the survivor has and the same generated review
    assert count(cf, "sales_plans", other.id) == 1
    assert cf.execute("SELECT period FROM sales_plans WHERE customer_id = ?", [other.id]).fetchone()[0] == "2026-11"
    assert cf.execute("SELECT gen_key FROM follow_ups WHERE customer_id = ?", [other.id]).fetchall() == [
        ("review:2026Q4",)]
    for table in merges.MOVED_TABLES:
        if table not in ("sales_plans", "follow_ups"):
            assert count(cf, table, other.id) == 0, table
    assert count(cf, "orders", survivor.id) == 4  # deleted ones too
    assert count(cf, "follow_ups", survivor.id) == 2 + before_other["follow_ups"] - 1

    op = get_operation(cf, op_id)
    assert op.label == f"{survivor.code} ← {other.code}"
    assert op.summary["moved"] == {
        "orders": 1, "payments": 1, "contacts": 1, "follow_ups": 2, "complaints": 1, "complaint_steps": 1,
        "sales_plans": 1, "contact_persons": 2,
    }
    assert op.summary["plans_kept"] == ["2026-11"] and op.summary["follow_ups_kept"] == 1
    assert op.summary["fields"] == ["phone", "tags"]
    assert op.journal["before"] == {"phone": None, "tags": ["物流"]}
    for customer in (survivor, other):
        merged_lines = [e for e in change_log(cf, customer.id) if e.action == "merge"]
        assert [(e.old, e.new) for e in merged_lines] == [(other.code, survivor.code)]


@pytest.mark.parametrize("change", ["survivor", "other", "other_deleted"])
def test_merge_refuses_when_either_changed_since_it_was_read(customer_file, two, change):
    cf = customer_file
    survivor, other = two
    if change == "survivor":
        customer_store.update_customer(cf, survivor.with_changes(city="天津市"))
    elif change == "other":
        customer_store.update_customer(cf, other.with_changes(city="天津市"))
    else:
        customer_store.soft_delete_customer(cf, other.id)
    before = snapshot(cf)
    with pytest.raises(WriteError) as refused:
        merge(cf, survivor, other)
    assert refused.value.problem is WriteProblem.CONFLICT
    assert snapshot(cf) == before
    assert merges.merges(cf) == []


def test_undo_puts_every_row_back_where_it_was(customer_file, two):
    cf = customer_file
    survivor, other = two
    before = snapshot(cf)
    op_id = merge(cf, survivor, other, {"phone": Side.OTHER, "city": Side.OTHER})
    assert snapshot(cf) != before

    assert merges.undo_merge(cf, op_id) is UndoOutcome.UNDONE
    assert snapshot(cf) == before
    assert get_operation(cf, op_id).undone
    assert customer_store.customer_ids(cf, CustomerQuery(text="赵六")) == [other.id]
    for customer in (survivor, other):
        assert [e.action for e in change_log(cf, customer.id)][-1] == "unmerge"


def test_undo_twice_is_refused(customer_file, two):
    cf = customer_file
    op_id = merge(cf, *two)
    assert merges.undo_merge(cf, op_id) is UndoOutcome.UNDONE
    after = snapshot(cf)
    assert merges.undo_merge(cf, op_id) is UndoOutcome.ALREADY_UNDONE
    assert snapshot(cf) == after


def test_undo_is_refused_once_the_survivor_was_edited_and_changes_nothing(customer_file, two):
    cf = customer_file
    survivor, other = two
    op_id = merge(cf, survivor, other)
    edited = customer_store.get_customer(cf, survivor.id)
    customer_store.update_customer(cf, edited.with_changes(city="天津市"))
    after_edit = snapshot(cf)
    assert merges.undo_merge(cf, op_id) is UndoOutcome.SURVIVOR_CHANGED
    assert snapshot(cf) == after_edit
    assert not get_operation(cf, op_id).undone


def test_undo_is_refused_once_the_other_was_restored(customer_file, two):
    cf = customer_file
    survivor, other = two
    op_id = merge(cf, survivor, other)
    customer_store.restore_customer(cf, other.id)
    after = snapshot(cf)
    assert merges.undo_merge(cf, op_id) is UndoOutcome.OTHER_CHANGED
    assert snapshot(cf) == after


def test_a_failing_undo_rolls_back_the_rows_it_had_moved(customer_file, two, monkeypatch):
    """restore_fields saying no after the rows went back: all of it is undone, nothing half-way."""
    cf = customer_file
    op_id = merge(cf, *two)
    after = snapshot(cf)
    monkeypatch.setattr(merges, "restore_fields", lambda *args: False)
    assert merges.undo_merge(cf, op_id) is UndoOutcome.SURVIVOR_CHANGED
    assert snapshot(cf) == after
    assert not get_operation(cf, op_id).undone


def test_rows_added_to_the_survivor_after_the_merge_stay_with_it_on_undo(customer_file, two):
    cf = customer_file
    survivor, other = two
    op_id = merge(cf, survivor, other)
    later = order_store.insert_order(cf, Order(survivor.id, date(2026, 11, 20), "整车运输", 1, 80_000))
    assert merges.undo_merge(cf, op_id) is UndoOutcome.UNDONE
    assert order_store.get_order(cf, later.id).customer_id == survivor.id
    assert count(cf, "orders", other.id) == 2


def test_undo_of_something_that_is_not_a_merge(customer_file):
    assert merges.undo_merge(customer_file, 99) is UndoOutcome.NOT_FOUND


def test_merging_people_without_rows(customer_file):
    cf = customer_file
    a = customer_store.insert_customer(cf, make_person(name="张三", mobile=None, tags=()))
    b = customer_store.insert_customer(cf, make_person(name="張三", mobile="13800138000", city="上海市"))
    op_id = merge(cf, a, b)
    kept = customer_store.get_customer(cf, a.id)
    assert (kept.mobile, kept.city) == ("13800138000", "北京市")  # empty mobile filled, city kept
    assert get_operation(cf, op_id).summary["moved"] == {}
    assert merges.undo_merge(cf, op_id) is UndoOutcome.UNDONE
    assert customer_store.get_customer(cf, a.id).mobile is None


def test_a_customer_cannot_be_merged_into_itself(customer_file):
    a = customer_store.insert_customer(customer_file, make_person())
    with pytest.raises(ValueError):
        merges.merge_customers(customer_file, a, a.id, a.row_version)


def test_planned_moves_counts_what_the_user_sees(customer_file, two):
    survivor, other = two
    moves = merges.planned_moves(customer_file, other.id, survivor.id)
    assert moves.live["orders"] == 1 and len(moves.ids["orders"]) == 2  # one is in the recycle bin
    assert moves.plans_kept == ("2026-11",) and moves.follow_ups_kept == 1
    alone = merges.planned_moves(customer_file, other.id)
    assert alone.plans_kept == () and alone.live["sales_plans"] == 2 and alone.live["follow_ups"] == 3


def test_summaries_show_orders_and_the_phone(customer_file, two):
    survivor, other = two
    rows = merges.summaries(customer_file, [survivor.id, other.id, survivor.id])
    assert rows[survivor.id].phone == "13900139000"  # no own number: the primary contact person's
    assert rows[other.id].phone == "01088886666"
    assert (rows[other.id].orders, rows[other.id].last_order) == (1, date(2026, 10, 3))
    assert rows[survivor.id].code == survivor.code and not rows[survivor.id].deleted


def _sales_rows(cf, customer_id: int, title: str) -> None:
    from crmdesk.domain.pipeline import Opportunity
    from crmdesk.storage import opportunities as opportunity_store

    opp = opportunity_store.insert_opportunity(cf, Opportunity(customer_id=customer_id, title=title, amount=10_000,
                                                               stage="initial", opened_on=date(2026, 10, 1)))
    opportunity_store.update_opportunity(cf, replace(opp, stage="needs", stage_since=date(2026, 10, 9)))


def test_a_merge_moves_opportunities_win_backs_campaigns_and_referrals_and_undo_puts_them_back(customer_file, two):
    from crmdesk.domain.campaigns import Campaign, CampaignChannel
    from crmdesk.domain.referrals import Referral
    from crmdesk.domain.win_back import WinBackEpisode, WinBackReason
    from crmdesk.storage import campaigns as campaign_store
    from crmdesk.storage import referrals as referral_store
    from crmdesk.storage import win_backs as win_back_store

    cf = customer_file
    survivor, other = two
    _sales_rows(cf, survivor.id, "仓储")
    _sales_rows(cf, other.id, "冷链")
    win_back_store.insert_episode(cf, WinBackEpisode(other.id, date(2026, 9, 1), WinBackReason.MANUAL))
    both = campaign_store.insert_campaign(cf, Campaign("双十一", CampaignChannel.SMS, date(2026, 11, 1),
                                                       date(2026, 11, 11)))
    only_other = campaign_store.insert_campaign(cf, Campaign("展会", CampaignChannel.TRADE_FAIR, date(2026, 10, 1),
                                                             date(2026, 10, 3)))
    campaign_store.add_targets(cf, both, [survivor.id, other.id])
    campaign_store.add_targets(cf, only_other, [other.id])
    campaign_store.set_reached(cf, both, other.id, date(2026, 11, 2))
    friend = customer_store.insert_customer(cf, make_person(name="周八", mobile="13100131000"))
    boss = customer_store.insert_customer(cf, make_person(name="吴九", mobile="13200132000"))
    referral_store.set_referral(cf, Referral(friend.id, other.id))  # the other referred a friend
    referral_store.set_referral(cf, Referral(other.id, boss.id))  # and was referred by the boss

    def state() -> dict:
        out = snapshot(cf)
        out["campaign_customers"] = sorted(cf.execute("SELECT * FROM campaign_customers").fetchall())
        out["referrals"] = sorted(cf.execute("SELECT referred_id, referrer_id FROM referrals").fetchall())
        return out

    before = state()
    op_id = merge(cf, customer_store.get_customer(cf, survivor.id), customer_store.get_customer(cf, other.id))
    for table in ("opportunities", "opportunity_stages", "win_backs"):
        assert count(cf, table, other.id) == 0, table
    assert count(cf, "opportunities", survivor.id) == 2 and count(cf, "opportunity_stages", survivor.id) == 4
    assert cf.execute("SELECT campaign_id, customer_id, reached_on FROM campaign_customers ORDER BY 1, 2").fetchall() \
        == [(both.id, survivor.id, "2026-11-02"), (both.id, other.id, "2026-11-02"), (only_other.id, survivor.id, None)]
    assert sorted(cf.execute("SELECT referred_id, referrer_id FROM referrals").fetchall()) == sorted(
        [(friend.id, survivor.id), (survivor.id, boss.id)])
    assert merges.undo_merge(cf, op_id) is UndoOutcome.UNDONE
    assert state() == before


def test_a_referral_between_the_two_stays_with_the_merged_record(customer_file, two):
    from crmdesk.domain.referrals import Referral
    from crmdesk.storage import referrals as referral_store

    cf = customer_file
    survivor, other = two
    referral_store.set_referral(cf, Referral(other.id, survivor.id))
    op_id = merge(cf, customer_store.get_customer(cf, survivor.id), customer_store.get_customer(cf, other.id))
    assert cf.execute("SELECT referred_id, referrer_id FROM referrals").fetchall() == [(other.id, survivor.id)]
    assert merges.undo_merge(cf, op_id) is UndoOutcome.UNDONE
