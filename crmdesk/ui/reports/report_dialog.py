"""The two report dialogs: look at a report, choose its period, print it or save a PDF.

``CustomerReviewDialog`` shows a customer's business review for a period
(presets, or two dates typed by hand); ``MonthlySummaryDialog`` shows the
file's summary of a month, for every customer or one owner's, with charts
made elsewhere (``charts``: the summary -> (title, QImage) pairs).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QWidget

from crmdesk.domain.orders import Period
from crmdesk.domain.statements import PeriodPreset, last_whole_month
from crmdesk.services.summaries import CustomerReview, MonthlySummary, customer_review, monthly_summary
from crmdesk.storage import customers as customer_store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.ui.document_dialog import DocumentDialog
from crmdesk.ui.period_picker import PeriodPicker
from crmdesk.ui.reports.customer_review import (
    customer_review_document,
    customer_review_file_name,
    customer_review_footer,
    customer_review_html,
)
from crmdesk.ui.reports.monthly_summary import (
    chart_names,
    monthly_summary_document,
    monthly_summary_file_name,
    monthly_summary_footer,
    monthly_summary_html,
)

REVIEW_PRESETS = (PeriodPreset.LAST_QUARTER, PeriodPreset.THIS_QUARTER, PeriodPreset.LAST_MONTH,
                  PeriodPreset.THIS_MONTH, PeriodPreset.THIS_YEAR, PeriodPreset.LAST_YEAR,
                  PeriodPreset.LAST_12_MONTHS)
ChartSource = Callable[[MonthlySummary], Sequence[tuple[str, QImage]]]
ALL_OWNERS = ""  # the owner combo's first entry: every customer


def _file_name(cf: CustomerFile) -> str:
    return Path(cf.path).name


class CustomerReviewDialog(DocumentDialog):
    """定期业务总结 of one customer: the period chooser above, the review below, print and PDF."""

    def __init__(self, cf: CustomerFile, customer_id: int, today: date, parent: QWidget | None = None,
                 *, preset: PeriodPreset = PeriodPreset.LAST_QUARTER) -> None:
        super().__init__(parent)
        self.setObjectName("customer_review_dialog")
        self.preview.setObjectName("review_preview")
        self._cf, self._customer_id, self._today = cf, customer_id, today
        customer = customer_store.get_customer(cf, customer_id)
        if customer is None:
            raise LookupError(customer_id)
        self._name = customer.name
        self.review: CustomerReview | None = None
        self.period_picker = PeriodPicker(today, REVIEW_PRESETS, self)
        self.controls.addWidget(self.period_picker)
        self.controls.addStretch(1)
        self.period_picker.set_preset(preset)
        self.period_picker.changed.connect(self.refresh)
        self.resize(900, 720)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Business review — {name}").format(name=self._name))
        self.retranslate_buttons()

    @property
    def period(self) -> tuple[date, date]:
        return self.period_picker.period

    def set_period(self, first: date, last: date) -> None:
        self.period_picker.set_period(first, last)

    def set_preset(self, preset: PeriodPreset) -> None:
        self.period_picker.set_preset(preset)

    def refresh(self) -> None:
        if problem := self.period_picker.problem():
            self.review = None
            self.show_message(problem)
            return
        first, last = self.period
        self.review = customer_review(self._cf, self._customer_id, first, last, self._today)
        self.show_html(self.html())

    def html(self) -> str:
        return customer_review_html(self.review, file_name=_file_name(self._cf))

    def document(self) -> QTextDocument:
        return customer_review_document(self.review, file_name=_file_name(self._cf))

    def footer(self) -> str:
        return customer_review_footer(self.review)

    def default_file_name(self) -> str:
        return customer_review_file_name(self.review)

    def pdf_caption(self) -> str:
        return self.tr("Save the business review as PDF")

    def failure_text(self) -> str:
        return self.tr("The business review could not be written:\n{error}")


class MonthlySummaryDialog(DocumentDialog):
    """月度经营总结 of the file: the month and owner above, the summary (with charts) below, print and PDF."""

    def __init__(self, cf: CustomerFile, today: date, parent: QWidget | None = None, *,
                 month: Period | None = None, owner: str | None = None,
                 charts: ChartSource | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthly_summary_dialog")
        self.preview.setObjectName("summary_preview")
        self._cf, self._today, self._charts = cf, today, charts
        self.summary: MonthlySummary | None = None
        self._chart_images: list[tuple[str, QImage]] = []

        self.month_label, self.owner_label = QLabel(self), QLabel(self)
        self.month_edit = QDateEdit(self)
        self.month_edit.setObjectName("month_edit")
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setDateRange(QDate(1900, 1, 1), QDate(2200, 12, 31))
        self.owner_combo = QComboBox(self)
        self.owner_combo.setObjectName("owner_combo")
        self.owner_combo.addItem("", ALL_OWNERS)
        for name in customer_store.owners(cf):
            self.owner_combo.addItem(name, name)
        self.month_label.setBuddy(self.month_edit)
        self.owner_label.setBuddy(self.owner_combo)
        for widget in (self.month_label, self.month_edit):
            self.controls.addWidget(widget)
        self.controls.addSpacing(12)
        for widget in (self.owner_label, self.owner_combo):
            self.controls.addWidget(widget)
        self.controls.addStretch(1)

        self.set_month(month or last_whole_month(today))
        if owner is not None:
            index = self.owner_combo.findData(owner)
            self.owner_combo.setCurrentIndex(index if index >= 0 else 0)
        self.month_edit.dateChanged.connect(self.refresh)
        self.owner_combo.currentIndexChanged.connect(self.refresh)
        self.resize(900, 760)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Monthly summary — {month}").format(month=str(self.month)))
        self.month_label.setText(self.tr("&Month:"))
        self.owner_label.setText(self.tr("&Customers of:"))
        self.owner_combo.setItemText(0, self.tr("Everyone"))
        self.retranslate_buttons()

    @property
    def month(self) -> Period:
        day = self.month_edit.date()
        return Period.month_of(date(day.year(), day.month(), 1))

    def set_month(self, month: Period) -> None:
        first = month.first_day
        self.month_edit.setDate(QDate(first.year, first.month, 1))

    @property
    def owner(self) -> str | None:
        return self.owner_combo.currentData() or None

    def refresh(self) -> None:
        self.summary = monthly_summary(self._cf, self.month, self._today, self.owner)
        charts = list(self._charts(self.summary)) if self._charts is not None else []
        self._chart_images = charts
        self.show_html(monthly_summary_html(self.summary, charts, file_name=_file_name(self._cf)),
                       images=chart_names(charts))
        self.setWindowTitle(self.tr("Monthly summary — {month}").format(month=str(self.month)))

    def document(self) -> QTextDocument:
        return monthly_summary_document(self.summary, self._chart_images, file_name=_file_name(self._cf))

    def footer(self) -> str:
        return monthly_summary_footer(self.summary, _file_name(self._cf))

    def default_file_name(self) -> str:
        return monthly_summary_file_name(self.summary)

    def pdf_caption(self) -> str:
        return self.tr("Save the monthly summary as PDF")

    def failure_text(self) -> str:
        return self.tr("The monthly summary could not be written:\n{error}")
