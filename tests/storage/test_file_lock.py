"""One writer per customer file: the kernel lock beside the database, and who holds it."""

from __future__ import annotations

import fcntl
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from crmdesk.storage.file_lock import FileLock, FileLockedError, LockHolder, holder_of

ROOT = Path(__file__).resolve().parents[2]

_HOLD = """
import sys, time
from pathlib import Path
from crmdesk.storage.file_lock import FileLock
FileLock(Path(sys.argv[1])).acquire()
print("locked", flush=True)
time.sleep(60)
"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "shop.crmdesk"


@pytest.fixture
def child(db: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock on ``db``."""
    proc = subprocess.Popen([sys.executable, "-c", _HOLD, str(db)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        yield proc
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()


def test_acquire_writes_the_holder_beside_the_database_and_release_removes_it(db):
    lock = FileLock(db)
    assert lock.lock_path == db.parent / "shop.crmdesk.lock"
    lock.acquire()
    assert lock.held
    lines = lock.lock_path.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == [str(os.getpid()), "crmdesk", socket.gethostname()]
    assert len(lines) == 4 and lines[3]
    assert lock.lock_path.stat().st_mode & 0o777 == 0o600
    lock.release()
    assert not lock.held
    assert not lock.lock_path.exists()
    lock.release()  # idempotent


def test_a_second_lock_in_this_process_is_refused_with_our_pid_and_host(db):
    with FileLock(db):
        with pytest.raises(FileLockedError) as e:
            FileLock(db).acquire()
    assert e.value.path == db
    assert e.value.holder.pid == os.getpid()
    assert e.value.holder.host == socket.gethostname()
    assert e.value.holder.app == "crmdesk"


def test_the_kernel_lock_itself_conflicts_across_open_files_in_one_process(db):
    # flock belongs to the open file description, not the process; the in-process
    # registry is a second guard for file systems that emulate it per process.
    with FileLock(db) as lock:
        fd = os.open(lock.lock_path, os.O_RDONLY)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(fd)


def test_after_release_another_lock_can_acquire(db):
    first = FileLock(db)
    first.acquire()
    first.release()
    with FileLock(db) as second:
        assert second.held
        assert holder_of(db).pid == os.getpid()


def test_acquiring_twice_with_one_object_is_a_bug(db):
    with FileLock(db) as lock:
        with pytest.raises(RuntimeError):
            lock.acquire()


def test_holder_of_is_none_when_free_and_the_holder_when_held(db):
    assert holder_of(db) is None
    with FileLock(db):
        holder = holder_of(db)
        assert holder == LockHolder(os.getpid(), socket.gethostname(), "crmdesk", holder.user)
    assert holder_of(db) is None


def test_a_lock_held_by_another_process_blocks_us(db, child):
    with pytest.raises(FileLockedError) as e:
        FileLock(db).acquire()
    assert e.value.holder.pid == child.pid
    assert e.value.holder.host == socket.gethostname()
    assert holder_of(db).pid == child.pid
    assert db.with_name("shop.crmdesk.lock").exists()


def test_a_killed_holder_releases_the_lock_at_once(db, child):
    lock_path = db.with_name("shop.crmdesk.lock")
    inode = lock_path.stat().st_ino
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert lock_path.exists()  # SIGKILL left the file behind, but not the kernel lock
    assert holder_of(db) is None
    start = time.monotonic()
    with FileLock(db):
        assert time.monotonic() - start < 5
        assert lock_path.stat().st_ino == inode  # the leftover file is reused
        assert holder_of(db).pid == os.getpid()


@pytest.mark.parametrize("content", [b"", b"\x00\xff garbage\n\n", b"12x\ncrmdesk\n"])
def test_a_leftover_file_without_a_holder_does_not_block(db, content):
    lock_path = db.with_name("shop.crmdesk.lock")
    lock_path.write_bytes(content)
    lock_path.chmod(0o644)
    assert holder_of(db) is None
    with FileLock(db):
        assert lock_path.read_text(encoding="utf-8").splitlines()[0] == str(os.getpid())
        assert lock_path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("content", [b"", b"\x00\xff garbage", b"not a pid\nx\ny\nz\n"])
def test_a_garbled_holder_reads_as_unknown(content):
    assert LockHolder.parse(content) == LockHolder(None, "", "", "")


def test_the_holder_text_reads_back():
    holder = LockHolder(4242, "desk-7", "crmdesk", "王芳")
    assert LockHolder.parse(holder.text().encode("utf-8")) == holder
    assert LockHolder.parse(b"4242\r\ncrmdesk\r\n") == LockHolder(4242, "", "crmdesk", "")


def test_a_file_unlinked_between_our_open_and_our_lock_is_not_trusted(db, monkeypatch):
    real_open = os.open
    opened: list[int] = []

    def open_then_lose_the_race(path, flags, mode=0o777):
        fd = real_open(path, flags, mode)
        opened.append(fd)
        if len(opened) == 1:
            os.unlink(path)  # the previous holder released (unlinked) right after our open
        return fd

    monkeypatch.setattr(os, "open", open_then_lose_the_race)
    with FileLock(db) as lock:
        monkeypatch.undo()
        assert len(opened) == 2
        assert lock.lock_path.stat().st_ino == os.fstat(opened[1]).st_ino
        assert holder_of(db).pid == os.getpid()
