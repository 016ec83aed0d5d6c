"""The export dialog as a user goes through it: choose, save, see the message; the file is there."""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from crmdesk.domain.orders import Order
from crmdesk.storage import customers as store
from crmdesk.storage import orders as order_store
from crmdesk.ui.dialogs.export_dialog import ExportDialog, ExportWhat
from crmdesk.ui.file_session import FileSession
from crmdesk.ui.tasks import InlineExecutor, TaskRunner
from tests.factories import make_company, make_person

TODAY = date(2026, 11, 23)


@pytest.fixture
def session(customer_file):
    store.insert_customer(customer_file, make_person(name="张三", mobile="13800138000"))
    store.insert_customer(customer_file, make_person(name="王五", mobile="13912345678"))
    company = store.insert_customer(customer_file, make_company())
    order_store.insert_order(customer_file, Order(company.id, date(2026, 11, 1), "运输", 1, 120_000))
    return FileSession(customer_file, customer_file, TaskRunner(InlineExecutor()))


@pytest.fixture
def messages(monkeypatch):
    shown = []

    def info(parent, title, text, *a, **k):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", info)
    monkeypatch.setattr(QMessageBox, "warning", info)
    return shown


@pytest.fixture
def save_as(monkeypatch):
    """The save-file dialog answers with the path the test sets, and remembers what it suggested."""
    asked = {}

    def answer(parent, caption, suggested, filter_):
        asked["suggested"], asked["filter"] = suggested, filter_
        return str(asked["answer"]), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


