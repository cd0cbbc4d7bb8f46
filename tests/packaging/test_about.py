"""``posapp --version`` and the About box say the version, the build's revision and the dependencies'."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from posapp import __version__, about

ROOT = Path(__file__).resolve().parents[2]


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True).stdout.strip()


def test_dependencies_are_pyprojects() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower() for requirement in declared}
    installed = {n.lower() for n in about.dependency_names()}
    # The installed metadata may lag pyproject.toml until the next ``pip install -e .``, never lead it.
    assert installed - set(about.TOOLKIT_PARTS) <= names
    assert {"pyside6-essentials", "httpx", "shiboken6"} <= installed


def test_version_text_names_the_checkouts_revision_and_installed_versions() -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    lines = about.version_text().splitlines()
    head = git("rev-parse", "--short=12", "HEAD")
    assert re.fullmatch(rf"posapp {re.escape(__version__)} \(revision {head}(-dirty)?\)", lines[0]), lines[0]
    assert f"  httpx {metadata.version('httpx')}" in lines
    assert f"  PySide6-Essentials {metadata.version('PySide6-Essentials')}" in lines


def test_a_bundles_recorded_build_wins_over_git(tmp_path: Path) -> None:
    (tmp_path / about.BUILD_INFO_FILE).write_text(json.dumps({"revision": "0123456789ab", "built": "2026-05-01"}))
    build = about.read_build_info(tmp_path)
    assert build == about.BuildInfo("0123456789ab", "2026-05-01")
    assert (
        about.version_text(build).splitlines()[0] == f"posapp {__version__} (revision 0123456789ab, built 2026-05-01)"
    )


def test_outside_a_checkout_the_revision_is_unknown(tmp_path: Path) -> None:
    build = about.read_build_info(tmp_path / "posapp")
    assert build == about.BuildInfo("", "")
    assert "(revision unknown)" in about.version_text(build)


def test_command_line_version_prints_it_without_starting_qt(tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom posapp.app import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit as exit:\n    code = exit.code\n"
        "print('qt loaded' if any(m.startswith('PySide6.') for m in sys.modules) else 'no qt', code)\n"
    )
    env = {**os.environ, "POSAPP_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60)
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"posapp {__version__} (revision "), result.stdout
    assert any(line.startswith("  qasync ") for line in lines)
    assert lines[-1] == "no qt 0"


def test_about_box_shows_the_version_text_and_the_running_qt(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt, qVersion
    from PySide6.QtWidgets import QPushButton

    from posapp.ui.main_window import MainWindow

    window = MainWindow(training=True, provider_label="My-CoolPay")
    qtbot.addWidget(window)
    window.show()
    assert not window.windowIcon().pixmap(64, 64).isNull(), "the window icon does not render from its SVG"
    qtbot.mouseClick(window.findChild(QPushButton, "aboutButton"), Qt.MouseButton.LeftButton)
    box = window.about_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert box.text() == about.version_text().splitlines()[0]
    assert f"  keyring {metadata.version('keyring')}" in box.informativeText()
    assert f"Qt {qVersion()} (running)" in box.informativeText()
    box.done(0)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert window.show_about() is box  # built once, shown again
    box.done(0)
