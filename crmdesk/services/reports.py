"""Chart data and headline figures for the analysis view and the reports.

Pure figures: money in fen, counts, ISO months.  No Qt, no matplotlib: the
charts in ui/charts draw what these return, and `crmdesk report` writes them.

A Scope is the period and owner filter every chart shares.  "Previous" means
the same span one year earlier (同比), so months line up with their season.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from crmdesk.domain.alerts import alive_below
from crmdesk.domain.complaints import ComplaintCategory
from crmdesk.domain.dates import add_years_clamped
from crmdesk.domain.orders import Aging, Period, settle_buckets
from crmdesk.domain.pareto import PARETO_PERCENT, pareto_count  # "who makes the 80%"
from crmdesk.domain.tiers import Segment, Tier, window_start
from crmdesk.services.complaints import complaint_counts
from crmdesk.storage import customers as customer_store
from crmdesk.storage import file_settings
from crmdesk.storage import orders as order_store
from crmdesk.storage import reports as store
from crmdesk.storage.customer_file import CustomerFile


@dataclass(frozen=True)
class Scope:
    """The period (first..last, both inclusive) and, optionally, one owner's customers."""

    first: date
    last: date
    owner: str | None = None  # customers.owner; None: every customer

    def year_earlier(self) -> Scope:
        """The same span one year before (29 February becomes the 28th)."""
        return Scope(add_years_clamped(self.first, -1), add_years_clamped(self.last, -1), self.owner)

    def months(self) -> tuple[str, ...]:
        """Every month the scope touches, "YYYY-MM", in order."""
        months = []
        year, month = self.first.year, self.first.month
        while (year, month) <= (self.last.year, self.last.month):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return tuple(months)


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
    """Customers and their revenue in the scope by current tier, and how few buyers make PARETO_PERCENT of it."""
    revenue = store.revenue_by_customer(cf, scope.first, scope.last, scope.owner)
    tiers = store.stored_tiers(cf)
    by_tier = dict.fromkeys(Tier, 0)
    for customer_id, amount in revenue.items():
        by_tier[Tier(tiers.get(customer_id, Tier.D.value))] += amount
    counts = store.customers_by_tier(cf, scope.owner)
    return TierMix(
        slices=tuple(TierSlice(tier, counts.get(tier.value, 0), by_tier[tier]) for tier in Tier),
        revenue=sum(revenue.values()),
        buyers=len(revenue),
        pareto_customers=pareto_count(revenue.values(), PARETO_PERCENT),
    )


def _by_month(days: list[tuple[str, int, int]]) -> dict[str, tuple[int, int]]:
    months: dict[str, tuple[int, int]] = {}
    for day, amount, orders in days:
        month = day[:7]
        before = months.get(month, (0, 0))
        months[month] = (before[0] + amount, before[1] + orders)
    return months


def monthly_sales(cf: CustomerFile, scope: Scope) -> MonthlySales:
    """Orders per month of the scope, each beside the same month of scope.year_earlier()."""
    earlier = scope.year_earlier()
    now = _by_month(store.sales_by_day(cf, scope.first, scope.last, scope.owner))
    before = _by_month(store.sales_by_day(cf, earlier.first, earlier.last, scope.owner))
    months = []
    for month in scope.months():
        amount, orders = now.get(month, (0, 0))
        previous_amount, previous_orders = before.get(f"{int(month[:4]) - 1:04d}{month[4:]}", (0, 0))
        months.append(MonthSales(month, amount, orders, previous_amount, previous_orders))
    return MonthlySales(tuple(months))


def _folded(rows: list[store.ProductRow]) -> ProductSales:
    return ProductSales("", *(sum(column) for column in zip((0,) * 5, *(r[1:] for r in rows))))


