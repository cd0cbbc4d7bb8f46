"""Startup: median wall time of ``posapp --self-test`` against a bare PySide6 window shown and painted.

What is timed is what a cashier waits for: from the process's start to the first paint of the console's
window, which is the lock screen laid over it (a new install's first-run form; a shop's sign-in), then the
process's exit. The Sale screen and the other screens under the lock are built right after that paint,
asyncio and qasync load after it, and the training emulators start after it: the self-test ends at the
paint, as the bare window's script does.

Both run as fresh processes of the same interpreter, alternating, so disk cache and CPU load affect
them alike; the ratio is the median of each pair's ratio (a busy machine slows a pair together). posapp's
modules are byte-compiled first, as an installed wheel or the PyInstaller bundle has them (an editable
checkout under ``PYTHONDONTWRITEBYTECODE=1`` would otherwise compile every module from source on each
start), and a first start creates the journal, as on the second day of a till. Target: posapp at most
2.0x the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv[:1])

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False

window = QMainWindow()
window.setCentralWidget(QLabel("bare window"))
window.resize(1024, 700)
watch = Watch()
window.installEventFilter(watch)
window.show()
app.exec()
print("painted")
"""

TARGET_RATIO = 2.0


def wall_time(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{command} failed: {result.stderr[-2000:]}")
    return elapsed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench_startup")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--quick", action="store_true", help="3 runs")
    options = parser.parse_args(argv or [])
    runs = 3 if options.quick else options.runs
    import compileall

    import posapp

    compileall.compile_dir(os.path.dirname(posapp.__file__), quiet=1)
    with tempfile.TemporaryDirectory(prefix="posapp-bench-") as home:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"), "POSAPP_HOME": home}
        posapp = [sys.executable, "-m", "posapp", "--self-test"]
        bare = [sys.executable, "-c", BARE_WINDOW]
        wall_time(posapp, env)  # first run creates the journal and warms the disk cache
        wall_time(bare, env)
        posapp_times, bare_times = [], []
        for _ in range(runs):
            posapp_times.append(wall_time(posapp, env))
            bare_times.append(wall_time(bare, env))
    p, b = statistics.median(posapp_times), statistics.median(bare_times)
    ratio = statistics.median(a / c for a, c in zip(posapp_times, bare_times, strict=True))
    print(f"bare PySide6 window: median {b * 1000:.0f} ms over {runs} runs")
    print(f"posapp --self-test:  median {p * 1000:.0f} ms over {runs} runs (first paint: the lock screen)")
    verdict = "ok" if ratio <= TARGET_RATIO else "OVER TARGET"
    print(f"ratio posapp / bare: {ratio:.2f}x, median of {runs} pairs (target <= {TARGET_RATIO}x: {verdict})")


if __name__ == "__main__":
    main(sys.argv[1:])
