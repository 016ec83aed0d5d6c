"""The storage suite runs twice: on plain SQLite and on SQLCipher connections
(reliability.md test #12: sqlcipher3 raises its own exception classes, so
code that only caught sqlite3's would pass one run and fail the other)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.ids import uid_factory

TEST_KEY = bytes(range(32))


@pytest.fixture(params=["sqlite3", "sqlcipher3"])
def file_key(request) -> bytes | None:
    """The key files are created with: None (plain) or a SQLCipher key."""
    return None if request.param == "sqlite3" else TEST_KEY


@pytest.fixture
def customer_file(tmp_path: Path, clock, file_key) -> CustomerFile:
    cf = CustomerFile.create(
        tmp_path / "test.crmdesk", clock=clock, new_uid=uid_factory(clock, random.Random(7)),
        actor="tester", key=file_key,
    )
    yield cf
    cf.close()
