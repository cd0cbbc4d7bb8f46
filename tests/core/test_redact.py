"""Secrets never reach logs, the journal or exports."""

from __future__ import annotations

import pytest

from posapp.core.redact import MASK, is_secret_key, redact, redact_text

PRIVATE_KEY = "sk_live_9f8e7d6c5b4a"
TOKEN = "eyJhbGciOiJIUzI1NiJ9.payload.sig"


@pytest.mark.parametrize(
    "key",
    [
        "private_key",
        "X-PRIVATE-KEY",
        "x_private_key",
        "Authorization",
        "password",
        "pin",
        "otp",
        "code",
        "api_key",
        "apiKey",
        "APIKey",
        "client_secret",
        "clientSecret",
        "access_token",
        "accessToken",
        "refresh_token",
        "privateKey",
        "XPrivateKey",
        "secret",
        "secret_key",
        "webhook_secret",
        "manager_pin",
        "otp_code",
        "session-token",
        "db_password",
        "signature",
        "card_number",
        "cvv",
        "Cookie",
    ],
)
def test_secret_keys(key: str) -> None:
    assert is_secret_key(key)


@pytest.mark.parametrize(
    "key",
    [
        "amount",
        "currency",
        "currency_code",
        "status",
        "transaction_ref",
        "app_transaction_ref",
        "public_key",
        "idempotency_key",
        "customer_phone_number",
        "operator",
        "otp_required",
        "token_type",
        "pinned",
        "payment_url",
    ],
)
def test_ordinary_keys(key: str) -> None:
    assert not is_secret_key(key)


def test_secret_keys_are_masked_at_any_depth() -> None:
    payload = {
        "status": "success",
        "private_key": PRIVATE_KEY,
        "data": {
            "transaction": {"ref": "MCP-1", "otp": "123456", "meta": {"deeper": {"X-Private-Key": "abc"}}},
            "headers": [{"Authorization": f"Bearer {TOKEN}"}, {"Accept": "application/json"}],
        },
    }
    assert redact(payload) == {
        "status": "success",
        "private_key": MASK,
        "data": {
            "transaction": {"ref": "MCP-1", "otp": MASK, "meta": {"deeper": {"X-Private-Key": MASK}}},
            "headers": [{"Authorization": MASK}, {"Accept": "application/json"}],
        },
    }


def test_a_secret_key_is_masked_whatever_it_holds() -> None:
    assert redact({"secret": {"nested": "value"}, "pin": 1234, "token": ["a", "b"]}) == {
        "secret": MASK,
        "pin": MASK,
        "token": MASK,
    }


def test_an_empty_secret_stays_visibly_empty() -> None:
    # "no key configured" is worth seeing in a log; there is nothing to hide
    assert redact({"private_key": "", "token": None}) == {"private_key": "", "token": None}


def test_known_secrets_are_cut_from_every_string() -> None:
    payload = {
        "message": f"invalid key {PRIVATE_KEY} for merchant",
        "echo": [f"Bearer {TOKEN}", ("tuple", PRIVATE_KEY)],
        "url": f"https://api.example/pay?key={PRIVATE_KEY}&x=1",
    }
    assert redact(payload, secrets=[PRIVATE_KEY, TOKEN]) == {
        "message": f"invalid key {MASK} for merchant",
        "echo": [f"Bearer {MASK}", ["tuple", MASK]],
        "url": f"https://api.example/pay?key={MASK}&x=1",
    }


def test_known_secrets_in_a_plain_string_or_list() -> None:
    assert redact(f"key={PRIVATE_KEY}", [PRIVATE_KEY]) == f"key={MASK}"
    assert redact([PRIVATE_KEY, "ok", 5], [PRIVATE_KEY]) == [MASK, "ok", 5]
    assert redact((PRIVATE_KEY,), [PRIVATE_KEY]) == [MASK]


def test_redact_text() -> None:
    assert redact_text(f"a {PRIVATE_KEY} b {PRIVATE_KEY}", [PRIVATE_KEY]) == f"a {MASK} b {MASK}"
    assert redact_text("nothing here", [PRIVATE_KEY]) == "nothing here"


def test_the_longer_secret_is_cut_first() -> None:
    # a key that contains another secret must not leave its tail behind
    assert redact_text("abcdef", ["abc", "abcdef"]) == MASK


def test_empty_secrets_are_ignored() -> None:
    assert redact_text("text", ["", ""]) == "text"
    assert redact({"a": "text"}, [""]) == {"a": "text"}


def test_secrets_may_be_a_generator() -> None:
    # used once per level: the generator must be read into something reusable
    payload = {"a": f"x{PRIVATE_KEY}", "b": {"c": f"y{PRIVATE_KEY}"}}
    assert redact(payload, (s for s in [PRIVATE_KEY])) == {"a": f"x{MASK}", "b": {"c": f"y{MASK}"}}


def test_non_secrets_are_unchanged() -> None:
    payload = {
        "status": "SUCCESS",
        "amount": 1000,
        "fees": 12.5,
        "ok": True,
        "nothing": None,
        "items": [1, "two", {"three": 3}],
        7: "int key",
    }
    assert redact(payload, secrets=[PRIVATE_KEY]) == payload


def test_the_input_is_not_modified() -> None:
    payload = {"private_key": PRIVATE_KEY, "list": [PRIVATE_KEY]}
    redact(payload, [PRIVATE_KEY])
    assert payload == {"private_key": PRIVATE_KEY, "list": [PRIVATE_KEY]}
