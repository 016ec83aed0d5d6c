"""Warning about customer files on network shares and in cloud-sync folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from crmdesk.storage import file_location
from crmdesk.storage.file_location import NETWORK_FS_TYPES, LocationRisk, Risk, location_risk

# /proc/self/mountinfo of a desktop with a NAS share, an sshfs mount whose name has a
# space (escaped \040), a local disk mounted inside the share, and a mount hidden by a later one.
MOUNTINFO = r"""22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro
23 22 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
24 22 0:5 / /dev rw,nosuid,relatime shared:2 - devtmpfs udev rw,size=8031420k,nr_inodes=2007855,mode=755
30 22 259:3 / /home rw,relatime shared:30 - ext4 /dev/nvme0n1p3 rw
31 22 0:27 / /tmp rw,nosuid,nodev shared:31 - tmpfs tmpfs rw
41 22 0:45 / /mnt/share rw,relatime shared:41 - cifs //nas/share rw,vers=3.1.1,cache=strict,uid=1000
42 41 8:17 / /mnt/share/scratch rw,relatime shared:42 - ext4 /dev/sdb1 rw
43 30 0:50 / /home/ann/Team\040Files rw,nosuid,nodev,relatime shared:43 - fuse.sshfs ann@server:/srv/team rw
44 22 0:51 / /srv/orders rw,relatime - nfs4 files.example.com:/export/orders rw,vers=4.2,addr=10.0.0.5
45 22 8:33 / /media/usb rw,relatime shared:45 - nfs nas:/usb rw
46 45 8:34 / /media/usb rw,relatime shared:46 - vfat /dev/sdc1 rw,fmask=0022
"""


def risk(path: str, **kwargs) -> Risk | None:
    kwargs.setdefault("mounts", MOUNTINFO)
    kwargs.setdefault("environ", {})
    return location_risk(Path(path), **kwargs)


@pytest.mark.parametrize("path", [
    "/home/ann/Documents/shop.crmdesk",
    "/tmp/shop.crmdesk",
    "/mnt/share/scratch/shop.crmdesk",  # a local disk mounted inside the share
    "/mnt/shared/shop.crmdesk",  # /mnt/share is not a prefix of it
    "/home/ann/Team Files2/shop.crmdesk",
    "/media/usb/shop.crmdesk",  # the vfat mount hides the nfs one beneath
])
def test_local_paths_carry_no_risk(path):
    assert risk(path) is None


@pytest.mark.parametrize(("path", "fstype"), [
    ("/mnt/share/shop.crmdesk", "cifs"),
    ("/mnt/share/2026/客户/shop.crmdesk", "cifs"),
    ("/home/ann/Team Files/shop.crmdesk", "fuse.sshfs"),
    ("/srv/orders/shop.crmdesk", "nfs4"),
])
def test_a_file_on_a_network_mount_is_named_with_its_file_system(path, fstype):
    assert risk(path) == Risk(LocationRisk.NETWORK, fstype)


def test_the_network_file_system_list_holds_the_usual_suspects():
    assert {"nfs", "nfs4", "cifs", "smb3", "fuse.sshfs", "9p"} <= NETWORK_FS_TYPES
    assert not {"ext4", "btrfs", "xfs", "tmpfs", "vfat", "ntfs", "fuseblk", "overlay"} & NETWORK_FS_TYPES


@pytest.mark.parametrize("mounts", ["", "garbage\n\n1 2 3\n", "36 35 98:0 / /mnt rw - \n"])
def test_missing_or_odd_mountinfo_is_no_risk(mounts):
    assert risk("/mnt/share/shop.crmdesk", mounts=mounts) is None


def test_mountinfo_is_read_when_not_given_and_may_be_missing(tmp_path, monkeypatch):
    found = risk(str(tmp_path / "new.crmdesk"), mounts=None)  # whatever this machine's temp folder is on
    assert found is None or found.kind is LocationRisk.NETWORK
    monkeypatch.setattr(file_location, "_MOUNTINFO", tmp_path / "no-proc" / "mountinfo")
    assert risk(str(tmp_path / "new.crmdesk"), mounts=None) is None


@pytest.mark.parametrize(("path", "service"), [
    ("/home/ann/OneDrive/shop.crmdesk", "OneDrive"),
    ("/home/ann/onedrive/客户/shop.crmdesk", "OneDrive"),
    ("/home/ann/OneDrive - Contoso Ltd/Sales/shop.crmdesk", "OneDrive"),
    ("/Users/ann/Library/CloudStorage/OneDrive-Personal/shop.crmdesk", "OneDrive"),
    ("/home/ann/Dropbox/shop.crmdesk", "Dropbox"),
    ("/home/ann/Dropbox (Acme)/shop.crmdesk", "Dropbox"),
    ("/Users/ann/Google Drive/My Drive/shop.crmdesk", "Google Drive"),
    ("/Users/ann/Library/CloudStorage/GoogleDrive-ann@example.com/My Drive/shop.crmdesk", "Google Drive"),
    ("/Users/ann/Library/Mobile Documents/com~apple~CloudDocs/shop.crmdesk", "iCloud"),
    ("/Users/ann/Library/CloudStorage/Box-Box/shop.crmdesk", "Box"),
    ("/home/ann/Box Sync/shop.crmdesk", "Box"),
    ("/home/ann/pCloud Drive/shop.crmdesk", "pCloud"),
    ("/home/ann/百度网盘/shop.crmdesk", "百度网盘"),
    ("/home/ann/BaiduSyncdisk/shop.crmdesk", "百度网盘"),
    ("/home/ann/百度云同步盘/客户/shop.crmdesk", "百度网盘"),
    ("/home/ann/我的坚果云/shop.crmdesk", "坚果云"),
    ("/home/ann/Nutstore/shop.crmdesk", "坚果云"),
    ("/home/ann/腾讯微云/shop.crmdesk", "腾讯微云"),
    ("/home/ann/阿里云盘/shop.crmdesk", "阿里云盘"),
    ("/home/ann/aDrive/shop.crmdesk", "阿里云盘"),
])
def test_a_file_in_a_sync_folder_names_the_service(path, service):
    assert risk(path) == Risk(LocationRisk.CLOUD_SYNC, service)


@pytest.mark.parametrize("path", [
    "/home/ann/Documents/Dropbox notes/shop.crmdesk",
    "/home/ann/boxes/shop.crmdesk",
    "/home/ann/Dropbox.crmdesk",  # the file's own name is not a folder
])
def test_names_that_only_look_like_sync_folders_are_not(path):
    assert risk(path) is None


def test_a_path_under_the_onedrive_variable_is_onedrive_whatever_the_folder_is_called():
    environ = {"OneDriveCommercial": r"C:\Users\Ann\Contoso Files", "OneDrive": ""}
    found = risk(r"c:\users\ann\contoso files\Sales\shop.crmdesk", platform="win32", environ=environ)
    assert found == Risk(LocationRisk.CLOUD_SYNC, "OneDrive")
    assert risk(r"C:\Users\Ann\Documents\shop.crmdesk", platform="win32", environ=environ) is None
    assert risk("/home/ann/Work/shop.crmdesk", environ={"OneDrive": "/home/ann/Work"}) == Risk(
        LocationRisk.CLOUD_SYNC, "OneDrive")


@pytest.mark.parametrize(("path", "share"), [
    (r"\\nas\docs\客户\shop.crmdesk", r"\\nas\docs"),
    ("//nas/docs/shop.crmdesk", r"\\nas\docs"),
    (r"\\?\UNC\nas\docs\shop.crmdesk", r"\\nas\docs"),
])
def test_a_windows_unc_path_is_a_network_share(path, share):
    assert risk(path, platform="win32") == Risk(LocationRisk.NETWORK, share)


@pytest.mark.parametrize("path", [r"C:\Users\Ann\Documents\shop.crmdesk", r"\\?\D:\data\shop.crmdesk"])
def test_a_windows_local_drive_is_no_risk(path):
    assert risk(path, platform="win32") is None


def test_a_windows_sync_folder_is_found_by_name():
    found = risk(r"C:\Users\Ann\OneDrive - Contoso\shop.crmdesk", platform="win32")
    assert found == Risk(LocationRisk.CLOUD_SYNC, "OneDrive")


def test_a_network_share_wins_over_a_sync_folder():
    assert risk("/mnt/share/Dropbox/shop.crmdesk") == Risk(LocationRisk.NETWORK, "cifs")
    assert risk(r"\\nas\docs\OneDrive\shop.crmdesk", platform="win32") == Risk(LocationRisk.NETWORK, r"\\nas\docs")


def test_a_file_not_yet_created_in_a_folder_not_yet_created_is_judged_by_its_path(tmp_path):
    path = tmp_path / "Dropbox" / "new folder" / "new.crmdesk"
    assert not path.parent.exists()
    assert risk(str(path), mounts="") == Risk(LocationRisk.CLOUD_SYNC, "Dropbox")


def test_a_symlink_into_a_sync_folder_is_followed(tmp_path):
    (tmp_path / "Dropbox").mkdir()
    (tmp_path / "shortcut").symlink_to(tmp_path / "Dropbox")
    assert risk(str(tmp_path / "shortcut" / "shop.crmdesk"), mounts="") == Risk(LocationRisk.CLOUD_SYNC, "Dropbox")
