"""Opening, creating, migrating and guarding customer files (reliability.md #3–#5)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from crmdesk.storage import customer_file as cf_module
from crmdesk.storage import customers as store
from crmdesk.storage import migrations as migrations_module
from crmdesk.storage import schema
from crmdesk.storage.customer_file import (
    APPLICATION_ID,
    CustomerFile,
    FileProblem,
    FileProblemError,
    WriteError,
    WriteProblem,
    inspect_file,
)
from tests.factories import make_company, make_person


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _filled_file(path: Path, n: int = 300) -> Path:
    with CustomerFile.create(path) as cf:
        store.insert_customers(cf, (make_person(name=f"客户{i}", notes="备注" * 50) for i in range(n)))
    return path


def test_new_file_is_stamped_wal_full_and_owner_only(tmp_path):
    path = tmp_path / "a.crmdesk"
    with CustomerFile.create(path) as cf:
        assert cf.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert cf.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cf.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        strict = {r[0]: r[1] for r in cf.db.execute("SELECT name, strict FROM pragma_table_list")}
        assert strict["customers"] == 1 and strict["contact_persons"] == 1 and strict["change_log"] == 1
    assert path.stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob("*.creating*"))


def test_create_refuses_to_overwrite(tmp_path):
    path = tmp_path / "a.crmdesk"
    path.write_bytes(b"precious")
    with pytest.raises(FileProblemError) as e:
        CustomerFile.create(path)
    assert e.value.problem is FileProblem.EXISTS
    assert path.read_bytes() == b"precious"


# -- damaged, foreign and odd files: refused, never modified ---------------------------


def _truncate(path: Path, size: int) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:size])


def _garbage_mid_file(path: Path) -> None:
    data = bytearray(path.read_bytes())
    mid = len(data) // 2
    data[mid:mid + 4096] = bytes((i * 37 + 11) % 256 for i in range(4096))
    path.write_bytes(bytes(data))


def _zero_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)
    path.write_bytes(bytes(data))


def _xlsx(path: Path) -> None:
    path.unlink()
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")


def _foreign_sqlite(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x TEXT)")
    conn.commit()
    conn.close()


DAMAGES = {
    "zero_bytes": (lambda p: _truncate(p, 0), FileProblem.EMPTY),
    "truncated_to_100_bytes": (lambda p: _truncate(p, 100), FileProblem.CORRUPT),
    "truncated_to_half": (lambda p: _truncate(p, p.stat().st_size // 2), FileProblem.CORRUPT),
    "zeroed_header": (_zero_header, FileProblem.CORRUPT),
    "garbage_mid_file": (_garbage_mid_file, FileProblem.CORRUPT),
    "xlsx_renamed": (_xlsx, FileProblem.NOT_SQLITE),
    "foreign_sqlite": (_foreign_sqlite, FileProblem.NOT_CRMDESK),
}


@pytest.fixture(params=sorted(DAMAGES))
def damaged(request, tmp_path) -> tuple[Path, FileProblem]:
    path = _filled_file(tmp_path / "damaged.crmdesk")
    damage, expected = DAMAGES[request.param]
    damage(path)
    return path, expected


def test_damaged_file_is_refused_with_its_reason_and_left_untouched(damaged):
    path, expected = damaged
    before = _snapshot(path.parent)
    for attempt in (inspect_file, CustomerFile.open, lambda p: CustomerFile.open(p, read_only=True)):
        with pytest.raises(FileProblemError) as e:
            attempt(path)
        assert e.value.problem is expected
    assert _snapshot(path.parent) == before  # byte for byte, and no -wal/-shm left behind


def test_hot_wal_left_by_a_crash_is_recovered_not_refused(tmp_path):
    live = tmp_path / "live.crmdesk"
    cf = CustomerFile.create(live)
    cf.db.execute("PRAGMA wal_autocheckpoint = 0")
    store.insert_customers(cf, [make_person(name="王五"), make_person(name="赵六")])
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    # Copy the file and its -wal while the writer still has them open: as after a crash.
    shutil.copy(live, crashed / "c.crmdesk")
    shutil.copy(Path(str(live) + "-wal"), crashed / "c.crmdesk-wal")
    cf.close()
    assert (crashed / "c.crmdesk-wal").stat().st_size > 0
    with CustomerFile.open(crashed / "c.crmdesk") as reopened:
        names = {r.name for r in store.list_rows(reopened, store.customer_ids(reopened)).values()}
    assert names == {"王五", "赵六"}


def test_inspect_of_hot_wal_file_does_not_modify_it(tmp_path):
    live = tmp_path / "live.crmdesk"
    cf = CustomerFile.create(live)
    cf.db.execute("PRAGMA wal_autocheckpoint = 0")
    store.insert_customers(cf, [make_person()])
    copy_dir = tmp_path / "copy"
    copy_dir.mkdir()
    shutil.copy(live, copy_dir / "c.crmdesk")
    shutil.copy(Path(str(live) + "-wal"), copy_dir / "c.crmdesk-wal")
    cf.close()
    before = _snapshot(copy_dir)
    inspect_file(copy_dir / "c.crmdesk", full_check=True)
    assert _snapshot(copy_dir) == before


def test_missing_file(tmp_path):
    with pytest.raises(FileProblemError) as e:
        CustomerFile.open(tmp_path / "nope.crmdesk")
    assert e.value.problem is FileProblem.MISSING
    assert not (tmp_path / "nope.crmdesk").exists()


# -- version guard and migrations -----------------------------------------------------------


def test_file_from_a_newer_crmdesk_is_refused_naming_its_version(tmp_path):
    path = tmp_path / "future.crmdesk"
    CustomerFile.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('crmdesk', '0999_future', 'x')"
    )
    conn.execute("UPDATE meta SET value = '9.1.0' WHERE key = 'app_version'")
    conn.commit()
    conn.close()
    before = _snapshot(tmp_path)
    with pytest.raises(FileProblemError) as e:
        CustomerFile.open(path)
    assert e.value.problem is FileProblem.TOO_NEW
    assert e.value.params["version"] == "9.1.0"
    assert _snapshot(tmp_path) == before


def test_schema_lists_every_registered_migration():
    assert migrations_module.migration_names() == list(schema.MIGRATION_NAMES)


def _use_migrations(monkeypatch, ms: Migrations) -> None:
    monkeypatch.setattr(cf_module, "_migrations", lambda: ms)
    monkeypatch.setattr(cf_module, "MIGRATION_NAMES", tuple(migrations_module.migration_names(ms)))


def _two_step_migrations(second) -> Migrations:
    """Today's migrations plus one more, as the next release would have."""
    ms = Migrations("crmdesk")
    for migration in migrations_module.migrations.pending(Database(memory=True)):
        ms(name=migration.name)(migration.fn)
    ms(name="9000_test_step")(second)
    return ms


