"""Typed settings with defaults, kept in a TOML file under the platformdirs config dir.

``POSAPP_HOME`` moves the config and the data (journal) under one folder: tests use it, and so can
several terminals on one machine. Secrets never live here: a provider's private key goes to the OS
keyring (see the Settings screen); the file only holds what may be read by anyone on the PC.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w

log = logging.getLogger(__name__)

APP_NAME = "posapp"
HOME_ENV = "POSAPP_HOME"
SETTINGS_FILE = "settings.toml"

PROVIDERS = ("mycoolpay", "coolpay", "paiwise", "commercelayer")
LANGUAGES = ("en", "fr")


class ConfigError(ValueError):
    """The settings file cannot be read or holds a value of the wrong kind; the message names it."""


def config_dir() -> Path:
    """Where settings.toml lives: ``$POSAPP_HOME/config`` or the platform's user config dir."""
    home = os.environ.get(HOME_ENV)
    return Path(home) / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Where the journal and its backups live: ``$POSAPP_HOME/data`` or the platform's user data dir."""
    home = os.environ.get(HOME_ENV)
    return Path(home) / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    home = os.environ.get(HOME_ENV)
    return Path(home) / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True, slots=True)
class PollStep:
    """Read a payment's status every ``every_s`` seconds until it is ``until_s`` seconds old."""

    until_s: float
    every_s: float


DEFAULT_POLL_SCHEDULE: tuple[PollStep, ...] = (
    PollStep(15, 1),
    PollStep(60, 2),
    PollStep(300, 5),
    PollStep(float("inf"), 15),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the console can be told, with the defaults of a fresh install.

    ``provider`` empty means no provider is configured: the console runs in training mode on the
    built-in emulator of ``training_provider``.
    """

    provider: str = ""
    training_provider: str = "mycoolpay"
    public_key: str = ""
    language: str = ""  # "" follows the system locale (French or English, English otherwise)
    country: str = "CM"
    currency: str = "XAF"
    poll_schedule: tuple[PollStep, ...] = DEFAULT_POLL_SCHEDULE
    payment_expiry_s: int = 15 * 60
    max_concurrent_reads: int = 8
    idle_lock_minutes: int = 5
    shop_name: str = ""
    shop_address: str = ""
    shop_phone: str = ""
    auto_print: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def training(self) -> bool:
        return not self.provider

    @property
    def active_provider(self) -> str:
        return self.provider or self.training_provider

    def resolved_language(self) -> str:
        if self.language in LANGUAGES:
            return self.language
        return system_language()

    @property
    def locale(self) -> str:
        """The Babel locale for amounts, dates and times: ``fr_CM``, ``en_CM``."""
        return f"{self.resolved_language()}_{self.country}"

    def replace(self, **changes: Any) -> Settings:
        return validate(dataclasses.replace(self, **changes))


def system_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            lang = value.split("_")[0].split(".")[0].lower()
            return lang if lang in LANGUAGES else "en"
    return "en"


_FIELDS = {f.name: f for f in dataclasses.fields(Settings)}


def validate(settings: Settings) -> Settings:
    """Return ``settings`` if every value is usable, else raise ``ConfigError`` naming the first bad one."""
    if settings.provider and settings.provider not in PROVIDERS:
        raise ConfigError(f"Unknown provider {settings.provider!r}; expected one of {', '.join(PROVIDERS)}.")
    if settings.training_provider not in PROVIDERS:
        raise ConfigError(f"Unknown training provider {settings.training_provider!r}.")
    if settings.language and settings.language not in LANGUAGES:
        raise ConfigError(f"Unknown language {settings.language!r}; expected one of {', '.join(LANGUAGES)}.")
    from posapp.core.money import MoneyError, exponent

    try:
        exponent(settings.currency)
    except MoneyError as exc:
        raise ConfigError(str(exc)) from None
    steps = settings.poll_schedule
    if not steps or any(s.every_s <= 0 for s in steps) or any(a.until_s >= b.until_s for a, b in zip(steps, steps[1:])):
        raise ConfigError("The polling schedule needs positive intervals over increasing ages.")
    if settings.payment_expiry_s <= 0 or settings.max_concurrent_reads <= 0 or settings.idle_lock_minutes < 0:
        raise ConfigError("Expiry, concurrent reads and idle lock must be positive numbers.")
    return settings


def _from_toml(data: dict[str, Any]) -> Settings:
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _FIELDS or key == "extra":
            extra[key] = value
            continue
        default = getattr(Settings(), key)
        if key == "poll_schedule":
            try:
                value = tuple(PollStep(float(s["until_s"]), float(s["every_s"])) for s in value)
            except (TypeError, KeyError, ValueError):
                raise ConfigError("poll_schedule must be a list of {until_s, every_s} tables.") from None
        elif isinstance(default, bool) is not isinstance(value, bool) or not isinstance(value, type(default)):
            raise ConfigError(f"Setting {key!r} must be a {type(default).__name__}, not {value!r}.")
        values[key] = value
    return validate(Settings(**values, extra=extra))


def _to_toml(settings: Settings) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _FIELDS:
        value = getattr(settings, name)
        if name == "extra":
            continue
        if name == "poll_schedule":
            value = [
                {"until_s": s.until_s if s.until_s != float("inf") else 1e12, "every_s": s.every_s} for s in value
            ]
        out[name] = value
    out.update(settings.extra)
    return out


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings file, or the defaults when there is none. Raises ``ConfigError`` when it is bad."""
    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise ConfigError(f"Cannot read {path}: {exc.strerror}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    return _from_toml(data)


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings atomically (a crash leaves the old file or the new one, never half of one)."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".toml.tmp")
    with open(tmp, "wb") as fh:
        tomli_w.dump(_to_toml(validate(settings)), fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path
