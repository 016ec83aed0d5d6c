"""The screen lock: after some minutes without input (or at once, for a file with
an app password), every window of crmdesk is covered until the password is typed.

Dialogs stay open under their cover, so a half-typed edit is not lost; the
password is asked on the window that has the input (a modal dialog, or else
the main window).  Shortcuts are swallowed while it is locked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


class Curtain(QFrame):
    """An opaque cover over one window; the one with ``ask`` has the password field."""

    def __init__(self, parent: QWidget, *, ask: bool, title: str) -> None:
        super().__init__(parent)
        self.setObjectName("lock_curtain")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = QLabel(self.tr("crmdesk is locked"))
        heading.setObjectName("lock_heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        self.password: QLineEdit | None = None
        self.message = QLabel()
        if ask:
            hint = QLabel(self.tr("%1 is protected by a password. Type it to go on.").replace("%1", title))
            hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
            hint.setWordWrap(True)
            layout.addWidget(hint)
            self.password = QLineEdit()
            self.password.setObjectName("lock_password")
            self.password.setEchoMode(QLineEdit.EchoMode.Password)
            self.password.setPlaceholderText(self.tr("Password"))
            self.password.setMinimumWidth(self.password.fontMetrics().horizontalAdvance("M") * 22)
            self.unlock_button = QPushButton(self.tr("Unlock"))
            self.unlock_button.setObjectName("lock_unlock")
            self.message.setObjectName("lock_message")
            self.message.setStyleSheet("color: #b00020")
            self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
            for widget in (self.password, self.unlock_button, self.message):
                layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.cover()
        parent.installEventFilter(self)

    def cover(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.ChildAdded):
            QTimer.singleShot(0, self.cover)  # stay above widgets added later, too
        return False


class ScreenLock(QObject):
    """Locks ``window`` (and its dialogs) after ``minutes`` idle while it is armed;
    ``verify(password)`` says whether a typed password unlocks it."""

    locked_changed = Signal(bool)

    def __init__(self, window: QWidget, verify: Callable[[str], bool], title: Callable[[], str]) -> None:
        super().__init__(window)
        self.window = window
        self.verify = verify
        self.title = title
        self.minutes = 0
        self.armed = False
        self.curtains: list[Curtain] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self._filtering = False

    @property
    def locked(self) -> bool:
        return bool(self.curtains)

    def arm(self, armed: bool, minutes: int) -> None:
        """Watch for idleness (``minutes`` > 0) while the open file has a password."""
        self.armed, self.minutes = armed, minutes
        self._restart()
        if not armed and self.locked:
            self._remove_curtains()

    def _restart(self) -> None:
        watching = self.armed and self.minutes > 0 and not self.locked
        if watching:
            self.timer.start(self.minutes * 60_000)
        else:
            self.timer.stop()
        # Every event of the application passes this filter: only while it is needed.
        filtering = watching or self.locked
        if filtering != self._filtering:
            app = QApplication.instance()
            (app.installEventFilter if filtering else app.removeEventFilter)(self)
            self._filtering = filtering

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self.locked:
            return event.type() == QEvent.Type.Shortcut  # Ctrl+N and the menus' Alt keys do nothing
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()  # input: the idle time starts again
        return False

    def lock(self) -> None:
        if self.locked or not self.armed:
            return
        asking = QApplication.activeModalWidget() or self.window
        windows = [asking] + [w for w in QApplication.topLevelWidgets()
                              if w.isVisible() and w is not asking and _belongs_to(w, self.window)]
        for target in windows:
            curtain = Curtain(target, ask=target is asking, title=self.title())
            curtain.show()
            self.curtains.append(curtain)
            if curtain.password is not None:
                curtain.password.returnPressed.connect(lambda c=curtain: self._try(c))
                curtain.unlock_button.clicked.connect(lambda _=False, c=curtain: self._try(c))
                curtain.password.setFocus()
        self._restart()
        self.locked_changed.emit(True)

    def _try(self, curtain: Curtain) -> None:
        assert curtain.password is not None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            right = self.verify(curtain.password.text())
        finally:
            QApplication.restoreOverrideCursor()
        if not right:
            curtain.password.clear()
            curtain.message.setText(self.tr("Wrong password."))
            return
        self._remove_curtains()

    def _remove_curtains(self) -> None:
        curtains, self.curtains = self.curtains, []
        for curtain in curtains:
            curtain.parentWidget().removeEventFilter(curtain)
            curtain.hide()
            curtain.deleteLater()
        self._restart()
        self.locked_changed.emit(False)


def _belongs_to(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False