def test_older_file_is_backed_up_verified_then_migrated(tmp_path, monkeypatch):
    path = tmp_path / "old.crmdesk"
    with CustomerFile.create(path) as cf:
        store.insert_customer(cf, make_person(name="老客户"))

    def add_column(db: Database) -> None:
        db.execute("ALTER TABLE customers ADD COLUMN test_extra TEXT")

    _use_migrations(monkeypatch, _two_step_migrations(add_column))
    with CustomerFile.open(path) as cf:
        columns = {r[1] for r in cf.db.execute("PRAGMA table_info(customers)")}
        assert "test_extra" in columns
    backups = list(tmp_path.glob("old.pre-9000_test_step.*.crmdesk"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT name FROM customers").fetchall() == [("老客户",)]
    assert "test_extra" not in {r[1] for r in conn.execute("PRAGMA table_info(customers)")}
    conn.close()


def test_the_pre_migration_backup_is_named_in_local_time_like_every_backup(tmp_path, monkeypatch):
    import time
    from datetime import datetime, timezone

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        path = tmp_path / "old.crmdesk"
        CustomerFile.create(path).close()
        _use_migrations(monkeypatch, _two_step_migrations(lambda db: None))
        CustomerFile.open(path, clock=lambda: datetime(2026, 11, 23, 8, 30, tzinfo=timezone.utc)).close()
        assert [p.name for p in tmp_path.glob("old.pre-*")] == ["old.pre-9000_test_step.20261123-163000.crmdesk"]
    finally:
        monkeypatch.undo()
        time.tzset()


def test_failed_migration_leaves_the_file_at_its_old_version(tmp_path, monkeypatch):
    path = tmp_path / "old.crmdesk"
    with CustomerFile.create(path) as cf:
        store.insert_customer(cf, make_person(name="老客户"))

    def broken(db: Database) -> None:
        db.execute("ALTER TABLE customers ADD COLUMN half_done TEXT")
        raise RuntimeError("migration bug")

    _use_migrations(monkeypatch, _two_step_migrations(broken))
    with pytest.raises(RuntimeError):
        CustomerFile.open(path)
    monkeypatch.undo()
    with CustomerFile.open(path) as cf:
        assert "half_done" not in {r[1] for r in cf.db.execute("PRAGMA table_info(customers)")}
        assert [r.name for r in store.list_rows(cf, store.customer_ids(cf)).values()] == ["老客户"]


# -- failed writes roll back ----------------------------------------------------------------


def _dump(cf: CustomerFile) -> list:
    return [
        list(cf.db.execute(f"SELECT * FROM {table} ORDER BY 1"))
        for table in ("customers", "contact_persons", "customer_tags", "change_log", "file_settings")
    ]


def test_disk_full_during_a_save_leaves_the_file_as_it_was(customer_file):
    cf = customer_file
    store.insert_customer(cf, make_company())
    before = _dump(cf)
    pages = cf.db.execute("PRAGMA page_count").fetchone()[0]
    cf.db.execute(f"PRAGMA max_page_count = {pages + 1}")
    big = make_company(name="大客户", notes="很长的备注" * 20_000, code=None)
    with pytest.raises(WriteError) as e:
        store.insert_customer(cf, big)
    assert e.value.problem is WriteProblem.DISK_FULL
    assert _dump(cf) == before
    assert cf.integrity_problems() == []


def test_disk_full_during_an_update_keeps_the_old_record_whole(customer_file):
    cf = customer_file
    saved = store.insert_customer(cf, make_company())
    before = _dump(cf)
    pages = cf.db.execute("PRAGMA page_count").fetchone()[0]
    cf.db.execute(f"PRAGMA max_page_count = {pages}")
    edited = saved.with_changes(name="改名后的公司", notes="x" * 200_000, contacts=saved.contacts[:1])
    with pytest.raises(WriteError):
        store.update_customer(cf, edited)
    assert _dump(cf) == before


def test_read_only_file_refuses_writes(tmp_path):
    path = tmp_path / "ro.crmdesk"
    CustomerFile.create(path).close()
    with CustomerFile.open(path, read_only=True) as cf:
        with pytest.raises(WriteError) as e:
            store.insert_customer(cf, make_person())
        assert e.value.problem is WriteProblem.READ_ONLY


def test_change_log_is_append_only(customer_file):
    store.insert_customer(customer_file, make_person())
    with pytest.raises(WriteError):
        with customer_file.transaction():
            customer_file.db.execute("DELETE FROM change_log")
    with pytest.raises(WriteError):
        with customer_file.transaction():
            customer_file.db.execute("UPDATE change_log SET actor = 'mallory'")
    assert customer_file.db.execute("SELECT count(*) FROM change_log").fetchone()[0] == 1


def test_file_settings_round_trip(customer_file):
    customer_file.set_setting("tier_window_months", 12)
    customer_file.set_setting("名字", {"a": "¥"})
    assert customer_file.setting("tier_window_months") == 12
    assert customer_file.setting("名字") == {"a": "¥"}
    assert customer_file.setting("missing", "default") == "default"


# -- cancelling a long open --------------------------------------------------------------------


def test_cancelled_migration_leaves_the_file_old_and_no_backup(tmp_path, monkeypatch):
    from crmdesk.storage.customer_file import Cancellation, Cancelled

    path = _filled_file(tmp_path / "old.crmdesk", n=50)
    cancellation = Cancellation()

    def slow_step(db: Database) -> None:
        db.execute("CREATE TABLE half_done (x)")
        cancellation.cancel()  # the user presses Cancel while the migration runs
        # A statement that would run for minutes unless stopped.
        db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                   "SELECT count(*) FROM n WHERE i < 10000000000").fetchall()

    _use_migrations(monkeypatch, _two_step_migrations(slow_step))
    with pytest.raises(Cancelled):
        CustomerFile.open(path, cancellation=cancellation)
    monkeypatch.undo()
    with CustomerFile.open(path) as cf:
        assert "half_done" not in cf.db.table_names()
        assert store.customer_count(cf) == 50
    assert not list(tmp_path.glob("*.tmp"))


def test_cancel_before_the_check_stops_it(tmp_path):
    from crmdesk.storage.customer_file import Cancellation, Cancelled

    path = _filled_file(tmp_path / "a.crmdesk", n=10)
    cancellation = Cancellation()
    cancellation.cancel()
    before = _snapshot(tmp_path)
    with pytest.raises(Cancelled):
        CustomerFile.open(path, cancellation=cancellation)
    assert _snapshot(tmp_path) == before


def test_backups_are_owner_only(tmp_path):
    path = _filled_file(tmp_path / "a.crmdesk", n=5)
    with CustomerFile.open(path) as cf:
        target = cf_module.backup_to(cf, tmp_path / "copy.crmdesk")
    assert target.stat().st_mode & 0o777 == 0o600
