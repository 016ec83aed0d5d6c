"""The exact ABC/VIP tier rule of domain.md §4, and RFM quintiles."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crmdesk.domain.dates import add_months_clamped
from crmdesk.domain.tiers import (
    RfmInput,
    Segment,
    Tier,
    TierRules,
    abc_tiers,
    quintile_scores,
    rfm_scores,
    segment_of,
    tier_cutoffs,
    window_start,
)

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    "n, cutoffs",
    [(1, (1, 1, 1)), (2, (1, 1, 1)), (20, (1, 1, 4)), (99, (1, 5, 20)), (100, (1, 5, 20)),
     (101, (2, 6, 21)), (1000, (10, 50, 200))],
)
def test_cutoffs(n, cutoffs):
    assert tier_cutoffs(n) == cutoffs


def _tiers(totals):
    return {k: r.tier for k, r in abc_tiers(dict(enumerate(totals))).items()}


def test_small_files():
    assert _tiers([500]) == {0: Tier.A}
    # ⌈5% of 2⌉ = ⌈20% of 2⌉ = 1: rank 2 is past B and past C, so the second of two is D.
    assert _tiers([500, 100]) == {0: Tier.A, 1: Tier.D}
    assert _tiers([500, 500]) == {0: Tier.A, 1: Tier.A}  # a tie shares rank 1


def test_hundred_and_one_customers():
    totals = list(range(101, 0, -1))  # 101, 100, ..., 1: ranks 1..101
    tiers = _tiers(totals)
    assert [tiers[i] for i in (0, 1, 2, 5, 6, 20, 21)] == [
        Tier.A, Tier.A, Tier.B, Tier.B, Tier.C, Tier.C, Tier.D]


def test_no_purchase_is_d_without_a_rank():
    results = abc_tiers({1: 0, 2: 700, 3: -50})
    assert results[1].tier is Tier.D and results[1].rank is None
    assert results[3].total == 0 and results[3].rank is None
    assert results[2].n == 1 and results[2].tier is Tier.A


def test_ties_share_the_better_rank():
    results = abc_tiers({1: 900, 2: 500, 3: 500, 4: 100})
    assert [results[i].rank for i in (1, 2, 3, 4)] == [1, 2, 2, 4]


def test_why_this_tier():
    totals = {i: 1000 - i for i in range(100)}
    r = abc_tiers(totals)[3]
    assert (r.tier, r.total, r.rank, r.n, r.cutoff) == (Tier.B, 997, 4, 100, 5)


@given(st.dictionaries(st.integers(0, 500), st.integers(-5, 10**6), max_size=300))
def test_tiers_are_monotone_and_ties_never_split(totals):
    results = abc_tiers(totals)
    order = "ABCD"
    for a, ra in results.items():
        for b, rb in results.items():
            if totals[a] == totals[b] or (totals[a] <= 0 and totals[b] <= 0):
                assert ra.tier == rb.tier
            elif totals[a] > totals[b]:
                assert order.index(ra.tier) <= order.index(rb.tier)


def test_custom_thresholds():
    rules = TierRules(a_percent=10, b_percent=30, c_percent=60)
    tiers = {k: r.tier for k, r in abc_tiers({i: 100 - i for i in range(10)}, rules).items()}
    assert [tiers[i] for i in range(10)] == list("ABBCCCDDDD")


def test_window_is_the_last_twelve_months_including_today():
    assert window_start(TODAY) == date(2025, 11, 24)
    assert window_start(date(2024, 2, 29)) == date(2023, 3, 1)
    assert add_months_clamped(date(2026, 3, 31), -1) == date(2026, 2, 28)


def test_quintiles_of_ten_values_and_ties():
    scores = quintile_scores({i: i for i in range(10)})
    assert [scores[i] for i in range(10)] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert set(quintile_scores({i: 7 for i in range(6)}).values()) == {1}


def test_rfm_recency_favours_recent_buyers():
    inputs = {
        1: RfmInput(date(2026, 11, 20), 12, 900_000),
        2: RfmInput(date(2026, 1, 5), 1, 1_000),
        3: RfmInput(date(2026, 10, 1), 3, 50_000),
        4: RfmInput(date(2026, 2, 1), 10, 800_000),
        5: RfmInput(date(2026, 11, 1), 1, 2_000),
    }
    scores = rfm_scores(inputs, TODAY)
    assert (scores[1].r, scores[1].f, scores[1].m, scores[1].segment) == (5, 5, 5, Segment.HIGH_VALUE)
    assert scores[2].segment is Segment.LOST
    assert scores[4].segment is Segment.AT_RISK
    assert scores[5].segment is Segment.GROWING


def test_every_score_combination_has_a_segment():
    for r in range(1, 6):
        for f in range(1, 6):
            for m in range(1, 6):
                assert isinstance(segment_of(r, f, m), Segment)


# -- the rules as a per-file setting --------------------------------------------------------------


def test_default_and_boundary_rules_are_allowed():
    from crmdesk.domain.tiers import tier_rules_errors

    assert tier_rules_errors(TierRules()) == []
    assert tier_rules_errors(TierRules(window_months=1, a_percent=1, b_percent=1, c_percent=1)) == []
    assert tier_rules_errors(TierRules(window_months=120, a_percent=99, b_percent=99, c_percent=99)) == []
    assert tier_rules_errors(TierRules(window_months=24, a_percent=2, b_percent=10, c_percent=30)) == []


@pytest.mark.parametrize(
    "changes, field, code, params",
    [
        ({"window_months": 0}, "window_months", "out_of_range", {"min": 1, "max": 120}),
        ({"window_months": 121}, "window_months", "out_of_range", {"min": 1, "max": 120}),
        ({"a_percent": 0}, "a_percent", "out_of_range", {"min": 1, "max": 99}),
        ({"c_percent": 100}, "c_percent", "out_of_range", {"min": 1, "max": 99}),
        ({"b_percent": -5}, "b_percent", "out_of_range", {"min": 1, "max": 99}),
        ({"a_percent": 1.5}, "a_percent", "invalid_integer", {}),
        ({"window_months": "12"}, "window_months", "invalid_integer", {}),
        ({"window_months": True}, "window_months", "invalid_integer", {}),
        ({"a_percent": 6}, "b_percent", "tier_order", {}),  # A 6 > B 5
        ({"b_percent": 25}, "c_percent", "tier_order", {}),  # B 25 > C 20
    ],
)
def test_rules_out_of_range_or_order_are_refused_by_field(changes, field, code, params):
    from dataclasses import replace

    from crmdesk.domain.tiers import tier_rules_errors
    from crmdesk.domain.validation import ErrorCode, FieldError

    assert tier_rules_errors(replace(TierRules(), **changes)) == [FieldError(field, ErrorCode(code), params)]


def test_both_order_errors_are_reported():
    from crmdesk.domain.tiers import tier_rules_errors

    errors = tier_rules_errors(TierRules(a_percent=30, b_percent=20, c_percent=10))
    assert [(e.field, e.code.value) for e in errors] == [("b_percent", "tier_order"), ("c_percent", "tier_order")]


def test_other_rules_change_the_window_and_the_cutoffs():
    rules = TierRules(window_months=3, a_percent=10, b_percent=10, c_percent=50)
    assert window_start(TODAY, rules) == date(2026, 8, 24)
    assert tier_cutoffs(10, rules) == (1, 1, 5)
    tiers = {k: r.tier for k, r in abc_tiers(dict(enumerate([9, 8, 7, 6, 5, 4, 3, 2, 1, 1])), rules).items()}
    assert [tiers[k] for k in range(10)] == [Tier.A] + [Tier.C] * 4 + [Tier.D] * 5
