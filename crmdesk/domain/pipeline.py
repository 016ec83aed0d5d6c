"""The sales pipeline (销售漏斗, seed 004): opportunities, their stages and the funnel's figures.

A file has its own stages (业务阶段), in order, each with a win probability;
the open ones come first, then exactly one won (赢单) and one lost (输单)
stage.  The default stages have no name of their own: the UI words them by
key, so they read 初步接洽 … in Chinese and "Initial contact" … in English.

Figures, exactly (tests pin them on hand-computed files):
- weighted amount of a stage = its opportunities' amounts summed, times its
  probability, rounded half up to the fen once per stage; the weighted
  pipeline is the sum of the open stages' weighted amounts, so the table adds up;
- the funnel counts each opportunity in every open stage up to the furthest it
  ever reached (jumping a stage passes through it), and a won one in all of
  them and in the won stage; conversion from a stage = reached the next one /
  reached this one;
- days in a stage = the average, over the stays in it that have ended, of the
  days from entering to leaving (a stay still going has no length yet).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

from crmdesk.domain.money import MAX_FEN
from crmdesk.domain.validation import ErrorCode, FieldError, text_errors


class Outcome(StrEnum):
    OPEN = "open"
    WON = "won"  # 赢单
    LOST = "lost"  # 输单


@dataclass(frozen=True)
class Stage:
    key: str
    probability: int  # percent, 0..100
    outcome: Outcome = Outcome.OPEN
    name: str = ""  # the file's own name; empty for a default stage (the UI words it)

    @property
    def is_open(self) -> bool:
        return self.outcome is Outcome.OPEN


DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage("initial", 10),  # 初步接洽
    Stage("needs", 25),  # 需求确认
    Stage("proposal", 50),  # 方案报价
    Stage("negotiation", 75),  # 谈判
    Stage("won", 100, Outcome.WON),  # 赢单
    Stage("lost", 0, Outcome.LOST),  # 输单
)
DEFAULT_STAGE_KEYS = frozenset(s.key for s in DEFAULT_STAGES)
_KEY = re.compile(r"[a-z0-9_]{1,40}")
MAX_STAGES = 12


class StageProblem(StrEnum):
    """What makes a list of stages unusable (the settings dialog words these)."""

    NO_OPEN = "no_open"
    ONE_WON_ONE_LOST = "one_won_one_lost"
    ORDER = "order"  # open stages first, then won and lost
    DUPLICATE = "duplicate"
    BAD_KEY = "bad_key"
    PROBABILITY = "probability"
    NAME_NEEDED = "name_needed"  # a stage of the file's own needs a name
    TOO_MANY = "too_many"


def stage_problems(stages: Sequence[Stage]) -> list[StageProblem]:
    problems = []
    opens = [s for s in stages if s.is_open]
    if not opens:
        problems.append(StageProblem.NO_OPEN)
    if [s.outcome for s in stages if not s.is_open] not in ([Outcome.WON, Outcome.LOST], [Outcome.LOST, Outcome.WON]):
        problems.append(StageProblem.ONE_WON_ONE_LOST)
    if list(stages[: len(opens)]) != opens:
        problems.append(StageProblem.ORDER)
    if len({s.key for s in stages}) != len(stages):
        problems.append(StageProblem.DUPLICATE)
    if any(not _KEY.fullmatch(s.key) for s in stages):
        problems.append(StageProblem.BAD_KEY)
    if any(not 0 <= s.probability <= 100 for s in stages) or any(
        (s.outcome is Outcome.WON and s.probability != 100) or (s.outcome is Outcome.LOST and s.probability != 0)
        for s in stages
    ):
        problems.append(StageProblem.PROBABILITY)
    if any(not s.name.strip() and s.key not in DEFAULT_STAGE_KEYS for s in stages):
        problems.append(StageProblem.NAME_NEEDED)
    if len(stages) > MAX_STAGES:
        problems.append(StageProblem.TOO_MANY)
    return problems


def stages_to_json(stages: Sequence[Stage]) -> list[dict]:
    return [{"key": s.key, "probability": s.probability, "outcome": s.outcome.value, "name": s.name} for s in stages]


def stages_from_json(value: object) -> tuple[Stage, ...] | None:
    """The stages stored in a file, or None if they are not a usable list (the caller falls back)."""
    try:
        stages = tuple(
            Stage(str(d["key"]), int(d["probability"]), Outcome(d["outcome"]), str(d.get("name") or ""))
            for d in value  # type: ignore[union-attr]
        )
    except (TypeError, KeyError, ValueError):
        return None
    return None if stage_problems(stages) else stages


def new_stage_key(name: str, taken: Iterable[str]) -> str:
    """A key for a stage the user adds: never one in use, never a default's (its words would show)."""
    taken = set(taken) | DEFAULT_STAGE_KEYS
    n = 1
    while f"stage_{n}" in taken:
        n += 1
    return f"stage_{n}"


