"""FileGuard: what keeps the open file safe while the window works on it.

One writer (the file's lock, held from before the open until the file is
closed or replaced), automatic backups (every half hour of work and on close,
when the change log has moved since the newest backup), and long file jobs
(a backup, a restore, a full check) run on the worker under a modal progress
dialog, so the window repaints and nothing else touches the file meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from crmdesk.services import backups as backup_service
from crmdesk.storage.backups import Backup
from crmdesk.storage.file_lock import FileLock, FileLockedError, LockHolder
from crmdesk.ui.file_session import FileSession
from crmdesk.ui.tasks import TaskRunner


class FileGuard(QObject):
    backed_up = Signal(object)  # Backup, after an automatic one
    backup_failed = Signal(object)  # the exception

    def __init__(self, runner: TaskRunner, now: Callable[[], datetime] = datetime.now,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.now = now  # local wall-clock time: backup names are read by people
        self.lock: FileLock | None = None
        self.session: FileSession | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(backup_service.BACKUP_EVERY_MINUTES * 60_000)
        self.timer.timeout.connect(self.back_up_if_changed)

    # -- the lock -------------------------------------------------------------------

    def claim(self, path: Path) -> LockHolder | None:
        """Take ``path``'s lock (releasing any other); the holder when another
        crmdesk has it (the file is then to be opened read-only), else None."""
        path = Path(path)
        if self.lock is not None and self.lock.held and self.lock.path == path:
            return None
        self.release()
        lock = FileLock(path)
        try:
            lock.acquire()
        except FileLockedError as e:
            return e.holder
        self.lock = lock
        return None

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # -- automatic backups ------------------------------------------------------------

    def watch(self, session: FileSession | None) -> None:
        """Back up ``session``'s file every half hour while it changes (None: stop)."""
        self.session = session
        if session is None or session.read_only:
            self.timer.stop()
        else:
            self.timer.start()

    def back_up_if_changed(self) -> None:
        session, now = self.session, self.now()
        if session is None or session.read_only:
            return

        session.run(lambda cf: _back_up_if_changed(cf, now), on_done=lambda made: made and self.backed_up.emit(made),
                    on_error=self.backup_failed.emit)

    def back_up_before_closing(self, parent: QWidget) -> None:
        """The backup on close, waited for (errors are reported through backup_failed)."""
        session = self.session
        if session is None or session.read_only:
            return
        now = self.now()

        try:
            self.run_with_progress(parent, self.tr("Backing up the file…"),
                                   session.on_worker(lambda cf: _back_up_if_changed(cf, now)))
        except Exception as e:  # noqa: BLE001 - reported; closing goes on
            self.backup_failed.emit(e)

    # -- long jobs ----------------------------------------------------------------------

    def run_with_progress(self, parent: QWidget, label: str, work: Callable[[], Any]) -> Any:
        """``work()`` on the worker while a busy dialog shows ``label``; its result, or its exception raised here."""
        dialog = QProgressDialog(label, "", 0, 0, parent)
        dialog.setWindowTitle("crmdesk")
        dialog.setCancelButton(None)  # a backup or restore half-stopped helps nobody; each is quick
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        loop = QEventLoop()
        outcome: dict[str, Any] = {}

        def finish(key: str, value: Any) -> None:
            outcome[key] = value
            loop.quit()

        self.runner.run(work, on_done=lambda r: finish("result", r), on_error=lambda e: finish("error", e))
        if not outcome:
            loop.exec()
        dialog.close()
        dialog.deleteLater()
        if "error" in outcome:
            raise outcome["error"]
        return outcome.get("result")


def _back_up_if_changed(cf, now: datetime) -> Backup | None:
    return backup_service.back_up(cf, now) if backup_service.needs_backup(cf) else None
