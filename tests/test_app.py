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
from posapp.app import Console, SecretFilter, parse_args
from posapp.config import Settings


def posapp(*args: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "POSAPP_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "posapp", *args], capture_output=True, text=True, env=env, timeout=timeout
    )


def test_version(posapp_home: Path) -> None:
    result = posapp("--version", home=posapp_home)
    assert result.returncode == 0
    assert result.stdout.strip() == f"posapp {__version__}"


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
