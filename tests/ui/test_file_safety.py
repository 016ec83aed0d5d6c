"""The window keeps the file safe: one writer, automatic backups, restore, the check (issue 12)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from crmdesk.services import backups as backup_service
from crmdesk.storage import customers as store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.file_location import LocationRisk, Risk
from crmdesk.storage.file_lock import FileLock, holder_of
from crmdesk.ui.backups.backups_dialog import BackupsDialog
from crmdesk.ui.single_instance import SingleInstance
from tests.factories import make_person
from tests.ui.test_main_window import make_window, names_shown, open_and_wait, shop_file  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 23, 18, 0)


@pytest.fixture
def answers(monkeypatch):
    """Message boxes answered at once; what they said is kept."""
    said: list[tuple[str, str]] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, title, text, *a, **k: said.append((title, text)))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return said


def test_the_open_file_is_locked_and_released_on_close(qtbot, make_window, shop_file):
    window = make_window()
    open_and_wait(qtbot, window, shop_file)

    assert holder_of(shop_file).pid == os.getpid()
    assert not window.banner.isVisible()
    window.close()
    assert holder_of(shop_file) is None


def test_a_file_open_in_another_crmdesk_opens_read_only_and_says_so(qtbot, make_window, shop_file):
    other = FileLock(shop_file)  # as another crmdesk holds it
    other.acquire()
    try:
        window = make_window()
        open_and_wait(qtbot, window, shop_file)

        assert window.session.read_only
        assert "(read-only)" in window.windowTitle()
        assert window.banner.isVisible()
        assert f"process {os.getpid()}" in window.banner.text() and socket.gethostname() in window.banner.text()
        assert not window.act_new_person.isEnabled() and not window.act_import.isEnabled()
    finally:
        other.release()
    window.open_path(shop_file)  # the other one closed: open again, now for editing
    qtbot.waitUntil(lambda: window.session is not None and not window.session.read_only, timeout=10_000)
    assert not window.banner.isVisible()


def test_a_file_in_a_sync_folder_gets_a_warning(qtbot, make_window, shop_file, monkeypatch):
    monkeypatch.setattr("crmdesk.ui.main_window.location_risk", lambda path: Risk(LocationRisk.CLOUD_SYNC, "坚果云"))
    window = make_window("zh_CN")
    open_and_wait(qtbot, window, shop_file)

    assert window.banner.isVisible() and "坚果云 同步文件夹" in window.banner.text()


def test_closing_a_changed_file_backs_it_up(qtbot, make_window, shop_file):
    window = make_window()
    open_and_wait(qtbot, window, shop_file)

    window.close()

    [backup] = backup_service.backups(shop_file)
    assert backup.path.parent == backup_service.automatic_folder(shop_file)
    with CustomerFile.open(backup.path, read_only=True) as copy:
        assert copy.execute("SELECT count(*) FROM customers").fetchone()[0] == 4


def test_the_half_hourly_backup_runs_only_when_something_changed(qtbot, make_window, shop_file):
    window = make_window()
    window.guard.now = lambda: NOW
    open_and_wait(qtbot, window, shop_file)
    assert window.guard.timer.isActive()

    with qtbot.waitSignal(window.guard.backed_up, timeout=10_000):
        window.guard.timer.timeout.emit()
    window.guard.timer.timeout.emit()  # nothing changed since
    qtbot.waitUntil(lambda: window.runner.busy == 0, timeout=10_000)

    assert len(backup_service.backups(shop_file)) == 1
    assert window.statusBar().currentMessage() == "Backed up at 18:00"


def test_back_up_now_and_restore_from_the_backups_dialog(qtbot, make_window, shop_file, tmp_path, monkeypatch,
                                                        answers):
    stick = tmp_path / "U盘"
    stick.mkdir()
    monkeypatch.setattr("crmdesk.ui.main_window.QFileDialog.getExistingDirectory", lambda *a, **k: str(stick))
    window = make_window()
    open_and_wait(qtbot, window, shop_file)
    window.back_up_now()
    [made] = list(stick.iterdir())
    assert answers[-1] == ("Backed up", f"The file was copied and checked:\n{made}")
    backup_service.back_up(window.session.gui, NOW)  # one in the automatic folder, listed by the dialog
    with CustomerFile.open(shop_file) as cf:
        store.insert_customer(cf, make_person(name="赵六"))
    window.open_path(shop_file)
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=10_000)

    def exec_(dialog):
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
        assert [dialog.table.item(0, c).text() for c in (0, 1, 2)] == ["2026-11-23 18:00", "automatic", "4"]
        dialog._restore_selected()
        return 1

    monkeypatch.setattr(BackupsDialog, "exec", exec_)
    window.show_backups()
    qtbot.waitUntil(lambda: window.session is not None and window.model.rowCount() == 4, timeout=10_000)

    assert "赵六" not in names_shown(window)
    assert answers[-1][0] == "Restored"
    [aside] = list(shop_file.parent.glob("shop.before-restore.*.crmdesk"))
    assert str(aside) in answers[-1][1]
    assert holder_of(shop_file).pid == os.getpid()  # held all along, and again for the reopened file


def test_a_damaged_file_offers_its_newest_good_backup(qtbot, make_window, shop_file, monkeypatch, answers):
    with CustomerFile.open(shop_file) as cf:
        good = backup_service.back_up(cf, datetime(2026, 11, 22, 9))
        newer = backup_service.back_up(cf, datetime(2026, 11, 23, 9))
    newer.path.write_bytes(newer.path.read_bytes()[:4096])  # the newest backup is damaged too
    shop_file.write_bytes(shop_file.read_bytes()[:2048])
    damaged = shop_file.read_bytes()
    offered = []

    def exec_(dialog):
        qtbot.waitUntil(lambda: dialog.good is not None, timeout=10_000)
        offered.append((dialog.windowTitle(), dialog.message.text(), dialog._selected()[0].path))
        dialog._restore_selected()
        return 1

    monkeypatch.setattr(BackupsDialog, "exec", exec_)
    window = make_window()
    window.open_path(shop_file)
    qtbot.waitUntil(lambda: window.session is not None and window.model.rowCount() == 4, timeout=15_000)

    [(title, message, chosen)] = offered
    assert title == "Cannot open the file" and "damaged" in message and "never deletes it" in message
    assert chosen == good.path
    [aside] = list(shop_file.parent.glob("shop.before-restore.*.crmdesk"))
    assert aside.read_bytes() == damaged


def test_a_damaged_file_without_backups_is_only_refused(qtbot, make_window, shop_file, answers):
    shop_file.write_bytes(b"")
    window = make_window()
    window.open_path(shop_file)
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)

    assert answers[0][0] == "Cannot open the file" and "empty" in answers[0][1]
    assert shop_file.read_bytes() == b"" and holder_of(shop_file) is None


def test_check_the_file_reports_a_sound_file(qtbot, make_window, shop_file, answers):
    window = make_window("zh_CN")
    open_and_wait(qtbot, window, shop_file)

    window.act_check.trigger()

    assert answers == [("检查文件", "文件完好：每一页、每个索引和每个引用都已检查。共有 4 位客户。")]


def test_a_second_launch_hands_its_file_to_the_running_window(qtbot, tmp_path):
    instance = SingleInstance(name=f"crmdesk-test-{os.getpid()}")
    assert instance.listen()
    child = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QCoreApplication
        from crmdesk.ui.single_instance import SingleInstance
        app = QCoreApplication([])
        print(SingleInstance(name={instance.name!r}).hand_off({{"file": sys.argv[1], "demo": False}}))
    """)
    with qtbot.waitSignal(instance.received, timeout=10_000) as received:
        process = subprocess.Popen([sys.executable, "-c", child, "/x/客户.crmdesk"], cwd=ROOT, text=True,
                                   stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=10_000)

    assert received.args == [{"file": "/x/客户.crmdesk", "demo": False}]
    assert process.stdout.read().strip() == "True"
    process.stdout.close()


def test_with_no_window_running_the_hand_off_fails_fast(qtbot):
    assert not SingleInstance(name=f"crmdesk-nobody-{os.getpid()}").hand_off({"file": None, "demo": True})


def test_the_damaged_file_offer_has_no_back_up_button(qtbot, shop_file):
    from crmdesk.ui.tasks import TaskRunner

    runner = TaskRunner()
    dialog = BackupsDialog(shop_file, runner, problem="damaged")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.back_up_button.isVisible() and dialog.restore_button.isVisible()
    dialog.close()
    runner.shutdown()
