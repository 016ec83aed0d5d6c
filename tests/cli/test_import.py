"""crmdesk import / imports, as a user types them."""

from __future__ import annotations

import json

import pytest

from crmdesk.cli import main
from crmdesk.storage import customers as store
from crmdesk.storage.customer_file import CustomerFile
from tests import ledger_files


@pytest.fixture
def empty(tmp_path):
    path = tmp_path / "shop.crmdesk"
    CustomerFile.create(path).close()
    return path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_report_names_every_error_row_column_code_and_message(capsys, tmp_path, empty, chinese):
    src = ledger_files.troubled_xlsx(tmp_path / "troubled.xlsx")
    code, out, _ = run(capsys, "import", empty, src, "--json", "--today", "2026-11-23")
    assert code == 0  # errors in rows are a report, not a failure to run
    report = json.loads(out)
    assert {k: report[k] for k in ("rows", "created", "updated", "skipped")} == {
        "rows": 9, "created": 1, "updated": 0, "skipped": 1}
    found = {}
    for e in report["errors"]:
        found.setdefault(e["row"], []).append((e["column"], e["code"]))
    assert found == ledger_files.TROUBLED_ERRORS
    messages = {e["row"]: e["message"] for e in report["errors"]}
    assert messages[6] == "不是有效的 18 位身份证号（校验位或日期有误）"
    assert messages[9].startswith("表格把它存成了数字")
    with CustomerFile.open(empty) as cf:
        assert [r.name for r in store.matching_rows(cf)] == ["张三"]


def test_dry_run_writes_nothing_and_a_second_import_creates_nothing(capsys, tmp_path, empty, english):
    src = ledger_files.csv_file(tmp_path / "l.csv", "gbk")
    code, out, _ = run(capsys, "import", empty, src, "--dry-run")
    assert code == 0
    assert "3 rows: 3 created, 0 updated, 0 skipped, 0 with errors" in out
    assert "dry run" in out
    with CustomerFile.open(empty) as cf:
        assert store.customer_count(cf) == 0
    run(capsys, "import", empty, src)
    code, out, _ = run(capsys, "import", empty, src, "--json")
    assert json.loads(out)["created"] == 0
    with CustomerFile.open(empty) as cf:
        assert store.customer_count(cf) == 3


def test_history_and_revert(capsys, tmp_path, empty, english):
    run(capsys, "import", empty, ledger_files.good_xlsx(tmp_path / "l.xlsx"))
    code, out, _ = run(capsys, "imports", empty, "--json")
    (entry,) = json.loads(out)
    assert (entry["source"], entry["create"], entry["reverted"]) == ("l.xlsx", 3, False)
    code, out, _ = run(capsys, "imports", empty, "--revert", entry["id"])
    assert code == 0 and "3 customers to the recycle bin" in out
    with CustomerFile.open(empty) as cf:
        assert store.customer_count(cf) == 0


def test_it_fails_only_when_it_cannot_run(capsys, tmp_path, empty, english):
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    code, _, err = run(capsys, "import", empty, old)
    assert code == 1 and "save it as .xlsx or .csv" in err
    nameless = ledger_files.csv_file(tmp_path / "x.csv", "utf-8", header=["手机", "地址"], rows=[["13800138000", "x"]])
    code, _, err = run(capsys, "import", empty, nameless, "--kind", "customers")
    assert code == 1 and "no column for Name" in err
