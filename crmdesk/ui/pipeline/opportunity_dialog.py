"""Add or edit one opportunity (业务机会); the stage is chosen when adding and moved on the board after."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from crmdesk.domain.dates import DateError, parse_date
from crmdesk.domain.money import MoneyError, format_money, parse_money
from crmdesk.domain.pipeline import MAX_REASON, MAX_TITLE, Opportunity
from crmdesk.domain.validation import ErrorCode, clean_single_line
from crmdesk.ui.customer_detail.field_form import digits_width
from crmdesk.ui.customer_detail.ledger_widgets import EntryDialog, EntryForm
from crmdesk.ui.customer_picker import CustomerPicker
from crmdesk.ui.pipeline.pipeline_access import PipelineAccess
from crmdesk.ui.pipeline.pipeline_texts import stage_text


class OpportunityDialog(EntryDialog):
    """OK saves through PipelineAccess and stays open on errors."""

    saved = Signal(object)  # the opportunity as stored

    def __init__(self, access: PipelineAccess, opp: Opportunity | None = None, *,
                 customer_id: int | None = None, stage: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opportunity_dialog")
        self._access = access
        self._original = opp
        self._read_only = access.read_only
        self._stages = access.stages()

        f = self.form = EntryForm("opportunity")
        self.customer = CustomerPicker(access.find_customers)
        f.add("customer", self.customer)
        f.add("title", QLineEdit())
        f.add("product", QLineEdit())
        f.add("amount", QLineEdit(), width_digits=18)
        f.add("expected_close", QLineEdit(), width_digits=14)
        self.stage = QComboBox()
        self.stage_label = QLabel()
        if opp is None:
            for s in self._stages.open:
                self.stage.addItem(f"{stage_text(s)} ({s.probability}%)", s.key)
            self.stage.setCurrentIndex(max(0, self.stage.findData(stage or self._stages.first.key)))
            f.add("stage", self.stage)
        else:
            f.add("stage", self.stage_label)
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.addItems(["", *access.owners()])
        f.add("owner", self.owner)
        if opp is not None and opp.stage == self._stages.lost.key:
            f.add("lost_reason", QLineEdit())
            f.line("lost_reason").setMaxLength(MAX_REASON)
        f.add("note", QLineEdit())
        f.line("title").setMaxLength(MAX_TITLE)
        f.line("product").setMaxLength(200)
        f.line("note").setMaxLength(500)
        f.line("amount").setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for editor in f.editors.values():
            if isinstance(editor, QLineEdit):
                editor.setReadOnly(self._read_only)
        self._build_frame(f, read_only=self._read_only)
        f.set_field_width(f.line("title"), digits_width(f.line("title"), 40))
        self.general_error.setMinimumWidth(digits_width(self.general_error, 50))
        self.customer.picked.connect(self._customer_picked)
        self._load(opp, customer_id)
        self.retranslate()
        (f.line("title") if opp is not None or customer_id is not None else self.customer).setFocus()

    def _load(self, opp: Opportunity | None, customer_id: int | None) -> None:
        f = self.form
        cid = opp.customer_id if opp is not None else customer_id
        if cid is not None:
            label, owner = self._access.customer_line(cid)
            self.customer.set_customer(cid, label)
            if opp is None:
                self.owner.setCurrentText(owner or "")
        if opp is None:
            return
        self.customer.setReadOnly(True)  # an opportunity stays with its customer
        f.line("title").setText(opp.title)
        f.line("product").setText(opp.product or "")
        f.line("amount").setText(format_money(opp.amount))
        f.line("expected_close").setText(opp.expected_close.isoformat() if opp.expected_close else "")
        self.owner.setCurrentText(opp.owner or "")
        f.line("note").setText(opp.note or "")
        if "lost_reason" in f.editors:
            f.line("lost_reason").setText(opp.lost_reason)

    def _customer_picked(self, customer_id: int) -> None:
        if not self.owner.currentText():
            self.owner.setCurrentText(self._access.customer_line(customer_id)[1] or "")

    def _from_fields(self) -> Opportunity | None:
        f = self.form
        f.clear_errors()
        customer_id = self.customer.customer_id()
        if customer_id is None:
            f.set_error("customer", lambda: self.tr("Type part of a name, code or phone, then pick the customer."))
        amount = 0
        try:
            amount = parse_money(f.text("amount")) if clean_single_line(f.text("amount")) else None
            if amount is None:
                self._error("amount", ErrorCode.REQUIRED)
        except MoneyError as e:
            self._error("amount", ErrorCode(e.code))
        expected = None
        if clean_single_line(f.text("expected_close")):
            try:
                expected = parse_date(f.text("expected_close"))
            except DateError:
                self._error("expected_close", ErrorCode.INVALID_DATE)
        if not clean_single_line(f.text("title")):
            self._error("title", ErrorCode.REQUIRED)
        if f.error_fields():
            return None
        values = dict(
            title=clean_single_line(f.text("title")),
            product=clean_single_line(f.text("product")) or None,
            amount=amount,
            expected_close=expected,
            owner=clean_single_line(self.owner.currentText()) or None,
            note=clean_single_line(f.text("note")) or None,
        )
        if "lost_reason" in f.editors:
            values["lost_reason"] = clean_single_line(f.text("lost_reason"))
        if self._original is not None:
            return replace(self._original, **values)
        return Opportunity(customer_id=customer_id, stage=self.stage.currentData(), opened_on=self._access.today,
                           **values)

    def accept(self) -> None:
        if self._read_only:
            self.reject()
            return
        self._set_general_error(None)
        opp = self._from_fields()
        if opp is None:
            self.form.focus_first_error()
            return
        saved = self._store(lambda: self._access.save(opp), lambda result: result.errors)
        if saved is None:
            return
        self.saved.emit(saved.opportunity)
        super().accept()

    def retranslate(self) -> None:
        if self._read_only:
            self.setWindowTitle(self.tr("Opportunity"))
        elif self._original is None:
            self.setWindowTitle(self.tr("New opportunity"))
        else:
            self.setWindowTitle(self.tr("Edit opportunity"))
        labels = {
            "customer": self.tr("Customer"),
            "title": self.tr("Title"),
            "product": self.tr("Product or service"),
            "amount": self.tr("Expected amount"),
            "expected_close": self.tr("Expected close"),
            "stage": self.tr("Stage"),
            "owner": self.tr("Owner"),
            "lost_reason": self.tr("Reason lost"),
            "note": self.tr("Note"),
        }
        for name, label in self.form.labels.items():
            label.setText(labels[name])
        self.customer.setPlaceholderText(self.tr("Name, pinyin initials, code or phone"))
        self.form.line("product").setPlaceholderText(self.tr("What the order will be for (default: the title)"))
        self.form.line("amount").setToolTip(self.tr("In yuan, for example 1,234.50"))
        self.form.line("expected_close").setPlaceholderText(self.tr("YYYY-MM-DD (optional)"))
        if self._original is not None:
            stage = self._stages.by_key.get(self._original.stage)
            self.stage_label.setText(stage_text(stage) if stage else self._original.stage)
        self.form.rerender_errors()
