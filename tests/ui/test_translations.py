"""The Chinese translation is complete and current (Qt Linguist files in resources/i18n)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from crmdesk.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
TS = resource_path("i18n/crmdesk_zh_CN.ts")
QM = resource_path("i18n/crmdesk_zh_CN.qm")


def _lupdate() -> str:
    found = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    return found


def _problems(ts: Path) -> list[str]:
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            # Plural messages carry their text in <numerusform> children.
            text = "".join(translation.itertext()) if translation is not None else ""
            if kind in ("unfinished", "obsolete", "vanished", "missing") or not text.strip():
                problems.append(f"{name}: {message.findtext('source')!r} ({kind or 'empty'})")
    return problems


def test_committed_translation_has_no_unfinished_or_obsolete_entries():
    assert _problems(TS) == []


def test_every_string_in_the_code_is_translated(tmp_path):
    """lupdate over today's code, merged into a copy of the .ts, adds nothing untranslated."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "crmdesk" / "ui").rglob("*.py")) + [str(ROOT / "crmdesk" / "app.py")]
    subprocess.run([_lupdate(), *sources, "-ts", str(fresh), "-locations", "none"],
                   check=True, capture_output=True)
    assert _problems(fresh) == []


def test_compiled_qm_matches_and_loads(qapp):
    assert QM.exists() and QM.stat().st_size > 0
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("texts", "Personal") == "个人"
    assert translator.translate("CustomerTableModel", "Name") == "客户名称"


def test_qt_own_chinese_translations_ship_with_pyside(qapp):
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert translator.load("qtbase_zh_CN", folder)
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        QCoreApplication.removeTranslator(translator)
