"""Duplicate matching rules and the merge's field choices (domain.duplicates)."""

from __future__ import annotations

from datetime import date

import pytest

from crmdesk.domain.customer import CustomerKind, Gender, LifecycleStatus
from crmdesk.domain.duplicates import (
    MAX_NAME_REPRESENTATIVES,
    Candidate,
    DuplicateIndex,
    DuplicatePair,
    Match,
    MatchReason,
    Side,
    default_choices,
    differing_fields,
    find_pairs,
    match_reasons,
    merged_customer,
    name_key,
    phone_key,
    pinyin_key,
)
from tests.factories import make_company, make_person

P, C = CustomerKind.PERSONAL, CustomerKind.COMPANY
R = MatchReason


def person(cid, name="张三", phones=(), id_number=None, pinyin=None) -> Candidate:
    return Candidate(cid, P, name, pinyin_key(P, name) if pinyin is None else pinyin,
                     id_number=id_number, phones=tuple(phones))


def company(cid, name="北京顺达物流有限公司", phones=(), credit_code=None) -> Candidate:
    return Candidate(cid, C, name, pinyin_key(C, name), credit_code=credit_code, phones=tuple(phones))


# -- keys


@pytest.mark.parametrize("raw, key", [
    ("张三", "张三"),
    (" 张 三 ", "张三"),
    ("Zhang  San", "zhangsan"),
    ("ＺＨＡＮＧ　ＳＡＮ", "zhangsan"),  # full-width letters and space
    ("顺达物流（北京）有限公司", "顺达物流北京有限公司"),
    ("顺达物流(北京)有限公司", "顺达物流北京有限公司"),
    ("A.B.C.物流，有限公司。", "abc物流有限公司"),
    ("欧阳·娜娜", "欧阳娜娜"),
    ("Jean-Luc", "jeanluc"),
    ("", ""),
    (None, ""),
])
def test_name_key_drops_case_width_spaces_and_punctuation(raw, key):
    assert name_key(raw) == key


@pytest.mark.parametrize("raw, key", [
    ("13800138000", "13800138000"),
    ("+86 138-0013-8000", "13800138000"),
    ("008613800138000", "13800138000"),
    ("８６１３８００１３８０００", "13800138000"),
    ("010-6552 9988", "01065529988"),
    ("110", ""),  # too short to identify anyone
    (None, ""),
])
def test_phone_key_keeps_national_digits(raw, key):
    assert phone_key(raw) == key


def test_pinyin_key_reads_traditional_simplified_and_latin_alike():
    assert pinyin_key(P, "張三") == pinyin_key(P, "张三") == pinyin_key(P, "Zhang San") == "zhangsan"
    assert pinyin_key(P, "单田芳") == "shantianfang"  # the surname reading, as the file stores it


# -- the rules, one by one


@pytest.mark.parametrize("a, b, reasons", [
    (company(1, credit_code="91350100M000100Y43"), company(2, "别的公司", credit_code="91350100m000100y43"),
     (R.CREDIT_CODE,)),
    (person(1, id_number="11010519491231002X"), person(2, "李四", id_number="11010519491231002x"),
     (R.ID_NUMBER,)),
    (person(1, phones=("13800138000",)), person(2, "李四", phones=("13900139000", "13800138000")),
     (R.PHONE,)),
    # identifiers match across kinds: the person is the company's contact
    (person(1, "李四", phones=("13900139000",)), company(2, phones=("01065529988", "13900139000")),
     (R.PHONE,)),
    (person(1, "张三"), person(2, "张 三"), (R.NAME,)),
    (person(1, "张三"), person(2, "張三"), (R.NAME_PINYIN,)),
    (person(1, "Zhang San"), person(2, "张三"), (R.NAME_PINYIN,)),
    (person(1, "张三", phones=("13800138000",)), person(2, "张三"), (R.NAME,)),  # one has no number
    (person(1, "张三", phones=("13800138000",)), person(2, "张三", phones=("13800138000",)), (R.PHONE, R.NAME)),
    (company(1, credit_code="91350100M000100Y43", phones=("01065529988",)),
     company(2, credit_code="91350100M000100Y43", phones=("01065529988",)),
     (R.CREDIT_CODE, R.PHONE, R.NAME)),
])
def test_each_rule_matches(a, b, reasons):
    assert match_reasons(a, b) == reasons
    assert match_reasons(b, a) == reasons


