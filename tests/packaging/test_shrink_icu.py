"""packaging/shrink_icu.py rewrites ICU's common-data package without losing the items it keeps."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import shrink_icu  # noqa: E402


def items(package: bytes) -> dict[str, bytes]:
    """Name -> bytes (alignment padding stripped) of every item of a CmnD package."""
    header = struct.unpack_from("<H", package, 0)[0]
    count = struct.unpack_from("<I", package, header)[0]
    entries = []
    for i in range(count):
        name_offset, data_offset = struct.unpack_from("<II", package, header + 4 + 8 * i)
        end = package.index(b"\0", header + name_offset)
        entries.append((package[header + name_offset : end].decode(), data_offset))
    out = {}
    for i, (name, start) in enumerate(entries):
        stop = entries[i + 1][1] if i + 1 < count else len(package) - header
        out[name] = package[header + start : header + stop].rstrip(b"\0")
    return out


@pytest.fixture(scope="module")
def icu_package() -> bytes:
    import PySide6

    library = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*[0-9]"))
    return shrink_icu.extract(library)[1]


def test_keeping_everything_reproduces_every_item(icu_package: bytes) -> None:
    copy = shrink_icu.filter_common_data(icu_package, keep=lambda name: True)
    assert items(copy) == items(icu_package)


def test_shrunk_package_keeps_english_french_and_core_data(icu_package: bytes) -> None:
    kept = items(shrink_icu.filter_common_data(icu_package))
    everything = items(icu_package)
    names = {name.split("/", 1)[1] for name in kept}
    original = {name.split("/", 1)[1] for name in everything}
    assert {"root.res", "en.res", "fr.res", "fr_CM.res", "en_CM.res", "coll/ucadata.icu", "uts46.nrm"} <= names
    assert "zh.res" not in names
    assert not any(n.endswith((".cnv", ".dict")) for n in names)
    # Everything kept is byte-identical and sorted as ICU's binary search needs.
    assert all(kept[n] == everything[n] for n in kept)
    assert list(kept) == sorted(kept)
    assert len(names) < len(original) // 3


def test_rejects_what_is_not_icu_data() -> None:
    with pytest.raises(ValueError, match="not an ICU"):
        shrink_icu.filter_common_data(b"\x00" * 64)
