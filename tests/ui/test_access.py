"""AccessController: the lock laid over the console, who is signed in, idle lock and manager approvals."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from posapp.core.access import Permission, Role, ScryptParams
from posapp.core.money import Money
from posapp.journal.store import ApprovalError, Journal
from posapp.journal.users import UserStore
from posapp.ui.idle import IdleWatcher
from posapp.ui.wiring.access import AccessController
from tests.helpers.qt_async import run_on_qt_loop, wait_until
from tests.journal.conftest import Clock
from tests.ui.test_idle import FakeClock, FakeTimer

FAST = ScryptParams(n=2**8, r=8, p=1)


@pytest.fixture
def users(tmp_path: Path) -> Iterator[UserStore]:
    with Journal(tmp_path / "journal.sqlite3", clock=Clock()) as journal:
        store = UserStore(journal, params=FAST)
        store.create_first_manager("Kofi", "5831")
        store.add_user("Ama", Role.CASHIER, "2749", by="manager:Kofi")
        yield store


class Console(QWidget):
    """Stands for the window's central widget: a payment screen and a navigation button."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.payment = QLabel("pending")
        self.nav = QPushButton("History")
        layout.addWidget(self.payment)
        layout.addWidget(self.nav)


@pytest.fixture
def console(qtbot) -> Console:  # type: ignore[no-untyped-def]
    host = Console()
    qtbot.addWidget(host)
    host.resize(1024, 700)
    host.show()
    qtbot.waitExposed(host)
    return host


@pytest.fixture
def timer() -> FakeTimer:
    return FakeTimer()


@pytest.fixture
def access(qtbot, users: UserStore, console: Console, timer: FakeTimer) -> Iterator[AccessController]:  # type: ignore[no-untyped-def]
    idle = IdleWatcher(5, clock=FakeClock(), timer=timer)
    controller = AccessController(users, host=console, locale="en_CM", idle=idle)
    controller.start()
    yield controller
    idle.uninstall()


def sign_in(qtbot, access: AccessController, name: str, pin: str) -> None:  # type: ignore[no-untyped-def]
    screen = access.lock_screen
    screen.select_user(name)
    with qtbot.waitSignal(access.unlocked, timeout=2000):
        for digit in pin:
            qtbot.mouseClick(screen.entry.pad.buttons[digit], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(screen.entry.pad.buttons["enter"], Qt.MouseButton.LeftButton)


def test_starts_locked_over_the_whole_console(access: AccessController, console: Console) -> None:
    assert access.is_locked and access.current_user is None and access.actor == "system"
    assert access.lock_screen.isVisible() and access.lock_screen.geometry() == console.rect()
    assert not console.nav.isEnabled()  # shortcuts cannot drive the screens underneath
    console.resize(1280, 800)
    assert access.lock_screen.geometry() == console.rect()


def test_unlock_then_lock_again(qtbot, access: AccessController, console: Console) -> None:  # type: ignore[no-untyped-def]
    console.payment.setText("paid")  # the services keep updating screens while locked
    with qtbot.waitSignal(access.user_changed, timeout=2000) as changed:
        sign_in(qtbot, access, "Ama", "2749")
    assert changed.args[0].name == "Ama" and access.actor == "cashier:Ama"
    assert not access.lock_screen.isVisible() and console.nav.isEnabled()
    assert console.payment.text() == "paid"
    with qtbot.waitSignal(access.locked, timeout=1000), qtbot.waitSignal(access.user_changed) as gone:
        access.lock()
    assert gone.args == [None] and access.is_locked and not console.nav.isEnabled()


def test_underneath_keeps_its_own_disabled_state(qtbot, access: AccessController, console: Console) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, access, "Ama", "2749")
    console.payment.setEnabled(False)
    access.lock()
    sign_in(qtbot, access, "Ama", "2749")
    assert console.nav.isEnabled() and not console.payment.isEnabled()


