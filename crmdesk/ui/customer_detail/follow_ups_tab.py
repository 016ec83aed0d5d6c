"""A customer's follow-ups (跟进计划) and contact log (联系记录), with their dialogs.

Logging a contact can complete the planned follow-up it answers and schedule
the next one in the same dialog; everything is saved at once through
``LedgerAccess`` and announced with ``changed``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from crmdesk.domain.followups import MAX_PURPOSE, MAX_TEXT, Contact, ContactMethod, FollowUp, FollowUpState
from crmdesk.domain.validation import ErrorCode, clean_single_line
from crmdesk.storage.customer_file import WriteError
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.ledger_widgets import (
    RED,
    EntryDialog,
    EntryForm,
    LedgerRowsTab,
    TotalsTableModel,
    digits_width,
    read_when,
    text_box,
    when_text,
)
from crmdesk.ui.ledger_access import LedgerAccess

NEXT_FOLLOW_UP_DAYS = 7  # the next follow-up's default: a week later (feedback within a week)

# ---------------------------------------------------------------- tables


class FollowUpColumn(IntEnum):
    DUE = 0
    METHOD = 1
    PURPOSE = 2
    OWNER = 3
    STATE = 4


class ContactColumn(IntEnum):
    DATE = 0
    METHOD = 1
    PERSON = 2
    SUMMARY = 3
    OUTCOME = 4
    NEXT_STEP = 5


_FU = "FollowUpTableModel"
_CT = "ContactLogTableModel"
FOLLOW_UP_HEADERS = {
    FollowUpColumn.DUE: QT_TRANSLATE_NOOP("FollowUpTableModel", "Due"),
    FollowUpColumn.METHOD: QT_TRANSLATE_NOOP("FollowUpTableModel", "Method"),
    FollowUpColumn.PURPOSE: QT_TRANSLATE_NOOP("FollowUpTableModel", "Purpose"),
    FollowUpColumn.OWNER: QT_TRANSLATE_NOOP("FollowUpTableModel", "Owner"),
    FollowUpColumn.STATE: QT_TRANSLATE_NOOP("FollowUpTableModel", "State"),
}
CONTACT_HEADERS = {
    ContactColumn.DATE: QT_TRANSLATE_NOOP("ContactLogTableModel", "Date"),
    ContactColumn.METHOD: QT_TRANSLATE_NOOP("ContactLogTableModel", "Method"),
    ContactColumn.PERSON: QT_TRANSLATE_NOOP("ContactLogTableModel", "Contact person"),
    ContactColumn.SUMMARY: QT_TRANSLATE_NOOP("ContactLogTableModel", "Summary"),
    ContactColumn.OUTCOME: QT_TRANSLATE_NOOP("ContactLogTableModel", "Outcome"),
    ContactColumn.NEXT_STEP: QT_TRANSLATE_NOOP("ContactLogTableModel", "Next step"),
}
_PLANNED = QT_TRANSLATE_NOOP("FollowUpTableModel", "{n} planned")
_OVERDUE = QT_TRANSLATE_NOOP("FollowUpTableModel", "{n} overdue")
_CONTACTS = QT_TRANSLATE_NOOP("ContactLogTableModel", "{n} contacts")


class FollowUpTableModel(TotalsTableModel):
    """A customer's follow-ups: planned ones first by date; overdue ones in red."""

    COLUMNS = FollowUpColumn
    HEADERS = FOLLOW_UP_HEADERS
    CONTEXT = _FU
    today = date.min  # set by the tab

    def cells(self, f: FollowUp) -> tuple[str, ...]:
        return (when_text(f.due_date, f.due_time), texts.enum_text(f.method), f.purpose, f.owner or "",
                texts.enum_text(f.state))

    def total_cells(self, rows) -> tuple[str, ...]:
        planned = [f for f in rows if f.state is FollowUpState.PLANNED]
        late = sum(1 for f in planned if f.overdue_days(self.today) > 0)
        tr = QCoreApplication.translate
        return (tr(_FU, _PLANNED).format(n=len(planned)), "", tr(_FU, _OVERDUE).format(n=late) if late else "",
                "", "")

    def sort_key(self, column: int):
        return {
            FollowUpColumn.DUE: lambda f: (f.state is not FollowUpState.PLANNED, f.due_date, f.due_time or ""),
            FollowUpColumn.STATE: lambda f: f.state.value,
        }.get(FollowUpColumn(column))

    def foreground(self, f: FollowUp, column: int) -> QBrush | None:
        if f.overdue_days(self.today) > 0 and column in (FollowUpColumn.DUE, FollowUpColumn.STATE):
            return QBrush(QColor(RED))
        return None

    def tooltip(self, f: FollowUp, column: int) -> str | None:
        return f.purpose if column == FollowUpColumn.PURPOSE else None


