"""A full disk in the middle of a bulk write (reliability.md test #4).

``PRAGMA max_page_count`` makes SQLite report SQLITE_FULL exactly as a full
disk does (Facts item 5).  Single saves and updates are covered in
test_customer_file.py; here the import-sized write: one transaction of
thousands of rows that runs out of room half way.
"""

from __future__ import annotations

import pytest

from crmdesk.storage import customers as store
from crmdesk.storage.customer_file import CustomerFile, WriteError, WriteProblem
from tests.factories import make_company, make_person

_TABLES = ("customers", "contact_persons", "customer_tags", "change_log", "file_settings", "meta")


def _dump(cf: CustomerFile) -> list:
    return [list(cf.execute(f"SELECT * FROM {table} ORDER BY 1")) for table in _TABLES]


def _many(count: int) -> list:
    return [make_person(name=f"客户{i:05d}", mobile=f"139{i:08d}", notes="备注" * 40) for i in range(count)]


@pytest.fixture
def saved(customer_file):
    """A file with customers saved before the disk filled up."""
    store.insert_customer(customer_file, make_person(name="张三"))
    store.insert_customer(customer_file, make_company(name="北京顺达物流有限公司"))
    return customer_file


def test_a_bulk_insert_that_fills_the_disk_writes_nothing_and_the_file_stays_sound(saved):
    cf = saved
    before = _dump(cf)
    pages = cf.execute("PRAGMA page_count").fetchone()[0]
    unlimited = cf.execute("PRAGMA max_page_count").fetchone()[0]
    cf.execute(f"PRAGMA max_page_count = {pages + 4}")  # room for a few rows, not for 3,000
    progress = []

    with pytest.raises(WriteError) as e:
        store.insert_customers(cf, _many(3000), progress=progress.append, every=500)

    assert e.value.problem is WriteProblem.DISK_FULL
    assert progress == []  # it failed within the first batch: the rows already sent were rolled back too
    assert not cf.conn.in_transaction
    assert _dump(cf) == before
    assert cf.integrity_problems() == []

    # Room again (the user deleted some files): the same connection writes the same rows.
    cf.execute(f"PRAGMA max_page_count = {unlimited}")
    assert store.insert_customers(cf, _many(3000)) == 3000
    assert store.customer_count(cf) == 3002


def test_a_full_disk_after_some_batches_rolls_back_every_batch(saved):
    cf = saved
    before = _dump(cf)
    pages = cf.execute("PRAGMA page_count").fetchone()[0]
    cf.execute(f"PRAGMA max_page_count = {pages + 60}")  # a few batches fit, the whole import does not
    progress = []

    with pytest.raises(WriteError) as e:
        store.insert_customers(cf, _many(3000), progress=progress.append, every=100)

    assert e.value.problem is WriteProblem.DISK_FULL
    assert progress, "no batch had been written before the disk filled: raise max_page_count"
    assert _dump(cf) == before  # batches written before the failure are gone too: all or nothing
    assert cf.integrity_problems() == []


def test_data_saved_before_the_disk_filled_reads_back_from_a_fresh_connection(saved):
    cf = saved
    key = getattr(cf, "key", None)  # an encrypted file (SQLCipher) opens with its key
    before = _dump(cf)
    pages = cf.execute("PRAGMA page_count").fetchone()[0]
    cf.execute(f"PRAGMA max_page_count = {pages + 4}")
    with pytest.raises(WriteError):
        store.insert_customers(cf, _many(3000))
    cf.close()

    with CustomerFile.open(cf.path, **({"key": key} if key else {})) as again:
        assert _dump(again) == before
        assert again.integrity_problems() == []
