"""crmdesk.storage.backups: backup files, their list, and restore (reliability.md #3, #11)."""

from __future__ import annotations

import os
import shutil
import stat
from datetime import datetime
from pathlib import Path

import pytest

from crmdesk.storage import customers as store
from crmdesk.storage.backups import (
    aside_name,
    backup_details,
    backup_name,
    backups_of,
    make_backup,
    remove_leftovers,
    restore_file,
)
from crmdesk.storage.connections import connect
from crmdesk.storage.customer_file import CustomerFile, FileProblem, FileProblemError
from tests.factories import make_person

TAKEN = datetime(2026, 11, 23, 18, 5, 1)


def _names(cf: CustomerFile) -> list[str]:
    return [r[0] for r in cf.execute("SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY id")]


def _file_with(path: Path, *names: str, key: bytes | None) -> Path:
    with CustomerFile.create(path, key=key) as cf:
        for name in names:
            store.insert_customer(cf, make_person(name=name))
    return path


def test_a_backup_is_a_verified_owner_only_copy_named_by_its_time(customer_file, tmp_path, file_key):
    store.insert_customer(customer_file, make_person(name="张三"))
    folder = tmp_path / "备份"

    first = make_backup(customer_file, folder, TAKEN)
    second = make_backup(customer_file, folder, TAKEN)  # the same second: never overwritten

    assert first.path.name == "test.20261123-180501.crmdesk" and first.taken_at == TAKEN
    assert second.path.name == "test.20261123-180501-2.crmdesk"
    assert stat.S_IMODE(os.stat(first.path).st_mode) == 0o600
    assert [p.name for p in folder.iterdir() if not p.name.endswith(".crmdesk")] == []  # no .tmp left
    with CustomerFile.open(first.path, read_only=True, key=file_key) as copy:
        assert _names(copy) == ["张三"]
    details = backup_details(first.path, full_check=True, key=file_key)
    assert details.customers == 1 and details.last_change is not None and details.last_change_id > 0


def test_backups_are_listed_newest_first_and_nothing_else_counts(customer_file, tmp_path):
    folder = tmp_path / "b"
    made = [make_backup(customer_file, folder, datetime(2026, 11, d, 9)).path for d in (20, 22, 21)]
    pre = folder / "test.pre-0011_x.20261122-120000.crmdesk"
    pre.write_bytes(made[0].read_bytes())
    for stray in ("test.20261123-100000.crmdesk.tmp", "test.before-restore.20261123-100000.crmdesk",
                  "test2.20261123-100000.crmdesk", "test.20261399-100000.crmdesk", "test.crmdesk", "notes.txt"):
        (folder / stray).write_bytes(b"x")

    found = backups_of("test", [folder, tmp_path / "missing"])

    assert [b.path.name for b in found] == ["test.pre-0011_x.20261122-120000.crmdesk",
                                            "test.20261122-090000.crmdesk", "test.20261121-090000.crmdesk",
                                            "test.20261120-090000.crmdesk"]
    assert [b.before_migration for b in found] == [True, False, False, False]
    assert found[1].size == made[1].stat().st_size


