"""One writer per customer file: a kernel lock on ``<file>.lock`` beside the database.

SQLite's own locks only serialise single transactions; two crmdesk windows on
one file would still overwrite each other's edits.  The lock is held by the
kernel on the open lock file (``flock`` on POSIX, ``msvcrt.locking`` on
Windows), so a crashed or SIGKILLed holder releases it with its last file
descriptor: no stale-lock guessing from PIDs that may have been reused.  The
file's text only names the holder for the "in use by ..." message.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

if os.name == "nt":
    import msvcrt
else:
    import fcntl

__all__ = ["APP", "FileLock", "FileLockedError", "LockHolder", "holder_of", "lock_path_of"]

APP = "crmdesk"

# Windows locks a byte range, which then cannot be read: lock one byte far past
# the holder text so others can still read who holds the file.
_WIN_LOCK_OFFSET = 1 << 30
_MAX_HOLDER_BYTES = 4096
# A releasing holder may unlink the file between our open and our lock; retry on the new file.
_OPEN_ATTEMPTS = 5
# holder_of() probes by taking the lock for an instant; an acquire that meets such
# a probe must not report the file as in use, so it tries again (20 ms in all).
_BUSY_RETRIES = 3
_BUSY_PAUSE = 0.01

# Without it Windows would translate the newlines of the holder text.
_BINARY = getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class LockHolder:
    """Who holds the lock, as written in the lock file."""

    pid: int | None
    host: str
    app: str
    user: str

    @classmethod
    def me(cls) -> LockHolder:
        return cls(os.getpid(), socket.gethostname(), APP, _user())

    def text(self) -> str:
        fields = ("" if self.pid is None else str(self.pid), self.app, self.host, self.user)
        return "".join(f.replace("\n", " ") + "\n" for f in fields)

    @classmethod
    def parse(cls, data: bytes) -> LockHolder:
        """Tolerates an empty file (a holder between create and write) or garbage."""
        lines = data.decode("utf-8", errors="replace").splitlines()
        try:
            pid = int(lines[0])
        except (IndexError, ValueError):
            return cls(None, "", "", "")
        app, host, user = ([line.strip() for line in lines[1:4]] + ["", "", ""])[:3]
        return cls(pid, host, app, user)


# Lock files this process holds (real path -> holder).  On NFS and some FUSE file
# systems flock is emulated with per-process POSIX locks, which would let a second
# FileLock in this process succeed, and closing its descriptor would drop ours.
_held: dict[str, LockHolder] = {}
_held_guard = threading.Lock()


class FileLockedError(Exception):
    """Another process, or another FileLock in this one, has the file open for writing."""

    def __init__(self, path: Path, holder: LockHolder) -> None:
        who = f"{holder.user or '?'}@{holder.host or '?'}, pid {holder.pid if holder.pid is not None else '?'}"
        super().__init__(f"{path} is in use ({who})")
        self.path = path
        self.holder = holder


def lock_path_of(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


class FileLock:
    """The writer's lock on one customer file; ``path`` is the database's path."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock_path = lock_path_of(path)
        self._fd: int | None = None
        self._key: str | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise FileLockedError; OSError when the folder is not writable."""
        if self._fd is not None:
            raise RuntimeError(f"{self.lock_path} is already held by this FileLock")
        key = os.path.normcase(os.path.realpath(self.lock_path))
        with _held_guard:
            if key in _held:
                raise FileLockedError(self.path, _held[key])
            holder = LockHolder.me()
            self._fd = self._lock_file(holder)
            self._key = key
            _held[key] = holder

    def _lock_file(self, holder: LockHolder) -> int:
        for _ in range(_OPEN_ATTEMPTS):
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | _BINARY, 0o600)
            try:
                if not _lock_waiting_out_probes(fd):
                    raise FileLockedError(self.path, LockHolder.parse(_read(fd)))
                if not _still_at(fd, self.lock_path):
                    os.close(fd)
                    continue
                _write(fd, holder.text().encode("utf-8"))
                return fd
            except BaseException:
                os.close(fd)
                raise
        raise FileLockedError(self.path, LockHolder(None, "", "", ""))  # locked and unlinked over and over

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if os.name == "nt":
                # Windows cannot delete an open file; once closed, the delete fails
                # harmlessly if another process has already opened it to lock.
                _unlock(fd)
                os.close(fd)
                _remove(self.lock_path)
            else:
                # Unlink while still locked: nobody can lock this file in between and
                # lose it, and a waiter holding the old file notices (_still_at).
                _remove(self.lock_path)
                os.close(fd)
        finally:
            with _held_guard:
                _held.pop(self._key or "", None)
                self._key = None

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()


def held_or_taken(path: Path, lock: FileLock | None) -> contextlib.AbstractContextManager:
    """For work that needs the lock: the caller's ``lock`` (which must be held),
    or else the lock taken for the block (FileLockedError when open elsewhere)."""
    if lock is None:
        return FileLock(path)
    if not lock.held:
        raise ValueError(f"{path}: this needs the file's lock held")
    return contextlib.nullcontext()


def holder_of(path: Path) -> LockHolder | None:
    """Who holds the lock on the customer file ``path`` now; None if nobody.

    A lock file left by a dead process counts as nobody: the kernel dropped its lock.
    """
    lock_path = lock_path_of(path)
    with _held_guard:
        mine = _held.get(os.path.normcase(os.path.realpath(lock_path)))
    if mine is not None:
        return mine  # probing our own file would drop our lock on NFS (see _held)
    try:
        fd = os.open(lock_path, os.O_RDONLY | _BINARY)
    except FileNotFoundError:
        return None
    try:
        if _try_lock(fd):
            _unlock(fd)
            return None
        return LockHolder.parse(_read(fd))
    finally:
        os.close(fd)


def _lock_waiting_out_probes(fd: int) -> bool:
    for attempt in range(_BUSY_RETRIES):
        if _try_lock(fd):
            return True
        if attempt + 1 < _BUSY_RETRIES:
            time.sleep(_BUSY_PAUSE)
    return False


def _try_lock(fd: int) -> bool:
    try:
        if os.name == "nt":
            os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # BlockingIOError on POSIX, PermissionError on Windows
        return False
    return True


def _unlock(fd: int) -> None:
    if os.name == "nt":
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _still_at(fd: int, lock_path: Path) -> bool:
    """Whether the file we locked is still the one the lock path names."""
    try:
        return os.fstat(fd).st_ino == os.stat(lock_path).st_ino
    except FileNotFoundError:
        return False


def _read(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, _MAX_HOLDER_BYTES)


def _write(fd: int, data: bytes) -> None:
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)
    if os.name != "nt":
        # A leftover lock file keeps its old mode; the holder's name is no one else's business.
        try:
            os.fchmod(fd, 0o600)
        except OSError:  # someone else's file in a shared folder
            pass
    os.fsync(fd)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:  # gone already, or (Windows) opened by the next holder
        pass


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services, containers)
        return "unknown"
