"""Demo customers: reproducible, realistic and valid (crmdesk.demo_data)."""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import phonenumbers
import pytest
from phonenumbers import PhoneNumberType, geocoder
from pypinyin import Style, pinyin
from stdnum import numdb
from stdnum.cn import ric, uscc

from crmdesk.demo_data import (
    CITIES,
    PINYIN,
    POLYPHONIC_SURNAMES,
    SALES_TEAM,
    TAGS,
    generate_customers,
)
from crmdesk.domain.customer import (
    CONTACT_FIELD_TYPES,
    FIELDS,
    AccountType,
    ContactRole,
    Customer,
    CustomerKind,
    FieldType,
    Gender,
    LifecycleStatus,
    MaritalStatus,
    SourceChannel,
)

TODAY = date(2025, 6, 15)
N = 2000
REPO = Path(__file__).resolve().parent.parent

DIGEST_SCRIPT = """
import hashlib, sys
from datetime import date
from crmdesk.demo_data import generate_customers
h = hashlib.sha256()
for c in generate_customers(int(sys.argv[1]), int(sys.argv[2]), today=date(2025, 6, 15)):
    h.update(repr(c).encode())
print(h.hexdigest())
"""


def digest(customers) -> str:
    h = hashlib.sha256()
    for c in customers:
        h.update(repr(c).encode())
    return h.hexdigest()


@pytest.fixture(scope="module")
def customers() -> list[Customer]:
    return list(generate_customers(N, 7, today=TODAY))


@pytest.fixture(scope="module")
def persons(customers) -> list[Customer]:
    return [c for c in customers if c.kind is CustomerKind.PERSONAL]


@pytest.fixture(scope="module")
def companies(customers) -> list[Customer]:
    return [c for c in customers if c.kind is CustomerKind.COMPANY]


def is_valid_phone(number: str) -> bool:
    return phonenumbers.is_valid_number(phonenumbers.parse(number, "CN"))


def phone_type(number: str) -> int:
    return phonenumbers.number_type(phonenumbers.parse(number, "CN"))


def region_province(code: str) -> str | None:
    info = {k: v for _part, props in numdb.get("cn/loc").info(code) for k, v in props.items()}
    return info.get("province")


def age_on(birthday: date, today: date) -> int:
    return today.year - birthday.year - ((today.month, today.day) < (birthday.month, birthday.day))


# -- reproducibility -----------------------------------------------------------


def test_same_arguments_give_identical_customers():
    first = list(generate_customers(300, 42, today=TODAY))
    second = list(generate_customers(300, 42, today=TODAY))
    assert first == second
    assert digest(first) == digest(second)


def test_prefix_does_not_depend_on_n():
    longer = list(generate_customers(200, 3, today=TODAY))
    assert list(generate_customers(50, 3, today=TODAY)) == longer[:50]


def test_different_seed_or_today_differs():
    base = list(generate_customers(50, 1, today=TODAY))
    assert base != list(generate_customers(50, 2, today=TODAY))
    assert base != list(generate_customers(50, 1, today=date(2026, 1, 1)))


@pytest.mark.parametrize("hash_seed", ["0", "12345"])
def test_independent_of_hash_seed(hash_seed):
    expected = digest(generate_customers(300, 5, today=TODAY))
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-c", DIGEST_SCRIPT, "300", "5"],
        cwd=REPO, env=env, capture_output=True, text=True, check=True,
    )
    assert out.stdout.strip() == expected


def test_zero_and_negative_n():
    assert list(generate_customers(0, 1, today=TODAY)) == []
    with pytest.raises(ValueError):
        list(generate_customers(-1, 1, today=TODAY))


# -- shape of every customer ---------------------------------------------------


def test_kind_mix(customers, persons, companies):
    assert 0.55 <= len(persons) / N <= 0.65
    logistics_industries = ("物流", "供应链", "货运代理", "快运", "冷链物流", "仓储", "道路运输")
    logistics = [c for c in companies if c.industry in logistics_industries]
    assert 0.3 <= len(logistics) / len(companies) <= 0.6
    assert any(c.name.endswith("物流有限公司") for c in companies)
    assert any(c.name.endswith("供应链管理有限公司") for c in companies)
    assert any("货运代理" in c.name for c in companies)


