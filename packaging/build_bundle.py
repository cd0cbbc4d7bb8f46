"""Build the one-folder bundle with PyInstaller: ``python packaging/build_bundle.py [DIST] [WORK]``.

The same build the release workflow, the packaging tests and the ``bundle`` benchmark run; the
bundle lands in ``DIST/posapp`` (``dist/posapp`` by default).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "posapp.spec"


def build_bundle(dist: Path, work: Path, *, timeout: float = 1800) -> Path:
    """Run PyInstaller on packaging/posapp.spec; the bundle's folder (raises with PyInstaller's log tail)."""
    pyinstaller = [sys.executable, "-m", "PyInstaller"]
    command = [*pyinstaller, "--noconfirm", "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work)]
    # PyInstaller's own switch for its module archive's zlib level (default 6): 9 saves 0.3 MB, and
    # decompressing at start-up is as fast.
    environ = {**os.environ, "PYINSTALLER_ZLIB_COMPRESSION_LEVEL": "9"}
    result = subprocess.run(
        [*command, str(SPEC)], capture_output=True, text=True, cwd=ROOT, timeout=timeout, env=environ
    )
    if result.returncode != 0:
        raise RuntimeError(f"PyInstaller failed ({result.returncode}):\n{result.stderr[-4000:]}")
    return dist / "posapp"  # on macOS, dist/posapp.app wraps the same files


if __name__ == "__main__":
    dist = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"
    work = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "build"
    print(build_bundle(dist, work))
