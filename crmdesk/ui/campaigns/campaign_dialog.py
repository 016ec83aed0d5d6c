"""CampaignDialog: add or edit a campaign, with the filter that chooses its customers.

Name, channel, start and end dates, cost (money, ¥), the attribution window
in days and a note; below, the filter: tiers and RFM segments to tick, and
regions, tags, products bought and products not bought as lists separated by
commas.  A live count says how many customers the filter chooses now (read a
moment after the last change, as the search does).

A new campaign's customers are those the filter chooses when OK is pressed.
Editing one keeps its customers, unless "Choose the customers again" is
ticked: then the filter's customers are added and those it no longer
chooses are dropped, except those already reached.

OK saves through a CampaignAccess and stays open on errors, shown under their
fields; ``saved`` carries the campaign as stored.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from crmdesk.domain.campaigns import DEFAULT_WINDOW_DAYS, Campaign, CampaignChannel, TargetFilter
from crmdesk.domain.dates import DateError, parse_date
from crmdesk.domain.money import MoneyError, format_money, parse_money
from crmdesk.domain.tiers import Segment, Tier
from crmdesk.domain.validation import ErrorCode, FieldError, clean_single_line
from crmdesk.storage.customer_file import WriteError
from crmdesk.ui import texts
from crmdesk.ui.campaigns.campaign_access import CampaignAccess
from crmdesk.ui.customer_detail.field_form import digits_width
from crmdesk.ui.customer_detail.ledger_widgets import EntryDialog, EntryForm, parse_count

COUNT_DELAY_MS = 150  # the live count waits this long after the last change
_SEPARATORS = re.compile(r"[,;、]")  # full-width ，； are folded to these by NFKC
_LIST_FIELDS = ("regions", "tags", "bought", "not_bought")
_CHOICES_SHOWN = 12  # known values named in a list field's tooltip


def split_values(text: str) -> tuple[str, ...]:
    """"广东, 北京，上海、江苏" -> ("广东", "北京", "上海", "江苏"): each value once, blanks dropped."""
    parts = (clean_single_line(p) for p in _SEPARATORS.split(unicodedata.normalize("NFKC", text)))
    return tuple(dict.fromkeys(p for p in parts if p))


def join_values(values: tuple[str, ...]) -> str:
    return ", ".join(values)


class CampaignDialog(EntryDialog):
    """Add (``campaign`` None) or edit one campaign."""

    saved = Signal(object)  # the Campaign as stored

    def __init__(self, access: CampaignAccess, campaign: Campaign | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaign_dialog")
        self._access = access
        self._original = campaign
        self._read_only = access.read_only
        self._saved: Campaign | None = None

        self.form = EntryForm("campaign")
        f = self.form
        f.add("name", QLineEdit())
        self.channel = QComboBox()
        for channel in CampaignChannel:
            self.channel.addItem(texts.enum_text(channel), channel.value)
        f.add("channel", self.channel)
        f.add("start_date", QLineEdit(), width_digits=14)
        f.add("end_date", QLineEdit(), width_digits=14)
        f.add("cost", QLineEdit(), width_digits=18)
        self.window_hint = QLabel()
        self.window_hint.setObjectName("campaign_window_hint")
        f.add("window_days", QLineEdit(), width_digits=8, beside=self.window_hint)
        f.add("note", QLineEdit())

        self.filter_title = QLabel()
        f.add_section(self.filter_title)
        self.tier_boxes = {t: self._check(f"campaign_tier_{t.value}") for t in Tier}
        f.add("tiers", self._box_row(list(self.tier_boxes.values()), columns=4))
        self.segment_boxes = {s: self._check(f"campaign_segment_{s.value}") for s in Segment}
        f.add("segments", self._box_row(list(self.segment_boxes.values()), columns=4))
        for name in _LIST_FIELDS:
            f.add(name, QLineEdit())
        self.count_label = QLabel()
        self.count_label.setObjectName("campaign_match_count")
        self.retarget = QCheckBox()
        self.retarget.setObjectName("campaign_retarget")
        self.retarget.setVisible(campaign is not None)
        f.layout.addRow(self.count_label)
        f.layout.addRow(self.retarget)

        limits = {"name": 200, "start_date": 40, "end_date": 40, "cost": 40, "window_days": 6, "note": 2000,
                  "regions": 1000, "tags": 1000, "bought": 2000, "not_bought": 2000}
        for name, limit in limits.items():
            f.line(name).setMaxLength(limit)
            f.line(name).setReadOnly(self._read_only)
        for name in ("cost", "window_days"):
            f.line(name).setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for box in (*self.tier_boxes.values(), *self.segment_boxes.values()):
            box.setEnabled(not self._read_only)
        self.channel.setEnabled(not self._read_only)
        self.retarget.setEnabled(not self._read_only)

        self._build_frame(f, read_only=self._read_only)
        f.set_field_width(f.line("name"), digits_width(f.line("name"), 44))
        self.general_error.setMinimumWidth(digits_width(self.general_error, 50))

        # The live count: read a moment after the last change of the filter.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.update_count)
        self._count: int | None = None
        for name in _LIST_FIELDS:
            f.line(name).textChanged.connect(self._filter_changed)
        for box in (*self.tier_boxes.values(), *self.segment_boxes.values()):
            box.toggled.connect(self._filter_changed)
        f.line("window_days").textChanged.connect(self._update_window_hint)
        f.line("end_date").textChanged.connect(self._update_window_hint)

        # What the file holds, named in the list fields' tooltips (read once: re-wording reads nothing).
        self._known = {"regions": access.regions(), "tags": access.tags(), "products": access.products()}

        self._load(campaign)
        self.retranslate()
        self.update_count()
        f.line("name").setFocus()

    @staticmethod
    def _check(name: str) -> QCheckBox:
        box = QCheckBox()
        box.setObjectName(name)
        return box

    @staticmethod
    def _box_row(boxes: list[QCheckBox], columns: int) -> QWidget:
        row = QWidget()
        grid = QGridLayout(row)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for i, box in enumerate(boxes):
            grid.addWidget(box, i // columns, i % columns)
        return row

    def _load(self, campaign: Campaign | None) -> None:
        f = self.form
        if campaign is None:
            today = self._access.today.isoformat()
            f.line("start_date").setText(today)
            f.line("end_date").setText(today)
            f.line("window_days").setText(str(DEFAULT_WINDOW_DAYS))
            return
        values = {
            "name": campaign.name,
            "start_date": campaign.start_date.isoformat(),
            "end_date": campaign.end_date.isoformat(),
            "cost": format_money(campaign.cost),
            "window_days": str(campaign.window_days),
            "note": campaign.note or "",
        }
        for name, value in values.items():
            f.line(name).setText(value)
            f.line(name).setCursorPosition(0)
        self.channel.setCurrentIndex(max(self.channel.findData(campaign.channel.value), 0))
        self.set_filter(campaign.target_filter)

    # -- the filter

    def set_filter(self, target_filter: TargetFilter) -> None:
        for tier, box in self.tier_boxes.items():
            box.setChecked(tier in target_filter.tiers)
        for segment, box in self.segment_boxes.items():
            box.setChecked(segment in target_filter.segments)
        for name in _LIST_FIELDS:
            self.form.line(name).setText(join_values(getattr(target_filter, name)))
        self.update_count()

    def target_filter(self) -> TargetFilter:
        """The filter as ticked and typed now."""
        return TargetFilter(
            tiers=tuple(t for t, box in self.tier_boxes.items() if box.isChecked()),
            segments=tuple(s for s, box in self.segment_boxes.items() if box.isChecked()),
            **{name: split_values(self.form.text(name)) for name in _LIST_FIELDS},
        )

    def _filter_changed(self, *_args: object) -> None:
        self._count_timer.start()

    def update_count(self) -> None:
        """Count the customers the filter chooses now (the timer calls this after a change)."""
        self._count_timer.stop()
        self._count = self._access.matching_count(self.target_filter())
        self._update_count_text()

    def matching_count(self) -> int | None:
        """The live count as last read (None: it could not be read)."""
        return self._count

    def _update_count_text(self) -> None:
        label = self.count_label
        if self._count is None:
            label.setText("")
        elif self._count == 1:
            label.setText(self.tr("1 customer matches the filter now."))
        else:
            label.setText(texts.fill(self.tr("{count} customers match the filter now."), {"count": self._count}))

    # -- reading the fields

    def _campaign_from_fields(self) -> Campaign | None:
        """The campaign as typed, or None with the errors shown under the fields."""
        f = self.form
        f.clear_errors()
        values: dict[str, object] = {"name": clean_single_line(f.text("name")),
                                     "channel": CampaignChannel(self.channel.currentData()),
                                     "note": f.text("note").strip() or None}
        if not values["name"]:
            self._error("name", ErrorCode.REQUIRED)
        for name in ("start_date", "end_date"):
            values[name] = self._read_date(name)
        cost_text = f.text("cost")
        if not clean_single_line(cost_text):
            values["cost"] = 0
        else:
            try:
                values["cost"] = parse_money(cost_text)
            except MoneyError as e:
                self._error("cost", ErrorCode(e.code))
        try:
            window = parse_count(f.text("window_days"))
        except ValueError:
            self._error("window_days", ErrorCode.INVALID_INTEGER)
        else:
            if window is None:
                self._error("window_days", ErrorCode.REQUIRED)
            values["window_days"] = window
        values["target_filter"] = self.target_filter()
        if f.error_fields():
            return None
        if self._original is not None:
            return replace(self._original, **values)  # type: ignore[arg-type]
        return Campaign(**values)  # type: ignore[arg-type]

    # -- OK

    def accept(self) -> None:
        if self._read_only:
            self.reject()
            return
        self._set_general_error(None)
        campaign = self._campaign_from_fields()
        if campaign is None:
            self.form.focus_first_error()
            return
        try:
            if self._original is None:
                result = self._access.create(campaign, campaign.target_filter)
            else:
                result = self._access.update(campaign, retarget=self.retarget.isChecked())
        except WriteError as e:
            self._set_general_error(texts.error_text(e.problem, {"detail": e.detail}))
            return
        if isinstance(result, list):
            self.form.clear_errors()
            self._show_field_errors(result)
            self.form.focus_first_error()
            return
        self._saved = result
        self.saved.emit(result)
        super().accept()

    def _show_field_errors(self, errors) -> None:
        """An end before the start is worded as such; the rest as the texts say."""
        rest: list[FieldError] = []
        for error in errors:
            if error.field == "end_date" and error.params.get("reason") == "before_start":
                start = error.params.get("min", "")
                self.form.set_error("end_date", lambda: texts.fill(self.tr("Not before the start ({date})."),
                                                                   {"date": start}))
            else:
                rest.append(error)
        super()._show_field_errors(rest)

    def saved_campaign(self) -> Campaign | None:
        """The campaign as stored once the dialog was accepted, else None."""
        return self._saved

    # -- texts

    def _update_window_hint(self, *_args: object) -> None:
        self.window_hint.setText("")
        try:
            days = parse_count(self.form.text("window_days"))
            end = self._date_or_none(self.form.text("end_date"))
        except ValueError:
            return
        if days is None or end is None:
            return
        try:
            last = end + timedelta(days=days)
        except OverflowError:
            return
        self.window_hint.setText(texts.fill(self.tr("orders until {date} count"), {"date": last.isoformat()}))

    @staticmethod
    def _date_or_none(text: str) -> date | None:
        try:
            return parse_date(text) if text.strip() else None
        except DateError:
            return None

    def retranslate(self) -> None:
        f = self.form
        self.setWindowTitle(self.tr("New campaign") if self._original is None else self.tr("Edit campaign"))
        labels = {
            "name": self.tr("Name"), "channel": self.tr("Channel"), "start_date": self.tr("Start"),
            "end_date": self.tr("End"), "cost": self.tr("Cost (¥)"), "window_days": self.tr("Window (days)"),
            "note": self.tr("Note"), "tiers": self.tr("Tiers"), "segments": self.tr("RFM segments"),
            "regions": self.tr("Regions"), "tags": self.tr("Tags"), "bought": self.tr("Bought"),
            "not_bought": self.tr("Not bought"),
        }
        for name, text in labels.items():
            f.labels[name].setText(text)
        for channel in CampaignChannel:
            self.channel.setItemText(self.channel.findData(channel.value), texts.enum_text(channel))
        for tier, box in self.tier_boxes.items():
            box.setText(texts.enum_text(tier))
        for segment, box in self.segment_boxes.items():
            box.setText(texts.enum_text(segment))
        self.filter_title.setText(self.tr("Customers to target"))
        for name in ("start_date", "end_date"):
            f.line(name).setPlaceholderText(self.tr("YYYY-MM-DD"))
        f.line("cost").setPlaceholderText("0.00")
        f.line("window_days").setToolTip(self.tr(
            "Orders of a reached customer count for the campaign from the day reached until this many "
            "days after the end"))
        f.line("regions").setPlaceholderText(self.tr("Province, city or region, e.g. 广东, 北京"))
        f.line("tags").setPlaceholderText(self.tr("Any of these tags"))
        f.line("bought").setPlaceholderText(self.tr("Bought any of these products"))
        f.line("not_bought").setPlaceholderText(self.tr("Bought none of these products"))
        known = {"regions": self._known["regions"], "tags": self._known["tags"],
                 "bought": self._known["products"], "not_bought": self._known["products"]}
        for name, values in known.items():
            tip = self.tr("Separate several with commas.")
            if values:
                shown = ", ".join(values[:_CHOICES_SHOWN]) + (", …" if len(values) > _CHOICES_SHOWN else "")
                tip += "\n" + texts.fill(self.tr("In this file: {values}"), {"values": shown})
            f.line(name).setToolTip(tip)
        self.retarget.setText(self.tr("Choose the customers again by this filter (reached customers stay)"))
        self._update_window_hint()
        self._update_count_text()
        f.rerender_errors()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
