"""The complaints tab, driven like a clerk: record a complaint, add the handling steps, resolve it
with a satisfaction score, and see it leave the escalated list and the alert panel."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit

from crmdesk.domain.complaints import Complaint, ComplaintCategory, ComplaintChannel, ComplaintState, StepKind
from crmdesk.services import complaints as service
from crmdesk.storage import complaints as store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.customers import insert_customer
from crmdesk.ui.customer_detail.complaints_tab import ComplaintsTab
from crmdesk.ui.ledger_access import LedgerAccess
from tests.factories import make_company
from tests.ui.test_main_window import make_window, open_and_wait  # noqa: F401 - fixture
from tests.ui.typing import type_text

TODAY = date(2026, 11, 23)


@pytest.fixture
def company(customer_file):
    return insert_customer(customer_file, make_company(owner="王强"))


@pytest.fixture
def tab(qtbot, customer_file, company):
    tab = ComplaintsTab(LedgerAccess(customer_file, TODAY))
    qtbot.addWidget(tab)
    tab.resize(980, 620)
    tab.set_customer_details(company.owner)
    tab.show_customer(company.id, None)
    tab.show()
    return tab


def _type(qtbot, dialog, name, text, prefix):
    editor = dialog.findChild(QLineEdit, f"{prefix}_{name}") or dialog.findChild(QPlainTextEdit, f"{prefix}_{name}")
    if isinstance(editor, QLineEdit):
        editor.clear()
    editor.setFocus()
    type_text(qtbot, editor, text)


def _choose(dialog, name, value, prefix):
    combo = dialog.findChild(QComboBox, f"{prefix}_{name}")
    combo.setCurrentIndex(combo.findData(value))


def _ok(qtbot, dialog):
    qtbot.mouseClick(dialog.button_box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _click(qtbot, button):
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _cells(view, row):
    model = view.model()
    return [model.index(row, c).data() for c in range(model.columnCount())]


def _errors(dialog, prefix):
    return {label.objectName().removeprefix(f"{prefix}_error_"): label.text() for label in dialog.findChildren(QLabel)
            if label.objectName().startswith(f"{prefix}_error_") and label.isVisibleTo(dialog) and label.text()}


def test_record_handle_and_resolve_a_complaint(qtbot, tab, customer_file, company):
    _click(qtbot, tab.add_button)
    dialog = tab.dialog()
    assert dialog.windowTitle() == "Record a complaint"
    # Received 13 days ago, a small customer (D): answered at once, but 10 days to resolve are gone.
    _type(qtbot, dialog, "date", "2026-11-10", "complaint")
    _type(qtbot, dialog, "time", "9:05", "complaint")
    _choose(dialog, "category", ComplaintCategory.DELIVERY.value, "complaint")
    _type(qtbot, dialog, "description", "货物延误三天，客户要求赔偿", "complaint")
    _type(qtbot, dialog, "first_response", "已致歉，承诺当天查明原因", "complaint")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    row = _cells(tab.table, 0)
    assert row[:4] == ["2026-11-10 09:05", "Delivery", "D · Small", "Open"]
    assert row[4] == "Escalated: 3 days late"
    assert tab.table.model().index(0, 4).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b91c1c"
    assert [_cells(tab.timeline, r)[1:] for r in range(tab.timeline_model.rowCount())] == [
        ["First response", "已致歉，承诺当天查明原因"]]

    _click(qtbot, tab.step_button)
    step = tab.dialog()
    assert step.windowTitle() == "Add a handling step"
    _choose(step, "kind", StepKind.ACTION.value, "step")
    _type(qtbot, step, "text", "加派车辆重新配送", "step")
    _type(qtbot, step, "promise", "11月25日前送达并退运费200元", "step")
    _type(qtbot, step, "due", "2026-11-25", "step")
    _ok(qtbot, step)
    assert not step.isVisible()
    assert _cells(tab.timeline, 1)[1:] == ["Action promised",
                                           "加派车辆重新配送 · Promise: 11月25日前送达并退运费200元 · by 2026-11-25"]
    assert not tab.reopen_button.isEnabled()

    _click(qtbot, tab.resolve_button)
    resolve = tab.dialog()
    assert resolve.windowTitle() == "Resolve the complaint"
    _type(qtbot, resolve, "text", "已送达，运费已退", "step")
    _choose(resolve, "satisfaction", 4, "step")
    _choose(resolve, "retained", "yes", "step")
    _ok(qtbot, resolve)
    assert not resolve.isVisible()
    assert _cells(tab.table, 0)[3:5] == ["Resolved", ""]
    assert _cells(tab.timeline, 2)[1:] == ["Resolved", "已送达，运费已退 · satisfaction 4/5 · stayed"]
    (stored,) = store.complaints_of(customer_file, company.id)
    assert (stored.state, stored.satisfaction, stored.retained) == (ComplaintState.RESOLVED, 4, True)
    assert service.complaint_counts(customer_file, TODAY) == service.ComplaintCounts(0, 0)
    assert tab.reopen_button.isEnabled() and not tab.resolve_button.isEnabled()


def test_a_malicious_complaint_needs_its_reason_and_nothing_is_stored_without(qtbot, tab, customer_file, company):
    _click(qtbot, tab.add_button)
    dialog = tab.dialog()
    reason = dialog.findChild(QLineEdit, "complaint_reason")
    assert not reason.isEnabled()
    _choose(dialog, "nature", "malicious", "complaint")
    assert reason.isEnabled()
    _type(qtbot, dialog, "description", "威胁曝光，索要高额赔偿", "complaint")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert _errors(dialog, "complaint") == {"reason": "Required."}
    assert store.complaints_of(customer_file, company.id) == []
    _type(qtbot, dialog, "reason", "敲诈", "complaint")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert _cells(tab.table, 0)[1] == "Service · malicious"
    assert tab.table.model().index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "敲诈"


def test_reopening_keeps_the_earlier_resolution_in_the_timeline(qtbot, tab, customer_file, company):
    ledger = LedgerAccess(customer_file, TODAY)
    c = ledger.record_complaint(Complaint(company.id, date(2026, 11, 20), ComplaintChannel.PHONE,
                                          ComplaintCategory.PRODUCT, "包装破损")).complaint
    ledger.resolve_complaint(c, on=date(2026, 11, 21), outcome="补发", satisfaction=2, retained=None)
    tab.refresh()
    _click(qtbot, tab.reopen_button)
    dialog = tab.dialog()
    assert dialog.windowTitle() == "Reopen the complaint"
    _ok(qtbot, dialog)
    assert _errors(dialog, "step") == {"text": "Required."}
    _type(qtbot, dialog, "text", "补发的货也有破损", "step")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert _cells(tab.table, 0)[3] == "Open"
    assert [_cells(tab.timeline, r)[1] for r in range(tab.timeline_model.rowCount())] == ["Resolved", "Reopened"]
    assert _cells(tab.timeline, 0)[2] == "补发 · satisfaction 2/5"


def test_a_read_only_file_shows_complaints_without_changing_them(qtbot, tmp_path):
    path = tmp_path / "ro.crmdesk"
    with CustomerFile.create(path) as cf:
        cid = insert_customer(cf, make_company()).id
        service.record_complaint(cf, Complaint(cid, date(2026, 11, 1), ComplaintChannel.LETTER,
                                               ComplaintCategory.PRICE, "运价上调未通知"))
    with CustomerFile.open(path, read_only=True) as cf:
        tab = ComplaintsTab(LedgerAccess(cf, TODAY))
        qtbot.addWidget(tab)
        tab.show_customer(cid, None)
        assert tab.model.rowCount() >= 1 and _cells(tab.table, 0)[1] == "Price"
        assert not any(b.isEnabled() for b in (tab.add_button, tab.delete_button, tab.step_button,
                                               tab.resolve_button, tab.reopen_button))


def test_resolving_in_the_window_takes_it_off_the_escalated_counts_and_the_alerts(qtbot, make_window, tmp_path):
    path = tmp_path / "complaints.crmdesk"
    with CustomerFile.create(path) as cf:
        cid = insert_customer(cf, make_company(name="迟到物流有限公司")).id
        service.record_complaint(cf, Complaint(cid, date(2026, 11, 1), ComplaintChannel.PHONE,
                                               ComplaintCategory.DELIVERY, "到货晚了一周"))
    window = make_window()
    open_and_wait(qtbot, window, path)
    qtbot.waitUntil(lambda: window.complaint_counts.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: window.complaint_counts.text() == "Complaints: 1 open, 1 escalated", timeout=10_000)
    assert any(a.alert.kind.value == "complaint_overdue" for a in window.alert_panel.alerts())
    code = window.model.index(0, 0)
    assert code.data(Qt.ItemDataRole.ToolTipRole) == "A complaint past its deadline (escalated)"
    window.show_customer_id(cid)
    tab = window.detail.complaints_tab
    window.detail.sections.setCurrentWidget(tab)
    tab.table.selectRow(0)
    _click(qtbot, tab.resolve_button)
    dialog = tab.dialog()
    _type(qtbot, dialog, "text", "已补偿运费", "step")
    _choose(dialog, "satisfaction", 5, "step")
    _ok(qtbot, dialog)
    assert window.complaint_counts.text() == "Complaints: 0 open"
    assert window.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    qtbot.waitUntil(lambda: not any(a.alert.kind.value == "complaint_overdue" for a in window.alert_panel.alerts()),
                    timeout=10_000)
    window.act_complaints.trigger()
    assert window.complaint_log.isVisible()
