"""A full disk during an import, a backup and an export (reliability.md test #4).

Pass: a clear message (the command line's, in English and Chinese, no
traceback); the transaction rolled back; integrity_check ok; data already
saved intact; a partly written backup or export deleted, never left looking
complete, and a previous file at the export's path left as it was.

The disk fills in three ways: ``PRAGMA max_page_count`` for the customer file
(SQLite's own SQLITE_FULL), writers whose files run out of room part way
(a short write, then ENOSPC, as the OS does it), and, where the machine lets
an unprivileged user mount one, a real tiny tmpfs.
"""

from __future__ import annotations

import builtins
import errno
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import types
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from crmdesk.cli import main
from crmdesk.formats import spreadsheetml, writing
from crmdesk.services import backups as backup_service
from crmdesk.services import exporting, importing
from crmdesk.services.files import check_file
from crmdesk.storage import customers as store
from crmdesk.storage.customer_file import CustomerFile, WriteError, WriteProblem
from tests import ledger_files
from tests.factories import make_company, make_person

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 18, 0, 5)
CUSTOMERS = 400


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def shop_master(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("master") / "shop.crmdesk"
    with CustomerFile.create(path) as cf:
        store.insert_customers(cf, [
            make_person(name=f"老客户{i:04d}", mobile=f"138{i:08d}", city="北京市", notes="老客户，" * 10)
            for i in range(CUSTOMERS)
        ])
        store.insert_customer(cf, make_company(name="北京顺达物流有限公司"))
    return path


@pytest.fixture
def shop(shop_master, tmp_path) -> Path:
    """A file of 401 customers, already saved (a copy per test: the fixture is slow to build)."""
    path = tmp_path / "shop.crmdesk"
    shutil.copyfile(shop_master, path)
    return path


def _dump(path: Path) -> list:
    with CustomerFile.open(path, read_only=True) as cf:
        return [list(cf.execute(f"SELECT * FROM {t} ORDER BY 1"))
                for t in ("customers", "contact_persons", "change_log", "operations", "file_settings")]


def _sound(path: Path) -> bool:
    result = check_file(path, full=True)  # integrity_check and foreign_key_check
    return result.ok


@pytest.fixture
def english(monkeypatch):
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


def _chinese(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")


# --- importing: SQLite's own SQLITE_FULL ------------------------------------------------------


def _fill(cf: CustomerFile, spare_pages: int = 4) -> CustomerFile:
    pages = cf.execute("PRAGMA page_count").fetchone()[0]
    cf.execute(f"PRAGMA max_page_count = {pages + spare_pages}")
    return cf


def test_an_import_that_fills_the_disk_writes_nothing(shop, tmp_path):
    src = ledger_files.many_customers_csv(tmp_path / "客户.csv", 2000)
    before = _dump(shop)
    with CustomerFile.open(shop) as cf:
        unlimited = cf.execute("PRAGMA max_page_count").fetchone()[0]
        _fill(cf)
        with pytest.raises(WriteError) as e:
            importing.import_file(cf, src, TODAY)
        assert e.value.problem is WriteProblem.DISK_FULL
        assert importing.history(cf) == []  # no import recorded, so none to revert
        assert cf.integrity_problems() == []

        cf.execute(f"PRAGMA max_page_count = {unlimited}")  # room again: the same import goes through
        report = importing.import_file(cf, src, TODAY)
        assert report.created == 2000
    assert _dump(shop) != before


@pytest.mark.parametrize("language, said", [
    ("en", "the disk is full; nothing was changed\n"),
    ("zh", "磁盘已满，未做任何更改\n"),
])
def test_the_import_verb_on_a_full_disk_says_so(shop, tmp_path, capsys, monkeypatch, english, language, said):
    from crmdesk.services import files

    if language == "zh":
        _chinese(monkeypatch)
    src = ledger_files.many_customers_csv(tmp_path / "客户.csv", 2000)
    before = _dump(shop)
    real_open = files.open_file
    monkeypatch.setattr(files, "open_file", lambda path, **kw: _fill(real_open(path, **kw)))

    code, out, err = run(capsys, "import", shop, src, "--today", "2026-11-23")

    assert (code, out, err) == (1, "", said)
    assert _dump(shop) == before and _sound(shop)


# --- backing up: VACUUM INTO runs out of room -------------------------------------------------


def _sqlite_full() -> sqlite3.OperationalError:
    """The very error SQLite raises on a full disk (not one made up in Python)."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("PRAGMA max_page_count = 2")
        conn.execute("INSERT INTO t VALUES (zeroblob(100000))")
    except sqlite3.OperationalError as e:
        assert e.sqlite_errorname == "SQLITE_FULL"
        return e
    finally:
        conn.close()
    raise AssertionError("max_page_count did not fill the database")


class _VacuumFillsTheDisk:
    """The file's connection, except that VACUUM INTO runs out of room: the copy
    is written up to half its size, then SQLite's SQLITE_FULL is raised."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.partial: list[tuple[Path, int]] = []  # what was left on disk when it failed

    def execute(self, sql: str, params=()):
        if not sql.lstrip().upper().startswith("VACUUM INTO"):
            return self._conn.execute(sql, params)
        target = Path(params[0])
        self._conn.execute(sql, params)
        with open(target, "r+b") as f:
            f.truncate(target.stat().st_size // 2)
        self.partial.append((target, target.stat().st_size))
        raise _sqlite_full()

    def __getattr__(self, name):
        return getattr(self._conn, name)


def _fill_vacuum(cf: CustomerFile) -> _VacuumFillsTheDisk:
    cf.conn = _VacuumFillsTheDisk(cf.conn)
    return cf.conn


@pytest.mark.parametrize("into", ["chosen folder", "automatic folder"])
def test_a_backup_that_fills_the_disk_leaves_no_partial_copy(shop, tmp_path, into):
    folder = tmp_path / "U盘" if into == "chosen folder" else backup_service.automatic_folder(shop)
    listed = backup_service.backups(shop)
    before = _dump(shop)
    with CustomerFile.open(shop) as cf:
        filled = _fill_vacuum(cf)
        with pytest.raises((WriteError, sqlite3.OperationalError)):
            backup_service.back_up(cf, NOW, to=folder if into == "chosen folder" else None)

        [(partial, size)] = filled.partial
        assert partial.parent == folder and size > 0  # it had written part of the copy
        assert not partial.exists()
        assert list(folder.iterdir()) == []  # nor its -wal/-shm, nor anything named like a backup
        assert backup_service.backups(shop) == listed
        assert cf.integrity_problems() == []
        store.insert_customer(cf, make_person(name="王五"))  # the open file works on
    assert _dump(shop) != before and _sound(shop)


def test_a_backup_that_fills_the_disk_raises_disk_full(shop, tmp_path):
    with CustomerFile.open(shop, read_only=True) as cf:
        _fill_vacuum(cf)
        with pytest.raises(WriteError) as e:
            backup_service.back_up(cf, NOW, to=tmp_path / "U盘")
    assert e.value.problem is WriteProblem.DISK_FULL


def test_the_backup_verb_says_the_disk_is_full_when_vacuum_into_fills_it(shop, tmp_path, capsys, monkeypatch,
                                                                         english):
    from crmdesk.services import files

    real_open = files.open_file

    def open_file(path, **kwargs):
        cf = real_open(path, **kwargs)
        _fill_vacuum(cf)
        return cf

    monkeypatch.setattr(files, "open_file", open_file)
    stick = tmp_path / "U盘"

    code, out, err = run(capsys, "backup", shop, "--to", stick)

    assert (code, out, err) == (1, "", f"{stick}: the disk is full; no backup was made\n")
    assert list(stick.iterdir()) == []


# --- backing up: the finished copy cannot be made durable or renamed -----------------------------


def _enospc(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("step", ["fsync", "rename"])
@pytest.mark.parametrize("language, said", [
    ("en", "{folder}: the disk is full; no backup was made\n"),
    ("zh", "{folder}：磁盘已满，未生成备份\n"),
])
def test_the_backup_verb_on_a_disk_that_fills_at_the_last_step(shop, tmp_path, capsys, monkeypatch, english,
                                                              step, language, said):
    from crmdesk.storage import replacing

    if language == "zh":
        _chinese(monkeypatch)
    stick = tmp_path / "U盘"
    before = _dump(shop)
    real_fsync, real_replace = replacing.fsync_path, os.replace
    seen = []

    def fsync_path(path):
        seen.append(Path(path))
        if step == "fsync" and Path(path).name.endswith(".tmp"):
            _enospc()
        real_fsync(path)

    def replace(src, dst, *a, **k):
        if step == "rename" and str(src).endswith(".tmp"):
            seen.append(Path(src))
            _enospc()
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(replacing, "fsync_path", fsync_path)
    monkeypatch.setattr(os, "replace", replace)

    code, out, err = run(capsys, "backup", shop, "--to", stick)

    assert (code, out, err) == (1, "", said.format(folder=stick))
    assert any(p.name.endswith(".tmp") for p in seen)  # the copy was complete when the step failed
    assert list(stick.iterdir()) == []
    assert backup_service.backups(shop) == []
    assert _dump(shop) == before and _sound(shop)


def test_the_backup_verb_into_a_folder_it_cannot_write(shop, tmp_path, capsys, monkeypatch, english):
    folder = tmp_path / "光盘"

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))

    monkeypatch.setattr(Path, "mkdir", refuse)

    code, out, err = run(capsys, "backup", shop, "--to", folder)

    assert (code, out) == (1, "")
    assert err == f"{folder}: the backup cannot be written ({os.strerror(errno.EACCES)}); no backup was made\n"


# --- exporting: the writers' files run out of room ---------------------------------------------


class FillingDisk:
    """A disk with ``room`` bytes left, for the files the export writers open.

    The write that does not fit writes what does (a short write, as the OS does)
    and the next one fails with ENOSPC; Python's own buffering and text layers
    sit on top, so the error comes when they flush, as on a real disk.
    """

    def __init__(self, room: float = float("inf")) -> None:
        self.room = room
        self.used = 0
        self.written: dict[str, int] = {}  # bytes per file name
        self.refused = 0  # writes failed with ENOSPC

    def open(self, file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
             opener=None):
        if not set(mode) & set("wax+"):
            return builtins.open(file, mode, buffering, encoding, errors, newline, closefd, opener)
        raw = _LimitedRaw(io.FileIO(file, mode.replace("b", "").replace("t", "")), self, Path(file).name)
        buffered = io.BufferedRandom(raw) if "+" in mode else io.BufferedWriter(raw)
        if "b" in mode:
            return buffered
        return io.TextIOWrapper(buffered, encoding=encoding, errors=errors, newline=newline)

    def zipfile(self) -> types.SimpleNamespace:
        """The zipfile module, with the package written onto this disk."""
        disk = self

        class ZipFile(zipfile.ZipFile):
            def __init__(self, file, mode="r", *args, **kwargs):
                self._on_disk = disk.open(file, "w+b") if mode == "w" else None
                super().__init__(self._on_disk or file, mode, *args, **kwargs)

            def close(self):
                try:
                    super().close()
                finally:
                    if self._on_disk is not None:
                        self._on_disk.close()

        return types.SimpleNamespace(**{**vars(zipfile), "ZipFile": ZipFile})


class _LimitedRaw(io.RawIOBase):
    def __init__(self, raw: io.FileIO, disk: FillingDisk, name: str) -> None:
        self._raw = raw
        self._disk = disk
        self.name = name

    def readable(self) -> bool:
        return self._raw.readable()

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self._raw.seekable()

    def seek(self, pos: int, whence: int = 0) -> int:
        return self._raw.seek(pos, whence)

    def tell(self) -> int:
        return self._raw.tell()

    def truncate(self, size=None) -> int:
        return self._raw.truncate(size)

    def readinto(self, buffer) -> int:
        return self._raw.readinto(buffer)

    def fileno(self) -> int:
        return self._raw.fileno()

    def write(self, data) -> int:
        room = self._disk.room - self._disk.used
        if room <= 0:
            self._disk.refused += 1
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), self.name)
        data = bytes(data)
        written = self._raw.write(data[:int(min(room, len(data)))])
        self._disk.used += written
        self._disk.written[self.name] = self._disk.written.get(self.name, 0) + written
        return written

    def close(self) -> None:
        if not self.closed:
            try:
                self._raw.close()
            finally:
                super().close()


