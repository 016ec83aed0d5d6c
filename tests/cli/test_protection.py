"""`crmdesk encrypt`, `decrypt`, `password`, and every verb on an encrypted file (issue 12 point 6)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.services import unlocked
from crmdesk.services.backups import automatic_folder
from crmdesk.storage import customers as store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.encryption import key_file_path
from tests.factories import make_person

PASSWORD = "客户台账2026"


@pytest.fixture
def shop(tmp_path) -> Path:
    path = tmp_path / "shop.crmdesk"
    with CustomerFile.create(path) as cf:
        store.insert_customer(cf, make_person(name="张三"))
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    unlocked.forget()  # each command is a new process
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _recovery_key(out: str) -> str:
    return next(line.strip() for line in out.splitlines() if line.strip().count("-") == 7)


def test_encrypt_then_every_verb_needs_the_password(shop, capsys, monkeypatch, english):
    monkeypatch.setenv("CRMDESK_NEW_PASSWORD", PASSWORD)
    code, out, _ = run(capsys, "encrypt", str(shop))
    assert code == 0 and "Recovery key" in out
    recovery = _recovery_key(out)
    monkeypatch.delenv("CRMDESK_NEW_PASSWORD")

    code, out, err = run(capsys, "customers", str(shop))  # no password, not a terminal
    assert code == 1 and "encrypted" in err and "CRMDESK_PASSWORD" in err and "Traceback" not in err

    monkeypatch.setenv("CRMDESK_PASSWORD", "wrong password")
    code, _, err = run(capsys, "customers", str(shop))
    assert code == 1 and "wrong password; the file was not touched" in err

    for secret in (PASSWORD, recovery):
        monkeypatch.setenv("CRMDESK_PASSWORD", secret)
        code, out, _ = run(capsys, "customers", str(shop))
        assert code == 0 and "张三" in out
    code, out, _ = run(capsys, "check", str(shop), "--full")
    assert code == 0 and out.startswith("ok")
    code, out, _ = run(capsys, "backup", str(shop))
    assert code == 0
    code, out, _ = run(capsys, "backups", str(shop), "--json")
    assert code == 0 and '"customers": 1' in out


def test_a_file_without_its_key_file_says_wrong_password_or_damaged(shop, capsys, monkeypatch, chinese):
    monkeypatch.setenv("CRMDESK_NEW_PASSWORD", PASSWORD)
    run(capsys, "encrypt", str(shop))
    key_file_path(shop).unlink()
    shutil.rmtree(automatic_folder(shop))  # copied alone to another PC
    monkeypatch.setenv("CRMDESK_PASSWORD", PASSWORD)
    code, _, err = run(capsys, "customers", str(shop))
    assert code == 1 and "密码错误或文件损坏" in err


def test_change_the_password_and_decrypt(shop, capsys, monkeypatch, english):
    monkeypatch.setenv("CRMDESK_NEW_PASSWORD", PASSWORD)
    run(capsys, "encrypt", str(shop))
    monkeypatch.setenv("CRMDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("CRMDESK_NEW_PASSWORD", "新的密码很长")
    code, out, _ = run(capsys, "password", str(shop))
    assert code == 0 and "changed the password" in out

    code, _, err = run(capsys, "decrypt", str(shop))
    assert code == 1 and "wrong password" in err
    monkeypatch.setenv("CRMDESK_PASSWORD", "新的密码很长")
    code, out, _ = run(capsys, "decrypt", str(shop))
    assert code == 0
    assert sqlite3.connect(shop).execute("SELECT name FROM customers").fetchall() == [("张三",)]


def test_an_app_password_is_set_and_said_to_be_only_a_deterrent(shop, capsys, monkeypatch, english):
    monkeypatch.setenv("CRMDESK_NEW_PASSWORD", "12345")
    code, _, err = run(capsys, "password", str(shop))
    assert code == 1 and "at least 6" in err
    monkeypatch.setenv("CRMDESK_NEW_PASSWORD", PASSWORD)
    code, out, _ = run(capsys, "password", str(shop))
    assert code == 0 and "not encrypted" in out
    code, out, _ = run(capsys, "password", str(shop), "--remove")
    assert code == 0 and "no longer asks" in out
    code, _, err = run(capsys, "decrypt", str(shop))
    assert code == 1 and "is not encrypted" in err
