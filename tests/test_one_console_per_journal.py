"""One running console per journal, with two real processes on one POSAPP_HOME.

A first console holds its journal with a payment link on screen and a payout in flight. A second one
(``posapp --self-test``, and a console built in this process) is refused with the first one's process
named, and changes nothing: the link stays PENDING, the payout stays CREATED (not taken for a crash's
leftovers). A second window can bring the first forward. Once the first is killed (-9), the lock dies
with it and the next console settles what it left (in training: ended with its emulator), sending nothing.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from posapp.app import ask_to_raise
from posapp.config import Settings
from posapp.console import Console
from posapp.core.transactions import Status
from posapp.journal.lock import JournalInUse, JournalLock, lock_path, read_owner
from posapp.journal.store import Journal

ROOT = Path(__file__).resolve().parents[1]


def env_for(home: Path) -> dict[str, str]:
    return {**os.environ, "POSAPP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


@pytest.fixture
def first_console(posapp_home: Path) -> Iterator[tuple[subprocess.Popen[str], str, str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.console_process"],
        cwd=ROOT,
        env=env_for(posapp_home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().split()
        assert line[:1] == ["ready"], process.stderr.read() if process.stderr else line
        yield process, line[1], line[2]
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def journal_file(home: Path) -> Path:
    return home / "data" / "training-journal.sqlite3"


def test_a_second_console_is_refused_and_changes_nothing(
    posapp_home: Path, first_console: tuple[subprocess.Popen[str], str, str]
) -> None:
    process, link_ref, payout_ref = first_console
    second = subprocess.run(
        [sys.executable, "-m", "posapp", "--self-test"],
        cwd=ROOT,
        env=env_for(posapp_home),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert second.returncode == 1
    assert "open in another posapp console" in second.stderr and f"process {process.pid}" in second.stderr
    # A console built in this process is refused before it opens anything.
    console = Console(Settings())
    with pytest.raises(JournalInUse) as refused:
        console.open_journal()
    assert refused.value.owner is not None and refused.value.owner.pid == process.pid
    assert console.journal is None and console.services is None
    with Journal(journal_file(posapp_home)) as journal:
        assert journal.get(link_ref).status is Status.PENDING  # type: ignore[union-attr]  # its QR is on screen
        assert journal.get(payout_ref).status is Status.CREATED  # type: ignore[union-attr]  # its answer is awaited
        assert [e.type for e in journal.timeline(payout_ref)] == ["intent"]


async def test_the_next_console_resumes_only_once_the_first_is_dead(
    posapp_home: Path, first_console: tuple[subprocess.Popen[str], str, str]
) -> None:
    process, link_ref, payout_ref = first_console
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    console = Console(Settings())
    console.open_journal()  # the lock died with the process
    await console.connect_provider()
    await console.start_services()
    assert console.journal is not None and console.sandbox is not None
    # Training: the first console's emulator died with it, so its payments are ended, and nothing is resent.
    for ref in (link_ref, payout_ref):
        tx = console.journal.get(ref)
        assert tx is not None and tx.status is Status.CANCELED
        assert console.journal.timeline(ref)[-1].type == "training_ended"
    assert not console.sandbox.mycoolpay.transactions, "the new emulator was sent nothing"
    await console.aclose()
    assert not lock_path(journal_file(posapp_home)).read_text(), "a console that closed leaves no details"


def test_the_lock_names_its_holder_and_is_taken_again_after_release(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with JournalLock.acquire(path, details={"what": "console"}) as lock:
        assert lock.held
        with pytest.raises(JournalInUse) as refused:
            JournalLock.acquire(path)
        owner = refused.value.owner
        assert owner is not None and owner.pid == os.getpid() and owner.what == "console" and owner.host
        lock.update(raise_port=4321, raise_token="t")
        assert read_owner(path).raise_port == 4321  # type: ignore[union-attr]
    JournalLock.acquire(path).release()


def test_a_second_window_brings_the_first_forward(posapp_home: Path) -> None:
    """A real console window (``posapp``) in its own process answers the second one's request."""
    env = env_for(posapp_home)
    gui = subprocess.Popen(
        [sys.executable, "-m", "posapp"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        owner = None
        while time.monotonic() < deadline:
            owner = read_owner(journal_file(posapp_home))
            if owner is not None and owner.raise_port is not None:
                break
            assert gui.poll() is None, gui.communicate()[1][-2000:]
            time.sleep(0.2)
        assert owner is not None and owner.pid == gui.pid and owner.raise_port is not None
        assert asyncio.run(ask_to_raise(owner)) is True
        wrong = type(owner)(pid=owner.pid, raise_port=owner.raise_port, raise_token="not the token")
        assert asyncio.run(ask_to_raise(wrong)) is False, "only the holder's token is answered"
        log = posapp_home / "logs" / "posapp.log"
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "brought forward" not in (log.read_text() if log.exists() else ""):
            time.sleep(0.1)
        assert "brought forward at the request of another posapp console" in log.read_text()
    finally:
        gui.send_signal(signal.SIGTERM)
        try:
            gui.wait(timeout=30)
        except subprocess.TimeoutExpired:
            gui.kill()
            gui.wait()