def test_new_customers_have_no_code_or_id(customers):
    for c in customers:
        assert c.code is None and c.id is None and c.uid is None
        assert c.row_version == 0 and c.created_at is None


def test_fields_match_kind_and_type(customers):
    for c in customers:
        assert c.name and c.name.strip() == c.name
        for spec in FIELDS:
            value = getattr(c, spec.name)
            if c.kind not in spec.kinds:
                assert value is None, (c.kind, spec.name, value)
                continue
            if spec.required:
                assert value is not None, spec.name
            if value is None:
                continue
            if spec.type is FieldType.MONEY or spec.type is FieldType.INTEGER:
                assert type(value) is int and value >= 0, (spec.name, value)
            elif spec.type is FieldType.DATE:
                assert type(value) is date and value <= TODAY, (spec.name, value)
            elif spec.type is FieldType.CHOICE:
                assert isinstance(value, spec.choices), (spec.name, value)
            else:
                assert isinstance(value, str) and value, (spec.name, value)
                assert value.strip() == value, (spec.name, value)
                assert len(value) <= spec.max_length, (spec.name, value)
        if c.kind is CustomerKind.PERSONAL:
            assert c.contacts == ()


def test_management_fields(customers):
    statuses = Counter(c.status for c in customers)
    assert statuses.most_common(1)[0][0] is LifecycleStatus.ACTIVE
    assert set(statuses) == set(LifecycleStatus)
    sources = Counter(c.source for c in customers)
    assert sources[SourceChannel.REFERRAL] > N * 0.1 and sources[SourceChannel.WEBSITE] > N * 0.08
    owners = {c.owner for c in customers} - {None}
    assert owners == set(SALES_TEAM) and 4 <= len(owners) <= 6
    stale = 0
    for c in customers:
        assert len(c.tags) <= 2 and len(set(c.tags)) == len(c.tags)
        assert set(c.tags) <= set(TAGS)
        age = (TODAY - c.last_verified).days
        assert 0 <= age <= 731
        stale += age > 365
    assert 0.2 * N < stale < 0.5 * N
    assert sum(bool(c.tags) for c in customers) > N * 0.3
    assert sum(c.notes is not None for c in customers) > N * 0.05


# -- persons -------------------------------------------------------------------


def test_person_names(persons):
    for p in persons:
        assert 2 <= len(p.name) <= 4
        assert all("\u4e00" <= ch <= "\u9fff" for ch in p.name)
    surnames = Counter(next(s for s in (p.name[:2], p.name[:1]) if s in PINYIN) for p in persons)
    assert surnames.most_common(1)[0][0] in ("王", "李", "张")
    poly = [p for p in persons if p.name.startswith(POLYPHONIC_SURNAMES)]
    assert len(poly) > len(persons) * 0.02
    compound = {p.name[:2] for p in poly if p.name[:2] in ("尉迟", "欧阳", "司马", "诸葛", "上官")}
    assert len(compound) >= 3
    assert any(p.name.startswith(("单", "解", "仇", "区", "朴", "查", "盖")) for p in poly)


@pytest.mark.parametrize("seed", [1, 2, 3, 99])
def test_first_twenty_show_simple_and_polyphonic_names(seed):
    first = [
        c for c in generate_customers(20, seed, today=TODAY) if c.kind is CustomerKind.PERSONAL
    ]
    assert any(c.name.startswith(POLYPHONIC_SURNAMES) for c in first)
    simple = [c for c in first if len(c.name) in (2, 3) and c.name[0] in "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"]
    assert len(simple) >= 3


def test_pinyin_table_agrees_with_pypinyin():
    # surnames take their surname readings (单 shan, 区 ou, 查 zha ...), which
    # pypinyin lists among a character's readings
    for han, py in PINYIN.items():
        readings = pinyin(han, style=Style.NORMAL, heteronym=True)
        spelled = ["".join(r).replace("ü", "v") for r in itertools.product(*readings)]
        assert py in spelled, (han, py, readings)


def test_person_ages_and_birthdays(persons):
    with_birthday = [p for p in persons if p.birthday is not None]
    assert len(with_birthday) > len(persons) * 0.6
    ages = [age_on(p.birthday, TODAY) for p in with_birthday]
    assert min(ages) >= 20 and max(ages) <= 70
    assert min(ages) <= 23 and max(ages) >= 65


