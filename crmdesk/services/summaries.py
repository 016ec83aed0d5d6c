"""The figures of the two printed summaries (issue 10): a customer's periodic business review and
the file's monthly summary.

``customer_review`` gathers one customer's period (定期对老客户的业务进行总结):
what it bought and paid, what it owes now and how old that is, the contacts
and complaints, its tier, RFM and churn numbers, and what is planned next.
``monthly_summary`` puts the file's month together from services.reports.

Pure figures, no words: money in fen, dates as dates, codes as enums; the
documents in ui/reports word and lay them out.  ``today`` is a parameter.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from crmdesk.domain.complaints import Complaint, ComplaintCategory, ComplaintState, ComplaintStep, StepKind
from crmdesk.domain.customer import CustomerKind
from crmdesk.domain.dates import add_years_clamped
from crmdesk.domain.followups import Contact, FollowUp, FollowUpState
from crmdesk.domain.orders import FinancialSummary, Order, Period
from crmdesk.domain.tiers import Tier
from crmdesk.services import reports
from crmdesk.services.ledger import customer_summary
from crmdesk.storage import complaints as complaint_store
from crmdesk.storage import customers as customer_store
from crmdesk.storage import followups as followup_store
from crmdesk.storage import orders as order_store
from crmdesk.storage import summaries as store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.ids import iso_instant
from crmdesk.storage.scores import CustomerScores, scores_of
from crmdesk.storage.summaries import TierMoves
from crmdesk.storage.tiers import TierChange, current_tier, tier_history

RECENT_CONTACTS = 5  # the last few contacts of the period shown with their summary
NEXT_FOLLOW_UPS = 5  # the planned follow-ups shown
TOP_PRODUCTS = 10  # the monthly summary's products
TOP_CONTRIBUTORS = 10


# -- a customer's business review ---------------------------------------------------------


@dataclass(frozen=True)
class ProductAmount:
    """What one product came to in the period (orders with the same product text, trimmed)."""

    product: str
    orders: int
    quantity: int
    amount: int  # fen


@dataclass(frozen=True)
class OpenAction:
    """A promised action (行动) of an open complaint: the promise and its due date are in the step."""

    complaint: Complaint
    step: ComplaintStep


@dataclass(frozen=True)
class CustomerReview:
    """One customer's period ``first``..``last`` (both included), as of ``today``."""

    customer_id: int
    code: str
    name: str
    kind: CustomerKind
    owner: str | None
    first: date
    last: date
    today: date
    # purchases in the period, and in the same span a year earlier (同比)
    orders: int
    amount: int  # fen
    products: tuple[ProductAmount, ...]  # largest amount first, then by product
    previous_first: date
    previous_last: date
    previous_orders: int
    previous_amount: int  # fen
    # payments in the period
    payments: int
    paid: int  # fen
    # what is owed now (the ledger's summary as of today: receivable, aging buckets)
    ledger: FinancialSummary
    # contacts in the period
    contacts: int
    recent_contacts: tuple[Contact, ...]  # the last RECENT_CONTACTS of the period, newest first
    # complaints received in the period, or received before it and still open when it began
    complaints: tuple[Complaint, ...]  # oldest received first
    # tier (as of the last recompute) and its changes dated in the period, oldest first
    tier: Tier | None  # None: tiers never computed
    tier_changes: tuple[TierChange, ...]
    scores: CustomerScores | None  # RFM and churn as of the last recompute; None: never scored
    # next steps
    planned: tuple[FollowUp, ...]  # planned, not done: the earliest NEXT_FOLLOW_UPS (overdue ones too)
    planned_count: int  # all planned ones
    latest_contact: Contact | None  # the latest up to today (its next_step is the agreed next step)
    open_actions: tuple[OpenAction, ...]  # promised actions of open complaints, by due date

    @property
    def amount_change(self) -> int:
        """Fen more (or less) than a year earlier."""
        return self.amount - self.previous_amount

    @property
    def next_step(self) -> str:
        """The next step agreed at the latest contact ("" when none was written)."""
        return self.latest_contact.next_step.strip() if self.latest_contact is not None else ""

    @property
    def open_complaints(self) -> int:
        return sum(1 for c in self.complaints if c.state is ComplaintState.OPEN)


