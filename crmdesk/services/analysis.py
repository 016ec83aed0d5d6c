"""What opening a file recomputes (domain.md §5): tiers, the churn model, then every alert.

One function for the window's task runner, with progress in steps; the CLI
verbs run the same services one at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from crmdesk.domain.alerts import AlertRules
from crmdesk.domain.churn import ChurnFitError
from crmdesk.services.alerts import CustomerAlert, compute_alerts, forget_cleared
from crmdesk.services.churn import ChurnResult, fit_churn
from crmdesk.services.tiering import CustomerTier, compute_tiers, store_tiers
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.gc_pause import gc_paused
from crmdesk.storage.orders import purchase_days
from crmdesk.storage.scores import CustomerScores, save_scores

STEPS = 100  # progress runs 0..STEPS
_TIERS, _CHURN = 20, 60  # where each stage ends; the alerts take the rest


@dataclass(frozen=True)
class FileAnalysis:
    tiers_changed: int
    churn: ChurnResult | None
    churn_problem: str | None  # ChurnFitError code when the model could not be fitted
    alerts: list[CustomerAlert]
    p_alive: dict[int, float]  # by customer id; empty without a fit


def _scores(tiers: list[CustomerTier], churn: ChurnResult | None) -> list[CustomerScores]:
    fitted = {c.customer_id: c for c in churn.customers} if churn else {}
    rows = []
    for t in tiers:
        rfm, c = t.rfm, fitted.get(t.customer_id)
        rows.append(CustomerScores(
            t.customer_id,
            *((rfm.r, rfm.f, rfm.m, rfm.segment) if rfm else (None, None, None, None)),
            *((c.p_alive, c.expected_purchases, c.expected_value, churn.horizon_weeks) if c and churn
              else (None, None, None, None)),
        ))
    return rows


def analyse(
    cf: CustomerFile,
    today: date,
    rules: AlertRules = AlertRules(),
    progress: Callable[[int], None] = lambda _step: None,
) -> FileAnalysis:
    with gc_paused():  # a big file's analysis makes millions of objects, none in a cycle
        return _analyse(cf, today, rules, progress)


def _analyse(cf: CustomerFile, today: date, rules: AlertRules, progress: Callable[[int], None]) -> FileAnalysis:
    progress(0)
    tiers = compute_tiers(cf, today)
    changed = store_tiers(cf, tiers, today)
    progress(_TIERS)
    purchases = purchase_days(cf, today)  # read once for the fit and the alerts
    churn: ChurnResult | None = None
    problem = None
    try:
        churn = fit_churn(cf, today, purchases=purchases)
    except ChurnFitError as e:
        problem = e.code
    progress(_CHURN)
    p_alive = churn.p_alive() if churn else {}

    def alerts_progress(done: int, total: int) -> None:
        progress(_CHURN + (STEPS - _CHURN) * done // max(total, 1))

    if not cf.read_only:
        save_scores(cf, _scores(tiers, churn), today)
    alerts = compute_alerts(cf, today, rules, p_alive=p_alive, progress=alerts_progress, purchases=purchases)
    if not cf.read_only:
        forget_cleared(cf, alerts)
    progress(STEPS)
    return FileAnalysis(changed, churn, problem, alerts, p_alive)