class ContactLogTableModel(TotalsTableModel):
    """The contact log, newest first."""

    COLUMNS = ContactColumn
    HEADERS = CONTACT_HEADERS
    CONTEXT = _CT

    def cells(self, c: Contact) -> tuple[str, ...]:
        return (when_text(c.contact_date, c.contact_time), texts.enum_text(c.method), c.person,
                texts.one_line(c.summary), texts.one_line(c.outcome), texts.one_line(c.next_step))

    def total_cells(self, rows) -> tuple[str, ...]:
        return (QCoreApplication.translate(_CT, _CONTACTS).format(n=len(rows)), "", "", "", "", "")

    def sort_key(self, column: int):
        if column == ContactColumn.DATE:
            return lambda c: (c.contact_date, c.contact_time or "", c.id or 0)
        return None

    def tooltip(self, c: Contact, column: int) -> str | None:
        text = {ContactColumn.SUMMARY: c.summary, ContactColumn.OUTCOME: c.outcome,
                ContactColumn.NEXT_STEP: c.next_step}.get(ContactColumn(column))
        return text or None


# ---------------------------------------------------------------- dialogs


def _method_combo(method: ContactMethod) -> QComboBox:
    combo = QComboBox()
    for member in ContactMethod:
        combo.addItem("", member.value)
    combo.setCurrentIndex(max(combo.findData(method.value), 0))
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def _retranslate_methods(combo: QComboBox) -> None:
    for i in range(combo.count()):
        combo.setItemText(i, texts.enum_text(ContactMethod(combo.itemData(i))))