class Stages:
    """A file's stages with the lookups the rest needs."""

    def __init__(self, stages: Sequence[Stage] = DEFAULT_STAGES) -> None:
        self.all = tuple(stages)
        self.by_key = {s.key: s for s in self.all}
        self.open = tuple(s for s in self.all if s.is_open)
        self.won = next(s for s in self.all if s.outcome is Outcome.WON)
        self.lost = next(s for s in self.all if s.outcome is Outcome.LOST)
        self.first = self.open[0]
        self._open_index = {s.key: i for i, s in enumerate(self.open)}

    def __contains__(self, key: object) -> bool:
        return key in self.by_key

    def open_index(self, key: str) -> int | None:
        return self._open_index.get(key)


@dataclass(frozen=True)
class PipelineRules:
    """When the alert panel reminds of a deal (大额业务提醒) or calls it stuck."""

    large_deal: int = 5_000_000  # fen (50,000 yuan)
    stuck_days: int = 30
    STUCK_RANGE = (1, 365)

    # The two boundaries, stated once for the alerts, the board and the command line.
    def is_large(self, amount: int) -> bool:
        return amount >= self.large_deal

    def is_stuck(self, stage_since: date, today: date) -> bool:
        return (today - stage_since).days > self.stuck_days


# -- opportunities ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Opportunity:
    """业务机会: a possible sale to a customer, in one stage at a time."""

    customer_id: int
    title: str
    amount: int  # expected, fen
    stage: str
    opened_on: date
    stage_since: date | None = None  # the day it entered its stage (the service sets it)
    expected_close: date | None = None
    product: str | None = None  # what the order will be for, when it is won
    owner: str | None = None
    lost_reason: str = ""
    order_id: int | None = None  # the order it was won with
    closed_on: date | None = None
    note: str | None = None
    id: int | None = None
    uid: str | None = None
    row_version: int = 0


MAX_TITLE = 200
MAX_REASON = 500


def validate_opportunity(opp: Opportunity, stages: Stages) -> list[FieldError]:
    errors = text_errors("title", opp.title, MAX_TITLE, required=True)
    if opp.amount < 0:
        errors.append(FieldError("amount", ErrorCode.NEGATIVE_AMOUNT))
    elif opp.amount > MAX_FEN:
        errors.append(FieldError("amount", ErrorCode.AMOUNT_OUT_OF_RANGE))
    if opp.stage not in stages:
        errors.append(FieldError("stage", ErrorCode.INVALID_CHOICE))
    errors += text_errors("lost_reason", opp.lost_reason, MAX_REASON, required=opp.stage == stages.lost.key)
    return errors


@dataclass(frozen=True)
class StageStay:
    """One stay of an opportunity in a stage (the history a move appends to)."""

    opportunity_id: int
    stage: str
    entered_on: date
    left_on: date | None = None  # None: still there


# -- figures ----------------------------------------------------------------------------------


def weighted(amount: int, probability: int) -> int:
    """``amount`` fen times ``probability`` percent, to the fen, half up."""
    return int((Decimal(amount) * probability / 100).quantize(Decimal(1), ROUND_HALF_UP))


