"""The locks pin what pyproject.toml asks for, with hashes, and are what the test command installed."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]


def load_lock_tool() -> ModuleType:
    # packaging/ is the project's folder, not the PyPI "packaging" library: load the script by its path.
    spec = importlib.util.spec_from_file_location("posapp_lock_tool", ROOT / "packaging" / "lock.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


lock_tool = load_lock_tool()
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
RUNTIME = lock_tool.read_lock(lock_tool.RUNTIME_LOCK)
DEV = lock_tool.read_lock(lock_tool.DEV_LOCK)


def requirements(*, extras: tuple[str, ...]) -> list[Requirement]:
    listed = [*PYPROJECT["build-system"]["requires"], *PYPROJECT["project"]["dependencies"]]
    for extra in extras:
        listed += PYPROJECT["project"]["optional-dependencies"][extra]
    return [Requirement(text) for text in listed]


LOCKS = {
    "requirements.lock": (RUNTIME, requirements(extras=())),
    "requirements-dev.lock": (DEV, requirements(extras=lock_tool.DEV_EXTRAS)),
}


def range_problems(pins: dict[str, object], wanted: list[Requirement], lock_name: str) -> list[str]:
    wrong = []
    for requirement in wanted:
        pin = pins.get(canonicalize_name(requirement.name))
        if pin is None:
            wrong.append(f"{requirement} is not in {lock_name}: run python3 packaging/lock.py")
        elif not requirement.specifier.contains(pin.version, prereleases=True):  # type: ignore[attr-defined]
            wrong.append(f"{lock_name} pins {pin.name}=={pin.version}, outside {requirement}")  # type: ignore[attr-defined]
    return wrong


@pytest.mark.parametrize("lock_name", sorted(LOCKS))
def test_every_requirement_of_pyproject_is_locked_within_its_range(lock_name: str) -> None:
    pins, wanted = LOCKS[lock_name]
    assert range_problems(pins, wanted, lock_name) == []


def test_a_lock_that_disagrees_with_pyproject_is_caught(tmp_path: Path) -> None:
    text = lock_tool.RUNTIME_LOCK.read_text(encoding="utf-8")
    stale = tmp_path / "stale.lock"
    stale.write_text(text.replace("\nbabel==", "\nbabel-old=="), encoding="utf-8")
    problems = range_problems(lock_tool.read_lock(stale), requirements(extras=()), "stale.lock")
    assert any(p.startswith("babel") for p in problems), problems
    pinned = RUNTIME["babel"].version
    narrower = [Requirement(f"babel>{pinned}") if r.name == "babel" else r for r in requirements(extras=())]
    assert range_problems(RUNTIME, narrower, "requirements.lock") == [
        f"requirements.lock pins babel=={pinned}, outside babel>{pinned}"
    ]


@pytest.mark.parametrize("lock_name", sorted(LOCKS))
def test_every_pin_is_exact_hashed_and_needed(lock_name: str) -> None:
    pins, wanted = LOCKS[lock_name]
    direct = {canonicalize_name(r.name) for r in wanted}
    problems = []
    for pin in pins.values():
        if not pin.version or not pin.hashes or not all(h.startswith("sha256:") for h in pin.hashes):
            problems.append(f"{pin.name}: not an exact version with sha256 hashes")
        reasons = [r for r in pin.needed_by if not r.startswith("-c ")]
        for reason in reasons:
            if reason == "posapp (pyproject.toml)" or reason == "-r build-system.requires":
                if pin.name not in direct:
                    problems.append(f"{pin.name} is locked for posapp, which no longer asks for it")
            elif canonicalize_name(reason.split()[0]) not in pins:
                problems.append(f"{pin.name} is locked for {reason}, which is not locked")
        if not reasons:
            problems.append(f"{pin.name}: nothing in {lock_name} needs it")
    assert problems == []


def test_the_app_lock_has_the_dev_locks_versions() -> None:
    differ = [f"{name}: {pin.version} vs {DEV[name].version}" for name, pin in RUNTIME.items() if name not in DEV]
    differ += [
        f"{name}: {pin.version} vs {DEV[name].version}"
        for name, pin in RUNTIME.items()
        if name in DEV and DEV[name].version != pin.version
    ]
    assert differ == []


def test_this_environment_was_installed_from_the_dev_lock() -> None:
    """The test command installs from the lock: what is installed here is what the lock says."""
    if not (ROOT / ".venv").exists() or Path(sys.prefix).resolve() != (ROOT / ".venv").resolve():
        pytest.skip("not the README's .venv: a developer's own environment need not match the lock")
    wrong = []
    for pin in DEV.values():
        if pin.marker is not None and not Marker(pin.marker).evaluate():
            continue
        try:
            installed = importlib.metadata.version(pin.name)
        except importlib.metadata.PackageNotFoundError:
            wrong.append(f"{pin.name} {pin.version} is locked but not installed")
            continue
        if installed != pin.version:
            wrong.append(f"{pin.name}: {installed} installed, {pin.version} locked")
    assert wrong == []
