"""The console's shop link: started after the first paint for the live journal only, shown in the status bar."""

from __future__ import annotations

import io
import logging
import time

import keyring
import pytest

from posapp.config import Settings
from posapp.console import Console, secret_filter
from posapp.shop.link import save_store_password
from posapp.ui.main_window import MainWindow
from posapp.ui.wiring.console import start_shop_link
from tests.shop.conftest import TERMINAL_PASSWORD, ShopDatabase
from tests.shop.sales import sell
from tests.shop.test_replicator import store_events
from tests.test_keyring import MemoryKeyring


@pytest.fixture
def memory_keyring():  # type: ignore[no-untyped-def]
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


async def test_a_live_console_ships_its_journal_and_says_so(
    qtbot, shop_db: ShopDatabase, memory_keyring: MemoryKeyring
) -> None:  # type: ignore[no-untyped-def]
    save_store_password(TERMINAL_PASSWORD)
    console = Console(Settings(provider="mycoolpay", shop_store=shop_db.terminal_dsn))
    journal = console.open_journal()
    window = MainWindow(training=False, provider_label="My-CoolPay")
    qtbot.addWidget(window)
    written = io.StringIO()
    handler = logging.StreamHandler(written)
    handler.addFilter(secret_filter)  # as the console's log handlers have it
    logging.getLogger().addHandler(handler)
    try:
        sell(journal, "PAY-1", 1500)
        link = start_shop_link(console, window)
        assert link is console.shop and link is not None
        label = window.findChild(object, "shopStatus")
        deadline = time.monotonic() + 20
        while link.status.last_synced_at is None and time.monotonic() < deadline:
            qtbot.wait(50)
        label.refresh()
        assert label.text().endswith("Shop: connected")
        assert len(store_events(shop_db, link.identity.terminal_id)) == 3
        logging.getLogger("posapp.test").warning("connecting with %s", TERMINAL_PASSWORD)
    finally:
        logging.getLogger().removeHandler(handler)
        await console.aclose()
    assert link.status.state.value == "stopped"
    assert TERMINAL_PASSWORD not in written.getvalue() and "connecting with" in written.getvalue()


def test_training_never_reaches_the_shop(qtbot, shop_db: ShopDatabase) -> None:  # type: ignore[no-untyped-def]
    console = Console(Settings(shop_store=shop_db.terminal_dsn))  # no provider: training
    console.open_journal()
    window = MainWindow(training=True, provider_label="My-CoolPay")
    qtbot.addWidget(window)
    assert start_shop_link(console, window) is None and console.shop is None
    for journal in (console.reader, console.journal, console.users_journal):
        journal.close()


def test_no_shop_store_means_no_psycopg_before_the_first_paint() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from posapp.app import parse_args, Console; from posapp.config import Settings;"
        "parse_args([]); Console(Settings(provider='mycoolpay', shop_store='postgresql://t@h/shop'));"
        "print('psycopg' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
