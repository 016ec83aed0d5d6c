"""Opening an encrypted file: its password, or the recovery key when the password is lost."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import protection
from crmdesk.services.backups import backups
from crmdesk.storage.customer_file import FileProblem, FileProblemError
from crmdesk.ui import texts


class UnlockDialog(QDialog):
    """Accepted once the file is unlocked; ``problem`` is then set if the password
    was right but the file turned out damaged (the window offers its backups).
    Rejected with ``wants_backups`` when the user asked for the backups instead."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlock_dialog")
        self.path = Path(path)
        self.problem: FileProblemError | None = None
        self.wants_backups = False
        self.setWindowTitle(self.tr("Encrypted file"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("%1 is encrypted. Type its password.\n"
                               "Lost the password? Type the recovery key instead (the groups of letters "
                               "and digits you printed when it was encrypted).").replace("%1", self.path.name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.secret = QLineEdit()
        self.secret.setObjectName("unlock_secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("Password or recovery key"))
        layout.addWidget(self.secret)
        self.message = QLabel()
        self.message.setObjectName("unlock_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        # "Wrong password or damaged file": the way out when it is the file.
        self.backups_button = buttons.addButton(self.tr("Backups…"), QDialogButtonBox.ButtonRole.ResetRole)
        self.backups_button.setObjectName("unlock_backups")
        self.backups_button.clicked.connect(self._to_backups)
        self.backups_button.hide()
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 34)

    def _try(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            protection.unlock(self.path, self.secret.text())
        except FileProblemError as e:
            if e.problem is FileProblem.CORRUPT:  # the password was right: the file is damaged
                self.problem = e
                self.accept()
                return
            self.secret.clear()
            self.secret.setFocus()
            self.message.setText(texts.error_text(e.problem, e.params))
            self.backups_button.setVisible(e.problem is FileProblem.WRONG_KEY and bool(backups(self.path)))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()

    def _to_backups(self) -> None:
        self.wants_backups = True
        self.reject()
