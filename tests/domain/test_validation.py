from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from crmdesk.domain import dates, money
from crmdesk.domain.customer import (
    FIELDS,
    FIELDS_BY_NAME,
    AccountType,
    ContactPerson,
    ContactRole,
    Customer,
    CustomerKind,
    FieldType,
    Gender,
    LifecycleStatus,
    SourceChannel,
)
from crmdesk.domain.validation import (
    ErrorCode,
    FieldError,
    FieldValueError,
    clean_single_line,
    clean_text,
    format_phone,
    normalize_credit_code,
    normalize_customer,
    normalize_email,
    normalize_id_number,
    normalize_mobile,
    normalize_phone,
    parse_contact_field,
    parse_field,
    validate_customer,
)

VALID_ID = "11010519491231002X"
VALID_USCC = "91350100M000100Y43"
C0_EXCEPT_TAB_LF = re.compile("[\x00-\x08\x0b-\x1f\x7f]")

# Text that leans on the characters that break things: controls, CR, combining
# marks, RTL marks, emoji, full-width digits, lone surrogates.
hostile_text = st.text(
    st.one_of(
        st.characters(),
        st.sampled_from(
            list("\x00\x01\x1b\x7f\r\n\t \u3000\u200f\u202e\u0301\u0308e\ufeff１😀")
            + ["\ud800", "\udfff"]
        ),
    ),
    max_size=60,
)


def test_error_codes_are_lower_snake() -> None:
    for code in ErrorCode:
        assert re.fullmatch(r"[a-z]+(?:_[a-z0-9]+)*", code.value)
        assert code.value == code.name.lower()


def test_money_and_date_codes_are_error_codes() -> None:
    for code in (money.INVALID_AMOUNT, money.AMOUNT_OUT_OF_RANGE, money.NEGATIVE_AMOUNT, dates.INVALID_DATE):
        assert ErrorCode(code) == code


def test_field_error_is_hashable_and_compares_params() -> None:
    a = FieldError("name", ErrorCode.TOO_LONG, {"max": 200})
    assert a == FieldError("name", ErrorCode.TOO_LONG, {"max": 200})
    assert a != FieldError("name", ErrorCode.TOO_LONG, {"max": 100})
    assert len({a, FieldError("name", ErrorCode.TOO_LONG, {"max": 200})}) == 1


# ---------------------------------------------------------------- text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("abc", "abc"),
        ("a\x00b", "ab"),
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\tb\n", "a\tb\n"),
        ("a\x1b[31mb", "a[31mb"),
        ("a\x7fb", "ab"),
        ("e\u0301", "\u00e9"),  # NFC
        ("e\x00\u0301", "\u00e9"),  # controls go before NFC composes
        ("😀 \u200fשלום\u200e", "😀 \u200fשלום\u200e"),
        ("１３８", "１３８"),  # NFKC is for phone and ID fields only
        ("'; DROP TABLE--", "'; DROP TABLE--"),
        ("50%_off", "50%_off"),
        ("a\ud800b", "ab"),  # a lone surrogate cannot be stored as UTF-8
        ("  keep  ends  ", "  keep  ends  "),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  张三  ", "张三"),
        ("a\nb", "a b"),
        ("a \r\n\t b", "a b"),
        ("a  b", "a  b"),  # inner spaces are kept
        ("\u3000张三\u3000", "张三"),
        ("\x00", ""),
        ("a\u0000\u200fb", "a\u200fb"),
    ],
)
def test_clean_single_line(raw: str, clean: str) -> None:
    assert clean_single_line(raw) == clean


@given(hostile_text)
def test_clean_text_properties(s: str) -> None:
    cleaned = clean_text(s)
    assert clean_text(cleaned) == cleaned
    assert not C0_EXCEPT_TAB_LF.search(cleaned)
    assert "\r" not in cleaned
    cleaned.encode("utf-8")  # storable


