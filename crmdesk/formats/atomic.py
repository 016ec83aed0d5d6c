"""Exports written beside their target and renamed into place (reliability.md test #4).

A half-written .xlsx or .csv must never be left looking complete: a full disk,
a failing row source or a cancel leaves the previous file (or none) and no
scraps.  The scratch folder is created in the target's own folder, not in
%TEMP% (exports hold personal data, reliability.md "Temp files"), and on the
same filesystem, so the final rename is atomic.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from crmdesk.durable import fsync_dir, fsync_path


@contextmanager
def replaced_on_success(target: str | os.PathLike) -> Iterator[Path]:
    """A path to write the whole file to; when the block ends without an exception
    the file is fsynced and renamed over ``target``.

    The path lies in a fresh owner-only folder beside ``target``; writers may keep
    their own scratch files in ``path.parent`` (the .xlsx writer's sheets do), and
    the folder goes away with everything in it, whether the block succeeds or not.
    """
    target = Path(target)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
    try:
        path = scratch / target.name
        yield path
        fsync_path(path)
        os.replace(path, target)
        fsync_dir(target.parent)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


