"""The customer detail panel, driven like a user against a real customer file."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QToolButton,
)

from crmdesk.domain.customer import ContactPerson, ContactRole, Customer, CustomerKind, Group
from crmdesk.domain.validation import ErrorCode, FieldError
from crmdesk.services import customers as service
from crmdesk.services.customers import SaveResult
from crmdesk.ui import texts
from crmdesk.ui.customer_detail.contacts_tab import ContactDialog, ContactsTab, ContactTableModel
from crmdesk.ui.customer_detail.detail_panel import CustomerDetailPanel, parse_tags, tab_fields
from crmdesk.ui.customer_detail.field_form import FieldForm
from tests.factories import make_company, make_person
from tests.ui.typing import type_text

VALID_ID = "11010519491231002X"


# ---------------------------------------------------------------- helpers


@pytest.fixture
def panel(qtbot, customer_file, today):
    widget = CustomerDetailPanel(lambda c: service.save_customer(customer_file, c), today=today)
    qtbot.addWidget(widget)
    widget.resize(760, 640)
    widget.show()
    return widget


def stored(customer_file, customer: Customer) -> Customer:
    result = service.save_customer(customer_file, customer)
    assert result.ok, result.errors
    return result.customer


def all_stored(customer_file) -> list[Customer]:
    return [service.get_customer(customer_file, row.id) for row in service.find_customers(customer_file)]


def line(panel, name: str) -> QLineEdit:
    widget = panel.findChild(QLineEdit, f"field_{name}")
    assert widget is not None, name
    return widget


def error_label(panel, name: str) -> QLabel:
    return panel.findChild(QLabel, f"error_{name}")


def button(parent, name: str):
    widget = parent.findChild(QPushButton, name) or parent.findChild(QToolButton, name)
    assert widget is not None, name
    return widget


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_tab(qtbot, panel, group: Group) -> None:
    tabs = panel.findChild(QTabWidget, "detail_tabs")
    bar = tabs.tabBar()
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == texts.enum_text(group))
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def current_tab_text(panel) -> str:
    tabs = panel.findChild(QTabWidget, "detail_tabs")
    return tabs.tabText(tabs.currentIndex())


def add_contact_through_dialog(qtbot, tab: ContactsTab, **typed: str) -> ContactDialog:
    click(qtbot, button(tab, "add_contact"))
    dialog = tab.dialog()
    assert dialog is not None and dialog.isVisible()
    for name, text in typed.items():
        if name == "role":
            combo = dialog.findChild(QComboBox, "contact_role")
            combo.setCurrentIndex(combo.findText(text))
        else:
            type_text(qtbot, dialog.findChild(QLineEdit, f"contact_{name}"), text)
    click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))
    return dialog


# ---------------------------------------------------------------- new customers


def test_new_personal_customer_typed_and_saved_is_stored(qtbot, panel, customer_file):
    panel.start_new(CustomerKind.PERSONAL)
    type_text(qtbot, line(panel, "name"), "王小明")
    type_text(qtbot, line(panel, "mobile"), "138 0013 8000")
    type_text(qtbot, line(panel, "birthday"), "1990年3月7日")
    panel.findChild(QComboBox, "field_gender").setCurrentIndex(1)
    open_tab(qtbot, panel, Group.CONSUMPTION)
    type_text(qtbot, line(panel, "typical_spend"), "¥1,234.5")
    open_tab(qtbot, panel, Group.MANAGEMENT)
    type_text(qtbot, line(panel, "tags"), "VIP，老客户 VIP")

    with qtbot.waitSignal(panel.saved) as blocker:
        click(qtbot, button(panel, "save_button"))

    [customer] = all_stored(customer_file)
    assert customer.name == "王小明"
    assert customer.mobile == "13800138000"
    assert customer.birthday == date(1990, 3, 7)
    assert customer.gender is not None
    assert customer.typical_spend == 123450
    assert customer.tags == ("VIP", "老客户")
    assert customer.code  # assigned by storage
    assert blocker.args[0].id == customer.id
    assert panel.current().id == customer.id
    assert not panel.is_dirty()
    assert not button(panel, "save_button").isEnabled()
    assert panel.findChild(QLabel, "header_name").text() == "王小明"
    assert customer.code in panel.findChild(QLabel, "header_meta").text()


def test_start_new_puts_the_cursor_in_the_name_field(qtbot, panel):
    panel.activateWindow()
    panel.start_new(CustomerKind.COMPANY)
    qtbot.waitUntil(lambda: line(panel, "name").hasFocus())
    assert current_tab_text(panel) == texts.enum_text(Group.BASIC)
    assert panel.findChild(QComboBox, "field_status").currentText() == "Active"


def test_bad_mobile_shows_the_message_next_to_the_field_and_saves_nothing(qtbot, panel, customer_file):
    panel.start_new(CustomerKind.PERSONAL)
    type_text(qtbot, line(panel, "name"), "王小明")
    open_tab(qtbot, panel, Group.EDUCATION)  # the error must bring the user back to the field
    type_text(qtbot, line(panel, "school"), "北京大学")
    tabs = panel.findChild(QTabWidget, "detail_tabs")
    tabs.setCurrentIndex(0)
    type_text(qtbot, line(panel, "mobile"), "12345678901")
    open_tab(qtbot, panel, Group.MANAGEMENT)

    click(qtbot, button(panel, "save_button"))

    label = error_label(panel, "mobile")
    assert label.isVisible()
    assert label.text() == texts.error_text(ErrorCode.INVALID_MOBILE)
    assert current_tab_text(panel) == texts.enum_text(Group.BASIC)
    assert not error_label(panel, "name").isVisible()
    assert all_stored(customer_file) == []
    assert panel.is_dirty()

    line(panel, "mobile").clear()
    type_text(qtbot, line(panel, "mobile"), "13800138000")
    click(qtbot, button(panel, "save_button"))
    assert not label.isVisible()
    [customer] = all_stored(customer_file)
    assert customer.school == "北京大学"


def test_a_blank_name_is_required(qtbot, panel, customer_file):
    panel.start_new(CustomerKind.COMPANY)
    type_text(qtbot, line(panel, "city"), "上海市")
    click(qtbot, button(panel, "save_button"))
    assert error_label(panel, "name").isVisible()
    assert error_label(panel, "name").text() == texts.error_text(ErrorCode.REQUIRED)
    assert panel.findChild(QLabel, "save_message").isVisible()
    assert all_stored(customer_file) == []


def test_errors_from_the_save_callback_are_shown_next_to_their_fields(qtbot, panel, customer_file):
    first = stored(customer_file, make_person())
    panel.show_customer(stored(customer_file, make_person(name="李四", mobile=None)))
    open_tab(qtbot, panel, Group.MANAGEMENT)
    line(panel, "code").clear()
    type_text(qtbot, line(panel, "code"), first.code)
    tabs = panel.findChild(QTabWidget, "detail_tabs")
    tabs.setCurrentIndex(0)

    assert not panel.save()

    assert error_label(panel, "code").isVisible()
    assert first.code in error_label(panel, "code").text()
    assert current_tab_text(panel) == texts.enum_text(Group.MANAGEMENT)


# ---------------------------------------------------------------- sensitive fields


def test_phones_and_id_are_masked_until_revealed(qtbot, panel, customer_file):
    person = stored(customer_file, make_person(phone="01065529988", id_number=VALID_ID))
    panel.show_customer(person)

    mobile, reveal = line(panel, "mobile"), button(panel, "reveal_mobile")
    assert mobile.text() == "138****8000"
    assert mobile.isReadOnly()
    assert reveal.text() == "Show"
    assert line(panel, "phone").text() == "010****9988"
    assert line(panel, "id_number").text() == "110105********002X"
    assert "13800138000" not in {w.text() for w in panel.findChildren(QLineEdit)}

    click(qtbot, reveal)
    assert mobile.text() == "138 0013 8000"
    assert not mobile.isReadOnly()
    assert reveal.text() == "Hide"
    click(qtbot, button(panel, "reveal_id_number"))
    assert line(panel, "id_number").text() == VALID_ID

    click(qtbot, reveal)
    assert mobile.text() == "138****8000"
    assert mobile.isReadOnly()
    assert not panel.is_dirty()


def test_an_edit_made_while_revealed_survives_hiding_and_is_saved(qtbot, panel, customer_file):
    panel.show_customer(stored(customer_file, make_person()))
    click(qtbot, button(panel, "reveal_mobile"))
    mobile = line(panel, "mobile")
    mobile.clear()
    type_text(qtbot, mobile, "13900139000")
    click(qtbot, button(panel, "reveal_mobile"))  # hide again
    assert mobile.text() == "139****9000"
    assert panel.is_dirty()
    click(qtbot, button(panel, "save_button"))
    [customer] = all_stored(customer_file)
    assert customer.mobile == "13900139000"


def test_an_empty_sensitive_field_is_directly_editable(panel, customer_file):
    panel.show_customer(stored(customer_file, make_person(mobile=None)))
    assert not line(panel, "mobile").isReadOnly()
    assert not button(panel, "reveal_mobile").isVisible()


# ---------------------------------------------------------------- contact persons


def test_company_with_two_contacts_added_through_the_dialog(qtbot, panel, customer_file):
    panel.start_new(CustomerKind.COMPANY)
    type_text(qtbot, line(panel, "name"), "上海远航货运有限公司")
    open_tab(qtbot, panel, Group.CONTACTS)
    tab = panel.findChild(ContactsTab)

    add_contact_through_dialog(qtbot, tab, name="李四", title="采购经理", mobile="13900139000",
                               role=texts.enum_text(ContactRole.PURCHASER))
    add_contact_through_dialog(qtbot, tab, name="王五", email="wang@Example.COM")
    assert tab.model.rowCount() == 2
    assert tab.model.index(0, 0).data() == "★"  # the first contact becomes the primary
    assert tab.model.index(0, 4).data() == "139****9000"
    assert panel.is_dirty()

    click(qtbot, button(panel, "save_button"))

    [company] = all_stored(customer_file)
    assert [c.name for c in company.contacts] == ["李四", "王五"]
    assert [c.is_primary for c in company.contacts] == [True, False]
    assert company.contacts[0].role is ContactRole.PURCHASER
    assert company.contacts[0].title == "采购经理"
    assert company.contacts[1].email == "wang@example.com"
    assert tab.contacts() == company.contacts


def test_the_contact_dialog_stays_open_on_a_bad_mobile(qtbot, panel):
    panel.start_new(CustomerKind.COMPANY)
    open_tab(qtbot, panel, Group.CONTACTS)
    tab = panel.findChild(ContactsTab)
    dialog = add_contact_through_dialog(qtbot, tab, name="李四", mobile="12345")
    assert dialog.isVisible()
    error = dialog.findChild(QLabel, "contact_error_mobile")
    assert error.isVisible()
    assert error.text() == texts.error_text(ErrorCode.INVALID_MOBILE)
    assert tab.model.rowCount() == 0

    field = dialog.findChild(QLineEdit, "contact_mobile")
    field.clear()
    type_text(qtbot, field, "13900139000")
    click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))
    assert not dialog.isVisible()
    assert tab.model.rowCount() == 1


def test_double_click_edits_a_contact(qtbot, panel, customer_file):
    panel.show_customer(stored(customer_file, make_company()))
    open_tab(qtbot, panel, Group.CONTACTS)
    tab = panel.findChild(ContactsTab)
    view = tab.table
    rect = view.visualRect(tab.model.index(1, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = tab.dialog()
    assert dialog is not None
    title = dialog.findChild(QLineEdit, "contact_title")
    assert title.text() == "物流主管"
    title.clear()
    type_text(qtbot, title, "物流总监")
    click(qtbot, dialog.button_box.button(QDialogButtonBox.StandardButton.Ok))
    click(qtbot, button(panel, "save_button"))
    [company] = all_stored(customer_file)
    assert company.contacts[1].title == "物流总监"
    assert company.contacts[1].name == "单田芳"


def test_mark_primary(qtbot, panel, customer_file):
    panel.show_customer(stored(customer_file, make_company()))
    open_tab(qtbot, panel, Group.CONTACTS)
    tab = panel.findChild(ContactsTab)
    primary = button(tab, "primary_contact")
    tab.table.selectRow(0)
    assert not primary.isEnabled()  # already the primary
    tab.table.selectRow(1)
    assert primary.isEnabled()

    click(qtbot, primary)

    assert [tab.model.index(r, 0).data() for r in range(2)] == ["", "★"]
    click(qtbot, button(panel, "save_button"))
    [company] = all_stored(customer_file)
    assert [c.is_primary for c in company.contacts] == [False, True]
    assert company.primary_contact.name == "单田芳"


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_remove_contact_asks_first(qtbot, panel, customer_file, monkeypatch, answer):
    asked = []

    def question(parent, title, text, *args):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    panel.show_customer(stored(customer_file, make_company()))
    open_tab(qtbot, panel, Group.CONTACTS)
    tab = panel.findChild(ContactsTab)
    tab.table.selectRow(0)

    click(qtbot, button(tab, "remove_contact"))

    assert len(asked) == 1 and "李四" in asked[0]
    if answer == QMessageBox.StandardButton.No:
        assert tab.model.rowCount() == 2
        assert not panel.is_dirty()
        return
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 0).data() == "★"  # the remaining contact becomes the primary
    click(qtbot, button(panel, "save_button"))
    [company] = all_stored(customer_file)
    assert [(c.name, c.is_primary) for c in company.contacts] == [("单田芳", True)]


def test_contact_errors_from_saving_are_shown_on_the_contacts_tab(qtbot, today):
    error = FieldError("contacts[1].mobile", ErrorCode.INVALID_MOBILE)
    panel = CustomerDetailPanel(lambda c: SaveResult(None, (error,)), today=today)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_customer(make_company(id=1, code="C000001"))
    type_text(qtbot, line(panel, "city"), "上海市")

    assert not panel.save()

    tab = panel.findChild(ContactsTab)
    assert current_tab_text(panel) == texts.enum_text(Group.CONTACTS)
    message = tab.findChild(QLabel, "contacts_error")
    assert message.isVisible()
    assert "单田芳" in message.text()
    assert texts.error_text(ErrorCode.INVALID_MOBILE) in message.text()
    assert tab.selected_row() == 1


def test_contact_table_model(qtmodeltester):
    model = ContactTableModel()
    model.set_contacts(make_company().contacts + (ContactPerson(name="赵六"),))
    qtmodeltester.check(model)


# ---------------------------------------------------------------- verification


def test_stale_mark_and_verified_today(qtbot, panel, customer_file, today):
    panel.show_customer(stored(customer_file, make_person(last_verified=date(2025, 10, 1))))
    label = panel.findChild(QLabel, "verified_label")
    assert "Not verified for over a year" in label.text()
    assert "2025-10-01" in label.text()
    assert "⚠" in label.text()
    assert label.property("stale") is True

    with qtbot.waitSignal(panel.saved):
        click(qtbot, button(panel, "verified_today"))

    [customer] = all_stored(customer_file)
    assert customer.last_verified == today
    assert label.text() == "Last verified: 2026-11-23"
    assert label.property("stale") is False
    assert line(panel, "last_verified").text() == "2026-11-23"


def test_a_customer_never_verified_is_marked(panel, customer_file):
    panel.show_customer(stored(customer_file, make_person()))
    label = panel.findChild(QLabel, "verified_label")
    assert "Never verified" in label.text()
    assert label.property("stale") is True


def test_a_recent_verification_is_not_marked(panel, customer_file):
    panel.show_customer(stored(customer_file, make_person(last_verified=date(2026, 1, 2))))
    label = panel.findChild(QLabel, "verified_label")
    assert label.text() == "Last verified: 2026-01-02"
    assert label.property("stale") is False


# ---------------------------------------------------------------- dirty tracking


def test_dirty_tracking_and_revert(qtbot, panel, customer_file):
    panel.show_customer(stored(customer_file, make_person(notes="老客户")))
    save, revert = button(panel, "save_button"), button(panel, "revert_button")
    assert not panel.is_dirty() and not save.isEnabled()

    with qtbot.waitSignal(panel.dirty_changed) as blocker:
        type_text(qtbot, line(panel, "city"), "区")
    assert blocker.args == [True]
    assert save.isEnabled() and revert.isEnabled()

    with qtbot.waitSignal(panel.dirty_changed) as blocker:
        click(qtbot, revert)
    assert blocker.args == [False]
    assert line(panel, "city").text() == "北京市"
    assert not save.isEnabled()


def test_typing_back_the_old_value_is_not_dirty(qtbot, panel, customer_file):
    panel.show_customer(stored(customer_file, make_person()))
    city = line(panel, "city")
    type_text(qtbot, city, "x")
    assert panel.is_dirty()
    qtbot.keyClick(city, Qt.Key.Key_Backspace)
    assert not panel.is_dirty()


@pytest.mark.parametrize("edit", ["notes", "tags", "gender", "contacts"])
def test_every_kind_of_editor_makes_the_panel_dirty(qtbot, panel, customer_file, monkeypatch, edit):
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    customer = make_company() if edit == "contacts" else make_person()
    panel.show_customer(stored(customer_file, customer))
    changes = []
    panel.dirty_changed.connect(changes.append)
    if edit == "notes":
        notes = panel.findChild(QPlainTextEdit, "field_notes")
        type_text(qtbot, notes, "见面聊过")
    elif edit == "tags":
        type_text(qtbot, line(panel, "tags"), "VIP")
    elif edit == "gender":
        panel.findChild(QComboBox, "field_gender").setCurrentIndex(2)
    else:
        tab = panel.findChild(ContactsTab)
        tab.table.selectRow(1)
        tab.remove_selected()
    assert changes == [True]
    panel.revert()
    assert changes == [True, False]


# ---------------------------------------------------------------- layout and state


def test_nothing_selected_shows_the_quiet_page(panel):
    panel.show_customer(None)
    label = panel.findChild(QLabel, "empty_page")
    assert label.isVisible()
    assert label.text() == "Select a customer on the left, or create one."
    assert not panel.findChild(QTabWidget, "detail_tabs").isVisible()
    assert panel.current() is None
    assert not panel.save()


def test_tabs_follow_the_kind(panel):
    tabs = panel.findChild(QTabWidget, "detail_tabs")
    panel.show_customer(make_person(id=1, code="C1"))
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Basic", "Spending", "Education", "Career", "Family", "Life", "Character",
        "Relations", "Record",
    ]
    panel.show_customer(make_company(id=2, code="C2"))
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Basic", "Profile", "Business", "Terms", "Contacts", "Record",
    ]
    # only the shown kind's editors exist, so each object name is unique
    assert len(panel.findChildren(QLineEdit, "field_name")) == 1
    assert panel.findChild(QLineEdit, "field_gender") is None


def test_a_persons_industry_is_on_the_career_tab():
    groups = {group: [s.name for s in specs] for group, specs in tab_fields(CustomerKind.PERSONAL)}
    assert groups[Group.CAREER] == ["employer", "job_title", "industry", "career_notes"]
    assert all("industry" not in names for group, names in groups.items() if group is not Group.CAREER)


def test_field_form_texts_parse_and_errors(qtbot):
    from crmdesk.domain.customer import fields_for

    form = FieldForm(fields_for(CustomerKind.PERSONAL, Group.BASIC))
    qtbot.addWidget(form)
    form.set_values(make_person(birthday=date(1990, 3, 7), id_number=VALID_ID))
    values = form.texts()
    assert values["mobile"] == "13800138000"  # masked and unrevealed: the stored value
    assert values["birthday"] == "1990-03-07"
    assert values["gender"] == ""
    parsed, errors = form.parse()
    assert errors == [] and parsed["birthday"] == date(1990, 3, 7) and parsed["id_number"] == VALID_ID

    edits = []
    form.edited.connect(lambda: edits.append(1))
    birthday = form.findChild(QLineEdit, "field_birthday")
    birthday.clear()
    qtbot.keyClicks(birthday, "1990.13.1")
    assert edits and form.is_dirty()
    parsed, errors = form.parse()
    assert [e.field for e in errors] == ["birthday"]
    ignored = form.show_errors(errors + [FieldError("credit_limit", ErrorCode.NEGATIVE_AMOUNT)])
    assert [e.field for e in ignored] == ["credit_limit"]
    assert form.findChild(QLabel, "error_birthday").text() == texts.error_text(ErrorCode.INVALID_DATE)
    assert form.error_fields() == ["birthday"]
    form.clear_errors()
    assert form.error_fields() == []


def test_parse_tags():
    assert parse_tags(" VIP, 老客户，物流、VIP;重点  ") == ("VIP", "老客户", "物流", "重点")
    assert parse_tags("") == ()


def test_read_only_panel_cannot_be_edited(qtbot, panel, customer_file):
    panel.show_customer(stored(customer_file, make_company()))
    panel.set_read_only(True)
    assert line(panel, "name").isReadOnly()
    assert not panel.findChild(QComboBox, "field_status").isEnabled()
    assert not button(panel, "verified_today").isEnabled()
    assert not button(panel, "add_contact").isEnabled()
    click(qtbot, button(panel, "reveal_phone"))  # looking is still allowed
    assert line(panel, "phone").text() == "010 6552 9988"
    assert line(panel, "phone").isReadOnly()
    assert not panel.save()


class _Shouting(QTranslator):
    """A translation that marks every string, to see what retranslate() reaches."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        return f"«{source}»"