@given(hostile_text)
def test_clean_single_line_properties(s: str) -> None:
    cleaned = clean_single_line(s)
    assert clean_single_line(cleaned) == cleaned
    assert not re.search("[\x00-\x1f\x7f]", cleaned)
    assert cleaned == cleaned.strip()


def test_clean_text_takes_text_only() -> None:
    with pytest.raises(TypeError):
        clean_text(None)  # type: ignore[arg-type]


def test_long_text_survives() -> None:
    s = "长" * 100_000
    assert clean_text(s) == s


# ---------------------------------------------------------------- phones


@pytest.mark.parametrize(
    ("raw", "digits"),
    [
        ("13800138000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("+86 138-0013-8000", "13800138000"),
        ("+8613800138000", "13800138000"),
        ("0086 138 0013 8000", "13800138000"),
        ("１３８００１３８０００", "13800138000"),
        ("＋８６ １３８ ００１３ ８０００", "13800138000"),
        ("  13800138000  ", "13800138000"),
    ],
)
def test_normalize_mobile(raw: str, digits: str) -> None:
    assert normalize_mobile(raw) == digits


@pytest.mark.parametrize(
    "raw",
    [
        "12345678901",  # not a Chinese number (ecosystem.md)
        "010-65529988",  # a landline is not a mobile
        "4008001234",
        "1380013800",  # one digit short
        "138001380000",
        "138OO138OOO",  # letters would be read as keypad digits
        "13800138000x",
        "1-800-FLOWERS",
        "+1 650 253 0000",  # valid, but not Chinese
        "+852 9123 4567",
        "",
        "abc",
        "138\x0000138000",
        "١٣٨٠٠١٣٨٠٠٠",
    ],
)
def test_normalize_mobile_rejects(raw: str) -> None:
    with pytest.raises(FieldValueError) as info:
        normalize_mobile(raw)
    assert info.value.code == ErrorCode.INVALID_MOBILE


@pytest.mark.parametrize(
    ("raw", "digits"),
    [
        ("010-65529988", "01065529988"),
        ("010-6552 9988", "01065529988"),
        ("(010) 6552-9988", "01065529988"),
        ("+86 10 6552 9988", "01065529988"),
        ("０１０－６５５２９９８８", "01065529988"),
        ("0755-12345678", "075512345678"),
        ("021 1234 5678", "02112345678"),
        ("13800138000", "13800138000"),  # the phone field takes mobiles too
        ("400-800-1234", "4008001234"),  # shared cost
        ("800-810-1234", "8008101234"),  # toll free
    ],
)
def test_normalize_phone(raw: str, digits: str) -> None:
    assert normalize_phone(raw) == digits


@pytest.mark.parametrize(
    "raw", ["12345678901", "010-65529988-123", "010-65529988 转 123", "95588", "+1 650 253 0000", "phone", ""]
)
def test_normalize_phone_rejects(raw: str) -> None:
    with pytest.raises(FieldValueError) as info:
        normalize_phone(raw)
    assert info.value.code == ErrorCode.INVALID_PHONE


@pytest.mark.parametrize(
    ("digits", "shown"),
    [
        ("13800138000", "138 0013 8000"),
        ("01065529988", "010 6552 9988"),
        ("075512345678", "0755 1234 5678"),
        ("4008001234", "400 800 1234"),
        ("", ""),
        (None, ""),
        ("12345", "12345"),  # invalid values display as stored
    ],
)
def test_format_phone(digits: str | None, shown: str) -> None:
    assert format_phone(digits) == shown


@given(st.sampled_from(["13800138000", "01065529988", "4008001234", "075512345678"]))
def test_format_phone_reads_back(digits: str) -> None:
    assert normalize_phone(format_phone(digits)) == digits


# ---------------------------------------------------------------- IDs


def _with_check_digit(first17: str) -> str:
    return first17 + ric.calc_check_digit(first17 + "0")


def test_test_data_is_real_format() -> None:
    assert ric.is_valid(VALID_ID)
    assert uscc.is_valid(VALID_USCC)


@pytest.mark.parametrize(
    "raw",
    [
        VALID_ID,
        "11010519491231002x",
        "110105 19491231 002X",
        "１１０１０５１９４９１２３１００２Ｘ",
        "１１０１０５１９４９１２３１００２ｘ",
        " 11010519491231002X\t",
    ],
)
def test_normalize_id_number(raw: str) -> None:
    assert normalize_id_number(raw) == VALID_ID


def test_computed_id_validates() -> None:
    number = _with_check_digit("11010519800101123")
    assert normalize_id_number(number) == number


@pytest.mark.parametrize(
    ("raw", "params"),
    [
        ("110105194912310021", {}),  # checksum
        ("11010519491231002Y", {}),
        (_with_check_digit("11010519490230002"), {}),  # 30 February, checksum right
        (_with_check_digit("99999919800101123"), {}),  # no such region
        ("1101051949123100", {}),
        ("11010519491231002XX", {}),
        ("110105491231002", {"reason": "legacy_15"}),
        ("", {}),
        ("11010519491231-02X", {}),
        ("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X", {}),
    ],
)
def test_normalize_id_number_rejects(raw: str, params: dict[str, object]) -> None:
    with pytest.raises(FieldValueError) as info:
        normalize_id_number(raw)
    assert info.value.code == ErrorCode.INVALID_ID_NUMBER
    assert info.value.params == params


@pytest.mark.parametrize(
    "raw", [VALID_USCC, "91350100m000100y43", "9135 0100 M000 100Y 43", "91350100-M000100Y43", "９１３５０１００Ｍ０００１００Ｙ４３"]
)
def test_normalize_credit_code(raw: str) -> None:
    assert normalize_credit_code(raw) == VALID_USCC


@pytest.mark.parametrize(
    "raw", ["91350100M000100Y44", "91350100M000100Y4", "91350100M000100Y433", "9135010OM000100Y43", "", "abc"]
)
def test_normalize_credit_code_rejects(raw: str) -> None:
    with pytest.raises(FieldValueError) as info:
        normalize_credit_code(raw)
    assert info.value.code == ErrorCode.INVALID_CREDIT_CODE


# ---------------------------------------------------------------- e-mail


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("zhang.san@example.com", "zhang.san@example.com"),
        ("Zhang.San@Example.COM", "Zhang.San@example.com"),
        (" a+tag@mail.example.cn ", "a+tag@mail.example.cn"),
        ("zhangsan＠qq.com", "zhangsan@qq.com"),
        ("张三@例子.中国", "张三@例子.中国"),
    ],
)
def test_normalize_email(raw: str, clean: str) -> None:
    assert normalize_email(raw) == clean


