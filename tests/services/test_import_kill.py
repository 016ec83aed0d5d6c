"""kill -9 in the middle of an import leaves the file as it was (reliability.md test #1 and #6)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.customers import insert_customer
from tests import ledger_files
from tests.factories import make_person

ROOT = Path(__file__).resolve().parents[2]

# The child imports and says "writing" from inside the transaction (its first
# progress report), then keeps going; the parent kills it at that moment or a bit later.
CHILD = textwrap.dedent("""
    import sys, time
    from datetime import date
    from crmdesk.services import importing
    from crmdesk.storage.customer_file import CustomerFile

    cf = CustomerFile.open(sys.argv[1])
    data = importing.read_sheet(sys.argv[2])
    result = importing.preview(cf, data, importing.guess_layout(cf, data), date(2026, 11, 23))

    def progress(done):
        print("writing", done, flush=True)
        time.sleep(float(sys.argv[3]))

    importing.commit(cf, result, progress)
    print("committed", flush=True)
""")


@pytest.mark.parametrize("pause", [0.01, 0.05, 0.2])
def test_kill_during_an_import_leaves_the_file_as_before(tmp_path, pause):
    path = tmp_path / "file.crmdesk"
    with CustomerFile.create(path) as cf:
        insert_customer(cf, make_person(name="老客户", mobile="13511112222"))
    source = ledger_files.many_customers_csv(tmp_path / "many.csv", 3000)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(source), str(pause)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        line = child.stdout.readline()
        assert line.startswith("writing"), line
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT name FROM customers").fetchall() == [("老客户",)]
        assert conn.execute("SELECT count(*) FROM operations").fetchone() == (0,)
    finally:
        conn.close()
    with CustomerFile.open(path) as cf:  # and it opens again with no manual step
        assert cf.integrity_problems() == []