def test_retranslate_reapplies_the_visible_strings(qtbot, panel, customer_file):
    panel.show_customer(stored(customer_file, make_company(last_verified=date(2020, 1, 1))))
    translator = _Shouting()
    QCoreApplication.installTranslator(translator)
    try:
        panel.retranslate()
        tabs = panel.findChild(QTabWidget, "detail_tabs")
        assert all(tabs.tabText(i).startswith("«") for i in range(tabs.count()))
        assert button(panel, "save_button").text() == "«Save»"
        assert button(panel, "verified_today").text() == "«Verified today»"
        assert button(panel, "reveal_phone").text() == "«Show»"
        assert button(panel, "add_contact").text().startswith("«")
        assert "«" in panel.findChild(QLabel, "verified_label").text()
        assert "«Company»" in panel.findChild(QLabel, "header_meta").text()
        form_labels = [lbl.text() for lbl in panel.findChildren(QLabel) if lbl.buddy() is not None]
        assert form_labels and all(t.startswith("«") for t in form_labels)
        assert panel.findChild(QComboBox, "field_status").currentText() == "«Active»"
        tab = panel.findChild(ContactsTab)
        assert tab.model.headerData(1, Qt.Orientation.Horizontal) == "«Full name»"
    finally:
        QCoreApplication.removeTranslator(translator)
    panel.retranslate()
    assert button(panel, "save_button").text() == "Save"


