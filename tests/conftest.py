"""Shared fixtures: every test runs with POSAPP_HOME in a temp dir and offscreen Qt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def posapp_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point config and data at a fresh temp dir so no test touches the real user's dirs."""
    home = tmp_path / "posapp-home"
    home.mkdir()
    monkeypatch.setenv("POSAPP_HOME", str(home))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    return home
