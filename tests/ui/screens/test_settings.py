"""Settings screen: checked before anything is saved, secrets only in the keyring, for managers only."""

# ruff: noqa: F811  (fixtures imported from other test modules are used as arguments)
from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
from keyring.backends import fail, null
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from posapp.config import KEYRING_SERVICE, Settings, load_settings, save_settings, settings_path
from posapp.journal.users import UserStore
from posapp.ui.screens.settings import POLL_PRESETS, SettingsScreen
from posapp.ui.wiring.access import AccessController
from tests.helpers.qt_async import run_on_qt_loop, wait_until
from tests.test_keyring import MemoryKeyring, PlaintextKeyring, memory_keyring, use_keyring  # noqa: F401
from tests.ui.test_access import access, console, sign_in, timer, users  # noqa: F401

CANARY = "sk-CANARY-9d2f41"


@pytest.fixture
def saved(posapp_home: Path) -> bytes:
    """A settings file on disk before the screen opens; returns its bytes."""
    save_settings(Settings(shop_name="Boutique Ngono", idle_lock_minutes=7))
    return settings_path().read_bytes()


@pytest.fixture
def screen(qtbot, saved: bytes, memory_keyring: MemoryKeyring) -> SettingsScreen:  # type: ignore[no-untyped-def]
    widget = SettingsScreen(load_settings())  # no access controller: a manager's session
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    return widget


def choose(combo, value: str) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(value))


def shown_errors(screen: SettingsScreen) -> dict[str, str]:
    return {key: label.text() for key, label in screen.errors.items() if not label.isHidden()}


def test_shows_the_saved_settings(screen: SettingsScreen) -> None:
    assert screen.pages.currentIndex() == 1
    assert screen.shop_name_edit.text() == "Boutique Ngono" and screen.idle_spin.value() == 7
    assert screen.provider_combo.currentData() == "" and screen.currency_label.text().startswith("XAF")
    assert screen.preset_combo.currentData() == "standard"


def test_a_bad_value_shows_an_error_and_changes_nothing(
    qtbot, screen: SettingsScreen, saved: bytes, memory_keyring: MemoryKeyring
) -> None:  # type: ignore[no-untyped-def]
    choose(screen.provider_combo, "mycoolpay")
    screen.identifier_edit.setText("")  # the public key is required
    screen.secret_edits["private_key"].setText(CANARY)
    screen.shop_name_edit.setText("Chez Mama")
    screen.poll_table.item(1, 1).setText("fast")  # type: ignore[union-attr]
    with qtbot.assertNotEmitted(screen.settings_saved), qtbot.assertNotEmitted(screen.provider_changed):
        assert screen.save() is False
    errors = shown_errors(screen)
    assert set(errors) == {"public_key", "poll_schedule"}
    assert "Public key is needed for My-CoolPay" in errors["public_key"]
    assert screen.tabs.currentIndex() == 0  # the first problem's tab
    assert "Nothing was saved" in screen.result_label.text()
    assert settings_path().read_bytes() == saved
    assert memory_keyring.passwords == {}  # not even the valid secret was stored


@pytest.mark.parametrize(
    ("field", "text", "expected"),
    [
        ("base_url", "http://api.example.com", "unencrypted"),
        ("base_url", "not a url", "full address"),
        ("poll_schedule", "0", "more than 0"),
    ],
)
def test_each_bad_value_is_named_next_to_its_field(
    screen: SettingsScreen, saved: bytes, field: str, text: str, expected: str
) -> None:
    choose(screen.provider_combo, "mycoolpay")
    screen.identifier_edit.setText("pk_live_1")
    screen.secret_edits["private_key"].setText(CANARY)
    if field == "base_url":
        screen.base_url_edit.setText(text)
    else:
        screen.poll_table.item(0, 1).setText(text)  # type: ignore[union-attr]
    assert screen.save() is False
    assert expected in shown_errors(screen)[field]
    assert settings_path().read_bytes() == saved


