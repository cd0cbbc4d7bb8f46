"""Bundle: the one-folder bundle's size, the .deb's size and the ten biggest items in the bundle.

Builds both from this checkout (PyInstaller with packaging/posapp.spec, then packaging/build_deb.py),
or measures ones already built: ``--bundle dist/posapp [--deb dist/posapp_0.1.0_amd64.deb]``.
Targets: bundle at most 90 MB, .deb at most 40 MB (MB = 10^6 bytes).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_TARGET, DEB_TARGET = 90e6, 40e6


def sizes(bundle: Path) -> list[tuple[int, str]]:
    return sorted(
        (
            (p.stat().st_size, str(p.relative_to(bundle)))
            for p in bundle.rglob("*")
            if p.is_file() and not p.is_symlink()
        ),
        reverse=True,
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench_bundle")
    parser.add_argument("--bundle", type=Path, help="a bundle already built (default: build one)")
    parser.add_argument("--deb", type=Path, help="a .deb already built from it (default: build one)")
    parser.add_argument("--quick", action="store_true", help="accepted for the runner; the build is the work")
    options = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "packaging"))
    from build_bundle import build_bundle
    from build_deb import build_deb

    work = Path(tempfile.mkdtemp(prefix="posapp-bench-bundle-"))
    try:
        bundle = options.bundle
        if bundle is None:
            started = time.perf_counter()
            bundle = build_bundle(work / "dist", work / "build")
            print(f"bundle built in {time.perf_counter() - started:.0f} s")
        files = sizes(bundle)
        total = sum(size for size, _ in files)
        target = BUNDLE_TARGET / 1e6
        print(f"bundle: {total / 1e6:.2f} MB ({total:,} bytes) in {len(files)} files (target <= {target:.0f} MB)")
        print("ten biggest items:")
        for size, name in files[:10]:
            print(f"  {size / 1e6:6.2f} MB  {name}")
        deb = options.deb
        if deb is None and shutil.which("dpkg-deb"):
            started = time.perf_counter()
            deb = build_deb(bundle, work / "deb")
            print(f".deb built in {time.perf_counter() - started:.0f} s")
        if deb is not None:
            print(f".deb: {deb.stat().st_size / 1e6:.1f} MB (target <= {DEB_TARGET / 1e6:.0f} MB)")
        else:
            print(".deb: not built (dpkg-deb is not installed)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
