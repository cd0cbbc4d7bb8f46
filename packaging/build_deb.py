"""Build the Debian package from the one-folder bundle with dpkg-deb.

    python packaging/build_deb.py dist/posapp [--out dist] [--version 0.1.0]

Layout: the bundle under ``/opt/posapp`` (it is one self-contained folder, as FHS asks of add-on
software), a launcher ``/usr/bin/posapp``, the desktop entry, AppStream metadata, the icon in the hicolor
theme, a manual page, copyright and changelog. Nothing of the merchant's lives there: settings, journal
and logs are in the user's folders (platformdirs), so an upgrade or a removal never touches them.

``Depends`` lists the packages of the libraries the bundle's ELF files need and do not carry, mapped by
``posapp.platform_check.PACKAGES`` (the same table that tells a user what to install); a library the
table does not know stops the build, so a new system dependency is never shipped undeclared.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "packaging"))

from posapp import __version__  # noqa: E402
from posapp.platform_check import NotElf, package_for, read_dynamic  # noqa: E402

APP_ID = "cm.posapp.Console"
INSTALL_DIR = "opt/posapp"
LINUX_RESOURCES = ROOT / "resources" / "linux"
# Libraries of features that work without them: a PC without CUPS saves receipts as PDF; the shop store
# (several counters, PostgreSQL) is optional. Recommended, so apt installs them unless told not to.
OPTIONAL = {"libcups.so.2": "libcups2"}
# Loaded through ctypes, not DT_NEEDED: libpq by psycopg's pure-Python implementation (the shop store),
# libusb by pyusb (receipt printers on USB).
RECOMMENDS = ("libpq5", "libusb-1.0-0")
MAINTAINER = os.environ.get("POSAPP_DEB_MAINTAINER", "posapp maintainers <maintainers@posapp.invalid>")

LAUNCHER = """#!/bin/sh
# posapp is a self-contained bundle under /opt/posapp. Found relative to this script, so the package also
# runs from a folder it was unpacked into.
exec "$(dirname "$(readlink -f "$0")")/../../opt/posapp/posapp" "$@"
"""

MANUAL = """.TH POSAPP 1 "{date}" "posapp {version}" "User Commands"
.SH NAME
posapp \\- point of sale and merchant console for mobile-money payments
.SH SYNOPSIS
.B posapp
[\\fB\\-\\-version\\fR] [\\fB\\-\\-self\\-test\\fR] [\\fB\\-\\-debug\\fR]
.br
.B posapp sandbox
[\\fB\\-\\-port\\fR \\fIN\\fR]
.br
.B posapp tour
\\fIDIR\\fR
.SH DESCRIPTION
Opens the console: take a payment as a QR code or a push to the customer's phone and follow it live;
refunds, payouts and the balance for managers. With no provider configured it runs in training mode on
built-in emulators of the providers (no money moves).
.SH OPTIONS
.TP
.B \\-\\-version
Print the version, the build's revision and the dependencies' versions.
.TP
.B \\-\\-self\\-test
Start, wait until the main window has painted, and exit 0 (1 with the reason otherwise).
.TP
.B sandbox
Serve the provider emulators on 127.0.0.1 until interrupted.
.TP
.B tour \\fIDIR\\fR
Render every screen, in English and French, to PNG files in DIR.
.SH FILES
Settings in \\fI~/.config/posapp\\fR, the journal in \\fI~/.local/share/posapp\\fR, logs in
\\fI~/.local/state/posapp/log\\fR; \\fBPOSAPP_HOME\\fR moves all three into one folder.
.SH EXIT STATUS
2 when the window cannot open because system libraries are missing (the message names the packages).
"""

COPYRIGHT = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: posapp
Comment: The bundle under /opt/posapp carries Python, Qt (PySide6, LGPL-3.0) and the Python packages
 posapp depends on; each one's licence is in its *.dist-info folder there.

Files: *
Copyright: 2026 posapp maintainers
License: LicenseRef-Proprietary
 All rights reserved.
"""

LINTIAN_OVERRIDES = """# The bundle is one self-contained folder: /opt is where FHS puts add-on software of that kind.
posapp: dir-or-file-in-opt *
# PyInstaller's bundle carries its own Python, Qt and Python packages (with their licences).
posapp: embedded-library *
# Qt's and Python's own shared objects inside the bundle, not system libraries.
posapp: shared-library-lacks-prerequisites *
posapp: library-not-linked-against-libc *
"""


def elf_files(folder: Path) -> list[Path]:
    files = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as file:
                if file.read(4) == b"\x7fELF":
                    files.append(path)
    return files


def external_libraries(bundle: Path) -> dict[str, str]:
    """soname -> a file of the bundle that needs it, for every needed library the bundle does not carry."""
    carried = {p.name for p in bundle.rglob("*")}
    outside: dict[str, str] = {}
    for path in elf_files(bundle):
        try:
            needed = read_dynamic(path).needed
        except NotElf:
            continue
        for soname in needed:
            if soname not in carried:
                outside.setdefault(soname, str(path.relative_to(bundle)))
    return outside