def test_saving_a_provider_puts_its_secret_in_the_keyring_only(
    qtbot, screen: SettingsScreen, memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    choose(screen.provider_combo, "mycoolpay")
    screen.identifier_edit.setText("pk_live_1")
    secret = screen.secret_edits["private_key"]
    assert secret.echoMode() is QLineEdit.EchoMode.Password  # never readable on screen or in a screenshot
    secret.setText(CANARY)
    choose(screen.preset_combo, "quick")
    with (
        qtbot.waitSignal(screen.settings_saved) as saved_signal,
        qtbot.waitSignal(screen.provider_changed) as changed,
        qtbot.assertNotEmitted(screen.language_changed),
    ):
        assert screen.save() is True
    new = changed.args[0]
    assert new == saved_signal.args[0] == load_settings()
    assert (new.provider, new.public_key, new.poll_schedule) == ("mycoolpay", "pk_live_1", POLL_PRESETS["quick"])
    assert memory_keyring.passwords == {(KEYRING_SERVICE, "mycoolpay:private_key"): CANARY}
    assert CANARY not in settings_path().read_text(encoding="utf-8")
    assert CANARY not in caplog.text
    assert secret.text() == "" and "Stored" in secret.placeholderText()
    # the stored key need not be typed again to save something else
    screen.shop_phone_edit.setText("+237 6 99 00 11 22")
    with qtbot.assertNotEmitted(screen.provider_changed):
        assert screen.save() is True
    assert load_settings().shop_phone == "+237 6 99 00 11 22"


def test_each_provider_asks_for_its_own_credentials(screen: SettingsScreen) -> None:
    choose(screen.provider_combo, "coolpay")
    shown = {f for f, edit in screen.secret_edits.items() if edit.isVisibleTo(screen)}
    assert shown == {"api_key", "private_key"} and not screen.identifier_edit.isVisibleTo(screen)
    choose(screen.provider_combo, "commercelayer")
    shown = {f for f, edit in screen.secret_edits.items() if edit.isVisibleTo(screen)}
    assert shown == {"client_secret", "webhook_secret"} and screen.identifier_edit.isVisibleTo(screen)
    assert screen.save() is False
    assert {"public_key", "client_secret", "base_url"} <= set(shown_errors(screen))


def test_language_change_is_announced(qtbot, screen: SettingsScreen) -> None:  # type: ignore[no-untyped-def]
    choose(screen.language_combo, "fr")
    with qtbot.waitSignal(screen.language_changed) as changed, qtbot.assertNotEmitted(screen.provider_changed):
        assert screen.save() is True
    assert changed.args == ["fr"] and load_settings().language == "fr"


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring, PlaintextKeyring], ids=["fail", "null", "plain"])
def test_no_secure_key_store_refuses_a_live_provider_but_training_works(
    qtbot,
    saved: bytes,
    use_keyring,
    backend: type,  # type: ignore[no-untyped-def]  # noqa: F811
) -> None:
    use_keyring(backend())
    screen = SettingsScreen(load_settings())
    qtbot.addWidget(screen)
    assert "no secure key store" in screen.keyring_label.text()
    choose(screen.provider_combo, "paiwise")
    assert not screen.secret_edits["api_key"].isEnabled()
    assert screen.save() is False
    assert "no secure key store" in shown_errors(screen)["provider"]
    assert settings_path().read_bytes() == saved
    choose(screen.provider_combo, "")  # training mode
    screen.shop_name_edit.setText("Training shop")
    assert screen.save() is True
    assert load_settings().shop_name == "Training shop" and load_settings().training


def test_users_added_re_pinned_and_disabled(qtbot, saved: bytes, users: UserStore) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    screen = SettingsScreen(load_settings(), users=users)
    qtbot.addWidget(screen)
    assert screen.users_table.rowCount() == 2
    screen.new_user_name.setText("Brice")
    screen.new_user_pin.setText("3917")
    screen.new_user_pin_again.setText("3918")
    assert screen.add_user() is None and "not the same" in screen.errors["add_user"].text()
    screen.new_user_pin_again.setText("3917")
    added = screen.add_user()
    assert added is not None and added.name == "Brice" and screen.users_table.rowCount() == 3
    screen.select_user("Brice")
    screen.change_pin.setText("1234")
    screen.change_pin_again.setText("1234")
    assert screen.change_selected_pin() is None  # a sequence: refused with the reason
    assert "row" in screen.errors["selected_user"].text()
    screen.change_pin.setText("5072")
    screen.change_pin_again.setText("5072")
    assert screen.change_selected_pin() is not None and users.verify_pin("Brice", "5072").ok
    disabled = screen.toggle_selected_disabled()
    assert disabled is not None and disabled.disabled
    screen.select_user("Kofi")
    assert screen.toggle_selected_disabled() is None  # the only manager stays
    assert "only manager" in screen.errors["selected_user"].text()
    assert [e.actor for e in users.audit("Brice")] == ["manager", "manager", "manager"]


