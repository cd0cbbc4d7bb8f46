"""posapp checks that Qt's xcb platform plugin can load before Qt starts, and says what to install.

The plugins here are real ELF shared objects built with the C compiler: a stand-in ``libqxcb.so`` whose
needed libraries (directly, and through a library shipped beside it as the wheel ships Qt's) were
deleted after linking, so the dynamic loader really cannot find them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from posapp import platform_check
from posapp.platform_check import MissingLibrary

ROOT = Path(__file__).resolve().parents[2]

needs_cc = pytest.mark.skipif(shutil.which("cc") is None, reason="no C compiler (cc) to build stand-in plugins")
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin exists on Linux only")


def shared_library(path: Path, soname: str, *links: Path, rpath: str = "") -> Path:
    source = path.with_suffix(".c")
    source.write_text(f"int {re.sub(r'[^a-z]', '_', soname)}_marker(void) {{ return 1; }}\n")
    command = ["cc", "-shared", "-fPIC", "-o", str(path), str(source), f"-Wl,-soname,{soname}", "-Wl,--no-as-needed"]
    if rpath:
        command.append(f"-Wl,-rpath,{rpath}")
    subprocess.run([*command, *map(str, links)], check=True, capture_output=True)
    source.unlink()
    return path


@pytest.fixture(scope="module")
def broken_plugin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``plugins/platforms/libqxcb.so`` needing a deleted library, and ``lib/libQt6PosappFake.so.6``
    (shipped, found through the plugin's ``$ORIGIN/../../lib`` run path) needing another deleted one."""
    root = tmp_path_factory.mktemp("qt")
    gone = root / "gone"
    gone.mkdir()
    absent_direct = shared_library(gone / "libposapp-absent.so.7", "libposapp-absent.so.7")
    absent_deep = shared_library(gone / "libposapp-absent-deep.so.1", "libposapp-absent-deep.so.1")
    (root / "lib").mkdir()
    shipped = shared_library(root / "lib" / "libQt6PosappFake.so.6", "libQt6PosappFake.so.6", absent_deep)
    (root / "plugins" / "platforms").mkdir(parents=True)
    plugin = shared_library(
        root / "plugins" / "platforms" / "libqxcb.so", "libqxcb.so", shipped, absent_direct, rpath="$ORIGIN/../../lib"
    )
    shutil.rmtree(gone)
    return plugin


@linux_only
@needs_cc
def test_reads_needed_libraries_and_run_path(broken_plugin: Path) -> None:
    dynamic = platform_check.read_dynamic(broken_plugin)
    assert dynamic.soname == "libqxcb.so"
    assert {"libQt6PosappFake.so.6", "libposapp-absent.so.7"} <= set(dynamic.needed)
    assert dynamic.runpath == ("$ORIGIN/../../lib",)


@linux_only
@pytest.mark.skipif(shutil.which("readelf") is None, reason="no readelf to compare with")
def test_reads_the_wheel_plugin_as_readelf_does() -> None:
    plugin = platform_check.find_platform_plugin("xcb", {})
    assert plugin is not None
    listing = subprocess.run(["readelf", "-d", str(plugin)], capture_output=True, text=True, check=True).stdout
    assert platform_check.read_dynamic(plugin).needed == tuple(
        re.findall(r"\(NEEDED\)\s+Shared library: \[(.+)\]", listing)
    )
    runpath = re.search(r"\((?:RUNPATH|RPATH)\)\s+Library (?:runpath|rpath): \[(.+)\]", listing)
    assert platform_check.read_dynamic(plugin).runpath == (tuple(runpath[1].split(":")) if runpath else ())


def test_refuses_what_is_not_elf(tmp_path: Path) -> None:
    text = tmp_path / "libqxcb.so"
    text.write_text("INPUT(-lxcb)\n")  # a linker script, as some distributions ship under a .so name
    with pytest.raises(platform_check.NotElf):
        platform_check.read_dynamic(text)


@linux_only
@needs_cc
def test_finds_missing_libraries_directly_and_through_shipped_ones(broken_plugin: Path) -> None:
    missing = platform_check.missing_libraries(broken_plugin)
    assert [(m.soname, m.needed_by) for m in missing] == [
        ("libposapp-absent-deep.so.1", "libQt6PosappFake.so.6"),
        ("libposapp-absent.so.7", "libqxcb.so"),
    ]
    assert all("cannot open shared object file" in m.reason for m in missing)


@linux_only
@pytest.mark.skipif(shutil.which("ldd") is None, reason="no ldd to compare with")
def test_agrees_with_ldd_on_the_wheel_plugin() -> None:
    """Whatever this machine lacks for the real plugin, the check names the same libraries as ldd."""
    plugin = platform_check.find_platform_plugin("xcb", {})
    assert plugin is not None
    listing = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    not_found = set(re.findall(r"^\s*(\S+) => not found", listing, re.MULTILINE))
    assert {m.soname for m in platform_check.missing_libraries(plugin)} == not_found


def run_posapp(*args: str, env: dict[str, str], home: Path) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND_", "XDG_SESSION"))}
    environ.update(POSAPP_HOME=str(home), **env)
    return subprocess.run(
        [sys.executable, "-m", "posapp", *args], capture_output=True, text=True, env=environ, timeout=120, cwd=ROOT
    )


@linux_only
@needs_cc
def test_console_exits_2_naming_what_to_install_instead_of_aborting(broken_plugin: Path, tmp_path: Path) -> None:
    result = run_posapp(env={"DISPLAY": ":99", "QT_QPA_PLATFORM_PLUGIN_PATH": str(broken_plugin.parent)}, home=tmp_path)
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "libposapp-absent.so.7  (needed by libqxcb.so)" in result.stderr
    assert "libposapp-absent-deep.so.1  (needed by libQt6PosappFake.so.6)" in result.stderr
    assert "Install them, then start posapp again" in result.stderr
    assert "qt.qpa" not in result.stderr  # Qt was never asked to load the plugin


