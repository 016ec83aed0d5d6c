"""The command line speaks the language of LANG: fixtures that set it."""

from __future__ import annotations

import pytest


def _use(monkeypatch, lang: str) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", lang)


@pytest.fixture
def english(monkeypatch):
    _use(monkeypatch, "en_US.UTF-8")


@pytest.fixture
def chinese(monkeypatch):
    _use(monkeypatch, "zh_CN.UTF-8")
