"""Take the build machine's folders out of the bundle's ELF run paths.

A Python built outside the distribution (pyenv, python-build-standalone) links its extension modules
with ``RUNPATH=/root/.pyenv/versions/3.11.7/lib``: on the merchant's PC that folder is meaningless at
best, and a place another user could plant a library at worst (lintian: custom-library-search-path).
The bundle finds its libraries itself, so such absolute entries are dropped; ``$ORIGIN`` entries (Qt's
``$ORIGIN/../lib``) stay. The string is rewritten in place (shorter, NUL-padded), as chrpath does.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from posapp.platform_check import NotElf, read_dynamic  # noqa: E402


def relative_runpath(entries: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(e for e in entries if e.startswith(("$ORIGIN", "${ORIGIN}")))


def needs_fixing(path: Path) -> bool:
    try:
        dynamic = read_dynamic(path)
    except (NotElf, OSError):
        return False
    return relative_runpath(dynamic.runpath) != dynamic.runpath


def keep_relative_entries(path: Path) -> None:
    """Rewrite ``path``'s run path in place, keeping only its ``$ORIGIN`` entries."""
    dynamic = read_dynamic(path)
    old = ":".join(dynamic.runpath).encode()
    new = ":".join(relative_runpath(dynamic.runpath)).encode()
    with open(path, "r+b") as file:
        file.seek(dynamic.runpath_offset)
        if file.read(len(old)) != old:
            raise ValueError(f"{path}: the run path is not where the dynamic section says")
        file.seek(dynamic.runpath_offset)
        file.write(new + b"\0" * (len(old) - len(new)))


def drop_build_folders(bundle: Path) -> int:
    """Fix every ELF file of ``bundle`` whose run path names absolute folders; how many were fixed."""
    fixed = 0
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink() and needs_fixing(path):
            keep_relative_entries(path)
            fixed += 1
    return fixed
