"""CustomerFile: one ``.crmdesk`` SQLite file, opened safely.

Opening never turns a damaged or foreign file into an empty customer file: a
read-only pre-flight (header, application_id, quick_check, version guard)
runs before any read-write connection exists.  Files of an older schema are
backed up with ``VACUUM INTO`` (verified, then renamed) before migrating.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from typing import TYPE_CHECKING

from crmdesk import __version__
from crmdesk.storage.connections import connect, error_name, errors
from crmdesk.storage.encryption import copy_key_file, key_file_path, write_key_file
from crmdesk.storage.replacing import sidecars, written_then_renamed
from crmdesk.storage.ids import Clock, UidFactory, iso_instant, uid_factory, utc_now
from crmdesk.storage.schema import APPLICATION_ID, MIGRATION_NAMES, MIGRATION_SET, SUFFIX

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

__all__ = ["APPLICATION_ID", "SUFFIX", "CustomerFile", "FileProblem", "FileProblemError",
           "WriteError", "WriteProblem", "inspect_file", "checked_read", "backup_to",
           "Cancellation", "Cancelled", "is_encrypted"]

_SQLITE_HEADER = b"SQLite format 3\x00"
BACKUP_STAMP = "%Y%m%d-%H%M%S"  # a backup's local time in its name (storage/backups.py reads it back)


class FileProblem(StrEnum):
    MISSING = "missing"
    NOT_A_FILE = "not_a_file"
    UNREADABLE = "unreadable"
    EMPTY = "empty"  # zero bytes: SQLite would silently treat it as a new database
    NOT_SQLITE = "not_sqlite"  # e.g. an .xlsx renamed
    CORRUPT = "corrupt"
    NOT_CRMDESK = "not_crmdesk"  # a SQLite file of another program
    TOO_NEW = "too_new"  # written by a newer crmdesk
    EXISTS = "exists"  # `new` refuses to overwrite
    ENCRYPTED = "encrypted"  # needs its password or recovery key
    WRONG_PASSWORD = "wrong_password"  # the key file says so: the file was not touched
    WRONG_KEY = "wrong_key"  # the key does not open it: a wrong key, or a damaged file


class FileProblemError(Exception):
    """The file cannot be opened; ``problem`` is a code the UI/CLI words."""

    def __init__(self, problem: FileProblem, path: Path, **params: Any) -> None:
        super().__init__(f"{problem.value}: {path} {params or ''}".rstrip())
        self.problem = problem
        self.path = path
        self.params = params


class WriteProblem(StrEnum):
    DISK_FULL = "disk_full"
    BUSY = "busy"  # another writer holds the file
    READ_ONLY = "read_only"
    CONFLICT = "conflict"  # someone else changed the row (row_version)
    FAILED = "failed"


class WriteError(Exception):
    """A write was rolled back; the file is as it was before the action."""

    def __init__(self, problem: WriteProblem, detail: str = "") -> None:
        super().__init__(f"{problem.value}: {detail}".rstrip(": "))
        self.problem = problem
        self.detail = detail


_WRITE_PROBLEMS = {
    "SQLITE_FULL": WriteProblem.DISK_FULL,
    "SQLITE_BUSY": WriteProblem.BUSY,
    "SQLITE_LOCKED": WriteProblem.BUSY,
    "SQLITE_READONLY": WriteProblem.READ_ONLY,
}


class Cancelled(Exception):
    """The user stopped a long open (check, backup, migration); nothing changed."""


class Cancellation:
    """Lets the window stop a long open (quick_check, VACUUM INTO, a migration).

    ``cancel()`` only sets a flag; SQLite's progress handler on each watched
    connection reads it every few thousand steps and stops the statement,
    whose transaction then rolls back.  Works even when Cancel comes before
    the statement starts, which ``Connection.interrupt()`` would miss.
    """

    def __init__(self) -> None:
        self.cancelled = False
        self._conn: sqlite3.Connection | None = None

    def watch(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        conn.set_progress_handler(lambda: int(self.cancelled), 10_000)

    def forget(self) -> None:
        """Stop watching (on the worker thread, once the open succeeded)."""
        if self._conn is not None:
            self._conn.set_progress_handler(None, 0)
            self._conn = None

    def cancel(self) -> None:
        self.cancelled = True

    def check(self, error: BaseException | None = None) -> None:
        """Raise Cancelled instead of ``error`` when the failure was our stop."""
        if self.cancelled:
            raise Cancelled() from error


@dataclass(frozen=True)
class FileReport:
    """What a read-only look at a healthy file found."""

    path: Path
    applied: tuple[str, ...]
    pending: tuple[str, ...]
    written_by: str | None
    details: dict[str, Any] = field(default_factory=dict)
    encrypted: bool = False


def _remove_created(before: dict[Path, int | None]) -> None:
    """Remove the -wal and -shm that a read-only look created.

    SQLite creates them even to read a WAL file.  They are removed only while
    the -wal has not grown since, i.e. no writer has started on the file
    meanwhile: a writer's -shm is never taken away from under it.
    """
    wal = next(p for p in before if p.name.endswith("-wal"))
    try:
        wal_now = wal.stat().st_size
    except FileNotFoundError:
        wal_now = None
    if (wal_now or 0) != (before[wal] or 0):
        return
    for extra, size in before.items():
        if size is None:
            with contextlib.suppress(FileNotFoundError):
                extra.unlink()


@contextlib.contextmanager
def _read_only_connection(
    path: Path, cancellation: Cancellation | None = None, key: bytes | None = None
) -> Iterator[sqlite3.Connection]:
    """A connection that cannot write, leaving the folder as it found it."""
    if cancellation is not None:
        cancellation.check()
    existed = sidecars(path)
    conn = connect(path, read_only=True, key=key)
    if cancellation is not None:
        cancellation.watch(conn)
    try:
        yield conn
    finally:
        conn.close()
        _remove_created(existed)


def _check(conn: sqlite3.Connection, pragma: str) -> list[str]:
    """The problems ``quick_check``/``integrity_check`` finds ([] when ok)."""
    conn.execute("PRAGMA mmap_size = 268435456")  # reading through mmap checks ~15% faster
    rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}(20)")]
    return [] if rows == ["ok"] else rows


def inspect_file(
    path: str | os.PathLike,
    *,
    full_check: bool = False,
    check: bool = True,
    describe: bool = False,
    cancellation: Cancellation | None = None,
    key: bytes | None = None,
) -> FileReport:
    """Look at a file without modifying it; raise FileProblemError if it is not usable.

    ``full_check`` runs ``integrity_check`` instead of the faster
    ``quick_check``; ``check=False`` skips both (see ``checked_read``).
    ``describe`` (or ``full_check``) puts the number of customers and the id and
    time of the last logged change into ``details`` ("customers",
    "last_change_id", "last_change").  ``key`` opens an encrypted file (it is
    not used on a plain one); ``report.encrypted`` tells which it was.
    """
    path = Path(path)
    if not path.exists():
        raise FileProblemError(FileProblem.MISSING, path)
    if not path.is_file():
        raise FileProblemError(FileProblem.NOT_A_FILE, path)
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as e:
        raise FileProblemError(FileProblem.UNREADABLE, path, detail=str(e)) from e
    if not header:
        raise FileProblemError(FileProblem.EMPTY, path)
    encrypted = _encrypted_by_header(path, header)
    if encrypted and key is None:
        raise FileProblemError(FileProblem.ENCRYPTED, path)
    try:
        with _read_only_connection(path, cancellation, key if encrypted else None) as conn:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise FileProblemError(FileProblem.NOT_CRMDESK, path, application_id=app_id)
            if check:
                problems = _check(conn, "integrity_check" if full_check else "quick_check")
                if full_check and not problems:
                    problems = _orphans(conn)
                if problems:
                    raise FileProblemError(FileProblem.CORRUPT, path, detail="; ".join(problems))
            applied = tuple(
                r[0] for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                    [MIGRATION_SET],
                )
            )
            written_by = _meta(conn, "app_version")
            details = _description(conn) if describe or full_check else {}
    except FileProblemError:
        raise
    except errors("DatabaseError") as e:
        if cancellation is not None:
            cancellation.check(e)
        if encrypted and error_name(e) == "SQLITE_NOTADB":
            raise FileProblemError(FileProblem.WRONG_KEY, path) from e
        raise FileProblemError(FileProblem.CORRUPT, path, detail=str(e)) from e
    unknown = [name for name in applied if name not in MIGRATION_NAMES]
    if unknown:
        raise FileProblemError(
            FileProblem.TOO_NEW, path, version=written_by or "?", unknown=unknown
        )
    pending = tuple(name for name in MIGRATION_NAMES if name not in applied)
    return FileReport(path, applied, pending, written_by, details, encrypted)


# The first bytes of files people rename by mistake (.xlsx/.docx/.zip, .xls/.doc, PDF).
_FOREIGN_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF")


def _encrypted_by_header(path: Path, header: bytes) -> bool:
    """False for a plain SQLite file, True for one that looks encrypted;
    FileProblemError for anything else.  An encrypted file starts with random
    salt: it has a key file beside it, or at least whole pages and none of the
    headers of the usual foreign files."""
    if header.startswith(_SQLITE_HEADER):
        return False
    if header[:16].count(0) == 16:
        raise FileProblemError(FileProblem.CORRUPT, path, detail="bad header")
    if key_file_path(path).exists():
        return True
    size = path.stat().st_size
    if size >= 1024 and size % 512 == 0 and not header.startswith(_FOREIGN_MAGIC):
        return True
    raise FileProblemError(FileProblem.NOT_SQLITE, path, detail="bad header")


def is_encrypted(path: str | os.PathLike) -> bool:
    """Whether ``path`` is an encrypted customer file, from its first bytes only
    (no connection: cheap enough for every command line call)."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            return _encrypted_by_header(path, f.read(100))
    except (OSError, FileProblemError):
        return False


