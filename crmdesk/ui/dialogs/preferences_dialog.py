"""Preferences: the language and the other per-user settings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crmdesk.ui import preferences as options
from crmdesk.ui.preferences import Preferences


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self._prefs = prefs
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        # Language names are written in their own language, as every program does.
        self.language.addItem("", "system")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(prefs.get(options.LANGUAGE)), 0))
        self.stale_days = QSpinBox(self)
        self.stale_days.setObjectName("stale_days")
        self.stale_days.setRange(30, 3650)
        self.stale_days.setSingleStep(30)
        self.stale_days.setValue(prefs.get(options.STALE_AFTER_DAYS))
        self.language_label = QLabel(self)
        self.stale_label = QLabel(self)
        self.form = QFormLayout()
        self.form.addRow(self.language_label, self.language)
        self.form.addRow(self.stale_label, self.stale_days)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.language.setItemText(0, self.tr("Follow the system"))
        self.language_label.setText(self.tr("Language:"))
        self.stale_label.setText(self.tr("Mark records not verified for:"))
        self.stale_days.setSuffix(self.tr(" days"))

    def accept(self) -> None:
        self._prefs.set(options.LANGUAGE, self.language.currentData())
        self._prefs.set(options.STALE_AFTER_DAYS, self.stale_days.value())
        super().accept()
