"""LedgerAccess: what the orders and payments tabs may do, bound to the open file and today.

The tabs get this object instead of a file or a service module, so they stay
free of storage and are easy to test with a real temporary file.
"""

from __future__ import annotations

from datetime import date

from crmdesk.domain.orders import FinancialSummary, Order, Payment, PlanProgress
from crmdesk.services import ledger
from crmdesk.services.ledger import OrderResult, PaymentResult
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import CustomerFile


class LedgerAccess:
    def __init__(self, cf: CustomerFile, today: date) -> None:
        self._cf = cf
        self.today = today

    @property
    def read_only(self) -> bool:
        return self._cf.read_only

    def orders(self, customer_id: int) -> list[Order]:
        """Newest first."""
        return order_store.orders_of(self._cf, customer_id)

    def payments(self, customer_id: int) -> list[Payment]:
        """Newest first."""
        return order_store.payments_of(self._cf, customer_id)

    def summary(self, customer_id: int) -> FinancialSummary:
        return ledger.customer_summary(self._cf, customer_id, self.today)

    def plans(self, customer_id: int) -> list[PlanProgress]:
        return ledger.plan_progresses(self._cf, customer_id, self.today)

    def save_order(self, order: Order, *, over_limit_confirmed: bool = False) -> OrderResult:
        return ledger.save_order(self._cf, order, self.today, over_limit_confirmed=over_limit_confirmed)

    def save_payment(self, payment: Payment, *, prepayment: bool = False) -> PaymentResult:
        return ledger.save_payment(self._cf, payment, self.today, prepayment=prepayment)

    def delete_order(self, order: Order) -> None:
        ledger.delete_order(self._cf, order)

    def delete_payment(self, payment: Payment) -> None:
        ledger.delete_payment(self._cf, payment)
