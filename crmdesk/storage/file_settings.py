"""Per-file business rules, each declared once with its default; they travel with the file."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from crmdesk.domain.alerts import ALERT_RULE_RANGES, AlertRules, alert_rules_allowed
from crmdesk.domain.cadence import CadenceRules, cadence_rule_allowed, cadence_rules_errors
from crmdesk.domain.complaints import ComplaintDeadlines, deadline_allowed, deadlines_errors
from crmdesk.domain.orders import DEFAULT_HORIZON_DAYS, LedgerRules
from crmdesk.domain.money import MAX_FEN
from crmdesk.domain.pipeline import DEFAULT_STAGES, PipelineRules, Stages, stage_problems, stages_from_json, stages_to_json
from crmdesk.domain.tiers import TierRules, tier_rules_errors
from crmdesk.domain.validation import FieldError
from crmdesk.storage.customer_file import CustomerFile


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any


CUSTOMER_CODE_PREFIX = Setting("customer_code_prefix", "KH")
BLOCK_OVER_LIMIT = Setting("ledger.block_over_limit", False)  # False: warn, True: refuse the order
DATE_HORIZON_DAYS = Setting("ledger.date_horizon_days", DEFAULT_HORIZON_DAYS)
TIER_WINDOW_MONTHS = Setting("tiers.window_months", TierRules.window_months)
TIER_A_PERCENT = Setting("tiers.a_percent", TierRules.a_percent)
TIER_B_PERCENT = Setting("tiers.b_percent", TierRules.b_percent)
TIER_C_PERCENT = Setting("tiers.c_percent", TierRules.c_percent)
ALERT_RULES = {name: Setting(f"alerts.{name}", getattr(AlertRules, name)) for name in ALERT_RULE_RANGES}
# Follow-up cadences (domain.cadence): call-backs by tier, reviews, feedback, touchpoints, the window.
CADENCE_RULES = {f.name: Setting(f"cadence.{f.name}", f.default) for f in fields(CadenceRules)}
# Complaint response and resolution deadlines by tier (domain.complaints).
COMPLAINT_DEADLINES = {f.name: Setting(f"complaints.{f.name}", f.default) for f in fields(ComplaintDeadlines)}
# The sales pipeline: the stages with their win probabilities, and when a deal is large or stuck.
PIPELINE_STAGES = Setting("pipeline.stages", None)  # None: domain.pipeline.DEFAULT_STAGES
LARGE_DEAL = Setting("pipeline.large_deal", PipelineRules.large_deal)
STUCK_DAYS = Setting("pipeline.stuck_days", PipelineRules.stuck_days)


def get(cf: CustomerFile, setting: Setting) -> Any:
    return cf.setting(setting.key, setting.default)


def put(cf: CustomerFile, setting: Setting, value: Any) -> None:
    cf.set_setting(setting.key, value)


def ledger_rules(cf: CustomerFile) -> LedgerRules:
    return LedgerRules(
        block_over_limit=bool(get(cf, BLOCK_OVER_LIMIT)),
        horizon_days=int(get(cf, DATE_HORIZON_DAYS)),
    )


def tier_rules(cf: CustomerFile) -> TierRules:
    """The file's tier window and percentages; the defaults if what is stored is not allowed.

    Only ``set_tier_rules`` writes them, and it checks them first; a value
    written by hand or by some other program must not make tiers nonsense.
    """
    rules = TierRules(
        window_months=get(cf, TIER_WINDOW_MONTHS),
        a_percent=get(cf, TIER_A_PERCENT),
        b_percent=get(cf, TIER_B_PERCENT),
        c_percent=get(cf, TIER_C_PERCENT),
    )
    return TierRules() if tier_rules_errors(rules) else rules


def alert_rules(cf: CustomerFile, **others: Any) -> AlertRules:
    """The file's alert thresholds (``others``: the rest, e.g. the user's own stale-record age).

    A value out of range, written by hand or by another program, falls back to its default.
    When opening the file plans touchpoint follow-ups (the cadences), those
    are the reminder: the touchpoint alert would say the same thing twice.
    """
    values: dict[str, Any] = {}
    for name, setting in ALERT_RULES.items():
        value = get(cf, setting)
        values[name] = value if alert_rules_allowed(name, value) else setting.default
    pipeline = pipeline_rules(cf)
    values |= {"large_deal": pipeline.large_deal, "stuck_days": pipeline.stuck_days}
    cadence = cadence_rules(cf)
    if cadence.generate_on_open and cadence.touchpoint_days:
        values["touchpoint_days"] = ()
    return AlertRules(**{**values, **others})


def set_alert_rules(cf: CustomerFile, rules: AlertRules) -> None:
    """Store the file's alert thresholds (the caller's widgets keep them in range)."""
    with cf.transaction():
        for name, setting in ALERT_RULES.items():
            value = getattr(rules, name)
            if not alert_rules_allowed(name, value):
                raise ValueError(f"{name} = {value!r} is outside {ALERT_RULE_RANGES[name]}")
            put(cf, setting, value)


def set_tier_rules(cf: CustomerFile, rules: TierRules) -> list[FieldError]:
    """Store the tier rules (all four, in one transaction) if they are allowed; else the errors.

    Raises WriteError when the file refuses (read-only, busy, disk full).
    """
    errors = tier_rules_errors(rules)
    if not errors:
        with cf.transaction():
            put(cf, TIER_WINDOW_MONTHS, rules.window_months)
            put(cf, TIER_A_PERCENT, rules.a_percent)
            put(cf, TIER_B_PERCENT, rules.b_percent)
            put(cf, TIER_C_PERCENT, rules.c_percent)
    return errors


def cadence_rules(cf: CustomerFile) -> CadenceRules:
    """The file's follow-up cadences; each value out of range (written by hand or by another program) falls
    back to its default, the others are kept."""
    values = {}
    for name, setting in CADENCE_RULES.items():
        value = get(cf, setting)
        if isinstance(value, list):  # JSON has no tuples: the touchpoint days come back as a list
            value = tuple(value)
        values[name] = value if cadence_rule_allowed(name, value) else setting.default
    return CadenceRules(**values)


def set_cadence_rules(cf: CustomerFile, rules: CadenceRules) -> list[FieldError]:
    """Store the cadence rules (all of them, in one transaction) if they are allowed; else the errors.

    Raises WriteError when the file refuses (read-only, busy, disk full).
    """
    errors = cadence_rules_errors(rules)
    if not errors:
        with cf.transaction():
            for name, setting in CADENCE_RULES.items():
                value = getattr(rules, name)
                put(cf, setting, list(value) if isinstance(value, tuple) else value)
    return errors


def complaint_deadlines(cf: CustomerFile) -> ComplaintDeadlines:
    """The file's complaint deadlines by tier; each value out of range (written by hand or by another
    program) falls back to its default, the others are kept.  Should that leave a tier's resolution
    before its response, the whole set falls back to the defaults."""
    values = {}
    for name, setting in COMPLAINT_DEADLINES.items():
        value = get(cf, setting)
        values[name] = value if deadline_allowed(name, value) else setting.default
    rules = ComplaintDeadlines(**values)
    return ComplaintDeadlines() if deadlines_errors(rules) else rules


def set_complaint_deadlines(cf: CustomerFile, rules: ComplaintDeadlines) -> list[FieldError]:
    """Store the complaint deadlines (all of them, in one transaction) if they are allowed; else the errors.

    Raises WriteError when the file refuses (read-only, busy, disk full).
    """
    errors = deadlines_errors(rules)
    if not errors:
        with cf.transaction():
            for name, setting in COMPLAINT_DEADLINES.items():
                put(cf, setting, getattr(rules, name))
    return errors


def pipeline_stages(cf: CustomerFile) -> Stages:
    """The file's stages; the defaults when none are stored or what is stored is not usable."""
    stored = get(cf, PIPELINE_STAGES)
    stages = stages_from_json(stored) if stored is not None else None
    return Stages(stages or DEFAULT_STAGES)


def pipeline_rules(cf: CustomerFile) -> PipelineRules:
    large, stuck = get(cf, LARGE_DEAL), get(cf, STUCK_DAYS)
    default = PipelineRules()
    return PipelineRules(
        large_deal=large if _whole(large) and 0 < large <= MAX_FEN else default.large_deal,
        stuck_days=stuck if _whole(stuck) and PipelineRules.STUCK_RANGE[0] <= stuck <= PipelineRules.STUCK_RANGE[1]
        else default.stuck_days,
    )


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def set_pipeline_settings(cf: CustomerFile, stages: Stages, rules: PipelineRules) -> None:
    """Store the stages and the large/stuck rules in one transaction (the caller checked them)."""
    if stage_problems(stages.all):
        raise ValueError(f"stages not usable: {stage_problems(stages.all)}")
    with cf.transaction():
        put(cf, PIPELINE_STAGES, stages_to_json(stages.all))
        put(cf, LARGE_DEAL, rules.large_deal)
        put(cf, STUCK_DAYS, rules.stuck_days)
