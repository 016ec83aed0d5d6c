"""Saving in the window while another program writes the file (reliability.md test #2).

A raw sqlite3 connection holds the write lock.  Saving an edit must say, in the
user's language, that the file is busy and nothing was changed; the typed edit
stays in the form, and saving again once the other program is done stores it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

from crmdesk.storage.customer_file import CustomerFile
from tests.ui.test_file_safety import answers  # noqa: F401 (fixture)
from tests.ui.test_main_window import make_window, names_shown, open_and_wait, shop_file  # noqa: F401 (fixtures)

BUSY = {
    "en": ("Not saved", "The file is busy in another program. Nothing was changed; try again."),
    "zh_CN": ("未保存", "文件正被其他程序使用，未做任何更改，请重试。"),
}


def _name_field(window) -> QLineEdit:
    return window.detail.findChild(QLineEdit, "field_name")


def _on_disk(path: Path) -> tuple[list[str], set[str]]:
    with CustomerFile.open(path, read_only=True) as cf:
        names = [r[0] for r in cf.execute("SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY id")]
        keys = {r[0] for r in cf.execute("SELECT key FROM file_settings")}
    return names, keys


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_saving_while_another_program_writes_says_busy_and_keeps_the_edit(qtbot, make_window, shop_file, answers,
                                                                         language):
    window = make_window(language)
    open_and_wait(qtbot, window, shop_file)
    window.session.gui.execute("PRAGMA busy_timeout = 50")  # the real 5 s would only slow the test
    window.list_view.setCurrentIndex(window.model.index(names_shown(window).index("李四"), 0))
    _name_field(window).setText("李四光")
    assert window.detail.is_dirty()

    raw = sqlite3.connect(shop_file, isolation_level=None)  # another program, not crmdesk
    try:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO file_settings (key, value) VALUES ('raw_writer', '\"theirs\"')")
        window.act_save.trigger()

        assert answers == [BUSY[language]]
        assert _name_field(window).text() == "李四光"  # the typed edit is still there
        assert window.detail.is_dirty() and window.act_save.isEnabled()
        assert "李四" in _on_disk(shop_file)[0] and "李四光" not in _on_disk(shop_file)[0]
        raw.execute("COMMIT")
    finally:
        raw.close()

    window.act_save.trigger()  # the other program is done: the same edit saves

    qtbot.waitUntil(lambda: "李四光" in names_shown(window), timeout=5_000)
    assert len(answers) == 1 and not window.detail.is_dirty()
    names, keys = _on_disk(shop_file)
    assert "李四光" in names and "李四" not in names
    assert "raw_writer" in keys  # the other program's committed change is kept too
