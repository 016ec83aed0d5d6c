"""The keys of the encrypted files this process has unlocked, by path.

Like an agent: once the window (or the CLI) has unlocked a file, every service
that opens it again (checks, backups, exports, worker threads) finds the key
here instead of it being passed through every call.  Kept in memory only.
"""

from __future__ import annotations

from pathlib import Path

_keys: dict[Path, bytes] = {}


def _id(path: Path | str) -> Path:
    return Path(path).resolve()


def key_for(path: Path | str) -> bytes | None:
    return _keys.get(_id(path))


def remember(path: Path | str, key: bytes | None) -> None:
    if key is not None:
        _keys[_id(path)] = key


def forget(path: Path | str | None = None) -> None:
    """Drop the key of ``path`` (of every file when None)."""
    if path is None:
        _keys.clear()
    else:
        _keys.pop(_id(path), None)