def test_dialogs_are_put_away_while_locked(qtbot, access: AccessController, console: Console) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, access, "Kofi", "5831")
    kept, closed = QDialog(console), QDialog(console)
    for dialog in (kept, closed):
        dialog.open()
    access.locked.connect(closed.reject)  # a listener closes what must not outlive the session
    access.lock()
    assert not kept.isVisible() and not closed.isVisible(), "nobody can use a dialog over the lock"
    assert access.hidden_dialogs == [kept]
    sign_in(qtbot, access, "Ama", "2749")
    assert kept.isVisible() and not closed.isVisible(), "the closed one does not come back"
    assert access.hidden_dialogs == []
    access.locked.disconnect(closed.reject)
    access.lock()
    kept.reject()  # finished while hidden: it stays closed
    sign_in(qtbot, access, "Ama", "2749")
    assert not kept.isVisible()


def test_idle_locks(qtbot, access: AccessController, timer: FakeTimer) -> None:  # type: ignore[no-untyped-def]
    assert timer.interval is None  # not counting while locked
    sign_in(qtbot, access, "Ama", "2749")
    assert timer.interval == 5 * 60 * 1000
    access.idle._clock.now += 5 * 60  # type: ignore[attr-defined]
    with qtbot.waitSignal(access.locked, timeout=1000):
        timer.fire()
    assert access.is_locked and access.lock_screen.isVisible()


def test_permissions_follow_the_signed_in_role(qtbot, access: AccessController) -> None:  # type: ignore[no-untyped-def]
    assert not access.allowed(Permission.SELL)  # nobody signed in
    sign_in(qtbot, access, "Ama", "2749")
    assert access.allowed(Permission.SELL) and not access.allowed(Permission.REFUND)
    access.lock()
    sign_in(qtbot, access, "Kofi", "5831")
    assert access.allowed(Permission.REFUND) and access.allowed(Permission.EXPORT)


def test_signed_in_manager_approves_without_a_dialog(qtbot, qapp: QApplication, access: AccessController) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, access, "Kofi", "5831")
    approval = run_on_qt_loop(qapp, access.require(Permission.PAYOUT, Money(3000, "XAF")))
    assert approval is not None and (approval.manager, approval.operation) == ("Kofi", "payout")
    assert access.approval_dialog is None


def test_cashier_gets_a_manager_pin_dialog(
    qtbot, qapp: QApplication, access: AccessController, users: UserStore
) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, access, "Ama", "2749")

    async def scenario():  # type: ignore[no-untyped-def]
        asked = asyncio.ensure_future(access.require(Permission.REFUND, Money(2000, "XAF"), summary="POS-1"))
        await wait_until(lambda: access.approval_dialog is not None, what="approval dialog")
        dialog = access.approval_dialog
        assert dialog is not None and dialog.summary_label.text() == "POS-1"
        for digit in "5831":
            qtbot.mouseClick(dialog.entry.pad.buttons[digit], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.entry.pad.buttons["enter"], Qt.MouseButton.LeftButton)
        return await asked

    approval = run_on_qt_loop(qapp, scenario())
    assert approval is not None and approval.manager == "Kofi" and approval.amount == Money(2000, "XAF")
    used = access.use(approval, used_for="test")
    assert used.used_by == "cashier:Ama"
    with pytest.raises(ApprovalError):
        access.use(approval)
    assert access.current_user is not None and access.current_user.name == "Ama"  # still Ama's session


def test_locking_cancels_a_pending_approval(qtbot, qapp: QApplication, access: AccessController) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, access, "Ama", "2749")

    async def scenario():  # type: ignore[no-untyped-def]
        asked = asyncio.ensure_future(access.require(Permission.EXPORT))
        await wait_until(lambda: access.approval_dialog is not None, what="approval dialog")
        access.lock()
        return await asked

    assert run_on_qt_loop(qapp, scenario()) is None
    assert access.approval_dialog is None


def test_require_refuses_what_needs_no_manager(qtbot, qapp: QApplication, access: AccessController) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, access, "Ama", "2749")
    with pytest.raises(ValueError, match="sell"):
        run_on_qt_loop(qapp, access.require(Permission.SELL))


def test_require_while_locked_gives_nothing(qapp: QApplication, access: AccessController) -> None:
    assert run_on_qt_loop(qapp, access.require(Permission.REFUND)) is None
