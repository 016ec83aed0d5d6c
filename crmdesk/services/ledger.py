"""Ledger use-cases: entering orders and payments with their checks, and the sums.

A new order also moves its customer along the lifecycle (a prospect's first
order makes it active, a lost customer's makes it won back: services.win_back).

Entering an order that takes the receivable over the credit limit comes back
with the numbers (``credit``) and nothing saved, unless the caller confirms
it; a file whose rules say "block" refuses it even then.  A payment larger
than what is owed is refused unless it is recorded as a prepayment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from crmdesk.domain.orders import (
    CreditCheck,
    FinancialSummary,
    Order,
    Payment,
    PlanProgress,
    credit_check,
    financial_summary,
    plan_progress,
    validate_order,
    validate_payment,
)
from crmdesk.domain.validation import FieldError
from crmdesk.domain.win_back import NO_CHANGE, LifecycleChange
from crmdesk.services import win_back
from crmdesk.storage import customers as customer_store
from crmdesk.storage import file_settings
from crmdesk.storage import orders as store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.orders import LedgerRow


@dataclass(frozen=True)
class OrderResult:
    order: Order | None  # stored, or None when nothing was saved
    errors: tuple[FieldError, ...] = ()
    credit: CreditCheck | None = None  # the over-limit numbers, when the order goes over
    blocked: bool = False  # over the limit and the file's rules refuse it
    lifecycle: LifecycleChange = NO_CHANGE  # a new order's step: prospect -> active, lost -> won back

    @property
    def needs_confirmation(self) -> bool:
        return self.order is None and self.credit is not None and not self.blocked


@dataclass(frozen=True)
class PaymentResult:
    payment: Payment | None
    errors: tuple[FieldError, ...] = ()


def save_order(cf: CustomerFile, order: Order, today: date, *, over_limit_confirmed: bool = False) -> OrderResult:
    """Add (no id) or change an order, after validation and the credit check."""
    rules = file_settings.ledger_rules(cf)
    errors = validate_order(order, today, rules.horizon_days)
    if errors:
        return OrderResult(None, tuple(errors))
    billed, paid = store.balance(cf, order.customer_id)
    if order.id is not None:
        old = store.get_order(cf, order.id)
        billed -= old.amount if old is not None else 0
    customer = customer_store.get_customer(cf, order.customer_id)
    limit = customer.credit_limit if customer is not None else None
    check = credit_check(billed - paid, order.amount, limit)
    if check is not None and (rules.block_over_limit or not over_limit_confirmed):
        return OrderResult(None, (), check, blocked=rules.block_over_limit)
    if order.id is not None:
        return OrderResult(store.update_order(cf, order), (), check)
    # A new order moves the customer on (domain.win_back.after_order), in the order's own
    # transaction: the order and the status (and the episode it ends) land together or not at all.
    with cf.transaction():
        stored = store.insert_order(cf, order)
        change = win_back.apply_order(cf, stored)
    return OrderResult(stored, (), check, lifecycle=change)


def save_payment(cf: CustomerFile, payment: Payment, today: date, *, prepayment: bool = False) -> PaymentResult:
    """Add (no id) or change a payment; more than is owed only as a prepayment."""
    rules = file_settings.ledger_rules(cf)
    billed, paid = store.balance(cf, payment.customer_id)
    if payment.id is not None:
        old = store.get_payment(cf, payment.id)
        paid -= old.amount if old is not None else 0
    errors = validate_payment(payment, billed - paid, today, horizon_days=rules.horizon_days,
                              allow_prepayment=prepayment)
    if errors:
        return PaymentResult(None, tuple(errors))
    stored = store.insert_payment(cf, payment) if payment.id is None else store.update_payment(cf, payment)
    return PaymentResult(stored)


def delete_order(cf: CustomerFile, order: Order) -> None:
    store.delete_order(cf, order)


def delete_payment(cf: CustomerFile, payment: Payment) -> None:
    store.delete_payment(cf, payment)


def customer_summary(cf: CustomerFile, customer_id: int, today: date) -> FinancialSummary:
    orders = sorted(store.orders_of(cf, customer_id), key=lambda o: (o.order_date, o.id))
    return financial_summary(orders, store.payments_of(cf, customer_id), today)


def plan_progresses(cf: CustomerFile, customer_id: int, today: date) -> list[PlanProgress]:
    orders = store.orders_of(cf, customer_id)
    return [plan_progress(plan, orders, today) for plan in store.plans_of(cf, customer_id)]


def ledger(cf: CustomerFile, today: date) -> list[LedgerRow]:
    """Every customer with orders or payments: billed, paid, receivable, aging.

    (Summing the orders on a second connection in a thread measured slower,
    0.93 s against 0.72 s on 1,000,000 orders: building the Python dicts
    holds the GIL either way.)
    """
    return store.ledger_rows(cf, today)
