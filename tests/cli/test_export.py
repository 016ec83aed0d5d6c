"""crmdesk export FILE OUT, as a user types it."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from crmdesk.cli import main
from crmdesk.domain.orders import Order, Payment
from crmdesk.storage import customers as store
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import CustomerFile
from tests.factories import make_company, make_person


@pytest.fixture
def filled(tmp_path) -> Path:
    path = tmp_path / "shop.crmdesk"
    with CustomerFile.create(path) as cf:
        zhang = store.insert_customer(cf, make_person(name="张三", mobile="13800138000",
                                                      id_number="11010519491231002X"))
        store.insert_customer(cf, make_person(name="王五", mobile="13912345678"))
        company = store.insert_customer(cf, make_company(name="北京顺达物流有限公司"))
        order_store.insert_order(cf, Order(company.id, date(2026, 11, 1), "零担运输", 1, 120_000, waybill="SF1"))
        order_store.insert_order(cf, Order(zhang.id, date(2026, 11, 2), "茶叶", 2, 39_900))
        order_store.insert_payment(cf, Payment(company.id, date(2026, 11, 5), 20_000))
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))


def test_customers_to_xlsx_masked_by_default(filled, tmp_path, capsys, english):
    out = tmp_path / "customers.xlsx"
    code, printed, _ = run(capsys, "export", str(filled), str(out), "--lang", "zh_CN")
    assert (code, printed) == (0, f"3 rows written to {out}\n")
    book = openpyxl.load_workbook(out, read_only=True)
    rows = list(book.worksheets[0].values)
    book.close()
    header = rows[0]
    assert book.sheetnames == ["客户"] and header[:3] == ("客户类型", "客户编号", "客户状态")
    zhang = dict(zip(header, rows[1]))
    assert (zhang["客户名称"], zhang["手机"], zhang["身份证号"]) == ("张三", "138****8000", "110105********002X")


def test_reveal_search_and_english_headers_in_csv(filled, tmp_path, capsys, english):
    out = tmp_path / "zs.csv"
    code, printed, _ = run(capsys, "export", str(filled), str(out), "--search", "zs", "--reveal", "--lang", "en")
    assert (code, printed) == (0, f"1 rows written to {out}\n")
    header, zhang = _csv(out)
    row = dict(zip(header, zhang))
    assert (row["Customer type"], row["Name"], row["Mobile"], row["ID number"]) == (
        "Personal", "张三", "13800138000", "11010519491231002X")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_an_export_imports_into_a_new_file_as_the_same_customers(filled, tmp_path, capsys, english):
    out = tmp_path / "all.xlsx"
    assert run(capsys, "export", str(filled), str(out), "--reveal")[0] == 0
    new = tmp_path / "new.crmdesk"
    assert run(capsys, "new", str(new))[0] == 0
    code, printed, _ = run(capsys, "import", str(new), str(out), "--today", "2026-11-23")
    assert code == 0 and printed.startswith("3 rows: 3 created, 0 updated, 0 skipped, 0 with errors")
    code, printed, _ = run(capsys, "customers", str(new), "--json", "--reveal")
    assert '"13800138000"' in printed and '"KH000003"' in printed


def test_the_ledger_is_three_sheets_and_a_csv_one_table(filled, tmp_path, capsys, english):
    book = tmp_path / "ledger.xlsx"
    code, printed, _ = run(capsys, "export", str(filled), str(book), "--kind", "ledger", "--today", "2026-11-23",
                           "--lang", "en")
    assert (code, printed) == (0, f"5 rows written to {book}\n")  # 2 orders, 1 payment, 2 customers owing
    assert openpyxl.load_workbook(book, read_only=True).sheetnames == ["Orders", "Payments", "Receivables"]

    wrong = tmp_path / "ledger.csv"
    code, _, err = run(capsys, "export", str(filled), str(wrong), "--kind", "ledger")
    assert code == 2 and "a CSV file holds one table" in err and not wrong.exists()

    orders = tmp_path / "orders.csv"
    assert run(capsys, "export", str(filled), str(orders), "--kind", "orders", "--lang", "zh_CN")[:2] == (
        0, f"2 rows written to {orders}\n")
    rows = _csv(orders)
    assert rows[0][:6] == ["客户编号", "客户名称", "订单日期", "产品/服务", "数量", "金额"]
    assert rows[1][:6] == ["KH000003", "北京顺达物流有限公司", "2026-11-01", "零担运输", "1", "1200.00"]
    receivables = tmp_path / "receivables.csv"
    assert run(capsys, "export", str(filled), str(receivables), "--kind", "receivables", "--lang", "en",
               "--today", "2026-11-23")[0] == 0
    assert _csv(receivables)[1][:5] == ["KH000001", "张三", "399.00", "0.00", "399.00"]


def test_follow_ups_vcards_and_templates(filled, tmp_path, capsys, chinese):
    follow_ups = tmp_path / "follow-ups.xlsx"
    code, printed, _ = run(capsys, "export", str(filled), str(follow_ups), "--kind", "follow-ups")
    assert (code, printed) == (0, f"已将 0 行写入 {follow_ups}\n")
    cards = tmp_path / "contacts.vcf"
    code, printed, _ = run(capsys, "export", str(filled), str(cards))
    assert (code, printed) == (0, f"已将 3 张名片（vCard）写入 {cards}\n")
    assert "TEL;TYPE=CELL:138 0013 8000" in cards.read_text("utf-8")
    template = tmp_path / "回款模板.xlsx"
    code, printed, _ = run(capsys, "export", str(tmp_path / "not-read.crmdesk"), str(template), "--kind",
                           "template", "--template-for", "payments")
    assert (code, printed) == (0, f"已将导入模板写入 {template}\n")
    header = next(openpyxl.load_workbook(template, read_only=True).worksheets[0].values)
    assert header == ("客户编号", "客户名称", "回款日期*", "金额*", "付款方式", "备注")


def test_an_existing_out_is_replaced(filled, tmp_path, capsys, english):
    out = tmp_path / "customers.csv"
    out.write_text("old")
    assert run(capsys, "export", str(filled), str(out))[0] == 0
    assert len(_csv(out)) == 4


def test_what_cannot_be_written_is_said_and_nothing_is_left(filled, tmp_path, capsys, english):
    code, _, err = run(capsys, "export", str(filled), str(tmp_path / "customers.xls"))
    assert code == 2 and "cannot write .xls files here; use .xlsx, .csv" in err
    code, _, err = run(capsys, "export", str(filled), str(tmp_path / "contacts.csv"), "--kind", "vcard")
    assert code == 2 and "use .vcf" in err
    code, _, err = run(capsys, "export", str(filled), str(tmp_path / "no" / "such" / "folder.xlsx"))
    assert code == 1 and "cannot be written" in err and "nothing was written" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.crmdesk"]
    code, _, err = run(capsys, "export", str(tmp_path / "missing.crmdesk"), str(tmp_path / "x.xlsx"))
    assert code == 1 and "no such file" in err