def glibc_version() -> str:
    """The C library the bundle was built against (its Python and bootloader need at least that)."""
    return os.confstr("CS_GNU_LIBC_VERSION").split()[-1]  # "glibc 2.36"


def dependencies(bundle: Path) -> tuple[list[str], list[str]]:
    """The Depends and Recommends fields (package names) for ``bundle``."""
    depends: set[str] = set()
    recommends = set(RECOMMENDS)
    unknown = []
    for soname, needed_by in sorted(external_libraries(bundle).items()):
        if soname in OPTIONAL:
            recommends.add(OPTIONAL[soname])
            continue
        package = package_for(soname, "debian")
        if package is None:
            unknown.append(f"{soname} (needed by {needed_by})")
        else:
            depends.add(package)
    if unknown:
        raise SystemExit(
            "build_deb: no Debian package known for these libraries; add them to posapp.platform_check.PACKAGES "
            "or carry them in the bundle:\n  " + "\n  ".join(unknown)
        )
    versioned = {"libc6": f"libc6 (>= {glibc_version()})"}
    return sorted(versioned.get(p, p) for p in depends), sorted(recommends - depends)


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def folder_kib(folder: Path) -> int:
    return sum((p.lstat().st_size + 1023) // 1024 for p in folder.rglob("*") if not p.is_dir())


def changelog(version: str, when: str) -> bytes:
    return (
        f"posapp ({version}) unstable; urgency=medium\n\n"
        f"  * Release {version}: see the README's history for what changed.\n\n"
        f" -- {MAINTAINER}  {when}\n"
    ).encode()


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)  # -n: no name or time, reproducible


def stage(bundle: Path, root: Path, version: str) -> None:
    """Lay out the package's files under ``root`` (DEBIAN/ included)."""
    from icons import build_icons

    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    launcher = root / "usr" / "bin" / "posapp"
    launcher.parent.mkdir(parents=True)
    launcher.write_text(LAUNCHER)
    launcher.chmod(0o755)
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy(LINUX_RESOURCES / f"{APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir()
    shutil.copy(LINUX_RESOURCES / f"{APP_ID}.metainfo.xml", share / "metainfo")
    with tempfile.TemporaryDirectory() as icons:
        build_icons(Path(icons))
        shutil.copytree(Path(icons) / "hicolor", share / "icons" / "hicolor")
    doc = share / "doc" / "posapp"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT)
    (doc / "changelog.gz").write_bytes(
        gzipped(changelog(version, time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(epoch))))
    )
    man = share / "man" / "man1"
    man.mkdir(parents=True)
    date = time.strftime("%Y-%m-%d", time.gmtime(epoch))
    (man / "posapp.1.gz").write_bytes(gzipped(MANUAL.format(date=date, version=version).encode()))
    overrides = share / "lintian" / "overrides"
    overrides.mkdir(parents=True)
    (overrides / "posapp").write_text(LINTIAN_OVERRIDES)
    executables = {launcher, root / INSTALL_DIR / "posapp"}
    for path in root.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
        elif path.is_file() and not path.is_symlink():
            # Shared objects, licences and data are not run by themselves (PyInstaller copies modes as found).
            path.chmod(0o755 if path in executables else 0o644)

    depends, recommends = dependencies(bundle)
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    fields = {
        "Package": "posapp",
        "Version": version,
        "Architecture": architecture(),
        "Maintainer": MAINTAINER,
        "Installed-Size": str(folder_kib(root) - 4),
        "Depends": ", ".join(depends),
        "Recommends": ", ".join(recommends),
        "Section": "misc",
        "Priority": "optional",
        "Description": "point of sale and merchant console for mobile-money payments\n"
        " A cashier shows a payment as a QR code or pushes it to the customer's phone\n"
        " (My-CoolPay, CoolPay, Paiwise, Commerce Layer) and follows it live; managers\n"
        " issue refunds and payouts and see the balance. Every step is kept in a local\n"
        " journal that survives power cuts. With no provider configured it runs in a\n"
        " training mode on built-in emulators of the providers.",
    }
    control.write_text("".join(f"{key}: {value}\n" for key, value in fields.items() if value))
    sums = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.relative_to(root).parts:
            sums.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {path.relative_to(root)}\n")
    (root / "DEBIAN" / "md5sums").write_text("".join(sums))
    (root / "DEBIAN" / "md5sums").chmod(0o644)
    control.chmod(0o644)


def build_deb(bundle: Path, out: Path, version: str = __version__) -> Path:
    """``out/posapp_VERSION_ARCH.deb`` from the one-folder ``bundle``."""
    if not (bundle / "posapp").is_file():
        raise SystemExit(f"build_deb: {bundle} is not a posapp bundle (build it with packaging/posapp.spec)")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "root"
        stage(bundle, root, version)
        package = out / f"posapp_{version}_{architecture()}.deb"
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", str(root), str(package)],
            check=True,
            capture_output=True,
        )
    return package


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("bundle", type=Path, help="the one-folder bundle (dist/posapp)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--version", default=__version__)
    options = parser.parse_args()
    print(build_deb(options.bundle, options.out, options.version))
