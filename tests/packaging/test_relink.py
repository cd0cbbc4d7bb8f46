"""packaging/relink.py points Pillow's real extension at the libraries the bundle loads anyway."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import relink  # noqa: E402

from posapp.platform_check import PACKAGES, read_dynamic  # noqa: E402

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="auditwheel's grafting is Linux's")


def pillow_files() -> tuple[Path, Path]:
    import PIL

    package = Path(PIL.__file__).parent
    imaging = next(package.glob("_imaging.cpython-*.so"))
    return imaging, package.parent / "pillow.libs"


def copy_pillow(tmp_path: Path, *, without: tuple[str, ...]) -> Path:
    """Pillow's _imaging with its grafted libraries, the same layout ($ORIGIN/../pillow.libs), minus some."""
    imaging, libs = pillow_files()
    (tmp_path / "PIL").mkdir()
    (tmp_path / "pillow.libs").mkdir()
    for library in libs.iterdir():
        if not library.name.startswith(without):
            shutil.copy2(library, tmp_path / "pillow.libs" / library.name)
    shutil.copy2(imaging, tmp_path / "PIL" / imaging.name)
    return tmp_path / "PIL" / imaging.name


def loads(path: Path) -> subprocess.CompletedProcess[str]:
    """dlopen with RTLD_NOW, as Python loads extensions: every needed library and symbol resolved."""
    code = f"import ctypes, os; ctypes.CDLL({str(path)!r}, mode=os.RTLD_NOW)"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_real_soname_of_auditwheel_names() -> None:
    assert relink.real_soname("libxcb-9065bb12.so.1.1.0") == "libxcb.so.1"
    assert relink.real_soname("liblzma-de26b416.so.5.8.4") == "liblzma.so.5"
    assert relink.real_soname("libjpeg-6dc8d115.so.62.4.0") == "libjpeg.so.62"
    assert relink.real_soname("libstdc++-6a7b8c9d.so.6") == "libstdc++.so.6"
    assert relink.real_soname("libxcb.so.1") is None  # not grafted
    assert relink.real_soname("libQt6Core.so.6") is None


def test_rewritten_extension_loads_the_system_libxcb(tmp_path: Path) -> None:
    # Without Pillow's own libxcb and libXau next to it, the wheel's extension does not load...
    extension = copy_pillow(tmp_path, without=("libxcb-", "libXau-"))
    refused = loads(extension)
    assert refused.returncode != 0 and "libxcb-" in refused.stderr
    # ...and after the rewrite it takes the system's libxcb.so.1 (which Qt's xcb plugin needs too).
    grafted = next(n for n in read_dynamic(extension).needed if n.startswith("libxcb-"))
    assert relink.replace_needed(extension, {grafted: "libxcb.so.1"}) == [grafted]
    dynamic = read_dynamic(extension)
    assert "libxcb.so.1" in dynamic.needed and grafted not in dynamic.needed
    assert dynamic.runpath == read_dynamic(pillow_files()[0]).runpath  # nothing else moved
    loaded = loads(extension)
    assert loaded.returncode == 0, loaded.stderr
    assert relink.replace_needed(extension, {grafted: "libxcb.so.1"}) == []  # nothing left to do


def test_a_longer_name_is_refused_and_the_file_left_alone(tmp_path: Path) -> None:
    extension = copy_pillow(tmp_path, without=())
    before = extension.read_bytes()
    grafted = next(n for n in read_dynamic(extension).needed if n.startswith("libxcb-"))
    with pytest.raises(ValueError, match="longer"):
        relink.replace_needed(extension, {grafted: "libxcb-with-a-much-longer-name.so.1.1.0.0.0"})
    assert extension.read_bytes() == before


def test_shares_only_what_the_bundle_needs_elsewhere_under_its_real_name(tmp_path: Path) -> None:
    imaging, libs = pillow_files()
    import PySide6

    qt_core = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Core.so.6"  # needs libzstd.so.1
    xcb_qpa = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6XcbQpa.so.6"  # needs libxcb.so.1
    binaries = [
        ("PIL/" + imaging.name, str(imaging), "EXTENSION"),
        *[(f"pillow.libs/{p.name}", str(p), "BINARY") for p in sorted(libs.iterdir())],
        ("PySide6/Qt/lib/libQt6Core.so.6", str(qt_core), "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", str(xcb_qpa), "BINARY"),
    ]
    renames = relink.shareable(binaries, PACKAGES)
    assert {relink.real_soname(k) for k in renames} == {"libxcb.so.1", "libzstd.so.1"}
    # liblzma.so.5 is not left to the system: it is shared only when the bundle carries it at its top, as it
    # does for Python's _lzma.
    import _lzma

    lzma = next(p for p in libs.iterdir() if p.name.startswith("liblzma-"))
    python_lzma = ("python3.11/lib-dynload/" + Path(_lzma.__file__).name, _lzma.__file__, "EXTENSION")
    assert not [k for k in relink.shareable([*binaries, python_lzma], PACKAGES) if k.startswith("liblzma-")]
    with_lzma = relink.shareable([*binaries, python_lzma, ("liblzma.so.5", str(lzma), "BINARY")], PACKAGES)
    assert relink.real_soname(next(k for k in with_lzma if k.startswith("liblzma-"))) == "liblzma.so.5"
    # Pillow's libjpeg, libtiff and openjp2 are its own: no other file needs them, so they stay grafted.
    assert not [k for k in with_lzma if k.startswith(("libjpeg-", "libtiff-", "libopenjp2-", "libXau-"))]

    relinked = relink.relink(binaries, PACKAGES, tmp_path)
    changed = {dest: src for dest, src, _ in relinked if src.startswith(str(tmp_path))}
    assert set(changed) == {"PIL/" + imaging.name, *(f"pillow.libs/{n}" for n in _needing(libs, "libzstd-"))}
    assert "libxcb.so.1" in read_dynamic(Path(changed["PIL/" + imaging.name])).needed
    assert read_dynamic(imaging).needed != read_dynamic(Path(changed["PIL/" + imaging.name])).needed  # a copy


def _needing(libs: Path, prefix: str) -> list[str]:
    return [p.name for p in libs.iterdir() if any(n.startswith(prefix) for n in read_dynamic(p).needed)]
