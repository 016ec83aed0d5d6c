"""The alert list of a file as of ``today``: facts read in whole-file queries, rules from the domain.

Alerts are not stored; only the user's dismissals and snoozes are.  A
dismissal lasts while its alert keeps firing: once the condition clears, the
next occurrence starts afresh (``forget_cleared``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import NamedTuple

from crmdesk.domain.alerts import Alert, AlertRules, CustomerFacts, DueFollowUp, Scan, missing_essentials
from crmdesk.domain.complaints import ComplaintDeadlines
from crmdesk.domain.orders import DailyPurchases, PlanProgress, progress_as_of
from crmdesk.services.complaints import open_complaint_facts
from crmdesk.storage.gc_pause import gc_paused
from crmdesk.domain.tiers import Tier
from crmdesk.storage import alerts as alert_store
from crmdesk.storage import file_settings
from crmdesk.storage import followups as follow_up_store
from crmdesk.storage import opportunities as opportunity_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.alerts import AlertState, StoredState
from crmdesk.storage.customer_file import CustomerFile


class CustomerAlert(NamedTuple):
    alert: Alert
    code: str
    name: str
    owner: str | None
    state: StoredState | None  # None: neither dismissed nor snoozed

    def hidden(self, today: date) -> bool:
        return self.state is not None and self.state.hides(today)


def gather_facts(
    cf: CustomerFile,
    today: date,
    p_alive: Mapping[int, float] | None = None,
    customer_id: int | None = None,
    purchases: Mapping[int, DailyPurchases] | None = None,
    complaint_deadlines: ComplaintDeadlines | None = None,
) -> list[tuple[alert_store.CustomerRow, CustomerFacts]]:
    """Every customer's facts (or one customer's), from a few whole-file queries.

    ``purchases`` (storage.orders.purchase_days up to today) may be passed in
    when the caller read them already, for the churn fit.  ``complaint_deadlines``:
    the file's unless given.
    """
    plans: dict[int, list[PlanProgress]] = {}
    for row in alert_store.current_plans(cf, today, customer_id):
        plans.setdefault(row.customer_id, []).append(progress_as_of(row.period, row.planned, row.actual, today))
    if purchases is None:
        purchases = order_store.purchase_days(cf, today, customer_id)
    follow_ups: dict[int, list[DueFollowUp]] = {}
    for due in follow_up_store.planned_between(cf, None, today, customer_id):
        f = due.follow_up
        follow_ups.setdefault(f.customer_id, []).append(DueFollowUp(f.id, f.due_date))
    complaints = open_complaint_facts(cf, complaint_deadlines, customer_id)
    stages = file_settings.pipeline_stages(cf)
    deals = opportunity_store.open_deals(cf, {s.key: s.name for s in stages.open}, customer_id)
    p_alive = p_alive or {}
    none = DailyPurchases([], [])
    result = []
    for row in alert_store.customers(cf, customer_id):
        cid = row.id
        days, amounts = purchases.get(cid, none)
        result.append((row, CustomerFacts(
            cid, row.tier or Tier.D, days, amounts, row.receivable, row.credit_limit, plans.get(cid, ()),
            p_alive.get(cid), row.birthday, row.anniversary, row.last_verified,
            missing_essentials(
                company=row.kind == "company", has_phone=bool(row.has_phone), has_owner=bool(row.owner),
                has_address=bool(row.has_address), contacts=row.contacts,
            ),
            follow_ups.get(cid, ()),
            complaints.get(cid, ()),
            lunar_birthday=row.lunar_birthday,
            deals=deals.get(cid, ()),
        )))
    return result


_CHUNK = 2000  # customers between progress reports


def compute_alerts(
    cf: CustomerFile,
    today: date,
    rules: AlertRules = AlertRules(),
    p_alive: Mapping[int, float] | None = None,
    customer_id: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    purchases: Mapping[int, DailyPurchases] | None = None,
    complaint_deadlines: ComplaintDeadlines | None = None,
) -> list[CustomerAlert]:
    """Every alert (or one customer's), most severe first, each with what the user did with it.

    ``complaint_deadlines``: the file's unless given (escalated complaints, services.complaints).
    """
    states = alert_store.alert_states(cf)
    with gc_paused():  # ~10 objects per customer
        facts = gather_facts(cf, today, p_alive, customer_id, purchases, complaint_deadlines)
        scan = Scan(today, rules)
        # Customers come by code, so each (severity, kind) bucket fills in code order:
        # joining the buckets is the sort.
        buckets: dict[tuple[int, str], list[CustomerAlert]] = {}
        for start in range(0, len(facts), _CHUNK):
            for row, f in facts[start:start + _CHUNK]:
                for alert in scan.alerts_for(f):
                    state = states.get(alert.key) if states else None
                    bucket = buckets.get((alert.severity, alert.kind))
                    if bucket is None:
                        bucket = buckets[(alert.severity, alert.kind)] = []
                    bucket.append(CustomerAlert(alert, row.code, row.name, row.owner, state))
            if progress is not None:
                progress(min(start + _CHUNK, len(facts)), len(facts))
    # Most severe first, then by kind (a StrEnum sorts as its text), then by customer code.
    return [a for key in sorted(buckets, key=lambda k: (-k[0], k[1])) for a in buckets[key]]


def churn_scores(cf: CustomerFile, today: date) -> dict[int, float] | str:
    """P(alive) per customer id, or the reason code why the file cannot support the model."""
    from crmdesk.domain.churn import ChurnFitError
    from crmdesk.services.churn import fit_churn

    try:
        return fit_churn(cf, today).p_alive()
    except ChurnFitError as e:
        return e.code


def dismiss(cf: CustomerFile, alert: Alert) -> None:
    alert_store.set_alert_state(cf, alert.key, alert.customer_id, AlertState.DISMISSED, None)


def snooze(cf: CustomerFile, alert: Alert, until: date) -> None:
    alert_store.set_alert_state(cf, alert.key, alert.customer_id, AlertState.SNOOZED, until)


def restore(cf: CustomerFile, alert: Alert) -> None:
    alert_store.clear_alert_state(cf, alert.key)


def forget_cleared(cf: CustomerFile, alerts: list[CustomerAlert]) -> int:
    """Forget dismissals and snoozes of alerts that no longer fire; returns how many."""
    firing = {a.alert.key for a in alerts}
    gone = [key for key in alert_store.alert_states(cf) if key not in firing]
    alert_store.forget_alert_states(cf, gone)
    return len(gone)
