"""Orders, payments and what they add up to: receivable, aging, credit, plan progress.

Receivable (应收 / 外欠款) is always derived — billed minus paid — never stored.
Payments settle the oldest orders first (FIFO), so what is unpaid is the
newest part of the bill, and aging buckets count days since each order.
Money is int fen; ``today`` is a parameter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from crmdesk.domain.money import MAX_FEN
from crmdesk.domain.validation import ErrorCode, FieldError


class PaymentMethod(StrEnum):
    BANK_TRANSFER = "bank_transfer"  # 转账
    CASH = "cash"  # 现金
    WECHAT = "wechat"  # 微信
    ALIPAY = "alipay"  # 支付宝
    CHEQUE = "cheque"  # 支票
    ACCEPTANCE = "acceptance"  # 承兑汇票
    OTHER = "other"


class DailyPurchases(NamedTuple):
    """A customer's purchase days, ascending, and what was bought each day (fen); parallel lists."""

    days: list[date]
    amounts: list[int]


@dataclass(frozen=True)
class Order:
    """One order or shipment (订单 / 运单)."""

    customer_id: int
    order_date: date
    product: str
    quantity: int
    amount: int  # fen, billed
    cost: int | None = None  # fen, for gross margin
    note: str | None = None
    waybill: str | None = None  # 运单号
    origin: str | None = None  # 起运地
    destination: str | None = None  # 目的地
    pieces: int | None = None  # 件数
    weight_g: int | None = None  # 重量, grams (exact; shown as kg)
    id: int | None = None
    uid: str | None = None
    row_version: int = 0


@dataclass(frozen=True)
class Payment:
    """Money received (回款)."""

    customer_id: int
    paid_date: date
    amount: int  # fen
    method: PaymentMethod | None = None
    note: str | None = None
    id: int | None = None
    uid: str | None = None
    row_version: int = 0


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"