def _use(disk: FillingDisk, monkeypatch) -> None:
    monkeypatch.setattr(writing, "open", disk.open, raising=False)  # CSV and vCard
    monkeypatch.setattr(spreadsheetml, "open", disk.open, raising=False)  # the sheets' scratch files
    monkeypatch.setattr(spreadsheetml, "zipfile", disk.zipfile())  # the .xlsx package


def _export(shop: Path, out: Path) -> int:
    with CustomerFile.open(shop, read_only=True) as cf:
        if out.suffix == ".vcf":
            return exporting.export_vcards(cf, out)
        return exporting.export_customers(cf, out, chinese=True)


# (name of the case, suffix, which part of the output gets half the room)
CASES = [
    ("csv", ".csv", "all"),
    ("vcard", ".vcf", "all"),
    ("xlsx, while streaming the sheets", ".xlsx", "sheets"),
    ("xlsx, while zipping the package", ".xlsx", "package"),
]


def _room(shop: Path, tmp_path: Path, suffix: str, part: str, monkeypatch) -> int:
    """Bytes of room that let the export start and not finish."""
    measure = FillingDisk()
    _use(measure, monkeypatch)
    probe = tmp_path / "probe" / f"客户{suffix}"
    probe.parent.mkdir()
    _export(shop, probe)
    shutil.rmtree(probe.parent)
    sheets = sum(n for name, n in measure.written.items() if ".sheet" in name)
    if part == "sheets":
        return sheets // 2
    if part == "package":
        return sheets + (measure.used - sheets) // 2
    return measure.used // 2


