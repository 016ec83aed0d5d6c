"""Who makes the 80%: the fewest largest amounts that reach the share, in integers."""

from __future__ import annotations

import pytest

from crmdesk.domain.pareto import PARETO_PERCENT, pareto_count


@pytest.mark.parametrize(
    ("amounts", "count"),
    [
        ([80, 10, 10], 1),  # exactly 80%: enough
        ([79, 11, 10], 2),  # one fen short of 80% with the first
        ([10, 80, 10], 1),  # ranked by amount, whatever the order given
        ([500], 1),  # a single buyer
        ([], 0),  # no buyers
        ([0, 0], 0),  # buyers, but no revenue
        ([50, 50], 2),  # ties: half is not 80%
        ([40, 40, 10, 10], 2),
        ([4, 4, 1, 1], 2),
        ([3, 3, 3, 1], 3),  # 60% then 90%
    ],
)
def test_fewest_largest_amounts_reaching_the_share(amounts, count):
    assert pareto_count(amounts) == count


def test_the_share_is_a_parameter_and_the_default_is_80_percent():
    assert PARETO_PERCENT == 80
    assert pareto_count([50, 30, 20], percent=50) == 1
    assert pareto_count([50, 30, 20], percent=100) == 3


def test_no_float_decides_the_boundary():
    # 0.8 × 3 fen is 2.4000000000000004 in floats; in integers 2 × 100 < 3 × 80 and 3 × 100 ≥ 3 × 80.
    assert pareto_count([1, 1, 1]) == 3
    big = 10**17  # past a float's exact integers
    assert pareto_count([8 * big - 1, big, big + 1]) == 2  # one fen under 80% with the first
    assert pareto_count([8 * big, big, big]) == 1
