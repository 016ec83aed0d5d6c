"""Saving customers through the service: normalised, validated, all or nothing."""

from __future__ import annotations

import pytest

from crmdesk.domain.customer import ContactPerson
from crmdesk.domain.validation import ErrorCode
from crmdesk.services import customers as service
from crmdesk.storage import customers as store
from tests.factories import make_company, make_person


@pytest.mark.parametrize(
    "changes, field, code",
    [
        ({"mobile": "12345678901"}, "mobile", ErrorCode.INVALID_MOBILE),
        ({"id_number": "110105194912310021"}, "id_number", ErrorCode.INVALID_ID_NUMBER),
        ({"name": "   "}, "name", ErrorCode.REQUIRED),
        ({"email": "not an email"}, "email", ErrorCode.INVALID_EMAIL),
    ],
)
def test_invalid_personal_fields_are_refused_with_the_field_named(customer_file, changes, field, code):
    result = service.save_customer(customer_file, make_person(**changes))
    assert not result.ok
    assert (result.errors[0].field, result.errors[0].code) == (field, code)
    assert store.customer_count(customer_file) == 0


def test_invalid_credit_code_and_contact_phone_are_refused(customer_file):
    bad = make_company(
        credit_code="91350100M000100Y44",
        contacts=(ContactPerson(name="李四", mobile="1390013"),),
    )
    result = service.save_customer(customer_file, bad)
    assert {(e.field, e.code) for e in result.errors} == {
        ("credit_code", ErrorCode.INVALID_CREDIT_CODE),
        ("contacts[0].mobile", ErrorCode.INVALID_MOBILE),
    }
    assert store.customer_count(customer_file) == 0


def test_full_width_digits_and_control_characters_are_normalised(customer_file):
    result = service.save_customer(
        customer_file,
        make_person(name="张\x00三\x07", mobile="１３８ ００１３ ８０００", notes="第一行\r\n第二行\x0b"),
    )
    assert result.ok
    stored = store.get_customer(customer_file, result.customer.id)
    assert (stored.name, stored.mobile, stored.notes) == ("张三", "13800138000", "第一行\n第二行")


def test_duplicate_code_comes_back_as_a_field_error(customer_file):
    assert service.save_customer(customer_file, make_person(code="VIP1")).ok
    result = service.save_customer(customer_file, make_person(code="VIP1", name="李四"))
    assert [(e.field, e.code) for e in result.errors] == [("code", ErrorCode.DUPLICATE_CODE)]


def test_edit_round_trip_through_the_service(customer_file):
    created = service.save_customer(customer_file, make_company()).customer
    edited = service.save_customer(customer_file, created.with_changes(city="天津市"))
    assert edited.ok and edited.customer.row_version == 2
    assert service.get_customer(customer_file, created.id).city == "天津市"
