"""Protecting a customer file: an app password, whole-file encryption, unlocking (issue 12, point 6).

Two levels, and the window says which is which:

* an **app password** on a plain file keeps people out of crmdesk's window
  (and out of it again after the auto-lock); the file itself stays readable
  by any SQLite tool, so it is a deterrent only;
* **encryption** (SQLCipher) makes the file unreadable without its password
  or recovery key, and its backups stay encrypted.

Unlocked keys are remembered for the process (services/unlocked.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from crmdesk.services.backups import automatic_folder, back_up, backups
from crmdesk.services.unlocked import forget, key_for, remember
from crmdesk.storage import file_encryption
from crmdesk.storage.backups import backups_of, delete_backup
from crmdesk.storage.customer_file import CustomerFile, FileProblem, FileProblemError, inspect_file, is_encrypted
from crmdesk.storage.encryption import (
    KeyFile,
    file_key,
    format_recovery_key,
    new_recovery_key,
    parse_recovery_key,
    password_matches,
    password_verifier,
    read_key_file,
    write_key_file,
)
from crmdesk.storage.file_lock import FileLock, held_or_taken

APP_PASSWORD = "app_password"  # the file setting holding a plain file's password verifier
MIN_PASSWORD_LENGTH = 6
KEY_FILES_TRIED = 3  # of backups, when the file lost its own: scrypt costs 0.1 s each


class Protection(StrEnum):
    NONE = "none"
    PASSWORD = "password"  # an app password: a deterrent, the file stays readable
    ENCRYPTED = "encrypted"


def _key_files(path: Path) -> list[KeyFile]:
    """The key files that can vouch for a password of ``path``: its own, or when
    it lost that, those of its newest backups (made under the same key)."""
    own = read_key_file(path)
    if own is not None:
        return [own]
    found = (read_key_file(b.path) for b in backups(path)[:KEY_FILES_TRIED])
    return [key_file for key_file in found if key_file is not None]


def _recovery_from(key_files: list[KeyFile], secret: str) -> tuple[bytes | None, bool]:
    """The recovery key that ``secret`` (a password or the recovery key itself)
    gives, and whether one of ``key_files`` vouched for it."""
    for key_file in key_files:
        recovery = key_file.unwrap(secret)
        if recovery is not None:
            return recovery, True
    return parse_recovery_key(secret), False


def unlock(path: Path | str, secret: str) -> bytes:
    """Open ``path`` with a password or recovery key; returns and remembers its key.

    Tells apart as far as it can: WRONG_PASSWORD when the key file refuses the
    password (the file was not touched); CORRUPT when the password is right
    but the file does not decrypt; WRONG_KEY ("wrong password or damaged
    file") when there is nothing to vouch for the key.
    """
    path = Path(path)
    key_files = _key_files(path)
    recovery, vouched = _recovery_from(key_files, secret)
    if recovery is None:
        problem = FileProblem.WRONG_PASSWORD if key_files else FileProblem.WRONG_KEY
        raise FileProblemError(problem, path)
    key = file_key(recovery)
    try:
        inspect_file(path, key=key, check=False)
    except FileProblemError as e:
        if e.problem is FileProblem.WRONG_KEY and vouched:
            raise FileProblemError(FileProblem.CORRUPT, path, detail="the password is right; the file does not decrypt") from e
        raise
    remember(path, key)
    return key


def protection(cf: CustomerFile) -> Protection:
    if cf.key is not None:
        return Protection.ENCRYPTED
    return Protection.PASSWORD if cf.setting(APP_PASSWORD) else Protection.NONE


def password_is_right(cf: CustomerFile, password: str) -> bool:
    """For the lock screen: the file's password (or, if encrypted, its recovery key)."""
    if cf.key is not None:
        recovery, _ = _recovery_from(_key_files(cf.path), password)
        return recovery is not None and file_key(recovery) == cf.key
    verifier = cf.setting(APP_PASSWORD)
    return bool(verifier) and password_matches(verifier, password)


def password_problem(password: str) -> str | None:
    """Why ``password`` cannot be a new password ("too_short"), or None."""
    return "too_short" if len(password) < MIN_PASSWORD_LENGTH else None


def set_app_password(cf: CustomerFile, password: str | None) -> None:
    """Put (or with None, remove) an app password on a plain file."""
    if cf.key is not None:
        raise ValueError("an encrypted file's password is changed with change_password")
    if password is None:
        cf.delete_setting(APP_PASSWORD)
    else:
        cf.set_setting(APP_PASSWORD, password_verifier(password))


@dataclass(frozen=True)
class Encrypted:
    recovery_key: str  # to show once, print and keep: it opens the file when the password is lost
    key: bytes
    plain_backups_removed: int  # automatic backups that held the file readable


def encrypt(path: Path | str, password: str, now: datetime, *, lock: FileLock | None = None) -> Encrypted:
    """Encrypt a plain file under a new recovery key wrapped with ``password``.

    No connection may be open on the file; the lock is taken here unless the
    caller holds it.  An encrypted backup is made at once (``now``: local
    time), and the plain automatic backups are deleted: they would leave the
    data readable.  Copies the user made elsewhere are theirs.  The plain
    file's app password goes: the encryption password replaces it.
    """
    path = Path(path)
    recovery = new_recovery_key()
    key = file_key(recovery)
    with held_or_taken(path, lock):
        with CustomerFile.open(path) as cf:
            if cf.setting(APP_PASSWORD) is not None:
                set_app_password(cf, None)
        file_encryption.convert(path, None, key, KeyFile.wrap(recovery, password))
        remember(path, key)
        with CustomerFile.open(path, key=key) as cf:
            back_up(cf, now)
    plain = [b.path for b in backups_of(path.stem, [automatic_folder(path)]) if not is_encrypted(b.path)]
    for backup in plain:
        delete_backup(backup)
    return Encrypted(format_recovery_key(recovery), key, len(plain))


def decrypt(path: Path | str, *, lock: FileLock | None = None) -> None:
    """Store an unlocked encrypted file in plain again (its backups stay encrypted)."""
    path = Path(path)
    key = _unlocked_key(path)
    with held_or_taken(path, lock):
        file_encryption.convert(path, key, None, None)
    forget(path)


def change_password(path: Path | str, secret: str, new_password: str) -> None:
    """A new password for an encrypted file, given its current password or
    recovery key; its backups made under the same key get it too.  The file
    itself is not rewritten: the password only wraps the recovery key."""
    path = Path(path)
    recovery, _ = _recovery_from(_key_files(path), secret)
    if recovery is None or file_key(recovery) != _unlocked_key(path):
        raise FileProblemError(FileProblem.WRONG_PASSWORD, path)
    for target in (path, *(b.path for b in backups(path))):
        if target == path or _same_key(target, recovery):
            write_key_file(target, KeyFile.wrap(recovery, new_password))


def _same_key(backup: Path, recovery: bytes) -> bool:
    try:
        return inspect_file(backup, check=False, key=file_key(recovery)).encrypted
    except FileProblemError:
        return False


def _unlocked_key(path: Path) -> bytes:
    key = key_for(path)
    if key is None:
        raise FileProblemError(FileProblem.ENCRYPTED, path)
    return key
