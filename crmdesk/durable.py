"""Making a write durable: fsync a file, and the folder whose entry a rename changed.

Shared by the customer file (backups, new files) and the foreign-format writers
(exports), so both mean the same thing by "written".
"""

from __future__ import annotations

import os
from pathlib import Path


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fsync_path(path)
