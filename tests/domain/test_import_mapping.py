"""Headers both ways: synonyms, the header row under title rows, remembered corrections."""

from __future__ import annotations

import pytest

from crmdesk.domain.customer import (
    AccountType, ContactRole, CustomerKind, Gender, LifecycleStatus, MaritalStatus, SourceChannel,
)
from crmdesk.domain.import_mapping import (
    CHOICE_WORDS,
    TARGETS,
    ImportKind,
    choice_word,
    find_header_row,
    guess_kind,
    guess_mapping,
    header_key,
    missing_targets,
    parse_choice,
    target_of,
)
from crmdesk.domain.orders import PaymentMethod


@pytest.mark.parametrize("header", ["手机", "手机号", "手机号码", "联系电话", " 手机号码* ", "手机号码（必填）", "Mobile"])
def test_every_mobile_synonym_maps_to_mobile(header):
    assert target_of(ImportKind.CUSTOMERS, header) == "mobile"


@pytest.mark.parametrize(("header", "target"), [
    ("客户名称", "name"), ("单位名称", "name"), ("统一社会信用代码", "credit_code"),
    ("纳税人识别号", "credit_code"), ("业务员", "owner"), ("联系人", "contact_name"),
    ("身份证号码", "id_number"), ("ＱＱ", "qq"), ("E-mail", "email"), ("客户类型", "kind"),
])
def test_ledger_headers_map_to_their_fields(header, target):
    assert target_of(ImportKind.CUSTOMERS, header) == target


def test_header_key_ignores_width_case_spaces_and_hints():
    assert header_key("  ＱＱ号 ") == header_key("qq号")
    assert header_key("重量(kg)") == "重量"
    assert header_key("金额（元）") == "金额"
    assert header_key(None) == ""


def test_our_own_headers_in_both_languages_map_back_to_their_target():
    for kind, targets in TARGETS.items():
        for t in targets:
            assert target_of(kind, t.zh) == t.key, (kind, t.zh)
            assert target_of(kind, t.en) == t.key, (kind, t.en)


def test_header_row_found_under_a_merged_title_row():
    rows = [
        ("2026年客户台账", None, None),
        (None, None, None),
        ("序号", "客户名称", "手机号码", "地址"),
        (1, "张三", "13800138000", "北京"),
    ]
    assert find_header_row(rows, ImportKind.CUSTOMERS) == 2


def test_no_header_row_when_nothing_is_recognised():
    assert find_header_row([("a", "b"), (1, 2)], ImportKind.CUSTOMERS) is None


def test_kind_is_guessed_from_telling_headers():
    assert guess_kind([("客户名称", "手机", "地址")]) is ImportKind.CUSTOMERS
    assert guess_kind([("客户名称", "发货日期", "运单号", "运费", "目的地")]) is ImportKind.ORDERS
    assert guess_kind([("客户名称", "回款日期", "金额", "收款方式")]) is ImportKind.PAYMENTS


def test_mapping_gives_each_field_one_column_and_remembered_corrections_win():
    headers = ["客户名称", "手机", "联系电话", "客户电话", "备注"]
    assert guess_mapping(ImportKind.CUSTOMERS, headers) == ["name", "mobile", None, None, "notes"]
    remembered = {header_key("客户电话"): "phone", header_key("备注"): ""}
    assert guess_mapping(ImportKind.CUSTOMERS, headers, remembered) == ["name", "mobile", None, "phone", None]


def test_missing_required_columns_are_named():
    assert missing_targets(ImportKind.CUSTOMERS, ["mobile"]) == [frozenset({"name"})]
    assert missing_targets(ImportKind.CUSTOMERS, ["name"]) == []
    missing = missing_targets(ImportKind.ORDERS, ["customer_name", "amount"])
    assert missing == [frozenset({"order_date"})]


def test_choice_words_in_both_languages_and_variants():
    assert parse_choice(Gender, "男") is Gender.MALE
    assert parse_choice(Gender, "Female") is Gender.FEMALE
    assert parse_choice(AccountType, "月结") is AccountType.MONTHLY
    assert parse_choice(PaymentMethod, "银行转账") is PaymentMethod.BANK_TRANSFER
    assert parse_choice(CustomerKind, "企业") is CustomerKind.COMPANY
    assert parse_choice(CustomerKind, "personal") is CustomerKind.PERSONAL
    assert parse_choice(Gender, "未知") is None


ALL_CHOICES = [AccountType, Gender, CustomerKind, PaymentMethod, ContactRole, LifecycleStatus, MaritalStatus,
               SourceChannel]


@pytest.mark.parametrize("enum", ALL_CHOICES, ids=lambda e: e.__name__)
def test_every_choice_has_words_that_read_back_as_it(enum):
    for member in enum:
        assert len(CHOICE_WORDS[(enum, member.value)]) >= 2
        for chinese in (True, False):
            assert parse_choice(enum, choice_word(member, chinese)) is member


def test_equal_values_of_different_choices_keep_their_own_words():
    # AccountType.CASH == PaymentMethod.CASH == "cash": 现结 is a settlement, 现金 a payment
    assert choice_word(AccountType.CASH, True) == "现结"
    assert choice_word(PaymentMethod.CASH, True) == "现金"
    assert parse_choice(AccountType, "现结") is AccountType.CASH
