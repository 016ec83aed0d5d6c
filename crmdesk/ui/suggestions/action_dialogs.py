"""What the suggestions dialog does with the chosen customers: plan a follow-up for each, or
make them a campaign's targets.

Both dialogs store through a SuggestionsAccess when OK is pressed and stay open
on errors, shown under their fields; a file that refuses the write says so on
top.  After OK, ``planned`` (PlannedFollowUps) or ``campaign`` (the stored
Campaign) holds what was done.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from crmdesk.domain.campaigns import Campaign, CampaignChannel
from crmdesk.domain.followups import MAX_PURPOSE, ContactMethod
from crmdesk.domain.money import MoneyError, format_money, parse_money
from crmdesk.domain.validation import ErrorCode, clean_single_line
from crmdesk.services.campaigns import CampaignInvalid
from crmdesk.services.suggestions import PlannedFollowUps
from crmdesk.storage.customer_file import WriteError
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.field_form import digits_width
from crmdesk.ui.customer_detail.ledger_widgets import EntryDialog, EntryForm, read_when
from crmdesk.ui.suggestions.suggestions_access import SuggestionsAccess

CAMPAIGN_DAYS = 30  # a new campaign runs this long unless changed


def _combo(members: Sequence, current) -> QComboBox:
    combo = QComboBox()
    for member in members:
        combo.addItem(texts.enum_text(member), member.value)
    combo.setCurrentIndex(max(combo.findData(current.value), 0))
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def _retranslate_combo(combo: QComboBox, kind: type) -> None:
    for i in range(combo.count()):
        combo.setItemText(i, texts.enum_text(kind(combo.itemData(i))))


def _date_hints(line: QLineEdit) -> None:
    # The customer form's hints, already translated there.
    line.setPlaceholderText(QCoreApplication.translate("FieldForm", "YYYY-MM-DD"))
    line.setToolTip(QCoreApplication.translate("FieldForm", "Also accepted: 2024.1.5, 2024/1/5, 2024年1月5日, 20240105"))


class PlanFollowUpsDialog(EntryDialog):
    """One planned follow-up per chosen customer: due day (tomorrow), optional time, method, purpose
    ("Recommend 冷链仓储"); each gets its customer's owner."""

    FIELD_OF = {"due_date": "date", "due_time": "time"}

    def __init__(self, access: SuggestionsAccess, customer_ids: Sequence[int], product: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan_follow_ups_dialog")
        self._access = access
        self._ids = list(customer_ids)
        self._product = product
        self.planned: PlannedFollowUps | None = None
        self.form = f = EntryForm("plan")
        f.add("date", QLineEdit(), width_digits=14)
        f.add("time", QLineEdit(), width_digits=8)
        f.add("method", _combo(list(ContactMethod), ContactMethod.PHONE))
        f.add("purpose", QLineEdit())
        f.line("purpose").setMaxLength(MAX_PURPOSE)
        self._build_frame(f)
        f.set_field_width(f.line("purpose"), digits_width(f.line("purpose"), 44))
        f.line("date").setText((access.today + timedelta(days=1)).isoformat())
        self.retranslate()
        f.line("purpose").setText(self.tr("Recommend %1").replace("%1", product))
        f.line("purpose").setFocus()

    def accept(self) -> None:
        self._set_general_error(None)
        f = self.form
        f.clear_errors()
        day, time = read_when(self, "date", "time")
        if day is None:
            f.focus_first_error()
            return
        method = ContactMethod(f.editors["method"].currentData())
        purpose = clean_single_line(f.text("purpose"))
        result = self._store(
            lambda: self._access.plan_follow_ups(self._ids, purpose, day, method=method, due_time=time),
            lambda done: done if isinstance(done, list) else ())
        if result is None:
            return
        assert isinstance(result, PlannedFollowUps)
        self.planned = result
        super().accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Plan follow-ups for %n customer(s)", "", len(self._ids)))
        labels = {"date": self.tr("Due"), "time": self.tr("Time"), "method": self.tr("Method"),
                  "purpose": self.tr("Purpose")}
        for name, label in self.form.labels.items():
            label.setText(labels[name])
        _retranslate_combo(self.form.editors["method"], ContactMethod)
        self.form.line("time").setPlaceholderText(self.tr("HH:MM, optional"))
        _date_hints(self.form.line("date"))
        self.form.rerender_errors()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class MakeCampaignDialog(EntryDialog):
    """A new campaign (市场活动) whose targets are the chosen customers: name ("Recommend 冷链仓储"),
    channel, start (today) and end (in 30 days), cost."""

    FIELD_OF = {"start_date": "start", "end_date": "end"}

    def __init__(self, access: SuggestionsAccess, customer_ids: Sequence[int], product: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("make_campaign_dialog")
        self._access = access
        self._ids = list(customer_ids)
        self.campaign: Campaign | None = None
        self.form = f = EntryForm("suggested_campaign")
        f.add("name", QLineEdit())
        f.add("channel", _combo(list(CampaignChannel), CampaignChannel.SMS))
        f.add("start", QLineEdit(), width_digits=14)
        f.add("end", QLineEdit(), width_digits=14)
        f.add("cost", QLineEdit(), width_digits=18)
        f.line("name").setMaxLength(200)
        self._build_frame(f)
        f.set_field_width(f.line("name"), digits_width(f.line("name"), 44))
        f.line("start").setText(access.today.isoformat())
        f.line("end").setText((access.today + timedelta(days=CAMPAIGN_DAYS)).isoformat())
        f.line("cost").setText(format_money(0))
        self.retranslate()
        f.line("name").setText(self.tr("Recommend %1").replace("%1", product))
        f.line("name").setFocus()

    def accept(self) -> None:
        self._set_general_error(None)
        f = self.form
        f.clear_errors()
        start, end = self._read_date("start"), self._read_date("end")
        cost = self._read_cost()
        if start is None or end is None or cost is None:
            f.focus_first_error()
            return
        campaign = Campaign(clean_single_line(f.text("name")), CampaignChannel(f.editors["channel"].currentData()),
                            start, end, cost)
        try:
            self.campaign = self._access.make_campaign(campaign, self._ids)
        except CampaignInvalid as e:
            self._show_field_errors(e.errors)
            f.focus_first_error()
            return
        except WriteError as e:
            self._set_general_error(texts.error_text(e.problem, {"detail": e.detail}))
            return
        super().accept()

    def _read_cost(self) -> int | None:
        text = clean_single_line(self.form.text("cost"))
        if not text:
            return 0
        try:
            return parse_money(text)
        except MoneyError as e:  # its codes are ErrorCode values, as the campaign dialog reads them
            self._error("cost", ErrorCode(e.code))
            return None

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Make a campaign of %n customer(s)", "", len(self._ids)))
        labels = {"name": self.tr("Name"), "channel": self.tr("Channel"), "start": self.tr("Start"),
                  "end": self.tr("End"), "cost": self.tr("Cost (¥)")}
        for name, label in self.form.labels.items():
            label.setText(labels[name])
        _retranslate_combo(self.form.editors["channel"], CampaignChannel)
        for name in ("start", "end"):
            _date_hints(self.form.line(name))
        self.form.rerender_errors()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
