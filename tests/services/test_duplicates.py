"""The duplicate scan, merging a pair by the user's choices and undoing it (services.duplicates)."""

from __future__ import annotations

from datetime import date

import pytest

from crmdesk.domain.customer import CustomerKind
from crmdesk.domain.duplicates import MatchReason, Side
from crmdesk.domain.orders import Order
from crmdesk.services import duplicates as service
from crmdesk.storage import customers as customer_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import WriteError, WriteProblem
from tests.factories import make_company, make_person


@pytest.fixture
def file_with_duplicates(customer_file):
    cf = customer_file
    ids = {}
    for key, customer in {
        "zhang": make_person(name="张三", mobile="13800138000", city="北京市"),
        "zhang_again": make_person(name="張三", mobile="13800138000", city=None, email="zs@example.com"),
        "li": make_person(name="李四", mobile="13911112222"),
        "li_other": make_person(name="李四", mobile="13922223333"),  # another 李四: different number
        "company": make_company(),
        "company_again": make_company(name="顺达物流", phone="01099998888", contacts=()),
    }.items():
        ids[key] = customer_store.insert_customer(cf, customer).id
    for day in (3, 17):
        order_store.insert_order(cf, Order(ids["zhang_again"], date(2026, 10, day), "快递", 1, 2_000))
    return ids


def test_scan_lists_pairs_with_what_helps_to_decide(customer_file, file_with_duplicates):
    ids = file_with_duplicates
    rows = service.scan(customer_file)
    assert [(r.a.id, r.b.id, r.reasons) for r in rows] == [
        (ids["company"], ids["company_again"], (MatchReason.CREDIT_CODE,)),
        (ids["zhang"], ids["zhang_again"], (MatchReason.PHONE, MatchReason.NAME_PINYIN)),
    ]
    zhang = rows[1]
    assert (zhang.a.code, zhang.a.name, zhang.a.kind, zhang.a.city) == ("KH000001", "张三", CustomerKind.PERSONAL,
                                                                       "北京市")
    assert zhang.a.phone == zhang.b.phone == "138****8000"  # masked
    assert (zhang.b.orders, zhang.b.last_order) == (2, date(2026, 10, 17))
    assert (zhang.a.orders, zhang.a.last_order) == (0, None)


def test_merge_by_choices_then_the_pair_is_gone(customer_file, file_with_duplicates):
    cf, ids = customer_file, file_with_duplicates
    survivor, other = customer_store.get_customer(cf, ids["zhang"]), customer_store.get_customer(cf, ids["zhang_again"])
    assert service.what_moves(cf, other.id, survivor.id)["orders"] == 2
    op_id = service.merge(cf, survivor.id, other.id, {"name": Side.OTHER},
                          versions=(survivor.row_version, other.row_version))
    kept = customer_store.get_customer(cf, survivor.id)
    assert (kept.name, kept.email, kept.city) == ("張三", "zs@example.com", "北京市")
    assert [r.a.id for r in service.scan(cf)] == [ids["company"]]
    assert service.scan(cf)[0].b.id == ids["company_again"]
    assert [m.id for m in service.merges(cf)] == [op_id]
    assert service.what_moves(cf, other.id)["orders"] == 0

    assert service.undo_merge(cf, op_id) is service.UndoOutcome.UNDONE
    assert len(service.scan(cf)) == 2
    assert customer_store.get_customer(cf, survivor.id).name == "张三"
    assert service.undo_merge(cf, op_id) is service.UndoOutcome.ALREADY_UNDONE
    assert service.merges(cf)[0].undone


def test_merge_refuses_records_changed_since_the_user_saw_them(customer_file, file_with_duplicates):
    cf, ids = customer_file, file_with_duplicates
    survivor, other = customer_store.get_customer(cf, ids["zhang"]), customer_store.get_customer(cf, ids["zhang_again"])
    customer_store.update_customer(cf, other.with_changes(city="上海市"))
    with pytest.raises(WriteError) as refused:
        service.merge(cf, survivor.id, other.id, {}, versions=(survivor.row_version, other.row_version))
    assert refused.value.problem is WriteProblem.CONFLICT
    assert customer_store.get_customer(cf, other.id).deleted_at is None
    assert service.merges(cf) == []


def test_merge_refuses_a_customer_already_merged_away(customer_file, file_with_duplicates):
    cf, ids = customer_file, file_with_duplicates
    service.merge(cf, ids["zhang"], ids["zhang_again"], {})
    with pytest.raises(WriteError):
        service.merge(cf, ids["li"], ids["zhang_again"], {})


def test_scan_of_a_file_without_duplicates(customer_file):
    customer_store.insert_customer(customer_file, make_person())
    assert service.scan(customer_file) == []
