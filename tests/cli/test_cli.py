"""The command line, as a user types it."""

from __future__ import annotations

import argparse
import hashlib
from decimal import Decimal
import json
import subprocess
import sys
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.storage import customers as store
from crmdesk.storage.customer_file import CustomerFile
from tests.factories import make_company, make_person


@pytest.fixture
def filled(tmp_path) -> Path:
    path = tmp_path / "shop.crmdesk"
    with CustomerFile.create(path) as cf:
        store.insert_customer(cf, make_person(name="张三", mobile="13800138000"))
        store.insert_customer(cf, make_person(name="王五", mobile="13912345678"))
        store.insert_customer(cf, make_company(name="北京顺达物流有限公司"))
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_creates_and_refuses_to_overwrite(tmp_path, capsys, english):
    path = tmp_path / "a.crmdesk"
    assert run(capsys, "new", str(path))[0] == 0
    assert run(capsys, "check", str(path))[:2] == (0, "ok\n")
    before = path.read_bytes()
    code, _, err = run(capsys, "new", str(path))
    assert code == 1 and "already exists" in err
    assert path.read_bytes() == before


def test_customers_search_by_pinyin_initials_as_json(filled, capsys):
    code, out, _ = run(capsys, "customers", str(filled), "--search", "zs", "--json")
    assert code == 0
    assert json.loads(out) == [
        {"code": "KH000001", "name": "张三", "type": "personal", "phone": "138****8000",
         "status": "active", "province": None, "city": "北京市", "owner": None}
    ]


def test_customers_reveal_shows_the_whole_phone(filled, capsys):
    _, out, _ = run(capsys, "customers", str(filled), "--search", "wangwu", "--json", "--reveal")
    assert json.loads(out)[0]["phone"] == "13912345678"


def test_company_listed_with_its_type(filled, capsys):
    _, out, _ = run(capsys, "customers", str(filled), "--search", "物流", "--json")
    rows = json.loads(out)
    assert [(r["name"], r["type"]) for r in rows] == [("北京顺达物流有限公司", "company")]


def test_plain_listing_and_empty_result(filled, capsys, english):
    code, out, _ = run(capsys, "customers", str(filled))
    assert code == 0 and len(out.splitlines()) == 3 and "张三" in out
    code, out, _ = run(capsys, "customers", str(filled), "--search", "nobody-here")
    assert (code, out) == (0, "no customers match\n")


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "empty"),
        (b"PK\x03\x04 not really a workbook", "not a crmdesk file"),
        (b"\x00" * 4096, "damaged"),
    ],
)
def test_bad_files_give_one_line_errors_and_stay_unchanged(tmp_path, capsys, english, content, words):
    path = tmp_path / "bad.crmdesk"
    path.write_bytes(content)
    for verb in ("check", "customers"):
        code, out, err = run(capsys, verb, str(path))
        message = (out + err).strip()
        assert code == 1 and words in message and "\n" not in message
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.crmdesk"]


def test_damaged_middle_is_reported_by_check(filled, capsys, english):
    with CustomerFile.open(filled) as cf:
        store.insert_customers(cf, (make_person(name=f"客户{i}", notes="x" * 400) for i in range(400)))
    data = bytearray(filled.read_bytes())
    mid = len(data) // 2
    data[mid:mid + 4096] = b"\xab" * 4096
    filled.write_bytes(bytes(data))
    digest = hashlib.sha256(filled.read_bytes()).hexdigest()
    code, out, _ = run(capsys, "check", str(filled))
    assert code == 1 and "damaged" in out
    assert hashlib.sha256(filled.read_bytes()).hexdigest() == digest


