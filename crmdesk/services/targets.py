"""Sales target use-cases (业绩指标): enter an owner's target for a month or a quarter, and measure it.

Actual is what storage.targets credits to the owner (the won opportunity's
owner, else the customer's); gap and progress are domain.targets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from crmdesk.domain.orders import Period
from crmdesk.domain.targets import SalesTarget, TargetProgress, counted_periods, days_gone, target_errors
from crmdesk.domain.validation import FieldError
from crmdesk.storage import customers as customer_store
from crmdesk.storage import targets as store
from crmdesk.storage.customer_file import CustomerFile


def save_target(cf: CustomerFile, target: SalesTarget) -> SalesTarget | list[FieldError]:
    """Set or replace the owner's target for the period, or say what is wrong (nothing stored)."""
    if isinstance(target.owner, str):
        target = replace(target, owner=target.owner.strip())
    errors = target_errors(target)
    if errors:
        return errors
    return store.set_target(cf, target)


def apply_targets(cf: CustomerFile, changes: Iterable[tuple[str, Period, int | None]]
                  ) -> dict[tuple[str, Period], list[FieldError]]:
    """Set (an amount) or remove (None) several owners' targets as one action: all checked first, then
    all written in one transaction.  Returns the errors by (owner, period); nothing is stored if any."""
    changes = [(owner.strip() if isinstance(owner, str) else owner, period, amount)
               for owner, period, amount in changes]
    errors = {}
    for owner, period, amount in changes:
        found = target_errors(SalesTarget(owner, period, 0 if amount is None else amount))
        if found:
            errors[owner, period] = found
    if errors:
        return errors
    with cf.transaction():
        for owner, period, amount in changes:
            if amount is not None:
                store.set_target(cf, SalesTarget(owner, period, amount))
            elif store.get_target(cf, owner, period) is not None:
                store.delete_target(cf, owner, period)
    return {}


def delete_target(cf: CustomerFile, owner: str, period: Period) -> None:
    """Raises WriteError (CONFLICT) when it is already gone."""
    store.delete_target(cf, owner, period)


def targets(cf: CustomerFile, owner: str | None = None) -> list[SalesTarget]:
    """By owner, then period."""
    return store.targets(cf, owner)


def owners(cf: CustomerFile) -> list[str]:
    """Whom targets are set for: the customers' owners and anyone with a target already, sorted."""
    return sorted({o for o in customer_store.owners(cf) if o} | set(store.target_owners(cf)))


def progress(cf: CustomerFile, period: Period, today: date, owner: str | None = None) -> list[TargetProgress]:
    """Each owner with a target for ``period`` (or just ``owner``): target, actual, gap, by owner."""
    set_for = [t for t in store.targets(cf, owner) if t.period == period]
    actual = store.credited_sales(cf, [period], owner)
    gone, total = days_gone(period, today)
    return [TargetProgress(t.owner, t.amount, actual.get((t.owner, period), 0), period, gone, total)
            for t in set_for]


def progress_between(cf: CustomerFile, first: date, last: date, today: date,
                     owner: str | None = None) -> list[TargetProgress]:
    """Each owner's targets that count in first..last as of today (domain.targets.counted_periods: a
    quarter's replaces its months'), summed, against the sales credited to the owner in those periods up
    to ``last``; owners without such a target are left out."""
    by_owner: dict[str, dict[Period, int]] = {}
    for t in store.targets(cf, owner):
        by_owner.setdefault(t.owner, {})[t.period] = t.amount
    counted = {o: counted_periods(amounts, first, last, today) for o, amounts in by_owner.items()}
    counted = {o: periods for o, periods in counted.items() if periods}
    actual = store.credited_sales(cf, {p for periods in counted.values() for p in periods}, owner, until=last)
    rows = []
    for o, periods in sorted(counted.items()):
        spans = [days_gone(p, today) for p in periods]
        rows.append(TargetProgress(
            o,
            sum(by_owner[o][p] for p in periods),
            sum(actual.get((o, p), 0) for p in periods),
            periods[0] if len(periods) == 1 else None,
            sum(gone for gone, _ in spans),
            sum(total for _, total in spans),
        ))
    return rows
