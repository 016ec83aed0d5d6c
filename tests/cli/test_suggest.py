"""`crmdesk suggest FILE --product P | --customer CODE [--limit N] [--json]`, as a user types it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from crmdesk.cli import VERBS, main
from crmdesk.domain.customer import LifecycleStatus
from crmdesk.domain.orders import Order
from crmdesk.storage import customers as customer_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import CustomerFile
from tests.factories import make_company

COLD, TRUCK, TEA = "冷链仓储", "整车运输", "茶叶"


@pytest.fixture
def path(tmp_path) -> Path:
    """Buyers of 冷链仓储: KH000001-3; KH000004 resembles them most, KH000005 a little; KH000006 is lost;
    KH000007 has nothing in common with them (and makes 物流 and 上海市 less common in the file than among
    the buyers: 4 of 7 against 2 of 3)."""
    path = tmp_path / "shop.crmdesk"
    with CustomerFile.create(path) as cf:
        for n, (industry, province, products, kw) in enumerate([
            ("物流", "上海市", (COLD, TRUCK), {}),
            ("物流", "上海市", (COLD, TRUCK), {}),
            ("食品", "浙江省", (COLD,), {}),
            ("物流", "上海市", (TRUCK,), {"owner": "王经理"}),
            ("教育", "浙江省", (TEA,), {}),
            ("物流", "上海市", (), {"status": LifecycleStatus.LOST}),
            ("教育", "北京市", (), {}),
        ], 1):
            c = customer_store.insert_customer(cf, make_company(
                name=f"测试{n}号公司", credit_code=None, industry=industry, province=province, contacts=(), **kw))
            for product in products:
                order_store.insert_order(cf, Order(c.id, date(2026, 10, n), product, 1, 10_000))
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_suggest_is_a_verb():
    assert "suggest" in VERBS


def test_customers_for_a_product_as_a_table(path, capsys, english):
    code, out, err = run(capsys, "suggest", str(path), "--product", COLD)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{COLD}: 3 buyers; 2 of 3 other customers resemble them",
        "1\tKH000004\t测试4号公司\t0.0500\tsame industry (物流) as 2 of 3 buyers; same region (上海市) as 2 of 3 "
        f"buyers; bought {TRUCK}: 2 of its 3 buyers also bought {COLD}",
        "2\tKH000005\t测试5号公司\t0.0036\tsame region (浙江省) as 1 of 3 buyers",
    ]


def test_customers_for_a_product_in_chinese_and_limited(path, capsys, chinese):
    code, out, _ = run(capsys, "suggest", str(path), "--product", COLD, "--limit", "1")
    assert code == 0
    assert out.splitlines()[0] == f"{COLD}：3 位客户买过；其余 3 位客户中 2 位与他们相似"
    assert len(out.splitlines()) == 2 and out.splitlines()[1].startswith("1\tKH000004\t")
    assert "同行业（物流）：2/3 位买过的客户" in out


def test_json_for_a_product(path, capsys, english):
    code, out, _ = run(capsys, "suggest", str(path), "--product", COLD, "--json")
    assert code == 0
    data = json.loads(out)
    assert {k: data[k] for k in ("product", "buyers", "candidates", "matched", "customers")} == {
        "product": COLD, "buyers": 3, "candidates": 3, "matched": 2, "customers": 7}
    first = data["suggestions"][0]
    assert (first["code"], first["name"], first["owner"], first["score"]) == ("KH000004", "测试4号公司", "王经理",
                                                                              0.05)
    # points = W * (count * customers - of * base) / (customers * (of + 5)) / 100:
    # 20 * (2 * 7 - 3 * 4) / (7 * 8) / 100 = 0.00714285..., 40 * (2 * 7 - 3 * 3) / (7 * 8) / 100 = 0.0357142...
    assert first["reasons"] == [
        {"kind": "industry", "value": "物流", "count": 2, "of": 3, "points": 0.007143, "base": 4},
        {"kind": "region", "value": "上海市", "count": 2, "of": 3, "points": 0.007143, "base": 4},
        {"kind": "co_purchase", "value": TRUCK, "count": 2, "of": 3, "points": 0.035714, "base": 3},
    ]
    named = {s["code"] for s in data["suggestions"]}
    assert not named & {"KH000001", "KH000002", "KH000003"}  # never a buyer
    assert "KH000006" not in named  # never a lost customer


def test_products_for_a_customer(path, capsys, english):
    code, out, _ = run(capsys, "suggest", str(path), "--customer", "KH000004", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["customer"], data["name"], data["customers"]) == ("KH000004", "测试4号公司", 7)
    assert [(p["product"], p["buyers"], p["score"]) for p in data["products"]] == [(COLD, 3, 0.05)]
    assert data["products"][0]["reasons"][-1]["kind"] == "co_purchase"

    code, out, _ = run(capsys, "suggest", str(path), "--customer", "KH000004")
    assert out.splitlines()[0] == "KH000004 测试4号公司: products people like them buy"
    assert out.splitlines()[1].startswith(f"1\t{COLD}\t3\t0.0500\tsame industry (物流)")


def test_a_product_nobody_bought_names_the_near_ones(path, capsys, english):
    code, out, err = run(capsys, "suggest", str(path), "--product", "冷链")
    assert (code, out) == (1, "")
    assert err.splitlines() == [f'{path}: no orders of "冷链"', f"products like it: {COLD}"]
    code, _, err = run(capsys, "suggest", str(path), "--product", "咖啡")
    assert code == 1 and err.splitlines()[1] == f"products with the most buyers: {COLD} (3), {TRUCK} (3), {TEA} (1)"


def test_an_unknown_customer_code(path, capsys, english):
    code, out, err = run(capsys, "suggest", str(path), "--customer", "KH999999")
    assert (code, out, err) == (1, "", f"{path}: no customer with code KH999999\n")


@pytest.mark.parametrize("argv", [
    ["--product", COLD, "--customer", "KH000001"],
    [],
    ["--product", COLD, "--limit", "-1"],
])
def test_wrong_usage(path, capsys, argv):
    with pytest.raises(SystemExit) as caught:
        main(["suggest", str(path), *argv])
    assert caught.value.code == 2
