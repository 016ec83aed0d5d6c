"""Tiers and RFM over a real file: the window's edges and the CLI's keys."""

from __future__ import annotations

import json
from datetime import date

from crmdesk.cli import main
from crmdesk.domain.orders import Order
from crmdesk.domain.tiers import Tier
from crmdesk.services.tiering import compute_tiers
from crmdesk.storage import customers as store
from crmdesk.storage import orders as order_store
from tests.factories import make_person

TODAY = date(2026, 11, 23)


def _order(cid, day, amount):
    return Order(customer_id=cid, order_date=day, product="快递", quantity=1, amount=amount)


def _file(cf):
    ids = [store.insert_customer(cf, make_person(name=f"客户{i}", mobile=None)).id for i in range(5)]
    order_store.insert_ledger_rows(cf, [
        _order(ids[0], date(2025, 11, 24), 50_000),  # first day of the window: counts
        _order(ids[0], date(2025, 11, 24), 10_000),  # same day: one purchase day
        _order(ids[1], date(2025, 11, 23), 900_000),  # the day before the window: does not count
        _order(ids[1], date(2026, 11, 1), 20_000),
        _order(ids[2], date(2026, 11, 23), 20_000),  # ties with ids[1]
        _order(ids[3], date(2026, 12, 1), 99_999),  # after today: does not count
    ], [])
    return ids


def test_tiers_follow_the_window(customer_file):
    ids = _file(customer_file)
    rows = {r.customer_id: r for r in compute_tiers(customer_file, TODAY)}
    assert rows[ids[0]].tier.total == 60_000 and rows[ids[0]].tier.rank == 1
    assert rows[ids[0]].tier.tier is Tier.A and rows[ids[0]].rfm.f == 1
    assert (rows[ids[1]].tier.total, rows[ids[1]].tier.rank) == (20_000, 2)
    assert rows[ids[2]].tier.rank == 2  # a tie shares the better rank
    assert rows[ids[3]].tier.rank is None and rows[ids[3]].rfm is None
    assert rows[ids[4]].tier.tier is Tier.D and rows[ids[0]].tier.n == 3


def test_cli_tiers_json_keys(customer_file, capsys):
    _file(customer_file)
    path = customer_file.path
    customer_file.close()
    assert main(["tiers", str(path), "--today", "2026-11-23", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert set(rows[0]) >= {"code", "tier", "total", "rank", "r", "f", "m", "segment"}
    first = next(r for r in rows if r["rank"] == 1)
    assert (first["tier"], first["total"]) == ("A", "600.00")


def test_recompute_stores_tiers_and_keeps_only_changes_in_the_history(customer_file):
    from datetime import timedelta

    from crmdesk.services.tiering import recompute_tiers
    from crmdesk.storage.customers import CustomerQuery, SortKey, customer_ids, list_rows
    from crmdesk.storage.tiers import tier_history

    ids = _file(customer_file)
    assert recompute_tiers(customer_file, TODAY) == 5  # everyone's first tier
    assert recompute_tiers(customer_file, TODAY) == 0  # nothing changed
    rows = list_rows(customer_file, ids)
    assert rows[ids[0]].tier is Tier.A and rows[ids[4]].tier is Tier.D
    assert customer_ids(customer_file, CustomerQuery(tier=Tier.A)) == [ids[0]]
    assert customer_ids(customer_file, CustomerQuery(sort=SortKey.TIER))[0] == ids[0]
    # A year later the window is empty: everyone who bought drops to D, and that is history.
    later = TODAY + timedelta(days=400)
    assert recompute_tiers(customer_file, later) == 1
    history = tier_history(customer_file, ids[0])
    assert [(h.since, h.tier, h.previous) for h in history] == [
        (TODAY, Tier.A, None), (later, Tier.D, Tier.A)]


def test_the_files_rules_decide_by_default(customer_file):
    from crmdesk.domain.tiers import TierRules
    from crmdesk.services.tiering import recompute_tiers
    from crmdesk.storage import file_settings
    from crmdesk.storage.tiers import current_tier

    ids = _file(customer_file)
    assert file_settings.set_tier_rules(customer_file, TierRules(window_months=1, a_percent=50, b_percent=50,
                                                                 c_percent=50)) == []
    rows = {r.customer_id: r.tier for r in compute_tiers(customer_file, TODAY)}
    # One month back: only ids[1] (11-01) and ids[2] (11-23) bought, tied; ⌈50 % × 2⌉ = 1 is A.
    assert rows[ids[0]].rank is None and rows[ids[0]].tier is Tier.D
    assert [(rows[i].tier, rows[i].rank, rows[i].n) for i in ids[1:3]] == [(Tier.A, 1, 2)] * 2
    # An explicit rule still wins over the file's.
    assert {r.customer_id: r.tier.tier for r in compute_tiers(customer_file, TODAY, TierRules())}[ids[0]] is Tier.A
    recompute_tiers(customer_file, TODAY)
    assert current_tier(customer_file, ids[0]).result.tier is Tier.D


def test_cli_tiers_uses_the_files_rules_and_prints_lines(customer_file, capsys):
    from crmdesk.domain.tiers import TierRules
    from crmdesk.storage import file_settings

    _file(customer_file)
    path = customer_file.path
    assert main(["tiers", str(path), "--today", "2026-11-23"]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    first = next(line for line in lines if line[2] == "A")
    assert first[3:5] == ["600.00", "1/3"]
    file_settings.set_tier_rules(customer_file, TierRules(window_months=1, a_percent=1, b_percent=5, c_percent=20))
    customer_file.close()
    assert main(["tiers", str(path), "--today", "2026-11-23", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(r["tier"], r["total"], r["rank"]) for r in rows if r["rank"]} == {("A", "200.00", 1)}