@pytest.mark.parametrize(
    "raw",
    [
        "", "plain", "@example.com", "a@", "a@b", "a@@b.com", "a@b@c.com", "a b@c.com",
        "a@b .com", "a@.com", "a@b..com", "a@b.com.", ".a@b.com", "a.@b.com", "a..b@c.com",
        "a<b>@c.com", "a@b,com", "a\x00@b.com", "a@b.com\n",
    ],
)
def test_normalize_email_rejects(raw: str) -> None:
    if raw.endswith("\n"):
        raw = raw + "x"  # a break inside the value, not one strip() removes
    with pytest.raises(FieldValueError) as info:
        normalize_email(raw)
    assert info.value.code == ErrorCode.INVALID_EMAIL


# ---------------------------------------------------------------- parse_field


@pytest.mark.parametrize("spec", FIELDS, ids=lambda s: s.name)
@pytest.mark.parametrize("blank", ["", "   ", "\t\n", "\u3000", "\x00"])
def test_blank_is_none_or_required(spec, blank: str) -> None:
    if spec.required:
        with pytest.raises(FieldValueError) as info:
            parse_field(spec, blank)
        assert info.value.error == FieldError(spec.name, ErrorCode.REQUIRED)
    else:
        assert parse_field(spec, blank) is None


@pytest.mark.parametrize(
    ("name", "text", "value"),
    [
        ("name", "  张三\x00 ", "张三"),
        ("name", "e\u0301mile", "\u00e9mile"),
        ("notes", "line 1\r\nline 2\n", "line 1\nline 2\n"),
        ("code", "C" * 32, "C" * 32),
        ("birthday", "1990年2月3日", date(1990, 2, 3)),
        ("founded", "２０１０/５/６", date(2010, 5, 6)),
        ("registered_capital", "¥1,000,000", 100_000_000),
        ("typical_spend", "１２３４", 123400),
        ("employees", "１２", 12),
        ("employees", "0", 0),
        ("payment_day", "31", 31),
        ("payment_day", " 1 ", 1),
        ("status", "active", LifecycleStatus.ACTIVE),
        ("status", " WON_BACK ", LifecycleStatus.WON_BACK),
        ("gender", "female", Gender.FEMALE),
        ("source", "trade_fair", SourceChannel.TRADE_FAIR),
        ("account_type", "cod", AccountType.COD),
        ("mobile", "１３８００１３８０００", "13800138000"),
        ("phone", "010-65529988", "01065529988"),
        ("email", "A@Example.com", "A@example.com"),
        ("id_number", "11010519491231002x", VALID_ID),
        ("credit_code", "91350100m000100y43", VALID_USCC),
    ],
)
def test_parse_field(name: str, text: str, value: object) -> None:
    result = parse_field(FIELDS_BY_NAME[name], text)
    assert result == value
    assert type(result) is type(value)


