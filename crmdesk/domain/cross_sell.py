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

The score (0 to 1, four parts, weights out of 100)
-------------------------------------------------

With n = |B| and K = ``PRIOR_BUYERS`` (5):

- industry, weight 20: ``20 * i / (n + K)`` where i buyers of P share the
  candidate's industry ("same industry 物流 as 6 of 10 buyers");
- region, weight 20: ``20 * r / (n + K)`` for the buyers in its province;
- tier, weight 20: ``20 * t / (n + K)`` for the buyers of its tier;
- co-purchase, weight 40: ``40 * both / (q + K)`` for the candidate's strongest
  co-purchased product Q: of the q buyers of Q, ``both`` also bought P (the
  confidence of Q -> P, "bought 冷链仓储; 4 of its 5 buyers also bought P").
  Only products with ``both >= MIN_BOTH`` count, so one customer who happened to
  buy two things is not a pattern.  The strongest is the one adding the most
  points, then the one with the most common buyers, then by product text.

K is a prior: every share is counted as if the product (or Q) had K more buyers
sharing nothing.  Without it a product with one buyer would be "100% of its
buyers" like any customer of that buyer's industry, and a customer's list
would be led by products hardly anyone buys; with it, 1 of 1 weighs 1/6 and
600 of 1,000 still weighs 0.597.  The reasons show the plain counts.

score = (20 * (i + r + t) / (n + K) + 40 * both / (q + K)) / 100, computed as
one exact fraction and rounded to ``SCORE_DECIMALS`` places (so that equal
fractions are equal scores and ties really are ties).  A candidate with
nothing in common with the buyers (score 0) is not suggested.  Each ``Reason``
carries its kind, the value matched, its two counts and its points (its part
of the score, rounded the same way; the points add up to the score up to that
rounding).

The ranking is by score, highest first, then by customer code (products: by
product text), so the same file always gives the same list.

