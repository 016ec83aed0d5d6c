"""The complaint dialogs: record or edit a complaint, and add a step, resolve or reopen it.

Each saves through ``LedgerAccess`` in one call; the service's errors go
under their fields (renamed through ``FIELD_OF``) and nothing is stored then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from enum import Enum

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from crmdesk.domain.complaints import (
    AFTER_RESOLUTION_STEPS,
    MANUAL_STEPS,
    MAX_SHORT,
    MAX_TEXT,
    Complaint,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintNature,
    ComplaintState,
    ComplaintStep,
    StepKind,
)
from crmdesk.domain.money import format_money
from crmdesk.domain.validation import ErrorCode, clean_single_line
from crmdesk.services.complaints import Handled
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.ledger_widgets import EntryDialog, EntryForm, digits_width, read_when, text_box
from crmdesk.ui.ledger_access import LedgerAccess

_NONE = ""  # item data of an optional combo's empty choice
RECENT_ORDERS = 60  # the related-order choices: the customer's newest orders


def choice_combo(members: list[Enum], current: Enum | None, *, optional: bool = False) -> QComboBox:
    """A combo of enum members (texts set by ``retranslate_choices``), ``current`` selected."""
    combo = QComboBox()
    if optional:
        combo.addItem("", _NONE)
    for member in members:
        combo.addItem("", member.value)
    combo.setCurrentIndex(max(combo.findData(current.value if current is not None else _NONE), 0))
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def retranslate_choices(combo: QComboBox, enum: type[Enum]) -> None:
    for i in range(combo.count()):
        value = combo.itemData(i)
        if value != _NONE:
            combo.setItemText(i, texts.enum_text(enum(value)))


class _HandlingDialog(EntryDialog):
    """Saving, read-only state and errors shared by the complaint dialogs."""

    saved = Signal(object)  # the complaint as stored

    def _editor(self, name: str):
        return self.form.editors[name]

    def _set_read_only(self, read_only: bool) -> None:
        for editor in self.form.editors.values():
            if isinstance(editor, (QLineEdit, QPlainTextEdit)):
                editor.setReadOnly(read_only)
            else:
                editor.setEnabled(not read_only)

    def _text(self, name: str, limit: int) -> str:
        editor = self._editor(name)
        text = editor.toPlainText().strip() if isinstance(editor, QPlainTextEdit) else clean_single_line(editor.text())
        if len(text) > limit:
            self._error(name, ErrorCode.TOO_LONG, {"max": limit})
        return text

    def _save(self, call: Callable[[], Handled]) -> None:
        """Run the access call; on errors show them, else announce the complaint and close."""
        result = self._store(call, lambda handled: handled.errors)
        if result is not None:
            self.saved.emit(result.complaint)
            super().accept()

    def _retranslate_when(self, date_label: str) -> None:
        self.form.labels["date"].setText(date_label)
        # The follow-up dialog's words, already translated there (a base class's self.tr has no context of its own).
        self.form.labels["time"].setText(QCoreApplication.translate("FollowUpDialog", "Time"))
        self.form.line("time").setPlaceholderText(QCoreApplication.translate("FollowUpDialog", "HH:MM, optional"))
        self._retranslate_date_hints()


class ComplaintDialog(_HandlingDialog):
    """Record a complaint (with what was said first, 快速反应), or edit one's record."""

    FIELD_OF = {"received_date": "date", "received_time": "time", "nature_reason": "reason", "order_id": "order"}

    def __init__(self, ledger: LedgerAccess, customer_id: int, complaint: Complaint | None = None,
                 parent: QWidget | None = None, *, owner: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaint_dialog")
        self._ledger = ledger
        self._customer_id = customer_id
        self._original = complaint
        self._read_only = ledger.read_only
        c = complaint
        self.form = f = EntryForm("complaint")
        f.add("date", QLineEdit(), width_digits=14)
        f.add("time", QLineEdit(), width_digits=8)
        f.add("channel", choice_combo(list(ComplaintChannel), c.channel if c else ComplaintChannel.PHONE))
        f.add("category", choice_combo(list(ComplaintCategory), c.category if c else ComplaintCategory.SERVICE))
        f.add("nature", choice_combo(list(ComplaintNature), c.nature if c else ComplaintNature.GOOD_FAITH))
        f.add("reason", QLineEdit())
        order = QComboBox()
        order.addItem("", _NONE)
        for o in ledger.orders(customer_id)[:RECENT_ORDERS]:
            order.addItem(f"{o.order_date.isoformat()}  {o.product}  ¥{format_money(o.amount)}", o.id)
        order.setCurrentIndex(max(order.findData(c.order_id if c and c.order_id else _NONE), 0))
        f.add("order", order)
        f.add("description", text_box(4))
        f.add("owner", QLineEdit())
        if c is None:
            f.add("first_response", text_box(2))
        f.line("reason").setMaxLength(MAX_SHORT)
        f.line("owner").setMaxLength(MAX_SHORT)
        for name in ("date", "time"):
            f.line(name).setMaxLength(40)
        self._build_frame(f, read_only=self._read_only)
        f.set_field_width(f.line("owner"), digits_width(f.line("owner"), 48))
        today = ledger.today
        f.line("date").setText((c.received_date if c else today).isoformat())
        f.line("time").setText(c.received_time or "" if c else "")
        f.line("reason").setText(c.nature_reason if c else "")
        f.line("owner").setText((c.owner if c else owner) or "")
        if c is not None:
            self._editor("description").setPlainText(c.description)
        self._editor("nature").currentIndexChanged.connect(self._on_nature)
        self._on_nature()
        self._set_read_only(self._read_only)
        self.retranslate()
        self._editor("description").setFocus()

    def _on_nature(self, *_args: object) -> None:
        malicious = self._editor("nature").currentData() == ComplaintNature.MALICIOUS.value
        self.form.line("reason").setEnabled(malicious and not self._read_only)

    def accept(self) -> None:
        if self._read_only:
            self.reject()
            return
        self._set_general_error(None)
        self.form.clear_errors()
        day, time = read_when(self, "date", "time")
        description = self._text("description", MAX_TEXT)
        reason = self._text("reason", MAX_SHORT)
        owner = self._text("owner", MAX_SHORT)
        first = self._text("first_response", MAX_TEXT) if "first_response" in self.form.editors else ""
        if day is None or self.form.error_fields():
            self.form.focus_first_error()
            return
        nature = ComplaintNature(self._editor("nature").currentData())
        order = self._editor("order").currentData()
        values = dict(
            received_date=day, received_time=time,
            channel=ComplaintChannel(self._editor("channel").currentData()),
            category=ComplaintCategory(self._editor("category").currentData()),
            nature=nature, nature_reason=reason if nature is ComplaintNature.MALICIOUS else "",
            order_id=order if order != _NONE else None, description=description, owner=owner or None,
        )
        if self._original is None:
            complaint = Complaint(customer_id=self._customer_id, **values)
            self._save(lambda: self._ledger.record_complaint(complaint, first_response=first))
        else:
            edited = replace(self._original, **values)
            self._save(lambda: self._ledger.edit_complaint(edited))

    def retranslate(self) -> None:
        if self._read_only:
            self.setWindowTitle(self.tr("Complaint"))
        elif self._original is None:
            self.setWindowTitle(self.tr("Record a complaint"))
        else:
            self.setWindowTitle(self.tr("Edit the complaint"))
        labels = {
            "channel": self.tr("Received by"), "category": self.tr("Category"), "nature": self.tr("Nature"),
            "reason": self.tr("Why malicious"), "order": self.tr("Related order"),
            "description": self.tr("What the customer says"), "owner": self.tr("Handled by"),
            "first_response": self.tr("First response"),
        }
        for name, label in labels.items():
            if name in self.form.labels:
                self.form.labels[name].setText(label)
        self._retranslate_when(self.tr("Received"))
        retranslate_choices(self._editor("channel"), ComplaintChannel)
        retranslate_choices(self._editor("category"), ComplaintCategory)
        retranslate_choices(self._editor("nature"), ComplaintNature)
        self._editor("order").setItemText(0, self.tr("None"))
        self.form.line("reason").setPlaceholderText(self.tr("e.g. extortion, defamation"))
        if "first_response" in self.form.editors:
            self._editor("first_response").setPlaceholderText(
                self.tr("What was said at once: listened, apologised, promised to help (快速反应)"))
        self.form.rerender_errors()


class StepDialog(_HandlingDialog):
    """One step of a complaint's handling: a step of the timeline, the resolution, or the reopening.

    ``kind`` RESOLVED resolves the complaint (outcome, satisfaction, stayed);
    REOPENED reopens it (the reason); any other adds that step (an action
    with its measurable promise and due date).
    """

    def __init__(self, ledger: LedgerAccess, complaint: Complaint, kind: StepKind,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaint_step_dialog")
        self._ledger = ledger
        self._complaint = complaint
        self._mode = kind if kind in (StepKind.RESOLVED, StepKind.REOPENED) else None
        self.FIELD_OF = {  # the service names the complaint's fields when resolving or reopening
            "step_date": "date", "step_time": "time", "resolved_date": "date", "resolved_time": "time",
            "reopened_date": "date", "reopened_time": "time", "outcome": "text", "reason": "text",
            "due_date": "due",
        }
        self.form = f = EntryForm("step")
        if self._mode is None:
            allowed = AFTER_RESOLUTION_STEPS if complaint.state is ComplaintState.RESOLVED else MANUAL_STEPS
            f.add("kind", choice_combo(list(allowed), kind if kind in allowed else allowed[0]))
        f.add("date", QLineEdit(), width_digits=14)
        f.add("time", QLineEdit(), width_digits=8)
        f.add("text", text_box(3))
        if self._mode is None:
            f.add("promise", QLineEdit())
            f.add("due", QLineEdit(), width_digits=14)
            f.line("promise").setMaxLength(MAX_SHORT)
            self._editor("kind").currentIndexChanged.connect(self._on_kind)
        elif self._mode is StepKind.RESOLVED:
            satisfaction = QComboBox()
            satisfaction.addItem("", _NONE)
            for score in range(5, 0, -1):
                satisfaction.addItem("", score)
            f.add("satisfaction", satisfaction)
            retained = QComboBox()
            for value in (_NONE, "yes", "no"):
                retained.addItem("", value)
            f.add("retained", retained)
        self._build_frame(f, read_only=ledger.read_only)
        f.set_field_width(self._editor("text"), digits_width(self._editor("text"), 48))
        f.line("date").setText(ledger.today.isoformat())
        self._on_kind()
        self._set_read_only(ledger.read_only)
        self.retranslate()
        self._editor("text").setFocus()

    def _kind(self) -> StepKind:
        return self._mode or StepKind(self._editor("kind").currentData())

    def _on_kind(self, *_args: object) -> None:
        if self._mode is not None:
            return
        action = self._kind() is StepKind.ACTION
        for name in ("promise", "due"):
            self.form.editors[name].parentWidget().setVisible(action)
            self.form.labels[name].setVisible(action)
        self.retranslate()

    def accept(self) -> None:
        if self._ledger.read_only:
            self.reject()
            return
        self._set_general_error(None)
        self.form.clear_errors()
        day, time = read_when(self, "date", "time")
        text = self._text("text", MAX_TEXT)
        kind = self._kind()
        due = None
        promise = ""
        if kind is StepKind.ACTION:
            promise = self._text("promise", MAX_SHORT)
            if clean_single_line(self.form.text("due")):
                due = self._read_date("due")
        if day is None or self.form.error_fields():
            self.form.focus_first_error()
            return
        c = self._complaint
        if kind is StepKind.RESOLVED:
            score = self._editor("satisfaction").currentData()
            stayed = self._editor("retained").currentData()
            self._save(lambda: self._ledger.resolve_complaint(
                c, on=day, outcome=text, satisfaction=score if score != _NONE else None,
                retained={"yes": True, "no": False}.get(stayed), at=time))
        elif kind is StepKind.REOPENED:
            self._save(lambda: self._ledger.reopen_complaint(c, on=day, reason=text, at=time))
        else:
            step = ComplaintStep(c.id, c.customer_id, kind, day, text, time, promise=promise, due_date=due)
            self._save(lambda: self._ledger.add_step(c, step))

    def retranslate(self) -> None:
        kind = self._kind()
        titles = {StepKind.RESOLVED: self.tr("Resolve the complaint"),
                  StepKind.REOPENED: self.tr("Reopen the complaint")}
        self.setWindowTitle(titles.get(self._mode, self.tr("Add a handling step")))  # type: ignore[arg-type]
        text_labels = {
            StepKind.FIRST_RESPONSE: self.tr("What was said"), StepKind.CAUSE: self.tr("The cause found"),
            StepKind.ACTION: self.tr("What will be done"), StepKind.FOLLOW_UP: self.tr("What the customer said"),
            StepKind.NOTE: self.tr("Note"), StepKind.RESOLVED: self.tr("Outcome"),
            StepKind.REOPENED: self.tr("Why reopened"),
        }
        self.form.labels["text"].setText(text_labels[kind])
        self._retranslate_when(self.tr("Date"))
        if self._mode is None:
            self.form.labels["kind"].setText(self.tr("Step"))
            retranslate_choices(self._editor("kind"), StepKind)
            self.form.labels["promise"].setText(self.tr("Measurable promise"))
            self.form.line("promise").setPlaceholderText(self.tr("e.g. refund ¥200, redeliver by Friday"))
            self.form.labels["due"].setText(self.tr("Promised by"))
        elif self._mode is StepKind.RESOLVED:
            self.form.labels["satisfaction"].setText(self.tr("Satisfaction"))
            scores = {5: self.tr("5 · Very satisfied"), 4: self.tr("4 · Satisfied"), 3: self.tr("3 · Neutral"),
                      2: self.tr("2 · Dissatisfied"), 1: self.tr("1 · Very dissatisfied")}
            combo = self._editor("satisfaction")
            for i in range(combo.count()):
                data = combo.itemData(i)
                combo.setItemText(i, scores[data] if data != _NONE else self.tr("Not asked"))
            self.form.labels["retained"].setText(self.tr("Customer stayed"))
            stayed = self._editor("retained")
            for i, label in enumerate((self.tr("Not known yet"), self.tr("Yes, stayed"), self.tr("No, left"))):
                stayed.setItemText(i, label)
        self.form.rerender_errors()

