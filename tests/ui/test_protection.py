"""Password, encryption and the screen lock in the window (issue 12 point 6; reliability.md #3, #12)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from datetime import datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton

from crmdesk.services import backups as backup_service
from crmdesk.services import protection, unlocked
from crmdesk.storage.encryption import key_file_path, parse_recovery_key
from crmdesk.ui.protection.screen_lock import Curtain
from tests.ui.test_main_window import make_window, names_shown, open_and_wait, shop_file  # noqa: F401 (fixtures)

NOW = datetime(2026, 11, 23, 18, 0)
PASSWORD = "Taizhang-2026"  # typed key by key: QTest only types ASCII


def when_shown(name: str, act: Callable[[QDialog], None]) -> None:
    """Run ``act`` on the modal dialog called ``name`` once it is up (exec() blocks the test)."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.objectName() == name and dialog.isVisible():
            timer.stop()
            act(dialog)

    timer = QTimer(QApplication.instance())
    timer.timeout.connect(poll)
    timer.start(20)


def ok_button(dialog: QDialog, which=QDialogButtonBox.StandardButton.Ok) -> QPushButton:
    return dialog.findChild(QDialogButtonBox).button(which)


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    field.clear()
    field.setFocus()
    qtbot.keyClicks(field, text)


def test_an_encrypted_file_asks_its_password_and_a_wrong_one_touches_nothing(qtbot, make_window, shop_file):
    protection.encrypt(shop_file, PASSWORD, NOW)
    unlocked.forget()
    before = shop_file.read_bytes()
    window = make_window("zh_CN")
    said: list[str] = []

    def unlock(dialog: QDialog) -> None:
        secret = dialog.findChild(QLineEdit, "unlock_secret")
        type_into(qtbot, secret, "not-the-one")
        qtbot.mouseClick(ok_button(dialog, QDialogButtonBox.StandardButton.Open), Qt.MouseButton.LeftButton)
        said.append(dialog.findChild(QLabel, "unlock_message").text())
        type_into(qtbot, secret, PASSWORD)
        qtbot.keyClick(secret, Qt.Key.Key_Return)

    when_shown("unlock_dialog", unlock)
    open_and_wait(qtbot, window, shop_file)

    assert said == ["密码错误。文件未被改动。"]
    assert sorted(names_shown(window)) == sorted(["张三", "李四", "王五", "北京顺达物流有限公司"])
    assert window.session.gui.key is not None
    window.close()
    assert shop_file.read_bytes() != before  # closing backed it up and wrote; still encrypted:
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(shop_file).execute("SELECT 1 FROM customers").fetchall()


def test_without_its_key_file_a_wrong_password_may_be_a_damaged_file(qtbot, make_window, shop_file):
    done = protection.encrypt(shop_file, PASSWORD, NOW)
    unlocked.forget()
    key_file_path(shop_file).unlink()
    shutil.rmtree(backup_service.automatic_folder(shop_file))  # copied alone to another PC
    window = make_window("zh_CN")
    said: list[str] = []

    def unlock(dialog: QDialog) -> None:
        secret = dialog.findChild(QLineEdit, "unlock_secret")
        type_into(qtbot, secret, PASSWORD)
        qtbot.keyClick(secret, Qt.Key.Key_Return)
        said.append(dialog.findChild(QLabel, "unlock_message").text())
        type_into(qtbot, secret, done.recovery_key)
        qtbot.keyClick(secret, Qt.Key.Key_Return)

    when_shown("unlock_dialog", unlock)
    open_and_wait(qtbot, window, shop_file)

    assert said == ["密码错误或文件损坏。请尝试恢复密钥；如果文件已损坏，请从备份恢复。"]
    assert window.session is not None and len(names_shown(window)) == 4


def test_encrypting_from_the_window_shows_the_recovery_key_once(qtbot, make_window, shop_file):
    window = make_window()
    open_and_wait(qtbot, window, shop_file)
    seen: dict[str, object] = {}

    def choose(dialog: QDialog) -> None:
        seen["status"] = dialog.findChild(QLabel, "protection_status").text()
        when_shown("new_password_dialog", new_password)
        qtbot.mouseClick(dialog.findChild(QPushButton, "protection_encrypt"), Qt.MouseButton.LeftButton)

    def new_password(dialog: QDialog) -> None:
        type_into(qtbot, dialog.findChild(QLineEdit, "new_password"), PASSWORD)
        type_into(qtbot, dialog.findChild(QLineEdit, "new_password_again"), PASSWORD)
        seen["ok_before_consent"] = ok_button(dialog).isEnabled()
        dialog.findChild(QCheckBox, "encrypt_consent").setChecked(True)
        when_shown("recovery_key_dialog", recovery)
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    def recovery(dialog: QDialog) -> None:
        seen["key"] = dialog.findChild(QLabel, "recovery_key").text()
        seen["done_before_kept"] = ok_button(dialog).isEnabled()
        dialog.reject()  # Esc does not close it before the key is kept
        seen["still_shown"] = dialog.isVisible()
        dialog.findChild(QCheckBox, "recovery_key_kept").setChecked(True)
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    when_shown("protection_dialog", choose)
    window.act_protection.trigger()
    qtbot.waitUntil(lambda: window.session is not None and window.model.rowCount() == 4, timeout=10_000)

    assert "has no password" in seen["status"]
    assert seen["ok_before_consent"] is False and seen["done_before_kept"] is False and seen["still_shown"]
    recovery_key = parse_recovery_key(seen["key"])
    assert recovery_key is not None
    assert window.session.gui.key is not None
    assert "张三".encode() not in shop_file.read_bytes()
    unlocked.forget()
    assert protection.unlock(shop_file, seen["key"]) == window.session.gui.key


