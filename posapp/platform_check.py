"""Before Qt starts: can the platform plugin Qt will pick be loaded? If not, say what to install.

On Linux, Qt aborts the whole process (SIGABRT, a core dump, a message naming the wrong library) when
its platform plugin cannot be loaded, and the xcb plugin of the PySide6 wheel needs X libraries that a
stock desktop often lacks (``libxcb-cursor0``, ``libxcb-icccm4``, ``libxcb-keysyms1``...). This module
finds the plugin Qt would load, walks the ``DT_NEEDED`` entries of it and of the Qt libraries it pulls
in (read from the ELF files with the standard library), asks the dynamic loader to open each library
that does not come with posapp, and turns what is missing into the package names of the user's
distribution. No Qt import: it runs before Qt is loaded.

``python -m posapp.platform_check`` prints the same report (exit 2 when something is missing).
"""

from __future__ import annotations

import importlib.util
import os
import struct
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

EXIT_MISSING = 2

# ---------------------------------------------------------------------------------------------- ELF


class NotElf(ValueError):
    """The file is not an ELF object."""


@dataclass(frozen=True)
class ElfDynamic:
    """What the dynamic loader reads from an ELF object's dynamic section."""

    soname: str
    needed: tuple[str, ...]
    runpath: tuple[str, ...]  # DT_RUNPATH, or DT_RPATH when there is no RUNPATH
    runpath_offset: int = -1  # where the run path's string is in the file (packaging rewrites it); -1 none


_PT_LOAD, _PT_DYNAMIC = 1, 2
_DT_NEEDED, _DT_STRTAB, _DT_STRSZ, _DT_SONAME, _DT_RPATH, _DT_RUNPATH = 1, 5, 10, 14, 15, 29


def read_dynamic(path: Path) -> ElfDynamic:
    """The soname, needed libraries and run path of an ELF shared object or executable."""
    with open(path, "rb") as file:
        ident = file.read(16)
        if len(ident) < 16 or ident[:4] != b"\x7fELF":
            raise NotElf(f"{path} is not an ELF file")
        wide = ident[4] == 2
        order = "<" if ident[5] == 1 else ">"
        header = file.read(48 if wide else 36)
        if wide:
            phoff, phentsize, phnum = (
                struct.unpack_from(order + "Q", header, 16)[0],
                *struct.unpack_from(order + "HH", header, 38),
            )
        else:
            phoff, phentsize, phnum = (
                struct.unpack_from(order + "I", header, 12)[0],
                *struct.unpack_from(order + "HH", header, 26),
            )
        file.seek(phoff)
        table = file.read(phentsize * phnum)
        loads: list[tuple[int, int, int]] = []  # (vaddr, filesz, offset)
        dynamic: tuple[int, int] | None = None  # (offset, size)
        for i in range(phnum):
            if wide:
                p_type, _flags, offset, vaddr, _paddr, filesz = struct.unpack_from(
                    order + "IIQQQQ", table, i * phentsize
                )
            else:
                p_type, offset, vaddr, _paddr, filesz = struct.unpack_from(order + "IIIII", table, i * phentsize)
            if p_type == _PT_LOAD:
                loads.append((vaddr, filesz, offset))
            elif p_type == _PT_DYNAMIC:
                dynamic = (offset, filesz)
        if dynamic is None:
            return ElfDynamic("", (), ())  # statically linked
        file.seek(dynamic[0])
        raw = file.read(dynamic[1])
        entry = order + ("qQ" if wide else "iI")
        step = struct.calcsize(entry)
        tags: list[tuple[int, int]] = []
        for start in range(0, len(raw) - step + 1, step):
            tag, value = struct.unpack_from(entry, raw, start)
            if tag == 0:
                break
            tags.append((tag, value))
        values = dict(tags)
        strtab, strsz = values.get(_DT_STRTAB), values.get(_DT_STRSZ, 0)
        if strtab is None:
            return ElfDynamic("", (), ())
        table_offset = next(
            (offset + strtab - vaddr for vaddr, filesz, offset in loads if vaddr <= strtab < vaddr + filesz), None
        )
        if table_offset is None:
            raise NotElf(f"{path}: the string table is outside every loaded segment")
        file.seek(table_offset)
        strings = file.read(strsz)
    runpath = values.get(_DT_RUNPATH, values.get(_DT_RPATH))

    def text(offset: int) -> str:
        return strings[offset : strings.index(b"\0", offset)].decode("utf-8", "replace")

    needed = tuple(text(value) for tag, value in tags if tag == _DT_NEEDED)
    return ElfDynamic(
        soname=text(values[_DT_SONAME]) if _DT_SONAME in values else "",
        needed=needed,
        runpath=tuple(p for p in text(runpath).split(":") if p) if runpath is not None else (),
        runpath_offset=table_offset + runpath if runpath is not None else -1,
    )