@dataclass(frozen=True, order=True)
class Period:
    """A plan period: a month (2026-11) or a quarter (2026-Q4)."""

    year: int
    kind: PeriodKind
    number: int  # month 1..12 or quarter 1..4

    @classmethod
    def parse(cls, text: str) -> Period:
        year, _, rest = text.strip().upper().partition("-")
        if rest.startswith("Q"):
            period = cls(int(year), PeriodKind.QUARTER, int(rest[1:]))
        else:
            period = cls(int(year), PeriodKind.MONTH, int(rest))
        if not (1900 <= period.year <= 2200) or not 1 <= period.number <= (
            4 if period.kind is PeriodKind.QUARTER else 12
        ):
            raise ValueError(text)
        return period

    @classmethod
    def month_of(cls, day: date) -> Period:
        return cls(day.year, PeriodKind.MONTH, day.month)

    def __str__(self) -> str:
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year}-Q{self.number}"
        return f"{self.year}-{self.number:02d}"

    @property
    def first_day(self) -> date:
        month = self.number if self.kind is PeriodKind.MONTH else 3 * self.number - 2
        return date(self.year, month, 1)

    @property
    def last_day(self) -> date:
        months = 1 if self.kind is PeriodKind.MONTH else 3
        month = self.first_day.month + months
        year = self.year + (month - 1) // 12
        return date(year, (month - 1) % 12 + 1, 1) - timedelta(days=1)

    def contains(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day


@dataclass(frozen=True)
class SalesPlan:
    """Planned sales for one customer in one period (计划进度)."""

    customer_id: int
    period: Period
    amount: int  # fen
    id: int | None = None


# -- what the ledger adds up to ----------------------------------------------------------

AGING_BUCKETS = ((0, 30), (31, 60), (61, 90), (91, None))  # days since the order


class Aging(NamedTuple):
    """Unpaid amounts by age, oldest bucket last (fen).

    A NamedTuple: the ledger overview makes one per customer (100,000 of them),
    and a tuple is made twice as fast as a frozen dataclass.
    """

    days_0_30: int = 0
    days_31_60: int = 0
    days_61_90: int = 0
    days_over_90: int = 0
    oldest_unpaid: date | None = None

    @property
    def total(self) -> int:
        return self.days_0_30 + self.days_31_60 + self.days_61_90 + self.days_over_90

    def as_tuple(self) -> tuple[int, int, int, int]:
        return (self.days_0_30, self.days_31_60, self.days_61_90, self.days_over_90)


def unpaid_orders(orders: Iterable[tuple[date, int]], paid: int) -> list[tuple[date, int]]:
    """What is still unpaid of each order once ``paid`` settles the oldest first.

    ``orders`` are (date, amount) in any order; ties on a date keep their order.
    """
    unpaid = []
    left = paid
    for day, amount in sorted(orders, key=lambda o: o[0]):
        settled = min(max(left, 0), amount)
        left -= settled
        if amount - settled > 0:
            unpaid.append((day, amount - settled))
    return unpaid


def bucket_of(day: date, today: date) -> int:
    """Index into AGING_BUCKETS for an order dated ``day`` (future dates count as 0 days)."""
    age = max((today - day).days, 0)
    return next(i for i, (low, high) in enumerate(AGING_BUCKETS) if high is None or age <= high)


def settle_buckets(totals: Sequence[int], paid: int) -> tuple[int, int, int, int]:
    """Unpaid per bucket once ``paid`` settles the oldest bucket first.

    FIFO over orders and FIFO over age buckets give the same sums, because
    the buckets are contiguous date ranges in the same order; the ledger
    overview uses this on bucket totals summed in SQL (written out for four
    buckets: it runs once per customer of the file).
    """
    b0, b1, b2, b3 = totals
    left = paid if paid > 0 else 0
    if not left:
        return b0, b1, b2, b3
    if left >= b0 + b1 + b2 + b3:
        return 0, 0, 0, 0
    settled = min(left, b3)
    b3, left = b3 - settled, left - settled
    settled = min(left, b2)
    b2, left = b2 - settled, left - settled
    settled = min(left, b1)
    b1, left = b1 - settled, left - settled
    return b0 - left, b1, b2, b3


def aging(orders: Iterable[tuple[date, int]], paid: int, today: date) -> Aging:
    orders = list(orders)
    totals = [0, 0, 0, 0]
    for day, amount in orders:
        totals[bucket_of(day, today)] += amount
    unpaid = unpaid_orders(orders, paid)
    return Aging(*settle_buckets(totals, paid), oldest_unpaid=unpaid[0][0] if unpaid else None)


@dataclass(frozen=True)
class FinancialSummary:
    """Derived on every customer (issue: financial summary)."""

    order_count: int
    billed: int
    paid: int
    first_order: date | None
    last_order: date | None
    aging: Aging
    cost: int = 0  # of the orders that have a cost

    @property
    def receivable(self) -> int:
        return self.billed - self.paid

    @property
    def average_order(self) -> int:
        """Average order value in fen, rounded half up."""
        if not self.order_count:
            return 0
        return (2 * self.billed + self.order_count) // (2 * self.order_count)

    @property
    def prepaid(self) -> int:
        """Money received ahead of orders (a negative receivable), else 0."""
        return max(-self.receivable, 0)


def financial_summary(orders: Sequence[Order], payments: Sequence[Payment], today: date) -> FinancialSummary:
    billed = sum(o.amount for o in orders)
    paid = sum(p.amount for p in payments)
    dates = [o.order_date for o in orders]
    return FinancialSummary(
        order_count=len(orders),
        billed=billed,
        paid=paid,
        first_order=min(dates, default=None),
        last_order=max(dates, default=None),
        aging=aging(((o.order_date, o.amount) for o in orders), paid, today),
        cost=sum(o.cost for o in orders if o.cost is not None),
    )


# -- credit control -------------------------------------------------------------------------


@dataclass(frozen=True)
class CreditCheck:
    """The numbers behind an over-limit warning (外欠款预警), shown to the user."""

    receivable_before: int
    order_amount: int
    credit_limit: int

    @property
    def receivable_after(self) -> int:
        return self.receivable_before + self.order_amount

    @property
    def over_by(self) -> int:
        return self.receivable_after - self.credit_limit


def credit_check(receivable_before: int, order_amount: int, credit_limit: int | None) -> CreditCheck | None:
    """None when the order keeps the receivable within the limit (or there is no limit)."""
    if credit_limit is None or receivable_before + order_amount <= credit_limit:
        return None
    return CreditCheck(receivable_before, order_amount, credit_limit)


def over_limit(receivable: int, credit_limit: int | None) -> bool:
    return credit_limit is not None and receivable > credit_limit


# -- sales plans ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanProgress:
    period: Period
    planned: int
    actual: int
    days_gone: int  # days of the period up to and including today
    days_total: int

    @property
    def percent(self) -> int:
        """Actual as a whole percentage of planned, rounded down (display)."""
        return 100 * self.actual // self.planned if self.planned else 0

    @property
    def behind(self) -> bool:
        """Period-to-date purchases fall behind the time-proportional plan (销售进度预警).

        Compared in integers: actual / planned < days_gone / days_total.
        """
        return self.actual * self.days_total < self.planned * self.days_gone


def plan_progress(plan: SalesPlan, orders: Iterable[Order], today: date) -> PlanProgress:
    period = plan.period
    actual = sum(o.amount for o in orders if period.contains(o.order_date) and o.order_date <= today)
    return progress_as_of(period, plan.amount, actual, today)


def progress_as_of(period: Period, planned: int, actual: int, today: date) -> PlanProgress:
    """``actual`` bought in the period up to today, against ``planned`` and the days gone."""
    days = (period.last_day - period.first_day).days + 1
    gone = min(max((today - period.first_day).days + 1, 0), days)
    return PlanProgress(period, planned, actual, gone, days)


# -- checking what the user enters ---------------------------------------------------------------

DEFAULT_HORIZON_DAYS = 31  # how far ahead an order or payment may be dated


@dataclass(frozen=True)
class LedgerRules:
    """The file's settings for entering orders and payments."""

    block_over_limit: bool = False  # over the credit limit: warn (False) or refuse (True)
    horizon_days: int = DEFAULT_HORIZON_DAYS


def validate_order(order: Order, today: date, horizon_days: int = DEFAULT_HORIZON_DAYS) -> list[FieldError]:
    errors = []
    if not order.product.strip():
        errors.append(FieldError("product", ErrorCode.REQUIRED))
    if order.quantity <= 0:
        errors.append(FieldError("quantity", ErrorCode.NOT_POSITIVE))
    if order.amount < 0:
        errors.append(FieldError("amount", ErrorCode.NEGATIVE_AMOUNT))
    if order.amount > MAX_FEN:
        errors.append(FieldError("amount", ErrorCode.AMOUNT_OUT_OF_RANGE))
    if order.cost is not None and order.cost < 0:
        errors.append(FieldError("cost", ErrorCode.NEGATIVE_AMOUNT))
    for name in ("pieces", "weight_g"):
        value = getattr(order, name)
        if value is not None and value <= 0:
            errors.append(FieldError(name, ErrorCode.NOT_POSITIVE))
    errors += _date_errors("order_date", order.order_date, today, horizon_days)
    return errors


def validate_payment(
    payment: Payment,
    receivable: int,
    today: date,
    *,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    allow_prepayment: bool = False,
) -> list[FieldError]:
    """``receivable`` is what the customer owes before this payment."""
    errors = []
    if payment.amount <= 0:
        errors.append(FieldError("amount", ErrorCode.NOT_POSITIVE))
    elif payment.amount > MAX_FEN:
        errors.append(FieldError("amount", ErrorCode.AMOUNT_OUT_OF_RANGE))
    elif payment.amount > max(receivable, 0) and not allow_prepayment:
        errors.append(FieldError("amount", ErrorCode.MORE_THAN_OWED,
                                 {"owed": max(receivable, 0), "amount": payment.amount}))
    errors += _date_errors("paid_date", payment.paid_date, today, horizon_days)
    return errors


def _date_errors(name: str, day: date, today: date, horizon_days: int) -> list[FieldError]:
    if day > today + timedelta(days=horizon_days):
        return [FieldError(name, ErrorCode.TOO_FAR_AHEAD, {"days": horizon_days})]
    return []


# ---------------------------------------------------------------- weights


def format_weight_kg(grams: int | None) -> str:
    """Grams as kilograms with up to three decimals, exactly: 1250 -> "1.25", 2000 -> "2"."""
    if grams is None:
        return ""
    kg, g = divmod(abs(grams), 1000)
    text = f"{kg:,}"
    if g:
        text += "." + f"{g:03d}".rstrip("0")
    return "-" + text if grams < 0 else text


class WeightError(ValueError):
    pass


_KG_NUMBER = re.compile(r"(?:[0-9]+|[1-9][0-9]{0,2}(?:,[0-9]{3})+)(?:\.[0-9]+)?|\.[0-9]+")
_KG_SUFFIX = re.compile(r"\s*(?:kg|kgs|公斤|千克)$", re.IGNORECASE)
_MAX_KG_DIGITS = 12  # a trillion kilograms: far beyond any shipment, far inside int64 grams


def parse_weight_g(text: str) -> int | None:
    """Kilograms as typed ("1.25", "1,250", "3 kg", "１２公斤") to whole grams; blank is None.

    Exact: more than three decimals (finer than a gram) is refused, not rounded.
    """
    s = _KG_SUFFIX.sub("", unicodedata.normalize("NFKC", text).strip())
    if not s:
        return None
    if not _KG_NUMBER.fullmatch(s):
        raise WeightError(text)
    whole, _, frac = s.replace(",", "").partition(".")
    frac = frac.rstrip("0")
    if len(frac) > 3 or len(whole.lstrip("0")) > _MAX_KG_DIGITS:
        raise WeightError(text)
    return int(whole or "0") * 1000 + int(frac.ljust(3, "0"))
