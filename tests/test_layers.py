"""The layer contract (architecture.md §1), checked on every test run.

Each layer imports only the layers below it; only crmdesk.ui and crmdesk.app
may import PySide6 or matplotlib.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "crmdesk"

# What each part of crmdesk may import from crmdesk itself.
ALLOWED = {
    "domain": {"domain"},
    "storage": {"domain", "storage", "durable"},
    # foreign file formats (xlsx, csv, vCard): bytes in and out, no database
    "formats": {"domain", "formats", "durable"},
    "services": {"domain", "storage", "services", "demo_data", "formats", "paths"},
    "cli": {"domain", "storage", "services", "cli", "formats", "paths"},
    "demo_data": {"domain", "demo_data"},
    "paths": set(),
    "durable": set(),
    "resources": set(),
    "ui": {"domain", "storage", "services", "ui", "paths", "resources", "demo_data", "formats"},
    # app also draws the command line's rendering verbs (`report`), so it may use cli's helpers
    "app": {"domain", "storage", "services", "ui", "paths", "resources", "cli"},
    "__main__": {"cli", "app"},
    "__init__": set(),
}
GUI_LIBRARIES = {"PySide6", "matplotlib", "shiboken6"}
GUI_LAYERS = {"ui", "app"}


def _part(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}: use absolute imports")
    return names


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_imports_only_layers_below_it(path):
    part = _part(path)
    assert part in ALLOWED, f"{part} is not placed in a layer: add it to ALLOWED"
    for name in _imports(path):
        top, _, rest = name.partition(".")
        if top == "crmdesk" and rest:
            target = rest.split(".")[0]
            assert target in ALLOWED[part], f"{path.name}: {part} must not import crmdesk.{target}"
        if top in GUI_LIBRARIES:
            assert part in GUI_LAYERS, f"{path.name}: {part} must not import {top}"


def test_the_check_sees_the_whole_package():
    parts = {_part(p) for p in MODULES}
    assert {"domain", "storage", "services", "cli"} <= parts
