"""Creating, checking and opening customer files."""

from __future__ import annotations

import os
import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from crmdesk.services.unlocked import key_for
from crmdesk.storage.customer_file import (
    SUFFIX,
    CustomerFile,
    FileProblem,
    FileProblemError,
    checked_read,
    inspect_file,
)


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    problem: FileProblem | None = None
    params: dict | None = None
    customers: int | None = None
    last_change: str | None = None  # ISO instant (UTC) of the last logged change


def new_file(path: str | os.PathLike, **kwargs) -> CustomerFile:
    """Create an empty customer file; ``.crmdesk`` is appended when missing."""
    path = Path(path)
    if not path.suffix:
        path = path.with_suffix(SUFFIX)
    return CustomerFile.create(path, **kwargs)


def check_file(path: str | os.PathLike, *, full: bool = True) -> CheckResult:
    """Check without modifying the file: ``full`` runs integrity_check and
    foreign_key_check, else quick_check (which still finds damaged pages)."""
    try:
        report = inspect_file(path, full_check=full, describe=True, key=key_for(path))
    except FileProblemError as e:
        return CheckResult(False, e.problem, e.params)
    return CheckResult(True, customers=report.details["customers"], last_change=report.details["last_change"])


def open_file(path: str | os.PathLike, **kwargs) -> CustomerFile:
    """Open for work: pre-flight checks, backup-then-migrate when older."""
    kwargs.setdefault("key", key_for(path))
    return CustomerFile.open(path, **kwargs)


@contextlib.contextmanager
def reading(path: str | os.PathLike) -> Iterator[CustomerFile]:
    """Read-only access for listings; raises on damage when the block ends
    (the quick_check runs beside the reads)."""
    with checked_read(path, key=key_for(path)) as cf:
        yield cf
