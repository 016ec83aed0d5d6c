"""pyproject.toml lists packages by hand (resources/ is mapped in): none may be forgotten."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_shipped():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "crmdesk").rglob("__init__.py")
    }
    assert found - listed == set()
    assert "crmdesk._resources" in listed
