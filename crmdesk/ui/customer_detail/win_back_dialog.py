"""WinBackDialog: start a win-back plan (客户挽回) for a customer, with the steps it will plan.

The dialog only asks: why the customer counts as lost, after showing what
starting does (status lost, lost today, the follow-ups and their days).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.win_back import WinBackEpisode, WinBackReason, WinBackStep
from crmdesk.ui import texts


class WinBackDialog(QDialog):
    def __init__(
        self,
        customer_name: str,
        steps: tuple[WinBackStep, ...],
        today: date,
        *,
        reason: WinBackReason = WinBackReason.MANUAL,
        open_episode: WinBackEpisode | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("win_back_dialog")
        self.setWindowTitle(self.tr("Start win-back plan"))
        start = open_episode.lost_on if open_episode is not None else today

        intro = QLabel()
        intro.setObjectName("win_back_intro")
        intro.setWordWrap(True)
        if open_episode is None:
            intro.setText(self.tr(
                "{name} will be recorded as lost today, and these follow-ups will be planned. "
                "When the customer buys again, it is marked as won back.").format(name=customer_name))
        else:
            intro.setText(self.tr(
                "A win-back plan for {name} has been running since {date}. Starting it again only plans "
                "the steps that are missing; none is planned twice.").format(
                    name=customer_name, date=open_episode.lost_on.isoformat()))

        self.reason = QComboBox()
        self.reason.setObjectName("win_back_reason")
        for member in WinBackReason:
            self.reason.addItem(texts.enum_text(member), member)
        self.reason.setCurrentIndex(self.reason.findData(
            open_episode.reason if open_episode is not None else reason))
        self.reason.setEnabled(open_episode is None)
        form = QFormLayout()
        form.addRow(self.tr("Why lost:"), self.reason)

        self.steps = QTreeWidget()
        self.steps.setObjectName("win_back_steps")
        self.steps.setRootIsDecorated(False)
        self.steps.setHeaderLabels([self.tr("Due"), self.tr("How"), self.tr("Purpose")])
        for step in steps:
            due = start + timedelta(days=step.days)
            item = QTreeWidgetItem([due.isoformat(), texts.enum_text(step.method), step.purpose])
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.steps.addTopLevelItem(item)
        for column in range(2):
            self.steps.resizeColumnToContents(column)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start plan"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.steps, 1)
        layout.addWidget(buttons)
        self.resize(560, 300)

    def chosen_reason(self) -> WinBackReason:
        return WinBackReason(self.reason.currentData())  # Qt hands back the plain string
