"""The export dialog: what (customers shown or all, the ledger, follow-ups, contacts
for phones, an import template), the format, masking, then where; the export runs
on the worker with a progress dialog that can cancel it (nothing is left then).

The main window opens it from File → Export… and from the customer list:

    ExportDialog(session, today, shown_ids=model.ids(), selected_ids=[...], parent=window).open()
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.import_mapping import ImportKind
from crmdesk.services import exporting
from crmdesk.services.exporting import ExportError, ExportProblem, LedgerTable
from crmdesk.storage.customer_file import Cancelled
from crmdesk.ui.file_session import FileSession

WARNING = "#b3261e"


class ExportWhat(Enum):
    SELECTED = "selected"  # the customers selected in the list
    SHOWN = "shown"  # the list's current filter
    ALL = "all"  # every customer not in the recycle bin
    LEDGER = "ledger"
    FOLLOW_UPS = "follow_ups"
    VCARD = "vcard"
    TEMPLATE = "template"


_CUSTOMERS = (ExportWhat.SELECTED, ExportWhat.SHOWN, ExportWhat.ALL)
_SCOPED = (ExportWhat.LEDGER, ExportWhat.FOLLOW_UPS, ExportWhat.VCARD)  # all, or only the shown customers


class _Steps(QObject):
    """(rows written, rows in all) from the worker, delivered on the GUI thread (queued)."""

    step = Signal(int, int)


class ExportDialog(QDialog):
    exported = Signal(str)  # the file written

    def __init__(
        self,
        session: FileSession,
        today: date,
        shown_ids: Sequence[int],
        *,
        selected_ids: Sequence[int] = (),
        what: ExportWhat = ExportWhat.SHOWN,
        chinese: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``shown_ids``: the list's current filter in its order; ``selected_ids``: its
        selection (offered when not empty); ``chinese``: the headers' language (None:
        the application's)."""
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.session, self.today = session, today
        self.shown_ids = list(shown_ids)
        self.selected_ids = list(selected_ids)
        self.chinese = QLocale().language() == QLocale.Language.Chinese if chinese is None else chinese
        self.all_count = exporting.customer_count(session.gui)
        self.busy = False
        self._cancel = False
        self._progress: QProgressDialog | None = None

        self.what_box = QGroupBox()
        self.choices = QButtonGroup(self)
        self.radios: dict[ExportWhat, QRadioButton] = {}
        what_layout = QVBoxLayout(self.what_box)
        self.only_shown = QCheckBox()  # under the ledger, follow-ups and contacts, which it narrows
        self.template_kind = QComboBox()
        for item in ExportWhat:
            radio = QRadioButton()
            self.radios[item] = radio
            self.choices.addButton(radio)
            if item is ExportWhat.TEMPLATE:
                row = QHBoxLayout()
                row.addWidget(radio)
                row.addWidget(self.template_kind)
                row.addStretch(1)
                what_layout.addLayout(row)
            else:
                what_layout.addWidget(radio)
            if item is ExportWhat.VCARD:
                only_row = QHBoxLayout()
                only_row.addSpacing(24)
                only_row.addWidget(self.only_shown)
                what_layout.addLayout(only_row)
        self.radios[ExportWhat.SELECTED].setVisible(bool(self.selected_ids))

        self.format_box = QGroupBox()
        self.xlsx = QRadioButton()
        self.csv = QRadioButton()
        self.formats = QButtonGroup(self)
        self.formats.addButton(self.xlsx)
        self.formats.addButton(self.csv)
        self.xlsx.setChecked(True)
        self.table_label = QLabel()
        self.csv_table = QComboBox()
        format_layout = QVBoxLayout(self.format_box)
        format_layout.addWidget(self.xlsx)
        format_layout.addWidget(self.csv)
        table_row = QHBoxLayout()
        table_row.addSpacing(24)
        table_row.addWidget(self.table_label)
        table_row.addWidget(self.csv_table)
        table_row.addStretch(1)
        format_layout.addLayout(table_row)

        self.reveal = QCheckBox()
        self.reveal_warning = QLabel()
        self.reveal_warning.setWordWrap(True)
        self.reveal_warning.setStyleSheet(f"color: {WARNING};")
        self.note = QLabel()
        self.note.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.export_button = QPushButton()
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what_box)
        layout.addWidget(self.format_box)
        layout.addWidget(self.reveal)
        layout.addWidget(self.reveal_warning)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)

        for widget in (*self.radios.values(), self.xlsx, self.csv, self.reveal):
            widget.toggled.connect(self._update)
        self.retranslate()
        if what is ExportWhat.SELECTED and not self.selected_ids:
            what = ExportWhat.SHOWN
        self.radios[what].setChecked(True)
        self._update()

    # ------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export"))
        self.what_box.setTitle(self.tr("What to export"))
        r = self.radios
        r[ExportWhat.SELECTED].setText(self.tr("The %n customers selected in the list", "", len(self.selected_ids)))
        r[ExportWhat.SHOWN].setText(self.tr("The %n customers shown in the list (its search and filters)", "",
                                            len(self.shown_ids)))
        r[ExportWhat.ALL].setText(self.tr("All %n customers", "", self.all_count))
        r[ExportWhat.LEDGER].setText(self.tr("The ledger: orders, payments and receivables"))
        r[ExportWhat.FOLLOW_UPS].setText(self.tr("Follow-ups, planned and done"))
        r[ExportWhat.VCARD].setText(self.tr("Contacts for phones (vCard)"))
        r[ExportWhat.TEMPLATE].setText(self.tr("An empty import template for"))
        self.only_shown.setText(self.tr("Ledger, follow-ups and contacts of the %n customers shown in the list only",
                                        "", len(self.shown_ids)))
        current = self.template_kind.currentIndex()
        self.template_kind.clear()
        self.template_kind.addItem(self.tr("customers"), ImportKind.CUSTOMERS)
        self.template_kind.addItem(self.tr("orders"), ImportKind.ORDERS)
        self.template_kind.addItem(self.tr("payments"), ImportKind.PAYMENTS)
        self.template_kind.setCurrentIndex(max(current, 0))
        self.format_box.setTitle(self.tr("Format"))
        self.xlsx.setText(self.tr("Excel workbook (.xlsx)"))
        self.csv.setText(self.tr("CSV, UTF-8 (.csv): one table"))
        self.table_label.setText(self.tr("Table:"))
        current = self.csv_table.currentIndex()
        self.csv_table.clear()
        self.csv_table.addItem(self.tr("Orders"), LedgerTable.ORDERS)
        self.csv_table.addItem(self.tr("Payments"), LedgerTable.PAYMENTS)
        self.csv_table.addItem(self.tr("Receivables"), LedgerTable.RECEIVABLES)
        self.csv_table.setCurrentIndex(max(current, 0))
        self.reveal.setText(self.tr("Show ID numbers and phone numbers unmasked"))
        self.reveal_warning.setText(self.tr("Anyone who gets the file can read them: keep it safe, delete it when "
                                            "done."))
        self.export_button.setText(self.tr("Export…"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------ choices

    def what(self) -> ExportWhat:
        return next((w for w, radio in self.radios.items() if radio.isChecked()), ExportWhat.SHOWN)

    def _update(self) -> None:
        what = self.what()
        customers = what in _CUSTOMERS
        self.only_shown.setEnabled(what in _SCOPED)
        self.template_kind.setEnabled(what is ExportWhat.TEMPLATE)
        self.format_box.setEnabled(what is not ExportWhat.VCARD)
        ledger_csv = what is ExportWhat.LEDGER and self.csv.isChecked()
        self.table_label.setVisible(ledger_csv)
        self.csv_table.setVisible(ledger_csv)
        self.reveal.setEnabled(customers)
        self.reveal_warning.setVisible(customers and self.reveal.isChecked())
        if what is ExportWhat.VCARD:
            self.note.setText(self.tr("A .vcf file of every customer with a phone number, for a phone's or a mail "
                                      "program's address book. vCards carry the phone numbers unmasked: that is "
                                      "what they are for."))
        elif what is ExportWhat.TEMPLATE:
            self.note.setText(self.tr("Headers only, with dropdowns for the choice columns and a sheet of "
                                      "instructions; fill it in and import it with File → Import."))
        elif what is ExportWhat.LEDGER:
            self.note.setText(self.tr("Orders, payments and the receivables aged as of today, a sheet each; a "
                                      "CSV file holds one of them. Orders and payments import back as they are."))
        elif what is ExportWhat.FOLLOW_UPS:
            self.note.setText(self.tr("Every follow-up with its customer, due date, method, purpose, owner and "
                                      "state; planned ones say how many days they are overdue."))
        else:
            self.note.setText(self.tr("crmdesk imports the file back as it is; masked numbers are skipped then, "
                                      "so the stored ones stay."))
        self.export_button.setEnabled(not self.busy and not (what is ExportWhat.SHOWN and not self.shown_ids))

    def _ids(self) -> list[int] | None:
        what = self.what()
        if what is ExportWhat.SELECTED:
            return self.selected_ids
        if what is ExportWhat.SHOWN:
            return self.shown_ids
        if what in _SCOPED and self.only_shown.isChecked():
            return self.shown_ids
        return None

    def _csv_table(self) -> LedgerTable:
        return LedgerTable(self.csv_table.currentData())  # a StrEnum comes back from Qt as a plain str

    def _template_kind(self) -> ImportKind:
        return ImportKind(self.template_kind.currentData())

    def suffix(self) -> str:
        if self.what() is ExportWhat.VCARD:
            return ".vcf"
        return ".csv" if self.csv.isChecked() else ".xlsx"

    def suggested_path(self) -> Path:
        """In the customer file's folder: 客户-2026-11-23.xlsx, 客户台账-2026-11-23.xlsx, 客户导入模板.xlsx ..."""
        what = self.what()
        today: date | None = self.today
        if what in _CUSTOMERS:
            key = "customers"
        elif what is ExportWhat.LEDGER:
            key = self._csv_table().value if self.csv.isChecked() else "ledger"
        elif what is ExportWhat.FOLLOW_UPS:
            key = "follow_ups"
        elif what is ExportWhat.VCARD:
            key = "contacts"
        else:
            key, today = f"template_{self._template_kind().value}", None
        return self.session.path.parent / exporting.file_name(key, self.suffix(), today, chinese=self.chinese)

    def _filter(self) -> str:
        return {
            ".xlsx": self.tr("Excel workbook (*.xlsx)"),
            ".csv": self.tr("CSV, UTF-8 (*.csv)"),
            ".vcf": self.tr("vCard (*.vcf)"),
        }[self.suffix()]

    # ------------------------------------------------------------ the export

    def start(self) -> None:
        """Ask where, then export on the worker."""
        if self.busy:
            return
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), str(self.suggested_path()),
                                                self._filter())
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != self.suffix():
            path = path.with_name(path.name + self.suffix())
        self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write the chosen export to ``path`` on the worker (no questions asked)."""
        work = self._work(path)
        progress = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowTitle(self.tr("Export"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.canceled.connect(self._cancelled)
        self._progress = progress
        steps = _Steps(self)
        steps.step.connect(self._step)
        self._cancel = False

        def step(done: int, total: int) -> None:  # on the worker
            if self._cancel:
                raise Cancelled()
            steps.step.emit(done, total)

        self.busy = True
        self._update()
        self.session.run(lambda cf: work(cf, step), lambda count: self._done(path, count), self._failed)

    def _work(self, path: Path):
        """The export as a function of the worker's file and a progress callback (plain data only)."""
        what, ids, chinese, today = self.what(), self._ids(), self.chinese, self.today
        reveal = self.reveal.isChecked()
        if what in _CUSTOMERS:
            return lambda cf, step: exporting.export_customers(cf, path, ids=ids, chinese=chinese, reveal=reveal,
                                                               progress=step)
        if what is ExportWhat.LEDGER:
            tables = [self._csv_table()] if path.suffix.lower() == ".csv" else None
            return lambda cf, step: exporting.export_ledger(cf, path, today, chinese=chinese, ids=ids,
                                                            tables=tables, progress=step)
        if what is ExportWhat.FOLLOW_UPS:
            return lambda cf, step: exporting.export_follow_ups(cf, path, today, chinese=chinese, ids=ids,
                                                                progress=step)
        if what is ExportWhat.VCARD:
            return lambda cf, step: exporting.export_vcards(cf, path, ids=ids, progress=step)
        kind = self._template_kind()
        return lambda cf, step: exporting.write_template(path, kind, chinese=chinese)

    def _step(self, done: int, total: int) -> None:
        if self._progress is not None and self.busy:
            self._progress.setMaximum(max(total, 1))
            self._progress.setValue(min(done, max(total, 1)))

    def _cancelled(self) -> None:
        self._cancel = True

    def reject(self) -> None:
        """Closing while the export runs cancels it (no file is left); the dialog stays to say so."""
        if self.busy:
            self._cancel = True
            return
        super().reject()

    def _finish(self) -> None:
        self.busy = False
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        self._update()

    def _done(self, path: Path, count: int) -> None:
        self._finish()
        what = self.what()
        if what is ExportWhat.TEMPLATE:
            text = self.tr("The import template was written to\n{path}")
        elif what is ExportWhat.VCARD:
            text = self.tr("%n contacts were written to\n{path}", "", count)
        else:
            text = self.tr("%n rows were written to\n{path}", "", count)
        QMessageBox.information(self, self.tr("Export"), text.replace("{path}", str(path)))
        self.exported.emit(str(path))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, Cancelled):
            QMessageBox.information(self, self.tr("Export"), self.tr("Cancelled: no file was written."))
        elif isinstance(error, ExportError) and error.problem is ExportProblem.TOO_MANY_ROWS:
            QMessageBox.warning(self, self.tr("Export"), self.tr(
                "More rows than an Excel sheet holds ({limit}). Export to CSV instead, or fewer customers; "
                "no file was written.").replace("{limit}", f"{error.params.get('limit', 0):,}"))
        elif isinstance(error, OSError):
            QMessageBox.warning(self, self.tr("Export"), self.tr(
                "The file could not be written: {detail}\n\nNo file was written.").replace(
                    "{detail}", error.strerror or str(error)))
        else:
            raise error


def open_export_dialog(parent: QWidget, session: FileSession, today: date, shown_ids: Sequence[int], *,
                       selected_ids: Sequence[int] = (), what: ExportWhat = ExportWhat.SHOWN) -> ExportDialog:
    """Open the dialog window-modal over ``parent`` and return it (it deletes itself when closed)."""
    dialog = ExportDialog(session, today, shown_ids, selected_ids=selected_ids, what=what, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

