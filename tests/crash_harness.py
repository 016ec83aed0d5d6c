"""kill -9 crash harness (reliability.md test #1, Facts item 6): shared by
tests/test_crash_kill.py (20 rounds a point in CI) and benchmarks/kill_rounds.py
(as many rounds as asked, by hand).

A round copies the point's prepared files into a folder of its own, starts a
child Python that writes to them and prints one line each time a change is
acknowledged (after the call that made it returned), reads a random number of
those lines, waits a random fraction of the time one step takes, sends SIGKILL,
and then checks the files the way the next start of crmdesk would meet them:
they open with no manual step, integrity_check is ok, every acknowledged change
is there and nothing is half applied.

Every random choice comes from ``random.Random(round seed)``; the timing of the
child itself is the only thing left to chance.  A failed check raises
``RoundFailed`` naming the point, round, seed, kill plan, the child's last lines
and the folder left behind for a look.
"""

from __future__ import annotations

import os
import pickle
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
TODAY = date(2026, 11, 23)
BACKUP_TIME = datetime(2026, 11, 23, 18, 0, 0)  # local wall-clock time of the first backup or restore
CHILD_TIMEOUT = 30.0  # seconds: a child still running then is killed and the round fails
CHILD_SECONDS = 20.0  # a looping child stops by itself after this long (its parent may be gone)
CHILD_STEPS = 400  # ... or after this many steps

# ---------------------------------------------------------------- running and killing a child


@dataclass(frozen=True)
class Plan:
    """When to kill: after reading ``lines`` lines of the child, then ``delay`` seconds later."""

    lines: int
    delay: float

    def __str__(self) -> str:
        return f"kill after line {self.lines} + {self.delay * 1000:.1f} ms"


@dataclass
class ChildRun:
    lines: list[str]  # every complete line the child printed before it died
    times: list[float]  # when the parent read each of the first lines (seconds from start; drained ones lack it)
    returncode: int
    stderr: str
    killed: bool  # by our SIGKILL (else it ended by itself)


def run_child(source: str, args: list[str], plan: Plan, *, timeout: float = CHILD_TIMEOUT) -> ChildRun:
    """Run ``python -c source args``, kill it as ``plan`` says, and return what it printed.

    The child never outlives this call: a watchdog kills it after ``timeout``
    seconds, and ``finally`` kills it whatever happened here.
    """
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as err:
        start = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-c", source, *map(str, args)], cwd=ROOT, env=env,
            stdout=subprocess.PIPE, stderr=err, text=True, encoding="utf-8",
        )
        overdue = threading.Event()

        def stop_overdue() -> None:
            overdue.set()
            child.kill()

        watchdog = threading.Timer(timeout, stop_overdue)
        watchdog.start()
        lines: list[str] = []
        times: list[float] = []
        killed = False
        try:
            while len(lines) < plan.lines:
                line = child.stdout.readline()
                if not line.endswith("\n"):  # it ended (or a half line: never acknowledged)
                    break
                lines.append(line[:-1])
                times.append(time.monotonic() - start)
            else:
                if plan.delay > 0:
                    time.sleep(plan.delay)
                if child.poll() is None:
                    child.send_signal(signal.SIGKILL)
                    killed = True
            rest = child.stdout.read()  # all it printed before it died
            returncode = child.wait(timeout)
        finally:
            watchdog.cancel()
            if child.poll() is None:
                child.kill()
                child.wait()
            child.stdout.close()
        lines.extend(rest.split("\n")[:-1])  # the last piece is empty or a half line
        err.seek(0)
        stderr = err.read()
    killed = killed and returncode == -signal.SIGKILL
    if overdue.is_set():
        raise ChildFailed(f"the child was still running after {timeout:.0f} s:\n{stderr[-3000:]}")
    if returncode not in (0, -signal.SIGKILL):
        raise ChildFailed(f"the child exited with {returncode}:\n{stderr[-3000:]}")
    return ChildRun(lines, times, returncode, stderr, killed)


class ChildFailed(AssertionError):
    """The child died of something else than our kill (an exception, the watchdog)."""


class RoundFailed(AssertionError):
    pass