def year_earlier(first: date, last: date) -> tuple[date, date]:
    """The same span a year before: a month's last day maps to that month's last day (29 February too)."""
    def back(day: date, *, end: bool) -> date:
        earlier = add_years_clamped(day, -1)
        if end and (day + timedelta(days=1)).month != day.month:  # the last day of its month
            earlier = (earlier.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return earlier

    return back(first, end=False), back(last, end=True)


def _within(orders: Iterable[Order], first: date, last: date) -> list[Order]:
    return [o for o in orders if first <= o.order_date <= last]


def product_amounts(orders: Iterable[Order]) -> tuple[ProductAmount, ...]:
    """Orders summed by product, largest amount first (ties by product)."""
    sums: dict[str, list[int]] = {}
    for o in orders:
        entry = sums.setdefault(o.product.strip(), [0, 0, 0])
        entry[0] += 1
        entry[1] += o.quantity
        entry[2] += o.amount
    rows = [ProductAmount(product, n, quantity, amount) for product, (n, quantity, amount) in sums.items()]
    return tuple(sorted(rows, key=lambda p: (-p.amount, p.product)))


def _in_period(c: Complaint, first: date, last: date) -> bool:
    """Received in the period, or received before it and not resolved before it began."""
    if c.received_date > last:
        return False
    if c.received_date >= first:
        return True
    return c.state is ComplaintState.OPEN or (c.resolved_date is not None and c.resolved_date >= first)


def customer_review(cf: CustomerFile, customer_id: int, first: date, last: date, today: date) -> CustomerReview:
    """The review of ``customer_id`` for ``first``..``last``; LookupError when there is no such customer."""
    if first > last:
        raise ValueError(f"period starts {first} after it ends {last}")
    customer = customer_store.get_customer(cf, customer_id)
    if customer is None:
        raise LookupError(customer_id)

    orders = order_store.orders_of(cf, customer_id)
    in_period = _within(orders, first, last)
    previous_first, previous_last = year_earlier(first, last)
    previous = _within(orders, previous_first, previous_last)
    payments = [p for p in order_store.payments_of(cf, customer_id) if first <= p.paid_date <= last]

    contacts = followup_store.contacts_of(cf, customer_id)  # newest first
    period_contacts = [c for c in contacts if first <= c.contact_date <= last]
    latest = next((c for c in contacts if c.contact_date <= today), None)
    planned = [f for f in followup_store.follow_ups_of(cf, customer_id) if f.state is FollowUpState.PLANNED]
    planned.sort(key=lambda f: (f.due_date, f.due_time or "", f.id or 0))

    complaints = complaint_store.complaints_of(cf, customer_id)
    reviewed = sorted((c for c in complaints if _in_period(c, first, last)),
                      key=lambda c: (c.received_date, c.received_time or "", c.id or 0))
    actions = [
        OpenAction(c, s)
        for c in complaints if c.state is ComplaintState.OPEN
        for s in complaint_store.steps_of(cf, c.id) if s.kind is StepKind.ACTION
    ]
    actions.sort(key=lambda a: (a.step.due_date or date.max, a.step.due_time or "", a.step.id or 0))

    stored_tier = current_tier(cf, customer_id)
    changes = [t for t in tier_history(cf, customer_id) if first <= t.since <= last]

    return CustomerReview(
        customer_id=customer_id, code=customer.code or "", name=customer.name, kind=customer.kind,
        owner=customer.owner, first=first, last=last, today=today,
        orders=len(in_period), amount=sum(o.amount for o in in_period), products=product_amounts(in_period),
        previous_first=previous_first, previous_last=previous_last,
        previous_orders=len(previous), previous_amount=sum(o.amount for o in previous),
        payments=len(payments), paid=sum(p.amount for p in payments),
        ledger=customer_summary(cf, customer_id, today),
        contacts=len(period_contacts), recent_contacts=tuple(period_contacts[:RECENT_CONTACTS]),
        complaints=tuple(reviewed),
        tier=stored_tier.result.tier if stored_tier is not None else None, tier_changes=tuple(changes),
        scores=scores_of(cf, customer_id),
        planned=tuple(planned[:NEXT_FOLLOW_UPS]), planned_count=len(planned), latest_contact=latest,
        open_actions=tuple(actions),
    )


# -- the file's monthly summary -----------------------------------------------------------


@dataclass(frozen=True)
class MonthlySummary:
    """One month of the whole file (or of one owner's customers), as of ``today``."""

    month: Period
    today: date
    owner: str | None  # None: every customer
    headlines: reports.Headlines
    sales: reports.MonthlySales  # the month, with the same month a year earlier
    products: reports.ProductMix  # the top TOP_PRODUCTS, with the margin where costs are known
    contributors: reports.Contribution  # the top TOP_CONTRIBUTORS customers
    receivables: reports.ReceivableAging  # as of today
    complaints: reports.ComplaintStats
    new_customers: int  # created in the month (local days)
    tier_moves: TierMoves  # tier changes dated in the month

    @property
    def scope(self) -> reports.Scope:
        return reports.Scope(self.month.first_day, self.month.last_day, self.owner)

    @property
    def complaint_counts(self) -> dict[ComplaintCategory, int]:
        """Complaints received in the month per category (every category, zeros included)."""
        return {category: sum(self.complaints.received.get(category, ())) for category in ComplaintCategory}

    @property
    def complaints_received(self) -> int:
        return sum(self.complaint_counts.values())

    @property
    def resolved(self) -> int:
        return sum(len(days) for days in self.complaints.resolve_days.values())

    @property
    def median_resolve_days(self) -> float | None:
        """Median days from received (or reopened) to resolved, of those resolved in the month."""
        days = [d for values in self.complaints.resolve_days.values() for d in values]
        return statistics.median(days) if days else None

    @property
    def satisfaction_average(self) -> float | None:
        """The mean score (1..5) of those resolved in the month with a score."""
        counts = self.complaints.satisfaction
        scored = sum(counts)
        return sum(score * n for score, n in zip(range(1, 6), counts)) / scored if scored else None


def local_day_start(day: date) -> str:
    """The instant (as the file stores instants) a local calendar day begins."""
    return iso_instant(datetime.combine(day, time.min).astimezone())


def monthly_summary(cf: CustomerFile, month: Period, today: date, owner: str | None = None) -> MonthlySummary:
    """The summary of ``month`` (a Period of kind month) as of ``today``, for every customer or one owner's."""
    scope = reports.Scope(month.first_day, month.last_day, owner)
    created = store.customers_created_between(
        cf, local_day_start(month.first_day), local_day_start(month.last_day + timedelta(days=1)), owner)
    return MonthlySummary(
        month=month, today=today, owner=owner,
        headlines=reports.headlines(cf, scope, today),
        sales=reports.monthly_sales(cf, scope),
        products=reports.product_mix(cf, scope, limit=TOP_PRODUCTS),
        contributors=reports.contribution(cf, scope, limit=TOP_CONTRIBUTORS),
        receivables=reports.receivable_aging(cf, today, owner),
        complaints=reports.complaint_stats(cf, scope),
        new_customers=created,
        tier_moves=store.tier_moves_between(cf, month.first_day, month.last_day, owner),
    )
