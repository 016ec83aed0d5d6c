"""Turning a customer file's encryption on or off, or changing its key.

The file is copied with ``sqlcipher_export`` into a temporary file under the
new key (none: plain), which is checked and then renamed over the old one:
killed at any moment, the file is whole, under its old key or its new one.
"""

from __future__ import annotations

from pathlib import Path

from crmdesk.storage.connections import connect, errors
from crmdesk.storage.customer_file import (
    APPLICATION_ID,
    FileProblem,
    FileProblemError,
    WriteError,
    WriteProblem,
    inspect_file,
)
from crmdesk.storage.encryption import KeyFile, write_key_file
from crmdesk.storage.replacing import written_then_renamed


def _key_clause(key: bytes | None) -> str:
    return "''" if key is None else f"\"x'{key.hex()}'\""


def convert(path: Path, old_key: bytes | None, new_key: bytes | None, key_file: KeyFile | None) -> None:
    """Rewrite ``path`` under ``new_key`` with ``key_file`` beside it (both None: plain).

    No other connection may be open on the file (the caller holds its lock and
    has closed its own); a file that fails integrity_check is not touched.
    """
    report = inspect_file(path, full_check=True, key=old_key)
    with written_then_renamed(path, ".converting") as tmp:
        conn = connect(path, key=old_key if report.encrypted else None, sqlcipher=True)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute(f"ATTACH DATABASE ? AS converted KEY {_key_clause(new_key)}", [str(tmp)])
            conn.execute("SELECT sqlcipher_export('converted')")
            # sqlcipher_export copies tables and rows, not the header's stamps.
            user_version = conn.execute("PRAGMA main.user_version").fetchone()[0]
            conn.execute(f"PRAGMA converted.application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA converted.user_version = {int(user_version)}")
            conn.execute("DETACH DATABASE converted")
        except errors() as e:
            raise WriteError(WriteProblem.FAILED, f"could not convert: {e}") from e
        finally:
            conn.close()  # the last connection: SQLite removes the old file's -wal and -shm
        try:
            inspect_file(tmp, full_check=True, key=new_key)
        except FileProblemError as e:
            raise WriteError(WriteProblem.FAILED, f"the converted copy failed its check: {e}") from e
        if new_key is not None:
            write_key_file(path, key_file)  # a plain file ignores a key file beside it
    if new_key is None:
        write_key_file(path, None)
    _drop_stale_sidecars(path)


def _drop_stale_sidecars(path: Path) -> None:
    """The old file's -shm (and an empty -wal) must not meet the new file."""
    for suffix in ("-wal", "-shm"):
        extra = Path(str(path) + suffix)
        try:
            if suffix == "-shm" or extra.stat().st_size == 0:
                extra.unlink()
        except FileNotFoundError:
            pass


__all__ = ["FileProblem", "convert"]
