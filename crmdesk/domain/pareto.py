"""Who makes the 80% (二八法则): the rule written once for the tier chart and the contribution chart."""

from __future__ import annotations

from collections.abc import Iterable

PARETO_PERCENT = 80


def pareto_count(amounts: Iterable[int], percent: int = PARETO_PERCENT) -> int:
    """The fewest of these amounts (largest first) that add up to at least ``percent`` of their total.

    0 when the total is 0.  Compared in integers (cumulative × 100 ≥ total ×
    percent), so exactly 80% is enough and no float decides the count.
    """
    ranked = sorted(amounts, reverse=True)
    total = sum(ranked)
    if total <= 0:
        return 0
    cumulative = 0
    for count, amount in enumerate(ranked, start=1):
        cumulative += amount
        if cumulative * 100 >= total * percent:
            return count
    return len(ranked)  # not reached while percent <= 100
