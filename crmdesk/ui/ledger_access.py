"""LedgerAccess: what a customer's tabs (orders, payments, follow-ups, contacts) may do,
bound to the open file and today.

The tabs get this object instead of a file or a service module, so they stay
free of storage and are easy to test with a real temporary file.
"""

from __future__ import annotations

from datetime import date

from crmdesk.domain.complaints import Complaint, ComplaintStep
from crmdesk.domain.followups import Contact, FollowUp, FollowUpState
from crmdesk.domain.money import MAX_FEN
from crmdesk.domain.orders import FinancialSummary, Order, Payment, Period, PeriodKind, PlanProgress, SalesPlan
from crmdesk.domain.validation import ErrorCode, FieldError
from crmdesk.services import complaints as complaint_service
from crmdesk.services import followups as follow_up_service
from crmdesk.services import ledger
from crmdesk.services.complaints import ComplaintCounts, ComplaintLine, Handled
from crmdesk.services.followups import Logged
from crmdesk.services.ledger import OrderResult, PaymentResult
from crmdesk.storage import complaints as complaint_store
from crmdesk.storage import followups as follow_up_store
from crmdesk.storage import orders as order_store
from crmdesk.storage import tiers as tier_store
from crmdesk.storage.complaints import ComplaintQuery
from crmdesk.storage.followups import DueRow
from crmdesk.storage.scores import CustomerScores, scores_of
from crmdesk.storage.tiers import StoredTier, TierChange
from crmdesk.ui.file_access import FileAccess


PLAN_YEARS = (1900, 2200)  # as Period.parse accepts


def plan_errors(plan: SalesPlan) -> list[FieldError]:
    """What is wrong with a plan before it is stored ("period", "amount")."""
    errors = []
    period = plan.period
    months = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4}.get(period.kind)
    if (
        not isinstance(period.year, int)
        or not PLAN_YEARS[0] <= period.year <= PLAN_YEARS[1]
        or months is None
        or not 1 <= period.number <= months
    ):
        errors.append(FieldError("period", ErrorCode.INVALID_CHOICE))
    if plan.amount < 0:
        errors.append(FieldError("amount", ErrorCode.NEGATIVE_AMOUNT))
    elif plan.amount > MAX_FEN:
        errors.append(FieldError("amount", ErrorCode.AMOUNT_OUT_OF_RANGE))
    return errors


