"""The pipeline's figures on a hand-computed example (domain.pipeline's docstring states the rules)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from crmdesk.domain.pipeline import (
    DEFAULT_STAGES,
    Opportunity,
    Outcome,
    Stage,
    StageProblem,
    Stages,
    StageStay,
    funnel,
    new_stage_key,
    pipeline_totals,
    stage_problems,
    stages_from_json,
    stages_to_json,
    validate_opportunity,
    weighted,
)

STAGES = Stages()
D = date.fromisoformat

# id, current stage, amount (fen)
OPPORTUNITIES = [
    (1, "initial", 1_000_000),
    (2, "initial", 33_333),
    (3, "needs", 2_000_000),
    (4, "proposal", 500_001),
    (5, "won", 800_000),
    (6, "lost", 300_000),
]
STAYS = [
    StageStay(1, "initial", D("2026-01-02")),
    StageStay(2, "initial", D("2026-01-03")),
    StageStay(3, "needs", D("2026-01-04")),  # opened straight in 需求确认
    StageStay(4, "proposal", D("2026-01-04")),
    StageStay(5, "initial", D("2026-01-01"), D("2026-01-11")),
    StageStay(5, "needs", D("2026-01-11"), D("2026-01-14")),
    StageStay(5, "proposal", D("2026-01-14"), D("2026-01-21")),
    StageStay(5, "negotiation", D("2026-01-21"), D("2026-02-20")),
    StageStay(5, "won", D("2026-02-20")),
    StageStay(6, "initial", D("2026-01-05"), D("2026-01-10")),
    StageStay(6, "needs", D("2026-01-10"), D("2026-01-30")),
    StageStay(6, "lost", D("2026-01-30")),
]


def test_weighted_rounds_half_up_to_the_fen():
    assert weighted(500_001, 50) == 250_001  # 250,000.5
    assert weighted(1_033_333, 10) == 103_333  # 103,333.3
    assert weighted(5, 10) == 1  # 0.5
    assert weighted(4, 10) == 0


def test_pipeline_totals_per_stage_and_weighted_pipeline():
    totals = pipeline_totals(STAGES, [(key, amount) for _, key, amount in OPPORTUNITIES])
    got = {line.stage.key: (line.count, line.amount, line.weighted) for line in totals.lines}
    assert got == {
        "initial": (2, 1_033_333, 103_333),
        "needs": (1, 2_000_000, 500_000),
        "proposal": (1, 500_001, 250_001),
        "negotiation": (0, 0, 0),
        "won": (1, 800_000, 800_000),
        "lost": (1, 300_000, 0),
    }
    assert totals.open_count == 4
    assert totals.open_amount == 3_533_334
    assert totals.weighted_pipeline == 853_334  # the open stages' weighted amounts, as the table adds up


def test_funnel_reach_conversion_and_days_exactly():
    f = funnel(STAGES, OPPORTUNITIES, STAYS)
    steps = {s.stage.key: s for s in f.steps}
    assert [s.stage.key for s in f.steps] == ["initial", "needs", "proposal", "negotiation", "won"]
    assert [s.reached for s in f.steps] == [6, 4, 2, 1, 1]
    assert steps["initial"].amount == 4_633_334
    assert steps["needs"].amount == 3_600_001  # 3, 4, 5, 6
    assert [s.conversion for s in f.steps] == [Fraction(2, 3), Fraction(1, 2), Fraction(1, 2), Fraction(1), None]
    assert steps["initial"].average_days == Fraction(15, 2)
    assert steps["needs"].average_days == Fraction(23, 2)
    assert steps["proposal"].average_days == 7
    assert steps["negotiation"].average_days == 30
    assert steps["won"].average_days is None
    assert (f.lost, f.lost_amount, f.total, f.win_rate) == (1, 300_000, 6, Fraction(1, 2))


def test_empty_funnel_has_no_conversions():
    f = funnel(STAGES, [], [])
    assert all(s.reached == 0 and s.conversion is None and s.average_days is None for s in f.steps)
    assert f.win_rate is None


def test_default_stages_are_usable_and_round_trip_through_json():
    assert stage_problems(DEFAULT_STAGES) == []
    assert stages_from_json(stages_to_json(DEFAULT_STAGES)) == DEFAULT_STAGES
    assert STAGES.first.key == "initial" and STAGES.won.key == "won" and STAGES.lost.key == "lost"


@pytest.mark.parametrize("stages, problem", [
    ((Stage("won", 100, Outcome.WON), Stage("lost", 0, Outcome.LOST)), StageProblem.NO_OPEN),
    ((Stage("initial", 10), Stage("lost", 0, Outcome.LOST)), StageProblem.ONE_WON_ONE_LOST),
    ((Stage("initial", 10), Stage("won", 100, Outcome.WON), Stage("needs", 20), Stage("lost", 0, Outcome.LOST)),
     StageProblem.ORDER),
    ((Stage("initial", 10), Stage("initial", 20), *DEFAULT_STAGES[4:]), StageProblem.DUPLICATE),
    ((Stage("Bad Key", 10, name="x"), *DEFAULT_STAGES[4:]), StageProblem.BAD_KEY),
    ((Stage("initial", 101), *DEFAULT_STAGES[4:]), StageProblem.PROBABILITY),
    ((Stage("initial", 10), Stage("won", 90, Outcome.WON), Stage("lost", 0, Outcome.LOST)), StageProblem.PROBABILITY),
    ((Stage("stage_1", 10), *DEFAULT_STAGES[4:]), StageProblem.NAME_NEEDED),
])
def test_unusable_stages_are_named(stages, problem):
    assert problem in stage_problems(stages)
    assert stages_from_json(stages_to_json(stages)) is None


def test_stored_stages_that_are_not_a_list_fall_back():
    assert stages_from_json("nonsense") is None
    assert stages_from_json([{"key": "x"}]) is None


def test_new_stage_keys_never_reuse_a_default_or_a_taken_key():
    assert new_stage_key("展会", ["initial", "stage_1"]) == "stage_2"


def test_validation():
    opp = Opportunity(customer_id=1, title=" ", amount=-1, stage="nowhere", opened_on=D("2026-01-01"))
    assert {e.field for e in validate_opportunity(opp, STAGES)} == {"title", "amount", "stage"}
    lost = Opportunity(customer_id=1, title="冷链", amount=1, stage="lost", opened_on=D("2026-01-01"))
    assert [e.field for e in validate_opportunity(lost, STAGES)] == ["lost_reason"]