def product_mix(cf: CustomerFile, scope: Scope, limit: int = 12) -> ProductMix:
    """Orders in the scope by product (the text as typed): the `limit` largest by amount, the rest, the total."""
    rows = sorted(store.sales_by_product(cf, scope.first, scope.last, scope.owner),
                  key=lambda r: (-r.amount, r.product))
    limit = max(limit, 0)
    rest = rows[limit:]
    return ProductMix(
        products=tuple(ProductSales(*r) for r in rows[:limit]),
        other=_folded(rest) if rest else None,
        total=_folded(rows),
    )


def contribution(cf: CustomerFile, scope: Scope, limit: int = 30) -> Contribution:
    """Buyers in the scope ranked by revenue (ties by code): the first `limit` with the running total."""
    revenue = store.revenue_by_customer(cf, scope.first, scope.last, scope.owner)
    amounts = sorted(revenue.values(), reverse=True)
    top: list[Contributor] = []
    if limit > 0 and amounts:
        # Names are read only for the ranks shown, and for whoever ties with the last of them.
        floor = amounts[min(limit, len(amounts)) - 1]
        names = store.customer_names(cf, [cid for cid, amount in revenue.items() if amount >= floor])
        ranked = sorted(names, key=lambda cid: (-revenue[cid], names[cid][0]))[:limit]
        cumulative = 0
        for cid in ranked:
            cumulative += revenue[cid]
            top.append(Contributor(cid, *names[cid], revenue[cid], cumulative))
    return Contribution(tuple(top), sum(amounts), len(amounts), pareto_count(amounts, PARETO_PERCENT))


def receivable_aging(cf: CustomerFile, today: date, owner: str | None = None) -> ReceivableAging:
    """What customers owe as of today, by the age of the unpaid orders (the ledger's aging, summed)."""
    billed = order_store.billed_by_customer(cf, today)
    paid = order_store.paid_by_customer(cf)
    sums, counts = [0, 0, 0, 0], [0, 0, 0, 0]
    owing: dict[int, tuple[int, int, int, int]] = {}
    for customer_id in store.customer_ids(cf, owner):
        bill = billed.get(customer_id)
        money_in = paid.get(customer_id, 0)
        if bill is None or bill[0] <= money_in:
            continue  # owes nothing; a prepayment offsets no one else's debt
        owing[customer_id] = buckets = settle_buckets(bill[1], money_in)
        for i, amount in enumerate(buckets):
            if amount:
                sums[i] += amount
                counts[i] += 1
    oldest = None
    if owing:
        # Nobody owes anything older than the oldest bucket with money in it: its debtors hold the oldest day.
        bucket = max(i for i in range(4) if sums[i])
        oldest = store.oldest_unpaid_day(cf, {cid: paid.get(cid, 0) for cid, b in owing.items() if b[bucket]})
    return ReceivableAging(Aging(*sums, oldest_unpaid=oldest), (counts[0], counts[1], counts[2], counts[3]), sum(sums))


def _most_common(votes: Counter[Segment]) -> Segment:
    order = list(Segment)
    return min(votes, key=lambda s: (-votes[s], order.index(s)), default=Segment.ORDINARY)


def rfm_map(cf: CustomerFile, owner: str | None = None) -> RfmMap:
    """The stored RFM scores as a recency × frequency grid: customers, tier-window spend and segment per cell."""
    cells: dict[tuple[int, int], tuple[int, int, Counter[Segment]]] = {}
    for row in store.rfm_groups(cf, owner):
        customers, monetary, votes = cells.get((row.r, row.f), (0, 0, Counter()))
        if row.segment:
            votes[Segment(row.segment)] += row.customers
        cells[(row.r, row.f)] = (customers + row.customers, monetary + row.monetary, votes)
    return RfmMap(
        cells=tuple(RfmCell(r, f, n, m, _most_common(votes)) for (r, f), (n, m, votes) in sorted(cells.items())),
        unscored=store.unscored_customers(cf, owner),
        computed_on=store.scores_computed_on(cf),
    )