def test_missing_file_in_chinese(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    code, _, err = run(capsys, "customers", str(tmp_path / "nope.crmdesk"))
    assert code == 1 and "文件不存在" in err


def test_demo_is_reproducible(tmp_path, capsys):
    dumps = []
    for name in ("a.crmdesk", "b.crmdesk"):
        assert run(capsys, "demo", str(tmp_path / name), "--customers", "60", "--seed", "3",
                   "--today", "2026-11-23")[0] == 0
        _, out, _ = run(capsys, "customers", str(tmp_path / name), "--json", "--reveal")
        _, ledger, _ = run(capsys, "ledger", str(tmp_path / name), "--json", "--today", "2026-11-23")
        dumps.append((json.loads(out), json.loads(ledger)))
    assert dumps[0] == dumps[1]
    customers, ledger = dumps[0]
    assert len(customers) == 60 and {r["type"] for r in customers} == {"personal", "company"}
    assert len(ledger) > 30 and any(Decimal(r["receivable"]) > 0 for r in ledger)


def test_cli_never_imports_qt(filled):
    code = (
        "import sys; from crmdesk.__main__ import main; rc = main(['customers', sys.argv[1]]); "
        "assert 'PySide6' not in sys.modules and 'matplotlib' not in sys.modules, 'Qt imported'; "
        "sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(filled)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "张三" in result.stdout


def test_python_dash_m_runs_a_verb(tmp_path):
    path = tmp_path / "x.crmdesk"
    result = subprocess.run([sys.executable, "-m", "crmdesk", "new", str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and path.exists()


def test_ledger_json_equals_a_decimal_recomputation(tmp_path, capsys):
    import random
    from datetime import date, timedelta
    from decimal import Decimal

    from crmdesk.domain.orders import Order, Payment
    from crmdesk.storage import orders as order_store

    path = tmp_path / "ledger.crmdesk"
    rng = random.Random(3)
    today = date(2026, 11, 23)
    with CustomerFile.create(path) as cf:
        ids = [store.insert_customer(cf, make_company(name=f"公司{i}", credit_limit=rng.choice([None, 500_000])))
               .id for i in range(8)]
        orders = [Order(customer_id=rng.choice(ids), order_date=today - timedelta(days=rng.randrange(200)),
                        product="运输", quantity=1, amount=rng.randrange(1, 300_000)) for _ in range(300)]
        payments = [Payment(customer_id=rng.choice(ids), paid_date=today, amount=rng.randrange(1, 300_000))
                    for _ in range(80)]
        order_store.insert_ledger_rows(cf, orders, payments)
        codes = {cid: store.get_customer(cf, cid).code for cid in ids}
        limits = {cid: store.get_customer(cf, cid).credit_limit for cid in ids}
    code, out, _ = run(capsys, "ledger", str(path), "--today", "2026-11-23", "--json")
    assert code == 0
    rows = {r["code"]: r for r in json.loads(out)}
    for cid in ids:
        billed = sum(Decimal(o.amount) / 100 for o in orders if o.customer_id == cid)
        paid = sum(Decimal(p.amount) / 100 for p in payments if p.customer_id == cid)
        row = rows[codes[cid]]
        assert Decimal(row["billed"]) == billed and Decimal(row["paid"]) == paid
        assert Decimal(row["receivable"]) == billed - paid
        assert row["receivable"].count(".") == 1 and len(row["receivable"].split(".")[1]) == 2
        limit = limits[cid]
        if limit is None:
            assert row["credit_limit"] is None
        else:
            assert row["credit_limit"].endswith(".00") and Decimal(row["credit_limit"]) == Decimal(limit) / 100
        assert row["over_limit"] == (limit is not None and (billed - paid) * 100 > limit)


def test_ledger_prints_one_line_per_customer_without_json(tmp_path, capsys):
    from datetime import date

    from crmdesk.domain.orders import Order, Payment
    from crmdesk.storage import orders as order_store

    path = tmp_path / "ledger.crmdesk"
    with CustomerFile.create(path) as cf:
        cid = store.insert_customer(cf, make_company(name="公司甲", credit_limit=100_000)).id
        order_store.insert_ledger_rows(
            cf,
            [Order(customer_id=cid, order_date=date(2026, 11, 1), product="运输", quantity=1, amount=123_456)],
            [Payment(customer_id=cid, paid_date=date(2026, 11, 2), amount=3_456)],
        )
    code, out, _ = run(capsys, "ledger", str(path), "--today", "2026-11-23")
    assert code == 0
    assert out.splitlines() == ["KH000001\t公司甲\t1,234.56\t34.56\t1,200.00 !"]


def test_every_verb_of_the_parser_runs_the_command_line_not_the_window():
    from crmdesk.cli import VERBS, _parser

    subparsers = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(subparsers.choices) == set(VERBS)
