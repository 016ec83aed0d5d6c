"""Encrypted files (reliability.md test #12): the recovery key, the key file, and
what SQLCipher files look like to the rest of storage."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import datetime

import pytest

from crmdesk.storage import customers as store
from crmdesk.storage import encryption
from crmdesk.storage.backups import delete_backup, make_backup, restore_file, aside_name
from crmdesk.storage.customer_file import CustomerFile, FileProblem, FileProblemError, inspect_file, is_encrypted
from crmdesk.storage.encryption import (
    KeyFile,
    file_key,
    format_recovery_key,
    key_file_path,
    new_recovery_key,
    parse_recovery_key,
    password_matches,
    password_verifier,
    read_key_file,
    write_key_file,
)
from crmdesk.storage.file_encryption import convert
from tests.factories import make_person

TAKEN = datetime(2026, 11, 23, 18, 5, 1)
RECOVERY = bytes(range(100, 115))


def test_a_recovery_key_reads_back_however_it_is_typed():
    text = format_recovery_key(RECOVERY)
    assert len(text) == 39 and text.count("-") == 7 and text.replace("-", "").isalnum()
    assert parse_recovery_key(text) == RECOVERY
    typed = text.lower().replace("-", " ").replace("O", "0")
    assert parse_recovery_key(typed) == RECOVERY
    full_width = "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in text)  # a Chinese IME's ＡＢＣ
    assert parse_recovery_key(full_width) == RECOVERY


def test_a_mistyped_recovery_key_is_refused_before_any_file_is_tried():
    text = format_recovery_key(RECOVERY)
    swapped = text[:5] + ("A" if text[5] != "A" else "B") + text[6:]
    assert parse_recovery_key(swapped) is None
    assert parse_recovery_key(text[:-1]) is None
    assert parse_recovery_key("我的密码") is None
    assert new_recovery_key() != new_recovery_key() and len(new_recovery_key()) == 15


def test_the_key_file_opens_only_with_its_password():
    wrapped = KeyFile.wrap(RECOVERY, "正确的密码")
    again = KeyFile.from_json(wrapped.to_json())
    assert again.unwrap("正确的密码") == RECOVERY
    assert again.unwrap("正确的密码 ") is None
    assert RECOVERY.hex() not in wrapped.to_json() and "正确的密码" not in wrapped.to_json()
    with pytest.raises(ValueError):
        KeyFile.from_json('{"crmdesk_key_file": 2}')


def test_a_verifier_holds_no_password_and_checks_it():
    verifier = password_verifier("店长123")
    assert password_matches(verifier, "店长123") and not password_matches(verifier, "店长124")
    assert "店长123" not in str(verifier)
    assert not password_matches({"salt": "x"}, "店长123")


def test_the_real_scrypt_cost_is_32_mib():
    # conftest makes scrypt cheap for speed; this pins what users get.
    from tests.conftest import REAL_SCRYPT_COST

    assert REAL_SCRYPT_COST == {"n": 2**15, "r": 8, "p": 1}
    assert 128 * REAL_SCRYPT_COST["n"] * REAL_SCRYPT_COST["r"] == 32 * 2**20


def test_the_key_file_is_owner_only_and_goes_away(tmp_path):
    db = tmp_path / "shop.crmdesk"
    write_key_file(db, KeyFile.wrap(RECOVERY, "pw123456"))
    assert key_file_path(db).name == "shop.crmdesk.key"
    assert stat.S_IMODE(os.stat(key_file_path(db)).st_mode) == 0o600
    assert read_key_file(db).unwrap("pw123456") == RECOVERY
    key_file_path(db).write_text("garbled")
    assert read_key_file(db) is None
    write_key_file(db, None)
    assert not key_file_path(db).exists()


def _encrypted(path, key, *names):
    with CustomerFile.create(path, key=key) as cf:
        for name in names:
            store.insert_customer(cf, make_person(name=name))
    return path


def test_without_its_key_an_encrypted_file_is_not_a_database(tmp_path):
    path = _encrypted(tmp_path / "shop.crmdesk", file_key(RECOVERY), "张三")
    assert "张三".encode() not in path.read_bytes()
    assert is_encrypted(path)
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    with pytest.raises(FileProblemError) as caught:
        inspect_file(path)
    assert caught.value.problem is FileProblem.ENCRYPTED
    with pytest.raises(FileProblemError) as caught:
        CustomerFile.open(path, key=file_key(bytes(15)))
    assert caught.value.problem is FileProblem.WRONG_KEY
    assert inspect_file(path, key=file_key(RECOVERY), describe=True).details["customers"] == 1


def test_foreign_files_are_still_not_taken_for_encrypted_ones(tmp_path):
    xlsx = tmp_path / "renamed.crmdesk"
    xlsx.write_bytes(b"PK\x03\x04" + bytes(4092))
    odd = tmp_path / "notes.crmdesk"
    odd.write_bytes(b"hello, this is text")
    for path in (xlsx, odd):
        assert not is_encrypted(path)
        with pytest.raises(FileProblemError) as caught:
            inspect_file(path)
        assert caught.value.problem is FileProblem.NOT_SQLITE


def test_a_backup_of_an_encrypted_file_stays_encrypted_with_its_key_file(tmp_path):
    key = file_key(RECOVERY)
    path = _encrypted(tmp_path / "shop.crmdesk", key, "张三")
    write_key_file(path, KeyFile.wrap(RECOVERY, "pw123456"))
    with CustomerFile.open(path, key=key) as cf:
        backup = make_backup(cf, tmp_path / "b", TAKEN).path
    with pytest.raises(FileProblemError) as caught:
        inspect_file(backup)
    assert caught.value.problem is FileProblem.ENCRYPTED
    assert read_key_file(backup).unwrap("pw123456") == RECOVERY
    assert inspect_file(backup, key=key, full_check=True).encrypted

    delete_backup(backup)
    assert list((tmp_path / "b").iterdir()) == []


def test_restore_brings_the_backups_key_file_and_keeps_the_old_one_aside(tmp_path):
    key = file_key(RECOVERY)
    path = _encrypted(tmp_path / "shop.crmdesk", key, "张三")
    write_key_file(path, KeyFile.wrap(RECOVERY, "old password"))
    with CustomerFile.open(path, key=key) as cf:
        backup = make_backup(cf, tmp_path / "b", TAKEN).path
    write_key_file(path, KeyFile.wrap(RECOVERY, "new password"))
    aside = aside_name(path, TAKEN)

    restore_file(backup, path, aside, key)

    assert read_key_file(path).unwrap("old password") == RECOVERY
    assert read_key_file(aside).unwrap("new password") == RECOVERY
    with CustomerFile.open(path, key=key) as cf:
        assert cf.execute("SELECT name FROM customers").fetchall() == [("张三",)]


def test_encrypting_decrypting_and_rekeying_keep_every_row(tmp_path):
    path = tmp_path / "shop.crmdesk"
    with CustomerFile.create(path) as cf:
        for name in ("张三", "李四"):
            store.insert_customer(cf, make_person(name=name))
        schema = cf.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    first, second = file_key(RECOVERY), file_key(bytes(15))

    convert(path, None, first, KeyFile.wrap(RECOVERY, "pw123456"))
    report = inspect_file(path, key=first, full_check=True, describe=True)
    assert report.encrypted and report.details["customers"] == 2 and not report.pending
    assert read_key_file(path) is not None
    convert(path, first, second, None)
    with pytest.raises(FileProblemError):
        inspect_file(path, key=first)
    convert(path, second, None, None)

    assert not key_file_path(path).exists()
    assert not is_encrypted(path)
    with CustomerFile.open(path) as cf:
        assert cf.key is None
        assert [r[0] for r in cf.execute("SELECT name FROM customers ORDER BY id")] == ["张三", "李四"]
        assert cf.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
        assert cf.integrity_problems() == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.crmdesk"]


def test_a_damaged_file_is_not_converted(tmp_path):
    path = tmp_path / "shop.crmdesk"
    CustomerFile.create(path).close()
    path.write_bytes(path.read_bytes()[:3000])
    before = path.read_bytes()
    with pytest.raises(FileProblemError):
        convert(path, None, file_key(RECOVERY), KeyFile.wrap(RECOVERY, "pw123456"))
    assert path.read_bytes() == before and not key_file_path(path).exists()