class ContactLogDialog(EntryDialog):
    """Log a contact (or edit a logged one); it may complete a planned follow-up and schedule the next."""

    FIELD_OF = {"contact_date": "date", "contact_time": "time", "next.due_date": "next_date",
                "next.due_time": "next_time", "next.purpose": "next_purpose", "next.method": "next_method"}
    saved = Signal(object)  # the contact as stored

    def __init__(self, ledger: LedgerAccess, customer_id: int, contact: Contact | None = None,
                 parent: QWidget | None = None, *, completes: FollowUp | None = None,
                 people: tuple[str, ...] = (), owner: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contact_log_dialog")
        self._ledger = ledger
        self._customer_id = customer_id
        self._original = contact
        self._completes = completes
        self._owner = owner
        self._read_only = ledger.read_only
        self._saved: Contact | None = None

        self.form = f = EntryForm("contact_log")
        f.add("date", QLineEdit(), width_digits=14)
        f.add("time", QLineEdit(), width_digits=8)
        method = completes.method if completes else (contact.method if contact else ContactMethod.PHONE)
        f.add("method", _method_combo(method))
        person = QComboBox()
        person.setEditable(True)
        person.addItems(["", *people])
        f.add("person", person)
        for name in ("summary", "outcome", "next_step"):
            f.add(name, text_box(3 if name == "summary" else 2))
        self.next_box = QCheckBox()
        self.next_box.setObjectName("contact_log_schedule_next")
        self.next_title = QLabel()
        f.layout.addRow(self.next_title, self.next_box)
        f.add("next_date", QLineEdit(), width_digits=14)
        f.add("next_time", QLineEdit(), width_digits=8)
        f.add("next_method", _method_combo(ContactMethod.PHONE))
        f.add("next_purpose", QLineEdit())
        f.line("next_purpose").setMaxLength(MAX_PURPOSE)
        self.next_box.toggled.connect(self._on_next_toggled)
        for name in ("date", "time", "next_date", "next_time"):
            f.line(name).setMaxLength(40)
        self._build_frame(f, read_only=self._read_only)
        f.set_field_width(f.line("next_purpose"), digits_width(f.line("next_purpose"), 44))
        self._load(contact)
        self.retranslate()

    def _editor(self, name: str):
        return self.form.editors[name]

    def _load(self, contact: Contact | None) -> None:
        f = self.form
        today = self._ledger.today
        if contact is None:
            f.line("date").setText(today.isoformat())
            if self._completes is not None:
                f.line("next_purpose").setText(self._completes.purpose)
        else:
            f.line("date").setText(contact.contact_date.isoformat())
            f.line("time").setText(contact.contact_time or "")
            self._editor("person").setCurrentText(contact.person)
            for name in ("summary", "outcome", "next_step"):
                self._editor(name).setPlainText(getattr(contact, name))
        f.line("next_date").setText((today + timedelta(days=NEXT_FOLLOW_UP_DAYS)).isoformat())
        self.next_box.setChecked(contact is None and not self._read_only)
        self.next_box.setVisible(contact is None)
        self.next_title.setVisible(contact is None)
        self._on_next_toggled(self.next_box.isChecked())
        for name, editor in f.editors.items():
            if isinstance(editor, (QLineEdit, QPlainTextEdit)):
                editor.setReadOnly(self._read_only)
            else:
                editor.setEnabled(not self._read_only)
        self._editor("summary").setFocus()

    def _on_next_toggled(self, on: bool) -> None:
        shown = on and self._original is None
        for name in ("next_date", "next_time", "next_method", "next_purpose"):
            self.form.editors[name].parentWidget().setVisible(shown)
            self.form.labels[name].setVisible(shown)

    def _values(self) -> tuple[Contact | None, FollowUp | None]:
        f = self.form
        f.clear_errors()
        day, time = read_when(self, "date", "time")
        texts_ = {name: self._editor(name).toPlainText().strip() for name in ("summary", "outcome", "next_step")}
        for name, text in texts_.items():
            if len(text) > MAX_TEXT:
                self._error(name, ErrorCode.TOO_LONG, {"max": MAX_TEXT})
        person = clean_single_line(self._editor("person").currentText())
        method = ContactMethod(self._editor("method").currentData())
        nxt = None
        if self.next_box.isChecked() and self._original is None:
            next_day, next_time = read_when(self, "next_date", "next_time")
            if next_day is not None:
                nxt = FollowUp(customer_id=self._customer_id, due_date=next_day, due_time=next_time,
                               method=ContactMethod(self._editor("next_method").currentData()),
                               purpose=clean_single_line(f.text("next_purpose")), owner=self._owner)
        if f.error_fields() or day is None:
            return None, None
        base = self._original or Contact(customer_id=self._customer_id, contact_date=day, method=method, summary="")
        contact = replace(base, contact_date=day, contact_time=time, method=method, person=person, **texts_)
        return contact, nxt

    def accept(self) -> None:
        if self._read_only:
            self.reject()
            return
        self._set_general_error(None)
        contact, nxt = self._values()
        if contact is None:
            self.form.focus_first_error()
            return
        result = self._store(lambda: self._ledger.log_contact(contact, completes=self._completes,
                                                              next_follow_up=nxt), lambda logged: logged.errors)
        if result is None:
            return
        self._saved = result.contact
        self.saved.emit(self._saved)
        super().accept()

    def saved_contact(self) -> Contact | None:
        return self._saved

    def retranslate(self) -> None:
        if self._read_only:
            self.setWindowTitle(self.tr("Contact"))
        elif self._original is not None:
            self.setWindowTitle(self.tr("Edit contact"))
        elif self._completes is not None:
            self.setWindowTitle(self.tr("Follow-up done: log the contact"))
        else:
            self.setWindowTitle(self.tr("Log contact"))
        labels = {
            "date": self.tr("Date"), "time": self.tr("Time"), "method": self.tr("Method"),
            "person": self.tr("Contact person"), "summary": self.tr("Summary"), "outcome": self.tr("Outcome"),
            "next_step": self.tr("Next step"), "next_date": self.tr("Next follow-up on"),
            "next_time": self.tr("Time"), "next_method": self.tr("Method"), "next_purpose": self.tr("Purpose"),
        }
        for name, label in self.form.labels.items():
            label.setText(labels[name])
        for name in ("method", "next_method"):
            _retranslate_methods(self._editor(name))
        self.next_title.setText(self.tr("Follow-up"))
        self.next_box.setText(self.tr("Schedule the next follow-up"))
        for name in ("time", "next_time"):
            self.form.line(name).setPlaceholderText(self.tr("HH:MM, optional"))
        self._retranslate_date_hints()
        self.form.rerender_errors()


class FollowUpDialog(EntryDialog):
    """Plan a follow-up, or move or edit a planned one (the change log keeps the old date)."""

    FIELD_OF = {"due_date": "date", "due_time": "time"}
    saved = Signal(object)

    def __init__(self, ledger: LedgerAccess, customer_id: int, follow_up: FollowUp | None = None,
                 parent: QWidget | None = None, *, owner: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("follow_up_dialog")
        self._ledger = ledger
        self._customer_id = customer_id
        self._original = follow_up
        self._read_only = ledger.read_only or (
            follow_up is not None and follow_up.state is not FollowUpState.PLANNED)
        self._saved: FollowUp | None = None
        self.form = f = EntryForm("follow_up")
        f.add("date", QLineEdit(), width_digits=14)
        f.add("time", QLineEdit(), width_digits=8)
        f.add("method", _method_combo(follow_up.method if follow_up else ContactMethod.PHONE))
        f.add("purpose", QLineEdit())
        f.add("owner", QLineEdit())
        f.line("purpose").setMaxLength(MAX_PURPOSE)
        self._build_frame(f, read_only=self._read_only)
        f.set_field_width(f.line("purpose"), digits_width(f.line("purpose"), 44))
        today = ledger.today
        f.line("date").setText((follow_up.due_date if follow_up else today + timedelta(days=1)).isoformat())
        f.line("time").setText(follow_up.due_time or "" if follow_up else "")
        f.line("purpose").setText(follow_up.purpose if follow_up else "")
        f.line("owner").setText((follow_up.owner if follow_up else owner) or "")
        for name in ("date", "time", "purpose", "owner"):
            f.line(name).setReadOnly(self._read_only)
        f.editors["method"].setEnabled(not self._read_only)
        self.retranslate()
        f.line("purpose" if follow_up is None else "date").setFocus()

    def accept(self) -> None:
        if self._read_only:
            self.reject()
            return
        self._set_general_error(None)
        f = self.form
        f.clear_errors()
        day, time = read_when(self, "date", "time")
        if day is None:
            f.focus_first_error()
            return
        values = dict(due_date=day, due_time=time, method=ContactMethod(f.editors["method"].currentData()),
                      purpose=clean_single_line(f.text("purpose")), owner=clean_single_line(f.text("owner")) or None)
        follow_up = (replace(self._original, **values) if self._original is not None
                     else FollowUp(customer_id=self._customer_id, **values))
        result = self._store(lambda: self._ledger.save_follow_up(follow_up),
                             lambda saved: saved if isinstance(saved, list) else ())
        if result is None:
            return
        assert not isinstance(result, list)
        self._saved = result
        self.saved.emit(result)
        super().accept()

    def retranslate(self) -> None:
        if self._read_only:
            self.setWindowTitle(self.tr("Follow-up"))
        elif self._original is None:
            self.setWindowTitle(self.tr("Plan a follow-up"))
        else:
            self.setWindowTitle(self.tr("Move or edit the follow-up"))
        labels = {"date": self.tr("Due"), "time": self.tr("Time"), "method": self.tr("Method"),
                  "purpose": self.tr("Purpose"), "owner": self.tr("Owner")}
        for name, label in self.form.labels.items():
            label.setText(labels[name])
        _retranslate_methods(self.form.editors["method"])
        self.form.line("time").setPlaceholderText(self.tr("HH:MM, optional"))
        self._retranslate_date_hints()
        self.form.rerender_errors()


# ---------------------------------------------------------------- tabs


class FollowUpsTab(LedgerRowsTab):
    """Planned follow-ups with Plan/Move/Delete, and Done…, Missed, Cancel for the selected one."""

    changed = Signal()
    contact_logged = Signal()  # Done… logged a contact

    NAME = "follow_ups"
    ITEM = "follow_up"
    MODEL = FollowUpTableModel
    DATE_COLUMN = FollowUpColumn.DUE
    COLUMN_CAPS = {FollowUpColumn.PURPOSE: 320}

    model: FollowUpTableModel

    def __init__(self, ledger: LedgerAccess, parent: QWidget | None = None) -> None:
        self.done_button = QPushButton()
        self.done_button.setObjectName("follow_up_done")
        self.missed_button = QPushButton()
        self.missed_button.setObjectName("follow_up_missed")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("follow_up_cancel")
        self._owner: str | None = None
        self._people: tuple[str, ...] = ()
        super().__init__(ledger, parent)
        self.model.today = ledger.today
        self.table.sortByColumn(FollowUpColumn.DUE, Qt.SortOrder.AscendingOrder)  # the next one on top
        self.done_button.clicked.connect(self.done_selected)
        self.missed_button.clicked.connect(lambda: self._close_selected(FollowUpState.MISSED))
        self.cancel_button.clicked.connect(lambda: self._close_selected(FollowUpState.CANCELLED))
        for i, button in enumerate((self.done_button, self.missed_button, self.cancel_button)):
            button.setAutoDefault(False)
            self.button_row.insertWidget(3 + i, button)
        self.retranslate()
        self._update_buttons()

    def set_customer_details(self, owner: str | None, people: tuple[str, ...]) -> None:
        """The owner new follow-ups get, and the contact persons the contact dialog offers."""
        self._owner, self._people = owner, people

    def set_ledger(self, ledger: LedgerAccess) -> None:
        self.model.today = ledger.today
        super().set_ledger(ledger)

    def _ledger_rows(self, customer_id: int) -> list[FollowUp]:
        return self._ledger.follow_ups(customer_id)

    def _make_dialog(self, row: FollowUp | None) -> FollowUpDialog:
        assert self._customer_id is not None
        return FollowUpDialog(self._ledger, self._customer_id, row, self, owner=self._owner)

    def _delete(self, row: FollowUp) -> None:
        self._ledger.delete_follow_up(row)

    def _delete_texts(self, row: FollowUp) -> tuple[str, str]:
        return (self.tr("Delete follow-up"),
                self.tr("Delete this follow-up?\n\n{when}   {purpose}").format(
                    when=when_text(row.due_date, row.due_time), purpose=row.purpose))

    def done_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.state is not FollowUpState.PLANNED or self._ledger.read_only:
            return
        assert self._customer_id is not None
        self._show_dialog(lambda: ContactLogDialog(self._ledger, self._customer_id, None, self, completes=row,
                                                people=self._people, owner=self._owner))

    def _on_saved(self, saved) -> None:
        if isinstance(saved, Contact):
            self.refresh()
            self.contact_logged.emit()
            self.changed.emit()
            return
        super()._on_saved(saved)

    def _close_selected(self, state: FollowUpState) -> None:
        row = self.selected_row()
        if row is None or row.state is not FollowUpState.PLANNED or self._ledger.read_only:
            return
        try:
            self._ledger.close_follow_up(row, state)
        except WriteError as e:
            QMessageBox.critical(self, self.tr("Not saved"), texts.error_text(e.problem, {"detail": e.detail}))
        self.refresh(select_id=row.id)
        self.changed.emit()

    def _update_buttons(self, *_args: object) -> None:
        super()._update_buttons()
        row = self.selected_row()
        open_ = row is not None and row.state is FollowUpState.PLANNED and not self._ledger.read_only
        for button in (self.done_button, self.missed_button, self.cancel_button):
            button.setEnabled(open_)

    def texts(self) -> dict[str, str]:
        return {
            "add": self.tr("Plan…"),
            "add_tip": self.tr("Plan a call-back, visit or message"),
            "view": self.tr("View…"),
            "edit": self.tr("Move or edit…"),
            "delete": self.tr("Delete"),
            "empty": self.tr("Nothing planned. Click “Plan…” or log a contact and schedule the next one."),
        }

    def _retranslate_header(self) -> None:
        self.done_button.setText(self.tr("Done…"))
        self.done_button.setToolTip(self.tr("Log the contact that did it"))
        self.missed_button.setText(self.tr("Missed"))
        self.cancel_button.setText(self.tr("Cancel it"))


class ContactLogTab(LedgerRowsTab):
    """The contact log with Log contact…/Edit…/Delete."""

    changed = Signal()

    NAME = "contact_log"
    ITEM = "contact_log"
    MODEL = ContactLogTableModel
    DATE_COLUMN = ContactColumn.DATE
    COLUMN_CAPS = {ContactColumn.SUMMARY: 320, ContactColumn.OUTCOME: 200, ContactColumn.NEXT_STEP: 200}

    def __init__(self, ledger: LedgerAccess, parent: QWidget | None = None) -> None:
        self._owner: str | None = None
        self._people: tuple[str, ...] = ()
        super().__init__(ledger, parent)

    def set_customer_details(self, owner: str | None, people: tuple[str, ...]) -> None:
        self._owner, self._people = owner, people

    def _ledger_rows(self, customer_id: int) -> list[Contact]:
        return self._ledger.contacts(customer_id)

    def _make_dialog(self, row: Contact | None) -> ContactLogDialog:
        assert self._customer_id is not None
        return ContactLogDialog(self._ledger, self._customer_id, row, self, people=self._people, owner=self._owner)

    def _delete(self, row: Contact) -> None:
        self._ledger.delete_contact(row)

    def _delete_texts(self, row: Contact) -> tuple[str, str]:
        return (self.tr("Delete contact"),
                self.tr("Delete this entry of the contact log?\n\n{when}   {summary}").format(
                    when=when_text(row.contact_date, row.contact_time), summary=texts.one_line(row.summary)[:80]))

    def texts(self) -> dict[str, str]:
        return {
            "add": self.tr("Log contact…"),
            "add_tip": self.tr("Record a call, visit or message, and schedule the next follow-up"),
            "view": self.tr("View…"),
            "edit": self.tr("Edit…"),
            "delete": self.tr("Delete"),
            "empty": self.tr("No contacts logged yet. Click “Log contact…” after a call or visit."),
        }
