"""Churn risk and expected future value for the whole file (BG/NBD with Gamma-Gamma).

The statistical model works in floats by nature; what leaves here as money is
rounded half up to whole fen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from crmdesk.domain import churn
from crmdesk.domain.orders import DailyPurchases
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import CustomerFile

DEFAULT_HORIZON_WEEKS = 52


@dataclass(frozen=True)
class CustomerChurn:
    customer_id: int
    code: str
    p_alive: float
    expected_purchases: float  # in the horizon
    expected_value: int  # fen in the horizon, undiscounted

    @property
    def churn_risk(self) -> float:
        return 1.0 - self.p_alive


@dataclass(frozen=True)
class ChurnResult:
    bgnbd: churn.BgNbdParams
    gamma_gamma: churn.GammaGammaParams
    horizon_weeks: float
    customers: list[CustomerChurn]

    def p_alive(self) -> dict[int, float]:
        """customer id -> P(alive): what the churn-score alert reads."""
        return {c.customer_id: c.p_alive for c in self.customers}


def fit_churn(
    cf: CustomerFile,
    today: date,
    horizon_weeks: float = DEFAULT_HORIZON_WEEKS,
    purchases: Mapping[int, DailyPurchases] | None = None,
) -> ChurnResult:
    """Fit on every order up to today; raises churn.ChurnFitError when the file cannot support it.

    ``purchases``: storage.orders.purchase_days up to today, when the caller has them.
    """
    if purchases is None:
        purchases = order_store.purchase_days(cf, today)
    keys, freq, recency, T, monetary = churn.rfm_of_days(purchases, today)
    bgnbd = churn.fit_bgnbd(freq, recency, T)
    gg = churn.fit_gamma_gamma(freq, monetary)
    codes = {cid: code for cid, code, _name, _limit in order_store.ledger_customers(cf)}
    customers = _scored(bgnbd, gg, horizon_weeks, codes, keys, freq, recency, T, monetary)
    customers.sort(key=lambda c: c.code)
    return ChurnResult(bgnbd, gg, horizon_weeks, customers)


def rescore_customer(cf: CustomerFile, today: date, fit: ChurnResult, customer_id: int) -> CustomerChurn | None:
    """One customer's numbers again, under the file's fitted parameters (after an edit of their orders).

    One customer's orders do not move the population's parameters enough to
    refit; None when they have no order up to today or are in the recycle bin.
    """
    purchases = order_store.purchase_days(cf, today, customer_id)
    codes = {cid: code for cid, code, _name, _limit in order_store.ledger_customers(cf, customer_id)}
    scored = _scored(fit.bgnbd, fit.gamma_gamma, fit.horizon_weeks, codes, *churn.rfm_of_days(purchases, today))
    return scored[0] if scored else None


def _scored(bgnbd, gg, horizon_weeks, codes, keys, freq, recency, T, monetary) -> list[CustomerChurn]:
    alive = churn.p_alive(bgnbd, freq, recency, T)
    purchases = churn.expected_purchases(bgnbd, horizon_weeks, freq, recency, T)
    value = churn.expected_value(bgnbd, gg, horizon_weeks, freq, recency, T, monetary)
    return [
        CustomerChurn(
            customer_id=cid,
            code=codes[cid],
            p_alive=float(alive[i]),
            expected_purchases=float(purchases[i]),
            expected_value=int(Decimal(repr(float(value[i]))).quantize(Decimal(1), ROUND_HALF_UP)),
        )
        for i, cid in enumerate(keys)
        if cid in codes  # customers in the recycle bin are left out
    ]
