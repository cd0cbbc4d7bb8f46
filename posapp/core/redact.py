"""Removing secrets from what is logged, journaled or exported.

Two nets: values under a secret-looking key are replaced whatever they hold, and any occurrence of a
known secret string (a private key, a bearer token) is cut out of every other value, so a provider that
echoes a key back in an unexpected field still cannot get it into the journal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

MASK = "***"

SECRET_KEYS = frozenset(
    {
        "private_key",
        "x_private_key",
        "authorization",
        "password",
        "pin",
        "otp",
        "code",
        "api_key",
        "apikey",
        "client_secret",
        "access_token",
        "refresh_token",
        "secret",
        "token",
        "signature",
        "checksum",
        "card_number",
        "cvv",
        "secret_key",
        "passcode",
        "passphrase",
        "otp_code",
        "pin_code",
        "verification_code",
        "cookie",
        "set_cookie",
    }
)
_SECRET_SUFFIXES = ("_secret", "_private_key", "_secret_key", "_api_key", "_apikey", "_token", "_password", "_pin")

# Word boundaries inside camelCase and PascalCase names: accessToken, XPrivateKey, APIKey.
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _normal_key(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", _CAMEL.sub("_", key).lower()).strip("_")


def is_secret_key(key: str) -> bool:
    """Whether a value under ``key`` is secret (``private_key``, ``X-Private-Key``, ``accessToken``)."""
    normal = _normal_key(key)
    return normal in SECRET_KEYS or normal.endswith(_SECRET_SUFFIXES)


def redact_text(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with every occurrence of each non-empty secret replaced by ``***``."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def redact(value: Any, secrets: Iterable[str] = ()) -> Any:
    """A deep copy of a JSON-like ``value`` with secret keys masked and known secrets cut out."""
    known = tuple(s for s in secrets if s)
    if isinstance(value, Mapping):
        return {
            k: (MASK if isinstance(k, str) and is_secret_key(k) and v not in (None, "") else redact(v, known))
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [redact(v, known) for v in value]
    if isinstance(value, str):
        return redact_text(value, known)
    return value
