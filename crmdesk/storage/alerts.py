"""What the alert rules read, in a few whole-file queries, and what the user did with an alert.

Every reader takes an optional ``customer_id``: after an edit only that
customer's facts are read again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, NamedTuple

from crmdesk.domain.dates import IsoDays
from crmdesk.domain.orders import Period, PeriodKind
from crmdesk.domain.tiers import Tier
from crmdesk.storage.customer_file import CustomerFile


def _only(customer_id: int | None, column: str = "customer_id", glue: str = "AND") -> tuple[str, list[Any]]:
    return (f" {glue} {column} = ?", [customer_id]) if customer_id is not None else ("", [])


class CustomerRow(NamedTuple):
    id: int
    code: str
    name: str
    owner: str | None
    kind: str
    birthday: date | None
    anniversary: date | None
    last_verified: date | None
    lunar_birthday: str | None
    has_phone: int
    has_address: int
    contacts: int
    tier: Tier | None
    credit_limit: int | None
    receivable: int  # billed minus paid (fen); read only where there is a credit limit to hold it against


# Correlated subqueries over the covering indexes: cheaper than three grouped
# scans joined in Python, and the balance only for the fifth of customers with a limit.
_CUSTOMERS_SQL = """
SELECT c.id, c.code, c.name, c.owner, c.kind, c.birthday, c.anniversary, c.last_verified, c.lunar_birthday,
       coalesce(c.mobile, c.phone) IS NOT NULL,
       coalesce(c.city, c.address) IS NOT NULL,
       (SELECT count(*) FROM contact_persons p WHERE p.customer_id = c.id),
       t.tier,
       c.credit_limit,
       iif(c.credit_limit IS NULL, 0,
           (SELECT coalesce(sum(amount), 0) FROM orders o WHERE o.customer_id = c.id AND o.deleted_at IS NULL)
           - (SELECT coalesce(sum(amount), 0) FROM payments p WHERE p.customer_id = c.id AND p.deleted_at IS NULL))
FROM customers c
LEFT JOIN customer_tiers t ON t.customer_id = c.id
WHERE +c.deleted_at IS NULL{only}
ORDER BY c.code
"""


def customers(cf: CustomerFile, customer_id: int | None = None) -> list[CustomerRow]:
    only, params = _only(customer_id, "c.id")
    days, tiers = IsoDays(), {t.value: t for t in Tier}
    return [
        CustomerRow(i, code, name, owner, kind, days[born], days[wed], days[verified], lunar, phone, address,
                    contacts, tiers.get(tier), limit, owed)
        for i, code, name, owner, kind, born, wed, verified, lunar, phone, address, contacts, tier, limit, owed
        in cf.execute(_CUSTOMERS_SQL.format(only=only), params)
    ]


class PlanRow(NamedTuple):
    customer_id: int
    period: Period
    planned: int
    actual: int  # bought in the period up to today


def current_plans(cf: CustomerFile, today: date, customer_id: int | None = None) -> list[PlanRow]:
    """Plans for the month and the quarter containing today, with what was bought so far."""
    month = Period.month_of(today)
    quarter = Period(today.year, PeriodKind.QUARTER, (today.month - 1) // 3 + 1)
    only, params = _only(customer_id, "p.customer_id")
    rows = []
    for period in (month, quarter):
        rows += [
            PlanRow(r[0], period, r[1], r[2])
            for r in cf.execute(
                "SELECT p.customer_id, p.amount, (SELECT coalesce(sum(o.amount), 0) FROM orders o "
                "WHERE o.customer_id = p.customer_id AND o.deleted_at IS NULL AND o.order_date BETWEEN ? AND ?) "
                "FROM sales_plans p WHERE p.period = ?" + only,
                [period.first_day.isoformat(), today.isoformat(), str(period), *params],
            )
        ]
    return rows


# -- dismissed and snoozed --------------------------------------------------------------------


class AlertState(StrEnum):
    DISMISSED = "dismissed"  # until the condition clears
    SNOOZED = "snoozed"  # until a day


@dataclass(frozen=True)
class StoredState:
    state: AlertState
    until: date | None

    def hides(self, today: date) -> bool:
        return self.state is AlertState.DISMISSED or (self.until is not None and today < self.until)


def alert_states(cf: CustomerFile) -> dict[str, StoredState]:
    return {
        key: StoredState(AlertState(state), date.fromisoformat(until) if until else None)
        for key, state, until in cf.execute("SELECT key, state, until FROM alert_states")
    }


def set_alert_state(cf: CustomerFile, key: str, customer_id: int, state: AlertState, until: date | None) -> None:
    with cf.transaction():
        cf.execute(
            "INSERT INTO alert_states (key, customer_id, state, until, changed_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET state = excluded.state, until = excluded.until, "
            "changed_at = excluded.changed_at",
            [key, customer_id, state.value, until.isoformat() if until else None, cf.now()],
        )


def clear_alert_state(cf: CustomerFile, key: str) -> None:
    with cf.transaction():
        cf.execute("DELETE FROM alert_states WHERE key = ?", [key])


def forget_alert_states(cf: CustomerFile, keys: list[str]) -> None:
    """Drop what the user did with alerts that no longer fire (the next one starts afresh)."""
    if keys:
        with cf.transaction():
            cf.conn.executemany("DELETE FROM alert_states WHERE key = ?", [(k,) for k in keys])
