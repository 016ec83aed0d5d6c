"""Typing like a user in qtbot tests, Chinese included."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication


def type_text(qtbot, widget, text: str) -> None:
    """Key presses for ASCII, an input-method commit for Chinese.

    QTest can only press Latin-1 keys (it aborts on others); Chinese reaches a
    widget from the IME as a QInputMethodEvent with a commit string.
    """
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
