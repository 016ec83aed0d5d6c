"""Builders of valid test customers."""

from __future__ import annotations

from crmdesk.domain.customer import ContactPerson, ContactRole, Customer, CustomerKind


def make_person(**overrides) -> Customer:
    values = dict(kind=CustomerKind.PERSONAL, name="张三", mobile="13800138000", city="北京市")
    values.update(overrides)
    return Customer(**values)


def make_company(**overrides) -> Customer:
    values = dict(
        kind=CustomerKind.COMPANY,
        name="北京顺达物流有限公司",
        credit_code="91350100M000100Y43",
        phone="01065529988",
        contacts=(
            ContactPerson(name="李四", title="采购经理", role=ContactRole.PURCHASER,
                          mobile="13900139000", is_primary=True),
            ContactPerson(name="单田芳", title="物流主管", role=ContactRole.USER, mobile="13700137000"),
        ),
    )
    values.update(overrides)
    return Customer(**values)
