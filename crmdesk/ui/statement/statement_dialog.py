"""The statement dialog: choose a period, look at the statement, print it or save a PDF."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from crmdesk.domain.customer import Customer
from crmdesk.domain.statements import PeriodPreset, Statement, period_label
from crmdesk.services import statements as statement_service
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.ui.document_dialog import DocumentDialog
from crmdesk.ui.period_picker import PeriodPicker
from crmdesk.ui.printing import safe_file_name
from crmdesk.ui.statement.statement_document import statement_document, statement_html

PRESETS = (PeriodPreset.LAST_MONTH, PeriodPreset.THIS_MONTH, PeriodPreset.THIS_QUARTER, PeriodPreset.THIS_YEAR)


class StatementDialog(DocumentDialog):
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
        self.preview.setObjectName("statement_preview")

        self.period_picker = PeriodPicker(today, PRESETS, self)
        self.preset_combo = self.period_picker.preset_combo
        self.from_edit, self.to_edit = self.period_picker.from_edit, self.period_picker.to_edit
        self.controls.addWidget(self.period_picker)
        self.controls.addStretch(1)
        self.period_picker.changed.connect(self.refresh)
        self.resize(900, 680)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Statement of account — {name}").format(name=self._customer.name))
        self.retranslate_buttons()

    # -- the period --------------------------------------------------------------------------

    @property
    def period(self) -> tuple[date, date]:
        return self.period_picker.period

    def set_preset(self, preset: PeriodPreset) -> None:
        self.period_picker.set_preset(preset)

    def set_period(self, start: date, end: date) -> None:
        self.period_picker.set_period(start, end)

    # -- showing, printing, saving ------------------------------------------------------------------

    def refresh(self) -> None:
        if problem := self.period_picker.problem():
            self.statement = None
            self.show_message(problem)
            return
        start, end = self.period
        self.statement = statement_service.statement(self._cf, self._customer.id, start, end)
        self.show_html(self.html())

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
        return safe_file_name("_".join(p for p in parts if p) + ".pdf")

    def pdf_caption(self) -> str:
        return self.tr("Save statement as PDF")

    def failure_text(self) -> str:
        return self.tr("The statement could not be written:\n{error}")

    def print_statement(self) -> None:
        self.print_pages()