@contextlib.contextmanager
def checked_read(path: str | os.PathLike, **kwargs: Any) -> Iterator[CustomerFile]:
    """Read a file while its ``quick_check`` runs on a second connection.

    SQLite releases the GIL, so on two cores the check costs no extra time.
    Leaving the block raises FileProblemError if the check (or a read) found
    damage: what was read is only to be used once the block has ended.
    """
    path = Path(path)
    report = inspect_file(path, check=False, key=kwargs.get("key"))
    if report.pending:  # an older file is read as it is only after migrating
        with CustomerFile.open(path, **kwargs) as cf:
            yield cf
        return
    key = kwargs.pop("key", None)
    if not report.encrypted:
        key = None
    existed = sidecars(path)
    found: list[str] = []

    def run_check() -> None:
        try:
            conn = connect(path, read_only=True, key=key)
            try:
                found.extend(_check(conn, "quick_check"))
            finally:
                conn.close()
        except errors("DatabaseError") as e:
            found.append(str(e))

    checker = threading.Thread(target=run_check, name="quick_check")
    checker.start()
    try:
        cf = CustomerFile(connect(path, read_only=True, key=key), path, read_only=True, key=key, **kwargs)
        try:
            yield cf
        finally:
            cf.close()
    except errors("DatabaseError") as e:
        raise FileProblemError(FileProblem.CORRUPT, path, detail=str(e)) from e
    finally:
        checker.join()
        _remove_created(existed)
    if found:
        raise FileProblemError(FileProblem.CORRUPT, path, detail="; ".join(found))