@pytest.mark.parametrize("a, b", [
    # different credit codes, ID numbers or numbers: same name, still two customers
    (company(1, credit_code="91350100M000100Y43"), company(2, credit_code="91110000600037341L")),
    (person(1, id_number="11010519491231002X"), person(2, id_number="110105194912310029")),
    (person(1, phones=("13800138000",)), person(2, phones=("13900139000",))),
    (person(1, "张三", phones=("13800138000",)), person(2, "張三", phones=("13900139000",))),
    # a name only counts within one kind
    (person(1, "顺达"), company(2, "顺达")),
    # nothing in common
    (person(1, "张三"), person(2, "李四")),
    (person(1, "张三", pinyin=""), person(2, "李四", pinyin="")),
])
def test_contradicted_or_unrelated_customers_do_not_match(a, b):
    assert match_reasons(a, b) == ()


def test_a_shared_identifier_wins_over_a_contradicting_one():
    """Same phone but different ID numbers: the phone is still a reason, the name is not."""
    a = person(1, "张三", phones=("13800138000",), id_number="11010519491231002X")
    b = person(2, "张三", phones=("13800138000",), id_number="110105194912310029")
    assert match_reasons(a, b) == (R.PHONE,)


# -- the index (imports) and the scan


def test_index_matches_an_import_row_strongest_first_and_never_itself():
    stored = [
        person(1, "张三", phones=("13800138000",)),
        person(2, "張三"),
        person(3, "王五", id_number="11010519491231002X"),
        person(4, "张三", phones=("13700137000",)),  # contradicted by the row's number
        company(5, "张三"),  # another kind
    ]
    index = DuplicateIndex(stored)
    row = person(None, "张三", phones=("13800138000",), id_number="11010519491231002X")
    assert index.matches(row) == [
        Match(3, (R.ID_NUMBER,)),
        Match(1, (R.PHONE, R.NAME)),
        Match(2, (R.NAME_PINYIN,)),
    ]
    assert [m.id for m in index.matches(stored[0])] == [2]  # not itself


def test_index_takes_more_rows_as_an_import_goes_on():
    index = DuplicateIndex([person(1, "李四")])
    assert index.matches(person(None, "张三", phones=("13800138000",))) == []
    index.add(person(2, "张三", phones=("13800138000",)))
    assert index.matches(person(None, "张三", phones=("13800138000",))) == [Match(2, (R.PHONE, R.NAME))]
    with pytest.raises(ValueError):
        index.add(person(None, "王五"))
    with pytest.raises(ValueError):
        index.add(person(2, "王五"))


def test_find_pairs_lists_each_pair_once_with_all_reasons_strongest_first():
    pairs = find_pairs([
        person(7, "张三", phones=("13800138000",)),
        person(3, "张三", phones=("13800138000", "13900139000")),
        company(10, credit_code="91350100M000100Y43"),
        company(12, "顺达物流", credit_code="91350100M000100Y43"),
        person(20, "李四"),
        person(21, "李 四"),
        person(30, "王五"),
    ])
    assert pairs == [
        DuplicatePair(10, 12, (R.CREDIT_CODE,)),
        DuplicatePair(3, 7, (R.PHONE, R.NAME)),
        DuplicatePair(20, 21, (R.NAME,)),
    ]


def test_a_common_name_pairs_with_its_lowest_id_only():
    """300 张伟 without numbers: 299 pairs, each with the first, not 44,850."""
    pairs = find_pairs([person(i, "张伟") for i in range(1, 301)])
    assert len(pairs) == 299
    assert {p.a_id for p in pairs} == {1}
    assert {p.b_id for p in pairs} == set(range(2, 301))


def test_a_common_name_with_different_numbers_gives_no_pairs():
    pairs = find_pairs([person(i, "张伟", phones=(f"138{i:08d}",)) for i in range(1, 301)])
    assert pairs == []


def test_a_shared_number_pairs_with_its_lowest_id_only():
    pairs = find_pairs([person(i, f"客户{i}", phones=("4008001234",)) for i in range(1, 301)])
    assert len(pairs) == 299
    assert all(p.a_id == 1 and p.reasons == (R.PHONE,) for p in pairs)


