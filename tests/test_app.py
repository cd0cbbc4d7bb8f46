"""The command line: version, self-test, logging without secrets, idempotent shutdown."""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from posapp import __version__
from posapp.app import parse_args
from posapp.config import Settings
from posapp.console import Console, SecretFilter


def posapp(*args: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "POSAPP_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "posapp", *args], capture_output=True, text=True, env=env, timeout=timeout
    )


def test_version(posapp_home: Path) -> None:
    result = posapp("--version", home=posapp_home)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].startswith(f"posapp {__version__} (revision ")


def test_self_test_paints_and_exits_zero(posapp_home: Path) -> None:
    result = posapp("--self-test", home=posapp_home)
    assert result.returncode == 0, result.stderr
    assert "self-test ok: main window painted" in result.stdout
    journal = posapp_home / "data" / "journal.sqlite3"
    assert journal.is_file(), "the self-test opens (and so creates) the journal"
    with sqlite3.connect(journal) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_self_test_fails_with_reason_on_broken_settings(posapp_home: Path) -> None:
    config = posapp_home / "config"
    config.mkdir()
    (config / "settings.toml").write_text("provider = [not toml", encoding="utf-8")
    result = posapp("--self-test", home=posapp_home)
    assert result.returncode == 1
    assert "self-test failed" in result.stderr
    assert "settings.toml" in result.stderr


def test_parse_args_commands() -> None:
    assert parse_args(["sandbox", "--port", "8123"]).port == 8123
    assert parse_args(["tour", "out"]).dir == Path("out")
    assert parse_args(["--self-test"]).self_test is True
    with pytest.raises(SystemExit):
        parse_args(["--no-such-option"])


def test_secret_filter_cuts_registered_secrets(caplog: pytest.LogCaptureFixture) -> None:
    secret = "PRIVKEY-canary-7f3a"
    flt = SecretFilter()
    flt.add([secret, ""])
    logger = logging.getLogger("posapp.test.secret")
    handler_records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            handler_records.append(self.format(record))

    handler = Collect()
    handler.addFilter(flt)
    logger.addHandler(handler)
    try:
        logger.warning("calling %s/api with %s", "https://host", secret)
        try:
            raise RuntimeError(f"bad key {secret}")
        except RuntimeError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
    text = "\n".join(handler_records)
    assert secret not in text
    assert "***" in text
    assert "calling https://host/api" in text


def test_console_close_is_idempotent() -> None:
    console = Console(Settings())
    journal = console.open_journal()

    async def close_twice() -> None:
        await asyncio.gather(console.aclose(), console.aclose())
        await console.aclose()

    asyncio.run(close_twice())
    assert journal._closed


async def test_training_console_starts_sandbox_and_closes_everything(posapp_home: Path) -> None:
    console = Console(Settings())
    journal = console.open_journal()
    gateway = await console.connect_provider()
    assert console.sandbox is not None
    sandbox_url = console.sandbox.base_url
    assert sandbox_url.startswith("http://127.0.0.1:")
    balance = await gateway.balance()
    assert balance.currency == "XAF"
    await console.aclose()
    await console.aclose()
    import httpx

    async with httpx.AsyncClient() as client:
        with pytest.raises(httpx.ConnectError):
            await client.get(sandbox_url + "/mycoolpay/_sandbox/state", timeout=2)
    with pytest.raises(Exception, match="closed"):
        journal.get("anything")


def test_training_keeps_its_own_journal_and_shares_the_users(posapp_home: Path) -> None:
    from posapp.journal.users import UserStore

    live = Console(Settings(provider="mycoolpay"))
    books = live.open_journal()
    assert books.path.name == "journal.sqlite3" and live.users_journal is books
    UserStore(books).create_first_manager("Kofi", "5831")
    asyncio.run(live.aclose())

    training = Console(Settings())
    journal = training.open_journal()
    assert journal.path.name == "training-journal.sqlite3" and journal.path.parent == books.path.parent
    assert training.reader is not None and training.reader.path == journal.path
    assert training.users_journal is not None and training.users_journal.path == books.path
    assert [u.name for u in UserStore(training.users_journal).list_users()] == ["Kofi"], "the same people"
    asyncio.run(training.aclose())


async def test_training_leftovers_end_when_the_emulator_starts_empty_and_never_reach_the_books(
    posapp_home: Path,
) -> None:
    from posapp.core.money import Money
    from posapp.core.phone import parse_mobile
    from posapp.core.transactions import Status
    from posapp.journal.store import Journal

    first = Console(Settings())
    first.open_journal()
    await first.connect_provider()
    await first.start_services()
    pushed = await first.services.checkout.start_push_payment(
        Money(1500, "XAF"), parse_mobile("677000001"), "lesson 1", cashier="ama"
    )
    ref = pushed.transaction.app_ref
    await first.aclose()  # the trainee closes posapp: the emulator and its payment are gone

    second = Console(Settings())
    journal = second.open_journal()
    await second.connect_provider()
    await second.start_services()
    tx = journal.get(ref)
    assert tx is not None and tx.status is Status.CANCELED
    assert journal.timeline(ref)[-1].type == "training_ended"
    assert not second.services.tracker.is_following(ref)
    await second.aclose()
    with Journal.open() as books:
        assert books.get(ref) is None and books.unfinished() == [], "training never reaches the merchant's books"


async def test_switching_between_training_and_live_rebuilds_the_console(posapp_home: Path) -> None:
    from posapp.ui.wiring.console import switch_provider

    console = Console(Settings())
    live = Settings(provider="mycoolpay", public_key="pk_live")
    await switch_provider(console, None, live)
    assert console.restart_with is live and console.quit_requested.is_set()
