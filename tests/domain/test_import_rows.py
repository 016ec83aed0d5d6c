"""Cells as the spreadsheet stored them, to typed values and customers."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from crmdesk.domain.customer import ContactPerson, CustomerKind, Gender
from crmdesk.domain.import_mapping import TARGETS_BY_KEY, ImportKind
from crmdesk.domain.import_rows import (
    build_customer,
    build_order,
    is_total_row,
    parse_cell,
    read_row,
    row_kind,
    update_of,
)
from crmdesk.domain.validation import ErrorCode, FieldValueError
from tests.factories import make_company, make_person

CUSTOMER = TARGETS_BY_KEY[ImportKind.CUSTOMERS]
ORDER = TARGETS_BY_KEY[ImportKind.ORDERS]


def _code(target, cell):
    with pytest.raises(FieldValueError) as e:
        parse_cell(target, cell)
    return e.value.code


def test_an_id_number_the_spreadsheet_made_a_float_is_refused_not_guessed():
    assert _code(CUSTOMER["id_number"], 1.10105e17) is ErrorCode.NUMBER_LOST_DIGITS
    assert _code(CUSTOMER["credit_code"], 9.1350100e17) is ErrorCode.NUMBER_LOST_DIGITS


def test_an_id_number_as_text_with_full_width_digits_is_normalised():
    assert parse_cell(CUSTOMER["id_number"], "１１０１０５１９４９１２３１００２ｘ") == "11010519491231002X"


def test_a_phone_stored_as_a_number_is_still_exact_and_read_as_text():
    assert parse_cell(CUSTOMER["mobile"], 13800138000) == "13800138000"
    assert parse_cell(CUSTOMER["mobile"], 13800138000.0) == "13800138000"
    assert _code(CUSTOMER["mobile"], 1.38001380001e16) is ErrorCode.NUMBER_LOST_DIGITS


def test_dates_from_cells_text_and_excel_serial_numbers():
    target = CUSTOMER["birthday"]
    assert parse_cell(target, datetime(1980, 5, 6)) == date(1980, 5, 6)
    assert parse_cell(target, "1980年5月6日") == date(1980, 5, 6)
    assert parse_cell(target, "1980.5.6") == date(1980, 5, 6)
    assert parse_cell(target, 29347) == date(1980, 5, 6)  # Excel's serial for 1980-05-06
    assert _code(target, "明天") is ErrorCode.INVALID_DATE


def test_money_cells_are_exact_fen_whatever_their_type():
    amount = ORDER["amount"]
    assert parse_cell(amount, 12.5) == 1250
    assert parse_cell(amount, 0.1 + 0.2) == 30  # Excel's 0.30000000000000004
    assert parse_cell(amount, "¥1,234.50") == 123450
    assert parse_cell(amount, "１２３４") == 123400
    assert parse_cell(amount, 99) == 9900
    assert _code(amount, "abc") is ErrorCode.INVALID_AMOUNT


def test_weight_in_kilograms_becomes_grams():
    assert parse_cell(ORDER["weight"], 12.5) == 12500
    assert parse_cell(ORDER["weight"], "3 kg") == 3000
    assert _code(ORDER["weight"], "heavy") is ErrorCode.INVALID_WEIGHT


def test_a_masked_value_from_our_own_export_counts_as_blank():
    assert parse_cell(CUSTOMER["mobile"], "138****8000") is None
    assert parse_cell(CUSTOMER["id_number"], "110105********002X") is None


def test_choices_accept_chinese_words():
    assert parse_cell(CUSTOMER["gender"], "女") is Gender.FEMALE
    assert _code(CUSTOMER["gender"], "保密") is ErrorCode.INVALID_CHOICE


@pytest.mark.parametrize("cells", [("合计", None, 1200), (None, "小计：", 5), (3, "总计", None), ("Total",)])
def test_total_rows_are_recognised(cells):
    assert is_total_row(cells)


def test_a_customer_called_like_a_total_is_not_a_total_row():
    assert not is_total_row((1, "张合计", "13800138000"))


def _row(mapping, cells, kind=ImportKind.CUSTOMERS, uncached=()):
    return read_row(kind, cells, mapping, 5, uncached)


def test_a_formula_without_a_value_is_an_error_on_its_cell():
    row = _row(["name", "credit_limit"], ["张三", None], uncached={1})
    assert [(e.column, e.code) for e in row.errors] == [(1, ErrorCode.FORMULA_WITHOUT_VALUE)]


def test_a_landline_in_the_mobile_column_goes_to_the_phone():
    row = _row(["name", "mobile"], ["张三", "010-65529988"])
    assert row.errors == []
    assert row.values["phone"] == "01065529988"
    assert "mobile" not in row.values


def test_a_bad_mobile_is_an_error_on_its_column():
    row = _row(["name", "mobile"], ["张三", "1380013800"])
    assert [(e.column, e.field, e.code) for e in row.errors] == [(1, "mobile", ErrorCode.INVALID_MOBILE)]


def test_kind_from_the_type_column_else_from_the_fields_and_the_name():
    assert row_kind({"kind": CustomerKind.COMPANY, "name": "张三"}) is CustomerKind.COMPANY
    assert row_kind({"name": "张三", "credit_code": "x"}) is CustomerKind.COMPANY
    assert row_kind({"name": "张三", "contact_name": "李四"}) is CustomerKind.COMPANY
    assert row_kind({"name": "北京顺达物流有限公司"}) is CustomerKind.COMPANY
    assert row_kind({"name": "老王五金店"}) is CustomerKind.COMPANY
    assert row_kind({"name": "张三", "gender": Gender.MALE}) is CustomerKind.PERSONAL
    assert row_kind({"name": "张三"}) is CustomerKind.PERSONAL


def test_a_company_row_brings_its_contact_person_with_the_title():
    row = _row(["name", "contact_name", "job_title", "contact_mobile"],
               ["北京顺达物流有限公司", "李四", "采购经理", "13900139000"])
    customer = build_customer(row)
    assert customer.kind is CustomerKind.COMPANY
    assert customer.contacts == (ContactPerson(name="李四", title="采购经理", mobile="13900139000", is_primary=True),)


def test_a_row_without_a_name_is_refused_with_the_name_column():
    row = _row(["name", "mobile"], [None, "13800138000"])
    assert build_customer(row) is None
    assert [(e.column, e.code) for e in row.errors] == [(0, ErrorCode.REQUIRED)]


def test_a_field_of_the_other_kind_is_refused():
    row = _row(["name", "kind", "gender"], ["北京顺达物流有限公司", "企业", "男"])
    assert build_customer(row) is None
    assert [(e.field, e.code) for e in row.errors] == [("gender", ErrorCode.NOT_APPLICABLE)]


def test_a_bad_id_checksum_is_refused():
    row = _row(["name", "id_number"], ["张三", "110105194912310021"])
    assert build_customer(row) is None
    assert [(e.column, e.code) for e in row.errors] == [(1, ErrorCode.INVALID_ID_NUMBER)]


def test_an_update_takes_filled_cells_only_and_adds_tags_and_contacts():
    existing = make_company(id=7, tags=("老客户",), address="北京市朝阳区", owner="王芳")
    incoming = make_company(address=None, owner="李明", tags=("物流",),
                            contacts=(ContactPerson(name="赵六", mobile="13600136000", is_primary=True),))
    changes = update_of(existing, incoming)
    assert changes["owner"] == "李明"
    assert "address" not in changes  # a blank cell never clears
    assert changes["tags"] == ("老客户", "物流")
    assert [c.name for c in changes["contacts"]] == ["李四", "单田芳", "赵六"]
    assert not changes["contacts"][-1].is_primary  # the customer has a primary contact already


def test_the_same_values_change_nothing():
    person = make_person(id=3)
    assert update_of(person, make_person()) == {}


def test_an_order_row_needs_a_date_and_an_amount():
    row = read_row(ImportKind.ORDERS, ["张三", None, 100], ["customer_name", "order_date", "amount"], 9)
    assert build_order(row, 1) is None
    assert [(e.field, e.code) for e in row.errors] == [("order_date", ErrorCode.REQUIRED)]
