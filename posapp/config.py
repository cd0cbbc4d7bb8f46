"""Typed settings with defaults, kept in a TOML file under the platformdirs config dir.

``POSAPP_HOME`` moves the config and the data (journal) under one folder: tests use it, and so can
several terminals on one machine. Secrets never live here: a provider's private key goes to the OS
keyring (see the Settings screen); the file only holds what may be read by anyone on the PC.
"""

from __future__ import annotations

import dataclasses
import locale as system_locale
import logging
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

log = logging.getLogger(__name__)

APP_NAME = "posapp"
HOME_ENV = "POSAPP_HOME"
SETTINGS_FILE = "settings.toml"

# The providers' production API addresses (a merchant can override one with ``base_url``).
PRODUCTION_URLS = {
    "mycoolpay": "https://my-coolpay.com",
    "coolpay": "https://api.coolpay.com",
    "paiwise": "https://api.paiwise.com",
    "commercelayer": "",  # each Commerce Layer organization has its own address: set base_url
}
KEYRING_SERVICE = "posapp"

# How each provider is named to people (the registry of gateways and every screen use these).
PROVIDER_LABELS: dict[str, str] = {
    "mycoolpay": "My-CoolPay",
    "coolpay": "CoolPay",
    "paiwise": "Paiwise",
    "commercelayer": "Commerce Layer",
}

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