@dataclass(frozen=True)
class StageLine:
    stage: Stage
    count: int
    amount: int
    weighted: int


@dataclass(frozen=True)
class PipelineTotals:
    lines: tuple[StageLine, ...]

    @property
    def open_lines(self) -> tuple[StageLine, ...]:
        return tuple(line for line in self.lines if line.stage.is_open)

    @property
    def open_count(self) -> int:
        return sum(line.count for line in self.open_lines)

    @property
    def open_amount(self) -> int:
        return sum(line.amount for line in self.open_lines)

    @property
    def weighted_pipeline(self) -> int:
        return sum(line.weighted for line in self.open_lines)


def pipeline_totals(stages: Stages, current: Iterable[tuple[str, int]]) -> PipelineTotals:
    """Per stage: how many opportunities are in it now, their amount and weighted amount.

    ``current``: (stage key, amount) of every opportunity; a stage the file no
    longer has is not counted (the service never leaves one there).
    """
    counts = dict.fromkeys(stages.by_key, 0)
    amounts = dict.fromkeys(stages.by_key, 0)
    for key, amount in current:
        if key in counts:
            counts[key] += 1
            amounts[key] += amount
    return PipelineTotals(tuple(
        StageLine(s, counts[s.key], amounts[s.key], weighted(amounts[s.key], s.probability)) for s in stages.all
    ))


@dataclass(frozen=True)
class FunnelStep:
    stage: Stage
    reached: int  # opportunities that got this far
    amount: int  # their amounts, fen
    conversion: Fraction | None  # of these, the share that reached the next step; None: the last step or none here
    average_days: Fraction | None  # over the ended stays in this stage; None: no stay has ended
    stays: int = 0  # ended stays the average is over


@dataclass(frozen=True)
class Funnel:
    steps: tuple[FunnelStep, ...]
    lost: int  # opportunities lost
    lost_amount: int
    total: int  # every opportunity
    win_rate: Fraction | None = field(default=None)  # won / (won + lost): of the decided ones


def funnel(stages: Stages, opportunities: Iterable[tuple[int, str, int]],
           stays: Iterable[StageStay]) -> Funnel:
    """The funnel over ``opportunities`` ((id, current stage, amount)) and their ``stays``."""
    furthest: dict[int, int] = {}  # id -> furthest open index reached
    days: dict[str, list[int]] = {}
    for stay in stays:
        index = stages.open_index(stay.stage)
        if index is not None and index > furthest.get(stay.opportunity_id, -1):
            furthest[stay.opportunity_id] = index
        if stay.left_on is not None:
            days.setdefault(stay.stage, []).append((stay.left_on - stay.entered_on).days)
    steps_count = len(stages.open) + 1  # the open stages, then won
    reached = [0] * steps_count
    amounts = [0] * steps_count
    lost = lost_amount = total = won = 0
    for opp_id, key, amount in opportunities:
        total += 1
        if key == stages.won.key:
            top = steps_count - 1
            won += 1
        else:
            index = stages.open_index(key)
            top = max(furthest.get(opp_id, -1), -1 if index is None else index)
            if key == stages.lost.key:
                lost += 1
                lost_amount += amount
        for i in range(top + 1):
            reached[i] += 1
            amounts[i] += amount
    step_stages = (*stages.open, stages.won)
    steps = []
    for i, stage in enumerate(step_stages):
        conversion = Fraction(reached[i + 1], reached[i]) if i + 1 < steps_count and reached[i] else None
        ended = days.get(stage.key, [])
        average = Fraction(sum(ended), len(ended)) if ended and stage.is_open else None
        steps.append(FunnelStep(stage, reached[i], amounts[i], conversion, average, len(ended) if stage.is_open else 0))
    decided = won + lost
    return Funnel(tuple(steps), lost, lost_amount, total, Fraction(won, decided) if decided else None)


# -- alerts' facts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenDeal:
    """An open opportunity, as the alert rules see it."""

    opportunity_id: int
    uid: str
    title: str
    amount: int
    stage: str
    stage_since: date
    stage_name: str = ""  # the file's own name of the stage, if it is not a default one
