"""File → Import history: every import of this file, and reverting one as a whole."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import importing
from crmdesk.services.importing import RowAction
from crmdesk.storage.customer_file import WriteError
from crmdesk.storage.imports import Reverted
from crmdesk.storage.operations import Operation
from crmdesk.ui import texts
from crmdesk.ui.file_session import FileSession


class ImportHistoryDialog(QDialog):
    reverted = Signal()

    def __init__(self, session: FileSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.operations: list[Operation] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.revert_button = QPushButton()
        self.revert_button.clicked.connect(self._revert)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.revert_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 380)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import history"))
        self.intro.setText(self.tr("Reverting an import moves the customers it created to the recycle bin, removes "
                                   "its orders and payments, and gives updated customers their earlier values "
                                   "(except those edited since)."))
        self.revert_button.setText(self.tr("Revert this import…"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("File"), self.tr("New"), self.tr("Updated"), self.tr("State")])

    def refresh(self) -> None:
        self.operations = importing.history(self.session.gui)
        self.table.setRowCount(len(self.operations))
        for r, op in enumerate(self.operations):
            cells = (
                op.at[:16].replace("T", " ") + " UTC",
                op.label,
                str(op.summary.get(RowAction.CREATE.value, 0)),
                str(op.summary.get(RowAction.UPDATE.value, 0)),
                self.tr("Reverted") if op.undone else self.tr("Imported"),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnToContents(0)
        if self.operations:
            self.table.selectRow(0)
        self._selected()

    def selected(self) -> Operation | None:
        rows = self.table.selectionModel().selectedRows()
        return self.operations[rows[0].row()] if rows else None

    def _selected(self) -> None:
        op = self.selected()
        self.revert_button.setEnabled(op is not None and not op.undone and not self.session.read_only)

    def _revert(self) -> None:
        op = self.selected()
        if op is None:
            return
        answer = QMessageBox.question(self, self.tr("Revert the import"), self.tr(
            "Revert the import of {file} ({when})?").format(file=op.label, when=op.at[:16].replace("T", " ")))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            done = importing.revert(self.session.gui, op.id)
        except WriteError as e:
            QMessageBox.warning(self, self.tr("Revert the import"),
                                texts.error_text(e.problem, {"detail": e.detail}))
            return
        QMessageBox.information(self, self.tr("Revert the import"), self.reverted_text(done))
        self.refresh()
        self.reverted.emit()

    def reverted_text(self, done: Reverted) -> str:
        text = self.tr("Reverted: {customers} customers moved to the recycle bin, {restored} given their "
                       "earlier values, {orders} orders and {payments} payments removed.").format(
            customers=done.customers, restored=done.restored, orders=done.orders, payments=done.payments)
        if done.kept:
            text += "\n\n" + self.tr("%n customers were edited after the import and were left as they are.",
                                     "", len(done.kept))
        return text
