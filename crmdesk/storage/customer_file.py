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
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from crmdesk import __version__
from crmdesk.storage.ids import Clock, UidFactory, iso_instant, uid_factory, utc_now
from crmdesk.storage.migrations import migration_names, migrations

APPLICATION_ID = 0x43524D44  # "CRMD", stamped in the SQLite header
SUFFIX = ".crmdesk"
_SQLITE_HEADER = b"SQLite format 3\x00"


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


@dataclass(frozen=True)
class FileReport:
    """What a read-only look at a healthy file found."""

    path: Path
    applied: tuple[str, ...]
    pending: tuple[str, ...]
    written_by: str | None
    details: dict[str, Any] = field(default_factory=dict)


def _ro_uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro"


@contextlib.contextmanager
def _read_only_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that cannot write.

    SQLite may still create an empty ``-wal`` and a ``-shm`` beside a WAL file
    even when reading; those it created are removed again, so a look leaves
    the folder exactly as it was.
    """
    extras = [Path(str(path) + suffix) for suffix in ("-wal", "-shm")]
    existed = {p: p.exists() for p in extras}
    conn = sqlite3.connect(_ro_uri(path), uri=True)
    try:
        yield conn
    finally:
        conn.close()
        _remove_created(existed)


def _remove_created(existed: dict[Path, bool]) -> None:
    for extra, was_there in existed.items():
        if not was_there:
            with contextlib.suppress(FileNotFoundError):
                if extra.name.endswith("-shm") or extra.stat().st_size == 0:
                    extra.unlink()


def inspect_file(path: str | os.PathLike, *, full_check: bool = False) -> FileReport:
    """Check a file without modifying it; raise FileProblemError if it is not usable.

    ``full_check`` runs ``integrity_check`` instead of the faster ``quick_check``.
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
    if not header.startswith(_SQLITE_HEADER):
        zeroed = header[:16].count(0) == 16
        problem = FileProblem.CORRUPT if zeroed else FileProblem.NOT_SQLITE
        raise FileProblemError(problem, path, detail="bad header")
    try:
        with _read_only_connection(path) as conn:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise FileProblemError(FileProblem.NOT_CRMDESK, path, application_id=app_id)
            pragma = "integrity_check" if full_check else "quick_check"
            problems = [r[0] for r in conn.execute(f"PRAGMA {pragma}(20)")]
            if problems != ["ok"]:
                raise FileProblemError(FileProblem.CORRUPT, path, detail="; ".join(problems))
            db = Database(conn)
            applied = tuple(m.name for m in migrations.applied(db))
            written_by = _meta(conn, "app_version")
            details = {}
            if full_check:
                details["customers"] = conn.execute(
                    "SELECT count(*) FROM customers WHERE deleted_at IS NULL"
                ).fetchone()[0]
    except FileProblemError:
        raise
    except sqlite3.DatabaseError as e:
        raise FileProblemError(FileProblem.CORRUPT, path, detail=str(e)) from e
    known = migration_names(migrations)
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise FileProblemError(
            FileProblem.TOO_NEW, path, version=written_by or "?", unknown=unknown
        )
    pending = tuple(name for name in known if name not in applied)
    return FileReport(path, applied, pending, written_by, details)


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    except sqlite3.OperationalError:  # a file from before the meta table
        return None
    return row[0] if row else None


