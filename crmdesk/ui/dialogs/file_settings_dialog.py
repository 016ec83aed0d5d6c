"""This file's business rules (they travel with the file, unlike the preferences)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crmdesk.storage import file_settings
from crmdesk.storage.customer_file import CustomerFile, WriteError
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.field_form import ERROR_STYLE

_PREFIX = re.compile(r"[A-Za-z0-9-]{0,8}")


class FileSettingsDialog(QDialog):
    def __init__(self, cf: CustomerFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("file_settings")
        self._cf = cf
        self.prefix = QLineEdit(file_settings.get(cf, file_settings.CUSTOMER_CODE_PREFIX), self)
        self.prefix.setObjectName("code_prefix")
        self.prefix.setMaxLength(8)
        self.block = QCheckBox(self)
        self.block.setObjectName("block_over_limit")
        self.block.setChecked(bool(file_settings.get(cf, file_settings.BLOCK_OVER_LIMIT)))
        self.horizon = QSpinBox(self)
        self.horizon.setObjectName("date_horizon")
        self.horizon.setRange(0, 366)
        self.horizon.setValue(int(file_settings.get(cf, file_settings.DATE_HORIZON_DAYS)))
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        form.addRow(self.labels[0], self.prefix)
        form.addRow(self.labels[1], self.block)
        form.addRow(self.labels[2], self.horizon)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for widget in (self.prefix, self.block, self.horizon):
            widget.setEnabled(not cf.read_only)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("File settings"))
        self.intro.setText(self.tr("These rules are stored in the customer file and apply to everyone who opens it."))
        self.labels[0].setText(self.tr("Prefix of new customer codes:"))
        self.labels[1].setText(self.tr("Credit limit:"))
        self.block.setText(self.tr("Refuse orders over the credit limit (otherwise warn)"))
        self.labels[2].setText(self.tr("Dates may lie ahead by at most:"))
        self.horizon.setSuffix(self.tr(" days"))

    def accept(self) -> None:
        prefix = self.prefix.text().strip().upper()
        if not _PREFIX.fullmatch(prefix):
            self.error.setText(self.tr("Use up to 8 letters, digits or hyphens."))
            self.error.show()
            return
        try:
            with self._cf.transaction():
                file_settings.put(self._cf, file_settings.CUSTOMER_CODE_PREFIX, prefix)
                file_settings.put(self._cf, file_settings.BLOCK_OVER_LIMIT, self.block.isChecked())
                file_settings.put(self._cf, file_settings.DATE_HORIZON_DAYS, self.horizon.value())
        except WriteError as e:
            self.error.setText(texts.error_text(e.problem, {"detail": e.detail}))
            self.error.show()
            return
        super().accept()