def test_details_of_a_damaged_backup_raise(customer_file, tmp_path, file_key):
    backup = make_backup(customer_file, tmp_path / "b", TAKEN).path
    data = bytearray(backup.read_bytes())
    backup.write_bytes(bytes(data[: len(data) // 2]))

    with pytest.raises(FileProblemError) as caught:
        backup_details(backup, full_check=True, key=file_key)
    # Half an encrypted file may not decrypt at all: "wrong key or damaged" is the honest answer.
    assert caught.value.problem in ({FileProblem.CORRUPT, FileProblem.WRONG_KEY} if file_key else {FileProblem.CORRUPT})


def test_restore_puts_the_backup_back_and_keeps_a_damaged_file_with_its_wal(tmp_path, file_key):
    target = _file_with(tmp_path / "shop.crmdesk", "张三", key=file_key)
    with CustomerFile.open(target, key=file_key) as cf:
        backup = make_backup(cf, tmp_path / "b", TAKEN).path
        store.insert_customer(cf, make_person(name="李四"))
    # A damaged file with a -wal beside it: both are kept aside exactly as they are, together.
    target.write_bytes(target.read_bytes()[:4096])
    Path(str(target) + "-wal").write_bytes(b"a wal left by a crash")
    Path(str(target) + "-shm").write_bytes(b"shm")
    old = target.read_bytes()
    aside = aside_name(target, TAKEN)

    restore_file(backup, target, aside, file_key)

    assert aside.name == "shop.before-restore.20261123-180501.crmdesk"
    assert aside.read_bytes() == old
    assert Path(str(aside) + "-wal").read_bytes() == b"a wal left by a crash"
    assert not Path(str(target) + "-wal").exists() and not Path(str(target) + "-shm").exists()
    with CustomerFile.open(target, key=file_key) as cf:
        assert _names(cf) == ["张三"]
        assert cf.integrity_problems() == []
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b", aside.name, aside.name + "-shm",
                                                          aside.name + "-wal", "shop.crmdesk"]
    assert aside_name(target, TAKEN).name == "shop.before-restore.20261123-180501-2.crmdesk"


def test_a_damaged_backup_is_refused_and_changes_nothing(tmp_path, file_key):
    target = _file_with(tmp_path / "shop.crmdesk", "张三", key=file_key)
    backup = tmp_path / "shop.20261123-180501.crmdesk"
    backup.write_bytes(target.read_bytes()[:5000])
    before = target.read_bytes()

    with pytest.raises(FileProblemError):
        restore_file(backup, target, aside_name(target, TAKEN), file_key)

    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.20261123-180501.crmdesk", "shop.crmdesk"]


def test_restore_over_a_damaged_file_keeps_the_damaged_one_untouched(tmp_path, file_key):
    target = _file_with(tmp_path / "shop.crmdesk", "张三", key=file_key)
    with CustomerFile.open(target, key=file_key) as cf:
        backup = make_backup(cf, tmp_path / "b", TAKEN).path
    target.write_bytes(target.read_bytes()[:100])
    damaged = target.read_bytes()
    aside = aside_name(target, TAKEN)

    restore_file(backup, target, aside, file_key)

    assert aside.read_bytes() == damaged
    with CustomerFile.open(target, key=file_key) as cf:
        assert _names(cf) == ["张三"]


def test_restore_of_a_file_that_is_gone(tmp_path, file_key):
    source = _file_with(tmp_path / "shop.crmdesk", "张三", key=file_key)
    with CustomerFile.open(source, key=file_key) as cf:
        backup = make_backup(cf, tmp_path / "b", TAKEN).path
    source.unlink()

    restore_file(backup, source, aside_name(source, TAKEN), file_key)

    with CustomerFile.open(source, key=file_key) as cf:
        assert _names(cf) == ["张三"]
    assert not aside_name(source, TAKEN).name.endswith("-2.crmdesk")


def test_backup_name():
    assert backup_name("客户", TAKEN) == "客户.20261123-180501.crmdesk"
    assert backup_name("客户", TAKEN, 3) == "客户.20261123-180501-3.crmdesk"


def test_a_crash_wal_is_folded_in_before_a_restore_moves_anything(tmp_path, file_key, monkeypatch):
    # 乙 was committed but lives only in the -wal a crash left: a kill between moving
    # that -wal aside and putting the backup in place must not leave the file without it.
    target = _file_with(tmp_path / "shop.crmdesk", "甲", key=file_key)
    with CustomerFile.open(target, key=file_key) as cf:
        backup = make_backup(cf, tmp_path / "b", TAKEN).path
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    conn = connect(target, key=file_key)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE customers SET name = '乙'")
    for name in (target.name, target.name + "-wal"):  # the files as a kill -9 leaves them
        shutil.copyfile(tmp_path / name, crashed / name)
    conn.close()
    target = crashed / target.name
    assert Path(str(target) + "-wal").stat().st_size > 0

    def killed(_path):
        raise KeyboardInterrupt  # the moment after the -wal was moved aside

    monkeypatch.setattr("crmdesk.storage.replacing.fsync_path", killed)
    with pytest.raises(KeyboardInterrupt):
        restore_file(backup, target, aside_name(target, TAKEN), file_key)

    with CustomerFile.open(target, key=file_key) as cf:
        assert _names(cf) == ["乙"]


def test_half_written_backups_older_than_the_limit_are_removed(tmp_path):
    old = [tmp_path / n for n in ("shop.20261122-100000.crmdesk.tmp", "shop.20261122-100000.crmdesk.tmp-wal")]
    fresh = tmp_path / "shop.20261123-175900.crmdesk.tmp"  # perhaps still being written
    other = tmp_path / "other.20261122-100000.crmdesk.tmp"
    for path in (*old, fresh, other):
        path.write_bytes(b"x")
    for path in (*old, other):
        os.utime(path, (1000.0, 1000.0))

    removed = remove_leftovers(tmp_path, "shop", older_than=2000.0)

    assert sorted(removed) == sorted(old)
    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name, fresh.name]
