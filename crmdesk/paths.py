"""Where crmdesk keeps its data: the per-user local data folder, or $CRMDESK_HOME.

Local, not roaming, and not Documents (which sync tools may move onto a share).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def data_dir() -> Path:
    override = os.environ.get("CRMDESK_HOME")
    base = Path(override) if override else Path(platformdirs.user_data_dir("crmdesk", appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def demo_file() -> Path:
    return data_dir() / "demo.crmdesk"
