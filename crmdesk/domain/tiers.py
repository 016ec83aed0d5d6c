"""ABC/VIP tiers and RFM scores: pure functions of purchase totals and dates.

The tier rule is domain.md §4 to the letter, so that any two implementations
agree: N customers with a positive total in the window are ranked by total,
highest first, ties sharing the better rank (SQL ``RANK()``); A if rank ≤
max(1, ⌈1% N⌉), B if ≤ ⌈5% N⌉, C if ≤ ⌈20% N⌉, else D.  No purchase in the
window is D.  Percentages are whole numbers and the ceilings are integer
arithmetic: no float decides a tier.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from crmdesk.domain.dates import add_months_clamped
from crmdesk.domain.validation import ErrorCode, FieldError


class Tier(StrEnum):
    A = "A"  # VIP客户: dedicated staff, regular visits, offers, complaints handled first
    B = "B"  # 主要客户: more service, build loyalty
    C = "C"  # 普通客户: keep in touch, cultivate
    D = "D"  # 小客户: basic service


@dataclass(frozen=True)
class TierRules:
    """Per-file settings (domain.md §4 defaults); ``tier_rules_errors`` says which are allowed."""

    window_months: int = 12
    a_percent: int = 1
    b_percent: int = 5
    c_percent: int = 20


WINDOW_MONTHS = (1, 120)  # a month to ten years
PERCENT = (1, 99)  # whole percentages: 0 < p < 100


def tier_rules_errors(rules: TierRules) -> list[FieldError]:
    """What is wrong with tier rules, by field name (window_months, a_percent, b_percent, c_percent).

    The window is 1..120 whole months; the percentages are whole numbers with
    0 < A ≤ B ≤ C < 100 (equal percentages are allowed: that tier is then empty
    but for ties).  An order error is reported on the later field (B or C).
    """
    errors: list[FieldError] = []
    ranges = {
        "window_months": WINDOW_MONTHS,
        "a_percent": PERCENT,
        "b_percent": PERCENT,
        "c_percent": PERCENT,
    }
    for name, (low, high) in ranges.items():
        value = getattr(rules, name)
        if not isinstance(value, int) or isinstance(value, bool):
            errors.append(FieldError(name, ErrorCode.INVALID_INTEGER))
        elif not low <= value <= high:
            errors.append(FieldError(name, ErrorCode.OUT_OF_RANGE, {"min": low, "max": high}))
    if errors:
        return errors
    if rules.b_percent < rules.a_percent:
        errors.append(FieldError("b_percent", ErrorCode.TIER_ORDER))
    if rules.c_percent < rules.b_percent:
        errors.append(FieldError("c_percent", ErrorCode.TIER_ORDER))
    return errors


class TierResult(NamedTuple):
    """A customer's tier and why: its total, its rank of N, and the cut-off it met."""

    tier: Tier
    total: int  # fen purchased in the window
    rank: int | None  # None: no purchase in the window
    n: int  # customers with a positive total
    cutoff: int | None  # the highest rank that still gets this tier (None for D)


def window_start(today: date, rules: TierRules = TierRules()) -> date:
    """First day inside the window (today is the last): 12 months back, the day after."""
    return add_months_clamped(today, -rules.window_months) + timedelta(days=1)


def _ceil_percent(n: int, percent: int) -> int:
    return -(-n * percent // 100)


def tier_cutoffs(n: int, rules: TierRules = TierRules()) -> tuple[int, int, int]:
    """Highest ranks that are A, B and C among ``n`` buying customers."""
    return (
        max(1, _ceil_percent(n, rules.a_percent)),
        _ceil_percent(n, rules.b_percent),
        _ceil_percent(n, rules.c_percent),
    )


def abc_tiers(totals: Mapping[int, int], rules: TierRules = TierRules()) -> dict[int, TierResult]:
    """Tiers for every customer id in ``totals`` (fen bought in the window; 0 or less: none)."""
    buying = sorted((total for total in totals.values() if total > 0), reverse=True)
    n = len(buying)
    a, b, c = tier_cutoffs(n, rules)
    rank_of: dict[int, int] = {}
    for position, total in enumerate(buying, start=1):
        rank_of.setdefault(total, position)  # ties share the better (first) rank
    results = {}
    for customer_id, total in totals.items():
        rank = rank_of.get(total) if total > 0 else None
        if rank is None:
            results[customer_id] = TierResult(Tier.D, max(total, 0), None, n, None)
        elif rank <= a:
            results[customer_id] = TierResult(Tier.A, total, rank, n, a)
        elif rank <= b:
            results[customer_id] = TierResult(Tier.B, total, rank, n, b)
        elif rank <= c:
            results[customer_id] = TierResult(Tier.C, total, rank, n, c)
        else:
            results[customer_id] = TierResult(Tier.D, total, rank, n, None)
    return results


# -- RFM ---------------------------------------------------------------------------------------


class Segment(StrEnum):
    """Readable RFM segments, checked in this order (first match wins)."""

    HIGH_VALUE = "high_value"  # 高净值: recent, frequent, big
    AT_RISK = "at_risk"  # 流失风险: were frequent or big, not recent
    LOST = "lost"  # 已流失: long ago, rarely
    GROWING = "growing"  # 成长型: recent, not yet frequent
    POTENTIAL = "potential"  # 潜力型: fairly recent, fair frequency or spend
    DORMANT = "dormant"  # 沉睡: not recent, small
    ORDINARY = "ordinary"  # 一般


class RfmInput(NamedTuple):
    """One customer's purchases in the window."""

    last_purchase: date
    purchase_days: int  # distinct days with an order (several orders on a day count once)
    total: int  # fen


class RfmScore(NamedTuple):
    r: int  # 1..5, 5 = most recent
    f: int  # 1..5, 5 = most frequent
    m: int  # 1..5, 5 = biggest spender
    segment: Segment


def quintile_scores(values: Mapping[int, int]) -> dict[int, int]:
    """Score 1..5 by the share of customers with a strictly smaller value (ties score alike).

    score = 1 + ⌊5 × below / n⌋, so the top fifth scores 5 and equal values never
    land in different quintiles.
    """
    ordered = sorted(values.values())
    n = len(ordered)
    below: dict[int, int] = {}
    for position, value in enumerate(ordered):
        below.setdefault(value, position)
    return {key: min(5, 1 + 5 * below[value] // n) for key, value in values.items()}


def segment_of(r: int, f: int, m: int) -> Segment:
    if r >= 4 and f >= 4 and m >= 4:
        return Segment.HIGH_VALUE
    if r <= 2 and (f >= 4 or m >= 4):
        return Segment.AT_RISK
    if r == 1 and f <= 2:
        return Segment.LOST
    if r >= 4 and f <= 3:
        return Segment.GROWING
    if r >= 3 and (f >= 3 or m >= 3):
        return Segment.POTENTIAL
    if r <= 2:
        return Segment.DORMANT
    return Segment.ORDINARY


def rfm_scores(inputs: Mapping[int, RfmInput], today: date) -> dict[int, RfmScore]:
    """RFM over the customers who bought in the window (the others have no score)."""
    if not inputs:
        return {}
    # Recency scores higher for fewer days: score the negated day count.
    r = quintile_scores({k: -(today - v.last_purchase).days for k, v in inputs.items()})
    f = quintile_scores({k: v.purchase_days for k, v in inputs.items()})
    m = quintile_scores({k: v.total for k, v in inputs.items()})
    return {k: RfmScore(r[k], f[k], m[k], segment_of(r[k], f[k], m[k])) for k in inputs}
