"""The window's ways in and out: File → Import/Export, the list's menu, Find duplicates."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWizard

from crmdesk.storage import customers as store
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.ui.dialogs.export_dialog import ExportDialog, ExportWhat
from crmdesk.ui.duplicates.duplicates_dialog import DuplicatesDialog
from tests.factories import make_person
from tests.ui.test_main_window import make_window, open_and_wait  # noqa: F401 (fixture)


def _file(tmp_path):
    path = tmp_path / "shop.crmdesk"
    with CustomerFile.create(path) as cf:
        store.insert_customer(cf, make_person(name="张三", mobile="13800138000"))
        store.insert_customer(cf, make_person(name="張三", mobile="13800138000"))  # the same one, twice
        store.insert_customer(cf, make_person(name="李四", mobile="13900139000"))
    return path


def _top(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_the_file_menu_offers_import_history_and_export(qtbot, tmp_path, make_window):
    window = make_window()
    open_and_wait(qtbot, window, _file(tmp_path))
    titles = [a.text() for a in window.file_menu.actions()]
    assert {"&Import a ledger…", "Import &history…", "&Export…"} <= set(titles)
    assert window.act_import.shortcut().toString() == "Ctrl+I"


def test_export_starts_from_the_selection_and_the_shown_list(qtbot, tmp_path, make_window):
    window = make_window()
    open_and_wait(qtbot, window, _file(tmp_path))
    window.filter_bar.search.setText("李")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.list_view.selectRow(0)
    window.show_export(selected=True)
    (dialog,) = _top(ExportDialog)
    assert dialog.what() is ExportWhat.SELECTED
    assert dialog._ids() == [window.model.id_at(0)]
    dialog.close()


def test_find_duplicates_scans_on_the_worker_and_lists_the_pair(qtbot, tmp_path, make_window, monkeypatch):
    shown = []
    monkeypatch.setattr(DuplicatesDialog, "exec", lambda self: shown.append(self.model.rowCount()) or 0)
    window = make_window()
    open_and_wait(qtbot, window, _file(tmp_path))
    qtbot.waitUntil(lambda: not window.busy_bar.isVisible(), timeout=10_000)
    window.act_duplicates.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == [1]


def test_the_import_wizard_opens_from_the_menu(qtbot, tmp_path, make_window, monkeypatch):
    opened = []
    monkeypatch.setattr(QWizard, "exec", lambda self: opened.append(self.windowTitle()) or 0)
    window = make_window()
    open_and_wait(qtbot, window, _file(tmp_path))
    window.act_import.trigger()
    assert opened == ["Import a ledger"]
