"""Statement of account (对账单): one customer's ledger over a period.

The opening balance is everything billed minus everything paid before the
period; each order and payment inside it (both ends included) is a line with
the running balance after it; the closing balance is where the last line
ends.  A positive balance is what the customer owes, a negative one money
paid ahead.  Money is int fen; the dates are parameters.

No words here: an order's description is built from what the clerk typed
(product, waybill, route, quantity), and a payment keeps its method as a
code for the UI to word.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from crmdesk.domain.orders import Order, Payment, PaymentMethod, Period, PeriodKind

SEPARATOR = " · "


class LineKind(StrEnum):
    ORDER = "order"
    PAYMENT = "payment"


@dataclass(frozen=True)
class StatementLine:
    day: date
    kind: LineKind
    description: str  # order: product · waybill · origin→destination · ×quantity; payment: note
    billed: int  # fen
    paid: int  # fen
    balance: int  # fen, after this line
    method: PaymentMethod | None = None  # payments: the code, worded by the UI
    source_id: int | None = None  # the order's or payment's id


@dataclass(frozen=True)
class Statement:
    customer_id: int | None
    start: date
    end: date
    opening: int  # fen, owed before start
    lines: tuple[StatementLine, ...]
    closing: int  # fen, owed at the end of the period

    @property
    def billed(self) -> int:
        return sum(line.billed for line in self.lines)

    @property
    def paid(self) -> int:
        return sum(line.paid for line in self.lines)


def order_description(order: Order) -> str:
    parts = [order.product.strip()]
    if order.waybill:
        parts.append(order.waybill.strip())
    origin, destination = (order.origin or "").strip(), (order.destination or "").strip()
    route = f"{origin}→{destination}"
    if (origin or destination) and route not in parts[0]:  # "整车运输 北京→南昌" names it already
        parts.append(route)
    parts.append(f"×{order.quantity}")
    return SEPARATOR.join(p for p in parts if p)


def build_statement(
    orders: Iterable[Order],
    payments: Iterable[Payment],
    start: date,
    end: date,
    *,
    customer_id: int | None = None,
) -> Statement:
    """The statement for ``start``..``end`` inclusive; rows may come in any order.

    Rows after ``end`` are left out.  On one day orders come before payments,
    then each kind by id.  ``customer_id`` defaults to the rows' own.
    """
    if start > end:
        raise ValueError(f"period starts {start} after it ends {end}")
    orders, payments = list(orders), list(payments)
    ids = {r.customer_id for r in (*orders, *payments)}
    if customer_id is not None:
        ids.add(customer_id)
    if len(ids) > 1:
        raise ValueError(f"rows of several customers: {sorted(ids)}")

    opening = sum(o.amount for o in orders if o.order_date < start) - sum(
        p.amount for p in payments if p.paid_date < start
    )
    entries: list[tuple[tuple[date, int, int], StatementLine]] = []
    for o in orders:
        if start <= o.order_date <= end:
            line = StatementLine(o.order_date, LineKind.ORDER, order_description(o), o.amount, 0, 0,
                                 source_id=o.id)
            entries.append(((o.order_date, 0, _id_key(o.id)), line))
    for p in payments:
        if start <= p.paid_date <= end:
            line = StatementLine(p.paid_date, LineKind.PAYMENT, (p.note or "").strip(), 0, p.amount, 0,
                                 method=p.method, source_id=p.id)
            entries.append(((p.paid_date, 1, _id_key(p.id)), line))
    entries.sort(key=lambda e: e[0])  # stable: unsaved rows (no id) keep their given order

    balance = opening
    lines = []
    for _, line in entries:
        balance += line.billed - line.paid
        lines.append(replace(line, balance=balance))
    return Statement(
        customer_id=ids.pop() if ids else None,
        start=start,
        end=end,
        opening=opening,
        lines=tuple(lines),
        closing=balance,
    )


def _id_key(row_id: int | None) -> int:
    return -1 if row_id is None else row_id



# -- choosing the period -------------------------------------------------------------------


class PeriodPreset(StrEnum):
    LAST_MONTH = "last_month"  # the whole previous calendar month
    THIS_MONTH = "this_month"  # the month so far, up to today
    THIS_QUARTER = "this_quarter"  # the quarter so far
    THIS_YEAR = "this_year"  # the year so far
    LAST_12_MONTHS = "last_12_months"  # this month so far and the eleven before it
    LAST_YEAR = "last_year"  # the whole previous calendar year
    LAST_QUARTER = "last_quarter"  # the whole previous calendar quarter (a quarterly business review)


def preset_range(preset: PeriodPreset, today: date) -> tuple[date, date]:
    """First and last day of a preset period; the "this ..." ones end today."""
    if preset is PeriodPreset.LAST_MONTH:
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if preset is PeriodPreset.THIS_MONTH:
        return today.replace(day=1), today
    if preset is PeriodPreset.THIS_QUARTER:
        return Period(today.year, PeriodKind.QUARTER, (today.month - 1) // 3 + 1).first_day, today
    if preset is PeriodPreset.THIS_YEAR:
        return date(today.year, 1, 1), today
    if preset is PeriodPreset.LAST_12_MONTHS:
        # this month so far and the eleven before it: twelve bars on a monthly chart
        first_month = today.month - 11
        year = today.year - (first_month < 1)
        return date(year, (first_month - 1) % 12 + 1, 1), today
    if preset is PeriodPreset.LAST_YEAR:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if preset is PeriodPreset.LAST_QUARTER:
        this = Period(today.year, PeriodKind.QUARTER, (today.month - 1) // 3 + 1)
        last = this.first_day - timedelta(days=1)
        quarter = Period(last.year, PeriodKind.QUARTER, (last.month - 1) // 3 + 1)
        return quarter.first_day, quarter.last_day
    raise ValueError(preset)


def last_whole_month(today: date) -> Period:
    """The month before today's: what a monthly summary is about, unless another is chosen."""
    return Period.month_of(preset_range(PeriodPreset.LAST_MONTH, today)[0])


def period_label(start: date, end: date) -> str:
    """Short name of a period for file names: 2026-10, 2026-Q4, 2026, or 2026-11-01_2026-11-23."""
    if start.month == 1 and start.day == 1 and end == date(start.year, 12, 31):
        return str(start.year)
    for kind, number in ((PeriodKind.MONTH, start.month), (PeriodKind.QUARTER, (start.month - 1) // 3 + 1)):
        period = Period(start.year, kind, number)
        if (start, end) == (period.first_day, period.last_day):
            return str(period)
    return f"{start.isoformat()}_{end.isoformat()}"