@pytest.mark.parametrize("case, suffix, part", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("previous", [False, True], ids=["new file", "replacing a file"])
def test_an_export_that_fills_the_disk_leaves_no_partial_file(shop, tmp_path, monkeypatch, case, suffix, part,
                                                              previous):
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"客户{suffix}"
    if previous:
        target.write_bytes(b"last week's export")
    disk = FillingDisk(_room(shop, tmp_path, suffix, part, monkeypatch))
    _use(disk, monkeypatch)

    with pytest.raises(OSError) as e:
        _export(shop, target)

    assert e.value.errno == errno.ENOSPC
    assert disk.used > 0 and disk.refused > 0  # part was written, then the disk was full
    if part == "package":
        assert any(name == target.name for name in disk.written)  # it failed inside the zip, not before
    assert [p.name for p in out.iterdir()] == ([target.name] if previous else [])  # no scratch folder either
    if previous:
        assert target.read_bytes() == b"last week's export"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".vcf"])
@pytest.mark.parametrize("language, said", [
    ("en", "{out}: the disk is full; nothing was written\n"),
    ("zh", "{out}：磁盘已满，未写入任何内容\n"),
])
def test_the_export_verb_on_a_full_disk_says_so(shop, tmp_path, capsys, monkeypatch, english, suffix, language,
                                               said):
    if language == "zh":
        _chinese(monkeypatch)
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"客户{suffix}"
    _use(FillingDisk(_room(shop, tmp_path, suffix, "all" if suffix != ".xlsx" else "package", monkeypatch)),
         monkeypatch)

    code, stdout, err = run(capsys, "export", shop, target)

    assert (code, stdout, err) == (1, "", said.format(out=target))
    assert list(out.iterdir()) == []


