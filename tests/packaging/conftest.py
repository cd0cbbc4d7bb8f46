"""One PyInstaller build (and one .deb made from it) per test session, shared by the packaging tests."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder bundle, built from this checkout by packaging/posapp.spec."""
    from build_bundle import build_bundle

    out = tmp_path_factory.mktemp("pyinstaller")
    started = time.perf_counter()
    folder = build_bundle(out / "dist", out / "build")
    print(f"bundle built in {time.perf_counter() - started:.0f} s")
    return folder


@pytest.fixture(scope="session")
def deb_tools() -> None:
    if not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed (Debian and Ubuntu have it; .ci/run runs there)")


@pytest.fixture(scope="session")
def deb(bundle: Path, deb_tools: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """posapp's .deb, made from the session's bundle by packaging/build_deb.py."""
    from build_deb import build_deb

    started = time.perf_counter()
    package = build_deb(bundle, tmp_path_factory.mktemp("deb"))
    print(f".deb built in {time.perf_counter() - started:.0f} s")
    return package
