"""Guard against a PySide6 build that leaks references to None (6.12.0 on Python 3.11).

Such a build aborts the interpreter ("deallocating None") after a long session;
pyproject.toml excludes it, and this test fails if one slips back in.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QComboBox, QLabel


def test_void_calls_keep_none_alive(qapp):
    label, combo = QLabel(), QComboBox()
    combo.addItem("x")
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
        label.hide()
        combo.itemData(0)
    assert sys.getrefcount(None) - before > -100