def test_a_plain_file_with_an_app_password_is_covered_until_it_is_typed(qtbot, make_window, shop_file):
    from crmdesk.services.files import open_file

    with open_file(shop_file) as cf:
        protection.set_app_password(cf, PASSWORD)
    window = make_window()
    open_and_wait(qtbot, window, shop_file)

    [curtain] = window.findChildren(Curtain)
    assert curtain.isVisible() and curtain.geometry() == window.rect()
    field = curtain.findChild(QLineEdit, "lock_password")
    triggered: list[bool] = []
    window.act_new_person.triggered.connect(lambda *_: triggered.append(True))
    qtbot.keyClick(field, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert triggered == []  # no shortcut works under the curtain
    type_into(qtbot, field, "wrong")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert curtain.findChild(QLabel, "lock_message").text() == "Wrong password."
    assert window.screen_lock.locked

    type_into(qtbot, field, PASSWORD)
    qtbot.keyClick(field, Qt.Key.Key_Return)

    assert not window.screen_lock.locked
    qtbot.waitUntil(lambda: not window.findChildren(Curtain))
    qtbot.keyClick(window.list_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert triggered == [True]
    assert window.screen_lock.timer.isActive()  # now the idle minutes count


def test_idle_minutes_lock_the_window_and_its_dialogs_keep_their_edits(qtbot, make_window, shop_file):
    protection.encrypt(shop_file, PASSWORD, NOW)  # this process knows the key: no unlock dialog
    window = make_window("zh_CN")
    open_and_wait(qtbot, window, shop_file)
    assert window.screen_lock.armed and window.screen_lock.timer.interval() == 10 * 60_000
    dialog = QDialog(window)
    dialog.setObjectName("an_edit")
    edit = QLineEdit(dialog)
    edit.setText("半句没写完的备注")
    dialog.show()

    window.screen_lock.timer.timeout.emit()  # ten idle minutes

    covered = {c.parentWidget() for c in window.findChildren(Curtain) + dialog.findChildren(Curtain)}
    assert covered == {window, dialog}
    asking = [c for c in dialog.findChildren(Curtain) + window.findChildren(Curtain) if c.password is not None]
    assert len(asking) == 1 and asking[0].findChild(QLabel).text() == "crmdesk 已锁定"
    type_into(qtbot, asking[0].password, PASSWORD)
    qtbot.keyClick(asking[0].password, Qt.Key.Key_Return)
    assert not window.screen_lock.locked and edit.text() == "半句没写完的备注" and dialog.isVisible()
    dialog.close()


def test_wrong_password_or_damaged_file_offers_the_backups(qtbot, make_window, shop_file, monkeypatch):
    protection.encrypt(shop_file, PASSWORD, NOW)  # also makes an automatic backup
    unlocked.forget()
    key_file_path(shop_file).unlink()
    for backup in backup_service.backups(shop_file):
        key_file_path(backup.path).unlink()  # nothing left to vouch for a password
    window = make_window()
    offered: list[str] = []
    monkeypatch.setattr(window, "_offer_backups", lambda path, problem: offered.append(problem))
    seen: dict[str, bool] = {}

    def unlock(dialog: QDialog) -> None:
        secret = dialog.findChild(QLineEdit, "unlock_secret")
        backups_button = dialog.findChild(QPushButton, "unlock_backups")
        seen["before"] = backups_button.isVisible()
        type_into(qtbot, secret, PASSWORD)
        qtbot.keyClick(secret, Qt.Key.Key_Return)
        seen["after"] = backups_button.isVisible()
        qtbot.mouseClick(backups_button, Qt.MouseButton.LeftButton)

    when_shown("unlock_dialog", unlock)
    window.open_path(shop_file)
    qtbot.waitUntil(lambda: bool(offered), timeout=10_000)

    assert seen == {"before": False, "after": True}
    assert offered[0].startswith("Wrong password or damaged file.")