@linux_only
def test_console_without_a_display_exits_2(tmp_path: Path) -> None:
    result = run_posapp(env={}, home=tmp_path)
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "DISPLAY is not set" in result.stderr


@linux_only
@needs_cc
@pytest.mark.slow
def test_other_platforms_are_left_to_qt(broken_plugin: Path, tmp_path: Path) -> None:
    """Offscreen does not need xcb: a broken xcb plugin does not stop the self-test."""
    result = run_posapp(
        "--self-test",
        env={"QT_QPA_PLATFORM": "offscreen", "QT_QPA_PLATFORM_PLUGIN_PATH": str(broken_plugin.parent)},
        home=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "self-test ok" in result.stdout


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, ["xcb"]),
        ({"XDG_SESSION_TYPE": "x11"}, ["xcb"]),
        ({"XDG_SESSION_TYPE": "wayland"}, ["wayland", "xcb"]),
        ({"QT_QPA_PLATFORM": "offscreen"}, ["offscreen"]),
        ({"QT_QPA_PLATFORM": "wayland;xcb:nograb", "XDG_SESSION_TYPE": "x11"}, ["wayland", "xcb"]),
    ],
)
def test_platforms_qt_would_try(environ: dict[str, str], expected: list[str]) -> None:
    assert platform_check.platforms_qt_would_try(environ) == expected


@linux_only
@needs_cc
def test_a_working_wayland_session_needs_no_xcb(broken_plugin: Path, tmp_path: Path) -> None:
    socket = tmp_path / "wayland-0"
    socket.touch()
    wayland = shared_library(tmp_path / "libqwayland.so", "libqwayland.so")
    environ = {
        "XDG_SESSION_TYPE": "wayland",
        "WAYLAND_DISPLAY": "wayland-0",
        "XDG_RUNTIME_DIR": str(tmp_path),
        "DISPLAY": ":0",
        "QT_QPA_PLATFORM_PLUGIN_PATH": f"{broken_plugin.parent}{os.pathsep}{wayland.parent}",
    }
    assert platform_check.gui_platform_problem(environ) is None
    # With the Wayland compositor gone, Qt would fall back to xcb, which cannot load.
    socket.unlink()
    problem = platform_check.gui_platform_problem(environ, family="debian")
    assert problem is not None and "libposapp-absent.so.7" in problem


@pytest.mark.parametrize(
    ("os_release", "family"),
    [
        ({"ID": "ubuntu", "ID_LIKE": "debian"}, "debian"),
        ({"ID": "linuxmint", "ID_LIKE": "ubuntu debian"}, "debian"),
        ({"ID": "rocky", "ID_LIKE": "rhel centos fedora"}, "fedora"),
        ({"ID": "opensuse-tumbleweed", "ID_LIKE": "opensuse suse"}, "suse"),
        ({"ID": "manjaro", "ID_LIKE": "arch"}, "arch"),
        ({"ID": "alpine"}, None),
    ],
)
def test_os_family(os_release: dict[str, str], family: str | None) -> None:
    assert platform_check.os_family(os_release) == family


def test_advice_names_each_familys_packages_and_how_to_find_unknown_ones() -> None:
    missing = [
        MissingLibrary("libxcb-icccm.so.4", "libqxcb.so", ""),
        MissingLibrary("libxcb-keysyms.so.1", "libqxcb.so", ""),
        MissingLibrary("libposapp-unknown.so.3", "libqxcb.so", ""),
    ]
    assert platform_check.install_advice(missing, "debian") == [
        "  Debian, Ubuntu, Mint:  sudo apt install libxcb-icccm4 libxcb-keysyms1",
        "  Debian, Ubuntu, Mint:  find the package of libposapp-unknown.so.3 with: "
        "apt-file search libposapp-unknown.so.3",
    ]
    every = "\n".join(platform_check.install_advice(missing[:2], None))
    assert "sudo dnf install xcb-util-keysyms xcb-util-wm" in every
    assert "sudo zypper install libxcb-icccm4 libxcb-keysyms1" in every
    assert "sudo pacman -S --needed xcb-util-keysyms xcb-util-wm" in every


def system_libraries_of_the_xcb_plugin() -> set[str]:
    """Every library from the system the wheel's xcb plugin needs (directly or through Qt's libraries)."""
    plugin = platform_check.find_platform_plugin("xcb", {})
    assert plugin is not None
    return {m.soname for m in platform_check.missing_libraries(plugin, load=lambda soname: "not looked for")}


@linux_only
def test_every_system_library_of_the_xcb_plugin_has_a_package_in_every_family() -> None:
    unknown = sorted(s for s in system_libraries_of_the_xcb_plugin() if s not in platform_check.PACKAGES)
    assert not unknown, f"add these to platform_check.PACKAGES: {unknown}"


@linux_only
def test_readme_lists_the_system_packages_for_each_family() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    needed = system_libraries_of_the_xcb_plugin()
    for family in platform_check.FAMILIES:
        line = next((line for line in readme.splitlines() if platform_check.INSTALL_COMMANDS[family] in line), "")
        assert line, f"the README has no '{platform_check.INSTALL_COMMANDS[family]}' line"
        listed = set(line.split(platform_check.INSTALL_COMMANDS[family], 1)[1].strip(" `|").split())
        packages = {platform_check.package_for(s, family) for s in needed} - {"glibc", "libc6", "gcc-libs"}
        assert packages <= listed, f"{family}: the README misses {sorted(packages - listed)}"