# Fast while a customer is most likely to approve, slower later: every 1 s to 10 s after the customer
# was asked (a customer who approves at once, still at the counter, is seen within a second), 2.5 s to
# 100 s (a paid customer is seen within 2.5 s until then: 95% approve within 90 s), 10 s to 5 min, 15 s
# after. Against 500 customers who approve after a log-normal delay (median 20 s, 95% within 90 s;
# tests/benchmarks/bench_tracker.py) it makes 52-55% of the reads of a fixed 1 s poll with a p95 delay
# near 2.5 s, over seven seeds. The example (1 s to 15 s, 2 s to 1 min, 5 s to 5 min, 15 s after)
# makes about 62% with a p95 over 3 s: its 5 s step from 1 min on is too slow for the 11% who approve
# after a minute, and its 1 s and 2 s steps too fast for the many who approve before. (1 s to 15 s,
# 2 s to 20 s, 2.5 s to 90 s..., the first default, made 59-64%: over the target on most seeds.)
DEFAULT_POLL_SCHEDULE: tuple[PollStep, ...] = (
    PollStep(10, 1),
    PollStep(100, 2.5),
    PollStep(300, 10),
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
    base_url: str = ""  # "" = the provider's production address (PRODUCTION_URLS)
    language: str = ""  # "" follows the system locale (French or English, English otherwise)
    country: str = "CM"
    currency: str = "XAF"
    poll_schedule: tuple[PollStep, ...] = DEFAULT_POLL_SCHEDULE
    payment_expiry_s: int = 15 * 60
    max_concurrent_reads: int = 8
    idle_lock_minutes: int = 5
    # The largest sale the shop takes, in whole units of the currency (francs, euros); 0: no shop limit,
    # only the provider's. It catches an amount typed with a zero too many before anybody is asked to pay.
    largest_sale: int = 1_000_000
    shop_name: str = ""
    shop_address: str = ""
    shop_phone: str = ""
    # The shop store (PostgreSQL) shared by the counters, without its password (that is in the keyring);
    # "" = this counter works alone. See posapp/shop/link.py.
    shop_store: str = ""
    auto_print: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def training(self) -> bool:
        return not self.provider

    @property
    def provider_base_url(self) -> str:
        """Where the configured provider's API is: ``base_url`` when set, else its production address."""
        return self.base_url or PRODUCTION_URLS.get(self.provider, "")

    @property
    def active_provider(self) -> str:
        return self.provider or self.training_provider

    def resolved_language(self) -> str:
        if self.language in LANGUAGES:
            return self.language
        return system_language()

    @property
    def locale(self) -> str:
        """The Babel locale for amounts, dates and times: ``fr_CM``, ``en_CM``.

        Falls back to the bare language (``fr``) where CLDR has no data for the pair (``fr_DK``), so
        formatting never meets an unknown locale.
        """
        from babel import localedata

        language = self.resolved_language()
        pair = f"{language}_{self.country}"
        return pair if localedata.exists(pair) else language

    def replace(self, **changes: Any) -> Settings:
        return validate(dataclasses.replace(self, **changes))


def _language_of(name: str) -> str:
    """``fr`` of ``fr_CM.UTF-8``, ``fr-FR`` or ``French_Cameroon`` (Windows); ``""`` when neither."""
    head = re.split(r"[_.@\-]", name.strip(), maxsplit=1)[0].lower()
    if head in ("french", "français", "francais"):
        return "fr"
    if head == "english":
        return "en"
    return head if head in LANGUAGES else ""


def system_language() -> str:
    """The UI language the system asks for: French or English (English for any other).

    The POSIX variables in gettext's order (``LANGUAGE`` is a ``:`` list and counts unless the locale
    is C); where none is set, as on Windows, the process locale.
    """
    posix = next((os.environ[var] for var in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(var)), "")
    if posix.split(".")[0] not in ("C", "POSIX"):
        for name in os.environ.get("LANGUAGE", "").split(":"):
            if language := _language_of(name):
                return language
    if posix:
        return _language_of(posix) or "en"
    try:
        name = system_locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return _language_of(name) or "en"


_FIELDS = {f.name: f for f in dataclasses.fields(Settings)}
_DEFAULTS = Settings()
_KIND_NAMES = {bool: "true or false", int: "a whole number", str: "text", dict: "a table"}


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_types(settings: Settings) -> None:
    for name in _FIELDS:
        value, default = getattr(settings, name), getattr(_DEFAULTS, name)
        if name == "poll_schedule":
            if not isinstance(value, tuple) or not all(
                isinstance(s, PollStep) and _is_number(s.until_s) and _is_number(s.every_s) for s in value
            ):
                raise ConfigError("Setting 'poll_schedule' must be a list of {until_s, every_s} tables.")
        elif isinstance(default, bool) is not isinstance(value, bool) or not isinstance(value, type(default)):
            kind = _KIND_NAMES.get(type(default), type(default).__name__)
            raise ConfigError(f"Setting {name!r} must be {kind}, not {value!r}.")


def validate(settings: Settings) -> Settings:
    """Return ``settings`` if every value is usable, else raise ``ConfigError`` naming the first bad one."""
    _check_types(settings)
    if settings.provider and settings.provider not in PROVIDERS:
        raise ConfigError(f"Unknown provider {settings.provider!r}; expected one of {', '.join(PROVIDERS)}.")
    if settings.training_provider not in PROVIDERS:
        raise ConfigError(f"Unknown training provider {settings.training_provider!r}.")
    if settings.language and settings.language not in LANGUAGES:
        raise ConfigError(f"Unknown language {settings.language!r}; expected one of {', '.join(LANGUAGES)}.")
    if not re.fullmatch(r"[A-Z]{2}", settings.country):
        raise ConfigError(f"Setting 'country' must be a two-letter code such as CM, not {settings.country!r}.")
    from posapp.core.money import MoneyError, exponent

    try:
        exponent(settings.currency)
    except MoneyError as exc:
        raise ConfigError(f"Setting 'currency': {exc}") from None
    steps = settings.poll_schedule
    if (
        not steps
        # "not (x > 0)" rather than "x <= 0": NaN passes every comparison
        or any(not (0 < s.every_s < math.inf) or not (s.until_s > 0) for s in steps)
        or any(not (a.until_s < b.until_s) for a, b in zip(steps, steps[1:], strict=False))
    ):
        raise ConfigError("Setting 'poll_schedule' needs positive intervals over increasing ages.")
    if settings.payment_expiry_s <= 0:
        raise ConfigError("Setting 'payment_expiry_s' must be more than zero.")
    if settings.max_concurrent_reads <= 0:
        raise ConfigError("Setting 'max_concurrent_reads' must be more than zero.")
    if settings.idle_lock_minutes < 0:
        raise ConfigError("Setting 'idle_lock_minutes' cannot be negative (0 turns the idle lock off).")
    if not 0 <= settings.largest_sale < 10**9:
        raise ConfigError("Setting 'largest_sale' must be 0 (no shop limit) or a whole number below 1000000000.")
    return settings


def _poll_schedule_from_toml(value: Any) -> tuple[PollStep, ...]:
    bad = ConfigError("Setting 'poll_schedule' must be a list of {until_s, every_s} tables.")
    if not isinstance(value, list) or not all(isinstance(s, dict) for s in value):
        raise bad
    try:
        pairs = [(s["until_s"], s["every_s"]) for s in value]
    except KeyError:
        raise bad from None
    if not all(_is_number(until) and _is_number(every) for until, every in pairs):
        raise bad
    return tuple(PollStep(float(until), float(every)) for until, every in pairs)


def _from_toml(data: dict[str, Any]) -> Settings:
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _FIELDS or key == "extra":
            extra[key] = value  # a newer version's setting: kept and written back
            continue
        values[key] = _poll_schedule_from_toml(value) if key == "poll_schedule" else value
    return validate(Settings(**values, extra=extra))


def _to_toml(settings: Settings) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _FIELDS:
        value = getattr(settings, name)
        if name == "extra":
            continue
        if name == "poll_schedule":
            value = [{"until_s": s.until_s, "every_s": s.every_s} for s in value]  # TOML has inf
        out[name] = value
    for key, value in settings.extra.items():
        out.setdefault(key, value)  # never overrides a known setting
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
    except UnicodeDecodeError:
        raise ConfigError(f"{path} is not UTF-8 text.") from None
    import tomllib  # with a settings file to read (a new install has none)

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    try:
        return _from_toml(data)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings atomically (a crash leaves the old file or the new one, never half of one)."""
    import tempfile

    import tomli_w

    path = path or settings_path()
    data = _to_toml(validate(settings))
    path.parent.mkdir(parents=True, exist_ok=True)
    # A unique temporary name: two terminals sharing a POSAPP_HOME may save at the same moment.
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            tomli_w.dump(data, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return path


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable on POSIX; Windows cannot open a directory and needs no such step."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def provider_secret(provider: str, field: str = "private_key") -> str | None:
    """A provider's secret credential (``private_key``, ``api_key``...) from the OS keyring, or None."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, f"{provider}:{field}")
    except Exception as exc:  # keyring backends raise their own error types
        log.warning("cannot read the %s key from the keyring: %s", provider, type(exc).__name__)
        return None


# ------------------------------------------------------------------------------------------ keyring

NO_SECURE_KEY_STORE = (
    "This computer has no secure key store; provider keys cannot be kept safely here. "
    "Set up the system's key store (Windows Credential Manager, macOS Keychain, GNOME Keyring or KWallet) "
    "and open posapp again. Training mode works without one."
)
# Backends that would keep a secret nowhere (fail, null) or in a file anybody on the PC can read
# (keyrings.alt's file backends: its own README calls them insecure).
_REFUSED_BACKEND_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


class KeyringUnavailable(ConfigError):
    """No secure key store: a provider's secret cannot be written (training mode keeps working)."""


def _backend_path(backend: object) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"


def _refused_backend(backend: object) -> bool:
    path = _backend_path(backend)
    return path.startswith(_REFUSED_BACKEND_MODULES) or "plaintext" in type(backend).__name__.lower()


def secure_keyring() -> tuple[bool, str]:
    """Whether keyring's active backend keeps secrets safely, and a sentence saying which or why not.

    Refused: keyring's ``fail`` and ``null`` backends, any ``keyrings.alt`` backend and anything named
    plaintext. A chainer backend is accepted only when every backend it would fall back to is.
    """
    try:
        import keyring
        from keyring.backends.chainer import ChainerBackend

        backend = keyring.get_keyring()
        candidates = list(backend.backends) if isinstance(backend, ChainerBackend) else [backend]
    except Exception as exc:  # a broken backend plugin raises its own error types
        return False, f"{NO_SECURE_KEY_STORE} (keyring failed to start: {type(exc).__name__})"
    refused = [b for b in candidates if _refused_backend(b)]
    if not candidates or refused:
        names = ", ".join(_backend_path(b) for b in refused) or _backend_path(backend)
        return False, f"{NO_SECURE_KEY_STORE} (keyring backend: {names})"
    return True, "Provider keys are kept in the system key store ({}).".format(
        ", ".join(_backend_path(b) for b in candidates)
    )


def store_provider_secret(provider: str, field: str, value: str) -> None:
    """Write a provider's secret credential to the OS keyring; ``KeyringUnavailable`` when none is secure.

    The value is never logged; only which field of which provider was written.
    """
    ok, reason = secure_keyring()
    if not ok:
        raise KeyringUnavailable(reason)
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, f"{provider}:{field}", value)
    except Exception as exc:  # keyring backends raise their own error types
        raise KeyringUnavailable(
            f"The key store refused to save the {provider} {field}: {type(exc).__name__}"
        ) from None
    log.info("stored the %s %s in the keyring", provider, field)


def delete_provider_secret(provider: str, field: str) -> None:
    """Forget a provider's secret credential (nothing happens when none is stored)."""
    try:
        import keyring
        from keyring.errors import PasswordDeleteError

        try:
            keyring.delete_password(KEYRING_SERVICE, f"{provider}:{field}")
        except PasswordDeleteError:
            return
    except Exception as exc:  # keyring backends raise their own error types
        log.warning("cannot delete the %s %s from the keyring: %s", provider, field, type(exc).__name__)
        return
    log.info("deleted the %s %s from the keyring", provider, field)
