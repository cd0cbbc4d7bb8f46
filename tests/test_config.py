"""Typed settings: defaults, the TOML file, validation, POSAPP_HOME and the language."""

from __future__ import annotations

import locale
import math
import os
from pathlib import Path

import platformdirs
import pytest
import tomli_w

from posapp import config
from posapp.config import (
    DEFAULT_POLL_SCHEDULE,
    ConfigError,
    PollStep,
    Settings,
    config_dir,
    data_dir,
    load_settings,
    log_dir,
    save_settings,
    settings_path,
    system_language,
    validate,
)
from posapp.core.money import Money, format_money

LANGUAGE_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def no_language_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for var in LANGUAGE_VARS:
        monkeypatch.delenv(var, raising=False)
    return monkeypatch


def write(text: str) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- where things live


def test_posapp_home_moves_config_data_and_logs(posapp_home: Path) -> None:
    assert config_dir() == posapp_home / "config"
    assert data_dir() == posapp_home / "data"
    assert log_dir() == posapp_home / "logs"
    assert settings_path() == posapp_home / "config" / "settings.toml"


def test_another_posapp_home_is_another_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POSAPP_HOME", str(tmp_path / "till-2"))
    assert config_dir() == tmp_path / "till-2" / "config"
    assert data_dir() == tmp_path / "till-2" / "data"


def test_without_posapp_home_the_platform_dirs_are_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POSAPP_HOME")
    assert config_dir() == Path(platformdirs.user_config_dir("posapp", appauthor=False))
    assert data_dir() == Path(platformdirs.user_data_dir("posapp", appauthor=False))
    assert log_dir() == Path(platformdirs.user_log_dir("posapp", appauthor=False))


def test_tests_never_touch_the_real_users_dirs(posapp_home: Path, tmp_path: Path) -> None:
    """The autouse fixture puts every test's config and data in its own temp dir."""
    assert os.environ["POSAPP_HOME"] == str(posapp_home)
    real = [Path(platformdirs.user_config_dir("posapp", appauthor=False)), Path(platformdirs.user_data_dir("posapp"))]
    for where in (config_dir(), data_dir(), log_dir(), settings_path()):
        assert where.is_relative_to(tmp_path)
        assert not any(where.is_relative_to(r) for r in real)
    saved = save_settings(Settings(shop_name="Boutique Test"))
    assert saved.is_relative_to(tmp_path)


# ---------------------------------------------------------------- defaults


def test_defaults() -> None:
    settings = Settings()
    assert settings.provider == ""
    assert settings.training
    assert settings.active_provider == "mycoolpay"
    assert settings.country == "CM"
    assert settings.currency == "XAF"
    assert settings.poll_schedule == DEFAULT_POLL_SCHEDULE
    assert settings.poll_schedule[-1].until_s == math.inf
    assert settings.payment_expiry_s == 900
    assert settings.idle_lock_minutes == 5
    assert settings.auto_print is False
    assert settings.extra == {}
    assert validate(settings) is settings


def test_no_file_gives_the_defaults() -> None:
    assert not settings_path().exists()
    assert load_settings() == Settings()


def test_a_configured_provider_ends_training() -> None:
    settings = Settings(provider="paiwise")
    assert not settings.training
    assert settings.active_provider == "paiwise"


# ---------------------------------------------------------------- the file


def test_save_then_load_round_trips() -> None:
    settings = Settings(
        provider="mycoolpay",
        public_key="pk_live_123",
        language="fr",
        currency="XAF",
        poll_schedule=(PollStep(10, 1), PollStep(120, 3.5), PollStep(math.inf, 30)),
        payment_expiry_s=600,
        max_concurrent_reads=4,
        idle_lock_minutes=0,
        shop_name="Boutique Mballa",
        shop_address="Rue de Nachtigal, Yaoundé",
        shop_phone="+237699009900",
        auto_print=True,
    )
    path = save_settings(settings)
    assert path == settings_path()
    assert load_settings() == settings
    assert load_settings(path) == settings


def test_the_defaults_round_trip_including_the_endless_last_step() -> None:
    save_settings(Settings())
    loaded = load_settings()
    assert loaded == Settings()
    assert loaded.poll_schedule[-1].until_s == math.inf


