"""Every released schema upgrades from a committed file of that version (reliability.md #5)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from crmdesk.storage import customers as store
from crmdesk.storage.customer_file import CustomerFile, inspect_file
from crmdesk.storage.schema import MIGRATION_NAMES

DATA = Path(__file__).resolve().parents[1] / "data"
FIXTURES = sorted(DATA.glob("schema_*.crmdesk"))


def _schema(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ))
    finally:
        conn.close()


def _contents(path: Path) -> dict:
    conn = sqlite3.connect(path)
    try:
        return {
            "customers": conn.execute("SELECT count(*), sum(credit_limit), sum(registered_capital), "
                                      "group_concat(name, '|') FROM (SELECT * FROM customers ORDER BY id)").fetchone(),
            "contacts": conn.execute("SELECT count(*), group_concat(name, '|') FROM "
                                     "(SELECT name FROM contact_persons ORDER BY id)").fetchone(),
            "tags": conn.execute("SELECT count(*) FROM customer_tags").fetchone(),
            "log": conn.execute("SELECT count(*) FROM change_log").fetchone(),
            "deleted": conn.execute("SELECT count(*) FROM customers WHERE deleted_at IS NOT NULL").fetchone(),
            # In id order: a new index may change the order a plain scan returns rows in.
            "dates": conn.execute("SELECT group_concat(birthday, '|') FROM (SELECT birthday FROM customers "
                                  "ORDER BY id)").fetchone(),
        }
    finally:
        conn.close()


def test_there_is_a_fixture_for_every_schema_but_the_newest():
    versions = {p.stem.removeprefix("schema_") for p in FIXTURES}
    assert versions == set(MIGRATION_NAMES[:-1])


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_old_file_upgrades_keeping_every_row(fixture, tmp_path):
    path = tmp_path / "old.crmdesk"
    shutil.copy(fixture, path)
    before = _contents(path)
    assert inspect_file(path).pending  # really an older file
    with CustomerFile.open(path) as cf:
        assert store.customer_count(cf) > 0
    assert _contents(path) == before
    fresh = tmp_path / "fresh.crmdesk"
    CustomerFile.create(fresh).close()
    assert _schema(path) == _schema(fresh)
    backups = list(tmp_path.glob("old.pre-*.crmdesk"))
    assert len(backups) == 1 and _contents(backups[0]) == before
    assert inspect_file(path).pending == ()
