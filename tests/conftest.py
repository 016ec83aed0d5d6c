"""Shared fixtures. Qt runs offscreen; "today" and the clock are fixed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import random
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.encryption import SCRYPT_COST as REAL_SCRYPT_COST
from crmdesk.storage.ids import uid_factory

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 8, 30, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Per-test data folder, so nothing touches the real user's files."""
    monkeypatch.setenv("CRMDESK_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture(autouse=True)
def _fast_and_forgotten_keys(monkeypatch):
    """Cheap scrypt (the real cost is pinned in tests/storage/test_encryption.py);
    no unlocked key outlives its test."""
    from crmdesk.services import unlocked

    monkeypatch.setattr("crmdesk.storage.encryption.SCRYPT_COST", {"n": 2**10, "r": 8, "p": 1})
    yield
    unlocked.forget()


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def clock():
    return lambda: NOW


@pytest.fixture
def customer_file(tmp_path: Path, clock) -> CustomerFile:
    cf = CustomerFile.create(
        tmp_path / "test.crmdesk", clock=clock, new_uid=uid_factory(clock, random.Random(7)), actor="tester"
    )
    yield cf
    cf.close()
