"""Backup files of a customer file, and putting one back (reliability.md tests #1, #11).

A backup is one self-contained, closed SQLite file made with VACUUM INTO
(customer_file.backup_to: temporary name, integrity_check, fsync, rename), so
it may live anywhere: a USB stick or a sync folder is fine for a closed file.
Names carry the local time they were taken: ``shop.20261123-180501.crmdesk``;
the pre-migration copies (``shop.pre-0004_x.20261123-180501.crmdesk``) count too.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from crmdesk.durable import fsync_dir, fsync_path
from crmdesk.storage.connections import connect, errors
from crmdesk.storage.customer_file import (
    BACKUP_STAMP,
    SUFFIX,
    CustomerFile,
    FileProblem,
    FileProblemError,
    backup_to,
    inspect_file,
)
from crmdesk.storage.encryption import KEY_FILE_SUFFIX, copy_key_file, write_key_file
from crmdesk.storage.replacing import written_then_renamed

_NAME = re.compile(r"\.(?:pre-[^.]+\.)?(\d{8}-\d{6})(?:-(\d+))?" + re.escape(SUFFIX) + "$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # local wall-clock time, from the name
    size: int  # bytes
    before_migration: bool  # made by crmdesk before upgrading the file's schema


@dataclass(frozen=True)
class BackupDetails:
    """What is inside a backup, read without changing it."""

    customers: int
    last_change: str | None  # ISO instant (UTC) of the last logged change
    last_change_id: int


def backup_name(stem: str, taken_at: datetime, copy: int = 1) -> str:
    suffix = f"-{copy}" if copy > 1 else ""
    return f"{stem}.{taken_at.strftime(BACKUP_STAMP)}{suffix}{SUFFIX}"


def make_backup(cf: CustomerFile, folder: Path, taken_at: datetime) -> Backup:
    """A verified copy of the open file in ``folder`` (created if needed); never overwrites."""
    folder.mkdir(parents=True, exist_ok=True)
    copy = 1
    while (target := folder / backup_name(cf.path.stem, taken_at, copy)).exists():
        copy += 1
    backup_to(cf, target)
    return Backup(target, taken_at.replace(microsecond=0, tzinfo=None), target.stat().st_size, False)


def backups_of(stem: str, folders: list[Path]) -> list[Backup]:
    """The backups of the file named ``stem`` in these folders, newest first.

    A half-written backup never matches: it has a ``.tmp`` name until it passed its check.
    """
    found = []
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:  # not there (yet), or a stick that was pulled out
            continue
        for entry in entries:
            name = entry.name
            if not name.startswith(stem + ".") or not entry.is_file():
                continue
            match = _NAME.fullmatch(name, len(stem))
            if match is None:
                continue
            try:
                taken_at = datetime.strptime(match.group(1), BACKUP_STAMP)
            except ValueError:
                continue
            found.append(Backup(Path(entry.path), taken_at, entry.stat().st_size,
                                name[len(stem) + 1:].startswith("pre-")))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def backup_details(path: Path, *, full_check: bool = False, check: bool = True,
                   key: bytes | None = None) -> BackupDetails:
    """Customers and last change of a backup; FileProblemError if it is damaged
    (``full_check``: by integrity_check, else by quick_check; ``check=False``:
    only what opening shows, for a quick list).  ``key`` opens an encrypted backup."""
    report = inspect_file(path, full_check=full_check, check=check, describe=True, key=key)
    return BackupDetails(report.details["customers"], report.details["last_change"],
                         report.details["last_change_id"])


def restore_file(backup: Path, target: Path, aside: Path, key: bytes | None = None) -> None:
    """Replace ``target`` by a copy of ``backup``, keeping the old file as ``aside``.

    The backup must pass integrity_check first (FileProblemError otherwise,
    nothing changed).  No connection may be open on ``target``: the caller
    holds the file's lock.  The old file is kept, never deleted, with its
    -wal and -shm renamed along with it: a -wal must never meet a file it does
    not belong to.  Killed at any moment, ``target`` is whole, old or new.
    ``key`` opens an encrypted backup; the key files travel with their files.
    """
    inspect_file(backup, full_check=True, key=key)
    _checkpoint(target, key)
    with written_then_renamed(target, ".restoring") as tmp:
        shutil.copyfile(backup, tmp)  # into the owner-only file made for it
        inspect_file(tmp, key=key)  # the copy reads back (quick_check)
        if target.exists():
            _keep_aside(target, aside)
    copy_key_file(backup, target)


def _checkpoint(target: Path, key: bytes | None) -> None:
    """Fold a -wal left by a crash into its file first: killed between moving the
    -wal aside and putting the backup in place, the file would lack those changes.
    A file that fails its check is left exactly as it is."""
    wal = Path(str(target) + "-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        return
    try:
        report = inspect_file(target, key=key)
        conn = connect(target, key=key if report.encrypted else None)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except (FileProblemError, *errors()):
        pass  # kept aside with its -wal as it is


def delete_backup(path: Path) -> None:
    """Remove a backup and the key file of an encrypted one."""
    path.unlink(missing_ok=True)
    write_key_file(path, None)


def remove_leftovers(folder: Path, stem: str, older_than: float) -> list[Path]:
    """Half-written backups (``*.tmp`` and their -wal/-shm) that a crash left in
    ``folder``, and key files whose backup never came, last modified before
    ``older_than`` (a time.time() value)."""
    removed = []
    pattern = f"{glob.escape(stem)}.*{SUFFIX}"
    orphan_keys = [key for key in folder.glob(pattern + KEY_FILE_SUFFIX)
                   if not key.with_name(key.name.removesuffix(KEY_FILE_SUFFIX)).exists()]
    for path in [*folder.glob(pattern + "*.tmp*"), *orphan_keys]:
        try:
            if path.stat().st_mtime < older_than:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:
            pass
    return removed


def _keep_aside(target: Path, aside: Path) -> None:
    # A second name for the old file, not a rename: until the new file replaces
    # it, ``target`` must still open.
    try:
        os.link(target, aside)
    except OSError:  # FAT on a USB stick, some network file systems
        shutil.copy2(target, aside)
        fsync_path(aside)
    for extra in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.replace(str(target) + extra, str(aside) + extra)
    copy_key_file(target, aside)
    fsync_dir(target.parent)


def aside_name(target: Path, taken_at: datetime) -> Path:
    """Where restore keeps the file it replaces: ``shop.before-restore.20261123-180501.crmdesk``."""
    copy, stamp = 1, taken_at.strftime(BACKUP_STAMP)
    while True:
        suffix = f"-{copy}" if copy > 1 else ""
        aside = target.with_name(f"{target.stem}.before-restore.{stamp}{suffix}{target.suffix}")
        if not aside.exists():
            return aside
        copy += 1


__all__ = ["Backup", "BackupDetails", "FileProblem", "FileProblemError", "aside_name", "backup_details",
           "backup_name", "backups_of", "delete_backup", "make_backup", "remove_leftovers", "restore_file"]
