"""CustomerPicker: type a name, pinyin initials, a code or a phone; pick from what matches."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

Finder = Callable[[str], list[tuple[int, str, str]]]  # text -> (id, code, name), best first


class CustomerPicker(QLineEdit):
    """A line that searches the file as the user types (after a short pause) and offers the matches.

    ``customer_id()`` is the picked customer, or None while what is typed is
    not one of them: editing the text after picking un-picks.
    """

    picked = Signal(int)

    def __init__(self, find: Finder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._find = find
        self._id: int | None = None
        self._offered: dict[str, int] = {}
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(self._choose)
        self.setCompleter(completer)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.search_now)
        self.textEdited.connect(self._edited)
        self.setClearButtonEnabled(True)

    def customer_id(self) -> int | None:
        return self._id

    def set_customer(self, customer_id: int | None, label: str = "") -> None:
        self._id = customer_id
        self.setText(label)
        self.setCursorPosition(0)

    def _edited(self, _text: str) -> None:
        self._id = None
        self._timer.start()

    def search_now(self) -> None:
        """Offer the customers matching what is typed (tests call it instead of waiting)."""
        self._timer.stop()
        text = self.text().strip()
        rows = self._find(text) if text else []
        self._offered = {f"{code} {name}": cid for cid, code, name in rows}
        self._model.setStringList(list(self._offered))
        if rows and self.hasFocus():
            self.completer().complete()
        if len(rows) == 1 and text in self._offered:
            self._choose(text)

    def choose(self, label: str) -> None:
        """Pick one of the offered lines (what a click in the popup does)."""
        self._choose(label)

    def _choose(self, label: str) -> None:
        if label in self._offered:
            self._id = self._offered[label]
            self.setText(label)
            self.picked.emit(self._id)
