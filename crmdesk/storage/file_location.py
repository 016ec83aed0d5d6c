"""Where a customer file should not live: network shares and cloud-sync folders.

SQLite relies on locks and fsync that network file systems often fake, and sync
tools (OneDrive, Dropbox, 百度网盘, 坚果云 ...) upload the database mid-transaction
and separate it from its ``-wal`` file; both corrupt files.  Opening still
works; this only names the risk so the window can warn before damage is done.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

__all__ = ["NETWORK_FS_TYPES", "LocationRisk", "Risk", "location_risk"]


class LocationRisk(StrEnum):
    NETWORK = "network"  # SMB/NFS/sshfs mount, UNC path, mapped network drive
    CLOUD_SYNC = "cloud_sync"  # OneDrive, Dropbox, 百度网盘, 坚果云 ...


@dataclass(frozen=True)
class Risk:
    kind: LocationRisk
    # The file system type ("cifs"), the Windows share or drive ("\\\\nas\\docs", "Z:"),
    # or the sync service's name ("OneDrive", "坚果云").
    detail: str


# Linux file system types (mountinfo) that live on another machine.
NETWORK_FS_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p",
    "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "fuse.rclone",
    "ceph", "glusterfs", "fuse.glusterfs", "lustre", "gpfs", "fuse.s3fs",
})

# Sync folder names (lowercase) and the service's name for the warning.
_SYNC_FOLDERS = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "icloud drive": "iCloud",
    "iclouddrive": "iCloud",
    "mobile documents": "iCloud",  # macOS keeps iCloud Drive in ~/Library/Mobile Documents
    "box": "Box",
    "box sync": "Box",
    "pcloud drive": "pCloud",
    "pclouddrive": "pCloud",
    "baidunetdisk": "百度网盘",
    "baidusyncdisk": "百度网盘",
    "百度网盘": "百度网盘",
    "百度云同步盘": "百度网盘",
    "nutstore": "坚果云",
    "我的坚果云": "坚果云",
    "坚果云": "坚果云",
    "wedrive": "企业微信微盘",
    "腾讯微云": "腾讯微云",
    "weiyun": "腾讯微云",
    "阿里云盘": "阿里云盘",
    "adrive": "阿里云盘",
}
# Folders that carry the account after the name: "OneDrive - Contoso" (Windows),
# "OneDrive-Personal", "GoogleDrive-ann@example.com" (macOS), "Dropbox (Acme)".
# Not "box": too common a word to accept "box-anything".
_ACCOUNT_SUFFIX = re.compile(r"(onedrive|dropbox|google ?drive)\s*[-(].*", re.IGNORECASE)
# macOS puts every File Provider sync root (OneDrive, Dropbox, Box ...) in ~/Library/CloudStorage.
_MAC_CLOUD_STORAGE = ("library", "cloudstorage")
# Windows sets these to the OneDrive folders, whatever they are called.
_ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveConsumer", "OneDriveCommercial")

_MOUNTINFO = Path("/proc/self/mountinfo")
_DRIVE_REMOTE = 4  # GetDriveTypeW
_OCTAL_ESCAPE = re.compile(r"\\([0-7]{3})")


def location_risk(path: Path, *, mounts: str | None = None, environ: Mapping[str, str] | None = None,
                  platform: str | None = None) -> Risk | None:
    """The risk of keeping a customer file at ``path`` (which need not exist yet), or None.

    ``mounts`` (the text of /proc/self/mountinfo), ``environ`` and ``platform``
    default to this machine's; tests pass their own.  A network share wins over
    a sync folder: it is the worse of the two.
    """
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    windows = platform == "win32"
    full = _full_path(path, windows)
    if windows:
        network = _windows_network(PureWindowsPath(full))
    else:
        network = _mount_network(full, _read_mounts() if mounts is None else mounts)
    return network or _cloud_sync(full, environ, windows)


def _full_path(path: Path, windows: bool) -> PurePath:
    if windows != (os.name == "nt"):  # another platform's path (tests): parse, do not touch the disk
        return PureWindowsPath(os.fspath(path)) if windows else PurePosixPath(os.fspath(path))
    try:
        return Path(path).resolve()  # resolves what exists; the file itself may not yet
    except (OSError, RuntimeError):  # unreadable folder, symlink loop
        return Path(os.path.abspath(path))


def _windows_network(full: PureWindowsPath) -> Risk | None:
    drive = full.drive.replace("/", "\\")
    if drive.upper().startswith("\\\\?\\UNC\\"):
        return Risk(LocationRisk.NETWORK, "\\\\" + drive[8:])
    if drive.startswith(("\\\\?\\", "\\\\.\\")):  # extended-length local path: \\?\C:\...
        drive = drive[4:]
    elif drive.startswith("\\\\"):
        return Risk(LocationRisk.NETWORK, drive)
    if len(drive) == 2 and drive[1] == ":" and _is_remote_drive(drive):
        return Risk(LocationRisk.NETWORK, drive.upper())
    return None


def _is_remote_drive(drive: str) -> bool:
    if os.name != "nt":
        return False
    try:
        import ctypes

        return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == _DRIVE_REMOTE  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return False


def _read_mounts() -> str:
    try:
        return os.fsdecode(_MOUNTINFO.read_bytes())
    except OSError:  # not Linux, or /proc not mounted (some containers)
        return ""


def _mount_network(full: PurePath, mounts: str) -> Risk | None:
    """The file system of the mount holding ``full``: the longest mount point that prefixes it."""
    best: tuple[int, str] | None = None
    for line in mounts.splitlines():
        left, separator, right = line.partition(" - ")
        fields, after = left.split(), right.split()
        if not separator or len(fields) < 5 or not after:
            continue
        point = PurePosixPath(_OCTAL_ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), fields[4]))
        depth = len(point.parts)
        # ">=": a later mount on the same point hides the earlier one
        if full.parts[:depth] == point.parts and (best is None or depth >= best[0]):
            best = (depth, after[0])
    if best is not None and best[1] in NETWORK_FS_TYPES:
        return Risk(LocationRisk.NETWORK, best[1])
    return None


def _cloud_sync(full: PurePath, environ: Mapping[str, str], windows: bool) -> Risk | None:
    flavour = PureWindowsPath if windows else PurePosixPath
    for variable in _ONEDRIVE_VARIABLES:
        folder = environ.get(variable, "")
        if folder and flavour(folder).is_absolute() and full.is_relative_to(flavour(folder)):
            return Risk(LocationRisk.CLOUD_SYNC, "OneDrive")
    folders = full.parent.parts[1 if full.anchor else 0:]  # not the drive or root, nor the file itself
    for i, folder in enumerate(folders):
        service = _sync_service(folder)
        if service is None and i >= 2 and tuple(f.lower() for f in folders[i - 2:i]) == _MAC_CLOUD_STORAGE:
            # a provider not listed: "Acme-ann@example.com" -> "Acme"
            service = folder.split("-")[0] or folder
        if service is not None:
            return Risk(LocationRisk.CLOUD_SYNC, service)
    return None


def _sync_service(folder: str) -> str | None:
    folder = folder.lower()
    if folder in _SYNC_FOLDERS:
        return _SYNC_FOLDERS[folder]
    if (match := _ACCOUNT_SUFFIX.fullmatch(folder)) is not None:
        return _SYNC_FOLDERS[match.group(1)]
    return None
