"""The customer model: fields declared once, masking, staleness."""

from __future__ import annotations

from datetime import date

import pytest

from crmdesk.domain.customer import (
    COMPANY_GROUPS,
    FIELDS,
    PERSONAL_GROUPS,
    CustomerKind,
    Group,
    fields_for,
    mask_id_number,
    mask_phone,
    verification_overdue,
)


def test_personal_has_eight_groups_and_company_five():
    assert len(PERSONAL_GROUPS) == 8 and len(COMPANY_GROUPS) == 5
    for kind, groups in ((CustomerKind.PERSONAL, PERSONAL_GROUPS), (CustomerKind.COMPANY, COMPANY_GROUPS)):
        for group in groups:
            if group is not Group.CONTACTS:
                assert fields_for(kind, group), f"{kind} {group} has no fields"


def test_field_names_are_unique():
    names = [f.name for f in FIELDS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    "value, masked",
    [("13800138000", "138****8000"), ("01065529988", "010****9988"), ("", ""), (None, ""), ("12345", "1****")],
)
def test_mask_phone(value, masked):
    assert mask_phone(value) == masked


def test_mask_id_number():
    assert mask_id_number("11010519491231002X") == "110105********002X"


@pytest.mark.parametrize(
    "last, overdue",
    [(None, True), (date(2025, 11, 23), False), (date(2025, 11, 22), True), (date(2026, 11, 23), False)],
)
def test_verification_overdue_after_365_days(last, overdue):
    assert verification_overdue(last, date(2026, 11, 23), 365) is overdue