def _dialog(qtbot, session, shown, **kwargs) -> ExportDialog:
    dialog = ExportDialog(session, TODAY, shown, chinese=False, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_shown_customers_to_xlsx_masked(qtbot, session, messages, save_as, tmp_path):
    ids = store.customer_ids(session.gui)
    dialog = _dialog(qtbot, session, [ids[1], ids[0]])
    assert dialog.radios[ExportWhat.SHOWN].isChecked()
    assert dialog.radios[ExportWhat.SHOWN].text() == "The 2 customers shown in the list (its search and filters)"
    assert dialog.radios[ExportWhat.ALL].text() == "All 3 customers"
    assert not dialog.radios[ExportWhat.SELECTED].isVisibleTo(dialog)
    save_as["answer"] = tmp_path / "out"  # typed without a suffix
    with qtbot.waitSignal(dialog.exported):
        dialog.export_button.click()
    assert save_as["suggested"].endswith("Customers-2026-11-23.xlsx") and save_as["filter"].endswith("(*.xlsx)")
    out = tmp_path / "out.xlsx"
    assert messages == [f"2 rows were written to\n{out}"]
    rows = list(openpyxl.load_workbook(out, read_only=True).worksheets[0].values)
    header = rows[0]
    assert [dict(zip(header, r))["Name"] for r in rows[1:]] == ["王五", "张三"]
    assert dict(zip(header, rows[2]))["Mobile"] == "138****8000"


def test_unmasked_shows_its_warning_and_writes_the_numbers(qtbot, session, messages, save_as, tmp_path):
    dialog = _dialog(qtbot, session, store.customer_ids(session.gui))
    dialog.radios[ExportWhat.ALL].click()
    dialog.csv.click()
    assert not dialog.reveal.isChecked() and not dialog.reveal_warning.isVisibleTo(dialog)
    dialog.reveal.click()
    assert dialog.reveal_warning.isVisibleTo(dialog)
    save_as["answer"] = tmp_path / "all.csv"
    with qtbot.waitSignal(dialog.exported):
        dialog.export_button.click()
    assert "13800138000" in (tmp_path / "all.csv").read_text("utf-8-sig")


def test_the_ledger_as_csv_names_its_table(qtbot, session, messages, save_as, tmp_path):
    dialog = _dialog(qtbot, session, store.customer_ids(session.gui))
    dialog.radios[ExportWhat.LEDGER].click()
    assert not dialog.reveal.isEnabled() and not dialog.csv_table.isVisibleTo(dialog)
    dialog.csv.click()
    assert dialog.csv_table.isVisibleTo(dialog)
    dialog.csv_table.setCurrentIndex(dialog.csv_table.findText("Receivables"))
    save_as["answer"] = tmp_path / "receivables.csv"
    with qtbot.waitSignal(dialog.exported):
        dialog.export_button.click()
    assert save_as["suggested"].endswith("Receivables-2026-11-23.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "receivables.csv").read_text("utf-8-sig"))))
    assert rows[1][:5] == ["KH000003", "北京顺达物流有限公司", "1200.00", "0.00", "1200.00"]


def test_selected_customers_to_vcards_and_a_template(qtbot, session, messages, save_as, tmp_path):
    ids = store.customer_ids(session.gui)
    dialog = _dialog(qtbot, session, ids, selected_ids=[ids[0]], what=ExportWhat.VCARD)
    assert not dialog.format_box.isEnabled() and "unmasked" in dialog.note.text()
    dialog.radios[ExportWhat.SELECTED].click()
    assert dialog.radios[ExportWhat.SELECTED].text() == "The 1 customers selected in the list"
    dialog.radios[ExportWhat.VCARD].click()
    dialog.only_shown.click()
    save_as["answer"] = tmp_path / "phones.vcf"
    with qtbot.waitSignal(dialog.exported):
        dialog.export_button.click()
    assert messages[-1] == f"3 contacts were written to\n{tmp_path / 'phones.vcf'}"

    dialog = _dialog(qtbot, session, ids, what=ExportWhat.TEMPLATE)
    dialog.template_kind.setCurrentIndex(dialog.template_kind.findData(dialog.template_kind.itemData(2)))
    save_as["answer"] = tmp_path / "payments-template.xlsx"
    with qtbot.waitSignal(dialog.exported):
        dialog.export_button.click()
    assert save_as["suggested"].endswith("Payment import template.xlsx")
    header = next(openpyxl.load_workbook(tmp_path / "payments-template.xlsx", read_only=True).worksheets[0].values)
    assert header[:4] == ("Customer code", "Customer", "Payment date*", "Amount*")


def test_cancel_in_the_save_dialog_writes_nothing(qtbot, session, messages, save_as, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    dialog = _dialog(qtbot, session, store.customer_ids(session.gui))
    dialog.export_button.click()
    assert messages == [] and dialog.isVisible()


def test_a_cancelled_export_leaves_no_file(qtbot, session, messages, tmp_path, monkeypatch):
    monkeypatch.setattr("crmdesk.formats.writing.PROGRESS_EVERY", 1)
    target = tmp_path / "cancelled.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    dialog = _dialog(qtbot, session, store.customer_ids(session.gui))
    run = session.run

    def cancelled_at_once(work, on_done, on_error=None):
        dialog._progress.canceled.emit()  # the user presses Cancel in the progress dialog
        run(work, on_done, on_error)

    monkeypatch.setattr(session, "run", cancelled_at_once)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(messages))
    assert messages == ["Cancelled: no file was written."] and not target.exists()
    assert not dialog.busy and dialog.export_button.isEnabled() and dialog.isVisible()


def test_an_unwritable_place_is_said(qtbot, session, messages, tmp_path, monkeypatch):
    target = tmp_path / "no" / "such" / "folder.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    dialog = _dialog(qtbot, session, store.customer_ids(session.gui))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(messages))
    assert messages[0].startswith("The file could not be written: No such file or directory")


def test_on_the_real_worker_thread(qtbot, session, messages, save_as, tmp_path):
    """The session the window has: the worker's own connection, opened on the worker thread."""
    path = session.gui.path
    runner = TaskRunner()
    opened = []
    FileSession.open(runner, path, opened.append, pytest.fail)
    qtbot.waitUntil(lambda: bool(opened))
    threaded = opened[0]
    try:
        dialog = _dialog(qtbot, threaded, store.customer_ids(threaded.gui))
        dialog.radios[ExportWhat.ALL].click()
        save_as["answer"] = tmp_path / "threaded.xlsx"
        with qtbot.waitSignal(dialog.exported, timeout=20_000):
            dialog.export_button.click()
        assert messages == [f"3 rows were written to\n{tmp_path / 'threaded.xlsx'}"]
    finally:
        threaded.close()
        runner.shutdown()