Known limits, said plainly: shares among buyers favour common values (if most
customers are in Shanghai, most buyers are too); only the single strongest
co-purchase counts, so a customer who buys a bit of everything is not
rewarded for it; a product is its order text, so "茶叶" and "茶叶礼盒" are two.

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
    of the product's ``of`` buyers.  Co-purchase: ``value`` is the product the
    customer bought; ``count`` of its ``of`` buyers also bought the suggested one.
    """

    kind: ReasonKind
    value: str
    count: int
    of: int
    points: float  # this reason's part of the score


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


@lru_cache(maxsize=65_536)  # few distinct count tuples per product: each fraction is made once
def _score(attribute_count: int, n: int, both: int, q: int) -> float:
    """(20 (i + r + t) / (n + K) + 40 both / (q + K)) / 100 as one exact fraction, rounded."""
    weight = WEIGHTS[ReasonKind.INDUSTRY]  # the three attributes weigh the same
    n, q = n + PRIOR_BUYERS, q + PRIOR_BUYERS
    value = Fraction(weight * attribute_count * q + WEIGHTS[ReasonKind.CO_PURCHASE] * both * n, _HUNDRED * n * q)
    return round(float(value), SCORE_DECIMALS)


@lru_cache(maxsize=65_536)
def _points(kind: ReasonKind, count: int, of: int) -> float:
    return round(float(Fraction(WEIGHTS[kind] * count, _HUNDRED * (of + PRIOR_BUYERS))), SCORE_DECIMALS)


class _Best(NamedTuple):
    """A co-purchased product and its numbers (confidence ``both / q``)."""

    product: str
    both: int
    q: int


def _stronger(a: _Best, b: _Best | None) -> bool:
    """More points (both / (q + K)), then more common buyers, then the smaller product text."""
    if b is None:
        return True
    left, right = a.both * (b.q + PRIOR_BUYERS), b.both * (a.q + PRIOR_BUYERS)
    if left != right:
        return left > right
    if a.both != b.both:
        return a.both > b.both
    return a.product < b.product


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
        self._co_rows: dict[str, Counter[str]] = {}

    # -- what there is

    def __len__(self) -> int:
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
        industries = Counter(b.industry for b in buyers if b.industry)
        regions = Counter(b.region for b in buyers if b.region)
        tiers = Counter(b.tier for b in buyers if b.tier is not None)
        # Co-purchase: how many of P's buyers bought each other product Q; Q's rank by strength.
        both = Counter(q for b in buyers for q in b.products)
        del both[product]
        strong = [_Best(q, k, len(self._buyers[q])) for q, k in both.items() if k >= MIN_BOTH]
        ranked = _ranked(strong)
        rank = {best.product: i for i, best in enumerate(ranked)}
        lost = LifecycleStatus.LOST

        scored: list[tuple[float, str, Profile, int, int, int, _Best | None]] = []
        candidates = 0
        for c in self._profiles:
            if c.status is lost or product in c.products:
                continue
            candidates += 1
            i = industries.get(c.industry, 0) if c.industry else 0
            r = regions.get(c.region, 0) if c.region else 0
            t = tiers.get(c.tier, 0) if c.tier is not None else 0
            best = None
            if rank and c.products:
                ranks = [rank[q] for q in c.products if q in rank]
                if ranks:
                    best = ranked[min(ranks)]
            if not (i or r or t or best):
                continue
            score = _score(i + r + t, n, best.both if best else 0, best.q if best else 0)
            scored.append((-score, c.code, c, i, r, t, best))
        top = heapq.nsmallest(limit, scored) if limit is not None else sorted(scored)
        suggestions = tuple(
            CustomerSuggestion(c.id, c.code, c.name, c.owner, -neg, _reasons(c, n, i, r, t, best))
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
        counts = self._attribute_counts()
        by_industry, by_region, by_tier = (counts[k] for k in (ReasonKind.INDUSTRY, ReasonKind.REGION,
                                                               ReasonKind.TIER))
        rows = [(q, self._co_row(q), len(self._buyers[q])) for q in sorted(c.products)]
        scored: list[tuple[float, str, int, int, int, int, _Best | None]] = []
        for product, buyers in self._buyers.items():
            if product in c.products:
                continue
            n = len(buyers)
            i = by_industry.get((product, c.industry), 0) if c.industry else 0
            r = by_region.get((product, c.region), 0) if c.region else 0
            t = by_tier.get((product, c.tier), 0) if c.tier is not None else 0
            best = None
            for q, row, q_buyers in rows:
                k = row.get(product, 0)
                if k >= MIN_BOTH:
                    candidate = _Best(q, k, q_buyers)
                    if _stronger(candidate, best):
                        best = candidate
            if not (i or r or t or best):
                continue
            score = _score(i + r + t, n, best.both if best else 0, best.q if best else 0)
            scored.append((-score, product, n, i, r, t, best))
        top = heapq.nsmallest(limit, scored) if limit is not None else sorted(scored)
        return tuple(ProductSuggestion(product, n, -neg, _reasons(c, n, i, r, t, best))
                     for neg, product, n, i, r, t, best in top)

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
    return sorted(strong, key=lambda b: (-Fraction(b.both, b.q + PRIOR_BUYERS), -b.both, b.product))


def _reasons(c: Profile, n: int, i: int, r: int, t: int, best: _Best | None) -> tuple[Reason, ...]:
    reasons = []
    if i:
        reasons.append(Reason(ReasonKind.INDUSTRY, c.industry or "", i, n, _points(ReasonKind.INDUSTRY, i, n)))
    if r:
        reasons.append(Reason(ReasonKind.REGION, c.region or "", r, n, _points(ReasonKind.REGION, r, n)))
    if t:
        reasons.append(Reason(ReasonKind.TIER, c.tier.value if c.tier else "", t, n, _points(ReasonKind.TIER, t, n)))
    if best is not None:
        reasons.append(Reason(ReasonKind.CO_PURCHASE, best.product, best.both, best.q,
                              _points(ReasonKind.CO_PURCHASE, best.both, best.q)))
    return tuple(reasons)