@pytest.mark.parametrize(
    ("name", "text", "code", "params"),
    [
        ("code", "C" * 33, ErrorCode.TOO_LONG, {"max": 32}),
        ("name", "名" * 201, ErrorCode.TOO_LONG, {"max": 200}),
        ("birthday", "2023-02-29", ErrorCode.INVALID_DATE, {}),
        ("birthday", "yesterday", ErrorCode.INVALID_DATE, {}),
        ("typical_spend", "-5", ErrorCode.NEGATIVE_AMOUNT, {}),
        ("typical_spend", "1e3", ErrorCode.INVALID_AMOUNT, {}),
        ("credit_limit", "99999999999999", ErrorCode.AMOUNT_OUT_OF_RANGE, {}),
        ("employees", "-1", ErrorCode.INVALID_INTEGER, {}),
        ("employees", "1.5", ErrorCode.INVALID_INTEGER, {}),
        ("employees", "1,000", ErrorCode.INVALID_INTEGER, {}),
        ("employees", "abc", ErrorCode.INVALID_INTEGER, {}),
        ("employees", "9" * 20, ErrorCode.INVALID_INTEGER, {}),
        ("employees", "١٢", ErrorCode.INVALID_INTEGER, {}),
        ("payment_day", "0", ErrorCode.INVALID_INTEGER, {"min": 1, "max": 31}),
        ("payment_day", "32", ErrorCode.INVALID_INTEGER, {"min": 1, "max": 31}),
        ("status", "bogus", ErrorCode.INVALID_CHOICE, {}),
        ("gender", "男", ErrorCode.INVALID_CHOICE, {}),
        ("mobile", "12345678901", ErrorCode.INVALID_MOBILE, {}),
        ("phone", "12345678901", ErrorCode.INVALID_PHONE, {}),
        ("email", "not an email", ErrorCode.INVALID_EMAIL, {}),
        ("id_number", "110105194912310021", ErrorCode.INVALID_ID_NUMBER, {}),
        ("id_number", "110105491231002", ErrorCode.INVALID_ID_NUMBER, {"reason": "legacy_15"}),
        ("credit_code", "91350100M000100Y44", ErrorCode.INVALID_CREDIT_CODE, {}),
    ],
)
def test_parse_field_errors(name: str, text: str, code: ErrorCode, params: dict[str, object]) -> None:
    with pytest.raises(FieldValueError) as info:
        parse_field(FIELDS_BY_NAME[name], text)
    assert info.value.error == FieldError(name, code, params)
    assert isinstance(info.value, ValueError)


