"""The README's two commands are the ones CI runs and the ones a fresh machine needs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    section = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("## Two commands", 1)[1]
    section = section.split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_has_exactly_two_commands() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    run_app, run_tests = commands
    assert run_app.endswith(".venv/bin/posapp")
    assert "pytest" in run_tests
    for command in commands:
        assert command.startswith("python3 -m venv .venv && .venv/bin/pip install")


def test_readme_commands_install_from_the_locks() -> None:
    """Exact, hash-checked versions; posapp itself without resolving anything (or fetching a build backend)."""
    run_app, run_tests = readme_commands()
    assert "--require-hashes -r packaging/requirements.lock &&" in run_app
    assert "--require-hashes -r packaging/requirements-dev.lock &&" in run_tests
    for command in (run_app, run_tests):
        assert "--no-deps --no-build-isolation -e . &&" in command
        assert "[test" not in command  # the extras' ranges would resolve anew


def test_ci_runs_the_readme_test_command() -> None:
    script = ROOT.joinpath(".ci", "run").read_text(encoding="utf-8")
    last = [line for line in script.splitlines() if line.strip() and not line.startswith("#")][-1]
    assert last == readme_commands()[1]


def test_readme_screenshot_exists() -> None:
    text = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
        assert (ROOT / image).is_file(), image
