"""Churn risk and customer value: the BG/NBD and Gamma-Gamma models.

BG/NBD is Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way:
An Alternative to the Pareto/NBD Model" (Marketing Science 24(2)); the spend
model is their Gamma-Gamma ("RFM and CLV: Using Iso-Value Curves", JMR 2005).
Both are fitted by maximum likelihood with numpy/scipy; no Qt, no database,
no clock: ``calibration_end`` ("today") is always a parameter.

Conventions (the usual ones, as in the ``lifetimes`` package, so published
numbers can be checked): all orders of one customer on one day are one
transaction; ``frequency`` counts repeat purchase days (days after the first);
time is in weeks (days / 7); only orders up to and including
``calibration_end`` count, so a customer whose first order is later is absent.

Money boundary: crmdesk money is int fen, exact.  These models are statistical
estimates, so they work in floats; whatever unit goes in (fen, yuan, dollars)
comes out, as a float, in the same unit.  Never write a result back into a
ledger figure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

import numpy as np
from scipy.optimize import minimize
from scipy.special import digamma, gammaln, hyp2f1

K = TypeVar("K", bound=Hashable)

MIN_CUSTOMERS = 20
MIN_REPEAT_BUYERS = 5
# Log-parameter box: beyond e^±15 a parameter has run off to a degenerate
# limit (e.g. b → ∞: nobody ever drops out), which we report instead of use.
_LOG_BOUND = 15.0


class ChurnFitError(ValueError):
    """The data cannot support a fit; ``code`` says why, for the UI to word."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code  # "too_few_customers" | "no_repeat_buyers" | "did_not_converge"


@dataclass(frozen=True)
class CustomerRfm:
    frequency: int  # repeat purchase days
    recency: float  # weeks from first to last purchase day (t_x)
    T: float  # weeks from first purchase day to calibration_end
    monetary_value: float  # mean of repeat days' totals; 0.0 when frequency == 0


@dataclass(frozen=True)
class BgNbdParams:
    r: float
    alpha: float
    a: float
    b: float
    loglik: float  # total log-likelihood at the optimum


@dataclass(frozen=True)
class GammaGammaParams:
    p: float
    q: float
    v: float  # the scale γ of the papers


def _as_date(d: date) -> date:
    return d.date() if isinstance(d, datetime) else d


def summary_data(
    purchases: Iterable[tuple[K, date, float]], calibration_end: date
) -> dict[K, CustomerRfm]:
    """Per-customer frequency/recency/T/monetary from (customer, day, amount) rows."""
    end = _as_date(calibration_end)
    days: dict[K, dict[date, float]] = defaultdict(lambda: defaultdict(float))
    for key, day, amount in purchases:
        day = _as_date(day)
        if day <= end:  # later orders are the holdout/future, not evidence
            days[key][day] += float(amount)
    out: dict[K, CustomerRfm] = {}
    for key, by_day in days.items():
        ordered = sorted(by_day)
        first, last = ordered[0], ordered[-1]
        repeats = [by_day[d] for d in ordered[1:]]
        out[key] = CustomerRfm(
            frequency=len(repeats),
            recency=(last - first).days / 7.0,
            T=(end - first).days / 7.0,
            # The first purchase is left out: it differs systematically (lifetimes convention).
            monetary_value=float(np.mean(repeats)) if repeats else 0.0,
        )
    return out


