"""Backups: automatic (on close and every half hour of work when something
changed), "back up now" to any folder, the list, and restore (issue 12).

Automatic backups live in the per-user data folder, one folder per customer
file, not beside the file: a file on a USB stick still gets its backups on
the PC's own disk.  Only that folder is thinned (domain/backup_retention.py);
backups the user makes into a folder of their choice are theirs to delete.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from crmdesk.domain.backup_retention import DEFAULT_POLICY, RetentionPolicy, backups_to_delete
from crmdesk.paths import data_dir
from crmdesk.services.unlocked import key_for
from crmdesk.storage.backups import (
    Backup,
    BackupDetails,
    aside_name,
    backup_details,
    backups_of,
    delete_backup,
    make_backup,
    remove_leftovers,
    restore_file,
)
from crmdesk.storage.customer_file import CustomerFile, FileProblem, FileProblemError
from crmdesk.storage.file_lock import FileLock, held_or_taken

BACKUP_EVERY_MINUTES = 30  # while the file is open and has changed
LEFTOVER_AGE_SECONDS = 3600  # a .tmp this old is no backup still being written


def automatic_folder(file: Path) -> Path:
    """``<data>/backups/shop-1a2b3c4d``: the name for people, the hash of the full path to tell
    apart two files both called shop.crmdesk."""
    key = hashlib.sha256(str(Path(file).resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return data_dir() / "backups" / f"{Path(file).stem}-{key}"


def backups(file: Path) -> list[Backup]:
    """Every backup crmdesk knows of for ``file``, newest first: the automatic
    ones, and those beside the file (before a migration, or made there by hand)."""
    file = Path(file)
    return backups_of(file.stem, [automatic_folder(file), file.parent])


@dataclass(frozen=True)
class ListedBackup:
    backup: Backup
    details: BackupDetails | None  # None: it cannot be read (``problem`` says why)
    problem: FileProblem | None


def backup_list(file: Path, *, check: bool = True) -> list[ListedBackup]:
    """``backups(file)``, each with what is inside it; ``check=False`` only opens
    each one (a quick list: restore checks the one chosen in full anyway).
    An encrypted file's backups open with its key, once it was unlocked."""
    key = key_for(file)
    listed = []
    for backup in backups(file):
        try:
            listed.append(ListedBackup(backup, backup_details(backup.path, check=check, key=key), None))
        except FileProblemError as e:
            listed.append(ListedBackup(backup, None, e.problem))
    return listed


def back_up(cf: CustomerFile, now: datetime, *, to: Path | None = None,
            policy: RetentionPolicy = DEFAULT_POLICY) -> Backup:
    """A verified backup of the open file; into ``to``, or else the automatic
    folder, which is then thinned.  ``now`` is the local wall-clock time."""
    if to is not None:
        return make_backup(cf, Path(to), now)
    folder = automatic_folder(cf.path)
    made = make_backup(cf, folder, now)
    thin(cf.path, now, policy)
    return made


def thin(file: Path, now: datetime, policy: RetentionPolicy = DEFAULT_POLICY) -> list[Path]:
    """Delete the automatic backups the retention rules let go, and half-written
    ones a crash left more than an hour ago; returns them."""
    folder = automatic_folder(file)
    found = backups_of(Path(file).stem, [folder])
    doomed = backups_to_delete([(b.taken_at, b.path) for b in found], now, policy)
    for path in doomed:
        delete_backup(path)
    return doomed + remove_leftovers(folder, Path(file).stem, now.timestamp() - LEFTOVER_AGE_SECONDS)


def needs_backup(cf: CustomerFile) -> bool:
    """Whether the file has logged a change that its newest automatic backup lacks
    (or has no automatic backup at all)."""
    current = cf.last_change_id()
    for backup in backups_of(cf.path.stem, [automatic_folder(cf.path)]):
        try:
            return backup_details(backup.path, key=cf.key).last_change_id != current
        except FileProblemError:
            continue  # a damaged backup does not count
    return True


def newest_good_backup(file: Path, progress: Callable[[Backup], None] | None = None) -> Backup | None:
    """The newest backup of ``file`` that passes integrity_check (each is checked
    before it is offered: reliability.md test #3)."""
    key = key_for(file)
    for backup in backups(file):
        if progress is not None:
            progress(backup)
        try:
            backup_details(backup.path, full_check=True, key=key)
        except FileProblemError:
            continue
        return backup
    return None


def restore(backup: Path, file: Path, now: datetime, *, lock: FileLock | None = None) -> Path:
    """Put ``backup`` in the place of ``file``; returns where the old file was kept.

    Only while crmdesk holds the file's lock: pass the lock the window holds,
    or none to take it here (FileLockedError when the file is open elsewhere).
    """
    file = Path(file)
    aside = aside_name(file, now)
    with held_or_taken(file, lock):
        restore_file(Path(backup), file, aside, key_for(file))
    return aside
