"""BG/NBD and Gamma-Gamma against the published CDNOW numbers, and the model's
basic properties.

tests/data/cdnow_sample.txt is the 1/10 CDNOW sample shipped with the
lifetimes package (MIT; see tests/data/CDNOW_LICENSE.txt).  Published values:
Fader, Hardie & Lee (2005) for BG/NBD; the lifetimes documentation for
Gamma-Gamma on the same summary.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from crmdesk.domain.churn import (
    BgNbdParams,
    ChurnFitError,
    GammaGammaParams,
    expected_average_value,
    expected_purchases,
    expected_value,
    fit_bgnbd,
    fit_gamma_gamma,
    p_alive,
    rfm_arrays,
    rfm_of_days,
    summary_data,
)

CDNOW = Path(__file__).resolve().parent.parent / "data" / "cdnow_sample.txt"
CALIBRATION_END = date(1997, 9, 30)
D0 = date(2026, 1, 5)


def _cdnow_rows():
    for line in CDNOW.read_text(encoding="ascii").splitlines():
        customer, _, day, _, value = line.split()
        yield customer, date(int(day[:4]), int(day[4:6]), int(day[6:])), float(value)


@pytest.fixture(scope="module")
def cdnow():
    summary = summary_data(_cdnow_rows(), CALIBRATION_END)
    _, x, tx, T, m = rfm_arrays(summary)
    return summary, x, tx, T, m, fit_bgnbd(x, tx, T), fit_gamma_gamma(x, m)


def test_cdnow_summary_matches_the_published_one(cdnow):
    summary, x, tx, T, m, *_ = cdnow
    assert len(summary) == 2357
    assert np.count_nonzero(x > 0) == 946
    # Everyone in the sample first bought in Q1 1997: T runs 27-39 weeks.
    assert T.max() == pytest.approx(38.857, abs=1e-3) and T.min() >= 27 - 1e-9


def test_cdnow_bgnbd_matches_fader_hardie_lee_2005(cdnow):
    params = cdnow[5]
    assert params.r == pytest.approx(0.243, abs=0.001)
    assert params.alpha == pytest.approx(4.414, abs=0.001)
    assert params.a == pytest.approx(0.793, abs=0.001)
    assert params.b == pytest.approx(2.426, abs=0.001)
    assert params.loglik == pytest.approx(-9582.4, abs=0.05)


def test_cdnow_gamma_gamma_matches_the_published_fit(cdnow):
    gg = cdnow[6]
    assert gg.p == pytest.approx(6.25, abs=0.01)
    assert gg.q == pytest.approx(3.74, abs=0.01)
    assert gg.v == pytest.approx(15.44, abs=0.01)


def test_published_conditional_expectation_example(cdnow):
    # FHL 2005 §5: x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in the next 39 weeks.
    got = expected_purchases(cdnow[5], 39, [2], [30.43], [38.86])
    assert got[0] == pytest.approx(1.226, abs=0.002)


def test_cdnow_outputs_are_finite_and_sane(cdnow):
    _, x, tx, T, m, params, gg = cdnow
    alive = p_alive(params, x, tx, T)
    assert np.all((alive > 0) & (alive <= 1))
    value = expected_value(params, gg, 52, x, tx, T, m)
    assert np.all(np.isfinite(value)) and np.all(value >= 0)


# --- summary_data conventions ------------------------------------------------


def test_rfm_from_merged_days_equals_the_summary_on_cdnow(cdnow):
    # The file reader merges days itself; both routes must give the fit the same numbers.
    by_customer: dict[str, dict[date, float]] = {}
    for customer, day, value in _cdnow_rows():
        if day <= CALIBRATION_END:
            days = by_customer.setdefault(customer, {})
            days[day] = days.get(day, 0.0) + value
    merged = {c: (sorted(d), [d[k] for k in sorted(d)]) for c, d in by_customer.items()}
    keys, *arrays = rfm_of_days(merged, CALIBRATION_END)
    summary = cdnow[0]
    expected = rfm_arrays({k: summary[k] for k in keys})[1:]
    for got, want in zip(arrays, expected):
        np.testing.assert_allclose(got, want, rtol=1e-12)


def test_several_orders_on_one_day_are_one_transaction():
    rows = [("c", D0, 100), ("c", D0, 50), ("c", D0 + timedelta(7), 30), ("c", D0 + timedelta(7), 20)]
    c = summary_data(rows, D0 + timedelta(14))["c"]
    assert c.frequency == 1
    assert c.recency == pytest.approx(1.0)
    assert c.T == pytest.approx(2.0)
    assert c.monetary_value == pytest.approx(50.0)  # the repeat day's orders summed; first day left out


def test_orders_after_calibration_end_are_ignored():
    rows = [("c", D0, 10), ("c", D0 + timedelta(30), 10), ("late", D0 + timedelta(30), 10)]
    summary = summary_data(rows, D0 + timedelta(14))
    assert set(summary) == {"c"}
    assert summary["c"].frequency == 0 and summary["c"].recency == 0.0
    assert summary["c"].monetary_value == 0.0


# --- model properties ----------------------------------------------------------

PARAMS = BgNbdParams(r=0.243, alpha=4.414, a=0.793, b=2.426, loglik=0.0)


def test_p_alive_is_one_without_repeat_purchases():
    assert np.all(p_alive(PARAMS, [0, 0], [0, 0], [1, 50]) == 1.0)


def test_p_alive_falls_with_time_since_last_purchase_and_stays_in_range():
    T = np.linspace(10, 500, 50)
    alive = p_alive(PARAMS, np.full(50, 5), np.full(50, 10.0), T)
    assert np.all(np.diff(alive) < 0)
    assert np.all((alive > 0) & (alive <= 1))
    # A frequent buyer long gone: tiny but still a probability (no overflow to nan).
    assert 0 <= p_alive(PARAMS, [300], [1.0], [1000.0])[0] < 1e-6


def test_expected_purchases_are_non_negative_and_grow_with_t():
    x, tx, T = np.array([0, 1, 5, 200]), np.array([0, 3.0, 20.0, 38.0]), np.array([10, 20.0, 30.0, 39.0])
    previous = np.zeros(4)
    for t in (0, 1, 13, 52, 520):
        got = expected_purchases(PARAMS, t, x, tx, T)
        assert np.all(np.isfinite(got)) and np.all(got >= previous - 1e-12)
        previous = got
    assert np.all(previous > 0)


def test_expected_average_value_shrinks_towards_the_population_mean():
    gg = GammaGammaParams(p=6.25, q=3.74, v=15.44)
    population = 6.25 * 15.44 / (3.74 - 1)
    assert expected_average_value(gg, [0], [0])[0] == pytest.approx(population)
    few, many = expected_average_value(gg, [1, 50], [100.0, 100.0])
    assert population < few < many < 100.0


@pytest.mark.parametrize(
    "rows, code",
    [
        ([(k, D0, 10) for k in range(5)], "too_few_customers"),
        ([(k, D0, 10) for k in range(40)] + [(0, D0 + timedelta(3), 10)], "no_repeat_buyers"),
    ],
)
def test_data_too_small_to_fit_says_so(rows, code):
    _, x, tx, T, _ = rfm_arrays(summary_data(rows, D0 + timedelta(30)))
    with pytest.raises(ChurnFitError) as info:
        fit_bgnbd(x, tx, T)
    assert info.value.code == code


def test_gamma_gamma_needs_repeat_buyers():
    with pytest.raises(ChurnFitError) as info:
        fit_gamma_gamma([0, 0, 1, 2], [0, 0, 10.0, 12.0])
    assert info.value.code == "no_repeat_buyers"


def test_degenerate_data_does_not_converge_quietly():
    # Everyone buys every single week and never stops: b runs off to infinity.
    rows = [(k, D0 + timedelta(7 * w), 10) for k in range(30) for w in range(k % 3, 20)]
    _, x, tx, T, _ = rfm_arrays(summary_data(rows, D0 + timedelta(7 * 19)))
    with pytest.raises(ChurnFitError) as info:
        fit_bgnbd(x, tx, T)
    assert info.value.code == "did_not_converge"
