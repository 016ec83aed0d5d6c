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
from crmdesk.services.tiering import recompute_tiers
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.orders import purchase_days

STEPS = 100  # progress runs 0..STEPS
_TIERS, _CHURN = 20, 60  # where each stage ends; the alerts take the rest


@dataclass(frozen=True)
class FileAnalysis:
    tiers_changed: int
    churn: ChurnResult | None
    churn_problem: str | None  # ChurnFitError code when the model could not be fitted
    alerts: list[CustomerAlert]

    @property
    def p_alive(self) -> dict[int, float]:
        return {c.customer_id: c.p_alive for c in self.churn.customers} if self.churn else {}


def analyse(
    cf: CustomerFile,
    today: date,
    rules: AlertRules = AlertRules(),
    progress: Callable[[int], None] = lambda _step: None,
) -> FileAnalysis:
    progress(0)
    changed = recompute_tiers(cf, today)
    progress(_TIERS)
    purchases = purchase_days(cf, today)  # read once for the fit and the alerts
    churn: ChurnResult | None = None
    problem = None
    try:
        churn = fit_churn(cf, today, purchases=purchases)
    except ChurnFitError as e:
        problem = e.code
    progress(_CHURN)
    p_alive = {c.customer_id: c.p_alive for c in churn.customers} if churn else None

    def alerts_progress(done: int, total: int) -> None:
        progress(_CHURN + (STEPS - _CHURN) * done // max(total, 1))

    alerts = compute_alerts(cf, today, rules, p_alive=p_alive, progress=alerts_progress, purchases=purchases)
    if not cf.read_only:
        forget_cleared(cf, alerts)
    progress(STEPS)
    return FileAnalysis(changed, churn, problem, alerts)
