"""A raw second writer on the same file (reliability.md test #2, last sentence).

Another program (DB Browser, a script, a sync tool) opens the file with plain
sqlite3 and holds the write lock.  crmdesk's edit must then be retried within
the busy timeout, or fail as WriteError BUSY with nothing changed, so that the
user can simply save again: no traceback, no lost edit.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from crmdesk.services import customers as customer_service
from crmdesk.storage import customers as store
from crmdesk.storage.customer_file import CustomerFile, WriteError, WriteProblem
from tests.factories import make_company, make_person

def _raw_connect(cf: CustomerFile) -> sqlite3.Connection:
    """Another program's plain connection to ``cf``'s file (with its key, when encrypted)."""
    key = getattr(cf, "key", None)
    if key is None:
        return sqlite3.connect(cf.path, isolation_level=None, check_same_thread=False)
    from sqlcipher3 import dbapi2

    raw = dbapi2.connect(str(cf.path), isolation_level=None, check_same_thread=False)
    raw.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return raw


def _raw_writer(cf: CustomerFile) -> sqlite3.Connection:
    """Another program's connection, holding the write lock with an uncommitted row."""
    raw = _raw_connect(cf)
    raw.execute("BEGIN IMMEDIATE")
    raw.execute("INSERT INTO file_settings (key, value) VALUES ('raw_writer', '\"theirs\"')")
    return raw


def _dump(cf: CustomerFile) -> list:
    return [
        list(cf.execute(f"SELECT * FROM {table} ORDER BY 1"))
        for table in ("customers", "contact_persons", "customer_tags", "change_log", "file_settings")
    ]


def _on_disk(of: CustomerFile) -> tuple[list[str], dict[str, str]]:
    """Customer names and file settings as a fresh reader of the file finds them."""
    key = getattr(of, "key", None)
    with CustomerFile.open(of.path, read_only=True, **({"key": key} if key else {})) as cf:
        names = [r[0] for r in cf.execute("SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY id")]
        settings = dict(cf.execute("SELECT key, value FROM file_settings"))
        assert cf.integrity_problems() == []
    return names, settings


@pytest.fixture
def saved(customer_file):
    """A file with two customers; returns the first as stored."""
    first = store.insert_customer(customer_file, make_person(name="张三"))
    store.insert_customer(customer_file, make_company(name="北京顺达物流有限公司"))
    return first


def _edits(first):
    return {
        "update": first.with_changes(name="张三丰", notes="改过的备注"),
        "insert": make_person(name="王五", mobile="13700001111"),
    }


@pytest.mark.parametrize("kind", ["update", "insert"])
@pytest.mark.parametrize("end", ["COMMIT", "ROLLBACK"])
def test_an_edit_while_a_raw_writer_holds_the_lock_is_busy_and_can_be_saved_again(customer_file, saved, kind, end):
    cf = customer_file
    cf.execute("PRAGMA busy_timeout = 50")  # the test need not wait out the real 5 s
    edit = _edits(saved)[kind]
    before = _dump(cf)
    raw = _raw_writer(cf)
    try:
        with pytest.raises(WriteError) as e:
            customer_service.save_customer(cf, edit)
        assert e.value.problem is WriteProblem.BUSY  # the window words it "busy in another program; try again"
        assert not cf.conn.in_transaction  # rolled back, the connection ready for the next try
        assert _dump(cf) == before
        raw.execute(end)
    finally:
        raw.close()

    result = customer_service.save_customer(cf, edit)  # the same edit, saved again: nothing of it was lost

    assert result.ok and result.customer.name == edit.name
    names, settings = _on_disk(cf)
    assert edit.name in names and len(names) == (2 if kind == "update" else 3)
    assert ("raw_writer" in settings) is (end == "COMMIT")  # their committed row is kept beside ours


def test_the_file_is_unchanged_by_the_failed_edit_as_another_reader_sees_it(customer_file, saved):
    cf = customer_file
    cf.execute("PRAGMA busy_timeout = 50")
    raw = _raw_writer(cf)
    try:
        with pytest.raises(WriteError):
            customer_service.save_customer(cf, saved.with_changes(name="张三丰"))
        names, settings = _on_disk(cf)  # read while the raw writer still holds the lock (WAL)
    finally:
        raw.execute("ROLLBACK")
        raw.close()
    assert names == ["张三", "北京顺达物流有限公司"] and "raw_writer" not in settings
    assert store.get_customer(cf, saved.id).row_version == saved.row_version


@pytest.mark.parametrize("kind", ["update", "insert"])
def test_a_raw_writer_that_commits_within_the_busy_timeout_is_waited_for(customer_file, saved, kind):
    cf = customer_file
    assert cf.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    edit = _edits(saved)[kind]
    raw = _raw_writer(cf)
    committed = threading.Event()

    def commit() -> None:
        raw.execute("COMMIT")
        committed.set()

    timer = threading.Timer(0.2, commit)
    timer.start()
    try:
        result = customer_service.save_customer(cf, edit)  # waits for the lock, then writes
    finally:
        timer.join()
        raw.close()

    assert committed.is_set() and result.ok
    names, settings = _on_disk(cf)
    assert edit.name in names and "raw_writer" in settings


def _busy_snapshot(folder: Path) -> sqlite3.OperationalError:
    """The error SQLite gives a reader that tries to write after another connection
    committed since its read began: a real one (plain sqlite3 names the extended code)."""
    path = folder / "scratch.db"
    reader = sqlite3.connect(path, isolation_level=None)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        reader.execute("PRAGMA journal_mode = WAL")
        reader.execute("CREATE TABLE t (x)")
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM t").fetchone()
        other.execute("INSERT INTO t VALUES (1)")
        try:
            reader.execute("INSERT INTO t VALUES (2)")
        except sqlite3.OperationalError as e:
            return e
        raise AssertionError("expected SQLITE_BUSY_SNAPSHOT")
    finally:
        reader.close()
        other.close()


def test_an_extended_busy_code_is_reported_as_busy(customer_file, tmp_path):
    error = _busy_snapshot(tmp_path)
    assert error.sqlite_errorname == "SQLITE_BUSY_SNAPSHOT"
    with pytest.raises(WriteError) as e:
        with customer_file.transaction():
            raise error
    assert e.value.problem is WriteProblem.BUSY
