"""packaging/icons.py renders the SVG icon to real PNG sizes and wraps them as .ico and .icns."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import icons  # noqa: E402


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory, qapp) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    return icons.build_icons(tmp_path_factory.mktemp("icons"))


def test_every_hicolor_size_is_a_png_of_that_size(written: dict[str, Path]) -> None:
    for size in icons.HICOLOR_SIZES:
        path = written[f"png{size}"]
        assert path.parts[-3:] == (f"{size}x{size}", "apps", "posapp.png")
        assert png_size(path.read_bytes()) == (size, size)


def test_the_icon_is_drawn_not_blank(written: dict[str, Path]) -> None:
    from PySide6.QtGui import QImage

    image = QImage(str(written["png64"]))
    assert image.pixelColor(0, 0).alpha() == 0  # the rounded corner is transparent
    assert image.pixelColor(32, 32).alpha() == 255
    assert len({image.pixel(x, 32) for x in range(64)}) > 3  # tile, phone, screen, code


def test_ico_lists_each_png_at_its_offset(written: dict[str, Path]) -> None:
    data = written["ico"].read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    for i, size in enumerate(sorted(icons.ICO_SIZES)):
        width, _height, _colors, _r, _planes, _bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert (width or 256) == size
        assert png_size(data[offset : offset + length]) == (size, size)


def test_icns_chunks_hold_pngs_of_their_type(written: dict[str, Path]) -> None:
    data = written["icns"].read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    sizes = {kind: size for size, kind in icons.ICNS_TYPES.items()}
    position, seen = 8, []
    while position < len(data):
        kind, length = data[position : position + 4], struct.unpack(">I", data[position + 4 : position + 8])[0]
        assert png_size(data[position + 8 : position + length]) == (sizes[kind], sizes[kind])
        seen.append(sizes[kind])
        position += length
    assert 1024 in seen and 16 in seen


@pytest.mark.qt_log_ignore("Cannot read file")  # QtSvg says why before reporting the file invalid
def test_refuses_what_is_not_svg(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.svg"
    broken.write_text("not an svg")
    with pytest.raises(ValueError, match="not an SVG"):
        icons.render_png(broken, 16)