def _orphans(conn: sqlite3.Connection) -> list[str]:
    """Rows whose parent is gone (foreign_key_check): a sound file with broken links."""
    rows = conn.execute("PRAGMA foreign_key_check").fetchmany(20)
    return [f"{table} row {rowid}: no {parent} row" for table, rowid, parent, _ in rows]


def _last_change(conn: sqlite3.Connection) -> tuple[int, str | None]:
    """The id and time of the last logged change ((0, None) before any): the change
    log is append-only and covers every edit, import and merge."""
    last = conn.execute("SELECT id, at FROM change_log ORDER BY id DESC LIMIT 1").fetchone()
    return (last[0], last[1]) if last else (0, None)


def _description(conn: sqlite3.Connection) -> dict[str, Any]:
    customers = conn.execute("SELECT count(*) FROM customers WHERE deleted_at IS NULL").fetchone()[0]
    last_id, last_at = _last_change(conn)
    return {"customers": customers, "last_change_id": last_id, "last_change": last_at}


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    except errors("OperationalError"):  # a file from before the meta table
        return None
    return row[0] if row else None


def backup_to(cf: CustomerFile, target: Path) -> Path:
    """Write a self-contained copy with VACUUM INTO: temp name, verify, fsync, rename.

    The copy of an encrypted file is encrypted with the same key, and gets a
    copy of its key file first (so the same password opens it)."""
    if cf.key is not None:
        copy_key_file(cf.path, target)
    try:
        with written_then_renamed(target, ".tmp") as tmp:
            try:
                cf.conn.execute("VACUUM INTO ?", [str(tmp)])
            except errors() as e:  # mostly a full disk: worded like every other failed write
                raise _write_error(e) from e
            with _read_only_connection(tmp, key=cf.key) as check:
                problems = _check(check, "integrity_check")
            if problems:
                raise WriteError(WriteProblem.FAILED, f"backup failed its check: {problems}")
    except BaseException:
        if cf.key is not None:
            write_key_file(target, None)
        raise
    return target