def complaint_stats(cf: CustomerFile, scope: Scope) -> ComplaintStats:
    """Complaints received per category and month, and those resolved in the scope: days taken and scores."""
    months = scope.months()
    index = {month: i for i, month in enumerate(months)}
    received = {category: [0] * len(months) for category in ComplaintCategory}
    for category, month, count in store.complaints_received_by_month(cf, scope.first, scope.last, scope.owner):
        received[ComplaintCategory(category)][index[month]] += count
    days: dict[ComplaintCategory, list[int]] = {category: [] for category in ComplaintCategory}
    scores = [0, 0, 0, 0, 0]
    unscored = 0
    for row in store.complaints_resolved(cf, scope.first, scope.last, scope.owner):
        # A reopened complaint's clock restarted on the reopen (its deadlines count from it too).
        days[ComplaintCategory(row.category)].append((row.resolved - (row.reopened or row.received)).days)
        if row.satisfaction:
            scores[row.satisfaction - 1] += 1
        else:
            unscored += 1
    return ComplaintStats(
        months=months,
        received={category: tuple(counts) for category, counts in received.items()},
        resolve_days={category: tuple(d) for category, d in days.items()},
        satisfaction=(scores[0], scores[1], scores[2], scores[3], scores[4]),
        unscored=unscored,
    )


def _groups(totals: dict[str | None, list[int]]) -> tuple[CustomerGroup, ...]:
    ranked = sorted(totals.items(), key=lambda item: (-item[1][0], item[0] is None, item[0] or ""))
    return tuple(CustomerGroup(key, customers, revenue) for key, (customers, revenue) in ranked)


def customer_spread(cf: CustomerFile, scope: Scope) -> CustomerSpread:
    """Customers (all, not only buyers) and their revenue in the scope, by province and by source."""
    provinces: dict[str | None, list[int]] = {}
    sources: dict[str | None, list[int]] = {}
    for row in store.customers_by_place_and_source(cf, scope.first, scope.last, scope.owner):
        for totals, key in ((provinces, row.province), (sources, row.source)):
            group = totals.setdefault(key, [0, 0])
            group[0] += row.customers
            group[1] += row.revenue
    return CustomerSpread(_groups(provinces), _groups(sources))


def _planned_periods(planned: dict[str, int], scope: Scope) -> dict[str, tuple[date, date]]:
    """The plan periods (as stored) that lie wholly inside the scope, with their first and last day."""
    inside = {}
    for text in planned:
        try:
            period = Period.parse(text)
        except ValueError:  # not a period: written by hand or by another program
            continue
        if scope.first <= period.first_day and period.last_day <= scope.last:
            inside[text] = (period.first_day, period.last_day)
    return inside


def headlines(cf: CustomerFile, scope: Scope, today: date) -> Headlines:
    """The dashboard's figures for the scope's owner: customers, activity, revenue, plan, debts, to-dos."""
    owner = scope.owner
    earlier = scope.year_earlier()
    planned = store.planned_by_period(cf, owner)
    periods = _planned_periods(planned, scope)
    complaints = complaint_counts(cf, today, owner=owner)
    return Headlines(
        customers=store.customer_count(cf, owner),
        active=store.buying_customers(cf, window_start(today, file_settings.tier_rules(cf)), today, owner),
        at_risk=store.customers_alive_below(cf, alive_below(file_settings.alert_rules(cf)), owner),
        revenue=store.revenue_between(cf, scope.first, scope.last, owner),
        previous_revenue=store.revenue_between(cf, earlier.first, earlier.last, owner),
        plan=sum(planned[text] for text in periods),
        plan_actual=store.bought_in_planned_periods(cf, periods, owner),
        # The same sum as receivable_aging().receivable, without the aging it does not show.
        receivable=store.receivable_total(cf, owner),
        overdue_follow_ups=store.overdue_follow_ups(cf, today, owner),
        open_complaints=complaints.open,
        escalated_complaints=complaints.escalated,
    )


def owners(cf: CustomerFile) -> list[str]:
    """The owners named on customers, for the owner filter."""
    return [owner for owner in customer_store.owners(cf) if owner]
