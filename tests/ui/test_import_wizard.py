"""The import wizard as a user goes through it: file, sheet, columns, preview, import, history, revert."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox, QWizard

from crmdesk.services.importing import RowAction
from crmdesk.storage import customers as store
from crmdesk.ui.file_session import FileSession
from crmdesk.ui.importing.import_history import ImportHistoryDialog
from crmdesk.ui.importing.import_wizard import ImportWizard, PreviewColumn
from crmdesk.ui.tasks import InlineExecutor, TaskRunner
from tests import ledger_files

TODAY = date(2026, 11, 23)


@pytest.fixture
def session(customer_file):
    runner = TaskRunner(InlineExecutor())
    return FileSession(customer_file, customer_file, runner)


@pytest.fixture(autouse=True)
def _answers(monkeypatch):
    """Message boxes answer at once and are remembered."""
    shown = []

    def info(parent, title, text, *a, **k):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", info)
    monkeypatch.setattr(QMessageBox, "warning", info)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return shown


def _next(qtbot, wizard):
    """Next (or Finish) as the user clicks it: once the page's work on the worker is done."""
    page = wizard.currentPage()
    qtbot.waitUntil(page.isComplete)
    if page is wizard.preview_page:
        wizard.button(QWizard.WizardButton.FinishButton).click()
        qtbot.waitUntil(lambda: wizard.report is not None)
    else:
        wizard.next()


def _to_preview(qtbot, wizard, path):
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.sheet_page
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.mapping_page
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.preview_page
    qtbot.waitUntil(wizard.preview_page.isComplete)


def test_a_troubled_ledger_shows_its_errors_then_imports_the_valid_row(qtbot, session, tmp_path, _answers):
    path = ledger_files.troubled_xlsx(tmp_path / "troubled.xlsx")
    wizard = ImportWizard(session, TODAY)
    wizard.file_page.path.setText(str(path))
    qtbot.addWidget(wizard)
    wizard.show()
    _next(qtbot, wizard)
    # the hidden instructions sheet is listed but the visible ledger is chosen
    sheets = [wizard.sheet_page.list.item(i).text() for i in range(wizard.sheet_page.list.count())]
    assert sheets == ["说明 (hidden)", "客户台账"]
    assert wizard.sheet_page.list.currentRow() == 1
    _next(qtbot, wizard)
    page = wizard.mapping_page
    assert page.header_row.value() == 2  # under the merged title row
    assert page.mapping() == [None, "name", "mobile", "id_number", "birthday", "typical_spend", "address"]
    _next(qtbot, wizard)
    preview = wizard.preview_page
    qtbot.waitUntil(preview.isComplete)
    assert "9 rows: 1 new, 0 updates, 1 skipped, 7 with errors." in preview.summary.text()
    model = preview.model  # errors are shown first
    details = {model.data(model.index(r, PreviewColumn.ROW)): model.data(model.index(r, PreviewColumn.DETAILS))
               for r in range(model.rowCount())}
    assert details["9"] == ("身份证号: The spreadsheet stored this as a number and lost digits; "
                            "format the column as text and type it again.")
    assert details["4"].startswith("客户名称: Required.")
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "Import 1 row(s)"
    # the error report
    report_path = tmp_path / "errors.xlsx"
    from crmdesk.ui.importing.import_wizard import save_error_report

    assert save_error_report(wizard.preview, report_path) == 7
    rows = list(openpyxl.load_workbook(report_path).active.values)
    assert rows[0] == ("Row", "Column", "Problem")
    assert ("7", "生日", "Not a valid date (for example 2024-01-05).") in rows
    assert store.customer_count(session.gui) == 0  # nothing yet
    _next(qtbot, wizard)  # Finish: write
    assert [r.name for r in store.matching_rows(session.gui)] == ["张三"]
    assert wizard.report.created == 1
    assert "Imported: 1 new, 0 updated." in _answers[-1]


def test_a_corrected_column_is_used_and_remembered(qtbot, session, tmp_path):
    path = ledger_files.csv_file(tmp_path / "odd.csv", "gbk", header=["客户名称", "客户电话"],
                                 rows=[["张三", "13800138000"]])
    wizard = ImportWizard(session, TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    combo = wizard.mapping_page.combos[1]
    assert combo.currentData() is None
    combo.setCurrentIndex(combo.findData("mobile"))
    _next(qtbot, wizard)
    qtbot.waitUntil(wizard.preview_page.isComplete)
    assert wizard.preview.rows[0].action is RowAction.CREATE
    _next(qtbot, wizard)
    zhang = store.matching_rows(session.gui)[0]
    assert zhang.phone == "13800138000"
    again = ImportWizard(session, TODAY)
    qtbot.addWidget(again)
    again.show()
    again.file_page.path.setText(str(path))
    _next(qtbot, again)
    _next(qtbot, again)
    assert again.mapping_page.mapping() == ["name", "mobile"]


def test_without_the_name_column_the_wizard_will_not_go_on(qtbot, session, tmp_path):
    path = ledger_files.csv_file(tmp_path / "x.csv", "utf-8", header=["手机", "地址"], rows=[["13800138000", "北京"]])
    wizard = ImportWizard(session, TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    assert "Still needed: Name" in wizard.mapping_page.missing.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_an_unreadable_file_is_refused_with_a_message(qtbot, session, tmp_path, _answers):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    wizard = ImportWizard(session, TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.path.setText(str(path))
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.file_page
    assert "Save the sheet as .xlsx" in _answers[-1]


def test_history_reverts_an_import(qtbot, session, tmp_path):
    path = ledger_files.good_xlsx(tmp_path / "ledger.xlsx")
    wizard = ImportWizard(session, TODAY)
    _to_preview(qtbot, wizard, path)
    _next(qtbot, wizard)
    assert store.customer_count(session.gui) == 3
    dialog = ImportHistoryDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 1).text() == "ledger.xlsx"
    assert dialog.table.item(0, 2).text() == "3"
    with qtbot.waitSignal(dialog.reverted):
        dialog.revert_button.click()
    assert store.customer_count(session.gui) == 0
    assert dialog.table.item(0, 4).text() == "Reverted"
    assert not dialog.revert_button.isEnabled()
