"""Refresh the translations: ``python packaging/i18n.py`` (add ``--check`` to only verify).

Runs ``pyside6-lupdate`` over every Qt module (new strings appear in the .ts files, translated ones are
kept), then ``pyside6-lrelease`` to build the .qm files the app loads. ``--check`` fails when a .ts has
an unfinished translation or a .qm is older than its .ts, so CI catches a string left in English.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("fr",)


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    files = sorted((ROOT / "posapp" / "ui").rglob("*.py"))
    return [str(p.relative_to(ROOT)) for p in files]


def unfinished(ts: Path) -> list[str]:
    """Source texts of ``ts`` that have no finished translation."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            missing.append(message.findtext("source") or "")
        elif not (translation.text or "").strip() and translation.find("numerusform") is None:
            missing.append(message.findtext("source") or "")
    return missing


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    options = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"posapp_{language}.ts"
        qm = TRANSLATIONS / f"posapp_{language}.qm"
        if options.check:
            # Update a copy: a new string in the code shows up there as unfinished, and the committed
            # .qm must be what lrelease makes of the committed .ts.
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / ts.name
                shutil.copy(ts, copy)
                update(copy)
                missing = unfinished(copy)
                built = Path(tmp) / qm.name
                release(ts, built)
                if not qm.exists() or built.read_bytes() != qm.read_bytes():
                    status = 1
                    print(f"{qm.name} is not built from {ts.name}: run python packaging/i18n.py")
        else:
            update(ts)
            release(ts, qm)
            missing = unfinished(ts)
        if missing:
            status = 1
            print(f"{ts.name}: {len(missing)} untranslated: " + "; ".join(missing[:10]))
    return status


def update(ts: Path) -> None:
    subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", *sources(), "-ts", str(ts)], check=True, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main())
