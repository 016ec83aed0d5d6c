"""Cross-selling suggestions (交叉销售, 一对一营销): who resembles a product's buyers
but has not bought it, and which products people like a customer buy.

The seed texts: "通过数据库，企业还可发现购买某商品的客户特征，从而向具有这些特征却没有
购买的客户推销这商品" (find what the buyers of a product have in common, then
offer it to the customers who have those features and have not bought it).

What a customer is here (``Profile``)
-------------------------------------

Its industry (customers.industry), its region (the province, customers.province),
its tier (A-D, as last computed; None before any recompute) and the set of
products it bought (the text of orders.product, orders not deleted).  Customers
in the recycle bin are not read at all.  An empty industry or region matches
nothing.

Who may be suggested for a product P (``CrossSell.customers_for``)
----------------------------------------------------------------

The *buyers* B of P are the customers with an order of P, whatever their status
(a lost customer did buy it, and says what buyers of P are like).  The
*candidates* are the other customers, except the lost ones (流失): a lost
customer's next conversation is a win-back, not an offer of one more product.
Prospects (潜在客户) are candidates: they have no orders, so only their industry,
region and tier can speak for them, which is what the seed text asks for.  A
buyer of P is never a candidate for P.

The score (0 to 1, four parts, weights out of 100): lift over the file
------------------------------------------------------------------------

A feature speaks for a candidate only as far as the buyers of P have it more
often than the file as a whole does.  When 1,778 of the 2,000 customers are of
tier D, 115 of 121 buyers of tier D are only 115 - 121 * 1778 / 2000 = 7.4
more than any 121 customers would be: 0.012 points where the share alone gave
0.18 to almost every customer; 100 of 121 would be fewer than chance, and give
nothing.

N is every customer in the file considered here, ``len(CrossSell)`` (every
live one, whatever its status: the buyers and the lost ones are part of the
file as a whole);
n = |B|; K = ``PRIOR_BUYERS`` (5).  For a feature shared with ``count`` of
``of`` people, when ``base`` of the N customers have it (a random ``of`` of the
file would share it ``of * base / N`` times), its excess is

    excess = count * N - of * base      (N times count - of * base / N)

and its points, with its weight W, are

    points = W * max(0, excess) / (N * (of + K)) / 100

- industry, weight 20: count = i buyers of P with the candidate's industry,
  of = n, base = the customers of that industry ("same industry 物流 as 6 of
  10 buyers");
- region, weight 20: the same with its province;
- tier, weight 20: the same with its tier;
- co-purchase, weight 40, for a product Q the candidate bought: count = both,
  the buyers of Q who also bought P; of = q, the buyers of Q; base = n, the
  buyers of P.  A random q customers of the file would hold q * n / N buyers
  of P, so excess = both * N - q * n, and points = 40 * max(0, both * N - q * n)
  / (N * (q + K)) / 100: the confidence of Q -> P above P's share of the file
  ("bought 冷链仓储; 4 of its 5 buyers also bought P", when 10 of 1,000 did).
  The excess is the same seen from P or from Q (N times the customers who
  bought both beyond q * n / N, as if buying one had nothing to do with the
  other); only the prior over q makes it Q's.
  Only products with ``both >= MIN_BOTH`` count, so one customer who happened
  to buy two things is not a pattern, and only the candidate's strongest one:
  the one adding the most points, then the one with the most common buyers,
  then by product text.

A reason counts when its points, rounded to ``SCORE_DECIMALS`` places, are
above 0: a feature the buyers have no more often than the file (or less) is
not a reason and is not shown, nor is a lift worth less than half a millionth.

K is a prior: every share is counted as if the product (or Q) had K more buyers
sharing nothing.  Without it a product with one buyer would be "100% of its
buyers" like any customer of that buyer's industry, and a customer's list
would be led by products hardly anyone buys; with it, 1 of 1 weighs at most
1/6 (times 1 - base/N) and 600 of 1,000 at most 0.597.  The reasons show the
plain counts (and ``base``).

score = the sum of the points of the reasons that count, computed as one exact
fraction, (20 * (e_i + e_r + e_t) * (q + K) + 40 * e_q * (n + K)) / (100 * N *
(n + K) * (q + K)) with the excesses e of those reasons (0 for the others), and
rounded to ``SCORE_DECIMALS`` places (so that equal fractions are equal scores
and ties really are ties).  A candidate with no reason (score 0) is not
suggested.  Each ``Reason`` carries its kind, the value matched, its counts
(count, of, base) and its points (its part of the score, rounded the same way;
the points add up to the score up to that rounding).

The ranking is by score, highest first, then by customer code (products: by
product text), so the same file always gives the same list.

Known limits, said plainly: the three features are taken one by one, so two
that go together (a province where one industry gathers) are counted twice;
with few buyers a feature can be over-represented by chance (the prior K
damps it, it does not remove it); only the single strongest co-purchase
counts, so a customer who buys a bit of everything is not rewarded for it; a
product is its order text, so "茶叶" and "茶叶礼盒" are two.

From a customer (``CrossSell.products_for``)
-------------------------------------------

The products it has not bought, each scored exactly as above with the customer
as the candidate of that product (a customer appears in ``customers_for(P)``
with score s if and only if P appears in its ``products_for`` with score s;
``products_for`` also answers for lost customers, who are simply looked at).
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from crmdesk.domain.customer import LifecycleStatus
from crmdesk.domain.tiers import Tier

MIN_BOTH = 2  # common buyers before a co-purchase counts
PRIOR_BUYERS = 5  # K: shares are counted over the buyers and K more who share nothing
SCORE_DECIMALS = 6
_HUNDRED = 100
_MILLION = 10**SCORE_DECIMALS


class ReasonKind(StrEnum):
    INDUSTRY = "industry"  # same industry as count of the of buyers
    REGION = "region"  # same province
    TIER = "tier"  # same tier (A-D)
    CO_PURCHASE = "co_purchase"  # bought value; count of its of buyers also bought the product


WEIGHTS: Mapping[ReasonKind, int] = {
    ReasonKind.INDUSTRY: 20,
    ReasonKind.REGION: 20,
    ReasonKind.TIER: 20,
    ReasonKind.CO_PURCHASE: 40,
}
assert sum(WEIGHTS.values()) == _HUNDRED
_ATTRIBUTES = (ReasonKind.INDUSTRY, ReasonKind.REGION, ReasonKind.TIER)
assert len({WEIGHTS[k] for k in _ATTRIBUTES}) == 1  # _score adds their excesses under one weight


class Profile(NamedTuple):
    """One customer as the suggestions see it (a NamedTuple: 100,000 of them are made at once)."""

    id: int
    code: str
    name: str
    status: LifecycleStatus
    owner: str | None
    industry: str | None
    region: str | None  # the province
    tier: Tier | None  # None: tiers never computed
    products: frozenset[str]


@dataclass(frozen=True)
class Reason:
    """Why a customer resembles a product's buyers, in numbers (worded by the UI and the CLI).

    Attributes: ``value`` is the industry, province or tier shared with ``count``
    of the product's ``of`` buyers, and with ``base`` of the file's customers.
    Co-purchase: ``value`` is the product the customer bought; ``count`` of its
    ``of`` buyers also bought the suggested one, which ``base`` customers bought
    in all.  ``points`` = W * (count * N - of * base) / (N * (of + K)) / 100,
    N the customers in the file (``len(CrossSell)``).
    """

    kind: ReasonKind
    value: str
    count: int
    of: int
    points: float  # this reason's part of the score
    base: int  # the file's customers with the value (co-purchase: the suggested product's buyers)


@dataclass(frozen=True)
class CustomerSuggestion:
    customer_id: int
    code: str
    name: str
    owner: str | None
    score: float
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class ProductSuggestion:
    product: str
    buyers: int
    score: float
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class ProductSuggestions:
    """The customers suggested for ``product``, best first."""

    product: str
    buyers: int  # customers who bought it
    candidates: int  # customers scored: not buyers, not lost
    matched: int  # candidates with a score above 0 (the list may be cut to a limit)
    suggestions: tuple[CustomerSuggestion, ...]


@lru_cache(maxsize=65_536)
def _points(kind: ReasonKind, excess: int, denominator: int) -> float:
    """W * excess / (100 * denominator), rounded; ``denominator`` = N * (of + K)."""
    return round(float(Fraction(WEIGHTS[kind] * excess, _HUNDRED * denominator)), SCORE_DECIMALS)


def _counted(kind: ReasonKind, count: int, of: int, base: int, customers: int) -> int:
    """The excess count * N - of * base if it makes a reason (points above 0 once rounded), else 0."""
    excess = count * customers - of * base
    if excess <= 0:
        return 0
    denominator = customers * (of + PRIOR_BUYERS)
    # Points above one millionth round above 0 (integers, no fraction); below it, as rounded.
    if WEIGHTS[kind] * excess * _MILLION > _HUNDRED * denominator or _points(kind, excess, denominator):
        return excess
    return 0


@lru_cache(maxsize=65_536)  # few distinct excess tuples per product: each fraction is made once
def _score(attribute_excess: int, n: int, co_excess: int, q: int, customers: int) -> float:
    """(20 (e_i + e_r + e_t) / (N (n + K)) + 40 e_q / (N (q + K))) / 100 as one exact fraction, rounded."""
    weight = WEIGHTS[ReasonKind.INDUSTRY]  # the three attributes weigh the same
    n, q = n + PRIOR_BUYERS, q + PRIOR_BUYERS
    value = Fraction(weight * attribute_excess * q + WEIGHTS[ReasonKind.CO_PURCHASE] * co_excess * n,
                     _HUNDRED * customers * n * q)
    return round(float(value), SCORE_DECIMALS)


class _Lift(NamedTuple):
    """A value shared with ``count`` of the buyers and ``base`` of the file, and its (counted) excess."""

    count: int
    base: int
    excess: int


class _Best(NamedTuple):
    """A co-purchased product and its numbers (excess ``both * N - q * n`` over the file)."""

    product: str
    both: int
    q: int
    excess: int


def _stronger(a: _Best, b: _Best | None) -> bool:
    """More points (excess / (q + K)), then more common buyers, then the smaller product text."""
    if b is None:
        return True
    left, right = a.excess * (b.q + PRIOR_BUYERS), b.excess * (a.q + PRIOR_BUYERS)
    if left != right:
        return left > right
    if a.both != b.both:
        return a.both > b.both
    return a.product < b.product


def _lift(kind: ReasonKind, count: int, n: int, base: int, customers: int) -> _Lift | None:
    excess = _counted(kind, count, n, base, customers) if count else 0
    return _Lift(count, base, excess) if excess else None


class CrossSell:
    """A file's customers as profiles, indexed by product; pure and read-only once made.

    Making it is linear in customers and their products; ``customers_for`` is
    linear in customers, ``products_for`` in products (plus, once per product
    the customer bought, a pass over that product's buyers, kept for next time).
    """

    def __init__(self, profiles: Iterable[Profile]) -> None:
        self._profiles: list[Profile] = sorted(profiles, key=lambda p: p.code)
        self._by_id: dict[int, Profile] = {p.id: p for p in self._profiles}
        buyers: dict[str, list[Profile]] = {}
        for p in self._profiles:
            for product in p.products:
                found = buyers.get(product)
                if found is None:
                    buyers[product] = [p]
                else:
                    found.append(p)
        self._buyers = buyers
        self._counts: dict[ReasonKind, Counter[tuple[str, str]]] | None = None  # made on first products_for
        self._totals: dict[ReasonKind, Counter[str]] | None = None  # the bases, made on first use
        self._co_rows: dict[str, Counter[str]] = {}

    # -- what there is

    def __len__(self) -> int:
        """N: the customers in the file, the whole the buyers are compared with."""
        return len(self._profiles)

    def profile(self, customer_id: int) -> Profile | None:
        return self._by_id.get(customer_id)

    def products(self) -> list[tuple[str, int]]:
        """(product, buyers) for every product bought, most buyers first, then by text."""
        return sorted(((p, len(b)) for p, b in self._buyers.items()), key=lambda pb: (-pb[1], pb[0]))

    def buyers(self, product: str) -> int:
        return len(self._buyers.get(product, ()))

    # -- for a product

    def customers_for(self, product: str, limit: int | None = None) -> ProductSuggestions:
        """The candidates of ``product`` (not buyers, not lost) who resemble its buyers, best first."""
        buyers = self._buyers.get(product, [])
        n = len(buyers)
        if not n:
            return ProductSuggestions(product, 0, 0, 0, ())
        customers = len(self._profiles)
        totals = self._bases()

        def lifts(kind: ReasonKind, shared: Counter) -> dict:
            """value -> _Lift, for the values the buyers have more often than the file."""
            base = totals[kind]
            found = ((value, _lift(kind, count, n, base[value], customers)) for value, count in shared.items())
            return {value: lift for value, lift in found if lift is not None}

        industries = lifts(ReasonKind.INDUSTRY, Counter(b.industry for b in buyers if b.industry))
        regions = lifts(ReasonKind.REGION, Counter(b.region for b in buyers if b.region))
        tiers = lifts(ReasonKind.TIER, Counter(b.tier for b in buyers if b.tier is not None))
        # Co-purchase: how many of P's buyers bought each other product Q; Q's rank by strength.
        both = Counter(q for b in buyers for q in b.products)
        del both[product]
        strong = []
        for q, k in both.items():
            if k >= MIN_BOTH:
                q_buyers = len(self._buyers[q])
                excess = _counted(ReasonKind.CO_PURCHASE, k, q_buyers, n, customers)
                if excess:
                    strong.append(_Best(q, k, q_buyers, excess))
        ranked = _ranked(strong)
        rank = {best.product: i for i, best in enumerate(ranked)}
        lost = LifecycleStatus.LOST

        scored: list[tuple[float, str, Profile, _Lift | None, _Lift | None, _Lift | None, _Best | None]] = []
        candidates = 0
        for c in self._profiles:
            if c.status is lost or product in c.products:
                continue
            candidates += 1
            i = industries.get(c.industry)  # None, "" and tier None are never keys
            r = regions.get(c.region)
            t = tiers.get(c.tier)
            best = None
            if rank and c.products:
                ranks = [rank[q] for q in c.products if q in rank]
                if ranks:
                    best = ranked[min(ranks)]
            if not (i or r or t or best):
                continue
            excess = (i.excess if i else 0) + (r.excess if r else 0) + (t.excess if t else 0)
            score = _score(excess, n, best.excess if best else 0, best.q if best else 0, customers)
            scored.append((-score, c.code, c, i, r, t, best))
        top = heapq.nsmallest(limit, scored) if limit is not None else sorted(scored)
        suggestions = tuple(
            CustomerSuggestion(c.id, c.code, c.name, c.owner, -neg, _reasons(c, n, customers, i, r, t, best))
            for neg, _code, c, i, r, t, best in top
        )
        return ProductSuggestions(product, n, candidates, len(scored), suggestions)

    # -- for a customer

    def products_for(self, customer_id: int, limit: int | None = None) -> tuple[ProductSuggestion, ...]:
        """The products ``customer_id`` has not bought, scored as it would be as their candidate, best first.

        Empty for a customer not in the file (or in the recycle bin).
        """
        c = self._by_id.get(customer_id)
        if c is None:
            return ()
        customers = len(self._profiles)
        counts = self._attribute_counts()
        by_industry, by_region, by_tier = (counts[k] for k in _ATTRIBUTES)
        totals = self._bases()
        industry, region, tier, bought = c.industry, c.region, c.tier, c.products
        industry_base = totals[ReasonKind.INDUSTRY].get(industry, 0) if industry else 0
        region_base = totals[ReasonKind.REGION].get(region, 0) if region else 0
        tier_base = totals[ReasonKind.TIER].get(tier, 0) if tier is not None else 0
        rows = [(q, self._co_row(q), len(self._buyers[q])) for q in sorted(bought)]
        counted = _counted
        kind_i, kind_r, kind_t, kind_q = (*_ATTRIBUTES, ReasonKind.CO_PURCHASE)
        # Only the excesses here (this loop runs over every product); the reasons for the top ones below.
        scored: list[tuple[float, str, int, _Best | None]] = []
        for product, buyers in self._buyers.items():
            if product in bought:
                continue
            n = len(buyers)
            i = by_industry.get((product, industry), 0) if industry else 0
            r = by_region.get((product, region), 0) if region else 0
            t = by_tier.get((product, tier), 0) if tier is not None else 0
            excess = ((counted(kind_i, i, n, industry_base, customers) if i else 0)
                      + (counted(kind_r, r, n, region_base, customers) if r else 0)
                      + (counted(kind_t, t, n, tier_base, customers) if t else 0))
            best = None
            for q, row, q_buyers in rows:
                k = row.get(product, 0)
                if k >= MIN_BOTH:
                    co_excess = counted(kind_q, k, q_buyers, n, customers)
                    if co_excess:
                        candidate = _Best(q, k, q_buyers, co_excess)
                        if _stronger(candidate, best):
                            best = candidate
            if not (excess or best):
                continue
            score = _score(excess, n, best.excess if best else 0, best.q if best else 0, customers)
            scored.append((-score, product, n, best))
        top = heapq.nsmallest(limit, scored) if limit is not None else sorted(scored)

        def lift(kind: ReasonKind, by_value: Counter, product: str, value, n: int, base: int) -> _Lift | None:
            return _lift(kind, by_value.get((product, value), 0), n, base, customers) if value else None

        return tuple(
            ProductSuggestion(product, n, -neg, _reasons(
                c, n, customers, lift(kind_i, by_industry, product, industry, n, industry_base),
                lift(kind_r, by_region, product, region, n, region_base),
                lift(kind_t, by_tier, product, tier, n, tier_base), best))
            for neg, product, n, best in top)

    def _bases(self) -> dict[ReasonKind, Counter[str]]:
        """Value -> the file's customers with that industry, province, tier (made once)."""
        if self._totals is None:
            ps = self._profiles
            self._totals = {
                ReasonKind.INDUSTRY: Counter(p.industry for p in ps if p.industry),
                ReasonKind.REGION: Counter(p.region for p in ps if p.region),
                ReasonKind.TIER: Counter(p.tier for p in ps if p.tier is not None),
            }
        return self._totals

    def _attribute_counts(self) -> dict[ReasonKind, Counter[tuple[str, str]]]:
        """(product, value) -> buyers of the product with that industry, province, tier (made once)."""
        if self._counts is None:
            industries: Counter[tuple[str, str]] = Counter()
            regions: Counter[tuple[str, str]] = Counter()
            tiers: Counter[tuple[str, str]] = Counter()
            for p in self._profiles:
                if p.industry:
                    industries.update((q, p.industry) for q in p.products)
                if p.region:
                    regions.update((q, p.region) for q in p.products)
                if p.tier is not None:
                    tiers.update((q, p.tier) for q in p.products)
            self._counts = {ReasonKind.INDUSTRY: industries, ReasonKind.REGION: regions, ReasonKind.TIER: tiers}
        return self._counts

    def _co_row(self, product: str) -> Counter[str]:
        """Other product -> how many buyers of ``product`` bought it too (kept once asked)."""
        row = self._co_rows.get(product)
        if row is None:
            row = Counter(q for b in self._buyers.get(product, ()) for q in b.products)
            del row[product]
            self._co_rows[product] = row
        return row


def _ranked(strong: list[_Best]) -> list[_Best]:
    """Strongest first (points, then common buyers, then text), compared exactly."""
    return sorted(strong, key=lambda b: (-Fraction(b.excess, b.q + PRIOR_BUYERS), -b.both, b.product))


def _reasons(c: Profile, n: int, customers: int, i: _Lift | None, r: _Lift | None, t: _Lift | None,
             best: _Best | None) -> tuple[Reason, ...]:
    reasons = []
    denominator = customers * (n + PRIOR_BUYERS)
    for kind, lift, value in ((ReasonKind.INDUSTRY, i, c.industry), (ReasonKind.REGION, r, c.region),
                              (ReasonKind.TIER, t, c.tier.value if c.tier else None)):
        if lift is not None:
            reasons.append(Reason(kind, value or "", lift.count, n, _points(kind, lift.excess, denominator),
                                  lift.base))
    if best is not None:
        reasons.append(Reason(ReasonKind.CO_PURCHASE, best.product, best.both, best.q,
                              _points(ReasonKind.CO_PURCHASE, best.excess, customers * (best.q + PRIOR_BUYERS)), n))
    return tuple(reasons)