def test_a_partial_file_takes_defaults_for_the_rest() -> None:
    write('provider = "coolpay"\nlanguage = "en"\n')
    assert load_settings() == Settings(provider="coolpay", language="en")


def test_unknown_keys_are_kept_for_a_newer_version() -> None:
    write('provider = "coolpay"\nfuture_option = 3\n[future_table]\nx = "y"\n')
    loaded = load_settings()
    assert loaded.extra == {"future_option": 3, "future_table": {"x": "y"}}
    save_settings(loaded)
    assert load_settings() == loaded


def test_extra_never_overrides_a_known_setting() -> None:
    save_settings(Settings(provider="coolpay", extra={"provider": "paiwise"}))
    assert load_settings().provider == "coolpay"


def test_a_save_at_an_explicit_path(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere" / "till.toml"
    save_settings(Settings(shop_name="X"), path)
    assert load_settings(path).shop_name == "X"


def test_save_is_atomic_and_leaves_no_temporary_file() -> None:
    save_settings(Settings(shop_name="first"))
    save_settings(Settings(shop_name="second"))
    assert sorted(p.name for p in config_dir().iterdir()) == ["settings.toml"]
    assert load_settings().shop_name == "second"


def test_a_failed_save_keeps_the_old_file_and_no_temporary(monkeypatch: pytest.MonkeyPatch) -> None:
    save_settings(Settings(shop_name="old"))

    def crash(data: object, fh: object) -> None:
        raise OSError("disk full")

    # a context of its own: undo() on the test's monkeypatch would also undo the autouse POSAPP_HOME
    with monkeypatch.context() as patch:
        patch.setattr(tomli_w, "dump", crash)
        with pytest.raises(OSError, match="disk full"):
            save_settings(Settings(shop_name="new"))
    assert sorted(p.name for p in config_dir().iterdir()) == ["settings.toml"]
    assert load_settings().shop_name == "old"


def test_invalid_settings_are_never_written() -> None:
    with pytest.raises(ConfigError, match="Unknown provider"):
        save_settings(Settings(provider="stripe"))
    assert not config_dir().exists() or list(config_dir().iterdir()) == []


# ---------------------------------------------------------------- a bad file


def test_bad_toml_names_the_file() -> None:
    path = write("provider = mycoolpay\n")  # unquoted string
    with pytest.raises(ConfigError, match="not valid TOML") as raised:
        load_settings()
    assert str(path) in str(raised.value)


def test_a_file_that_is_not_utf8_names_the_file() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes('shop_name = "Caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(ConfigError, match="UTF-8") as raised:
        load_settings()
    assert str(path) in str(raised.value)


@pytest.mark.parametrize(
    ("toml", "setting", "kind"),
    [
        ("provider = 5", "provider", "text"),
        ('language = ["fr"]', "language", "text"),
        ('idle_lock_minutes = "5"', "idle_lock_minutes", "a whole number"),
        ("idle_lock_minutes = 5.0", "idle_lock_minutes", "a whole number"),
        ("payment_expiry_s = true", "payment_expiry_s", "a whole number"),
        ('auto_print = "yes"', "auto_print", "true or false"),
        ("auto_print = 1", "auto_print", "true or false"),
        ("shop_name = 2024-05-01", "shop_name", "text"),
        ('poll_schedule = "fast"', "poll_schedule", "a list of"),
        ("poll_schedule = [1, 2]", "poll_schedule", "a list of"),
        ("poll_schedule = [{until_s = 15}]", "poll_schedule", "a list of"),
        ('poll_schedule = [{until_s = "15", every_s = 1}]', "poll_schedule", "a list of"),
        ("poll_schedule = [{until_s = 15, every_s = true}]", "poll_schedule", "a list of"),
    ],
)
def test_a_wrong_type_names_the_setting_and_the_file(toml: str, setting: str, kind: str) -> None:
    path = write(toml + "\n")
    with pytest.raises(ConfigError, match=f"'{setting}' must be {kind}") as raised:
        load_settings()
    assert str(path) in str(raised.value)


@pytest.mark.parametrize(
    ("toml", "reason"),
    [
        ('provider = "stripe"', "Unknown provider 'stripe'"),
        ('training_provider = "stripe"', "Unknown training provider"),
        ('language = "de"', "Unknown language 'de'"),
        ('currency = "XYZ"', "'currency'.*XYZ"),
        ('currency = "xaf"', "'currency'"),
        ('country = "cm"', "'country'"),
        ('country = "CMR"', "'country'"),
        ("payment_expiry_s = 0", "'payment_expiry_s'"),
        ("max_concurrent_reads = 0", "'max_concurrent_reads'"),
        ("idle_lock_minutes = -1", "'idle_lock_minutes'"),
        ("poll_schedule = []", "'poll_schedule'"),
        ("poll_schedule = [{until_s = 60, every_s = 2}, {until_s = 15, every_s = 1}]", "'poll_schedule'"),
        ("poll_schedule = [{until_s = 15, every_s = 0}]", "'poll_schedule'"),
        ("poll_schedule = [{until_s = 15, every_s = nan}]", "'poll_schedule'"),
        ("poll_schedule = [{until_s = nan, every_s = 1}]", "'poll_schedule'"),
        ("poll_schedule = [{until_s = 15, every_s = inf}]", "'poll_schedule'"),
        ("poll_schedule = [{until_s = -5, every_s = 1}]", "'poll_schedule'"),
    ],
)
def test_unusable_values_are_refused(toml: str, reason: str) -> None:
    write(toml + "\n")
    with pytest.raises(ConfigError, match=reason):
        load_settings()


def test_replace_validates() -> None:
    assert Settings().replace(language="fr").language == "fr"
    with pytest.raises(ConfigError, match="Unknown provider"):
        Settings().replace(provider="stripe")
    with pytest.raises(ConfigError, match="'idle_lock_minutes' must be a whole number"):
        Settings().replace(idle_lock_minutes="5")
    with pytest.raises(ConfigError, match="'poll_schedule'"):
        Settings().replace(poll_schedule=[(15, 1)])


def test_config_error_is_a_value_error() -> None:
    assert issubclass(ConfigError, ValueError)


# ---------------------------------------------------------------- language and locale


@pytest.mark.parametrize(
    ("language", "country", "expected"),
    [
        ("fr", "CM", "fr_CM"),
        ("en", "CM", "en_CM"),
        ("fr", "SN", "fr_SN"),
        ("en", "GB", "en_GB"),
        ("fr", "DK", "fr"),  # CLDR has no fr_DK: the language alone still formats
    ],
)
def test_locale_comes_from_language_and_country(language: str, country: str, expected: str) -> None:
    settings = Settings(language=language, country=country)
    assert settings.locale == expected
    format_money(Money(1000, "XAF"), settings.locale)  # a locale Babel knows


def test_the_cameroonian_cashier_sees_francs_cfa() -> None:
    shown = format_money(Money(1000, "XAF"), Settings(language="fr").locale)
    assert shown == "1\u202f000\u00a0FCFA"


def test_an_empty_language_follows_the_system(no_language_env: pytest.MonkeyPatch) -> None:
    no_language_env.setenv("LANG", "fr_CM.UTF-8")
    assert Settings().resolved_language() == "fr"
    assert Settings().locale == "fr_CM"
    assert Settings(language="en").locale == "en_CM"  # a chosen language wins over the system's
    no_language_env.setenv("LANG", "en_US.UTF-8")
    assert Settings().locale == "en_CM"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_CM"}, "fr"),
        ({"LANG": "fr"}, "fr"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # neither French nor English: English
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LANGUAGE": "fr:en", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LANGUAGE": "de:fr", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LANGUAGE": "fr", "LC_ALL": "C"}, "en"),  # gettext ignores LANGUAGE in the C locale
    ],
)
def test_system_language_from_the_environment(
    no_language_env: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    for var, value in env.items():
        no_language_env.setenv(var, value)
    assert system_language() == expected


@pytest.mark.parametrize(
    ("process_locale", "expected"),
    [
        ("French_Cameroon", "fr"),  # Windows
        ("fr_CM", "fr"),
        ("English_United States", "en"),
        ("de_DE", "en"),
        (None, "en"),
    ],
)
def test_system_language_without_environment_asks_the_process_locale(
    no_language_env: pytest.MonkeyPatch, process_locale: str | None, expected: str
) -> None:
    no_language_env.setattr(locale, "getlocale", lambda *args: (process_locale, "cp1252"))
    assert system_language() == expected
    assert config.Settings().resolved_language() == expected