def test_every_field_type_is_parsed() -> None:
    assert {spec.type for spec in FIELDS} == set(FieldType)


@given(st.sampled_from(FIELDS), hostile_text)
def test_parse_field_never_crashes(spec, text: str) -> None:
    try:
        value = parse_field(spec, text)
    except FieldValueError as e:
        assert e.field == spec.name
        return
    if isinstance(value, str):
        assert not C0_EXCEPT_TAB_LF.search(value)
        assert len(value) <= spec.max_length
        value.encode("utf-8")
        if spec.type is FieldType.TEXT:
            assert "\n" not in value and "\t" not in value


@pytest.mark.parametrize(
    ("name", "text", "value"),
    [
        ("name", " 李四 ", "李四"),
        ("role", "purchaser", ContactRole.PURCHASER),
        ("mobile", "138 0013 8000", "13800138000"),
        ("email", "x@Y.com", "x@y.com"),
        ("notes", "", None),
    ],
)
def test_parse_contact_field(name: str, text: str, value: object) -> None:
    assert parse_contact_field(name, text) == value


def test_parse_contact_field_name_required() -> None:
    with pytest.raises(FieldValueError) as info:
        parse_contact_field("name", " ")
    assert info.value.error == FieldError("name", ErrorCode.REQUIRED)


# ---------------------------------------------------------------- customers


def _person(**changes) -> Customer:
    base = Customer(
        kind=CustomerKind.PERSONAL,
        name="张三",
        code="C0001",
        gender=Gender.MALE,
        birthday=date(1949, 12, 31),
        id_number=VALID_ID,
        mobile="13800138000",
        phone="01065529988",
        email="zhangsan@example.com",
        typical_spend=123450,
        notes="第一行\n第二行",
        tags=("VIP", "北京"),
    )
    return base.with_changes(**changes)


def _company(**changes) -> Customer:
    base = Customer(
        kind=CustomerKind.COMPANY,
        name="某某科技有限公司",
        credit_code=VALID_USCC,
        registered_capital=100_000_000,
        founded=date(2010, 5, 6),
        employees=120,
        payment_day=25,
        account_type=AccountType.MONTHLY,
        credit_limit=money.MAX_FEN,
        annual_revenue=0,
        phone="4008001234",
        contacts=(
            ContactPerson(name="李四", role=ContactRole.PURCHASER, mobile="13800138000", is_primary=True),
            ContactPerson(name="王五", phone="01065529988", email="wangwu@example.com"),
        ),
    )
    return base.with_changes(**changes)


def test_valid_customers_have_no_errors() -> None:
    assert validate_customer(_person()) == []
    assert validate_customer(_company()) == []
    assert validate_customer(Customer(kind=CustomerKind.PERSONAL, name="x")) == []


def _codes(c: Customer) -> set[tuple[str, ErrorCode]]:
    return {(e.field, e.code) for e in validate_customer(c)}


