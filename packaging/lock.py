"""Refresh the locks of exact, hash-checked versions that every install of posapp uses.

    python3 packaging/lock.py            # resolve again from pyproject.toml and rewrite both locks
    python3 packaging/lock.py --upgrade  # the same, taking the newest releases the ranges allow

``pyproject.toml`` keeps honest ranges (for people who install posapp into an environment of their own);
the locks pin what was tested:

- ``packaging/requirements-dev.lock``: the app, the test tools and PyInstaller (the README's test command,
  ``.ci/run``, the bundle build and the release workflow);
- ``packaging/requirements.lock``: the app alone (the README's app command), every version the same as in
  the dev lock.

Both are universal (one file for Linux, Windows and macOS: platform-only packages carry markers) and list
the hash of every wheel and sdist of each pinned release, so ``pip install --require-hashes`` refuses
anything else. The build backend (``[build-system].requires``) is locked too: posapp itself is installed
with ``--no-build-isolation`` from the locked setuptools. Without ``--upgrade``, versions already in the
locks are kept (uv reads the existing file as its preference), so adding one dependency moves nothing
else. ``tests/packaging/test_lock.py`` fails when ``pyproject.toml`` and the locks disagree.

The resolver is uv (a pinned release, installed into ``build/lock-tool`` on first use when ``uv`` is not
on the PATH).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import venv
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_LOCK = ROOT / "packaging" / "requirements-dev.lock"
RUNTIME_LOCK = ROOT / "packaging" / "requirements.lock"
UV_VERSION = "0.13.9"
PYTHON_VERSION = "3.11"  # the oldest Python posapp supports (requires-python): the lock resolves for it
DEV_EXTRAS = ("test", "package")
COMPILE_COMMAND = "python3 packaging/lock.py"


def uv_command() -> list[str]:
    """The uv to run: the pinned release in ``build/lock-tool``, or ``uv`` on the PATH if it is that one."""
    found = shutil.which("uv")
    if found:
        version = subprocess.run([found, "--version"], capture_output=True, text=True).stdout.split()
        if len(version) >= 2 and version[1] == UV_VERSION:
            return [found]
    tool = ROOT / "build" / "lock-tool"
    binary = tool / ("Scripts" if os.name == "nt" else "bin") / ("uv.exe" if os.name == "nt" else "uv")
    if not binary.exists():
        venv.create(tool, with_pip=True)
        pip = tool / ("Scripts" if os.name == "nt" else "bin") / "python"
        subprocess.run([str(pip), "-m", "pip", "install", "-q", f"uv=={UV_VERSION}"], check=True)
    return [str(binary)]


def build_requirements() -> list[str]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(pyproject["build-system"]["requires"])


def compile_lock(
    uv: list[str], output: Path, *, extras: tuple[str, ...], constraint: Path | None, upgrade: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        build_in = Path(tmp) / "build-system.in"
        build_in.write_text("\n".join(build_requirements()) + "\n", encoding="utf-8")
        command = [
            *uv,
            "pip",
            "compile",
            "pyproject.toml",
            str(build_in),
            "--universal",
            "--python-version",
            PYTHON_VERSION,
            "--generate-hashes",
            "--no-strip-markers",
            "--custom-compile-command",
            COMPILE_COMMAND,
            "--output-file",
            str(output.relative_to(ROOT)),
            "--quiet",
        ]
        for extra in extras:
            command += ["--extra", extra]
        if constraint is not None:
            command += ["--constraint", str(constraint.relative_to(ROOT))]
        if upgrade:
            command.append("--upgrade")
        subprocess.run(command, cwd=ROOT, check=True)
    # uv names the temporary input in its "via" comments; say what it is.
    text = output.read_text(encoding="utf-8").replace(str(build_in), "build-system.requires")
    output.write_text(text, encoding="utf-8")


@dataclass(frozen=True)
class Pin:
    """One package of a lock: its exact version, the platforms it is for, its hashes and who needs it."""

    name: str
    version: str
    marker: str | None
    hashes: tuple[str, ...]
    needed_by: tuple[str, ...]


def read_lock(path: Path) -> dict[str, Pin]:
    """The pins of a lock this script wrote, by normalised name (``pyside6-essentials``)."""
    pins: dict[str, Pin] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line or line.startswith((" ", "#")):
            continue
        requirement, _, marker = line.rstrip(" \\").partition(";")
        name, _, version = requirement.strip().partition("==")
        hashes: list[str] = []
        needed_by: list[str] = []
        while i < len(lines) and lines[i].startswith(" "):
            text = lines[i].strip().rstrip(" \\")
            if text.startswith("--hash="):
                hashes.append(text.removeprefix("--hash="))
            elif text.startswith("# via "):
                needed_by.append(text.removeprefix("# via ").strip())
            elif text.startswith("#   "):
                needed_by.append(text.removeprefix("#   ").strip())
            i += 1
        key = re.sub(r"[-_.]+", "-", name.strip()).lower()
        pins[key] = Pin(key, version.strip(), marker.strip() or None, tuple(hashes), tuple(needed_by))
    return pins


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upgrade", action="store_true", help="take the newest releases the ranges allow")
    options = parser.parse_args(argv)
    uv = uv_command()
    compile_lock(uv, DEV_LOCK, extras=DEV_EXTRAS, constraint=None, upgrade=options.upgrade)
    # The app's own lock is the dev lock's subset: the same versions, whichever command installed them.
    compile_lock(uv, RUNTIME_LOCK, extras=(), constraint=DEV_LOCK, upgrade=False)
    print(f"wrote {DEV_LOCK.relative_to(ROOT)} and {RUNTIME_LOCK.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
