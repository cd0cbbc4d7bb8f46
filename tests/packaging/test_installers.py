"""The Windows and macOS installer scripts the release workflow calls, checked where this machine can.

The release workflow (.github/workflows/release.yml) runs on Windows and macOS runners; here the NSIS
script compiles with Debian's makensis into a real installer of a stand-in bundle, and the shell
script and the workflow are at least well-formed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS (makensis) is not installed")
def test_nsis_script_compiles_an_installer(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from icons import build_icons

    bundle = tmp_path / "posapp"
    (bundle / "_internal" / "PySide6").mkdir(parents=True)
    (bundle / "posapp.exe").write_bytes(b"MZ stand-in of the PyInstaller bootloader")
    (bundle / "_internal" / "PySide6" / "Qt6Core.dll").write_bytes(b"stand-in")
    icon = build_icons(tmp_path / "icons")["ico"]
    setup = tmp_path / "posapp-setup.exe"
    result = subprocess.run(
        [
            "makensis",
            "-V2",
            "-DVERSION=0.1.0",
            f"-DBUNDLE={bundle}",
            f"-DICON={icon}",
            f"-DOUTFILE={setup}",
            str(ROOT / "packaging" / "windows" / "posapp.nsi"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert setup.read_bytes()[:2] == b"MZ"
    assert b"Qt6Core.dll" in setup.read_bytes() or setup.stat().st_size > 30_000


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS (makensis) is not installed")
def test_nsis_script_refuses_to_build_without_a_version(tmp_path: Path) -> None:
    result = subprocess.run(
        ["makensis", "-V1", f"-DBUNDLE={tmp_path}", str(ROOT / "packaging" / "windows" / "posapp.nsi")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "pass /DVERSION" in result.stdout + result.stderr


def test_dmg_script_is_valid_bash() -> None:
    script = ROOT / "packaging" / "macos" / "build_dmg.sh"
    assert subprocess.run(["bash", "-n", str(script)], capture_output=True).returncode == 0


def test_dmg_script_stops_without_the_app(tmp_path: Path) -> None:
    copy = tmp_path / "packaging" / "macos" / "build_dmg.sh"
    copy.parent.mkdir(parents=True)
    shutil.copy(ROOT / "packaging" / "macos" / "build_dmg.sh", copy)
    result = subprocess.run(["bash", str(copy), "0.1.0"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert "dist/posapp.app is missing" in result.stderr


def test_release_workflow_calls_scripts_that_exist() -> None:
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8").replace("\\", "/")
    for script in ("packaging/build_bundle.py", "packaging/windows/posapp.nsi", "packaging/macos/build_dmg.sh"):
        assert script in workflow
        assert (ROOT / script).is_file(), script
    assert "--require-hashes -r packaging/requirements-dev.lock" in workflow
