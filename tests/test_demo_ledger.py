"""Demo ledger: orders, payments and sales plans for demo customers (crmdesk.demo_data.ledger)."""

from __future__ import annotations

import hashlib
import math
import os
import re
import subprocess
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest

from crmdesk.cli import main as cli_main
from crmdesk.demo_data import generate_customers, generate_ledger
from crmdesk.demo_data.ledger import LOGISTICS_WORDS, MAX_ORDER, PREPAYMENT_NOTE, DemoLedger
from crmdesk.domain.customer import AccountType, CustomerKind, LifecycleStatus
from crmdesk.domain.orders import (
    Period,
    PaymentMethod,
    financial_summary,
    over_limit,
    plan_progress,
)
from crmdesk.services.churn import fit_churn
from crmdesk.services.demo import write_demo_file
from crmdesk.storage import customers as customer_store
from crmdesk.storage.customer_file import CustomerFile

TODAY = date(2026, 11, 23)
ORDERS = 3000
REPO = Path(__file__).resolve().parent.parent

DIGEST_SCRIPT = """
import hashlib
from datetime import date
from crmdesk.demo_data import generate_customers, generate_ledger
customers = list(enumerate(generate_customers(300, 1, today=date(2026, 11, 23)), start=1))
ledger = generate_ledger(customers, 1, today=date(2026, 11, 23), orders=3000)
print(hashlib.sha256(repr(ledger).encode()).hexdigest())
"""


def digest(ledger: DemoLedger) -> str:
    return hashlib.sha256(repr(ledger).encode()).hexdigest()


@pytest.fixture(scope="module")
def customers():
    return list(enumerate(generate_customers(300, 1, today=TODAY), start=1))


@pytest.fixture(scope="module")
def ledger(customers) -> DemoLedger:
    return generate_ledger(customers, 1, today=TODAY, orders=ORDERS)


@pytest.fixture(scope="module")
def orders_of(ledger):
    out = defaultdict(list)
    for o in ledger.orders:
        out[o.customer_id].append(o)
    return dict(out)


@pytest.fixture(scope="module")
def payments_of(ledger):
    out = defaultdict(list)
    for p in ledger.payments:
        out[p.customer_id].append(p)
    return dict(out)


def is_logistics(customer) -> bool:
    return any(w in (customer.industry or "") + customer.name for w in LOGISTICS_WORDS)


# -- reproducibility -----------------------------------------------------------


def test_same_arguments_give_the_same_ledger(customers, ledger):
    again = generate_ledger(customers, 1, today=TODAY, orders=ORDERS)
    assert again == ledger
    assert digest(again) == digest(ledger)


def test_seed_changes_the_ledger(customers, ledger):
    assert generate_ledger(customers, 2, today=TODAY, orders=ORDERS) != ledger


@pytest.mark.parametrize("hash_seed", ["0", "4242"])
def test_independent_of_hash_seed(ledger, hash_seed):
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", DIGEST_SCRIPT], cwd=REPO, env=env,
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == digest(ledger)


def test_empty_and_invalid_arguments(customers):
    assert generate_ledger([], 1, today=TODAY, orders=100) == DemoLedger([], [], [])
    assert generate_ledger(customers, 1, today=TODAY, orders=0).orders == []
    with pytest.raises(ValueError):
        generate_ledger(customers, 1, today=TODAY, orders=-1)


# -- orders ----------------------------------------------------------------------


@pytest.mark.parametrize("wanted", [500, ORDERS])
def test_order_count_within_one_percent(customers, ledger, wanted):
    result = ledger if wanted == ORDERS else generate_ledger(customers, 3, today=TODAY,
                                                             orders=wanted)
    assert abs(len(result.orders) - wanted) <= wanted / 100


def test_dates_within_three_years_and_never_after_today(ledger):
    earliest = date(TODAY.year - 3, TODAY.month, TODAY.day)
    assert all(earliest <= o.order_date <= TODAY for o in ledger.orders)
    assert all(earliest <= p.paid_date <= TODAY for p in ledger.payments)
    assert [o.order_date for o in ledger.orders] == sorted(o.order_date for o in ledger.orders)
    assert max(o.order_date for o in ledger.orders) >= TODAY - timedelta(days=7)


def test_amounts_quantities_and_costs(ledger):
    for o in ledger.orders:
        assert type(o.amount) is int and 0 < o.amount <= MAX_ORDER
        assert type(o.quantity) is int and o.quantity >= 1
        assert o.cost is None or (type(o.cost) is int and 0 < o.cost < o.amount)
        assert o.product.strip()
    for p in ledger.payments:
        assert type(p.amount) is int and p.amount > 0
    costed = [o for o in ledger.orders if o.cost is not None]
    assert 0.75 <= len(costed) / len(ledger.orders) <= 0.85
    margins = [(o.amount - o.cost) / o.amount for o in costed]
    assert min(margins) >= 0.045 and max(margins) <= 0.455


