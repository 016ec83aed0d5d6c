"""Chart data and headline figures for the analysis view and the reports.

Pure figures: money in fen, counts, ISO months.  No Qt, no matplotlib: the
charts in ui/charts draw what these return, and `crmdesk report` writes them.

A Scope is the period and owner filter every chart shares.  "Previous" means
the same span one year earlier (同比), so months line up with their season.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from crmdesk.domain.complaints import ComplaintCategory
from crmdesk.domain.orders import Aging
from crmdesk.domain.tiers import Segment, Tier
from crmdesk.storage.customer_file import CustomerFile

PARETO_PERCENT = 80  # "who makes the 80%"


@dataclass(frozen=True)
class Scope:
    """The period (first..last, both inclusive) and, optionally, one owner's customers."""

    first: date
    last: date
    owner: str | None = None  # customers.owner; None: every customer

    def year_earlier(self) -> Scope:
        """The same span one year before (29 February becomes the 28th)."""
        raise NotImplementedError

    def months(self) -> tuple[str, ...]:
        """Every month the scope touches, "YYYY-MM", in order."""
        raise NotImplementedError


# -- tiers and the Pareto ---------------------------------------------------


@dataclass(frozen=True)
class TierSlice:
    tier: Tier
    customers: int  # customers whose current tier is this one (customer_tiers, as of the last open)
    revenue: int  # fen: their orders in the scope


@dataclass(frozen=True)
class TierMix:
    slices: tuple[TierSlice, ...]  # A, B, C, D in that order, empty ones included
    revenue: int  # fen, all tiers
    buyers: int  # customers with an order in the scope
    pareto_customers: int  # the fewest buyers whose revenue makes >= PARETO_PERCENT of it (0: no revenue)


# -- sales ------------------------------------------------------------------


@dataclass(frozen=True)
class MonthSales:
    month: str  # "2026-11"
    amount: int  # fen, orders in this month and inside the scope
    orders: int
    previous_amount: int  # the same month a year earlier, inside scope.year_earlier()
    previous_orders: int


@dataclass(frozen=True)
class MonthlySales:
    months: tuple[MonthSales, ...]  # scope.months(), empty months included

    @property
    def amount(self) -> int:
        return sum(m.amount for m in self.months)

    @property
    def previous_amount(self) -> int:
        return sum(m.previous_amount for m in self.months)


@dataclass(frozen=True)
class ProductSales:
    product: str  # "" for the row that folds the rest together
    orders: int
    quantity: int
    amount: int  # fen
    costed_amount: int  # fen: the amount of the orders whose cost is known
    cost: int  # fen: the known costs

    @property
    def margin(self) -> int | None:
        """Gross margin (fen) over the orders with a known cost; None when no order has one."""
        return self.costed_amount - self.cost if self.costed_amount else None


@dataclass(frozen=True)
class ProductMix:
    products: tuple[ProductSales, ...]  # largest amount first, at most `limit`
    other: ProductSales | None  # the rest folded together; None when nothing is left over
    total: ProductSales  # every product (product "")


@dataclass(frozen=True)
class Contributor:
    customer_id: int
    code: str
    name: str
    amount: int  # fen in the scope
    cumulative: int  # fen: this customer and every one ranked above


@dataclass(frozen=True)
class Contribution:
    """贡献比率: customers ranked by revenue, with the running total."""

    top: tuple[Contributor, ...]  # largest first (ties by code), at most `limit`
    total: int  # fen, every buyer
    buyers: int
    pareto_customers: int  # as TierMix.pareto_customers


# -- receivables, RFM, complaints, spread ----------------------------------


@dataclass(frozen=True)
class ReceivableAging:
    """What is owed as of today, by age (the ledger's buckets, summed)."""

    buckets: Aging  # fen per bucket; oldest_unpaid is the oldest over all customers
    customers: tuple[int, int, int, int]  # how many customers owe something in each bucket
    receivable: int  # fen owed in all (prepayments do not offset other customers' debts)


@dataclass(frozen=True)
class RfmCell:
    r: int  # 1..5, 5 = most recent
    f: int  # 1..5, 5 = most frequent
    customers: int
    monetary: int  # fen: their purchases in the tier window
    segment: Segment  # the most common segment in the cell (ties: Segment order)


@dataclass(frozen=True)
class RfmMap:
    cells: tuple[RfmCell, ...]  # non-empty cells only, by r then f
    unscored: int  # customers with no purchase in the tier window
    computed_on: date | None  # when the scores were stored (the last open); None: never


@dataclass(frozen=True)
class ComplaintStats:
    months: tuple[str, ...]  # scope.months()
    received: dict[ComplaintCategory, tuple[int, ...]]  # per category, complaints received per month
    resolve_days: dict[ComplaintCategory, tuple[int, ...]]  # resolved in the scope: days from received (or reopened)
    satisfaction: tuple[int, int, int, int, int]  # resolved in the scope: how many scored 1, 2, 3, 4, 5
    unscored: int  # resolved in the scope without a score


@dataclass(frozen=True)
class CustomerGroup:
    key: str | None  # a province as typed, or a SourceChannel value; None: not recorded
    customers: int
    revenue: int  # fen: their orders in the scope


@dataclass(frozen=True)
class CustomerSpread:
    provinces: tuple[CustomerGroup, ...]  # most customers first, then by key
    sources: tuple[CustomerGroup, ...]


# -- the dashboard ----------------------------------------------------------


@dataclass(frozen=True)
class Headlines:
    customers: int  # not deleted
    active: int  # bought in the tier window (File settings -> Tiers) up to today
    at_risk: int  # churn risk above the alert threshold (as of the last open)
    revenue: int  # fen, orders in the scope
    previous_revenue: int  # fen, orders in scope.year_earlier()
    plan: int  # fen: sales plans whose period lies inside the scope
    plan_actual: int  # fen: what those planned customers bought in those periods
    receivable: int  # fen owed as of today
    overdue_follow_ups: int  # planned, not done, due before today
    open_complaints: int
    escalated_complaints: int


def tier_mix(cf: CustomerFile, scope: Scope) -> TierMix:
    raise NotImplementedError


def monthly_sales(cf: CustomerFile, scope: Scope) -> MonthlySales:
    raise NotImplementedError


def product_mix(cf: CustomerFile, scope: Scope, limit: int = 12) -> ProductMix:
    raise NotImplementedError


def contribution(cf: CustomerFile, scope: Scope, limit: int = 30) -> Contribution:
    raise NotImplementedError


def receivable_aging(cf: CustomerFile, today: date, owner: str | None = None) -> ReceivableAging:
    raise NotImplementedError


def rfm_map(cf: CustomerFile, owner: str | None = None) -> RfmMap:
    raise NotImplementedError


def complaint_stats(cf: CustomerFile, scope: Scope) -> ComplaintStats:
    raise NotImplementedError


def customer_spread(cf: CustomerFile, scope: Scope) -> CustomerSpread:
    raise NotImplementedError


def headlines(cf: CustomerFile, scope: Scope, today: date) -> Headlines:
    raise NotImplementedError


def owners(cf: CustomerFile) -> list[str]:
    """The owners named on customers, for the owner filter."""
    raise NotImplementedError

