"""Backups and restore: the backups of a file with what is in each, and the way back.

Also what a damaged file opens into: the message, then the backups with the
newest one that passes integrity_check already chosen (reliability.md test #3).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import backups as backup_service
from crmdesk.services.unlocked import key_for
from crmdesk.storage.backups import Backup, BackupDetails, backup_details
from crmdesk.storage.customer_file import SUFFIX, FileProblemError
from crmdesk.ui import texts
from crmdesk.ui.tasks import TaskRunner


def local_time(instant: str | None) -> str:
    """An ISO instant (UTC) as the user's wall-clock time, to the minute."""
    if not instant:
        return "—"
    return datetime.fromisoformat(instant.replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M")


def size_text(size: int) -> str:
    return f"{size / 2**20:,.1f} MB" if size >= 2**20 else f"{max(size / 2**10, 1):,.0f} KB"


class BackupsDialog(QDialog):
    restore_requested = Signal(object)  # Path: the backup the user chose and confirmed
    back_up_requested = Signal()  # "Back up now…"

    def __init__(self, path: Path, runner: TaskRunner, *, current: BackupDetails | None = None,
                 problem: str | None = None, parent: QWidget | None = None) -> None:
        """``current``: what the open file holds now (for the restore preview);
        ``problem``: why the file could not be opened (the damaged-file offer)."""
        super().__init__(parent)
        self.setObjectName("backups_dialog")
        self.path = Path(path)
        self.runner = runner
        self.current = current
        self.problem = problem
        self.backups: list[tuple[Backup, BackupDetails | None]] = []
        self.good: Path | None = None  # the newest backup that passed integrity_check (damaged-file offer)
        self.checked = False  # whether that search has ended

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 6, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self._restore_selected())
        self.folder = QLabel(self)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder = QPushButton(self)
        self.open_folder.clicked.connect(self._open_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.open_folder)

        self.back_up_button = QPushButton(self)
        self.back_up_button.setObjectName("back_up_now")
        self.back_up_button.clicked.connect(self.back_up_requested)
        self.other_button = QPushButton(self)
        self.other_button.clicked.connect(self._restore_other)
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("restore_backup")
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.back_up_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.back_up_button.setVisible(current is not None)  # after addButton, which shows it

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(folder_row)
        layout.addWidget(buttons)
        self.resize(820, 460)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Backups of %1").replace("%1", self.path.name))
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Kind"), self.tr("Customers"),
                                              self.tr("Last change"), self.tr("Size"), self.tr("File")])
        self.folder.setText(self.tr("Automatic backups: %1").replace(
            "%1", str(backup_service.automatic_folder(self.path))))
        self.open_folder.setText(self.tr("Open the folder"))
        self.back_up_button.setText(self.tr("Back up now…"))
        self.other_button.setText(self.tr("Restore from another file…"))
        self.restore_button.setText(self.tr("Restore…"))
        self._show_message()

    def _show_message(self) -> None:
        if self.problem is None:
            self.message.setText(self.tr(
                "crmdesk backs the file up when you close it and every half hour while it changes. It keeps "
                "every backup of the last day, one a day for two weeks, one a week for two months and one a "
                "month for a year. Restoring keeps the current file beside it; nothing is deleted."))
            return
        lines = [self.problem, "", self.tr("The file was left exactly as it is; crmdesk never deletes it.")]
        if not self.backups:
            lines.append(self.tr("There is no backup of it. Restore from another file, or look for a copy."))
        elif not self.checked:
            lines.append(self.tr("Checking the backups, newest first…"))
        elif self.good is None:
            lines.append(self.tr("None of the backups passes its check."))
        else:
            lines.append(self.tr("The newest backup that passes its check is chosen below. Restoring puts it in "
                                 "the file's place and keeps the damaged file beside it."))
        self.message.setText("\n".join(lines))

    # -- the list --------------------------------------------------------------------------

    def reload(self) -> None:
        path = self.path

        self.runner.run(lambda: [(listed.backup, listed.details)
                                 for listed in backup_service.backup_list(path, check=False)],
                        on_done=self._show)

    def _show(self, backups: list[tuple[Backup, BackupDetails | None]]) -> None:
        self.backups = backups
        self.table.setRowCount(len(backups))
        kinds = (self.tr("automatic"), self.tr("before an upgrade"), self.tr("beside the file"))
        automatic = backup_service.automatic_folder(self.path)
        for row, (backup, details) in enumerate(backups):
            kind = kinds[1] if backup.before_migration else kinds[0] if backup.path.parent == automatic else kinds[2]
            damaged = self.tr("damaged")
            cells = [backup.taken_at.strftime("%Y-%m-%d %H:%M"), kind,
                     damaged if details is None else f"{details.customers:,}",
                     "" if details is None else local_time(details.last_change), size_text(backup.size),
                     backup.path.name]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column in (2, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(str(backup.path))
                self.table.setItem(row, column, item)
        if backups:
            self.table.selectRow(0)
        self._update_buttons()
        self._show_message()
        if self.problem is not None and backups:
            self.runner.run(lambda: backup_service.newest_good_backup(self.path), on_done=self._choose_good)

    def _choose_good(self, good: Backup | None) -> None:
        self.good = good.path if good is not None else None
        self.checked = True
        rows = [b.path for b, _ in self.backups]
        if self.good in rows:
            self.table.selectRow(rows.index(self.good))
        self._show_message()

    def _selected(self) -> tuple[Backup, BackupDetails | None] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows and rows[0].row() < len(self.backups) else None

    def _update_buttons(self) -> None:
        chosen = self._selected()
        self.restore_button.setEnabled(chosen is not None and chosen[1] is not None)

    # -- restoring -----------------------------------------------------------------------------

    def _restore_selected(self) -> None:
        chosen = self._selected()
        if chosen is None or chosen[1] is None:
            return
        backup, details = chosen
        if self._confirm(backup.path, backup.taken_at.strftime("%Y-%m-%d %H:%M"), details):
            self.restore_requested.emit(backup.path)
            self.accept()

    def _restore_other(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a backup file"), str(self.path.parent),
            self.tr("crmdesk customer files (*%1);;All files (*)").replace("%1", SUFFIX))
        if not name:
            return
        try:
            details = backup_details(Path(name), check=False, key=key_for(self.path))
        except FileProblemError as e:
            QMessageBox.warning(self, self.tr("Cannot restore"), texts.error_text(e.problem, e.params))
            return
        if self._confirm(Path(name), Path(name).name, details):
            self.restore_requested.emit(Path(name))
            self.accept()

    def _confirm(self, backup: Path, made: str, details: BackupDetails) -> bool:
        lines = [self.tr("Restore the backup of %1?").replace("%1", made), "",
                 self.tr("It holds %1 customers; last changed %2.").replace(
                     "%1", f"{details.customers:,}").replace("%2", local_time(details.last_change))]
        if self.current is not None:
            lines.append(self.tr("The file now holds %1 customers; last changed %2.").replace(
                "%1", f"{self.current.customers:,}").replace("%2", local_time(self.current.last_change)))
        lines += ["", self.tr("The file it replaces is kept beside it as %1.").replace(
            "%1", f"{self.path.stem}.before-restore.….crmdesk")]
        answer = QMessageBox.question(self, self.tr("Restore"), "\n".join(lines),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _open_folder(self) -> None:
        folder = backup_service.automatic_folder(self.path)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
