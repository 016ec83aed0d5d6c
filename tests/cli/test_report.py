"""`crmdesk report FILE --today D --out DIR`: the monthly summary PDF and every chart as PNG."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from crmdesk.__main__ import main
from crmdesk.cli import main as cli_main
from crmdesk.domain.orders import Order, Period, PeriodKind
from crmdesk.storage import customers as customer_store
from crmdesk.storage import orders as order_store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.ui.charts.catalog import CHARTS
from crmdesk.ui.reports.report_files import chart_scope
from tests.factories import make_company

TODAY = date(2026, 11, 23)


@pytest.fixture
def shop(tmp_path):
    path = tmp_path / "shop.crmdesk"
    with CustomerFile.create(path) as cf:
        company = customer_store.insert_customer(cf, make_company(name="杭州顺达物流有限公司", owner="王强"))
        order_store.insert_ledger_rows(cf, [
            Order(customer_id=company.id, order_date=date(2026, 10, 8), product="整车运输", quantity=1,
                  amount=1_234_50, cost=1_000_00),
            Order(customer_id=company.id, order_date=date(2025, 10, 9), product="整车运输", quantity=1,
                  amount=1_000_00),
        ], [])
    return path


def test_report_writes_every_chart_and_the_summary(qapp, shop, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["report", str(shop), "--today", "2026-11-23", "--out", str(out), "--lang", "en"]) == 0
    written = capsys.readouterr().out.split()
    names = [spec.key + ".png" for spec in CHARTS] + ["monthly-summary-2026-10.pdf"]
    assert [p.split("/")[-1] for p in written] == names
    for spec in CHARTS:
        assert (out / f"{spec.key}.png").read_bytes()[:4] == b"\x89PNG"
    text = "".join(page.extract_text() for page in PdfReader(out / "monthly-summary-2026-10.pdf").pages)
    assert "2026-10" in text
    assert "1,234.50" in text  # October's sales
    assert "1,000.00" in text  # the same month a year earlier


def test_report_month_and_owner(qapp, shop, tmp_path, capsys):
    out = tmp_path / "nobody"
    assert main(["report", str(shop), "--today", "2026-11-23", "--out", str(out), "--month", "2026-11",
                 "--owner", "李四", "--lang", "en"]) == 0
    assert (out / "monthly-summary-2026-11.pdf").exists()
    text = "".join(page.extract_text() for page in PdfReader(out / "monthly-summary-2026-11.pdf").pages)
    assert "1,234.50" not in text  # not 李四's customer, and not November


def test_report_refuses_a_quarter_for_a_month(shop, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli_main(["report", str(shop), "--out", str(tmp_path), "--month", "2026-Q4"])
    assert exit_.value.code == 2
    assert "not a month" in capsys.readouterr().err


def test_without_the_window_libraries_the_verb_says_how_to_run_it(shop, tmp_path, capsys):
    assert cli_main(["report", str(shop), "--out", str(tmp_path)]) == 2
    assert "crmdesk report" in capsys.readouterr().err


def test_a_missing_file_is_one_line_and_exit_1(qapp, tmp_path, capsys):
    assert main(["report", str(tmp_path / "none.crmdesk"), "--out", str(tmp_path / "o"), "--lang", "en"]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_charts_cover_the_twelve_months_up_to_the_month():
    scope = chart_scope(Period(2026, PeriodKind.MONTH, 10), "王强")
    assert (scope.first, scope.last, scope.owner) == (date(2025, 11, 1), date(2026, 10, 31), "王强")
    december = chart_scope(Period(2026, PeriodKind.MONTH, 12))
    assert (december.first, december.last) == (date(2026, 1, 1), date(2026, 12, 31))