def _migrations() -> Migrations:
    from crmdesk.storage.migrations import migrations

    return migrations


MAX_PARAMS = 30_000  # below SQLite's default limit of 32,766 bound parameters


def id_chunks(ids: Sequence[Any]) -> Iterator[tuple[list[Any], str]]:
    """``ids`` in pieces small enough to bind, each with its "?, ?, …" placeholders."""
    for start in range(0, len(ids), MAX_PARAMS):
        chunk = list(ids[start:start + MAX_PARAMS])
        yield chunk, ", ".join("?" for _ in chunk)


class CustomerFile:
    """The open customer file: owns one connection; pass it explicitly.

    Storage reads go through ``execute`` on the plain connection; writes run
    inside ``transaction()``.  The sqlite-utils ``Database`` (migrations,
    savepoints) is created on first use, keeping read-only starts light.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        clock: Clock = utc_now,
        new_uid: UidFactory | None = None,
        actor: str | None = None,
        read_only: bool = False,
        key: bytes | None = None,
    ) -> None:
        self.conn = conn
        self.path = path
        self.key = key  # the SQLCipher key of an encrypted file, else None
        self.clock = clock
        self.new_uid = new_uid or uid_factory(clock)
        self.actor = actor or _default_actor()
        self.read_only = read_only
        self._db: Database | None = None
        self._configure()

    @property
    def db(self) -> Database:
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, strict=True)
        return self._db

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    # -- opening and closing ------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike, **kwargs: Any) -> CustomerFile:
        """Create a new, empty customer file; never overwrites an existing one.

        The schema is built under a temporary name and renamed into place, so
        a crash leaves either no file or a complete one.
        """
        path = Path(path)
        if path.exists():
            raise FileProblemError(FileProblem.EXISTS, path)
        clock, key = kwargs.get("clock", utc_now), kwargs.get("key")
        with written_then_renamed(path, ".creating") as tmp:
            new = cls(connect(tmp, key=key), tmp, clock=clock, actor="crmdesk", key=key)
            try:
                new.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                _migrations().apply(new.db)
                with new.transaction():
                    for key, value in (
                        ("app_version", __version__),
                        ("created_with", __version__),
                        ("created_at", new.now()),
                    ):
                        new.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [key, value])
            finally:
                new.close()
            if path.exists():  # created meanwhile by someone else: keep theirs
                raise FileProblemError(FileProblem.EXISTS, path)
        return cls.open(path, **kwargs)

    @classmethod
    def open(
        cls,
        path: str | os.PathLike,
        *,
        read_only: bool = False,
        backup_dir: Path | None = None,
        cancellation: Cancellation | None = None,
        **kwargs: Any,
    ) -> CustomerFile:
        """Open an existing file after the read-only pre-flight; migrate if needed.

        A ``cancellation`` can stop the check, the backup or the migration from
        another thread (Cancelled is raised; the file is as it was)."""
        path = Path(path)
        report = inspect_file(path, cancellation=cancellation, key=kwargs.get("key"))
        if not report.encrypted:
            kwargs["key"] = None
        if read_only:
            cf = cls(connect(path, read_only=True, key=kwargs["key"]), path, read_only=True, **kwargs)
            cf._sidecars_before = sidecars(path)
            return cf
        cf = cls(connect(path, key=kwargs["key"]), path, **kwargs)
        if cancellation is not None:
            cancellation.watch(cf.conn)
        try:
            if report.pending:
                if cancellation is not None:
                    cancellation.check()
                cf._backup_before_migrating(report.pending[0], backup_dir or path.parent)
                _migrations().apply(cf.db)
            if report.written_by != __version__:
                with cf.transaction():
                    cf.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES ('app_version', ?)",
                        [__version__],
                    )
        except BaseException as e:
            cf.close()
            if cancellation is not None:
                cancellation.check(e)
            raise
        if cancellation is not None:
            cancellation.forget()  # a late cancel must not interrupt the open file's work
        return cf

    _sidecars_before: dict[Path, int | None] | None = None

    def _configure(self) -> None:
        self.execute("PRAGMA foreign_keys = ON")
        self.execute("PRAGMA busy_timeout = 5000")
        if not self.read_only:
            self.execute("PRAGMA journal_mode = WAL")
            self.execute("PRAGMA synchronous = FULL")

    def _backup_before_migrating(self, first_pending: str, folder: Path) -> Path:
        stamp = self.clock().astimezone().strftime(BACKUP_STAMP)  # local, like every backup's name
        target = folder / f"{self.path.stem}.pre-{first_pending}.{stamp}{SUFFIX}"
        return backup_to(self, target)

    def connect_again(self) -> CustomerFile:
        """A second connection to the same, already opened file (for a worker thread)."""
        return CustomerFile(
            connect(self.path, read_only=self.read_only, key=self.key),
            self.path,
            clock=self.clock,
            new_uid=self.new_uid,
            actor=self.actor,
            read_only=self.read_only,
            key=self.key,
        )

    def close(self) -> None:
        self.conn.close()
        if self._sidecars_before is not None:
            _remove_created(self._sidecars_before)

    def __enter__(self) -> CustomerFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing --------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[CustomerFile]:
        """One user action: everything inside lands, or nothing does (nests as savepoints)."""
        if self.read_only:
            raise WriteError(WriteProblem.READ_ONLY)
        try:
            if self.conn.in_transaction:
                with self.db.atomic():  # a savepoint inside the outer action
                    yield self
                return
            # IMMEDIATE takes the write lock first: a deferred BEGIN that reads and then
            # writes gets SQLITE_BUSY at once, without waiting out busy_timeout.
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        except errors() as e:
            raise _write_error(e) from e

    def now(self) -> str:
        return iso_instant(self.clock())

    # -- per-file settings ------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.execute("SELECT value FROM file_settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction():
            self.execute(
                "INSERT OR REPLACE INTO file_settings (key, value) VALUES (?, ?)",
                [key, json.dumps(value, ensure_ascii=False)],
            )

    def delete_setting(self, key: str) -> None:
        with self.transaction():
            self.execute("DELETE FROM file_settings WHERE key = ?", [key])

    def integrity_problems(self) -> list[str]:
        return _check(self.conn, "integrity_check")

    def last_change_id(self) -> int:
        """The id of the last logged change, as ``inspect_file(describe=True)`` reports it of a copy."""
        return _last_change(self.conn)[0]


def _write_error(error: Exception) -> WriteError:
    # Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_FULL_...) mean what their base code means.
    name = "_".join(error_name(error).split("_")[:2])
    return WriteError(_WRITE_PROBLEMS.get(name, WriteProblem.FAILED), str(error))


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services, containers)
        return "unknown"
