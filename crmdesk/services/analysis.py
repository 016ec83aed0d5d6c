"""What opening a file recomputes (domain.md §5): tiers, the cadence follow-ups, the churn model, then every alert.

One function for the window's task runner, with progress in steps; the CLI
verbs run the same services one at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from crmdesk.domain.alerts import AlertRules
from crmdesk.domain.churn import ChurnFitError
from crmdesk.domain.targets import TargetProgress
from crmdesk.domain.win_back import WinBackRate
from crmdesk.services.alerts import CustomerAlert, compute_alerts, forget_cleared
from crmdesk.services.cadence import generate_follow_ups
from crmdesk.services.churn import ChurnResult, fit_churn, rescore_customer
from crmdesk.services import targets as target_service
from crmdesk.services import win_back as win_back_service
from crmdesk.services.tiering import CustomerTier, compute_tiers, store_tiers
from crmdesk.storage import file_settings
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.gc_pause import gc_paused
from crmdesk.storage.orders import purchase_days
from crmdesk.storage.scores import CustomerScores, save_scores, update_churn, update_rfm

STEPS = 100  # progress runs 0..STEPS
_TIERS, _CADENCE, _CHURN = 20, 35, 65  # where each stage ends; the alerts take the rest


@dataclass(frozen=True)
class FileAnalysis:
    tiers_changed: int
    churn: ChurnResult | None
    churn_problem: str | None  # ChurnFitError code when the model could not be fitted
    alerts: list[CustomerAlert]
    p_alive: dict[int, float]  # by customer id; empty without a fit
    follow_ups_planned: int = 0  # cadence follow-ups added (File settings -> Follow-ups)


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
    changed = len(store_tiers(cf, tiers, today))
    progress(_TIERS)
    # After the tiers (they set how often to call back), before the alerts (they show what is due).
    cadence = file_settings.cadence_rules(cf)
    planned = 0
    if cadence.generate_on_open and not cf.read_only:
        planned = generate_follow_ups(cf, today, cadence, lambda done, total: progress(
            _TIERS + (_CADENCE - _TIERS) * done // max(total, 1)))
    progress(_CADENCE)
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
    return FileAnalysis(changed, churn, problem, alerts, p_alive, planned)


@dataclass(frozen=True)
class CustomerUpdate:
    """What an edit of one customer changed: alerts by customer, and the edited one's P(alive)."""

    alerts: dict[int, list[CustomerAlert]]  # the edited customer, and any whose tier moved
    p_alive: float | None  # None: not scored (no fit, no order, or not an order edit)


def reanalyse_customer(
    cf: CustomerFile,
    today: date,
    customer_id: int,
    *,
    orders_changed: bool,
    rules: AlertRules = AlertRules(),
    churn: ChurnResult | None = None,
    p_alive: dict[int, float] | None = None,
) -> CustomerUpdate:
    """After an edit: only what it can have changed.

    Any edit: that customer's alerts.  An edit of their orders also: the
    tiers and RFM quintiles, which rank everyone (stored only where they
    moved, with the alerts of customers whose tier moved: tier sets a churn
    alert's severity), and their churn numbers under the file's fitted model.
    """
    p_alive = dict(p_alive or {})
    touched = {customer_id}
    score = None
    if orders_changed and not cf.read_only:
        tiers = compute_tiers(cf, today)
        touched.update(store_tiers(cf, tiers, today))
        update_rfm(cf, {t.customer_id: t.rfm for t in tiers}, today)
        if churn is not None:
            scored = rescore_customer(cf, today, churn, customer_id)
            score = scored.p_alive if scored else None
            update_churn(cf, customer_id, *((scored.p_alive, scored.expected_purchases, scored.expected_value,
                                             churn.horizon_weeks) if scored else (None, None, None, None)), today)
            p_alive.pop(customer_id, None)
            if score is not None:
                p_alive[customer_id] = score
    alerts = {cid: compute_alerts(cf, today, rules, p_alive=p_alive, customer_id=cid) for cid in sorted(touched)}
    return CustomerUpdate(alerts, score)


# -- the dashboard's sales figures -----------------------------------------------------------


@dataclass(frozen=True)
class SalesFigures:
    """The dashboard's targets and win-back tiles for a period (first..last) and owner."""

    targets: tuple[TargetProgress, ...]  # per owner: the targets lying in the period (services.targets)
    win_back: WinBackRate  # episodes lost in the period, of the owner's customers

    @property
    def target(self) -> int:
        return sum(t.target for t in self.targets)

    @property
    def actual(self) -> int:
        return sum(t.actual for t in self.targets)

    @property
    def gap(self) -> int:
        return self.target - self.actual


def sales_figures(cf: CustomerFile, first: date, last: date, today: date, owner: str | None = None) -> SalesFigures:
    """Targets against credited sales per owner, and the win-back rate, for the dashboard's period.

    ``owner`` filters both: that owner's targets (actual credited to them), and
    the win-back episodes of that owner's customers.
    """
    return SalesFigures(
        tuple(target_service.progress_between(cf, first, last, today, owner)),
        win_back_service.rate(cf, first, last, owner),
    )