def expand_runpath(entries: Iterable[str], origin: Path) -> list[Path]:
    """The run path's directories with ``$ORIGIN`` (the object's own folder) filled in."""
    return [Path(e.replace("${ORIGIN}", str(origin)).replace("$ORIGIN", str(origin))) for e in entries]


# ------------------------------------------------------------------------------------------ loading


@dataclass(frozen=True)
class MissingLibrary:
    """A library the platform plugin needs that the dynamic loader cannot open."""

    soname: str  # the library that is not there (the deepest one the loader names)
    needed_by: str  # the file name of the library that asked for it
    reason: str  # the loader's own words


def try_load(soname: str) -> str | None:
    """None when the dynamic loader opens ``soname`` (by name, as for a DT_NEEDED), else its error."""
    import ctypes  # here, not at the top: the console imports this module at every start

    try:
        ctypes.CDLL(soname, mode=os.RTLD_LAZY | getattr(os, "RTLD_LOCAL", 0))
    except OSError as exc:
        return str(exc)
    return None


def _missing_name(soname: str, error: str) -> str:
    """The library the loader's message names: ``libfoo.so.1: cannot open shared object file: ...``."""
    head = error.split(":", 1)[0].strip()
    if head and "cannot open shared object file" in error and "/" not in head:
        return head
    return soname


def missing_libraries(
    plugin: Path, *, extra_dirs: Sequence[Path] = (), load: Callable[[str], str | None] = try_load
) -> list[MissingLibrary]:
    """Every library ``plugin`` needs, directly or through the libraries shipped with it, that cannot load.

    A needed library found in the run path of the object that needs it (or in ``extra_dirs``, where a
    bundle keeps its libraries) is read in turn; any other is opened by name through the dynamic loader,
    which also checks that library's own dependencies and symbol versions.
    """
    missing: dict[str, MissingLibrary] = {}
    checked: set[str] = set()
    queue = [plugin]
    read: set[Path] = set()
    while queue:
        current = queue.pop()
        resolved = current.resolve()
        if resolved in read:
            continue
        read.add(resolved)
        dynamic = read_dynamic(current)
        directories = expand_runpath(dynamic.runpath, resolved.parent) + list(extra_dirs)
        for soname in dynamic.needed:
            if soname in checked:
                continue
            checked.add(soname)
            shipped = next((d / soname for d in directories if (d / soname).is_file()), None)
            if shipped is not None:
                queue.append(shipped)
                continue
            error = load(soname)
            if error is not None:
                name = _missing_name(soname, error)
                missing.setdefault(name, MissingLibrary(name, current.name, error))
    return sorted(missing.values(), key=lambda m: m.soname)


# ------------------------------------------------------------------------------ which plugin, where


