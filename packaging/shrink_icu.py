"""Shrink Qt's ICU data library (32 MB) to what an English/French point of sale needs (a few MB).

PySide6's wheel ships ``libicudata.so.73``: one exported symbol, ``icudt73_dat``, holding ICU's
"common data" package (a header, a sorted table of contents, then the items). Qt loads only a little
of it (normalisation, case and break rules, root/en/fr locale data); the rest is CJK dictionaries,
transliterators, legacy codecs and 900 locales. This script copies the package without those items
and links it back into a shared library with the same soname, so ``libicuuc`` finds it unchanged.

Usage (the spec calls it): python packaging/shrink_icu.py IN_SO OUT_SO
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

LANGUAGES = ("root", "en", "fr")
# Qt's libraries call ICU only for collation (ucol_*), converters (ucnv_*) and time-zone names (ucal_*), so
# what no such call reads goes.
# Locale data trees Qt never reads in this app: units, currencies, names of languages and regions,
# transliterators, number spell-out rules, and break iteration (ubrk_*: Qt has its own text boundaries).
DROPPED_TREES = ("translit", "rbnf", "unit", "lang", "region", "curr", "brkitr")
# Item types: converter tables and dictionaries, and StringPrep profiles (usprep_*).
DROPPED_EXTENSIONS = ("cnv", "dict", "spp")
# Items no Qt call reads: Unicode character names (u_charName), the spoof checker's confusables, and the
# compatibility normalisation data (Qt normalises with its own tables). uts46.nrm (IDNA, 60 kB) stays as
# core data all the same.
DROPPED_ITEMS = ("unames.icu", "confusables.cfu", "confusablesWholeScript.cfu", "nfkc.nrm", "nfkc_cf.nrm")
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")


def keep_item(name: str) -> bool:
    """Whether a package item (``icudt73l/fr_CM.res``, ``icudt73l/coll/ucadata.icu``) is kept."""
    path = name.split("/", 1)[1]
    tree, _, leaf = path.rpartition("/")
    stem, _, ext = leaf.rpartition(".")
    if tree in DROPPED_TREES or ext in DROPPED_EXTENSIONS or leaf in DROPPED_ITEMS:
        return False
    if stem in ("root", "pool", "res_index"):
        return True
    if ext == "res" and _LOCALE.match(stem):
        return stem.split("_")[0] in LANGUAGES
    return True


def filter_common_data(data: bytes, keep: Callable[[str], bool] = keep_item) -> bytes:
    """A copy of an ICU common-data package (format ``CmnD``) with only the items ``keep`` accepts."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    count = struct.unpack_from("<I", data, header_size)[0]
    toc = header_size
    entries = []
    for i in range(count):
        name_offset, data_offset = struct.unpack_from("<II", data, toc + 4 + 8 * i)
        end = data.index(b"\0", toc + name_offset)
        entries.append((data[toc + name_offset : end], data_offset))
    items = []
    for i, (name, start) in enumerate(entries):
        stop = entries[i + 1][1] if i + 1 < count else len(data) - toc
        if keep(name.decode("ascii")):
            items.append((name, data[toc + start : toc + stop]))
    # Rebuild: same header, a new table of contents, names, then 16-byte aligned items (sorted as before).
    table_size = 4 + 8 * len(items)
    names = b"".join(name + b"\0" for name, _ in items)
    items_start = (table_size + len(names) + 15) // 16 * 16
    table = struct.pack("<I", len(items))
    body = b""
    name_offset = table_size
    for name, blob in items:
        table += struct.pack("<II", name_offset, items_start + len(body))
        name_offset += len(name) + 1
        body += blob + b"\0" * (-len(blob) % 16)
    padding = b"\xaa" * (items_start - table_size - len(names))
    return data[:header_size] + table + names + padding + body


def extract(library: Path) -> tuple[str, bytes]:
    """The data symbol's name and bytes from ``libicudataNN.so``."""
    symbols = subprocess.run(["nm", "-D", "-S", str(library)], check=True, capture_output=True, text=True).stdout
    match = re.search(r"^([0-9a-f]+) ([0-9a-f]+) R (icudt\d+_dat)$", symbols, re.MULTILINE)
    if not match:
        raise ValueError(f"no ICU data symbol in {library}")
    address, size, symbol = int(match[1], 16), int(match[2], 16), match[3]
    sections = subprocess.run(["readelf", "-S", "-W", str(library)], check=True, capture_output=True, text=True)
    for line in sections.stdout.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            section_address, section_offset = int(fields[3], 16), int(fields[4], 16)
            offset = address - section_address + section_offset
            return symbol, library.read_bytes()[offset : offset + size]
    raise ValueError(f"no .rodata section in {library}")


def build_library(symbol: str, package: bytes, out: Path, soname: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        blob = Path(tmp) / "icu.dat"
        blob.write_bytes(package)
        asm = Path(tmp) / "icu.s"
        asm.write_text(
            f'.section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n{symbol}:\n.incbin "{blob}"\n'
            f'.size {symbol}, .-{symbol}\n.section .note.GNU-stack,"",@progbits\n'
        )
        subprocess.run(["cc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(out), str(asm)], check=True)


def shrink(library: Path, out: Path) -> tuple[int, int]:
    symbol, package = extract(library)
    smaller = filter_common_data(package)
    build_library(symbol, smaller, out, library.name)
    return len(package), len(smaller)


if __name__ == "__main__":
    before, after = shrink(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"ICU data: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")