def test_no_prospect_has_orders_and_some_customers_have_none(customers, orders_of):
    prospects = [cid for cid, c in customers if c.status is LifecycleStatus.PROSPECT]
    assert prospects and not any(cid in orders_of for cid in prospects)
    others = [cid for cid, c in customers if c.status is not LifecycleStatus.PROSPECT]
    assert any(cid not in orders_of for cid in others)


def test_top_fifth_of_customers_make_most_of_the_revenue(orders_of):
    totals = sorted((sum(o.amount for o in v) for v in orders_of.values()), reverse=True)
    top = totals[: math.ceil(len(totals) / 5)]
    assert sum(top) >= 0.6 * sum(totals)


def test_companies_order_more_per_order_than_persons(customers, orders_of):
    kinds = dict(customers)

    def median(kind):
        amounts = sorted(o.amount for cid, v in orders_of.items() if kinds[cid].kind is kind
                         for o in v)
        return amounts[len(amounts) // 2]

    assert median(CustomerKind.COMPANY) > 3 * median(CustomerKind.PERSONAL)


def test_lapsed_lost_and_won_back_buyers(customers, orders_of):
    def days_since_last(cid):
        return (TODAY - max(o.order_date for o in orders_of[cid])).days

    lapsed = [cid for cid in orders_of if len(orders_of[cid]) >= 3 and days_since_last(cid) > 120]
    assert len(lapsed) >= 5
    lost = [cid for cid, c in customers if c.status is LifecycleStatus.LOST and cid in orders_of]
    assert lost and sum(days_since_last(cid) > 120 for cid in lost) >= 0.7 * len(lost)
    won_back = []
    for cid, c in customers:
        if c.status is LifecycleStatus.WON_BACK and len(orders_of.get(cid, ())) >= 3:
            days = [o.order_date for o in orders_of[cid]]
            gap = max((b - a).days for a, b in zip(days, days[1:]))
            if gap >= 100 and days_since_last(cid) <= 150:
                won_back.append(cid)
    assert won_back


def test_logistics_companies_get_shipments(customers, orders_of):
    shipped = 0
    for cid, c in customers:
        if c.kind is not CustomerKind.COMPANY or cid not in orders_of:
            continue
        for o in orders_of[cid]:
            if is_logistics(c):
                assert re.fullmatch(r"[A-Z]{2,3}\d{12}", o.waybill), o
                assert o.origin and o.destination
                assert type(o.weight_g) is int and o.weight_g > 0
                assert o.pieces >= 1 and o.quantity == 1
                shipped += 1
            else:
                assert o.waybill is None and o.weight_g is None
    assert shipped >= 100
    routes = [o.product for v in orders_of.values() for o in v if "→" in o.product]
    assert routes and all(re.fullmatch(r"\S+ \S+→\S+", p) for p in routes)


# -- payments and receivables ----------------------------------------------------


def test_payments_never_exceed_billed_except_deliberate_prepayments(orders_of, payments_of):
    over = []
    for cid, payments in payments_of.items():
        orders = orders_of.get(cid, [])
        for p in payments:
            paid = sum(q.amount for q in payments if q.paid_date <= p.paid_date)
            billed = sum(o.amount for o in orders if o.order_date <= p.paid_date)
            if paid > billed:
                over.append(p)
    assert 1 <= len(over) <= 2
    assert all(p.note == PREPAYMENT_NOTE for p in over)


def test_some_companies_owe_more_than_their_credit_limit(customers, orders_of, payments_of):
    limited = [(cid, c) for cid, c in customers if c.credit_limit is not None]
    over = [cid for cid, c in limited if over_limit(
        financial_summary(orders_of.get(cid, []), payments_of.get(cid, []), TODAY).receivable,
        c.credit_limit)]
    assert len(over) >= max(1, 0.03 * len(limited))


def test_receivables_are_mostly_recent(customers, orders_of, payments_of):
    summaries = {cid: financial_summary(v, payments_of.get(cid, []), TODAY)
                 for cid, v in orders_of.items()}
    old = [cid for cid, s in summaries.items()
           if s.aging.days_61_90 or s.aging.days_over_90]
    assert 0.05 <= len(old) / len(summaries) <= 0.25
    settled = [s for s in summaries.values() if s.receivable <= 0]
    assert len(settled) >= 0.5 * len(summaries)


def test_cash_customers_pay_within_days_and_monthly_ones_after_the_month(
        customers, orders_of, payments_of):
    for cid, c in customers:
        for p in payments_of.get(cid, []):
            if p.note == PREPAYMENT_NOTE:
                continue
            if c.account_type is AccountType.MONTHLY:
                # the previous month's total, paid in a later month
                assert re.fullmatch(r"\d{4}年\d{1,2}月(货款|运费)", p.note)
                year, month = map(int, re.findall(r"\d+", p.note))
                assert (p.paid_date.year, p.paid_date.month) > (year, month)
            else:
                assert any(0 <= (p.paid_date - o.order_date).days <= 7 and o.amount == p.amount
                           for o in orders_of[cid])


def test_payment_methods(customers, payments_of):
    kinds = dict(customers)
    company = [p.method for cid, v in payments_of.items()
               if kinds[cid].kind is CustomerKind.COMPANY for p in v]
    assert company.count(PaymentMethod.BANK_TRANSFER) >= 0.7 * len(company)
    personal = {p.method for cid, v in payments_of.items()
                if kinds[cid].kind is CustomerKind.PERSONAL for p in v}
    assert personal <= {PaymentMethod.WECHAT, PaymentMethod.ALIPAY, PaymentMethod.CASH}


# -- sales plans -------------------------------------------------------------------


def test_plans_for_about_a_third_of_buyers_some_behind(ledger, orders_of):
    this = Period.month_of(TODAY)
    months = {this, Period.month_of(this.first_day - timedelta(days=1)),
              Period.month_of(this.first_day - timedelta(days=32))}
    planned = defaultdict(list)
    for plan in ledger.plans:
        assert plan.amount > 0 and plan.customer_id in orders_of
        planned[plan.customer_id].append(plan)
    assert 0.2 <= len(planned) / len(orders_of) <= 0.4
    behind = 0
    for cid, plans in planned.items():
        assert {p.period for p in plans} == months and len(plans) == 3
        current = next(p for p in plans if p.period == this)
        behind += plan_progress(current, orders_of[cid], TODAY).behind
    assert behind >= len(planned) / 10
    assert behind < len(planned)


# -- the churn model -------------------------------------------------------------------


@pytest.mark.parametrize("made_by", ["app", "cli"])
def test_the_churn_model_fits_the_demo_file(tmp_path, capsys, made_by):
    """BG/NBD and Gamma-Gamma fit the demo file as the app (View -> demo) and `crmdesk demo` write it."""
    path = tmp_path / "demo.crmdesk"
    if made_by == "app":
        from crmdesk.ui.main_window import DEMO_CUSTOMERS, DEMO_ORDERS, DEMO_SEED

        write_demo_file(path, customers=DEMO_CUSTOMERS, seed=DEMO_SEED, today=TODAY,
                        orders=DEMO_ORDERS)
    else:  # the command line's defaults
        assert cli_main(["demo", str(path), "--today", TODAY.isoformat()]) == 0
        capsys.readouterr()
    with CustomerFile.open(path, read_only=True) as cf:
        result = fit_churn(cf, TODAY)  # raises ChurnFitError if either model does not converge
        status = {c.customer_id: customer_store.get_customer(cf, c.customer_id).status
                  for c in result.customers}
    assert result.gamma_gamma.q > 1  # a finite expected order value
    alive = sorted(c.p_alive for c in result.customers)
    assert len(alive) >= 100
    share = lambda test: sum(map(test, alive)) / len(alive)  # noqa: E731
    # Spread, not all ~1: some buyers have clearly dropped out, many clearly have not,
    # and some are in between.
    assert share(lambda p: p < 0.5) >= 0.15
    assert share(lambda p: p > 0.9) >= 0.25
    assert share(lambda p: 0.5 <= p <= 0.9) >= 0.05
    assert all(0 <= p <= 1 for p in alive)
    by_status = defaultdict(list)
    for c in result.customers:
        by_status[status[c.customer_id]].append(c.p_alive)
    mean = {s: sum(v) / len(v) for s, v in by_status.items()}
    assert mean[LifecycleStatus.LOST] < mean[LifecycleStatus.ACTIVE] < mean[LifecycleStatus.WON_BACK]


def test_the_demo_file_has_opportunities_in_every_stage_and_two_campaigns(tmp_path):
    from crmdesk.services import campaigns, pipeline
    from crmdesk.services.demo import write_demo_file
    from crmdesk.storage.customer_file import CustomerFile

    path = write_demo_file(tmp_path / "demo.crmdesk", customers=200, seed=1, today=date(2026, 11, 23), orders=2000,
                           follow_ups=True)
    with CustomerFile.open(path) as cf:
        lines = pipeline.totals(cf).lines
        assert all(line.count > 0 for line in lines), [(l.stage.key, l.count) for l in lines]
        f = pipeline.sales_funnel(cf)
        assert all(step.average_days is not None for step in f.steps if step.stage.is_open)
        results = campaigns.campaign_results(cf, date(2026, 11, 23))
        assert len(results) == 2 and all(r.reached and r.orders for r in results)
