"""Per-user settings and window state, each declared once (Picard's Option style).

Stored with QSettings in an INI file in the data folder, so tests (and
$CRMDESK_HOME) point it at a temporary folder and it travels with the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from crmdesk.paths import data_dir


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    type: type


# Preferences: what the user chooses in the preferences dialog.
LANGUAGE = Option("preferences/language", "system", str)  # "system", "zh_CN" or "en"
STALE_AFTER_DAYS = Option("preferences/stale_after_days", 365, int)
AUTO_LOCK_MINUTES = Option("preferences/auto_lock_minutes", 10, int)  # a file with a password; 0: never
# Persisted state: what the window remembers by itself.
LAST_FILE = Option("state/last_file", "", str)
BACKUP_FOLDER = Option("state/backup_folder", "", str)  # where "Back up now" went last time
RECENT_FILES = Option("state/recent_files", [], list)
WINDOW_GEOMETRY = Option("state/window_geometry", QByteArray(), QByteArray)
WINDOW_STATE = Option("state/window_state", QByteArray(), QByteArray)
SPLITTER_STATE = Option("state/splitter_state", QByteArray(), QByteArray)
LIST_HEADER_STATE = Option("state/list_header_state", QByteArray(), QByteArray)

MAX_RECENT = 8


class Preferences:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(
            str(data_dir() / "crmdesk.ini"), QSettings.Format.IniFormat
        )

    def get(self, option: Option) -> Any:
        value = self._settings.value(option.key, option.default)
        if option.type is list:
            if value in (None, ""):
                return []
            return [value] if isinstance(value, str) else list(value)
        if option.type is int:
            try:
                return int(value)
            except (TypeError, ValueError):
                return option.default
        if option.type is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray()
        return option.type(value) if value is not None else option.default

    def set(self, option: Option, value: Any) -> None:
        self._settings.setValue(option.key, value)

    def add_recent_file(self, path: str) -> None:
        recent = [p for p in self.get(RECENT_FILES) if p != path]
        self.set(RECENT_FILES, [path, *recent][:MAX_RECENT])
        self.set(LAST_FILE, path)

    def sync(self) -> None:
        self._settings.sync()
