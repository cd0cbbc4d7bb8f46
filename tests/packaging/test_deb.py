"""The Debian package: its layout, its metadata, and installing and upgrading it in a temporary root.

Installing goes through dpkg itself (``dpkg --root``, with its own status database in the temporary
root), so an upgrade replaces and removes files exactly as on a merchant's PC; the installed
``posapp`` then runs from there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from posapp import __version__

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
MAX_DEB_BYTES = 40 * 1000 * 1000

pytestmark = pytest.mark.slow


def contents(deb: Path) -> list[str]:
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True)
    return [line.split(None, 5)[5].split(" -> ")[0].removeprefix("./") for line in listing.stdout.splitlines()]


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True, check=True).stdout


def test_deb_is_small(deb: Path) -> None:
    size = deb.stat().st_size
    print(f".deb size: {size / 1e6:.1f} MB")
    assert size <= MAX_DEB_BYTES, f"the .deb is {size / 1e6:.1f} MB"


def test_deb_layout(deb: Path) -> None:
    files = set(contents(deb))
    assert {
        "opt/posapp/posapp",
        "usr/bin/posapp",
        "usr/share/applications/cm.posapp.Console.desktop",
        "usr/share/metainfo/cm.posapp.Console.metainfo.xml",
        "usr/share/icons/hicolor/256x256/apps/posapp.png",
        "usr/share/icons/hicolor/scalable/apps/posapp.svg",
        "usr/share/doc/posapp/copyright",
        "usr/share/man/man1/posapp.1.gz",
    } <= files
    assert all(f.startswith(("opt/posapp", "usr/")) or f in ("", "opt/") for f in files), sorted(files)[:20]


def test_deb_depends_on_the_xcb_libraries_and_not_on_what_it_carries(deb: Path) -> None:
    depends = {d.strip().split(" ")[0] for d in field(deb, "Depends").split(",")}
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0", "libc6"} <= depends
    # Carried in the bundle (Qt, ICU, SQLite, Python) or not needed at all.
    assert not depends & {"libqt6gui6", "libicu72", "libsqlite3-0", "libpython3.11", "libgtk-3-0", "libpq5"}
    assert set(field(deb, "Recommends").replace(" ", "").strip().split(",")) == {"libcups2", "libpq5", "libusb-1.0-0"}
    assert field(deb, "Version").strip() == __version__


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_desktop_entry_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(ROOT / "resources" / "linux" / "cm.posapp.Console.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_appstream_metadata_validates_and_names_this_version() -> None:
    metainfo = ROOT / "resources" / "linux" / "cm.posapp.Console.metainfo.xml"
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert f'<release version="{version}"' in metainfo.read_text(), "add this version to <releases>"


@pytest.mark.skipif(shutil.which("lintian") is None, reason="lintian is not installed")
def test_lintian_finds_no_error(deb: Path) -> None:
    result = subprocess.run(
        ["lintian", "--tag-display-limit", "0", str(deb)], capture_output=True, text=True, timeout=600
    )
    findings = [line for line in result.stdout.splitlines() if line[:2] in ("E:", "W:")]
    print("\n".join(findings) or "lintian: no errors or warnings")
    assert not [f for f in findings if f.startswith("E:")], "\n".join(findings)


class Root:
    """A temporary root with its own dpkg database, as a PC's / would be."""

    def __init__(self, path: Path) -> None:
        self.path = path
        admin = path / "var" / "lib" / "dpkg"
        for folder in (admin / "info", admin / "updates", admin / "triggers", path / "tmp"):
            folder.mkdir(parents=True, exist_ok=True)
        (admin / "status").touch()
        (admin / "available").touch()
        self.home = path / "home" / "merchant"
        self.home.mkdir(parents=True)

    def install(self, deb: Path) -> None:
        # The X libraries are the host's (Depends cannot be met inside this bare root); no maintainer scripts.
        result = subprocess.run(
            ["dpkg", f"--root={self.path}", "--force-depends", "--force-not-root", "--log=/dev/null", "-i", str(deb)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr

    def posapp(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run the installed launcher as the merchant: no POSAPP_HOME, so the user's own folders are used."""
        environ = {k: v for k, v in os.environ.items() if not k.startswith(("POSAPP_", "XDG_"))}
        environ.update(HOME=str(self.home), QT_QPA_PLATFORM="offscreen")
        launcher = self.path / "usr" / "bin" / "posapp"
        return subprocess.run([str(launcher), *args], capture_output=True, text=True, env=environ, timeout=120)


@pytest.fixture
def older_deb(bundle: Path, deb_tools: None, tmp_path: Path) -> Path:
    from build_deb import build_deb

    return build_deb(bundle, tmp_path / "older", version="0.0.9")


def test_installed_package_runs(deb: Path, tmp_path: Path) -> None:
    root = Root(tmp_path / "root")
    root.install(deb)
    version = root.posapp("--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith(f"posapp {__version__} (revision ")
    assert "bundle: " in version.stdout and str(root.path / "opt" / "posapp") in version.stdout
    result = root.posapp("--self-test")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "self-test ok" in result.stdout
    # The merchant's files are in their own folders, nothing under /opt.
    assert (root.home / ".local" / "share" / "posapp" / "journal.sqlite3").is_file()
    installed = {str(p.relative_to(root.path)) for p in (root.path / "opt").rglob("*")}
    assert installed == {f.rstrip("/") for f in contents(deb) if f.startswith("opt/") and f.rstrip("/") != "opt"}


def test_upgrade_keeps_the_merchants_journal_and_settings(older_deb: Path, deb: Path, tmp_path: Path) -> None:
    from posapp.core.money import Money
    from posapp.core.transactions import Kind, Transaction
    from posapp.journal.store import Journal

    root = Root(tmp_path / "root")
    root.install(older_deb)
    assert root.posapp("--version").stdout.startswith("posapp ")
    first = root.posapp("--self-test")
    assert first.returncode == 0, first.stderr[-3000:]
    # The merchant's day: a sale in the journal the installed build created, and their settings.
    journal_path = root.home / ".local" / "share" / "posapp" / "journal.sqlite3"
    with Journal(journal_path) as journal:
        sale = Transaction(
            app_ref="PAY-UPGRADE", kind=Kind.PUSH_PAYMENT, provider="mycoolpay", amount=Money(7500, "XAF")
        )
        journal.record_intent(sale, "cashier:ama")
    settings = root.home / ".config" / "posapp" / "settings.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('shop_name = "Boutique Akwa"\nlanguage = "fr"\n', encoding="utf-8")
    settings_before = settings.read_bytes()

    root.install(deb)
    status = (root.path / "var" / "lib" / "dpkg" / "status").read_text()
    assert f"Version: {__version__}" in status and "0.0.9" not in status
    second = root.posapp("--self-test")
    assert second.returncode == 0, second.stderr[-3000:]  # reads the kept settings (a bad file fails it)
    assert settings.read_bytes() == settings_before
    with Journal(journal_path) as journal:
        kept = journal.get("PAY-UPGRADE")
        assert kept is not None and kept.amount == Money(7500, "XAF")
        assert journal.check() == []
