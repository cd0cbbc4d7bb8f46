"""The real console opens its window on a real X server (Xvfb) through Qt's xcb plugin."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from posapp import platform_check

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and xcb are Linux's here")


@pytest.fixture
def x_display(tmp_path: Path) -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (Debian: apt install xvfb; .ci/run installs it as root)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp", "-auth", "/dev/null"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not say its display"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=20)


def x_environment(display: str, home: Path) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND_", "XDG_SESSION"))}
    environ.update(DISPLAY=display, POSAPP_HOME=str(home))
    return environ


def test_console_opens_its_window_under_x(x_display: str, tmp_path: Path) -> None:
    environ = x_environment(x_display, tmp_path)
    problem = platform_check.gui_platform_problem(environ)
    if problem is not None:
        if os.environ.get("CI"):
            pytest.fail(f".ci/run should have installed the xcb plugin's libraries:\n{problem}")
        pytest.skip(f"this machine lacks the xcb plugin's libraries:\n{problem}")
    result = subprocess.run(
        [sys.executable, "-m", "posapp", "--self-test"],
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "self-test ok: main window painted" in result.stdout
    assert "qt.qpa" not in result.stderr, result.stderr[-3000:]