def test_a_name_group_pairs_past_a_contradicting_first_member():
    """The lowest 张三 has a number the others contradict; they still pair among themselves."""
    pairs = find_pairs([
        person(1, "张三", phones=("13800138000",)),
        person(2, "张三", phones=("13900139000",)),
        person(3, "张三", phones=("13900139000",)),
        person(4, "张三", phones=("13700137000",)),
    ])
    assert pairs == [DuplicatePair(2, 3, (R.PHONE, R.NAME))]


def test_name_groups_stay_linear_when_every_member_contradicts_the_others():
    n = 3 * MAX_NAME_REPRESENTATIVES
    pairs = find_pairs([person(i, "王芳", phones=(f"139{i:08d}",)) for i in range(n)] + [person(n, "王芳")])
    # the one without a number pairs with the first member: it contradicts nobody
    assert pairs == [DuplicatePair(0, n, (R.NAME,))]


def test_traditional_and_simplified_names_pair_by_pinyin():
    pairs = find_pairs([person(1, "張三"), person(2, "张三"), person(3, "Zhang San")])
    assert pairs == [DuplicatePair(1, 2, (R.NAME_PINYIN,)), DuplicatePair(1, 3, (R.NAME_PINYIN,))]


def test_index_builds_for_a_hundred_thousand_customers():
    """Size, not time (timed in benchmarks/bench_duplicates.py): every key kept, pairs found."""
    candidates = [
        Candidate(i, P if i % 2 else C, f"客户{i // 2}", f"kehu{i // 2}", phones=(f"138{i:08d}",))
        for i in range(100_000)
    ]
    candidates.append(Candidate(100_000, P, "重复", "chongfu", phones=("13800000001",)))
    index = DuplicateIndex(candidates)
    assert len(index) == 100_001
    assert index.pairs() == [DuplicatePair(1, 100_000, (R.PHONE,))]


# -- merge choices


def test_differing_fields_in_form_order_for_the_survivors_kind():
    a = make_person(name="张三", mobile="13800138000", city=None, gender=Gender.MALE, notes="")
    b = make_person(name="張三", mobile="13900139000", city="北京市", gender=None, notes=None,
                    credit_code="91350100M000100Y43", code="KH000045")
    # city: a has none; notes: both empty; credit_code: not a person's; code: never a choice
    assert differing_fields(a, b) == ["name", "gender", "mobile", "city"]


def test_default_choices_keep_the_survivor_unless_it_is_empty():
    a = make_person(name="张三", mobile="13800138000", city=None, email="  ")
    b = make_person(name="張三", mobile="13900139000", city="上海市", email="zs@example.com")
    assert default_choices(a, b) == {
        "name": Side.SURVIVOR, "mobile": Side.SURVIVOR, "email": Side.OTHER, "city": Side.OTHER,
    }


def test_merged_customer_takes_the_chosen_values_and_unites_tags():
    a = make_person(id=1, row_version=4, name="张三", mobile="13800138000", city=None, tags=("VIP",),
                    status=LifecycleStatus.ACTIVE, birthday=None)
    b = make_person(id=2, row_version=9, name="張三", mobile="13900139000", city="上海市", tags=("老客户", "VIP"),
                    status=LifecycleStatus.LOST, birthday=date(1990, 5, 1))
    merged = merged_customer(a, b, {"mobile": Side.OTHER, "birthday": Side.SURVIVOR})
    assert merged.mobile == "13900139000"  # chosen
    assert merged.birthday is None  # chosen: the survivor's empty value
    assert merged.city == "上海市"  # not chosen: the default (survivor empty)
    assert merged.name == "张三" and merged.status is LifecycleStatus.ACTIVE
    assert merged.tags == ("VIP", "老客户")
    assert (merged.id, merged.row_version) == (1, 4)


def test_merged_customer_refuses_fields_that_are_not_choices():
    a, b = make_person(), make_person(name="李四")
    for name in ("code", "credit_code", "no_such_field"):
        with pytest.raises(ValueError):
            merged_customer(a, b, {name: Side.OTHER})


def test_merging_a_company_into_a_person_ignores_company_fields():
    a = make_person(name="张三")
    b = make_company(name="张三")
    merged = merged_customer(a, b, {name: Side.OTHER for name in differing_fields(a, b)})
    assert merged.credit_code is None and merged.kind is CustomerKind.PERSONAL
    assert merged.phone == b.phone  # shared fields do move
