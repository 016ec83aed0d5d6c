"""Opening a SQLite connection, plain (sqlite3) or encrypted (SQLCipher).

sqlcipher3 raises its own exception classes, which do not subclass sqlite3's;
code that catches database errors uses ``errors(...)`` so that it means both,
and tells errors apart by ``sqlite_errorname``, never by class.  sqlcipher3 is
only imported when an encrypted file is opened.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

KEY_BYTES = 32  # a raw SQLCipher key: no key derivation on each open


def connect(path: Path, *, read_only: bool = False, key: bytes | None = None,
            sqlcipher: bool = False) -> sqlite3.Connection:
    """A connection with no implicit transactions (every write goes through an
    explicit transaction); ``key`` (or ``sqlcipher``, for a plain file that is to
    be exported encrypted) makes it a SQLCipher connection."""
    target, uri = (path.resolve().as_uri() + "?mode=ro", True) if read_only else (str(path), False)
    if key is None and not sqlcipher:
        return sqlite3.connect(target, uri=uri, isolation_level=None)
    if key is not None and len(key) != KEY_BYTES:
        raise ValueError("a SQLCipher key is 32 bytes")
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(target, uri=uri, isolation_level=None)
    # A wrong key is a normal event (a mistyped password); SQLCipher would log it to stderr.
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def errors(kind: str = "Error") -> tuple[type[Exception], ...]:
    """sqlite3's exception class ``kind`` ("Error", "DatabaseError", "IntegrityError",
    "OperationalError") together with sqlcipher3's, once sqlcipher3 is in use."""
    classes = [getattr(sqlite3, kind)]
    sqlcipher = sys.modules.get("sqlcipher3.dbapi2")
    if sqlcipher is not None:
        classes.append(getattr(sqlcipher, kind))
    return tuple(classes)


def error_name(error: BaseException) -> str:
    return getattr(error, "sqlite_errorname", "") or ""