def platforms_qt_would_try(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt tries, in order, for this environment (Qt 6 on Linux).

    ``QT_QPA_PLATFORM`` names them (``wayland;xcb``, options after a colon); without it Qt uses xcb,
    trying wayland first in a Wayland session. posapp never passes ``-platform`` on to Qt.
    """
    names = environ.get("QT_QPA_PLATFORM", "").strip()
    if names:
        return [n.split(":", 1)[0].strip() for n in names.split(";") if n.strip()]
    if environ.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def qt_plugin_dirs() -> list[Path]:
    """Where this installation's Qt plugins are: in the PyInstaller bundle, or in the PySide6 wheel."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return [Path(bundle) / "PySide6" / "Qt" / "plugins"]
    spec = importlib.util.find_spec("PySide6")  # finds the package without loading Qt
    if spec is None or not spec.submodule_search_locations:
        return []
    return [Path(location) / "Qt" / "plugins" for location in spec.submodule_search_locations]


def find_platform_plugin(name: str, environ: Mapping[str, str]) -> Path | None:
    """The file Qt loads for platform ``name``, searched in Qt's order.

    ``QT_QPA_PLATFORM_PLUGIN_PATH`` first, then each ``QT_PLUGIN_PATH`` folder's ``platforms``, then
    the installation's own plugins.
    """
    folders = [Path(p) for p in environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p]
    folders += [Path(p) / "platforms" for p in environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    folders += [d / "platforms" for d in qt_plugin_dirs()]
    for folder in folders:
        candidate = folder / f"libq{name}.so"
        if candidate.is_file():
            return candidate
    return None


def _bundle_dirs() -> list[Path]:
    bundle = getattr(sys, "_MEIPASS", None)
    return [Path(bundle)] if bundle else []


def _wayland_display_exists(environ: Mapping[str, str]) -> bool:
    display = environ.get("WAYLAND_DISPLAY", "")
    if not display:
        return False
    path = Path(display) if display.startswith("/") else Path(environ.get("XDG_RUNTIME_DIR", "")) / display
    return path.exists()


# --------------------------------------------------------------------------------------- packages

FAMILIES = ("debian", "fedora", "suse", "arch")
FAMILY_NAMES = {
    "debian": "Debian, Ubuntu, Mint",
    "fedora": "Fedora, RHEL, Rocky, Alma",
    "suse": "openSUSE, SLES",
    "arch": "Arch, Manjaro",
}
INSTALL_COMMANDS = {
    "debian": "sudo apt install",
    "fedora": "sudo dnf install",
    "suse": "sudo zypper install",
    "arch": "sudo pacman -S --needed",
}
SEARCH_COMMANDS = {
    "debian": "apt-file search {soname}",
    "fedora": "dnf provides '*/{soname}'",
    "suse": "zypper search --provides {soname}",
    "arch": "pacman -F {soname}",
}

# soname -> package per family (debian, fedora, suse, arch). The libraries the Qt libraries and plugins
# of posapp's bundle take from the system; packaging/build_deb.py derives the .deb's Depends from it.
_GLIBC = ("libc6", "glibc", "glibc", "glibc")
_LIBXCB = ("libxcb", "libxcb")
PACKAGES: dict[str, tuple[str, str, str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor", "libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm", "libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image", "libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms", "libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": (
        "libxcb-render-util0",
        "xcb-util-renderutil",
        "libxcb-render-util0",
        "xcb-util-renderutil",
    ),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util", "libxcb-util1", "xcb-util"),
    "libxcb.so.1": ("libxcb1", _LIBXCB[0], "libxcb1", _LIBXCB[1]),
    "libxcb-glx.so.0": ("libxcb-glx0", _LIBXCB[0], "libxcb-glx0", _LIBXCB[1]),
    "libxcb-randr.so.0": ("libxcb-randr0", _LIBXCB[0], "libxcb-randr0", _LIBXCB[1]),
    "libxcb-render.so.0": ("libxcb-render0", _LIBXCB[0], "libxcb-render0", _LIBXCB[1]),
    "libxcb-shape.so.0": ("libxcb-shape0", _LIBXCB[0], "libxcb-shape0", _LIBXCB[1]),
    "libxcb-shm.so.0": ("libxcb-shm0", _LIBXCB[0], "libxcb-shm0", _LIBXCB[1]),
    "libxcb-sync.so.1": ("libxcb-sync1", _LIBXCB[0], "libxcb-sync1", _LIBXCB[1]),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", _LIBXCB[0], "libxcb-xfixes0", _LIBXCB[1]),
    "libxcb-xinput.so.0": ("libxcb-xinput0", _LIBXCB[0], "libxcb-xinput0", _LIBXCB[1]),
    "libxcb-xkb.so.1": ("libxcb-xkb1", _LIBXCB[0], "libxcb-xkb1", _LIBXCB[1]),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb", "libX11-xcb1", "libx11"),
    "libX11.so.6": ("libx11-6", "libX11", "libX11-6", "libx11"),
    "libXext.so.6": ("libxext6", "libXext", "libXext6", "libxext"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon", "libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libGL.so.1": ("libgl1", "libglvnd-glx", "libGL1", "libglvnd"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl", "libEGL1", "libglvnd"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl", "libOpenGL0", "libglvnd"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig", "libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype", "libfreetype6", "freetype2"),
    "libpng16.so.16": ("libpng16-16", "libpng", "libpng16-16", "libpng"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2", "libglib-2_0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2", "libgthread-2_0-0", "glib2"),
    "libgobject-2.0.so.0": ("libglib2.0-0", "glib2", "libgobject-2_0-0", "glib2"),
    "libgio-2.0.so.0": ("libglib2.0-0", "glib2", "libgio-2_0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs", "libdbus-1-3", "dbus"),
    "libcups.so.2": ("libcups2", "cups-libs", "libcups2", "libcups"),
    # Left to the system by the Linux bundle too: OpenSSL 3 (Python's ssl and hashlib) and PostgreSQL's
    # client library (the shop store's psycopg, pure Python there); not needed to open the window.
    "libssl.so.3": ("libssl3", "openssl-libs", "libopenssl3", "openssl"),
    "libcrypto.so.3": ("libssl3", "openssl-libs", "libopenssl3", "openssl"),
    "libpq.so.5": ("libpq5", "libpq", "libpq5", "postgresql-libs"),
    # Python's ctypes and uuid extensions: libffi is GLib's own dependency, libuuid util-linux's.
    "libffi.so.8": ("libffi8", "libffi", "libffi8", "libffi"),
    "libuuid.so.1": ("libuuid1", "libuuid", "libuuid1", "util-linux-libs"),
    "libstdc++.so.6": ("libstdc++6", "libstdc++", "libstdc++6", "gcc-libs"),
    "libgcc_s.so.1": ("libgcc-s1", "libgcc", "libgcc_s1", "gcc-libs"),
    "libz.so.1": ("zlib1g", "zlib", "libz1", "zlib"),
    "libzstd.so.1": ("libzstd1", "libzstd", "libzstd1", "zstd"),
    "libc.so.6": _GLIBC,
    "libm.so.6": _GLIBC,
    "libdl.so.2": _GLIBC,
    "libpthread.so.0": _GLIBC,
    "librt.so.1": _GLIBC,
    "libutil.so.1": _GLIBC,
    "ld-linux-x86-64.so.2": _GLIBC,
    "ld-linux-aarch64.so.1": _GLIBC,
}


def package_for(soname: str, family: str) -> str | None:
    """The package of ``family`` that provides ``soname``, when posapp knows it."""
    packages = PACKAGES.get(soname)
    return packages[FAMILIES.index(family)] if packages else None


def os_family(os_release: Mapping[str, str] | None = None) -> str | None:
    """``debian``, ``fedora``, ``suse`` or ``arch`` from os-release's ID and ID_LIKE; None when unknown."""
    if os_release is None:
        import platform

        try:
            os_release = platform.freedesktop_os_release()
        except OSError:
            return None
    ids = f"{os_release.get('ID', '')} {os_release.get('ID_LIKE', '')}".lower().split()
    for family, members in (
        ("debian", ("debian", "ubuntu")),
        ("fedora", ("fedora", "rhel", "centos")),
        ("suse", ("suse", "opensuse", "sles")),
        ("arch", ("arch",)),
    ):
        if any(i in members or i.startswith("opensuse") and family == "suse" for i in ids):
            return family
    return None


def install_advice(missing: Sequence[MissingLibrary], family: str | None) -> list[str]:
    """Lines telling how to install the missing libraries: for ``family``, or for every family."""
    lines = []
    for each in [family] if family else list(FAMILIES):
        known = sorted({p for m in missing if (p := package_for(m.soname, each))})
        unknown = [m.soname for m in missing if package_for(m.soname, each) is None]
        label = FAMILY_NAMES[each]
        if known:
            lines.append(f"  {label}:  {INSTALL_COMMANDS[each]} {' '.join(known)}")
        for soname in unknown:
            lines.append(
                f"  {label}:  find the package of {soname} with: {SEARCH_COMMANDS[each].format(soname=soname)}"
            )
    return lines


# ------------------------------------------------------------------------------------------ the check


def gui_platform_problem(
    environ: Mapping[str, str] | None = None, *, family: str | None = None, load: Callable[[str], str | None] = try_load
) -> str | None:
    """What stops Qt's platform plugin from loading here, in words for the user; None when nothing does.

    Only on Linux, and only for the xcb plugin (and wayland, which Qt tries first in a Wayland
    session): other platforms (``offscreen``, ``vnc``, Windows, macOS) are left to Qt.
    """
    if not sys.platform.startswith("linux"):
        return None
    environ = os.environ if environ is None else environ
    for name in platforms_qt_would_try(environ):
        if name.startswith("wayland"):
            plugin = find_platform_plugin(name, environ)
            if (
                plugin
                and _wayland_display_exists(environ)
                and not missing_libraries(plugin, extra_dirs=_bundle_dirs(), load=load)
            ):
                return None
            continue  # Qt falls back to the next platform
        if name != "xcb":
            return None
        plugin = find_platform_plugin("xcb", environ)
        if plugin is None:
            return (
                "posapp cannot open its window: the Qt platform plugin for X11 (libqxcb.so) is missing from "
                "this installation. Reinstall posapp."
            )
        if not environ.get("DISPLAY"):
            return (
                "posapp cannot open its window: no graphical desktop was found (DISPLAY is not set). "
                "Start posapp from the desktop session; for a check without a screen, run it with "
                "QT_QPA_PLATFORM=offscreen."
            )
        missing = missing_libraries(plugin, extra_dirs=_bundle_dirs(), load=load)
        if not missing:
            return None
        chosen = family if family is not None else os_family()
        lines = [
            "posapp cannot open its window: the Qt platform plugin for X11 (xcb) needs libraries this "
            "computer does not have:",
            *(f"  {m.soname}  (needed by {m.needed_by})" for m in missing),
            "Install them, then start posapp again:",
            *install_advice(missing, chosen),
        ]
        return "\n".join(lines)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Print what the platform check finds; exit 2 when the console could not open its window."""
    problem = gui_platform_problem()
    if problem:
        sys.stderr.write(problem + "\n")
        return EXIT_MISSING
    sys.stdout.write("the Qt platform plugin can be loaded\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
