"""Statement of account (对账单) for one customer and period, read from the file."""

from __future__ import annotations

from datetime import date

from crmdesk.domain.statements import Statement, build_statement
from crmdesk.storage import orders as store
from crmdesk.storage.customer_file import CustomerFile


def statement(cf: CustomerFile, customer_id: int, start: date, end: date) -> Statement:
    """Opening balance, each order and payment from ``start`` to ``end`` inclusive, closing balance."""
    return build_statement(
        store.orders_of(cf, customer_id), store.payments_of(cf, customer_id), start, end,
        customer_id=customer_id,
    )