def rfm_of_days(
    purchases: Mapping[K, tuple[Sequence[date], Sequence[float]]], calibration_end: date
) -> tuple[list[K], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What ``rfm_arrays(summary_data(...))`` gives, from purchase days already merged and ascending.

    Days after ``calibration_end`` must already be left out (the file's reader does).
    """
    end = _as_date(calibration_end).toordinal()
    keys = list(purchases)
    n = len(keys)
    first, last, freq, spent = (np.empty(n) for _ in range(4))
    for i, key in enumerate(keys):
        days, amounts = purchases[key]
        first[i], last[i], freq[i] = days[0].toordinal(), days[-1].toordinal(), len(days) - 1
        spent[i] = sum(amounts) - amounts[0]  # the first purchase is left out, as in summary_data
    monetary = np.divide(spent, freq, out=np.zeros(n), where=freq > 0)
    return keys, freq, (last - first) / 7.0, (end - first) / 7.0, monetary


def rfm_arrays(summary: dict[K, CustomerRfm]) -> tuple[list[K], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """keys, frequency, recency, T, monetary as arrays in one order."""
    keys = list(summary)
    rows = [summary[k] for k in keys]
    return (
        keys,
        np.array([c.frequency for c in rows], dtype=float),
        np.array([c.recency for c in rows], dtype=float),
        np.array([c.T for c in rows], dtype=float),
        np.array([c.monetary_value for c in rows], dtype=float),
    )


def _check_rfm(freq, recency, T) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x, tx, T = (np.asarray(v, dtype=float) for v in (freq, recency, T))
    if not (x.shape == tx.shape == T.shape):
        raise ValueError("frequency, recency and T must have the same shape")
    if np.any(x < 0) or np.any(tx < 0) or np.any(tx > T + 1e-9):
        raise ValueError("need frequency >= 0 and 0 <= recency <= T")
    return x, tx, T


# --- BG/NBD -----------------------------------------------------------------


def _bgnbd_negll(log_params, x, tx, T, ux, inv, weight):
    """Negative mean log-likelihood and its gradient in log-parameters.

    LL_i = ln Γ(r+x)−ln Γ(r)+r ln α + ln B(a,b+x)−ln B(a,b)
           + ln[(α+T)^−(r+x) + δ(x>0)·a/(b+x−1)·(α+t_x)^−(r+x)]   (FHL 2005 eq. 6)
    Terms in x alone go through the few distinct x values (``ux``/``inv``):
    that is what keeps 100k customers fast.
    """
    r, alpha, a, b = np.exp(log_params)
    rx = r + x
    log_aT = np.log(alpha + T)
    log_atx = np.log(alpha + tx)
    A1 = (gammaln(r + ux) - gammaln(r))[inv] + r * np.log(alpha)
    A2 = (gammaln(a + b) + gammaln(b + ux) - gammaln(b) - gammaln(a + b + ux))[inv]
    A3 = -rx * log_aT
    repeat = x > 0
    bx1 = np.where(repeat, b + x - 1.0, 1.0)  # x = 0 rows are masked: avoid log of b − 1 ≤ 0
    A4 = np.where(repeat, np.log(a) - np.log(bx1) - rx * log_atx, -np.inf)
    L = np.logaddexp(A3, A4)
    ll = A1 + A2 + L
    w = np.exp(A4 - L)  # share of the "still alive" vs "dropped after last purchase" term
    n = weight.sum()

    d_r = (digamma(r + ux) - digamma(r))[inv] + np.log(alpha) - (1 - w) * log_aT - w * log_atx
    d_alpha = r / alpha - (1 - w) * rx / (alpha + T) - w * rx / (alpha + tx)
    d_a = (digamma(a + b) - digamma(a + b + ux))[inv] + w / a
    d_b = (digamma(a + b) + digamma(b + ux) - digamma(b) - digamma(a + b + ux))[inv] - w / bx1
    grad = np.array(
        [r * (weight @ d_r), alpha * (weight @ d_alpha), a * (weight @ d_a), b * (weight @ d_b)]
    )
    return -(weight @ ll) / n, -grad / n


def _settled(res) -> bool:
    """Finite, inside the box and flat: a real optimum, not a run into a bound."""
    return bool(np.isfinite(res.fun) and np.all(np.abs(res.x) < _LOG_BOUND - 1e-6)
                and np.max(np.abs(res.jac)) <= 1e-4)


def _fit(fun, args, starts, n_params):
    """L-BFGS-B with analytic gradients in a log box, from each start in turn until one settles.

    The likelihood has a single optimum in practice; the later starts are for
    a first one that stalls in a flat valley (trying all three every time made
    the fit 3x slower than lifetimes' on 100,000 customers).
    """
    bounds = [(-_LOG_BOUND, _LOG_BOUND)] * n_params
    best = None
    for start in starts:
        res = minimize(
            fun, np.asarray(start, dtype=float), args=args, jac=True, method="L-BFGS-B",
            bounds=bounds, options={"maxiter": 2000, "ftol": 1e-15, "gtol": 1e-10},
        )
        if np.isfinite(res.fun) and (best is None or res.fun < best.fun):
            best = res
        if _settled(res):
            return res
    if best is None or not _settled(best):
        raise ChurnFitError(
            "did_not_converge",
            "The purchase history is too regular or too sparse for the model to settle on parameters.",
        )
    return best


def _compress(*columns):
    """Identical customers count once, with a weight: CDNOW-like data repeats a lot."""
    stacked = np.column_stack(columns)
    uniq, counts = np.unique(stacked, axis=0, return_counts=True)
    return [uniq[:, i] for i in range(uniq.shape[1])], counts.astype(float)


def fit_bgnbd(freq, recency, T) -> BgNbdParams:
    """Maximum-likelihood BG/NBD parameters (r, α, a, b); raises ChurnFitError."""
    x, tx, T = _check_rfm(freq, recency, T)
    if x.size < MIN_CUSTOMERS:
        raise ChurnFitError("too_few_customers", f"At least {MIN_CUSTOMERS} customers with purchases are needed.")
    if np.count_nonzero(x > 0) < MIN_REPEAT_BUYERS:
        raise ChurnFitError("no_repeat_buyers", f"At least {MIN_REPEAT_BUYERS} repeat buyers are needed.")
    if np.max(T) <= 0:
        raise ChurnFitError("too_few_customers", "All customers bought for the first time today.")
    (x, tx, T), weight = _compress(x, tx, T)
    ux, inv = np.unique(x, return_inverse=True)
    # Start near the CDNOW-like region and from "all ones": the surface has a
    # single optimum in practice, but a bad start can stall in a flat valley.
    scale = max(float(np.mean(T)), 1e-3)
    starts = [np.log([0.5, scale / 4, 1.0, 2.0]), np.zeros(4), np.log([1.0, scale, 0.5, 5.0])]
    res = _fit(_bgnbd_negll, (x, tx, T, ux, inv, weight), starts, 4)
    r, alpha, a, b = np.exp(res.x)
    return BgNbdParams(float(r), float(alpha), float(a), float(b), float(-res.fun * weight.sum()))


def p_alive(params: BgNbdParams, freq, recency, T) -> np.ndarray:
    """P(customer still active at T); 1 for freq 0 (the model's convention: no
    drop-out chance before the first repeat).  Churn risk is 1 − this."""
    x, tx, T = _check_rfm(freq, recency, T)
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    repeat = x > 0
    # In logs: ((α+T)/(α+t_x))^(r+x) overflows for long-lapsed frequent buyers.
    log_odds = np.log(a) - np.log(np.where(repeat, b + x - 1.0, 1.0)) + (r + x) * (
        np.log(alpha + T) - np.log(alpha + tx)
    )
    return np.where(repeat, 1.0 / (1.0 + np.exp(np.minimum(log_odds, 700.0))), 1.0)


def expected_purchases(params: BgNbdParams, t: float, freq, recency, T) -> np.ndarray:
    """E[purchases in the next t weeks | x, t_x, T] (FHL 2005 eq. 10).

    The 2F1(r+x, b+x; a+b+x−1; z) of eq. 10 is rewritten by Euler's
    transformation: (1−z)^(r+x)·2F1(...) = (1−z)^(a−1)·2F1(a+b−1−r, a−1; a+b+x−1; z),
    whose first two arguments do not grow with x, so it stays finite for heavy
    buyers where the direct form overflows.
    """
    x, tx, T = _check_rfm(freq, recency, T)
    if t < 0:
        raise ValueError("t must be >= 0")
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    if abs(a - 1.0) < 1e-8:  # removable singularity of eq. 10 at a = 1
        a = 1.0 + 1e-8
    z = t / (alpha + T + t)
    h = hyp2f1(a + b - 1.0 - r, a - 1.0, a + b + x - 1.0, z)
    bracket = 1.0 - (1.0 - z) ** (a - 1.0) * h
    expected_if_alive = (a + b + x - 1.0) / (a - 1.0) * bracket
    return np.maximum(expected_if_alive * p_alive(params, x, tx, T), 0.0)


# --- Gamma-Gamma ------------------------------------------------------------


def _gg_negll(log_params, x, m, weight):
    """Negative mean log-likelihood of mean spend m over x repeat transactions."""
    p, q, v = np.exp(log_params)
    px = p * x
    log_xmv = np.log(x * m + v)
    ll = (
        gammaln(px + q) - gammaln(px) - gammaln(q) + q * np.log(v)
        + (px - 1) * np.log(m) + px * np.log(x) - (px + q) * log_xmv
    )
    psi = digamma(px + q)
    d_p = x * (psi - digamma(px) + np.log(m) + np.log(x) - log_xmv)
    d_q = psi - digamma(q) + np.log(v) - log_xmv
    d_v = q / v - (px + q) / (x * m + v)
    n = weight.sum()
    grad = np.array([p * (weight @ d_p), q * (weight @ d_q), v * (weight @ d_v)])
    return -(weight @ ll) / n, -grad / n


def fit_gamma_gamma(freq, monetary) -> GammaGammaParams:
    """Gamma-Gamma spend parameters from repeat buyers with a positive mean spend."""
    x = np.asarray(freq, dtype=float)
    m = np.asarray(monetary, dtype=float)
    keep = (x > 0) & (m > 0)
    if np.count_nonzero(keep) < MIN_REPEAT_BUYERS:
        raise ChurnFitError("no_repeat_buyers", f"At least {MIN_REPEAT_BUYERS} repeat buyers are needed.")
    (x, m), weight = _compress(x[keep], m[keep])
    # Spend is in the caller's unit (fen are ~100× yuan): start v at the data's scale.
    scale = float(np.average(m, weights=weight))
    starts = [np.log([1.0, 1.0, scale]), np.log([5.0, 3.0, 2 * scale]), np.log([0.5, 5.0, scale / 2])]
    res = _fit(_gg_negll, (x, m, weight), starts, 3)
    p, q, v = np.exp(res.x)
    if q <= 1.0:  # mean spend E[ν^-1]·p is infinite: no finite expected value exists
        raise ChurnFitError("did_not_converge", "Spending is too uneven for a finite expected value.")
    return GammaGammaParams(float(p), float(q), float(v))


def expected_average_value(params: GammaGammaParams, freq, monetary) -> np.ndarray:
    """E[mean transaction value | x, m̄]: a weighted mix of the population mean
    p·v/(q−1) and the customer's own m̄ (their own mean gets more weight with x)."""
    x = np.asarray(freq, dtype=float)
    m = np.where(x > 0, np.asarray(monetary, dtype=float), 0.0)
    p, q, v = params.p, params.q, params.v
    return p * (v + x * m) / (p * x + q - 1.0)


def expected_value(
    bgnbd: BgNbdParams, gg: GammaGammaParams, t: float, freq, recency, T, monetary
) -> np.ndarray:
    """Expected spend over the next t weeks: expected purchases × expected
    average value.  Plain and undiscounted (no interest rate, no margin): a
    ranking figure, in the unit of ``monetary``, not a CLV in the finance sense."""
    return expected_purchases(bgnbd, t, freq, recency, T) * expected_average_value(gg, freq, monetary)