# --- a real full disk: a tiny tmpfs in a private mount namespace -----------------------------

_DRIVER = textwrap.dedent("""
    import contextlib, io, json, os, sys, traceback
    folder, old = sys.argv[1], sys.argv[2]
    if old:
        with open(os.path.join(folder, old), "wb") as f:
            f.write(b"last week's export")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            from crmdesk.cli import main
            code = main(sys.argv[3:])
        except BaseException:
            traceback.print_exc()
            code = None
    left = {name: open(os.path.join(folder, name), "rb").read().decode("latin-1")[:40]
            for name in os.listdir(folder)}
    print(json.dumps({"code": code, "err": err.getvalue(), "left": left}))
""")


def _on_tiny_tmpfs(folder: Path, size: int, argv: list, old: str = "") -> dict:
    """``crmdesk ARGV`` with ``folder`` a fresh tmpfs of ``size`` bytes, mounted
    only for that process (``unshare``: no root needed, nothing left mounted)."""
    script = 'mount -t tmpfs -o size="$1" tmpfs "$2" && shift 2 && exec "$@"'
    done = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh", str(size), str(folder),
         sys.executable, "-c", _DRIVER, str(folder), old, *map(str, argv)],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "LANG": "en_US.UTF-8"},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def tiny_tmpfs_works(tmp_path_factory) -> None:
    folder = tmp_path_factory.mktemp("probe")
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        pytest.skip("needs Linux and unshare(1)")
    try:
        done = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                               'mount -t tmpfs -o size=16k tmpfs "$1"', "sh", str(folder)],
                              capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError) as e:
        pytest.skip(f"cannot make a private tmpfs: {e}")
    if done.returncode != 0:
        pytest.skip(f"cannot make a private tmpfs: {done.stderr.decode(errors='replace').strip()}")


def _half_of(size: int) -> int:
    return max(16 * 1024, size // 2 // 4096 * 4096)  # tmpfs counts whole pages


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".vcf"])
def test_an_export_onto_a_really_full_disk(tiny_tmpfs_works, shop, tmp_path, suffix):
    complete = tmp_path / f"complete{suffix}"
    _export(shop, complete)  # the tmpfs gets room for about half of it (and the previous file)
    folder = tmp_path / "stick"
    folder.mkdir()
    target = folder / f"客户{suffix}"

    found = _on_tiny_tmpfs(folder, _half_of(complete.stat().st_size), ["export", shop, target], old=target.name)

    assert found["code"] == 1
    assert found["err"] == f"{target}: the disk is full; nothing was written\n"
    assert found["left"] == {target.name: "last week's export"}  # the old file, whole; no scratch


def test_a_backup_onto_a_really_full_disk_leaves_nothing(tiny_tmpfs_works, shop, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    before = _dump(shop)

    found = _on_tiny_tmpfs(folder, _half_of(shop.stat().st_size), ["backup", shop, "--to", folder])

    assert found["code"] != 0
    assert found["left"] == {}  # no .tmp, nothing that looks like a backup
    assert _dump(shop) == before and _sound(shop)


def test_the_backup_verb_says_the_disk_is_full_on_a_really_full_disk(tiny_tmpfs_works, shop, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()

    found = _on_tiny_tmpfs(folder, _half_of(shop.stat().st_size), ["backup", shop, "--to", folder])

    assert (found["code"], found["err"]) == (1, f"{folder}: the disk is full; no backup was made\n")
