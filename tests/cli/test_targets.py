"""`crmdesk targets`: set targets per owner and read target, actual and gap (run through the module:
the verb is registered in crmdesk.cli by the window's owner of that list)."""

from __future__ import annotations

import argparse
import json
from datetime import date

from crmdesk.cli import targets as verb
from crmdesk.domain.orders import Order
from crmdesk.storage import customers as customer_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import CustomerFile
from tests.factories import make_company, make_person


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    verb.add_parser(parser.add_subparsers(dest="verb", required=True))
    return verb.run(parser.parse_args(["targets", *argv]))


def _file(tmp_path):
    path = tmp_path / "sales.crmdesk"
    with CustomerFile.create(path) as cf:
        wang = customer_store.insert_customer(cf, make_company(owner="王强"))
        li = customer_store.insert_customer(cf, make_person(owner="李娜"))
        order_store.insert_order(cf, Order(wang.id, date(2026, 11, 5), "整车", 1, 1_040_00))
        order_store.insert_order(cf, Order(li.id, date(2026, 10, 5), "快递", 1, 80_00))
    return path


def test_set_then_read_a_months_targets_as_json(tmp_path, capsys, english):
    path = _file(tmp_path)
    assert _run([str(path), "--today", "2026-11-23", "--set", "王强=2,000", "--set", "李娜=500", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["period"] == "2026-11"
    assert [(t["owner"], t["target"], t["actual"], t["gap"], t["percent"]) for t in got["targets"]] == [
        ("李娜", "500.00", "0.00", "500.00", 0), ("王强", "2000.00", "1040.00", "960.00", 52)]


def test_a_quarter_as_a_table_and_a_bad_amount_stores_nothing(tmp_path, capsys, english):
    path = _file(tmp_path)
    assert _run([str(path), "--period", "2026-Q4", "--set", "李娜=12,34", "--set", "王强=1"]) == 2
    assert "not stored" in capsys.readouterr().err
    assert _run([str(path), "--period", "2026-Q4", "--today", "2026-11-23"]) == 0
    assert capsys.readouterr().out == "no targets for 2026-Q4\n"
    assert _run([str(path), "--period", "2026-q4", "--set", "李娜=50", "--today", "2026-11-23"]) == 0
    assert capsys.readouterr().out.splitlines() == ["Owner\tTarget\tActual\tGap\tProgress",
                                                    "李娜\t50.00\t80.00\t-30.00\t160%"]


def test_chinese_headings(tmp_path, capsys, chinese):
    path = _file(tmp_path)
    _run([str(path), "--today", "2026-11-23", "--set", "王强=2000", "--owner", "王强"])
    assert capsys.readouterr().out.splitlines()[0] == "负责人\t指标\t完成\t差额\t完成率"