@pytest.mark.parametrize(
    ("customer", "field", "code"),
    [
        (_person(name=""), "name", ErrorCode.REQUIRED),
        (_person(name=" \t\x00"), "name", ErrorCode.REQUIRED),
        (_person(name="名" * 201), "name", ErrorCode.TOO_LONG),
        (_person(code="C" * 33), "code", ErrorCode.TOO_LONG),
        (_person(status=None), "status", ErrorCode.REQUIRED),
        (_person(status="active"), "status", ErrorCode.INVALID_CHOICE),  # a str, not the member
        (_person(gender=AccountType.CASH), "gender", ErrorCode.INVALID_CHOICE),
        (_person(mobile="12345678901"), "mobile", ErrorCode.INVALID_MOBILE),
        (_person(mobile="138 0013 8000"), "mobile", ErrorCode.INVALID_MOBILE),  # not normalized
        (_person(mobile="01065529988"), "mobile", ErrorCode.INVALID_MOBILE),
        (_person(phone="12345678901"), "phone", ErrorCode.INVALID_PHONE),
        (_person(email="bad"), "email", ErrorCode.INVALID_EMAIL),
        (_person(email="a@Example.com"), "email", ErrorCode.INVALID_EMAIL),  # not normalized
        (_person(id_number="110105194912310021"), "id_number", ErrorCode.INVALID_ID_NUMBER),
        (_person(id_number="11010519491231002x"), "id_number", ErrorCode.INVALID_ID_NUMBER),
        (_person(typical_spend=-1), "typical_spend", ErrorCode.NEGATIVE_AMOUNT),
        (_person(typical_spend=money.MAX_FEN + 1), "typical_spend", ErrorCode.AMOUNT_OUT_OF_RANGE),
        (_person(typical_spend=True), "typical_spend", ErrorCode.INVALID_TYPE),
        (_person(typical_spend="12"), "typical_spend", ErrorCode.INVALID_TYPE),
        (_person(birthday="1990-01-01"), "birthday", ErrorCode.INVALID_TYPE),
        (_person(birthday=datetime(1990, 1, 1)), "birthday", ErrorCode.INVALID_TYPE),
        (_person(birthday=date(1850, 1, 1)), "birthday", ErrorCode.INVALID_DATE),
        (_person(notes=42), "notes", ErrorCode.INVALID_TYPE),
        (_person(credit_code=VALID_USCC), "credit_code", ErrorCode.NOT_APPLICABLE),
        (_person(employees=3), "employees", ErrorCode.NOT_APPLICABLE),
        (_person(contacts=(ContactPerson(name="李四"),)), "contacts", ErrorCode.NOT_APPLICABLE),
        (_company(gender=Gender.FEMALE), "gender", ErrorCode.NOT_APPLICABLE),
        (_company(id_number=VALID_ID), "id_number", ErrorCode.NOT_APPLICABLE),
        (_company(typical_spend=0), "typical_spend", ErrorCode.NOT_APPLICABLE),
        (_company(credit_code="91350100M000100Y44"), "credit_code", ErrorCode.INVALID_CREDIT_CODE),
        (_company(credit_code="91350100m000100y43"), "credit_code", ErrorCode.INVALID_CREDIT_CODE),
        (_company(payment_day=0), "payment_day", ErrorCode.INVALID_INTEGER),
        (_company(payment_day=32), "payment_day", ErrorCode.INVALID_INTEGER),
        (_company(employees=-1), "employees", ErrorCode.INVALID_INTEGER),
        (_company(employees=1.0), "employees", ErrorCode.INVALID_TYPE),
        (_company(registered_capital=-100), "registered_capital", ErrorCode.NEGATIVE_AMOUNT),
        (_company(short_name="简" * 101), "short_name", ErrorCode.TOO_LONG),
    ],
)
def test_validate_customer_errors(customer: Customer, field: str, code: ErrorCode) -> None:
    assert _codes(customer) == {(field, code)}


def test_unnormalized_value_says_why() -> None:
    [error] = validate_customer(_person(mobile="+86 138 0013 8000"))
    assert error == FieldError("mobile", ErrorCode.INVALID_MOBILE, {"reason": "not_normalized"})


def test_too_long_carries_max() -> None:
    [error] = validate_customer(_person(name="名" * 201))
    assert error.params == {"max": 200}


def test_legacy_id_reason_is_kept() -> None:
    [error] = validate_customer(_person(id_number="110105491231002"))
    assert error == FieldError("id_number", ErrorCode.INVALID_ID_NUMBER, {"reason": "legacy_15"})


def test_contact_errors_are_indexed() -> None:
    c = _company(
        contacts=(
            ContactPerson(name="李四", mobile="13800138000"),
            ContactPerson(name=" ", mobile="12345678901", phone="x", email="no", role="boss"),
        )
    )
    assert _codes(c) == {
        ("contacts[1].name", ErrorCode.REQUIRED),
        ("contacts[1].mobile", ErrorCode.INVALID_MOBILE),
        ("contacts[1].phone", ErrorCode.INVALID_PHONE),
        ("contacts[1].email", ErrorCode.INVALID_EMAIL),
        ("contacts[1].role", ErrorCode.INVALID_CHOICE),
    }