@pytest.fixture
def chinese(qapp):
    from crmdesk.ui.i18n import Translations

    translations = Translations(qapp)
    translations.install("zh_CN")
    yield
    translations.install("en")


def test_lunar_birthday_typed_in_chinese_is_stored_and_shown_as_written(qtbot, panel, customer_file, chinese):
    person = stored(customer_file, make_person())
    panel.show_customer(person)
    panel.retranslate()
    field = line(panel, "lunar_birthday")
    type_text(qtbot, field, "农历闰四月初八")
    assert panel.save()
    assert service.get_customer(customer_file, person.id).lunar_birthday == "L*04-08"
    panel.show_customer(service.get_customer(customer_file, person.id))
    assert field.text() == "闰四月初八"


def test_lunar_birthday_in_english_and_a_wrong_one_refused(qtbot, panel, customer_file):
    person = stored(customer_file, make_person(lunar_birthday="L08-15"))
    panel.show_customer(person)
    field = line(panel, "lunar_birthday")
    assert field.text() == "Lunar 8/15"
    field.clear()
    type_text(qtbot, field, "八月三十二")
    assert not panel.save()
    assert error_label(panel, "lunar_birthday").text() == texts.error_text(ErrorCode.INVALID_LUNAR_DATE)
    assert service.get_customer(customer_file, person.id).lunar_birthday == "L08-15"  # kept as it was
    field.clear()
    qtbot.keyClicks(field, "Lunar 12/30")
    assert panel.save()
    assert service.get_customer(customer_file, person.id).lunar_birthday == "L12-30"
