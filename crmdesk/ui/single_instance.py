"""One crmdesk window per user: a second launch hands its file to the first and quits.

As Anki does, with a QLocalServer: opening a .crmdesk file from the file
manager while crmdesk runs brings the running window forward and opens the
file there, instead of a second writer meeting the first at the file's lock.
The server's name is per user and per data folder, so test runs and
screenshots with their own CRMDESK_HOME never reach a real window.
"""

from __future__ import annotations

import getpass
import hashlib
import json

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from crmdesk.paths import data_dir

_TIMEOUT_MS = 1500


def server_name() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name: still one per data folder
        user = ""
    key = hashlib.sha256(f"{user}\0{data_dir()}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"crmdesk-{key}"


class SingleInstance(QObject):
    """``hand_off`` first; if nobody took the message, ``listen`` and receive the next launches'."""

    received = Signal(dict)  # {"file": str | None, "demo": bool}

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server: QLocalServer | None = None

    def hand_off(self, message: dict) -> bool:
        """Give ``message`` to a running crmdesk; False when none answers."""
        socket = QLocalSocket(self)
        socket.connectToServer(self.name)
        if not socket.waitForConnected(_TIMEOUT_MS):
            return False
        socket.write(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")
        socket.waitForBytesWritten(_TIMEOUT_MS)
        answered = socket.waitForReadyRead(_TIMEOUT_MS) and bytes(socket.readAll().data()).startswith(b"ok")
        socket.disconnectFromServer()
        return answered

    def listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A crashed crmdesk leaves its socket file behind; nobody answered hand_off, so it is dead.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return False
        server.newConnection.connect(self._accept)
        self.server = server
        return True

    def _accept(self) -> None:
        while self.server is not None and (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        try:
            message = json.loads(bytes(socket.readLine().data()).decode("utf-8"))
        except ValueError:
            socket.disconnectFromServer()
            return
        socket.write(b"ok\n")
        socket.flush()
        if isinstance(message, dict):
            self.received.emit(message)
