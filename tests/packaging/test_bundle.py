"""The PyInstaller one-folder bundle builds, stays small and passes its own self-test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_BUNDLE_BYTES = 120 * 1000 * 1000


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.mark.slow
def test_bundle_builds_and_passes_self_test(tmp_path: Path) -> None:
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    build = subprocess.run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(ROOT / "packaging" / "posapp.spec"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    bundle = tmp_path / "dist" / "posapp"
    size = folder_size(bundle)
    print(f"bundle size: {size / 1e6:.1f} MB")
    assert size < MAX_BUNDLE_BYTES, f"bundle is {size / 1e6:.1f} MB"

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "POSAPP_HOME": str(tmp_path / "home")}
    version = subprocess.run([str(bundle / "posapp"), "--version"], capture_output=True, text=True, env=env)
    assert version.returncode == 0
    assert version.stdout.startswith("posapp ")
    result = subprocess.run(
        [str(bundle / "posapp"), "--self-test"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert "self-test ok" in result.stdout
    # The emulators run from the bundle too (uvicorn and starlette load their parts dynamically).
    sandbox = subprocess.Popen(
        [str(bundle / "posapp"), "sandbox", "--port", "0"], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert sandbox.stdout is not None
        listening = sandbox.stdout.readline().strip()
        assert listening.startswith("sandbox listening on http://127.0.0.1:"), listening
        mycoolpay = sandbox.stdout.readline().split()
        assert mycoolpay[0] == "mycoolpay"
        base = mycoolpay[1].removeprefix("base=")
        answer = httpx.get(base + "/_sandbox/state", timeout=10)
        assert answer.status_code == 200
    finally:
        sandbox.terminate()
        assert sandbox.wait(timeout=20) == 0
    # Every screen, in both languages, over the real training flows: the tour from the bundle.
    tour = subprocess.run(
        [str(bundle / "posapp"), "tour", str(tmp_path / "tour")], capture_output=True, text=True, env=env, timeout=300
    )
    assert tour.returncode == 0, tour.stderr[-4000:]
    pictures = sorted(p.name for p in (tmp_path / "tour").glob("*.png"))
    assert "fr_qr_success.png" in pictures
    assert "en_settings.png" in pictures
    assert len(pictures) >= 60
    # The excluded Qt modules really are out of the bundle.
    internal = bundle / "_internal" / "PySide6"
    assert not list(internal.glob("QtQml*")), "QtQml was bundled"
    assert not list(internal.glob("QtQuick*")), "QtQuick was bundled"
    assert not list(internal.rglob("libQt6Quick*")), "Qt Quick libraries were bundled"
