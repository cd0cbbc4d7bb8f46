"""What a support call needs to know about this copy of posapp: version, build revision, dependencies.

A bundle carries ``build-info.json`` (written by ``packaging/posapp.spec`` at build time: the git
revision and the build date); a source checkout asks git. No Qt import: ``posapp --version`` prints
this without starting Qt, and the About box shows the same text. Imports wait until asked: the
console's start-up imports this module for ``VersionAction`` only.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from posapp import __version__

BUILD_INFO_FILE = "build-info.json"
# Comes with PySide6 and versions with it: a mismatch is what a support call needs to see.
TOOLKIT_PARTS = ("shiboken6",)


@dataclass(frozen=True)
class BuildInfo:
    revision: str  # the git commit, with "-dirty" when the tree had uncommitted changes; "" unknown
    built: str  # ISO date of the build; "" for a source checkout


def read_build_info(folder: Path | None = None) -> BuildInfo:
    """The bundle's recorded build, else the source checkout's git revision, else nothing known."""
    import json

    folder = folder or Path(__file__).resolve().parent
    try:
        data = json.loads((folder / BUILD_INFO_FILE).read_text(encoding="utf-8"))
        return BuildInfo(str(data.get("revision", "")), str(data.get("built", "")))
    except (OSError, ValueError):
        pass
    return BuildInfo(git_revision(folder.parent), "")


def git_revision(checkout: Path) -> str:
    """``abc123def456`` (12 hex digits, ``-dirty`` when files differ from it) of ``checkout``, or ""."""
    import subprocess

    if not (checkout / ".git").exists():
        return ""
    try:
        head = subprocess.run(
            ["git", "-C", str(checkout), "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
        status = subprocess.run(
            ["git", "-C", str(checkout), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
    return f"{head}-dirty" if status else head


def dependency_names() -> list[str]:
    """posapp's own dependencies, as its installed metadata declares them (pyproject.toml's list)."""
    import re
    from importlib import metadata

    try:
        requirements = metadata.requires("posapp") or []
    except metadata.PackageNotFoundError:
        return []
    names = [re.split(r"[<>=!~;\[ (]", r, maxsplit=1)[0] for r in requirements if "extra ==" not in r]
    return names + [part for part in TOOLKIT_PARTS if part not in names]


def dependency_versions() -> list[tuple[str, str]]:
    """(distribution, version) for each of posapp's dependencies; "not installed" when one is missing."""
    from importlib import metadata

    versions = []
    for name in dependency_names():
        try:
            versions.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            versions.append((name, "not installed"))
    return versions


def version_text(build: BuildInfo | None = None) -> str:
    """The lines ``posapp --version`` prints and the About box shows."""
    import platform

    build = build or read_build_info()
    revision = build.revision or "unknown"
    first = f"posapp {__version__} (revision {revision}" + (f", built {build.built})" if build.built else ")")
    lines = [
        first,
        f"Python {platform.python_version()} ({platform.python_implementation()}), {platform.platform(terse=True)}",
        *(f"  {name} {version}" for name, version in dependency_versions() or [("dependencies", "unknown")]),
    ]
    if getattr(sys, "frozen", False):
        lines.append(f"  bundle: {Path(sys.executable).parent}")
    return "\n".join(lines)


class VersionAction(argparse.Action):
    """``--version``: print ``version_text()`` and exit (computed only when asked, not at every start)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="show the version, the build's git revision and the dependencies' versions, and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        if sys.stdout is not None:  # None in a windowed Windows build: the exit code still says it ran
            sys.stdout.write(version_text() + "\n")
        parser.exit()