def backup_to(conn: sqlite3.Connection, target: Path) -> Path:
    """Write a self-contained copy with VACUUM INTO: temp name, verify, fsync, rename."""
    tmp = target.with_name(target.name + ".tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        conn.execute("VACUUM INTO ?", [str(tmp)])
        check = sqlite3.connect(_ro_uri(tmp), uri=True)
        try:
            result = check.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            check.close()
        if result != "ok":
            raise WriteError(WriteProblem.FAILED, f"backup failed its check: {result}")
        _fsync(tmp)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    return target


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    _fsync(path)


class CustomerFile:
    """The open customer file: owns one connection; pass it explicitly."""

    def __init__(
        self,
        db: Database,
        path: Path,
        *,
        clock: Clock = utc_now,
        new_uid: UidFactory | None = None,
        actor: str | None = None,
        read_only: bool = False,
    ) -> None:
        self.db = db
        self.path = path
        self.clock = clock
        self.new_uid = new_uid or uid_factory(clock)
        self.actor = actor or _default_actor()
        self.read_only = read_only

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
        tmp = path.with_name(path.name + ".creating")
        for leftover in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        # Owner-only permissions before SQLite writes a byte (personal data).
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        clock = kwargs.get("clock", utc_now)
        try:
            conn = sqlite3.connect(tmp)
            try:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute("PRAGMA journal_mode = WAL")
                db = Database(conn, strict=True)
                migrations.apply(db)
                with db.atomic():
                    now = iso_instant(clock())
                    for key, value in (
                        ("app_version", __version__),
                        ("created_with", __version__),
                        ("created_at", now),
                    ):
                        db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [key, value])
            finally:
                conn.close()
            _fsync(tmp)
            if path.exists():  # created meanwhile by someone else: keep theirs
                raise FileProblemError(FileProblem.EXISTS, path)
            os.replace(tmp, path)
            _fsync_dir(path.parent)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise
        return cls.open(path, **kwargs)

    @classmethod
    def open(
        cls,
        path: str | os.PathLike,
        *,
        read_only: bool = False,
        backup_dir: Path | None = None,
        **kwargs: Any,
    ) -> CustomerFile:
        """Open an existing file after the read-only pre-flight; migrate if needed."""
        path = Path(path)
        report = inspect_file(path)
        if read_only:
            conn = sqlite3.connect(_ro_uri(path), uri=True, check_same_thread=False)
            cf = cls(Database(conn, strict=True), path, read_only=True, **kwargs)
            cf._configure()
            return cf
        conn = sqlite3.connect(path)
        cf = cls(Database(conn, strict=True), path, **kwargs)
        try:
            cf._configure()
            if report.pending:
                cf._backup_before_migrating(report.pending[0], backup_dir or path.parent)
                migrations.apply(cf.db)
            if report.written_by != __version__:
                with cf.transaction():
                    cf.db.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES ('app_version', ?)",
                        [__version__],
                    )
        except BaseException:
            conn.close()
            raise
        return cf

    def _configure(self) -> None:
        conn = self.db.conn
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        if not self.read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")

    def _backup_before_migrating(self, first_pending: str, folder: Path) -> Path:
        stamp = self.clock().strftime("%Y%m%d-%H%M%S")
        target = folder / f"{self.path.stem}.pre-{first_pending}.{stamp}{SUFFIX}"
        return backup_to(self.db.conn, target)

    def connect_again(self) -> CustomerFile:
        """A second connection to the same, already opened file (for a worker thread)."""
        if self.read_only:
            conn = sqlite3.connect(_ro_uri(self.path), uri=True)
        else:
            conn = sqlite3.connect(self.path)
        other = CustomerFile(
            Database(conn, strict=True),
            self.path,
            clock=self.clock,
            new_uid=self.new_uid,
            actor=self.actor,
            read_only=self.read_only,
        )
        other._configure()
        return other

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> CustomerFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing --------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """One user action: everything inside lands, or nothing does."""
        if self.read_only:
            raise WriteError(WriteProblem.READ_ONLY)
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.Error as e:
            name = getattr(e, "sqlite_errorname", "")
            raise WriteError(_WRITE_PROBLEMS.get(name, WriteProblem.FAILED), str(e)) from e

    def now(self) -> str:
        return iso_instant(self.clock())

    # -- per-file settings ------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM file_settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO file_settings (key, value) VALUES (?, ?)",
                [key, json.dumps(value, ensure_ascii=False)],
            )

    def integrity_problems(self) -> list[str]:
        rows = [r[0] for r in self.db.execute("PRAGMA integrity_check(20)")]
        return [] if rows == ["ok"] else rows


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services, containers)
        return "unknown"
