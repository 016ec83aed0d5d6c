"""The churn service on a real customer file: the CDNOW sample stored as orders in fen."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.domain.churn import ChurnFitError
from crmdesk.domain.orders import Order
from crmdesk.services.churn import fit_churn
from crmdesk.storage import customers as store
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import CustomerFile
from tests.factories import make_person

CDNOW = Path(__file__).resolve().parent.parent / "data" / "cdnow_sample.txt"
CALIBRATION_END = date(1997, 9, 30)


@pytest.fixture(scope="module")
def cdnow_file(tmp_path_factory) -> Path:
    rows = defaultdict(list)
    for line in CDNOW.read_text(encoding="ascii").splitlines():
        customer, _, day, _, value = line.split()
        rows[customer].append((date(int(day[:4]), int(day[4:6]), int(day[6:])),
                               int(Decimal(value) * 100)))  # dollars -> cents, exactly
    path = tmp_path_factory.mktemp("cdnow") / "cdnow.crmdesk"
    with CustomerFile.create(path) as cf:
        store.insert_customers(cf, (make_person(name=f"CD{c}", code=f"CD{c}", mobile=None) for c in rows))
        ids = {store.get_customer(cf, i).code: i for i in store.customer_ids(cf)}
        order_store.insert_ledger_rows(cf, [
            Order(customer_id=ids[f"CD{c}"], order_date=day, product="CD", quantity=1, amount=amount)
            for c, orders in rows.items() for day, amount in orders  # 8 zero-value lines count as purchase days too
        ], [])
    return path


def test_the_service_reproduces_the_published_fit(cdnow_file):
    with CustomerFile.open(cdnow_file, read_only=True) as cf:
        result = fit_churn(cf, CALIBRATION_END, horizon_weeks=39)
    b, g = result.bgnbd, result.gamma_gamma
    assert (b.r, b.alpha, b.a, b.b) == pytest.approx((0.243, 4.414, 0.793, 2.426), abs=0.001)
    assert b.loglik == pytest.approx(-9582.4, abs=0.05)
    # Money is in fen: the spend scale γ is 100 times the dollar figure, p and q are unit-free.
    assert (g.p, g.q, g.v / 100) == pytest.approx((6.25, 3.74, 15.44), abs=0.01)
    assert len(result.customers) == 2357
    assert all(0 < c.p_alive <= 1 and c.expected_value >= 0 for c in result.customers)


def test_cli_churn_json(cdnow_file, capsys):
    assert main(["churn", str(cdnow_file), "--today", "1997-09-30", "--weeks", "39", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out["bgnbd"]) == {"r", "alpha", "a", "b", "loglik"}
    assert set(out["gamma_gamma"]) == {"p", "q", "gamma"}
    first = out["customers"][0]
    assert set(first) == {"code", "p_alive", "expected_purchases", "expected_value"}
    assert Decimal(first["expected_value"]).as_tuple().exponent == -2


def test_a_file_too_small_says_so(tmp_path, capsys):
    path = tmp_path / "small.crmdesk"
    with CustomerFile.create(path) as cf:
        cid = store.insert_customer(cf, make_person()).id
        order_store.insert_order(cf, Order(customer_id=cid, order_date=date(2026, 1, 1), product="x",
                                           quantity=1, amount=100))
        with pytest.raises(ChurnFitError) as e:
            fit_churn(cf, date(2026, 11, 23))
        assert e.value.code == "too_few_customers"
    assert main(["churn", str(path), "--today", "2026-11-23"]) == 1
    assert "too few customers" in capsys.readouterr().err


def test_opening_stores_each_customers_scores_and_alerts_on_the_churn_score(cdnow_file, tmp_path):
    """The analysis on open: tiers, the fit and every alert in one go, the scores kept for the detail panel."""
    import shutil

    from crmdesk.domain.alerts import AlertKind
    from crmdesk.services.analysis import STEPS, analyse
    from crmdesk.storage.scores import scores_of

    path = tmp_path / "cdnow.crmdesk"
    shutil.copy(cdnow_file, path)
    steps = []
    with CustomerFile.open(path) as cf:
        analysis = analyse(cf, CALIBRATION_END, progress=steps.append)
        assert analysis.churn_problem is None
        assert steps[0] == 0 and steps[-1] == STEPS and steps == sorted(steps)
        fitted = {c.code: c for c in analysis.churn.customers}
        some = next(c for c in analysis.churn.customers if c.p_alive < 0.2)
        stored = scores_of(cf, some.customer_id)
        assert (stored.p_alive, stored.expected_value, stored.horizon_weeks) == (
            some.p_alive, some.expected_value, 52)
        risky = {a.code for a in analysis.alerts if a.alert.kind is AlertKind.CHURN_RISK}
        assert risky == {code for code, c in fitted.items() if c.p_alive < 0.3}


def test_an_order_edit_rescores_that_customer_under_the_fitted_model(cdnow_file, tmp_path):
    """After an edit only what it changed: the buyer's churn numbers and RFM, the tiers, their alerts."""
    import shutil

    from crmdesk.domain.alerts import AlertKind
    from crmdesk.domain.churn import p_alive, rfm_of_days
    from crmdesk.services.analysis import analyse, reanalyse_customer
    from crmdesk.storage.scores import scores_of

    path = tmp_path / "cdnow.crmdesk"
    shutil.copy(cdnow_file, path)
    with CustomerFile.open(path) as cf:
        analysis = analyse(cf, CALIBRATION_END)
        lapsed = next(c for c in analysis.churn.customers if c.p_alive < 0.2)
        before = scores_of(cf, lapsed.customer_id)
        other = next(c for c in analysis.churn.customers if c.customer_id != lapsed.customer_id)
        other_before = scores_of(cf, other.customer_id)
        order_store.insert_order(cf, Order(customer_id=lapsed.customer_id, order_date=CALIBRATION_END,
                                           product="CD", quantity=1, amount=2_000))

        update = reanalyse_customer(cf, CALIBRATION_END, lapsed.customer_id, orders_changed=True,
                                    churn=analysis.churn, p_alive=analysis.p_alive)

        days = order_store.purchase_days(cf, CALIBRATION_END, lapsed.customer_id)
        _, x, tx, T, _ = rfm_of_days(days, CALIBRATION_END)
        expected = float(p_alive(analysis.churn.bgnbd, x, tx, T)[0])  # the same parameters, the new history
        after = scores_of(cf, lapsed.customer_id)
        assert update.p_alive == pytest.approx(expected) and after.p_alive == pytest.approx(expected)
        assert after.p_alive > 0.3 > before.p_alive
        assert after.r == 5 and before.r < 5  # bought on the last day: most recent
        kinds = {a.alert.kind for a in update.alerts[lapsed.customer_id]}
        assert AlertKind.CHURN_RISK not in kinds and AlertKind.NO_RECENT_PURCHASE not in kinds
        assert scores_of(cf, other.customer_id).p_alive == other_before.p_alive  # not refitted
