"""Referral rules (domain.referrals): no self-referral, no cycle, what counts as referred revenue."""

from __future__ import annotations

from datetime import date

import pytest

from crmdesk.domain.referrals import ReferralProblem, counts_towards_referral, referral_problem


@pytest.mark.parametrize("referred, referrer, chain, expected", [
    (1, 2, [], None),
    (1, 1, [], ReferralProblem.SELF),
    (1, 2, [1], ReferralProblem.CYCLE),  # 1 referred 2: 2 cannot have referred 1
    (1, 3, [2, 1], ReferralProblem.CYCLE),  # 1 → 2 → 3 → 1
    (1, 3, [2, 4], None),
])
def test_a_referral_may_not_refer_to_itself_or_close_a_loop(referred, referrer, chain, expected):
    assert referral_problem(referred, referrer, chain) is expected


def test_orders_since_the_referral_count_and_an_undated_referral_counts_all():
    day = date(2026, 5, 1)
    assert counts_towards_referral(date(2026, 5, 1), day)
    assert not counts_towards_referral(date(2026, 4, 30), day)
    assert counts_towards_referral(date(2020, 1, 1), None)
