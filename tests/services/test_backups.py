"""crmdesk.services.backups: automatic backups, thinning, the newest good backup, restore under the lock."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from crmdesk.domain.backup_retention import backups_to_delete
from crmdesk.services import backups as service
from crmdesk.storage import customers as store
from crmdesk.storage.backups import backup_name, backups_of
from crmdesk.storage.customer_file import CustomerFile
from crmdesk.storage.file_lock import FileLock, FileLockedError
from tests.factories import make_person

NOW = datetime(2026, 11, 23, 18, 0)


def test_each_file_has_its_own_automatic_folder(tmp_path):
    a, b = tmp_path / "a" / "shop.crmdesk", tmp_path / "b" / "shop.crmdesk"

    assert service.automatic_folder(a) != service.automatic_folder(b)
    assert service.automatic_folder(a).name.startswith("shop-")
    assert service.automatic_folder(a) == service.automatic_folder(tmp_path / "a" / ".." / "a" / "shop.crmdesk")


def test_a_backup_to_a_chosen_folder_is_never_thinned(customer_file, tmp_path):
    stick = tmp_path / "U盘"
    stick.mkdir()
    for day in range(1, 20):
        (stick / backup_name("test", datetime(2026, 10, day, 9))).write_bytes(b"old")

    made = service.back_up(customer_file, NOW, to=stick)

    assert made.path.parent == stick
    assert len(list(stick.iterdir())) == 20
    assert service.backups(customer_file.path) == []  # not a folder crmdesk looks in


def test_an_automatic_backup_thins_its_folder(customer_file):
    folder = service.automatic_folder(customer_file.path)
    first = service.back_up(customer_file, NOW - timedelta(days=400))
    times = [NOW - timedelta(hours=h) for h in range(1, 24 * 60, 7)]  # every 7 hours for 60 days
    for taken in times:
        shutil.copyfile(first.path, folder / backup_name("test", taken))
    expected_doomed = set(backups_to_delete([(t, t) for t in times + [first.taken_at, NOW]], NOW))

    service.back_up(customer_file, NOW)

    left = {b.taken_at for b in backups_of("test", [folder])}
    assert NOW in left
    assert left == set(times + [first.taken_at, NOW]) - expected_doomed
    assert len(left) < len(times) // 3


def test_needs_backup_until_the_newest_backup_has_the_last_change(customer_file):
    assert service.needs_backup(customer_file)  # never backed up

    service.back_up(customer_file, NOW)
    assert not service.needs_backup(customer_file)

    store.insert_customer(customer_file, make_person(name="张三"))
    assert service.needs_backup(customer_file)

    service.back_up(customer_file, NOW + timedelta(minutes=30))
    assert not service.needs_backup(customer_file)


def test_the_newest_good_backup_skips_damaged_ones(customer_file):
    good = service.back_up(customer_file, NOW - timedelta(hours=2))
    newer = service.back_up(customer_file, NOW - timedelta(hours=1))
    newer.path.write_bytes(newer.path.read_bytes()[:4096])
    checked = []

    found = service.newest_good_backup(customer_file.path, progress=checked.append)

    assert found is not None and found.path == good.path
    assert [b.path for b in checked] == [newer.path, good.path]


def test_no_good_backup(tmp_path):
    assert service.newest_good_backup(tmp_path / "none.crmdesk") is None


def _file(path: Path, name: str) -> Path:
    with CustomerFile.create(path) as cf:
        store.insert_customer(cf, make_person(name=name))
    return path


def test_restore_takes_the_lock_and_refuses_a_file_open_elsewhere(tmp_path):
    target = _file(tmp_path / "shop.crmdesk", "张三")
    with CustomerFile.open(target) as cf:
        backup = service.back_up(cf, NOW).path
        store.insert_customer(cf, make_person(name="李四"))
    before = target.read_bytes()

    with FileLock(target), pytest.raises(FileLockedError):
        service.restore(backup, target, NOW)
    assert target.read_bytes() == before

    aside = service.restore(backup, target, NOW)

    assert aside.read_bytes() == before
    with CustomerFile.open(target) as cf:
        assert [r[0] for r in cf.execute("SELECT name FROM customers")] == ["张三"]
    assert not Path(str(target) + ".lock").exists()  # released


def test_restore_with_the_lock_the_window_holds(tmp_path):
    target = _file(tmp_path / "shop.crmdesk", "张三")
    with CustomerFile.open(target) as cf:
        backup = service.back_up(cf, NOW).path
    lock = FileLock(target)

    with pytest.raises(ValueError):
        service.restore(backup, target, NOW, lock=lock)  # not held: refused
    with lock:
        aside = service.restore(backup, target, NOW, lock=lock)
        assert lock.held
    assert aside.exists()
