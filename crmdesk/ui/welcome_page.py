"""The first-run page: create a file, open one, or look at the demo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel(self)
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setWordWrap(True)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("welcome_new")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("welcome_open")
        self.demo_button = QPushButton(self)
        self.demo_button.setObjectName("welcome_demo")
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumHeight(40)
            button.setMinimumWidth(320)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(24)
        for button in (self.new_button, self.open_button, self.demo_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to crmdesk"))
        self.subtitle.setText(
            self.tr("Your customer file is one file on this computer. Start a new one, "
                    "open the one you have, or look around in the demo file first.")
        )
        self.new_button.setText(self.tr("Create a new customer file…"))
        self.open_button.setText(self.tr("Open a customer file…"))
        self.demo_button.setText(self.tr("Open the demo file"))
