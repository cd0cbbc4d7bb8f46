"""The keyring check: secure backends accepted, fail/null/plaintext refused; secrets go only to the keyring."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from posapp.config import (
    KEYRING_SERVICE,
    KeyringUnavailable,
    delete_provider_secret,
    provider_secret,
    secure_keyring,
    store_provider_secret,
)


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dict: stands for the OS key store in tests."""

    # Below keyring.backends.fail (0): keyring must never pick it by itself as the default of the test run.
    priority = -1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class PlaintextKeyring(MemoryKeyring):
    """Looks like keyrings.alt's file backend (secrets in a file anybody on the PC can read)."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


@pytest.fixture
def use_keyring() -> Iterator[object]:
    """``use_keyring(backend)`` makes it keyring's backend for the test; the previous one comes back after."""
    previous = keyring.get_keyring()

    def use(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield use
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(use_keyring) -> MemoryKeyring:  # type: ignore[no-untyped-def]
    return use_keyring(MemoryKeyring())  # type: ignore[no-any-return]


def test_a_secure_backend_is_accepted(memory_keyring: MemoryKeyring) -> None:
    ok, reason = secure_keyring()
    assert ok and "MemoryKeyring" in reason


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), PlaintextKeyring()], ids=["fail", "null", "plain"])
def test_fail_null_and_plaintext_backends_are_refused(use_keyring, backend: KeyringBackend) -> None:  # type: ignore[no-untyped-def]
    use_keyring(backend)
    ok, reason = secure_keyring()
    assert not ok
    assert reason.startswith("This computer has no secure key store;")
    assert type(backend).__name__ in reason and "Training mode works" in reason
    with pytest.raises(KeyringUnavailable, match="no secure key store"):
        store_provider_secret("mycoolpay", "private_key", "sk-never-stored")


def test_a_chain_with_a_plaintext_fallback_is_refused(use_keyring, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    chain = chainer.ChainerBackend()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [MemoryKeyring(), PlaintextKeyring()])
    use_keyring(chain)
    assert secure_keyring()[0] is False
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [MemoryKeyring()])
    assert secure_keyring()[0] is True


def test_secrets_go_to_the_keyring_and_never_to_the_log(
    memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    store_provider_secret("coolpay", "api_key", "CANARY-api-7f3e")
    assert memory_keyring.passwords == {(KEYRING_SERVICE, "coolpay:api_key"): "CANARY-api-7f3e"}
    assert provider_secret("coolpay", "api_key") == "CANARY-api-7f3e"
    delete_provider_secret("coolpay", "api_key")
    delete_provider_secret("coolpay", "api_key")  # nothing stored: no error
    assert provider_secret("coolpay", "api_key") is None
    assert "coolpay api_key" in caplog.text and "CANARY" not in caplog.text
