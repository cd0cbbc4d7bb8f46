"""Point a wheel's grafted copies of shared libraries at the copy the process loads anyway.

auditwheel gives each library it grafts into a wheel a hashed name (``pillow.libs/libxcb-9065bb12.so.1.1.0``)
and writes that name into the ``DT_NEEDED`` entries of the wheel's extensions. When the bundle already
needs the same library under its real soname (``libxcb.so.1`` for Qt's xcb plugin, ``libzstd.so.1`` for
Qt Core, ``liblzma.so.5`` for Python's lzma), the process would hold two copies of it; rewriting the entry
to the real soname lets the grafted copy go. A soname names an ABI: the same soname major is the same
interface, and the symbols each entry needs are resolved when the extension is imported (Python loads
extensions with ``RTLD_NOW``), which the packaging tests do inside the bundle.

The name is rewritten in place (the real soname is shorter, the rest NUL-padded), as runpath.py does
with run paths; the symbol version table names the library through the same string, so both change.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from posapp.platform_check import NotElf, read_dynamic  # noqa: E402

# auditwheel's name for a grafted library: the original stem, a dash, 8 hex digits of its hash, .so.MAJOR...
_GRAFTED = re.compile(r"^(?P<stem>lib[\w+.-]*?)-[0-9a-f]{8}\.so\.(?P<major>\d+)(\.\d+)*$")


def real_soname(grafted: str) -> str | None:
    """``libxcb.so.1`` for ``libxcb-9065bb12.so.1.1.0``; None for a name auditwheel did not make."""
    match = _GRAFTED.match(grafted)
    return f"{match['stem']}.so.{match['major']}" if match else None


def replace_needed(path: Path, renames: dict[str, str]) -> list[str]:
    """Rewrite ``path``'s ``DT_NEEDED`` entries named in ``renames`` (old -> new, new not longer); what changed."""
    needed = read_dynamic(path).needed
    changes = [old for old in needed if old in renames]
    if not changes:
        return []
    data = bytearray(path.read_bytes())
    for old in changes:
        new = renames[old]
        if len(new) > len(old):
            raise ValueError(f"{path}: {new} is longer than {old}; it cannot be written in place")
        token = b"\0" + old.encode() + b"\0"
        where = data.find(token)
        if where < 0 or data.find(token, where + 1) >= 0:
            raise ValueError(f"{path}: {old} is not once in the file; not rewritten")
        data[where + 1 : where + 1 + len(old)] = new.encode() + b"\0" * (len(old) - len(new))
    path.write_bytes(bytes(data))
    now = read_dynamic(path).needed
    if any(old in now for old in changes) or not all(renames[old] in now for old in changes):
        raise ValueError(f"{path}: the dynamic section did not take the new names ({now})")
    return changes


def shareable(binaries: Iterable[tuple[str, str, str]], system: Iterable[str]) -> dict[str, str]:
    """Grafted library -> real soname, for each one whose real soname the bundle needs elsewhere anyway.

    ``binaries`` are PyInstaller's (dest, source, kind) entries; ``system`` the sonames left to the system.
    Elsewhere means: named in a ``DT_NEEDED`` entry of a file that is not itself grafted, and either
    carried at the top of the bundle or left to the system.
    """
    top_level = {dest for dest, _, _ in binaries if "/" not in dest.replace("\\", "/")}
    needed_outside: set[str] = set()
    grafted: set[str] = set()
    for dest, src, _ in binaries:
        name = Path(dest).name
        if real_soname(name):
            grafted.add(name)
        try:
            needed = read_dynamic(Path(src)).needed
        except (NotElf, OSError):
            continue
        if not real_soname(name):
            needed_outside.update(needed)
    available = top_level | set(system)
    return {
        name: soname
        for name in sorted(grafted)
        if (soname := real_soname(name)) and soname in needed_outside and soname in available
    }


def relink(binaries: list[tuple[str, str, str]], system: Iterable[str], work: Path) -> list[tuple[str, str, str]]:
    """``binaries`` with every file that needs a shareable grafted library replaced by a rewritten copy.

    The copies go under ``work``; the grafted libraries themselves stay in the list (drop_orphans in the
    spec takes out those nothing needs any more).
    """
    renames = shareable(binaries, system)
    result = []
    for dest, src, kind in binaries:
        try:
            needs = set(read_dynamic(Path(src)).needed) & set(renames)
        except (NotElf, OSError):
            needs = set()
        if needs:
            copy = work / dest
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, copy)
            copy.chmod(0o755)
            changed = replace_needed(copy, renames)
            print(f"relink: {dest}: " + ", ".join(f"{old} -> {renames[old]}" for old in changed))
            src = str(copy)
        result.append((dest, src, kind))
    return result
