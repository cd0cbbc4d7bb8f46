"""The whole console, as ``posapp`` runs it: switching between training and live rebuilds it on the other journal."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

import posapp.app as app_module
from posapp.app import parse_args, run_console
from posapp.config import Settings
from posapp.console import Console
from posapp.ui.i18n import install_translators
from tests.helpers.qt_async import run_on_qt_loop, wait_until


@pytest.fixture
def consoles(monkeypatch: pytest.MonkeyPatch) -> list[Console]:
    """Every console ``run_console`` builds, in order."""
    built: list[Console] = []

    class Recorded(Console):
        def __init__(self, settings: Settings, **kwargs: object) -> None:
            super().__init__(settings, **kwargs)  # type: ignore[arg-type]
            built.append(self)

    monkeypatch.setattr(app_module, "Console", Recorded)
    return built


async def started(consoles: list[Console], count: int, what: str) -> Console:
    """The ``count``-th console once it is connected, its screens attached and its Settings wired."""
    await wait_until(
        lambda: (
            len(consoles) >= count
            and consoles[count - 1].manager is not None
            and consoles[count - 1].settings_wiring is not None
        ),
        30,
        what,
    )
    return consoles[count - 1]


@pytest.fixture
def english_after(qapp: QApplication) -> Iterator[None]:
    """run_console installs the language it is told and the console's theme; the tests after expect neither."""
    style = qapp.style().name()
    yield
    install_translators(qapp, "en")
    qapp.setStyleSheet("")
    qapp.setStyle(style)


def test_going_live_rebuilds_the_console_on_the_live_journal(
    qapp: QApplication, consoles: list[Console], english_after: None
) -> None:
    async def scenario() -> int:
        running = asyncio.ensure_future(run_console(parse_args([])))
        training = await started(consoles, 1, "the training console")
        assert training.journal is not None and training.journal.path.name == "training-journal.sqlite3"
        old_window = training.window
        live = training.settings.replace(provider="mycoolpay", public_key="pk_live_test")
        screen = training.settings_wiring.settings_screen
        screen.settings_saved.emit(live)  # what the Settings screen says when a manager saves live keys
        screen.provider_changed.emit(live)
        await wait_until(lambda: len(consoles) == 2 and consoles[1].window is not None, 30, "the live console")
        rebuilt = consoles[1]  # not connected: no live keys in this machine's key store
        assert training._closed, "the training console closed before the live one was built"
        assert rebuilt.settings is live and not rebuilt.settings.training
        assert rebuilt.journal is not None and rebuilt.journal.path.name == "journal.sqlite3"
        assert rebuilt.window is not old_window and not rebuilt.window.training_banner.isVisible()
        rebuilt.quit_requested.set()
        return await asyncio.wait_for(running, 30)

    assert run_on_qt_loop(qapp, scenario(), timeout=90) == 0


def test_a_new_language_rebuilds_every_screen_and_keeps_the_training_emulator(
    qapp: QApplication, consoles: list[Console], english_after: None
) -> None:
    from posapp.core.money import Money
    from posapp.core.phone import parse_mobile
    from posapp.core.transactions import Status

    async def scenario() -> int:
        running = asyncio.ensure_future(run_console(parse_args([])))
        first = await started(consoles, 1, "the English console")
        pushed = await first.services.checkout.start_push_payment(
            Money(1500, "XAF"), parse_mobile("677000001"), "lesson", cashier="ama"
        )
        sandbox = first.sandbox
        french = first.settings.replace(language="fr")
        screen = first.settings_wiring.settings_screen
        screen.settings_saved.emit(french)
        screen.language_changed.emit("fr")
        second = await started(consoles, 2, "the French console")
        assert second.window.mode_label.text() == "Mode formation"
        assert second.sandbox is sandbox, "the emulator, and the payment it holds, carried over"
        assert second.journal is not None
        assert second.services.tracker.is_following(pushed.transaction.app_ref)
        assert pushed.transaction.provider_ref
        sandbox.mycoolpay.approve(pushed.transaction.provider_ref)
        journal = second.journal
        assert journal is not None
        await wait_until(
            lambda: journal.get(pushed.transaction.app_ref).status is Status.SUCCEEDED,  # type: ignore[union-attr]
            15,
            "the payment paid after the restart",
        )
        second.quit_requested.set()
        code = await asyncio.wait_for(running, 30)
        assert second.sandbox is sandbox and second._closed
        return code

    assert run_on_qt_loop(qapp, scenario(), timeout=90) == 0
