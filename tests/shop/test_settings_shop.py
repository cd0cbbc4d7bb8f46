"""The Settings screen's shop store fields: checked, the password only in the key store, the name in the journal."""
# ruff: noqa: F811  (fixtures imported from another test module are used as arguments)

from __future__ import annotations

from pathlib import Path

import pytest

from posapp.config import Settings, load_settings, save_settings, settings_path
from posapp.journal.store import Journal
from posapp.journal.users import UserStore
from posapp.shop.identity import terminal_identity
from posapp.shop.link import PASSWORD_KEY
from posapp.ui.screens.settings import SettingsScreen
from tests.test_keyring import MemoryKeyring, memory_keyring, use_keyring  # noqa: F401

ADDRESS = "postgresql://posapp_terminal@server/shop?sslmode=verify-full"
SECRET = "shop-store-CANARY-7731"


@pytest.fixture
def screen(qtbot, posapp_home: Path, memory_keyring: MemoryKeyring, tmp_path: Path):  # type: ignore[no-untyped-def]
    save_settings(Settings())
    journal = Journal(tmp_path / "journal.sqlite3")
    widget = SettingsScreen(load_settings(), users=UserStore(journal))
    qtbot.addWidget(widget)
    yield widget
    journal.close()


def errors_of(screen: SettingsScreen) -> dict[str, str]:
    return {key: label.text() for key, label in screen.errors.items() if not label.isHidden()}


def test_the_store_its_password_and_the_counters_name_are_saved_where_they_belong(
    qtbot,
    screen: SettingsScreen,
    memory_keyring: MemoryKeyring,
) -> None:  # type: ignore[no-untyped-def]
    screen.shop_store_edit.setText(ADDRESS)
    screen.shop_store_password_edit.setText(SECRET)
    screen.counter_name_edit.setText("Counter 2")
    with qtbot.waitSignal(screen.shop_store_changed) as changed:
        assert screen.save()
    assert changed.args[0].shop_store == ADDRESS
    assert load_settings().shop_store == ADDRESS
    assert SECRET not in settings_path().read_text()
    assert memory_keyring.passwords[("posapp", PASSWORD_KEY)] == SECRET
    assert screen.shop_store_password_edit.text() == ""  # never shown again
    assert terminal_identity(screen.users.journal).name == "Counter 2"  # type: ignore[union-attr]
    with qtbot.assertNotEmitted(screen.shop_store_changed):  # saving again without changes restarts nothing
        assert screen.save()


def test_a_renamed_counter_is_named_in_the_status_bar_at_once(qtbot, screen: SettingsScreen) -> None:  # type: ignore[no-untyped-def]
    from posapp.ui.main_window import MainWindow
    from posapp.ui.widgets.shop_status import show_counter_name

    journal = screen.users.journal  # type: ignore[union-attr]
    window = MainWindow(training=True, provider_label="My-CoolPay")
    qtbot.addWidget(window)
    label = show_counter_name(window, journal)
    screen.counter_renamed.connect(lambda _name: show_counter_name(window, journal))  # as wiring.console does
    screen.counter_name_edit.setText("  Comptoir   Akwa ")
    with qtbot.waitSignal(screen.counter_renamed) as renamed:
        assert screen.save()
    assert renamed.args == ["Comptoir Akwa"]
    assert label.text() == "Counter: Comptoir Akwa"
    with qtbot.assertNotEmitted(screen.counter_renamed):  # the same name again renames nothing
        assert screen.save()


@pytest.mark.parametrize(
    ("address", "password", "field", "words"),
    [
        ("postgresql://posapp_terminal:pw@server/shop", "x", "shop_store", "Leave the password out"),
        ("postgresql://posapp_terminal@server", "x", "shop_store", "database name"),
        (ADDRESS, "", "shop_store_password", "password is needed"),
    ],
)
def test_a_bad_store_setting_is_said_and_nothing_is_saved(  # type: ignore[no-untyped-def]
    screen: SettingsScreen,
    memory_keyring: MemoryKeyring,
    address: str,
    password: str,
    field: str,
    words: str,
) -> None:
    before = settings_path().read_bytes()
    screen.shop_store_edit.setText(address)
    screen.shop_store_password_edit.setText(password)
    assert not screen.save()
    assert words in errors_of(screen)[field]
    assert settings_path().read_bytes() == before and memory_keyring.passwords == {}