class CheckFailed(AssertionError):
    """A check found the file wrong; the harness adds round, seed and plan to the message."""


def require(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


# ---------------------------------------------------------------- points and rounds


@dataclass
class Outcome:
    checked: int  # acknowledged changes found present (customers, rows, backups, restores)
    label: str  # what the kill caught, e.g. "rolled back" or "committed"


class Point:
    """One kill point: its child, the files it starts from, when to kill, and the check."""

    name = ""
    child = ""
    interrupted: tuple[str, ...] = ()  # outcome labels of a kill that caught the operation midway

    def prepare(self, workdir: Path) -> None:
        """Make the files every round starts from (once), and calibrate the timing."""

    def start(self, folder: Path, rng: random.Random) -> list[str]:
        """Put a round's files in ``folder``; returns the child's arguments."""
        raise NotImplementedError

    def plan(self, rng: random.Random) -> Plan:
        raise NotImplementedError

    def check(self, folder: Path, run: ChildRun) -> Outcome:
        raise NotImplementedError


@dataclass
class Summary:
    name: str
    rounds: int = 0
    checked: int = 0
    failures: list[str] = field(default_factory=list)
    outcomes: Counter = field(default_factory=Counter)  # label -> rounds
    interrupted: int = 0  # rounds whose kill caught the operation midway
    seconds: float = 0.0


def round_seed(seed: int, number: int) -> int:
    return seed * 100_000 + number


def run_round(point: Point, workdir: Path, number: int, seed: int) -> Outcome:
    """One round: fresh files, the child, the kill, the check.  The round's folder
    is removed when the check passed and kept (named in the error) when not."""
    rng = random.Random(round_seed(seed, number))
    folder = workdir / f"{point.name}-round-{number:04d}"
    folder.mkdir()
    args = point.start(folder, rng)
    plan = point.plan(rng)
    where = f"kill point {point.name!r}, round {number} (seed {round_seed(seed, number)}), {plan}"
    try:
        run = run_child(point.child, args, plan)
    except ChildFailed as e:
        raise RoundFailed(f"{where}: {e}\nfiles kept in {folder}") from e
    try:
        outcome = point.check(folder, run)
    except Exception as e:
        tail = "\n".join(f"    {line}" for line in run.lines[-8:]) or "    (nothing)"
        raise RoundFailed(
            f"{where}: {type(e).__name__}: {e}\n"
            f"  the child {'was killed' if run.killed else 'had ended'} "
            f"after {len(run.lines)} lines, the last ones:\n{tail}\n"
            f"  stderr: {run.stderr[-2000:] or '(empty)'}\n  files kept in {folder}"
        ) from e
    shutil.rmtree(folder, ignore_errors=True)
    return outcome


def run_point(name: str, workdir: Path, rounds: int, seed: int = 1, *, stop_on_failure: bool = True) -> Summary:
    """``rounds`` rounds of one kill point in ``workdir``; the first failure raises
    RoundFailed unless ``stop_on_failure`` is false (then it is listed in the summary)."""
    point = POINTS[name]()
    started = time.perf_counter()
    summary = Summary(name)
    workdir.mkdir(parents=True, exist_ok=True)
    point.prepare(workdir)
    for number in range(rounds):
        try:
            outcome = run_round(point, workdir, number, seed)
        except RoundFailed as e:
            if stop_on_failure:
                raise
            summary.failures.append(str(e))
        else:
            summary.checked += outcome.checked
            summary.outcomes[outcome.label] += 1
            summary.interrupted += outcome.label in point.interrupted
        summary.rounds += 1
    summary.seconds = time.perf_counter() - started
    return summary


def _calibrate(point: Point, workdir: Path, plan: Plan) -> ChildRun:
    """A round run only to time the child's steps on this machine."""
    folder = workdir / f"{point.name}-calibration"
    folder.mkdir()
    try:
        return run_child(point.child, point.start(folder, random.Random(0)), plan)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _step_seconds(run: ChildRun, first: int, last: int, steps: int, fallback: float) -> float:
    """The time from line ``first`` to line ``last`` (as the parent read them), per step."""
    if len(run.times) <= max(first, last) or steps <= 0:
        return fallback
    return max((run.times[last] - run.times[first]) / steps, 0.001)


# ---------------------------------------------------------------- small helpers


def _copy_main_file(source: Path, target: Path) -> Path:
    """Copy a closed customer file (no -wal beside it: it was checkpointed on close)."""
    assert not Path(str(source) + "-wal").exists(), f"{source} has a -wal: not closed"
    shutil.copyfile(source, target)
    return target


def _reopen_twice(path: Path) -> list[str]:
    """Open as the next start would (twice: the second open needs no manual step either);
    returns the live customers' names in id order."""
    from crmdesk.storage.customer_file import CustomerFile

    with CustomerFile.open(path) as cf:
        problems = cf.integrity_problems()
        require(problems == [], f"integrity_check after reopening: {problems}")
        orphans = cf.execute("PRAGMA foreign_key_check").fetchall()
        require(orphans == [], f"rows whose parent is gone: {orphans[:5]}")
        names = [r[0] for r in cf.execute("SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY id")]
    with CustomerFile.open(path) as cf:
        require(cf.execute("PRAGMA quick_check").fetchone() == ("ok",), "quick_check on the second open")
    return names


def _schema(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return sorted(conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
    finally:
        conn.close()


def _acks(run: ChildRun, word: str = "ack") -> list[str]:
    return [line[len(word) + 1:] for line in run.lines if line.startswith(word + " ")]


# ---------------------------------------------------------------- edits


EDITS_CHILD = textwrap.dedent("""
    import sys, time
    from datetime import date
    from crmdesk.domain.orders import Order
    from crmdesk.services import ledger
    from crmdesk.storage.customer_file import CustomerFile
    from crmdesk.storage.customers import insert_customer
    from tests.factories import make_person
    import sqlite_utils, pypinyin, pypinyin.seg.mmseg  # imported lazily by the first write: here, so that
    # the kill lands in the writing rather than in an import (they are the same modules either way)

    today = date(2026, 11, 23)
    cf = CustomerFile.open(sys.argv[1])
    print("ready", flush=True)
    deadline = time.monotonic() + float(sys.argv[2])
    for i in range(int(sys.argv[3])):
        with cf.transaction():  # one user action: the customer and the order, or neither
            customer = insert_customer(cf, make_person(name=f"客户{i}", mobile=f"139{i:08d}"))
            order = Order(customer_id=customer.id, order_date=today, product=f"商品{i}", quantity=1,
                          amount=(i + 1) * 100)
            saved = ledger.save_order(cf, order, today)
            if saved.order is None:
                raise SystemExit(f"order {i} refused: {saved}")
        print("ack", i, flush=True)
        if time.monotonic() > deadline:
            break
""")


class Edits(Point):
    """A customer and their order in one transaction, over and over; killed anywhere."""

    name = "edits"
    child = EDITS_CHILD
    interrupted = ("in-flight action landed", "in-flight action rolled back")

    def prepare(self, workdir: Path) -> None:
        from crmdesk.storage.customer_file import CustomerFile

        self.base = workdir / "edits-base.crmdesk"
        CustomerFile.create(self.base).close()
        run = _calibrate(self, workdir, Plan(22, 0.0))
        self.step = _step_seconds(run, 1, 21, 20, 0.01)

    def start(self, folder: Path, rng: random.Random) -> list[str]:
        path = _copy_main_file(self.base, folder / "shop.crmdesk")
        return [str(path), str(CHILD_SECONDS), str(CHILD_STEPS)]

    def plan(self, rng: random.Random) -> Plan:
        # "ready" is line 1; then up to 40 acknowledged actions, and up to two steps more.
        return Plan(rng.randint(1, 41), rng.uniform(0, 2 * self.step))

    def check(self, folder: Path, run: ChildRun) -> Outcome:
        acked = [int(a) for a in _acks(run)]
        require(acked == list(range(len(acked))), f"acknowledgements out of order: {acked}")
        _reopen_twice(folder / "shop.crmdesk")
        from crmdesk.storage.customer_file import CustomerFile

        with CustomerFile.open(folder / "shop.crmdesk") as cf:
            rows = cf.execute(
                "SELECT c.name, o.product, o.amount FROM customers c LEFT JOIN orders o ON o.customer_id = c.id "
                "ORDER BY c.id, o.id").fetchall()
            loose = cf.execute("SELECT count(*) FROM orders WHERE customer_id NOT IN (SELECT id FROM customers)"
                               ).fetchone()[0]
        require(loose == 0, f"{loose} orders without their customer")
        by_name: dict[str, list[tuple]] = {}
        for name, product, amount in rows:
            by_name.setdefault(name, []).append((product, amount))
        present = sorted(int(name.removeprefix("客户")) for name in by_name)
        for i in present:
            orders = by_name[f"客户{i}"]
            require(orders == [(f"商品{i}", (i + 1) * 100)],
                    f"customer 客户{i} has orders {orders}, not exactly its own (half-applied action)")
        missing = sorted(set(acked) - set(present))
        require(not missing, f"acknowledged customers missing after the kill: {missing[:20]}")
        require(present == list(range(len(present))), f"customers present are not 0..n: {present}")
        # What may be there unacknowledged: the one action in flight when the kill came.
        require(len(present) <= len(acked) + 1,
                f"{len(present)} customers but only {len(acked)} acknowledged (+1 in flight)")
        label = "in-flight action landed" if len(present) > len(acked) else "in-flight action rolled back"
        return Outcome(len(acked), label)


# ---------------------------------------------------------------- import

IMPORT_ROWS = 2000
IMPORT_CHILD = textwrap.dedent("""
    import pickle, sys
    from crmdesk.services import importing
    from crmdesk.storage.customer_file import CustomerFile
    import sqlite_utils, pypinyin, pypinyin.seg.mmseg  # imported lazily by the first write: here, so that
    # the kill lands in the writing rather than in an import (they are the same modules either way)

    cf = CustomerFile.open(sys.argv[1])
    with open(sys.argv[2], "rb") as f:
        result = pickle.load(f)  # the preview the parent made of the 2000-row CSV against this file
    print("ready", flush=True)
    done = importing.commit(cf, result, lambda n: print("writing", n, flush=True))
    print("committed", done.created, flush=True)
    cf.close()
    print("closed", flush=True)
""")


class Import(Point):
    """A 2000-row CSV import (one transaction) killed at a random progress report or between them."""

    name = "import"
    child = IMPORT_CHILD
    interrupted = ("rolled back",)

    def prepare(self, workdir: Path) -> None:
        from crmdesk.services import importing
        from crmdesk.storage.customer_file import CustomerFile
        from crmdesk.storage.customers import insert_customer
        from tests import ledger_files
        from tests.factories import make_person

        self.base = workdir / "import-base.crmdesk"
        with CustomerFile.create(self.base) as cf:
            insert_customer(cf, make_person(name="老客户", mobile="13511112222"))
            source = ledger_files.many_customers_csv(workdir / "many.csv", IMPORT_ROWS)
            data = importing.read_sheet(source)
            # The preview (read, map, check every row) writes nothing: it is made once, and the child,
            # given a copy of the very same file, commits it.
            result = importing.preview(cf, data, importing.guess_layout(cf, data), TODAY, source=source.name)
        creates = result.count(importing.RowAction.CREATE)
        assert creates == IMPORT_ROWS, f"the preview creates {creates} customers, not {IMPORT_ROWS}"
        self.preview = workdir / "import-preview.pickle"
        self.preview.write_bytes(pickle.dumps(result))
        self.before = ["老客户"]
        self.after = ["老客户", *(f"客户{i:05d}" for i in range(IMPORT_ROWS))]
        run = _calibrate(self, workdir, Plan(10_000, 0.0))
        require(run.lines[-2:-1] == [f"committed {IMPORT_ROWS}"], f"calibration import: {run.lines}")
        self.lines = len(run.lines) - 1  # "ready" ... "committed"
        self.step = _step_seconds(run, 0, self.lines - 1, self.lines - 1, 0.02)

    def start(self, folder: Path, rng: random.Random) -> list[str]:
        return [str(_copy_main_file(self.base, folder / "shop.crmdesk")), str(self.preview)]

    def plan(self, rng: random.Random) -> Plan:
        # After "ready", one of the progress reports or "committed", then up to a step and a half.
        return Plan(rng.randint(1, self.lines), rng.uniform(0, 1.5 * self.step))

    def check(self, folder: Path, run: ChildRun) -> Outcome:
        path = folder / "shop.crmdesk"
        names = _reopen_twice(path)
        conn = sqlite3.connect(path)
        try:
            operations = conn.execute("SELECT count(*) FROM operations").fetchone()[0]
        finally:
            conn.close()
        acked = any(line.startswith("committed") for line in run.lines)
        if names == self.before:
            require(not acked, f"the import was acknowledged but the file has only {names}")
            require(operations == 0, f"no customer was imported but operations has {operations} rows")
            return Outcome(0, "rolled back")
        require(len(names) == len(self.after),
                f"half an import: {len(names)} customers, not {len(self.before)} or {len(self.after)}")
        require(names == self.after, "the imported customers are not the CSV's")
        require(operations == 1, f"the import landed but operations has {operations} rows")
        return Outcome(IMPORT_ROWS if acked else 0, "committed" if acked else "committed, unacknowledged")


# ---------------------------------------------------------------- migration

MIGRATION_FIXTURES = ("schema_0001_initial", "schema_0005_add_alert_states_and_scores")
MIGRATION_CHILD = textwrap.dedent("""
    import sys
    from crmdesk.storage.customer_file import CustomerFile
    import crmdesk.storage.migrations  # imported lazily by open() once the backup is made: here, so that
    # the delays spread over the backup and the migrations rather than over an import

    print("start", flush=True)
    CustomerFile.open(sys.argv[1]).close()  # backs up to NAME.pre-....crmdesk, then migrates
    print("done", flush=True)
""")


class Migration(Point):
    """Opening an old file (pre-migration backup, then the chain of migrations), killed at a random delay."""

    name = "migration"
    child = MIGRATION_CHILD
    interrupted = ("backed up, not migrated", "partway")

    def prepare(self, workdir: Path) -> None:
        from crmdesk.storage.customer_file import CustomerFile
        from crmdesk.storage.schema import MIGRATION_NAMES

        self.workdir = workdir
        self.fixtures: dict[str, Path] = {}
        self.names: dict[str, list[str]] = {}
        self.applied: dict[str, list[str]] = {}
        self.duration: dict[str, float] = {}
        for fixture in MIGRATION_FIXTURES:
            copy = self.fixtures[fixture] = _copy_main_file(DATA / f"{fixture}.crmdesk",
                                                            workdir / f"{fixture}.crmdesk")
            conn = sqlite3.connect(copy)  # a copy: reading a WAL file may leave -wal/-shm beside it
            try:
                self.names[fixture] = [r[0] for r in conn.execute(
                    "SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY id")]
                self.applied[fixture] = [r[0] for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations ORDER BY rowid")]
            finally:
                conn.close()
            assert not Path(str(copy) + "-wal").exists()
        # The schema each version has: a fixture per released version, a new file for the newest.
        self.schemas = {}
        for name in MIGRATION_NAMES[:-1]:  # read copies: even a read-only look leaves -wal/-shm beside a WAL file
            copy = _copy_main_file(DATA / f"schema_{name}.crmdesk", workdir / f"schema-{name}.crmdesk")
            self.schemas[name] = _schema(copy)
        fresh = workdir / "fresh.crmdesk"
        CustomerFile.create(fresh).close()
        self.schemas[MIGRATION_NAMES[-1]] = _schema(fresh)
        self.all = list(MIGRATION_NAMES)
        for fixture in MIGRATION_FIXTURES:
            self.calibrating = fixture
            run = _calibrate(self, workdir, Plan(10, 0.0))
            require(run.lines == ["start", "done"], f"calibration migration: {run.lines}")
            self.duration[fixture] = run.times[1] - run.times[0]
        self.calibrating = None

    calibrating: str | None = None

    def start(self, folder: Path, rng: random.Random) -> list[str]:
        self.fixture = self.calibrating or rng.choice(MIGRATION_FIXTURES)
        return [str(_copy_main_file(self.fixtures[self.fixture], folder / "shop.crmdesk"))]

    def plan(self, rng: random.Random) -> Plan:
        # From just after "start" to a little after the migration would have finished.
        return Plan(1, rng.uniform(0, 1.2 * self.duration[self.fixture]))

    def check(self, folder: Path, run: ChildRun) -> Outcome:
        from crmdesk.storage.backups import backup_details, backups_of
        from crmdesk.storage.customer_file import inspect_file

        path = folder / "shop.crmdesk"
        fixture = self.fixture
        # As the kill left it: the applied migrations are the fixture's plus whole ones after them,
        # with exactly the schema of that version (a migration is all or nothing).
        conn = sqlite3.connect(path)
        try:
            applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
        finally:
            conn.close()
        require(applied == self.all[:len(applied)] and len(applied) >= len(self.applied[fixture]),
                f"applied migrations after the kill: {applied}")
        schema = _schema(path)
        require(schema == self.schemas[applied[-1]],
                f"the schema is not that of {applied[-1]}: half a migration? "
                f"{sorted(set(schema) ^ set(self.schemas[applied[-1]]))[:3]}")
        if len(applied) == len(self.all):
            label = "migrated"
        elif len(applied) > len(self.applied[fixture]):
            label = "partway"
        elif backups_of(path.stem, [folder]):
            label = "backed up, not migrated"
        else:
            label = "untouched"
        require(run.lines[-1:] != ["done"] or label == "migrated", "'done' printed but the file is not migrated")

        names = _reopen_twice(path)  # completes the migration
        require(names == self.names[fixture],
                f"customers after migrating: {len(names)}, the fixture has {len(self.names[fixture])}")
        require(list(inspect_file(path).applied) == self.all, "not fully migrated after reopening")
        require(_schema(path) == self.schemas[self.all[-1]], "the migrated schema is not a new file's")
        listed = backups_of(path.stem, [folder])
        require(listed, "no pre-migration backup beside the file")
        for backup in listed:
            require(backup.before_migration, f"{backup.path.name} is listed but is no pre-migration backup")
            try:
                details = backup_details(backup.path, full_check=True)
                report = inspect_file(backup.path)
            except Exception as e:
                raise CheckFailed(f"listed backup {backup.path.name} fails its check: {e}") from e
            require(details.customers == len(self.names[fixture]),
                    f"{backup.path.name} has {details.customers} customers, not {len(self.names[fixture])}")
            require(report.pending, f"{backup.path.name} is already migrated")
        _only_expected_files(folder, path, {b.path for b in listed})
        return Outcome(len(names), label)


def _only_expected_files(folder: Path, path: Path, listed: set[Path], extra: set[Path] = frozenset()) -> None:
    """Beside the file: its -wal/-shm/.lock, the listed backups, ``extra``, and leftovers named .tmp."""
    allowed = {path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}.lock"), *listed, *extra}
    for entry in folder.iterdir():
        if entry in allowed or ".tmp" in entry.name:
            continue
        raise CheckFailed(f"unexpected file beside the customer file: {entry.name}")


# ---------------------------------------------------------------- backup

BACKUP_CUSTOMERS = 2000
BACKUP_CHILD = textwrap.dedent("""
    import sys, time
    from datetime import datetime, timedelta
    from pathlib import Path
    from crmdesk.services.backups import back_up
    from crmdesk.storage.customer_file import CustomerFile

    cf = CustomerFile.open(sys.argv[1])
    folder = Path(sys.argv[2])
    first = datetime.fromisoformat(sys.argv[3])
    print("ready", flush=True)
    deadline = time.monotonic() + float(sys.argv[4])
    for i in range(int(sys.argv[5])):
        made = back_up(cf, first + timedelta(seconds=i), to=folder)
        print("ack", made.path, flush=True)
        if time.monotonic() > deadline:
            break
""")


class Backup(Point):
    """"Back up now" to a folder, over and over, on a file of 2000 customers (VACUUM INTO, check, rename)."""

    name = "backup"
    child = BACKUP_CHILD
    interrupted = ("half-written .tmp left",)

    def prepare(self, workdir: Path) -> None:
        from crmdesk.storage.customer_file import CustomerFile
        from crmdesk.storage.customers import insert_customers
        from tests.factories import make_person

        self.base = workdir / "backup-base.crmdesk"
        with CustomerFile.create(self.base) as cf:
            insert_customers(cf, (make_person(name=f"客户{i}", mobile=f"139{i:08d}")
                                  for i in range(BACKUP_CUSTOMERS)))
        run = _calibrate(self, workdir, Plan(7, 0.0))
        self.step = _step_seconds(run, 1, 6, 5, 0.05)

    def start(self, folder: Path, rng: random.Random) -> list[str]:
        path = _copy_main_file(self.base, folder / "shop.crmdesk")
        return [str(path), str(folder / "backups"), BACKUP_TIME.isoformat(), str(CHILD_SECONDS), str(CHILD_STEPS)]

    def plan(self, rng: random.Random) -> Plan:
        return Plan(rng.randint(1, 5), rng.uniform(0, 1.5 * self.step))

    def check(self, folder: Path, run: ChildRun) -> Outcome:
        from crmdesk.services.backups import back_up
        from crmdesk.storage.backups import backup_details, backups_of
        from crmdesk.storage.customer_file import CustomerFile

        path, backups = folder / "shop.crmdesk", folder / "backups"
        names = _reopen_twice(path)
        require(len(names) == BACKUP_CUSTOMERS, f"the source file has {len(names)} customers")
        acked = [Path(a) for a in _acks(run)]
        listed = {b.path for b in backups_of(path.stem, [backups])}
        for made in acked:
            require(made in listed, f"acknowledged backup {made.name} is not listed")
        leftovers = []
        for entry in sorted(backups.iterdir()) if backups.exists() else []:
            if entry in listed:
                try:
                    details = backup_details(entry, full_check=True)
                except Exception as e:
                    raise CheckFailed(f"listed backup {entry.name} fails its check: {e}") from e
                require(details.customers == BACKUP_CUSTOMERS,
                        f"listed backup {entry.name} has {details.customers} customers")
            elif ".tmp" in entry.name:
                leftovers.append(entry.name)
            else:
                raise CheckFailed(f"unexpected file in the backup folder: {entry.name}")
        require(len(listed) <= len(acked) + 1, f"{len(listed)} backups listed, {len(acked)} acknowledged (+1)")
        # The next backup after the crash works, with no manual step, and is listed.
        with CustomerFile.open(path) as cf:
            again = back_up(cf, BACKUP_TIME + timedelta(hours=1), to=backups)
        require(again.path in {b.path for b in backups_of(path.stem, [backups])}, "the next backup is not listed")
        label = "half-written .tmp left" if leftovers else "no leftover"
        return Outcome(len(acked), label)


# ---------------------------------------------------------------- restore

RESTORE_CHILD = textwrap.dedent("""
    import sys, time
    from datetime import datetime, timedelta
    from pathlib import Path
    from crmdesk.services.backups import restore

    target = Path(sys.argv[1])
    backups = [Path(sys.argv[2]), Path(sys.argv[3])]
    first = datetime.fromisoformat(sys.argv[4])
    print("ready", flush=True)
    deadline = time.monotonic() + float(sys.argv[5])
    for i in range(int(sys.argv[6])):
        print("begin", i, flush=True)
        restore(backups[i % 2], target, first + timedelta(seconds=i))  # takes the file's lock itself
        print("ack", i, flush=True)
        if time.monotonic() > deadline:
            break
""")


class Restore(Point):
    """Restoring backup B1 ({A}), then B2 ({A, B}), then B1, ... over the file; killed anywhere."""

    name = "restore"
    child = RESTORE_CHILD
    interrupted = ("during a restore: old", "during a restore: new")

    def prepare(self, workdir: Path) -> None:
        from crmdesk.services.backups import back_up
        from crmdesk.storage.customer_file import CustomerFile
        from crmdesk.storage.customers import insert_customer
        from tests.factories import make_person

        self.base = workdir / "restore-base.crmdesk"
        folder = workdir / "restore-backups"
        with CustomerFile.create(self.base) as cf:
            insert_customer(cf, make_person(name="客户甲", mobile="13511112222"))
            b1 = back_up(cf, BACKUP_TIME - timedelta(days=2), to=folder).path
            insert_customer(cf, make_person(name="客户乙", mobile="13611112222"))
            b2 = back_up(cf, BACKUP_TIME - timedelta(days=1), to=folder).path
            # The file itself: {A, B} as well, but a live file, not byte for byte B2.
        self.backups = [b1, b2]
        self.states = {"file": (self.base.read_bytes(), ["客户甲", "客户乙"]),
                       "B1": (b1.read_bytes(), ["客户甲"]), "B2": (b2.read_bytes(), ["客户甲", "客户乙"])}
        run = _calibrate(self, workdir, Plan(22, 0.0))
        self.step = _step_seconds(run, 1, 21, 10, 0.02)  # a begin/ack pair a step

    def start(self, folder: Path, rng: random.Random) -> list[str]:
        path = _copy_main_file(self.base, folder / "shop.crmdesk")
        (folder / "backups").mkdir()
        copies = [shutil.copyfile(b, folder / "backups" / b.name) for b in self.backups]
        return [str(path), *map(str, copies), BACKUP_TIME.isoformat(), str(CHILD_SECONDS), str(CHILD_STEPS)]

    def plan(self, rng: random.Random) -> Plan:
        # "ready", then begin/ack pairs: kill after up to 15 restores, within the next one or two.
        return Plan(rng.randint(1, 31), rng.uniform(0, 2 * self.step))

    def check(self, folder: Path, run: ChildRun) -> Outcome:
        from crmdesk.services.backups import restore
        from crmdesk.storage.backups import backup_details
        from crmdesk.storage.customer_file import inspect_file
        from crmdesk.storage.file_lock import FileLock

        path = folder / "shop.crmdesk"
        steps = [line.split() for line in run.lines if line.startswith(("begin ", "ack "))]
        acked = [int(i) for word, i in steps if word == "ack"]

        def state(i: int) -> str:
            return "file" if i < 0 else ("B1", "B2")[i % 2]

        if not steps:
            expected, label = {state(-1)}, "before the first restore"
        elif steps[-1][0] == "ack":
            expected, label = {state(int(steps[-1][1]))}, "between restores"
        else:
            i = int(steps[-1][1])
            expected, label = {state(i - 1), state(i)}, "during a restore"
        # As the kill left it: byte for byte the file before or the backup put in its place, never a mix.
        require(not Path(f"{path}-wal").exists(), "a -wal beside the restored file")
        data = path.read_bytes()
        found = [s for s in sorted(expected) if self.states[s][0] == data]
        require(found, f"the file is none of {sorted(expected)} byte for byte")
        if label == "during a restore":
            label += ": new" if found[0] == state(int(steps[-1][1])) else ": old"
        names = _reopen_twice(path)
        require(names == self.states[found[0]][1], f"customers {names}, expected {self.states[found[0]][1]}")

        asides = sorted(folder.glob(f"{path.stem}.before-restore.*{path.suffix}"))
        require(len(asides) >= len(acked), f"{len(asides)} files kept aside for {len(acked)} restores")
        for aside in asides:
            try:
                details = backup_details(aside, full_check=True)
                inspect_file(aside, full_check=True)
            except Exception as e:
                raise CheckFailed(f"the file kept aside as {aside.name} fails its check: {e}") from e
            require(details.customers in (1, 2), f"{aside.name} has {details.customers} customers")
        restoring = {p for p in folder.iterdir() if p.name.startswith(f"{path.name}.restoring")}
        _only_expected_files(folder, path, set(asides), {folder / "backups", *restoring,
                                                         *(Path(f"{a}{s}") for a in asides for s in ("-wal", "-shm"))})
        # The lock died with the child, and the next restore needs no manual step.
        with FileLock(path):
            pass
        restore(folder / "backups" / self.backups[0].name, path, BACKUP_TIME + timedelta(days=1))
        require(_reopen_twice(path) == ["客户甲"], "restoring again after the kill")
        return Outcome(len(acked), label)


POINTS: dict[str, type[Point]] = {p.name: p for p in (Edits, Import, Migration, Backup, Restore)}
