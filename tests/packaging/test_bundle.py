"""The PyInstaller one-folder bundle builds, stays small, imports what the app uses and runs its flows."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from posapp import __version__

ROOT = Path(__file__).resolve().parents[2]
# The goal is 90 MB (the bundle benchmark's target), and it measures 89.9 MB: bytecode without docstrings,
# base_library.zip deflated, ICU, libphonenumber, Pillow, XML, Babel and metadata parts nothing runs left out
# (packaging/posapp.spec). cryptography's 11.6 MB stays, as SecretStorage encrypts the secrets it hands the
# key store with it. The guard stands 1 MB above the goal, so that a build on another machine (its system
# libraries) does not fail on a few kB while any real growth is noticed; the bundle benchmark prints the size
# against the goal and lists the ten biggest files.
MAX_BUNDLE_BYTES = 91 * 1000 * 1000
# Imported only on another operating system (posapp's code checks sys.platform first).
OTHER_PLATFORMS = {"winreg", "msvcrt", "_winapi", "winsound", "AppKit", "Foundation", "objc", "ctypes.wintypes"}
# Loaded by name at run time rather than imported by posapp's code.
LOADED_BY_NAME = (
    "keyring.backends.SecretService",  # keyring's Linux backend (an entry point), with what it needs
    "secretstorage",
    "cryptography.hazmat.bindings._rust",
    "uvicorn.loops.asyncio",  # uvicorn picks its loop, protocols and lifespan by name
    "uvicorn.protocols.http.h11_impl",
    "uvicorn.lifespan.on",
    "encodings.idna",  # httpx/idna and the ssl module decode host names with it
    "PySide6.QtPrintSupport",
)

pytestmark = pytest.mark.slow


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def modules_posapp_imports() -> list[str]:
    """Every module posapp's code imports (at the top or inside a function), and posapp's own modules."""
    names: set[str] = set()
    for path in (ROOT / "posapp").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        if module != "posapp.__main__":  # running it starts the console
            names.add(module)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
    return sorted(n for n in names if n != "__future__" and n.split(".")[0] not in OTHER_PLATFORMS)


def run(bundle: Path, *args: str, home: Path, timeout: float = 120, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "POSAPP_HOME": str(home), **env}
    return subprocess.run([str(bundle / "posapp"), *args], capture_output=True, text=True, env=environ, timeout=timeout)


def test_bundle_is_small(bundle: Path) -> None:
    size = folder_size(bundle)
    print(f"bundle size: {size / 1e6:.1f} MB")
    assert size <= MAX_BUNDLE_BYTES, f"bundle is {size / 1e6:.1f} MB"


def test_bundle_imports_everything_the_app_uses(bundle: Path, tmp_path: Path) -> None:
    """Guards every exclusion of posapp.spec: each module posapp imports loads inside the bundle."""
    names = [*modules_posapp_imports(), *LOADED_BY_NAME]
    result = run(bundle, home=tmp_path, POSAPP_BUNDLE_IMPORTS="\n".join(names))
    missing = [line for line in result.stdout.splitlines() if line.startswith("missing ")]
    assert not missing, "\n".join(missing)
    assert result.returncode == 0, result.stderr[-3000:]
    assert sum(line.startswith("ok ") for line in result.stdout.splitlines()) == len(names)
    if sys.platform.startswith("linux"):
        # psycopg's C build and its own libpq stay out: the pure-Python one runs on the system's libpq5.
        assert "psycopg implementation python" in result.stdout


def test_bundle_does_what_the_app_does_with_what_was_kept(bundle: Path, tmp_path: Path) -> None:
    """Guards the exclusions and the relinking from the side of use (packaging/bundle_check.py): a receipt
    with its QR code printed over TCP, Pillow's core with its relinked libtiff, keyring's Secret Service
    backend and its encrypted session, Cameroonian and foreign phone numbers, the SVG icon and the PNG and ICO
    plugins, the French catalogues, the xcb platform plugin with what it needs."""
    result = run(bundle, home=tmp_path, POSAPP_BUNDLE_CHECK="1")
    print(result.stdout)
    failed = [line for line in result.stdout.splitlines() if line.startswith("failed ")]
    assert not failed, "\n".join(failed) + result.stderr[-3000:]
    passed = {line.split(":")[0].removeprefix("ok ") for line in result.stdout.splitlines() if line.startswith("ok ")}
    assert passed == {"printing", "pillow", "keyring", "phone", "images", "translations", "xcb"}, result.stdout
    assert result.returncode == 0, result.stderr[-3000:]


def test_bundle_reports_its_version_revision_and_dependencies(bundle: Path, tmp_path: Path) -> None:
    result = run(bundle, "--version", home=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    info = json.loads((bundle / "_internal" / "posapp" / "build-info.json").read_text())
    assert lines[0] == f"posapp {__version__} (revision {info['revision'] or 'unknown'}, built {info['built']})"
    if (ROOT / ".git").exists():
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True
        )
        # The build's commit, or an older one when someone committed during the build.
        revision = info["revision"].removesuffix("-dirty")
        ancestor = subprocess.run(["git", "-C", str(ROOT), "merge-base", "--is-ancestor", revision, "HEAD"])
        assert revision == head.stdout.strip() or ancestor.returncode == 0, (revision, head.stdout)
    # The dependencies' metadata travelled with them (the About box reads the same).
    assert not [line for line in lines if line.endswith("not installed")], result.stdout
    assert any(line.startswith("  PySide6-Essentials 6.") for line in lines)


def test_bundle_passes_its_self_test_and_serves_the_emulators(bundle: Path, tmp_path: Path) -> None:
    result = run(bundle, "--self-test", home=tmp_path)
    assert result.returncode == 0, result.stderr[-4000:]
    assert "self-test ok" in result.stdout
    # The emulators run from the bundle too (uvicorn and starlette load their parts dynamically).
    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "POSAPP_HOME": str(tmp_path)}
    sandbox = subprocess.Popen(
        [str(bundle / "posapp"), "sandbox", "--port", "0"], stdout=subprocess.PIPE, text=True, env=environ
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


def test_bundle_renders_every_screen(bundle: Path, tmp_path: Path) -> None:
    """Every screen, in both languages, over the real training flows: the tour from the bundle."""
    tour = run(bundle, "tour", str(tmp_path / "tour"), home=tmp_path, timeout=300)
    assert tour.returncode == 0, tour.stderr[-4000:]
    pictures = sorted(p.name for p in (tmp_path / "tour").glob("*.png"))
    assert "fr_qr_success.png" in pictures
    assert "en_settings.png" in pictures
    assert len(pictures) >= 60


def test_bundle_leaves_out_what_posapp_does_not_use(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert not list((internal / "PySide6").glob("QtQml*")), "QtQml was bundled"
    assert not list((internal / "PySide6").glob("QtQuick*")), "QtQuick was bundled"
    assert not list(internal.rglob("libQt6Quick*")), "Qt Quick libraries were bundled"
    assert not list(internal.glob("psycopg_binary*")), "psycopg's C build and its libpq were bundled"
    from posapp.platform_check import PACKAGES

    system = sorted(str(p.relative_to(internal)) for p in internal.rglob("*") if p.name in PACKAGES)
    assert not system, f"the build machine's system libraries were bundled: {system}"
    assert not list(internal.rglob("*.ts")), "translation sources were bundled"
    assert not list(internal.rglob("RECORD")), "pip's file lists were bundled"
    dangling = [str(p.relative_to(internal)) for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling, f"links to files that were left out: {dangling}"
    assert not list(internal.rglob("qt_help_*.qm")), "Qt Help's translations were bundled (Qt Help is not)"
    if sys.platform.startswith("linux"):
        # Pillow's copies of libraries the process loads anyway under their real names (packaging/relink.py).
        grafted = sorted(p.name for p in (internal / "pillow.libs").iterdir())
        shared = [n for n in grafted if n.startswith(("libxcb-", "libXau-", "libzstd-", "liblzma-"))]
        assert not shared, f"Pillow's own copies of shared libraries were bundled: {shared}"
        assert [p.name for p in internal.rglob("liblzma*")] == ["liblzma.so.5"]  # Python's, shared with libtiff
    # Printing to a printer goes through the system's CUPS, with Qt's plugin kept.
    assert list(internal.rglob("printsupport/libcupsprintersupport.so")) or not sys.platform.startswith("linux")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF run paths are Linux's")
def test_no_run_path_points_at_the_build_machine(bundle: Path) -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    from runpath import needs_fixing

    offenders = [str(p.relative_to(bundle)) for p in bundle.rglob("*.so*") if p.is_file() and needs_fixing(p)]
    assert not offenders, offenders