class LedgerAccess(FileAccess):
    def orders(self, customer_id: int) -> list[Order]:
        """Newest first."""
        return order_store.orders_of(self._cf, customer_id)

    def payments(self, customer_id: int) -> list[Payment]:
        """Newest first."""
        return order_store.payments_of(self._cf, customer_id)

    def tier(self, customer_id: int) -> StoredTier | None:
        """The tier stored at the last recompute, with its cut-off by the file's rules (None: none yet)."""
        return tier_store.current_tier(self._cf, customer_id)

    def scores(self, customer_id: int) -> CustomerScores | None:
        """RFM and churn-model numbers from the last open (None: not computed)."""
        return scores_of(self._cf, customer_id)

    def tier_history(self, customer_id: int) -> list[TierChange]:
        """The customer's tier changes, oldest first."""
        return tier_store.tier_history(self._cf, customer_id)

    def summary(self, customer_id: int) -> FinancialSummary:
        return ledger.customer_summary(self._cf, customer_id, self.today)

    def plans(self, customer_id: int) -> list[PlanProgress]:
        """Plan, actual and time gone for each planned period (in storage order)."""
        return ledger.plan_progresses(self._cf, customer_id, self.today)

    def set_plan(self, plan: SalesPlan) -> list[FieldError]:
        """Set or replace the plan for its period; the errors, if any, and nothing stored.

        Raises WriteError when the file refuses (read-only, busy, disk full).
        """
        errors = plan_errors(plan)
        if not errors:
            order_store.set_plan(self._cf, plan)
        return errors

    def delete_plan(self, customer_id: int, period: Period) -> None:
        """Raises WriteError (CONFLICT) when the plan is already gone."""
        order_store.delete_plan(self._cf, customer_id, period)

    def save_order(self, order: Order, *, over_limit_confirmed: bool = False) -> OrderResult:
        return ledger.save_order(self._cf, order, self.today, over_limit_confirmed=over_limit_confirmed)

    def save_payment(self, payment: Payment, *, prepayment: bool = False) -> PaymentResult:
        return ledger.save_payment(self._cf, payment, self.today, prepayment=prepayment)

    def delete_order(self, order: Order) -> None:
        ledger.delete_order(self._cf, order)

    def delete_payment(self, payment: Payment) -> None:
        ledger.delete_payment(self._cf, payment)

    # -- contacts and follow-ups

    def contacts(self, customer_id: int) -> list[Contact]:
        """The contact log, newest first."""
        return follow_up_store.contacts_of(self._cf, customer_id)

    def due_follow_ups(self) -> list[DueRow]:
        """Every customer's follow-ups due today or overdue, oldest first (the today list)."""
        return follow_up_service.due(self._cf, self.today)

    def follow_ups(self, customer_id: int) -> list[FollowUp]:
        """Planned ones first by date, then the rest."""
        return follow_up_store.follow_ups_of(self._cf, customer_id)

    def log_contact(self, contact: Contact, *, completes: FollowUp | None = None,
                    next_follow_up: FollowUp | None = None) -> Logged:
        return follow_up_service.log_contact(self._cf, contact, completes=completes, next_follow_up=next_follow_up)

    def save_follow_up(self, follow_up: FollowUp) -> FollowUp | list[FieldError]:
        """A new or edited follow-up as stored, or what is wrong with it (nothing stored)."""
        return follow_up_service.save_follow_up(self._cf, follow_up)

    def close_follow_up(self, follow_up: FollowUp, state: FollowUpState) -> FollowUp:
        return follow_up_service.close(self._cf, follow_up, state)

    def delete_contact(self, contact: Contact) -> None:
        follow_up_store.delete_contact(self._cf, contact)

    def delete_follow_up(self, follow_up: FollowUp) -> None:
        follow_up_store.delete_follow_up(self._cf, follow_up)

    # -- complaints

    def complaints(self, customer_id: int) -> list[ComplaintLine]:
        """One customer's complaints as of today, open first."""
        return complaint_service.customer_complaints(self._cf, customer_id, self.today)

    def complaint_log(self, query: ComplaintQuery = ComplaintQuery()) -> list[ComplaintLine]:
        """The whole file's complaints that match, open first, VIP first, nearest deadline first."""
        return complaint_service.complaint_log(self._cf, self.today, query)

    def complaint_line(self, complaint_id: int) -> ComplaintLine | None:
        return complaint_service.complaint_line(self._cf, complaint_id, self.today)

    def complaint_owners(self) -> list[str]:
        return complaint_store.complaint_owners(self._cf)

    def complaint_counts(self) -> ComplaintCounts:
        return complaint_service.complaint_counts(self._cf, self.today)

    def escalated_customers(self) -> set[int]:
        return complaint_service.escalated_customers(self._cf, self.today)

    def timeline(self, complaint_id: int) -> list[ComplaintStep]:
        """The handling steps, oldest first."""
        return complaint_service.timeline(self._cf, complaint_id)

    def record_complaint(self, complaint: Complaint, *, first_response: str = "") -> Handled:
        return complaint_service.record_complaint(self._cf, complaint, today=self.today,
                                                  first_response=first_response)

    def edit_complaint(self, complaint: Complaint) -> Handled:
        return complaint_service.edit_complaint(self._cf, complaint)

    def delete_complaint(self, complaint: Complaint) -> None:
        complaint_service.delete_complaint(self._cf, complaint)

    def add_step(self, complaint: Complaint, step: ComplaintStep) -> Handled:
        return complaint_service.add_step(self._cf, complaint, step)

    def resolve_complaint(self, complaint: Complaint, *, on: date, outcome: str, satisfaction: int | None,
                          retained: bool | None, at: str | None = None) -> Handled:
        return complaint_service.resolve(self._cf, complaint, on=on, outcome=outcome, satisfaction=satisfaction,
                                         retained=retained, at=at)

    def reopen_complaint(self, complaint: Complaint, *, on: date, reason: str, at: str | None = None) -> Handled:
        return complaint_service.reopen(self._cf, complaint, on=on, reason=reason, at=at)