def test_id_numbers_valid_and_consistent(persons):
    with_id = [p for p in persons if p.id_number is not None]
    assert 0.25 <= len(with_id) / len(persons) <= 0.35
    for p in with_id:
        number = p.id_number
        assert ric.validate(number) == number  # checksum, date and region for the birth year
        assert ric.get_birth_date(number) == p.birthday
        assert (int(number[16]) % 2 == 1) == (p.gender is Gender.MALE)
        province = region_province(number[:6])
        if p.province == "重庆市" and p.birthday.year < 1997:
            assert number.startswith("5102")  # Chongqing was part of Sichuan
        else:
            assert province == p.province, (number, p.province)


def test_person_gender_mix(persons):
    genders = Counter(p.gender for p in persons)
    assert set(genders) == {Gender.MALE, Gender.FEMALE}
    assert abs(genders[Gender.MALE] - genders[Gender.FEMALE]) < len(persons) * 0.1


def test_person_soft_groups_sparse_and_coherent(persons):
    for p in persons:
        if p.anniversary is not None:
            assert p.marital_status is MaritalStatus.MARRIED
            assert p.birthday is None or age_on(p.birthday, p.anniversary) >= 20
        if p.children is not None:
            assert p.marital_status not in (None, MaritalStatus.SINGLE)
        if p.referred_by is not None:
            assert p.source is SourceChannel.REFERRAL
        if p.school is not None:
            assert p.education is not None
    for name in ("preferences", "usual_products", "typical_spend", "education", "school", "major",
                 "employer", "job_title", "industry", "marital_status", "anniversary", "children",
                 "hobbies", "habits", "personality", "relationships", "referred_by", "email"):
        filled = sum(getattr(p, name) is not None for p in persons)
        assert 0 < filled < len(persons) * 0.6, (name, filled)


# -- companies -----------------------------------------------------------------


def org_code_check(body: str) -> str:
    """GB 11714 check character, written independently of the generator."""
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(ch, 36) * w for ch, w in zip(body, weights))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def test_credit_codes_valid(companies):
    assert len({c.credit_code for c in companies}) == len(companies)
    for c in companies:
        code = c.credit_code
        assert uscc.validate(code) == code
        assert code[:2] == "91"
        assert region_province(code[2:8]) == c.province, (code, c.province)
        assert code[16] == org_code_check(code[8:16]), code
        if c.founded.year >= 2015:
            assert code[8:10] == "MA"


def test_company_fields(companies):
    for c in companies:
        assert c.name.endswith("有限公司") and c.short_name and c.short_name[:2] in c.name
        assert c.name.startswith((c.city, c.city.removesuffix("市")))
        assert c.legal_representative and 2 <= len(c.legal_representative) <= 4
        assert c.registered_capital >= 10_000 * 100 and c.registered_capital % 100 == 0
        assert date(1995, 1, 1) <= c.founded < TODAY
        assert c.company_size in ("微型", "小型", "中型", "大型")
        assert c.ownership in ("民营", "国有", "外资", "合资")
        assert c.region in ("华北", "东北", "华东", "华中", "华南", "西南", "西北")
        assert c.industry and c.main_products and c.employees > 0
        assert c.credit_rating in (None, "AAA", "AA", "A", "BBB")
        if c.account_type is AccountType.MONTHLY:
            assert 5 <= c.payment_day <= 28
            assert 20_000 * 100 <= c.credit_limit <= 500_000 * 100
            assert "月结" in c.payment_terms
        else:
            assert c.payment_day is None and c.credit_limit is None
    logistics = [c for c in companies if c.industry in ("物流", "快运", "冷链物流", "仓储", "供应链")]
    monthly = sum(c.account_type is AccountType.MONTHLY for c in logistics)
    assert monthly > len(logistics) * 0.7
    others = [c for c in companies if c.industry in ("贸易", "电子", "食品", "机械", "建材", "服装")]
    assert sum(c.account_type is not AccountType.MONTHLY for c in others) > len(others) * 0.5


