"""PeriodPicker: a preset (last month, this year …) or two dates typed by hand.

Choosing a preset sets the dates; editing a date switches the combo to
"Custom".  ``changed`` fires once per change with the new first and last day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from crmdesk.domain.statements import PeriodPreset, preset_range

CUSTOM = "custom"  # the combo's entry once the dates are edited by hand


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class PeriodPicker(QWidget):
    changed = Signal(object, object)  # first, last (datetime.date)

    def __init__(self, today: date, presets: Sequence[PeriodPreset], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._setting_dates = False
        self.preset_combo = QComboBox(self)
        self.preset_combo.setObjectName("preset_combo")
        for preset in presets:
            self.preset_combo.addItem("", preset)
        self.preset_combo.addItem("", CUSTOM)
        self.from_edit, self.to_edit = (self._date_edit(name) for name in ("from_edit", "to_edit"))
        self.preset_label, self.from_label, self.to_label = QLabel(self), QLabel(self), QLabel(self)
        self.preset_label.setBuddy(self.preset_combo)
        self.from_label.setBuddy(self.from_edit)
        self.to_label.setBuddy(self.to_edit)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preset_label)
        row.addWidget(self.preset_combo)
        row.addSpacing(12)
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            row.addWidget(widget)
        self.preset_combo.currentIndexChanged.connect(self._preset_chosen)
        self.from_edit.dateChanged.connect(self._dates_edited)
        self.to_edit.dateChanged.connect(self._dates_edited)
        self.retranslate()
        self.set_preset(presets[0])

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDateRange(QDate(1900, 1, 1), QDate(2200, 12, 31))
        return edit

    def retranslate(self) -> None:
        self.preset_label.setText(self.tr("&Period:"))
        self.from_label.setText(self.tr("&From:"))
        self.to_label.setText(self.tr("&To:"))
        names = {
            PeriodPreset.LAST_MONTH: self.tr("Last month"),
            PeriodPreset.THIS_MONTH: self.tr("This month"),
            PeriodPreset.THIS_QUARTER: self.tr("This quarter"),
            PeriodPreset.THIS_YEAR: self.tr("This year"),
            PeriodPreset.LAST_12_MONTHS: self.tr("Last 12 months"),
            PeriodPreset.LAST_YEAR: self.tr("Last year"),
            PeriodPreset.LAST_QUARTER: self.tr("Last quarter"),
            CUSTOM: self.tr("Custom"),
        }
        for index in range(self.preset_combo.count()):
            self.preset_combo.setItemText(index, names[self.preset_combo.itemData(index)])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def period(self) -> tuple[date, date]:
        return pydate(self.from_edit.date()), pydate(self.to_edit.date())

    def problem(self) -> str:
        """What is wrong with the dates, in the user's language; "" when they make a period."""
        first, last = self.period
        return self.tr("The start date is after the end date.") if first > last else ""

    def set_today(self, today: date) -> None:
        self._today = today
        self._preset_chosen()

    def set_preset(self, preset: PeriodPreset) -> None:
        self.preset_combo.blockSignals(True)  # one `changed`, not two
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(preset))
        self.preset_combo.blockSignals(False)
        self._preset_chosen()

    def set_period(self, first: date, last: date) -> None:
        self._setting_dates = True
        try:
            self.from_edit.setDate(qdate(first))
            self.to_edit.setDate(qdate(last))
        finally:
            self._setting_dates = False
        self.changed.emit(first, last)

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
        self.changed.emit(*self.period)
