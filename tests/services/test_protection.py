"""services.protection: app password, encryption, unlocking (issue 12 point 6, reliability.md #3, #12)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from crmdesk.services import backups as backup_service
from crmdesk.services import protection, unlocked
from crmdesk.services.files import check_file, open_file, reading
from crmdesk.services.protection import Protection
from crmdesk.storage import customers as store
from crmdesk.storage.customer_file import CustomerFile, FileProblem, FileProblemError, is_encrypted
from crmdesk.storage.encryption import key_file_path, parse_recovery_key
from crmdesk.storage.file_lock import FileLock, FileLockedError
from tests.factories import make_person

NOW = datetime(2026, 11, 23, 18, 5, 1)
PASSWORD = "客户台账2026"


def _shop(tmp_path: Path, *names: str) -> Path:
    path = tmp_path / "shop.crmdesk"
    with CustomerFile.create(path) as cf:
        for name in names:
            store.insert_customer(cf, make_person(name=name))
    return path


def _names(path: Path) -> list[str]:
    with reading(path) as cf:
        return [r[0] for r in cf.execute("SELECT name FROM customers ORDER BY id")]


def test_an_app_password_is_checked_and_removed(tmp_path):
    path = _shop(tmp_path, "张三")
    with open_file(path) as cf:
        assert protection.protection(cf) is Protection.NONE
        assert not protection.password_is_right(cf, "")
        protection.set_app_password(cf, PASSWORD)
    with open_file(path) as cf:
        assert protection.protection(cf) is Protection.PASSWORD
        assert protection.password_is_right(cf, PASSWORD)
        assert not protection.password_is_right(cf, "wrong one")
        assert PASSWORD not in str(cf.setting(protection.APP_PASSWORD))
        protection.set_app_password(cf, None)
        assert protection.protection(cf) is Protection.NONE
    # Only a deterrent: the file stays readable by any SQLite tool.
    assert sqlite3.connect(path).execute("SELECT name FROM customers").fetchall() == [("张三",)]


def test_encrypting_a_file_gives_a_recovery_key_and_leaves_no_plain_copy(tmp_path):
    path = _shop(tmp_path, "张三", "李四")
    with open_file(path) as cf:
        protection.set_app_password(cf, "old app password")
        backup_service.back_up(cf, datetime(2026, 11, 22, 9))  # a plain automatic backup
    assert len(backup_service.backups(path)) == 1

    done = protection.encrypt(path, PASSWORD, NOW)

    assert parse_recovery_key(done.recovery_key) is not None and done.plain_backups_removed == 1
    assert "张三".encode() not in path.read_bytes()
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(path).execute("SELECT 1 FROM customers").fetchall()
    assert _names(path) == ["张三", "李四"]  # this process unlocked it
    with open_file(path) as cf:
        assert protection.protection(cf) is Protection.ENCRYPTED
        assert cf.setting(protection.APP_PASSWORD) is None
        assert protection.password_is_right(cf, PASSWORD)
        assert protection.password_is_right(cf, done.recovery_key)
        assert not protection.password_is_right(cf, "wrong one")
    listed = backup_service.backup_list(path)
    assert len(listed) == 1 and listed[0].details.customers == 2
    assert key_file_path(listed[0].backup.path).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.crmdesk", "shop.crmdesk.key"]


def test_unlocking_tells_a_wrong_password_from_a_damaged_file(tmp_path):
    path = _shop(tmp_path, "张三")
    done = protection.encrypt(path, PASSWORD, NOW)
    unlocked.forget()
    assert is_encrypted(path) and unlocked.key_for(path) is None
    assert check_file(path).problem is FileProblem.ENCRYPTED

    with pytest.raises(FileProblemError) as caught:
        protection.unlock(path, "wrong password")
    assert caught.value.problem is FileProblem.WRONG_PASSWORD  # the key file says so; file untouched
    assert protection.unlock(path, PASSWORD) == done.key
    assert unlocked.key_for(path) == done.key
    unlocked.forget()
    assert protection.unlock(path, done.recovery_key.lower()) == done.key

    # The right password on a file that no longer decrypts: damaged, not "wrong password".
    unlocked.forget()
    data = bytearray(path.read_bytes())
    data[16:4096] = bytes(4080)
    path.write_bytes(bytes(data))
    with pytest.raises(FileProblemError) as caught:
        protection.unlock(path, PASSWORD)
    assert caught.value.problem is FileProblem.CORRUPT


def test_without_its_key_file_only_the_recovery_key_opens_it(tmp_path):
    path = _shop(tmp_path, "张三")
    done = protection.encrypt(path, PASSWORD, NOW)
    unlocked.forget()
    key_file_path(path).unlink()
    # Its backups' key files still vouch for the password...
    assert protection.unlock(path, PASSWORD) == done.key
    with pytest.raises(FileProblemError) as caught:
        protection.unlock(path, "wrong password")
    assert caught.value.problem is FileProblem.WRONG_PASSWORD
    # ...but copied alone to another PC, only the recovery key opens it.
    unlocked.forget()
    shutil.rmtree(backup_service.automatic_folder(path))

    with pytest.raises(FileProblemError) as caught:
        protection.unlock(path, PASSWORD)
    assert caught.value.problem is FileProblem.WRONG_KEY  # 密码错误或文件损坏: nothing can tell which
    (tmp_path / "other").mkdir()
    other = protection.encrypt(_shop(tmp_path / "other"), "x" * 8, NOW).recovery_key
    with pytest.raises(FileProblemError) as caught:
        protection.unlock(path, other)  # a well-formed recovery key, of another file
    assert caught.value.problem is FileProblem.WRONG_KEY
    assert protection.unlock(path, done.recovery_key) == done.key


def test_a_new_password_reaches_the_backups_made_under_the_same_key(tmp_path):
    path = _shop(tmp_path, "张三")
    done = protection.encrypt(path, PASSWORD, NOW)
    with open_file(path) as cf:
        backup_service.back_up(cf, datetime(2026, 11, 23, 19))
    backup_paths = [b.path for b in backup_service.backups(path)]
    assert len(backup_paths) == 2

    with pytest.raises(FileProblemError):
        protection.change_password(path, "not the password", "新密码123")
    protection.change_password(path, done.recovery_key, "新密码123")

    unlocked.forget()
    for target in (path, *backup_paths):
        with pytest.raises(FileProblemError):
            protection.unlock(target, PASSWORD)
        assert protection.unlock(target, "新密码123") == done.key


def test_decrypting_stores_it_plain_again(tmp_path):
    path = _shop(tmp_path, "张三")
    protection.encrypt(path, PASSWORD, NOW)
    protection.decrypt(path)
    assert not key_file_path(path).exists()
    assert sqlite3.connect(path).execute("SELECT name FROM customers").fetchall() == [("张三",)]
    assert unlocked.key_for(path) is None


def test_encryption_needs_the_lock(tmp_path):
    path = _shop(tmp_path, "张三")
    before = path.read_bytes()
    with FileLock(path):
        with pytest.raises(FileLockedError):
            protection.encrypt(path, PASSWORD, NOW)
    assert path.read_bytes() == before and not key_file_path(path).exists()


def test_a_restored_backup_of_an_encrypted_file_opens_with_the_same_password(tmp_path):
    path = _shop(tmp_path, "张三")
    protection.encrypt(path, PASSWORD, NOW)
    backup = backup_service.backups(path)[0].path
    with open_file(path) as cf:
        store.insert_customer(cf, make_person(name="李四"))

    aside = backup_service.restore(backup, path, datetime(2026, 11, 23, 20))

    assert _names(path) == ["张三"]
    unlocked.forget()
    protection.unlock(path, PASSWORD)
    assert _names(path) == ["张三"]
    protection.unlock(aside, PASSWORD)
    assert _names(aside) == ["张三", "李四"]


def test_short_passwords_are_refused():
    assert protection.password_problem("12345") == "too_short"
    assert protection.password_problem("123456") is None