def test_contacts(companies):
    counts = Counter(len(c.contacts) for c in companies)
    assert set(counts) == {1, 2, 3}
    roles = Counter()
    for c in companies:
        assert sum(p.is_primary for p in c.contacts) == 1 and c.contacts[0].is_primary
        assert c.primary_contact is c.contacts[0]
        titles = [p.title for p in c.contacts]
        assert len(set(titles)) == len(titles)
        if "总经理" in titles:
            assert c.contacts[0].title == "总经理" and c.contacts[0].name == c.legal_representative
        for p in c.contacts:
            assert p.name and p.title and isinstance(p.role, ContactRole)
            assert p.id is None and p.uid is None
            roles[p.role] += 1
            for field, ftype in CONTACT_FIELD_TYPES.items():
                value = getattr(p, field)
                if value is not None and ftype is not FieldType.CHOICE:
                    assert isinstance(value, str) and value, (field, value)
    assert {ContactRole.PURCHASER, ContactRole.USER, ContactRole.FINANCE} <= set(roles)


# -- numbers and addresses -----------------------------------------------------


def all_numbers(customers):
    for c in customers:
        yield c, "mobile", c.mobile
        yield c, "phone", c.phone
        for p in c.contacts:
            yield c, "contact mobile", p.mobile
            yield c, "contact phone", p.phone


def test_phone_numbers_valid(customers):
    seen = 0
    for c, field, number in all_numbers(customers):
        if number is None:
            continue
        seen += 1
        assert number.isdigit(), number
        assert is_valid_phone(number), (field, number)
        if "mobile" in field:
            assert len(number) == 11 and number[0] == "1"
            assert phone_type(number) in (
                PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE
            )
        else:
            assert number[0] == "0" and 10 <= len(number) <= 12
            assert phone_type(number) == PhoneNumberType.FIXED_LINE
            place = geocoder.description_for_number(phonenumbers.parse(number, "CN"), "zh")
            assert c.city in place, (number, c.city, place)
    assert seen > N
    companies = [c for c in customers if c.kind is CustomerKind.COMPANY]
    assert sum(c.phone is not None for c in companies) > 0.9 * len(companies)


def test_emails_wechat_qq(customers):
    email = re.compile(r"^[a-z0-9][a-z0-9._]*@[a-z0-9-]+(\.[a-z0-9-]+)+$")
    wechat = re.compile(r"^([a-zA-Z][a-zA-Z0-9_-]{5,19}|1\d{10})$")
    emails = [c.email for c in customers if c.email]
    emails += [p.email for c in customers for p in c.contacts if p.email]
    assert len(emails) > N * 0.3
    for value in emails:
        assert value.isascii() and email.match(value), value
    assert any(e.endswith("@qq.com") for e in emails)
    assert any(e.endswith("@163.com") for e in emails)
    for c in customers:
        for value in [c.wechat] + [p.wechat for p in c.contacts]:
            if value is not None:
                assert wechat.match(value), value
        if c.qq is not None:
            assert c.qq.isdigit() and c.qq[0] != "0" and 5 <= len(c.qq) <= 11


def test_addresses_cover_provinces_coherently(customers):
    provinces = Counter(c.province for c in customers)
    assert len(provinces) >= 15
    cities = {c.city for c in customers}
    assert cities <= set(CITIES) and len(cities) >= 25
    for c in customers:
        assert c.province and c.city and c.district
        if c.province in ("北京市", "上海市", "天津市", "重庆市"):
            assert c.city == c.province
    # a district belongs to one city (the same name in different cities is fine)
    city_of = {}
    for c in customers:
        city_of.setdefault((c.province, c.district), set()).add(c.city)
    assert all(len(v) == 1 for v in city_of.values())
    with_address = [c for c in customers if c.address]
    assert len(with_address) > N * 0.8
    assert all(re.search(r"\d+号", c.address) for c in with_address)


def test_district_codes_match_real_regions():
    # every (province, city, district) the generator knows has a region code
    # of that province in stdnum's table, via the companies' credit codes
    seen = {}
    for c in generate_customers(6000, 11, today=TODAY):
        if c.kind is CustomerKind.COMPANY:
            seen[(c.province, c.city, c.district)] = c.credit_code[2:8]
    for (province, _city, _district), code in seen.items():
        assert region_province(code) == province


def test_leap_day_today():
    for c in generate_customers(500, 4, today=date(2024, 2, 29)):
        if c.birthday is not None:
            assert 20 <= age_on(c.birthday, date(2024, 2, 29)) <= 70
        if c.id_number:
            assert ric.is_valid(c.id_number)
