"""The follow-ups and contact-log tabs, driven like a clerk: log a call and schedule the next one,
mark a follow-up done, move one, and see the errors in the user's words."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit

from crmdesk.domain.followups import ContactMethod, FollowUp, FollowUpState
from crmdesk.storage import followups as store
from crmdesk.storage.change_log import change_log
from crmdesk.storage.customers import insert_customer
from crmdesk.ui.customer_detail.follow_ups_tab import ContactLogTab, FollowUpsTab
from crmdesk.ui.ledger_access import LedgerAccess
from tests.factories import make_company
from tests.ui.test_main_window import make_window  # noqa: F401 - fixture
from tests.ui.typing import type_text

TODAY = date(2026, 11, 23)


@pytest.fixture
def company(customer_file):
    return insert_customer(customer_file, make_company(owner="王强"))


@pytest.fixture
def tabs(qtbot, customer_file, company):
    ledger = LedgerAccess(customer_file, TODAY)
    follow_ups, contacts = FollowUpsTab(ledger), ContactLogTab(ledger)
    for tab in (follow_ups, contacts):
        qtbot.addWidget(tab)
        tab.resize(900, 420)
        tab.set_customer_details(company.owner, ("李经理", "张会计"))
        tab.show_customer(company.id, None)
        tab.show()
    follow_ups.contact_logged.connect(contacts.refresh)
    return follow_ups, contacts


def _type(qtbot, dialog, name, text, prefix="contact_log"):
    editor = dialog.findChild(QLineEdit, f"{prefix}_{name}") or dialog.findChild(QPlainTextEdit, f"{prefix}_{name}")
    if isinstance(editor, QLineEdit):
        editor.clear()
    editor.setFocus()
    type_text(qtbot, editor, text)


def _ok(qtbot, dialog):
    qtbot.mouseClick(dialog.button_box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _cells(tab, row):
    model = tab.table.model()
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_log_a_call_and_schedule_the_next_one(qtbot, tabs, customer_file, company):
    follow_ups, contacts = tabs
    qtbot.mouseClick(contacts.add_button, Qt.MouseButton.LeftButton)
    dialog = contacts.dialog()
    assert dialog.windowTitle() == "Log contact" and dialog.next_box.isChecked()
    _type(qtbot, dialog, "time", "9:30")
    _type(qtbot, dialog, "summary", "电话回访：十二月运价已确认")
    _type(qtbot, dialog, "next_purpose", "寄送合同")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert _cells(contacts, 0)[:4] == ["2026-11-23 09:30", "Phone call", "", "电话回访：十二月运价已确认"]
    follow_ups.refresh()
    assert _cells(follow_ups, 0) == ["2026-11-30", "Phone call", "寄送合同", "王强", "Planned"]


def test_a_bad_time_and_a_missing_purpose_are_refused_and_nothing_is_stored(qtbot, tabs, customer_file, company):
    _, contacts = tabs
    qtbot.mouseClick(contacts.add_button, Qt.MouseButton.LeftButton)
    dialog = contacts.dialog()
    _type(qtbot, dialog, "time", "25:61")
    _type(qtbot, dialog, "summary", "拜访")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    errors = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)
              if label.objectName().startswith("contact_log_error_") and label.isVisibleTo(dialog)}
    assert errors == {"contact_log_error_time": "Not a valid time (for example 09:30).",
                      "contact_log_error_next_purpose": "Required."}
    assert store.contacts_of(customer_file, company.id) == []


def test_done_logs_the_contact_and_closes_the_follow_up(qtbot, tabs, customer_file, company):
    follow_ups, contacts = tabs
    planned = store.insert_follow_up(customer_file, FollowUp(
        customer_id=company.id, due_date=date(2026, 11, 20), method=ContactMethod.VISIT, purpose="季度业务回顾"))
    follow_ups.refresh()
    assert follow_ups.model.foreground(planned, 0) is not None  # three days late: red
    follow_ups.table.selectRow(0)
    qtbot.mouseClick(follow_ups.done_button, Qt.MouseButton.LeftButton)
    dialog = follow_ups.dialog()
    assert dialog.windowTitle() == "Follow-up done: log the contact"
    dialog.next_box.setChecked(False)
    _type(qtbot, dialog, "summary", "上门拜访，回顾本季度运量")
    _ok(qtbot, dialog)
    done = store.get_follow_up(customer_file, planned.id)
    assert done.state is FollowUpState.DONE and done.contact_id is not None
    assert contacts.model.rows()[0].method is ContactMethod.VISIT


def test_move_a_follow_up_and_the_log_keeps_the_old_date(qtbot, tabs, customer_file, company):
    follow_ups, _ = tabs
    store.insert_follow_up(customer_file, FollowUp(
        customer_id=company.id, due_date=date(2026, 11, 25), method=ContactMethod.PHONE, purpose="催款"))
    follow_ups.refresh()
    follow_ups.table.selectRow(0)
    qtbot.mouseClick(follow_ups.edit_button, Qt.MouseButton.LeftButton)
    dialog = follow_ups.dialog()
    _type(qtbot, dialog, "date", "2026-12-02", prefix="follow_up")
    _ok(qtbot, dialog)
    assert _cells(follow_ups, 0)[0] == "2026-12-02"
    assert ("due_date", "2026-11-25", "2026-12-02") in [
        (e.field, e.old, e.new) for e in change_log(customer_file, company.id) if e.action == "update"]
    follow_ups.table.selectRow(0)
    qtbot.mouseClick(follow_ups.cancel_button, Qt.MouseButton.LeftButton)
    assert _cells(follow_ups, 0)[4] == "Cancelled" and not follow_ups.done_button.isEnabled()


def test_the_today_list_is_worked_through_with_the_keyboard(qtbot, make_window, tmp_path):
    from crmdesk.storage import customers as customer_store
    from crmdesk.storage.customer_file import CustomerFile
    from tests.factories import make_person
    from tests.ui.test_main_window import open_and_wait

    path = tmp_path / "today.crmdesk"
    with CustomerFile.create(path) as cf:
        first = customer_store.insert_customer(cf, make_company(name="逾期物流有限公司", owner="王强"))
        second = customer_store.insert_customer(cf, make_person(name="今天"))
        for cid, due, purpose in ((first.id, date(2026, 11, 18), "催收十月运费"), (second.id, TODAY, "确认到货"),
                                  (second.id, date(2026, 11, 24), "明天的")):
            store.insert_follow_up(cf, FollowUp(customer_id=cid, due_date=due, method=ContactMethod.PHONE,
                                                purpose=purpose))
    window = make_window()
    open_and_wait(qtbot, window, path)
    window.act_today.trigger()
    today = window.today_list
    assert window.today_dock.windowTitle() == "Today (2)"
    assert [_cells(today, r)[:2] for r in range(2)] == [
        ["2026-11-18 (5 d late)", f"{first.code}  逾期物流有限公司"], ["2026-11-23", f"{second.code}  今天"]]
    assert today.status.text() == "2 due, 1 of them overdue"
    qtbot.keyClick(today.table, Qt.Key.Key_D)
    dialog = today.dialog()
    assert dialog.windowTitle() == "Follow-up done: log the contact"
    dialog.next_box.setChecked(False)
    _type(qtbot, dialog, "summary", "已催收，客户承诺月底付款")
    _ok(qtbot, dialog)
    assert today.model.rowCount() == 1 and window.today_dock.windowTitle() == "Today (1)"
    qtbot.keyClick(today.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.detail.current() is not None and window.detail.current().id == second.id)
    today.table.setFocus()
    qtbot.keyClick(today.table, Qt.Key.Key_M)
    assert today.model.rowCount() == 0 and today.status.text() == "Nothing due today."
    assert [f.state for f in store.follow_ups_of(window.session.gui, second.id)] == [
        FollowUpState.PLANNED, FollowUpState.MISSED]
