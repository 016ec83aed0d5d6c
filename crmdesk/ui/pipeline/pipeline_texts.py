"""The pipeline in words: the default stages' names, outcomes and what makes stages unusable."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crmdesk.domain.pipeline import Outcome, Stage, StageProblem

CONTEXT = "pipeline"

# 业务阶段 (seed 004): the names a file's default stages go by.
DEFAULT_STAGE_NAMES: dict[str, str] = {
    "initial": QT_TRANSLATE_NOOP("pipeline", "Initial contact"),
    "needs": QT_TRANSLATE_NOOP("pipeline", "Needs confirmed"),
    "proposal": QT_TRANSLATE_NOOP("pipeline", "Proposal and quote"),
    "negotiation": QT_TRANSLATE_NOOP("pipeline", "Negotiation"),
    "won": QT_TRANSLATE_NOOP("pipeline", "Won"),
    "lost": QT_TRANSLATE_NOOP("pipeline", "Lost"),
}

OUTCOMES: dict[Outcome, str] = {
    Outcome.OPEN: QT_TRANSLATE_NOOP("pipeline", "Open"),
    Outcome.WON: QT_TRANSLATE_NOOP("pipeline", "Won"),
    Outcome.LOST: QT_TRANSLATE_NOOP("pipeline", "Lost"),
}

STAGE_PROBLEMS: dict[StageProblem, str] = {
    StageProblem.NO_OPEN: QT_TRANSLATE_NOOP("pipeline", "At least one open stage is needed."),
    StageProblem.ONE_WON_ONE_LOST: QT_TRANSLATE_NOOP("pipeline", "There must be exactly one won and one lost stage."),
    StageProblem.ORDER: QT_TRANSLATE_NOOP("pipeline", "The open stages come first, then won and lost."),
    StageProblem.DUPLICATE: QT_TRANSLATE_NOOP("pipeline", "Two stages have the same key."),
    StageProblem.BAD_KEY: QT_TRANSLATE_NOOP("pipeline", "A stage key is not usable."),
    StageProblem.PROBABILITY: QT_TRANSLATE_NOOP(
        "pipeline", "Probabilities run from 0 to 100%; won is 100% and lost 0%."),
    StageProblem.NAME_NEEDED: QT_TRANSLATE_NOOP("pipeline", "Every stage you add needs a name."),
    StageProblem.TOO_MANY: QT_TRANSLATE_NOOP("pipeline", "At most 12 stages."),
}


def tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def stage_name(key: str, own: str = "") -> str:
    """A stage as the user reads it: the file's own name, else the default's in the UI language."""
    if own.strip():
        return own
    source = DEFAULT_STAGE_NAMES.get(key)
    return tr(source) if source else key


def stage_text(stage: Stage) -> str:
    return stage_name(stage.key, stage.name)


def outcome_text(outcome: Outcome) -> str:
    return tr(OUTCOMES[outcome])


def stage_problem_text(problem: StageProblem) -> str:
    return tr(STAGE_PROBLEMS[problem])
