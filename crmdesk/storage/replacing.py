"""Writing a file under a temporary name beside its target, then renaming it into place.

Every file crmdesk writes whole (a new customer file, a backup, a restored or
re-encrypted file, a key file) goes through ``written_then_renamed``, so the
target is never half-written and a failure leaves no scraps.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from crmdesk.durable import fsync_dir, fsync_path


def sidecars(path: Path) -> dict[Path, int | None]:
    """The -wal and -shm beside ``path`` and their sizes now (None: absent)."""
    sizes: dict[Path, int | None] = {}
    for suffix in ("-wal", "-shm"):
        extra = Path(str(path) + suffix)
        try:
            sizes[extra] = extra.stat().st_size
        except FileNotFoundError:
            sizes[extra] = None
    return sizes


@contextlib.contextmanager
def written_then_renamed(target: Path, suffix: str) -> Iterator[Path]:
    """A temporary path beside ``target``: when the block succeeds it is fsynced
    and renamed into place (so ``target`` is never half-written); when it fails
    it is removed, with any -wal/-shm SQLite left beside it."""
    tmp = target.with_name(target.name + suffix)
    leftovers = (tmp, *sidecars(tmp))
    for leftover in leftovers:
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    try:
        # Empty and owner-only before a byte is written: copies hold personal data too.
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        yield tmp
        fsync_path(tmp)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except BaseException:
        for leftover in leftovers:
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        raise
