"""packaging/runpath.py takes the build machine's folders out of a real shared object's run path."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import runpath  # noqa: E402

from posapp.platform_check import read_dynamic  # noqa: E402


@pytest.mark.skipif(shutil.which("cc") is None or not sys.platform.startswith("linux"), reason="needs cc on Linux")
def test_keeps_origin_entries_and_drops_absolute_ones(tmp_path: Path) -> None:
    source = tmp_path / "lib.c"
    source.write_text("int answer(void) { return 42; }\n")
    library = tmp_path / "bundle" / "libanswer.so"
    library.parent.mkdir()
    subprocess.run(
        ["cc", "-shared", "-fPIC", "-o", str(library), str(source), "-Wl,-rpath,/root/.pyenv/lib:$ORIGIN/../lib"],
        check=True,
    )
    assert runpath.needs_fixing(library)
    assert runpath.drop_build_folders(library.parent) == 1
    assert read_dynamic(library).runpath == ("$ORIGIN/../lib",)
    assert not runpath.needs_fixing(library)
    assert runpath.drop_build_folders(library.parent) == 0
    assert ctypes.CDLL(str(library)).answer() == 42  # still a library the loader takes