def test_a_cashier_cannot_open_settings_without_a_manager(
    qtbot,
    qapp: QApplication,
    saved: bytes,
    access: AccessController,
    users: UserStore,  # noqa: F811
) -> None:  # type: ignore[no-untyped-def]
    screen = SettingsScreen(load_settings(), access=access, users=users)
    qtbot.addWidget(screen)
    screen.show()
    sign_in(qtbot, access, "Ama", "2749")
    assert screen.pages.currentIndex() == 0 and not screen.unlocked
    screen.shop_name_edit.setText("Changed by a cashier")
    assert screen.save() is False and settings_path().read_bytes() == saved

    async def cancel_then_approve() -> tuple[bool, bool]:
        asked = asyncio.ensure_future(screen.unlock_as_manager())
        await wait_until(lambda: access.approval_dialog is not None, what="approval dialog")
        access.approval_dialog.reject()  # type: ignore[union-attr]
        first = await asked
        asked = asyncio.ensure_future(screen.unlock_as_manager())
        await wait_until(lambda: access.approval_dialog is not None, what="approval dialog")
        dialog = access.approval_dialog
        assert dialog is not None
        for digit in "5831":
            qtbot.mouseClick(dialog.entry.pad.buttons[digit], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.entry.pad.buttons["enter"], Qt.MouseButton.LeftButton)
        return first, await asked

    first, second = run_on_qt_loop(qapp, cancel_then_approve())
    assert first is False and second is True
    assert screen.pages.currentIndex() == 1 and screen.unlocked
    assert screen.save() is True  # the manager's approval opened it
    screen.hide()  # leaving the screen locks it again
    assert not screen.unlocked and screen.pages.currentIndex() == 0


def test_a_signed_in_manager_sees_the_settings(qtbot, saved: bytes, access: AccessController, users: UserStore) -> None:  # type: ignore[no-untyped-def]  # noqa: F811, E501
    screen = SettingsScreen(load_settings(), access=access, users=users)
    qtbot.addWidget(screen)
    assert screen.pages.currentIndex() == 0  # locked console: nobody signed in
    sign_in(qtbot, access, "Kofi", "5831")
    assert screen.pages.currentIndex() == 1
    screen.idle_spin.setValue(12)
    assert screen.save() is True and access.idle.minutes == 12
    access.lock()
    assert screen.pages.currentIndex() == 0


def test_a_manager_clears_a_lock_and_makes_new_recovery_codes(qtbot, saved: bytes, users: UserStore) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """Issue 14: the way out of a lockout from Settings, and recovery codes for a manager created earlier."""
    screen = SettingsScreen(load_settings(), users=users)
    qtbot.addWidget(screen)
    screen.show()
    for _ in range(5):
        users.verify_pin("Ama", "0007")
    screen.refresh_users()
    screen.select_user("Ama")
    assert not screen.unlock_user_button.isHidden() and screen.recovery_button.isHidden()
    assert screen.clear_selected_lock() is not None
    assert users.verify_pin("Ama", "2749").ok
    screen.select_user("Kofi")
    assert not screen.recovery_button.isHidden() and screen.unlock_user_button.isHidden()
    codes = screen.new_recovery_codes()
    assert len(codes) == 8 and users.recovery_codes_left("Kofi") == 8
    box = screen.recovery_box
    assert box is not None and box.isVisible() and codes[0] in box.informativeText()
    box.accept()
    assert box.informativeText() == "", "the codes leave the screen once the box is closed"
    assert users.recover("Kofi", codes[5], "4096").ok