def test_invalid_kind_is_reported() -> None:
    c = _person(kind="alien")
    assert ("kind", ErrorCode.INVALID_CHOICE) in _codes(c)


def test_errors_follow_fields_order() -> None:
    c = _person(name="", mobile="1", email="x", status=None)
    assert [e.field for e in validate_customer(c)] == ["status", "name", "mobile", "email"]


# ---------------------------------------------------------------- normalize


def test_normalize_customer_from_messy_input() -> None:
    messy = Customer(
        kind=CustomerKind.COMPANY,
        name="  某某\x00科技\n有限公司 ",
        status="active",
        credit_code="９１３５０１００ｍ０００１００ｙ４３",
        phone="400-800-1234",
        mobile="＋８６ １３８ ００１３ ８０００",
        email=" Info@Example.COM ",
        notes="a\r\nb\x07",
        address="   ",
        account_type="monthly",
        tags=(" VIP ", "VIP", "", "\t", "北京", "e\u0301"),
        contacts=(
            ContactPerson(name=" 李四\t", mobile="138-0013-8000", email="LI@Example.com ", title=" ", role="finance"),
        ),
    )
    c = normalize_customer(messy)
    assert c.name == "某某科技 有限公司"
    assert c.status is LifecycleStatus.ACTIVE
    assert c.account_type is AccountType.MONTHLY
    assert c.credit_code == VALID_USCC
    assert c.phone == "4008001234"
    assert c.mobile == "13800138000"
    assert c.email == "Info@example.com"
    assert c.notes == "a\nb"
    assert c.address is None
    assert c.tags == ("VIP", "北京", "\u00e9")
    [p] = c.contacts
    assert (p.name, p.mobile, p.email, p.title, p.role) == ("李四", "13800138000", "LI@example.com", None, ContactRole.FINANCE)
    assert validate_customer(c) == []


def test_normalize_customer_leaves_invalid_values() -> None:
    c = normalize_customer(_person(mobile=" 12345678901 ", id_number="110105194912310021", email="bad", status="bogus"))
    assert c.mobile == " 12345678901 "
    assert c.id_number == "110105194912310021"
    assert c.email == "bad"
    assert c.status == "bogus"
    assert _codes(c) == {
        ("mobile", ErrorCode.INVALID_MOBILE),
        ("id_number", ErrorCode.INVALID_ID_NUMBER),
        ("email", ErrorCode.INVALID_EMAIL),
        ("status", ErrorCode.INVALID_CHOICE),
    }


def test_normalize_customer_blank_name_stays_a_string() -> None:
    c = normalize_customer(_person(name=" \x00 "))
    assert c.name == ""
    assert _codes(c) == {("name", ErrorCode.REQUIRED)}


def test_normalize_keeps_valid_customers() -> None:
    for c in (_person(), _company()):
        assert normalize_customer(c) == c


@given(
    name=hostile_text,
    notes=hostile_text,
    mobile=st.one_of(st.none(), hostile_text, st.sampled_from(["１３８００１３８０００", "138 0013 8000"])),
    tags=st.lists(hostile_text, max_size=5).map(tuple),
)
def test_normalize_customer_is_idempotent_and_clean(name: str, notes: str, mobile: str | None, tags: tuple[str, ...]) -> None:
    c = normalize_customer(Customer(kind=CustomerKind.PERSONAL, name=name, notes=notes, mobile=mobile, tags=tags))
    assert normalize_customer(c) == c
    assert not re.search("[\x00-\x1f\x7f]", c.name)
    assert c.notes is None or not C0_EXCEPT_TAB_LF.search(c.notes)
    assert len(set(c.tags)) == len(c.tags) and all(c.tags)
