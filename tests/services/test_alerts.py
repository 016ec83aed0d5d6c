"""Alerts over a real file: facts from storage, dismiss and snooze across a reopen, the CLI's keys."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

from crmdesk.cli import main
from crmdesk.domain.alerts import AlertKind, Severity
from crmdesk.domain.orders import Order, Payment, Period, PaymentMethod, SalesPlan
from crmdesk.services import alerts as service
from crmdesk.storage import customers as store
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import CustomerFile
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)


def _order(cid, day, amount):
    return Order(customer_id=cid, order_date=day, product="快递", quantity=1, amount=amount)


def _file(cf):
    over = store.insert_customer(cf, make_company(name="超限公司", credit_limit=100_000, owner="王强")).id
    quiet = store.insert_customer(cf, make_person(name="张三", owner="李娜", last_verified=TODAY)).id
    order_store.insert_ledger_rows(cf, [
        _order(over, date(2026, 11, 1), 150_000),
        _order(quiet, date(2026, 5, 1), 10_000),
        _order(quiet, date(2026, 12, 1), 10_000),  # after today: not a purchase yet
    ], [Payment(customer_id=over, paid_date=date(2026, 11, 2), amount=40_000, method=PaymentMethod.BANK_TRANSFER)])
    order_store.set_plan(cf, SalesPlan(customer_id=quiet, period=Period.parse("2026-11"), amount=300_000))
    return over, quiet


def _of(rows, cid, kind):
    return [r for r in rows if r.alert.customer_id == cid and r.alert.kind is kind]


def test_facts_come_from_the_file(customer_file):
    over, quiet = _file(customer_file)
    rows = service.compute_alerts(customer_file, TODAY)
    (credit,) = _of(rows, over, AlertKind.OVER_CREDIT_LIMIT)
    assert credit.alert.numbers == {"receivable": 110_000, "credit_limit": 100_000, "over_by": 10_000}
    assert (credit.code, credit.name, credit.owner) == (store.get_customer(customer_file, over).code, "超限公司", "王强")
    (plan,) = _of(rows, quiet, AlertKind.BEHIND_PLAN)
    assert plan.alert.numbers["actual"] == 0 and plan.alert.numbers["planned"] == 300_000
    (lapsed,) = _of(rows, quiet, AlertKind.NO_RECENT_PURCHASE)
    assert lapsed.alert.numbers["last_purchase"] == "2026-05-01"  # the December order is not counted
    assert rows[0].alert.severity is Severity.CRITICAL  # most severe first


def test_one_customer_recomputed_alone_gives_the_same_alerts(customer_file):
    over, quiet = _file(customer_file)
    everyone = service.compute_alerts(customer_file, TODAY)
    for cid in (over, quiet):
        alone = service.compute_alerts(customer_file, TODAY, customer_id=cid)
        assert alone == [r for r in everyone if r.alert.customer_id == cid]


def test_dismiss_and_snooze_survive_a_reopen_and_expire(customer_file):
    over, quiet = _file(customer_file)
    rows = service.compute_alerts(customer_file, TODAY)
    credit = _of(rows, over, AlertKind.OVER_CREDIT_LIMIT)[0].alert
    lapsed = _of(rows, quiet, AlertKind.NO_RECENT_PURCHASE)[0].alert
    service.dismiss(customer_file, credit)
    service.snooze(customer_file, lapsed, TODAY + timedelta(days=3))
    path = customer_file.path
    customer_file.close()

    with CustomerFile.open(path) as cf:
        rows = service.compute_alerts(cf, TODAY)
        assert _of(rows, over, AlertKind.OVER_CREDIT_LIMIT)[0].hidden(TODAY)
        assert _of(rows, quiet, AlertKind.NO_RECENT_PURCHASE)[0].hidden(TODAY + timedelta(days=2))
        assert not _of(rows, quiet, AlertKind.NO_RECENT_PURCHASE)[0].hidden(TODAY + timedelta(days=3))
        service.restore(cf, lapsed)
        assert not _of(service.compute_alerts(cf, TODAY), quiet, AlertKind.NO_RECENT_PURCHASE)[0].state


def test_a_dismissal_ends_when_the_condition_clears(customer_file):
    over, _ = _file(customer_file)
    credit = _of(service.compute_alerts(customer_file, TODAY), over, AlertKind.OVER_CREDIT_LIMIT)[0].alert
    service.dismiss(customer_file, credit)
    order_store.insert_payment(customer_file, Payment(
        customer_id=over, paid_date=TODAY, amount=20_000, method=PaymentMethod.BANK_TRANSFER))
    rows = service.compute_alerts(customer_file, TODAY)
    assert not _of(rows, over, AlertKind.OVER_CREDIT_LIMIT)
    assert service.forget_cleared(customer_file, rows) == 1
    # Over the limit again later: the new occurrence is shown, not silently dismissed.
    order_store.insert_order(customer_file, _order(over, TODAY, 50_000))
    assert _of(service.compute_alerts(customer_file, TODAY), over, AlertKind.OVER_CREDIT_LIMIT)[0].state is None


def test_churn_scores_say_why_a_small_file_has_none(customer_file):
    _file(customer_file)
    assert service.churn_scores(customer_file, TODAY) == "too_few_customers"


def test_records_missing_essentials(customer_file):
    cid = store.insert_customer(customer_file, make_company(name="空壳公司", mobile=None, phone=None, owner=None, contacts=())).id
    (incomplete,) = _of(service.compute_alerts(customer_file, TODAY), cid, AlertKind.INCOMPLETE_RECORD)
    assert set(incomplete.alert.numbers["missing"].split(",")) >= {"phone", "owner", "contact_person"}


def test_cli_alerts_json(customer_file, capsys):
    over, _ = _file(customer_file)
    credit = _of(service.compute_alerts(customer_file, TODAY), over, AlertKind.OVER_CREDIT_LIMIT)[0].alert
    service.dismiss(customer_file, credit)
    path = customer_file.path
    customer_file.close()
    assert main(["alerts", str(path), "--today", "2026-11-23", "--json"]) == 0
    out = capsys.readouterr()
    rows = json.loads(out.out)
    assert "churn" in out.err or "流失" in out.err  # the model's absence is said, not hidden
    assert all({"kind", "code", "severity", "action"} <= set(r) for r in rows)
    assert not [r for r in rows if r["kind"] == "over_credit_limit"]  # dismissed
    assert main(["alerts", str(path), "--today", "2026-11-23", "--json", "--all"]) == 0
    (row,) = [r for r in json.loads(capsys.readouterr().out) if r["kind"] == "over_credit_limit"]
    assert (row["severity"], row["receivable"], row["over_by"], row["state"]) == (
        "critical", "1100.00", "100.00", "dismissed")


def test_a_file_too_small_for_the_model_still_gets_rfm_and_says_why(customer_file):
    from crmdesk.services.analysis import analyse
    from crmdesk.storage.scores import scores_of

    over, quiet = _file(customer_file)
    analysis = analyse(customer_file, TODAY)
    assert analysis.churn is None and analysis.churn_problem == "too_few_customers"
    scores = scores_of(customer_file, over)
    assert (scores.r, scores.f, scores.m) != (None, None, None) and scores.p_alive is None
    assert any(a.alert.kind is AlertKind.OVER_CREDIT_LIMIT for a in analysis.alerts)


def test_the_alert_list_is_most_severe_first_then_by_kind_and_code(tmp_path):
    from crmdesk.services.demo import write_demo_file

    path = write_demo_file(tmp_path / "demo.crmdesk", customers=120, seed=3, today=TODAY, orders=1200)
    with CustomerFile.open(path) as cf:
        store.insert_customer(cf, make_person(code="A00001"))  # the newest row, the first code: never verified
        rows = service.compute_alerts(cf, TODAY)
    stale = [r.code for r in rows if r.alert.kind is AlertKind.STALE_RECORD]
    assert stale[0] == "A00001" and len(stale) > 1
    assert len({r.alert.kind for r in rows}) >= 4 and len({r.alert.severity for r in rows}) == 3
    assert rows == sorted(rows, key=lambda r: (-r.alert.severity, r.alert.kind, r.code))
