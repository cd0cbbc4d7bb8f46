"""The lock screen: first run creates the manager; PIN by pad or keyboard; wrong PIN, lockout, disabled."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from posapp.core.access import Role, ScryptParams
from posapp.journal.store import Journal
from posapp.journal.users import UserStore
from posapp.ui.screens.lock import LockScreen, PinPad
from tests.journal.conftest import Clock

FAST = ScryptParams(n=2**8, r=8, p=1)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def users(tmp_path: Path, clock: Clock) -> Iterator[UserStore]:
    with Journal(tmp_path / "journal.sqlite3", clock=clock) as journal:
        yield UserStore(journal, params=FAST)


@pytest.fixture
def staffed(users: UserStore) -> UserStore:
    users.create_first_manager("Kofi", "5831")
    users.add_user("Ama", Role.CASHIER, "2749", by="manager:Kofi")
    return users


def make_screen(qtbot, users: UserStore) -> LockScreen:  # type: ignore[no-untyped-def]
    screen = LockScreen(users, locale="en_CM")
    qtbot.addWidget(screen)
    screen.resize(1280, 760)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tap_pin(qtbot, pad: PinPad, pin: str, *, enter: bool = True) -> None:  # type: ignore[no-untyped-def]
    for digit in pin:
        click(qtbot, pad.buttons[digit])
    if enter:
        click(qtbot, pad.buttons["enter"])


def test_first_run_creates_the_manager_and_signs_in(qtbot, users: UserStore) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(qtbot, users)
    assert screen.first_run
    qtbot.keyClicks(screen.name_edit, "Kofi Mensah")
    screen.new_pin.setFocus()
    tap_pin(qtbot, screen.first_run_pad, "5831", enter=False)
    qtbot.keyClicks(screen.new_pin_again, "5831")
    with qtbot.assertNotEmitted(screen.unlocked):
        click(qtbot, screen.create_button)
    # The manager's recovery codes, shown this once, before the console opens.
    assert screen.pages.currentWidget() is screen.codes_page
    codes = [line.split()[-1] for line in screen.codes_label.text().splitlines()]
    assert len(codes) == 8 and users.recovery_codes_left("Kofi Mensah") == 8
    with qtbot.waitSignal(screen.unlocked, timeout=2000) as blocker:
        click(qtbot, screen.codes_done)
    assert screen.codes_label.text() == "", "the codes leave the screen"
    manager = blocker.args[0]
    assert (manager.name, manager.role) == ("Kofi Mensah", Role.MANAGER)
    assert users.has_manager() and users.verify_pin("Kofi Mensah", "5831").ok
    assert screen.new_pin.text() == "" and screen.new_pin_again.text() == ""
    assert not screen.first_run


def test_first_run_refuses_different_or_trivial_pins(qtbot, users: UserStore) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(qtbot, users)
    qtbot.keyClicks(screen.name_edit, "Kofi")
    qtbot.keyClicks(screen.new_pin, "5831")
    qtbot.keyClicks(screen.new_pin_again, "5832")
    with qtbot.assertNotEmitted(screen.unlocked):
        click(qtbot, screen.create_button)
    assert "not the same" in screen.first_run_error.text()
    qtbot.keyClicks(screen.new_pin, "1234")
    qtbot.keyClicks(screen.new_pin_again, "1234")
    with qtbot.assertNotEmitted(screen.unlocked):
        click(qtbot, screen.create_button)
    assert "1234" in screen.first_run_error.text()  # "Digits in a row, like 1234 ..."
    assert not users.has_manager()


def test_first_run_pad_types_into_the_focused_field(qtbot, users: UserStore) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(qtbot, users)
    screen.new_pin_again.setFocus()
    tap_pin(qtbot, screen.first_run_pad, "90", enter=False)
    assert screen.new_pin_again.text() == "90" and screen.new_pin.text() == ""


def test_users_are_listed_and_a_good_pin_unlocks(qtbot, staffed: UserStore) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(qtbot, staffed)
    assert list(screen._user_buttons) == ["Kofi", "Ama"]
    click(qtbot, screen._user_buttons["Ama"])
    assert screen.selected is not None and screen.selected.name == "Ama"
    with qtbot.waitSignal(screen.unlocked, timeout=2000) as blocker:
        tap_pin(qtbot, screen.entry.pad, "2749")
    assert blocker.args[0].actor == "cashier:Ama"
    assert screen.entry.field.text() == ""


def test_keyboard_works_too(qtbot, staffed: UserStore) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(qtbot, staffed)
    screen.select_user("Kofi")
    qtbot.keyClicks(screen.entry.field, "5831")
    with qtbot.waitSignal(screen.unlocked, timeout=2000):
        qtbot.keyClick(screen.entry.field, Qt.Key.Key_Return)


def test_wrong_pin_says_how_many_tries_are_left(qtbot, staffed: UserStore) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(qtbot, staffed)
    screen.select_user("Ama")
    with qtbot.assertNotEmitted(screen.unlocked):
        tap_pin(qtbot, screen.entry.pad, "0852")
    assert screen.entry.message.text() == "Wrong PIN. Tries left: 4."
    assert screen.entry.message.property("error") is True
    for _ in range(3):
        tap_pin(qtbot, screen.entry.pad, "0852")
    assert "1 try left" in screen.entry.message.text() and "30 minutes" in screen.entry.message.text()


def test_short_pin_is_not_counted(qtbot, staffed: UserStore) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(qtbot, staffed)
    screen.select_user("Ama")
    tap_pin(qtbot, screen.entry.pad, "27")
    assert "at least 4" in screen.entry.message.text()
    assert staffed.get("Ama").failed_attempts == 0  # type: ignore[union-attr]


def test_locked_out_shows_until_when_then_opens_again(qtbot, staffed: UserStore, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(qtbot, staffed)
    screen.select_user("Ama")
    for _ in range(5):
        tap_pin(qtbot, screen.entry.pad, "0852")
    user = staffed.get("Ama")
    assert user is not None and user.locked_until is not None
    text = screen.entry.message.text()
    assert "locked until" in text and text.endswith("Kofi can still sign in."), "who else, by name"
    local = user.locked_until.astimezone()
    assert f"{local:%H}" in text and f"{local:%M}" in text
    assert not screen.entry.pad.isEnabled() and not screen.entry.field.isEnabled()
    screen.select_user("Kofi")  # the lockout is Ama's only
    assert screen.entry.pad.isEnabled()
    screen.select_user("Ama")
    assert not screen.entry.pad.isEnabled()
    clock.move(minutes=30)
    screen._recheck_lock()
    assert screen.entry.pad.isEnabled() and screen.entry.message.text() == ""
    with qtbot.waitSignal(screen.unlocked, timeout=2000):
        tap_pin(qtbot, screen.entry.pad, "2749")


def test_disabled_users_are_not_offered(qtbot, staffed: UserStore) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(qtbot, staffed)
    screen.select_user("Ama")
    staffed.set_disabled("Ama", True, by="manager:Kofi")
    with qtbot.assertNotEmitted(screen.unlocked):
        tap_pin(qtbot, screen.entry.pad, "2749")
    assert "disabled" in screen.entry.message.text()
    assert list(screen._user_buttons) == ["Kofi"]
    assert screen.selected is not None and screen.selected.name == "Kofi"  # the one user left


def test_notice_line(qtbot, staffed: UserStore) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(qtbot, staffed)
    assert not screen.notice.isVisible()
    screen.set_notice("TRAINING MODE")
    assert screen.notice.isVisible() and screen.notice.text() == "TRAINING MODE"


def test_the_only_manager_locked_out_is_told_the_truth_and_recovers(qtbot, users: UserStore) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: no "another user can sign in" when there is none; a recovery code unlocks and sets a new PIN."""
    _, codes = users.create_first_manager_with_codes("Kofi", "5831")
    screen = make_screen(qtbot, users)
    assert screen.selected is not None and screen.selected.name == "Kofi"
    for _ in range(5):
        tap_pin(qtbot, screen.entry.pad, "0852")
    text = screen.entry.message.text()
    local = users.get("Kofi").locked_until.astimezone()  # type: ignore[union-attr]
    assert text == (
        f"Too many wrong PINs: Kofi is locked until {local:%H:%M}. "
        "Nobody else can sign in: wait until then, or use one of Kofi's recovery codes now."
    )
    assert screen.recover_button.isVisible()
    click(qtbot, screen.recover_button)
    assert screen.recovering
    qtbot.keyClicks(screen.recovery_code, "AAAA-BBBB-CCCC")
    qtbot.keyClicks(screen.recovery_pin, "4096")
    qtbot.keyClicks(screen.recovery_pin_again, "4096")
    with qtbot.assertNotEmitted(screen.unlocked):
        click(qtbot, screen.recovery_ok)
    assert screen.recovery_error.text() == "This is not one of Kofi's unused recovery codes. Tries left: 4."
    screen.recovery_code.clear()
    qtbot.keyClicks(screen.recovery_code, codes[0])
    with qtbot.waitSignal(screen.unlocked, timeout=2000) as signed:
        qtbot.keyClick(screen.recovery_code, Qt.Key.Key_Return)
    assert signed.args[0].name == "Kofi" and signed.args[0].locked_until is None
    assert users.verify_pin("Kofi", "4096").ok
    assert not screen.recovering


def test_a_cashier_is_offered_no_recovery_code(qtbot, staffed: UserStore) -> None:  # type: ignore[no-untyped-def]
    screen = make_screen(qtbot, staffed)
    screen.select_user("Ama")
    assert not screen.recover_button.isVisible()
    screen.select_user("Kofi")
    assert screen.recover_button.isVisible()
