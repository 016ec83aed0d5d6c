"""File → Password and encryption…: what protects the open file, and changing it.

The dialog only asks; the window carries the change out (encrypting rewrites
the file, which needs the session closed and the lock held).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import protection
from crmdesk.services.protection import Protection


class Change(Enum):
    SET_PASSWORD = "set_password"
    CHANGE_PASSWORD = "change_password"
    REMOVE_PASSWORD = "remove_password"
    ENCRYPT = "encrypt"
    DECRYPT = "decrypt"


class ProtectionDialog(QDialog):
    change_requested = Signal(object)  # Change

    def __init__(self, state: Protection, minutes: int, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("protection_dialog")
        self.setWindowTitle(self.tr("Password and encryption"))
        layout = QVBoxLayout(self)
        status = QLabel(self._status(state).replace("%1", file_name))
        status.setObjectName("protection_status")
        status.setWordWrap(True)
        layout.addWidget(status)
        buttons = QHBoxLayout()
        offered = {
            Protection.NONE: [(Change.SET_PASSWORD, self.tr("Set a password…")),
                              (Change.ENCRYPT, self.tr("Encrypt the file…"))],
            Protection.PASSWORD: [(Change.CHANGE_PASSWORD, self.tr("Change the password…")),
                                  (Change.REMOVE_PASSWORD, self.tr("Remove the password")),
                                  (Change.ENCRYPT, self.tr("Encrypt the file…"))],
            Protection.ENCRYPTED: [(Change.CHANGE_PASSWORD, self.tr("Change the password…")),
                                   (Change.DECRYPT, self.tr("Store it unencrypted…"))],
        }[state]
        for change, label in offered:
            button = QPushButton(label)
            button.setObjectName(f"protection_{change.value}")
            button.clicked.connect(lambda _=False, c=change: (self.change_requested.emit(c), self.accept()))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("protection_minutes")
        self.minutes.setRange(0, 240)
        self.minutes.setValue(minutes)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setSpecialValueText(self.tr("never"))
        form.addRow(self.tr("Lock after this long without use:"), self.minutes)
        layout.addLayout(form)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)

    def _status(self, state: Protection) -> str:
        if state is Protection.ENCRYPTED:
            return self.tr("%1 is encrypted. Without its password or recovery key nobody can read it, "
                           "and its backups are encrypted too.")
        if state is Protection.PASSWORD:
            return self.tr("crmdesk asks for a password to show %1. The file itself is not encrypted: "
                           "any SQLite tool can still read it. Encrypt it to protect it on the disk.")
        return self.tr("%1 has no password: anyone who can use this computer can open it.")


class NewPasswordDialog(QDialog):
    """A new password, typed twice; for encryption also the consent to what a lost password means."""

    def __init__(self, *, encrypting: bool, deterrent: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_password_dialog")
        self.setWindowTitle(self.tr("Encrypt the file") if encrypting else self.tr("New password"))
        layout = QVBoxLayout(self)
        if encrypting:
            note = self.tr("The file will be encrypted. You will get a recovery key to print: with the password "
                           "lost and the recovery key lost, nobody can open the file again, not even crmdesk's "
                           "makers. Automatic backups that are not encrypted will be deleted; copies you "
                           "made elsewhere stay readable.")
        elif deterrent:
            note = self.tr("crmdesk will ask for this password to show the file. The file itself is not "
                           "encrypted, so this only keeps honest people out: encrypt it to protect it on the disk.")
        else:
            note = ""
        if note:
            label = QLabel(note)
            label.setWordWrap(True)
            layout.addWidget(label)
        form = QFormLayout()
        self.first, self.second = QLineEdit(), QLineEdit()
        for name, field in (("new_password", self.first), ("new_password_again", self.second)):
            field.setObjectName(name)
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.textChanged.connect(self._update)
        form.addRow(self.tr("New password:"), self.first)
        form.addRow(self.tr("Again:"), self.second)
        layout.addLayout(form)
        self.consent: QCheckBox | None = None
        if encrypting:
            self.consent = QCheckBox(self.tr("I understand that a lost password and a lost recovery key "
                                             "mean lost data"))
            self.consent.setObjectName("encrypt_consent")
            self.consent.toggled.connect(self._update)
            layout.addWidget(self.consent)
        self.message = QLabel()
        self.message.setObjectName("new_password_message")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)
        self._update()

    def password(self) -> str:
        return self.first.text()

    def _update(self) -> None:
        first, second = self.first.text(), self.second.text()
        problem = ""
        if first and protection.password_problem(first):
            problem = self.tr("At least %1 characters.").replace("%1", str(protection.MIN_PASSWORD_LENGTH))
        elif second and first != second:
            problem = self.tr("The two passwords differ.")
        self.message.setText(problem)
        ok = bool(first) and not problem and first == second and (self.consent is None or self.consent.isChecked())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class RecoveryKeyDialog(QDialog):
    """Shows the recovery key once: copy, print or save it; Done only once the user says it is kept."""

    def __init__(self, recovery_key: str, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_key_dialog")
        self.recovery_key = recovery_key
        self.file_name = file_name
        self.setWindowTitle(self.tr("Recovery key"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("%1 is now encrypted. This is its recovery key. If the password is ever lost, "
                               "it opens the file. Print it or write it down, and keep it away from this "
                               "computer. It is shown only now.").replace("%1", file_name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        key = QLabel(recovery_key)
        key.setObjectName("recovery_key")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setWeight(QFont.Weight.Bold)
        key.setFont(font)
        key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(key)
        row = QHBoxLayout()
        for label, slot in ((self.tr("Copy"), self._copy), (self.tr("Print…"), self._print),
                            (self.tr("Save as text…"), self._save)):
            button = QPushButton(label)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.kept = QCheckBox(self.tr("I have printed or written down the recovery key and will keep it safe"))
        self.kept.setObjectName("recovery_key_kept")
        layout.addWidget(self.kept)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        done = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        done.setText(self.tr("Done"))
        done.setEnabled(False)
        self.kept.toggled.connect(done.setEnabled)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)

    def reject(self) -> None:  # Esc or the title bar's close: only once the key is kept
        if self.kept.isChecked():
            super().reject()

    def sheet(self) -> str:
        return self.tr("crmdesk recovery key for %1:\n\n    %2\n\nType it where crmdesk asks for the password "
                       "when the password is lost. Keep this paper away from the computer.\n") \
            .replace("%1", self.file_name).replace("%2", self.recovery_key)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.recovery_key)

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from crmdesk.ui.printing import e, new_document, print_document

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        body = "".join(f"<p>{e(line)}</p>" for line in self.sheet().splitlines())
        print_document(new_document(body, title=self.windowTitle()), printer)

    def _save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the recovery key"),
                                              f"{self.file_name} recovery key.txt", "*.txt")
        if name:
            with open(name, "w", encoding="utf-8") as f:
                f.write(self.sheet())
