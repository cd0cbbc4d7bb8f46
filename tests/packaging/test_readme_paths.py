"""The README describes the project by itself, and the files and modules it names exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
REPO_PATH = re.compile(r"`((?:posapp|packaging|resources|tests|\.github|\.ci)/[^`\s]*)`")


def test_readme_points_nowhere_outside_the_repo() -> None:
    assert "../" not in README
    assert "shared/" not in README
    for link in re.findall(r"\]\(([^)]+)\)", README):
        assert not link.startswith(("/", "..")), link


def test_every_path_the_readme_names_exists() -> None:
    named = REPO_PATH.findall(README)
    assert len(named) > 20
    missing = [path for path in named if not (ROOT / path.rstrip("/")).exists()]
    assert not missing, missing


def test_the_layers_table_names_every_package() -> None:
    packages = {p.parent.name for p in (ROOT / "posapp").glob("*/__init__.py")}
    named = {m.split("/")[1] for m in REPO_PATH.findall(README) if m.count("/") == 1 and m.startswith("posapp/")}
    assert packages <= named, f"the README's layers miss {sorted(packages - named)}"
