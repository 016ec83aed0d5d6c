"""The statement dialog: choose a period, look at the statement, print it or save a PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QStandardPaths, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.customer import Customer
from crmdesk.domain.statements import PeriodPreset, Statement, period_label, preset_range
from crmdesk.services import statements as statement_service
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.ui.statement.statement_document import (
    default_page_layout,
    document_font,
    print_document,
    save_pdf,
    statement_document,
    statement_html,
)

PRESETS = (PeriodPreset.LAST_MONTH, PeriodPreset.THIS_MONTH, PeriodPreset.THIS_QUARTER, PeriodPreset.THIS_YEAR)
CUSTOM = "custom"  # the combo's entry once the dates are edited by hand


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class StatementDialog(QDialog):
    def __init__(
        self,
        cf: CustomerFile,
        customer: Customer,
        today: date,
        parent: QWidget | None = None,
        *,
        company_name: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statement_dialog")
        self._cf, self._customer, self._today = cf, customer, today
        self._company_name = company_name
        self.statement: Statement | None = None
        self._setting_dates = False

        self.preset_combo = QComboBox(self)
        self.preset_combo.setObjectName("preset_combo")
        for preset in PRESETS:
            self.preset_combo.addItem("", preset)
        self.preset_combo.addItem("", CUSTOM)
        self.from_edit, self.to_edit = (self._date_edit(name) for name in ("from_edit", "to_edit"))
        self.preset_label, self.from_label, self.to_label = QLabel(self), QLabel(self), QLabel(self)
        self.from_label.setBuddy(self.from_edit)
        self.to_label.setBuddy(self.to_edit)
        self.preset_label.setBuddy(self.preset_combo)

        self.preview = QTextBrowser(self)
        self.preview.setObjectName("statement_preview")
        self.preview.setOpenLinks(False)
        self.preview.setFont(document_font())
        # The page is laid out to the viewport's width; a bordered 100% table
        # overhangs it by a pixel, which is not worth a scroll bar.
        self.preview.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.preview_button = QPushButton(self)
        self.preview_button.setObjectName("print_preview_button")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("print_button")
        self.pdf_button = QPushButton(self)
        self.pdf_button.setObjectName("save_pdf_button")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in (self.preview_button, self.print_button, self.pdf_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.print_preview)
        self.print_button.clicked.connect(self.print_statement)
        self.pdf_button.clicked.connect(self.save_as_pdf)

        period_row = QHBoxLayout()
        period_row.addWidget(self.preset_label)
        period_row.addWidget(self.preset_combo)
        period_row.addSpacing(12)
        period_row.addWidget(self.from_label)
        period_row.addWidget(self.from_edit)
        period_row.addWidget(self.to_label)
        period_row.addWidget(self.to_edit)
        period_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(period_row)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)

        self.preset_combo.currentIndexChanged.connect(self._preset_chosen)
        self.from_edit.dateChanged.connect(self._dates_edited)
        self.to_edit.dateChanged.connect(self._dates_edited)
        self.resize(900, 680)
        self.retranslate()
        self.set_preset(PeriodPreset.LAST_MONTH)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDateRange(QDate(1900, 1, 1), QDate(2200, 12, 31))
        return edit

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Statement of account — {name}").format(name=self._customer.name))
        self.preset_label.setText(self.tr("&Period:"))
        self.from_label.setText(self.tr("&From:"))
        self.to_label.setText(self.tr("&To:"))
        names = {
            PeriodPreset.LAST_MONTH: self.tr("Last month"),
            PeriodPreset.THIS_MONTH: self.tr("This month"),
            PeriodPreset.THIS_QUARTER: self.tr("This quarter"),
            PeriodPreset.THIS_YEAR: self.tr("This year"),
            CUSTOM: self.tr("Custom"),
        }
        for index in range(self.preset_combo.count()):
            self.preset_combo.setItemText(index, names[self.preset_combo.itemData(index)])
        self.preview_button.setText(self.tr("Print pre&view…"))
        self.print_button.setText(self.tr("&Print…"))
        self.pdf_button.setText(self.tr("Save as P&DF…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)

    # -- the period --------------------------------------------------------------------------

    @property
    def period(self) -> tuple[date, date]:
        return _pydate(self.from_edit.date()), _pydate(self.to_edit.date())

    def set_preset(self, preset: PeriodPreset) -> None:
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(preset))
        self._preset_chosen()

    def set_period(self, start: date, end: date) -> None:
        self._setting_dates = True
        try:
            self.from_edit.setDate(_qdate(start))
            self.to_edit.setDate(_qdate(end))
        finally:
            self._setting_dates = False
        self.refresh()

    def _preset_chosen(self) -> None:
        preset = self.preset_combo.currentData()
        if preset != CUSTOM:
            self.set_period(*preset_range(PeriodPreset(preset), self._today))

    def _dates_edited(self) -> None:
        if self._setting_dates:
            return
        self.preset_combo.blockSignals(True)
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(CUSTOM))
        self.preset_combo.blockSignals(False)
        self.refresh()

    # -- showing, printing, saving ------------------------------------------------------------------

    def refresh(self) -> None:
        start, end = self.period
        valid = start <= end
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(valid)
        if not valid:
            self.statement = None
            self.preview.setPlainText(self.tr("The start date is after the end date."))
            return
        self.statement = statement_service.statement(self._cf, self._customer.id, start, end)
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setHtml(self.html())
        self.preview.verticalScrollBar().setValue(scroll)

    def html(self) -> str:
        return statement_html(self.statement, self._customer, company_name=self._company_name, today=self._today)

    def document(self) -> QTextDocument:
        return statement_document(self.statement, self._customer, company_name=self._company_name,
                                  today=self._today)

    def footer(self) -> str:
        code = self._customer.code or ""
        start, end = self.period
        return f"{self._customer.name} {code}  {start.isoformat()} – {end.isoformat()}".strip()

    def default_file_name(self) -> str:
        start, end = self.period
        parts = [self.tr("Statement"), self._customer.code or self._customer.name, period_label(start, end)]
        name = "_".join(p for p in parts if p) + ".pdf"
        return "".join("_" if c in '<>:"/\\|?*' else c for c in name)

    def new_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(default_page_layout())
        printer.setDocName(Path(self.default_file_name()).stem)
        return printer

    def render(self, printer: QPrinter) -> None:
        """Paint the statement on ``printer``, honouring a page range chosen in its dialog."""
        pages = None
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            pages = range(printer.fromPage(), (printer.toPage() or printer.fromPage()) + 1)
        print_document(self.document(), printer, footer_left=self.footer(), pages=pages)

    def print_preview(self) -> None:
        if self.statement is None:
            return
        printer = self.new_printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print preview"))
        dialog.paintRequested.connect(self.render)
        dialog.resize(900, 800)
        dialog.exec()

    def print_statement(self) -> None:
        if self.statement is None:
            return
        printer = self.new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._report_failure(lambda: self.render(printer))

    def ask_pdf_path(self) -> str:
        """The file to save to, or "" when the user cancels (a seam for tests)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / self.default_file_name()) if folder else self.default_file_name()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save statement as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path

    def save_as_pdf(self) -> Path | None:
        if self.statement is None:
            return None
        path = self.ask_pdf_path()
        if not path:
            return None
        if self._report_failure(lambda: save_pdf(self.document(), path, footer_left=self.footer())):
            return Path(path)
        return None

    def _report_failure(self, action) -> bool:
        try:
            action()
        except OSError as error:
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("The statement could not be written:\n{error}").format(error=error))
            return False
        return True
