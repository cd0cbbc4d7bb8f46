"""What is loaded before the first paint: nothing the lock screen (what a cashier sees first) does not need.

``posapp --self-test`` runs in a fresh interpreter, as the console starts; the modules loaded at the
window's first paint event are recorded there. Each forbidden package costs tens of milliseconds to
import, and each is first needed after the paint: the HTTP client and the gateways when the provider
connects, the emulators' server in training, the QR code when a payment is shown, libphonenumber when a
number is typed, the key store when Settings opens, sqlite-utils only to migrate a journal.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Records sys.modules from inside the first paint event (MainWindow.first_painted is emitted there).
RECORD_AT_FIRST_PAINT = r"""
import json
import sys

import posapp.ui.main_window as main_window
from posapp import app

at_first_paint = []
build_window = main_window.MainWindow.__init__


def build_and_watch(self, *args, **kwargs):
    build_window(self, *args, **kwargs)
    self.first_painted.connect(lambda: at_first_paint.append(sorted(sys.modules)))


main_window.MainWindow.__init__ = build_and_watch
code = app.main(["--self-test"])
print(json.dumps({"code": code, "modules": at_first_paint[0] if at_first_paint else None}))
"""

NOT_BEFORE_FIRST_PAINT = {
    "httpx": "the HTTP client: the provider connects after the paint",
    "httpcore": "httpx's transport",
    "sqlite_utils": "only migrations use it, and this journal is migrated already",
    "phonenumbers": "libphonenumber and its carrier and geocoder data: nobody has typed a number yet",
    "keyring": "the OS key store (keyring.backends): Settings and live keys, after the paint",
    "uvicorn": "the training emulators' server starts after the paint",
    "starlette": "the training emulators",
    "posapp.sandbox": "the training emulators",
    "PIL": "Pillow, pulled in by qrcode's image modules",
    "qrcode": "a QR code is drawn when a payment is shown",
    "asyncio": "the first paint runs on Qt's own loop; asyncio and qasync load after it",
    "qasync": "the event loop of everything after the first paint",
    "psycopg": "the shop store's link starts after the paint",
}


def modules_at_first_paint(home: Path) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "POSAPP_HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-c", RECORD_AT_FIRST_PAINT], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["code"] == 0, result.stdout + result.stderr
    assert report["modules"], "the window never painted"
    return list(report["modules"])


def loaded(package: str, modules: list[str]) -> list[str]:
    return [name for name in modules if name == package or name.startswith(package + ".")]


@pytest.fixture(scope="module")
def first_paint_modules(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    home = tmp_path_factory.mktemp("posapp-home")
    modules_at_first_paint(home)  # the first start creates and migrates the journals, as on a new install
    return modules_at_first_paint(home)


@pytest.mark.parametrize("package", sorted(NOT_BEFORE_FIRST_PAINT))
def test_is_not_loaded_before_the_first_paint(package: str, first_paint_modules: list[str]) -> None:
    assert not loaded(package, first_paint_modules), (
        f"{package} is loaded before the first paint ({NOT_BEFORE_FIRST_PAINT[package]}): "
        f"{loaded(package, first_paint_modules)[:5]}"
    )


def test_the_record_is_taken_at_the_paint_of_the_lock_screen(first_paint_modules: list[str]) -> None:
    """The recording sees what the first paint needs (else an empty list would pass every test above)."""
    for needed in ("PySide6.QtWidgets", "posapp.ui.main_window", "posapp.ui.screens.lock", "posapp.journal.store"):
        assert needed in first_paint_modules
