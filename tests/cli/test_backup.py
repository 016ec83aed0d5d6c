"""`crmdesk backup`, `backups`, `restore` and `check --full`, as a user types them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.services.backups import automatic_folder
from crmdesk.storage import customers as store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.file_lock import FileLock
from tests.factories import make_person


@pytest.fixture
def shop(tmp_path) -> Path:
    path = tmp_path / "shop.crmdesk"
    with CustomerFile.create(path) as cf:
        store.insert_customer(cf, make_person(name="张三"))
        store.insert_customer(cf, make_person(name="李四"))
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _names(path: Path) -> list[str]:
    with CustomerFile.open(path, read_only=True) as cf:
        return [r[0] for r in cf.execute("SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY id")]


def test_backup_into_the_automatic_folder_then_list_it(shop, capsys, english):
    code, out, _ = run(capsys, "backup", str(shop))

    [made] = list(automatic_folder(shop).iterdir())
    assert code == 0 and out.startswith(f"backed up to {made} (")
    code, out, _ = run(capsys, "backups", str(shop), "--json")
    [listed] = json.loads(out)
    assert listed["path"] == str(made) and listed["customers"] == 2 and listed["problem"] is None
    assert listed["before_migration"] is False and listed["size"] == made.stat().st_size


def test_backup_to_a_chosen_folder_and_restore_it(shop, tmp_path, capsys, chinese):
    stick = tmp_path / "U盘"
    code, out, _ = run(capsys, "backup", str(shop), "--to", str(stick))
    [backup] = list(stick.iterdir())
    assert code == 0 and "已备份到" in out
    with CustomerFile.open(shop) as cf:
        store.insert_customer(cf, make_person(name="王五"))

    code, out, _ = run(capsys, "restore", str(backup), str(shop))

    assert code == 0 and "已用" in out and "before-restore" in out
    assert _names(shop) == ["张三", "李四"]
    [aside] = list(tmp_path.glob("shop.before-restore.*.crmdesk"))
    assert _names(aside) == ["张三", "李四", "王五"]


def test_restore_refuses_a_file_open_in_crmdesk(shop, tmp_path, capsys, english):
    run(capsys, "backup", str(shop), "--to", str(tmp_path / "b"))
    [backup] = list((tmp_path / "b").iterdir())
    before = shop.read_bytes()

    with FileLock(shop):
        code, _, err = run(capsys, "restore", str(backup), str(shop))

    assert code == 1 and "is open in crmdesk" in err and "Nothing was changed" in err
    assert shop.read_bytes() == before


def test_restore_refuses_a_damaged_backup(shop, tmp_path, capsys, english):
    bad = tmp_path / "shop.20261123-100000.crmdesk"
    bad.write_bytes(shop.read_bytes()[:3000])
    before = shop.read_bytes()

    code, _, err = run(capsys, "restore", str(bad), str(shop))

    assert code == 1 and "damaged" in err
    assert shop.read_bytes() == before


def test_backups_when_there_are_none(shop, capsys, english):
    assert run(capsys, "backups", str(shop))[:2] == (0, "no backups yet\n")


def test_check_full_reports_customers_and_broken_references(shop, capsys, english):
    code, out, _ = run(capsys, "check", str(shop), "--full")
    assert code == 0 and out.startswith("ok\n2 customers; last change 20")

    conn = sqlite3.connect(shop)  # a link to a customer that is not there, written behind crmdesk's back
    conn.execute("INSERT INTO customer_tags (customer_id, tag) VALUES (999, 'x')")
    conn.commit()
    conn.close()

    assert run(capsys, "check", str(shop))[:2] == (0, "ok\n")  # quick_check does not look at references
    code, out, _ = run(capsys, "check", str(shop), "--full")
    assert code == 1 and "customer_tags row" in out and "damaged" in out
