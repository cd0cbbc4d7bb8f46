"""The providers' own messages, said in the cashier's language: a sentence of ours for every one we know.

Providers answer in English (My-CoolPay's errors: ``Invalid authorization code !``) or in the language
the payment was made in (its statuses' ``transaction_message``), and the card providers in codes
(``validation_error``, ``RECORD_NOT_FOUND``). A cashier in French must not read English at the till, yet
support needs the provider's exact words: so a known message is shown as our translated sentence, and
the provider's words go to the details (``with_provider_words``), never lost.

The messages listed are those of the providers' documents and their public clients, as the emulators
in ``posapp/sandbox`` answer them; ``test_provider_messages`` checks that every message an emulator can
give a cashier is known here.
"""

from __future__ import annotations

import enum
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ProviderMessages"


class Reason(enum.Enum):
    """What a known message means for the payment, so the outcome can say what to do next."""

    WRONG_CODE = "wrong_code"  # the customer's one-time code was refused
    TOO_MANY_CODES = "too_many_codes"  # the provider gave up after the wrong codes
    DECLINED = "declined"  # the customer said no on the phone or the checkout page
    EXPIRED = "expired"
    CANCELED = "canceled"
    BALANCE = "balance"  # not enough money (the customer's wallet or the merchant's account)
    KEYS = "keys"  # the console's keys are refused: a manager must look at Settings
    NUMBER = "number"  # the phone number or its network
    REQUEST = "request"  # the provider refused what posapp sent: support must look
    UNKNOWN_PAYMENT = "unknown_payment"
    DONE = "done"
    IN_PROGRESS = "in_progress"


# (the provider's words, casefolded and without trailing " !", "." or "..."; our sentence; reason)
_KNOWN: tuple[tuple[str, object, Reason], ...] = (
    # My-CoolPay: error bodies (English only) and statuses' transaction_message (in the payment's language)
    ("invalid authorization code", QT_TRANSLATE_NOOP("ProviderMessages", "The code is not right."), Reason.WRONG_CODE),
    (
        "too many invalid authorization codes",
        QT_TRANSLATE_NOOP("ProviderMessages", "The code was wrong too many times."),
        Reason.TOO_MANY_CODES,
    ),
    (
        "trop de codes d'autorisation invalides",
        QT_TRANSLATE_NOOP("ProviderMessages", "The code was wrong too many times."),
        Reason.TOO_MANY_CODES,
    ),
    (
        "the authorization code has not been given yet",
        QT_TRANSLATE_NOOP("ProviderMessages", "The customer's code has not been typed yet."),
        Reason.WRONG_CODE,
    ),
    (
        "this transaction does not require authorization",
        QT_TRANSLATE_NOOP("ProviderMessages", "This payment needs no code."),
        Reason.REQUEST,
    ),
    (
        "the customer declined the payment",
        QT_TRANSLATE_NOOP("ProviderMessages", "The customer declined the payment."),
        Reason.DECLINED,
    ),
    (
        "le client a refusé le paiement",
        QT_TRANSLATE_NOOP("ProviderMessages", "The customer declined the payment."),
        Reason.DECLINED,
    ),
    (
        "payment canceled by the customer",
        QT_TRANSLATE_NOOP("ProviderMessages", "The customer canceled the payment."),
        Reason.CANCELED,
    ),
    (
        "paiement annulé par le client",
        QT_TRANSLATE_NOOP("ProviderMessages", "The customer canceled the payment."),
        Reason.CANCELED,
    ),
    (
        "the payment request has expired",
        QT_TRANSLATE_NOOP("ProviderMessages", "The payment request expired."),
        Reason.EXPIRED,
    ),
    (
        "la demande de paiement a expiré",
        QT_TRANSLATE_NOOP("ProviderMessages", "The payment request expired."),
        Reason.EXPIRED,
    ),
    (
        "your transaction has been successfully completed",
        QT_TRANSLATE_NOOP("ProviderMessages", "The payment went through."),
        Reason.DONE,
    ),
    (
        "votre transaction a été effectuée avec succès",
        QT_TRANSLATE_NOOP("ProviderMessages", "The payment went through."),
        Reason.DONE,
    ),
    ("successful transaction", QT_TRANSLATE_NOOP("ProviderMessages", "The money was sent."), Reason.DONE),
    (
        "transaction in progress",
        QT_TRANSLATE_NOOP("ProviderMessages", "The operator is still sending the money."),
        Reason.IN_PROGRESS,
    ),
    (
        "the operator refused the transfer",
        QT_TRANSLATE_NOOP("ProviderMessages", "The operator refused the transfer."),
        Reason.DECLINED,
    ),
    (
        "l'opérateur a refusé le transfert",
        QT_TRANSLATE_NOOP("ProviderMessages", "The operator refused the transfer."),
        Reason.DECLINED,
    ),
    (
        "insufficient balance",
        QT_TRANSLATE_NOOP("ProviderMessages", "The account's balance is too low for this."),
        Reason.BALANCE,
    ),
    (
        "invalid application key",
        QT_TRANSLATE_NOOP(
            "ProviderMessages", "The provider refused the console's keys: a manager must check Settings."
        ),
        Reason.KEYS,
    ),
    (
        "invalid private key",
        QT_TRANSLATE_NOOP(
            "ProviderMessages", "The provider refused the console's keys: a manager must check Settings."
        ),
        Reason.KEYS,
    ),
    (
        "transaction not found",
        QT_TRANSLATE_NOOP("ProviderMessages", "The provider does not know this payment."),
        Reason.UNKNOWN_PAYMENT,
    ),
    (
        "invalid phone number",
        QT_TRANSLATE_NOOP("ProviderMessages", "The provider refused the phone number."),
        Reason.NUMBER,
    ),
    (
        "unsupported operator for this phone number",
        QT_TRANSLATE_NOOP("ProviderMessages", "The provider cannot reach this number's network."),
        Reason.NUMBER,
    ),
    (
        "customer_phone_number does not belong to transaction_operator",
        QT_TRANSLATE_NOOP("ProviderMessages", "The number does not belong to the network chosen."),
        Reason.NUMBER,
    ),
    (
        "app_transaction_ref already used",
        QT_TRANSLATE_NOOP("ProviderMessages", "The provider already has a payment with this reference."),
        Reason.REQUEST,
    ),
    (
        "this payment is no longer open",
        QT_TRANSLATE_NOOP("ProviderMessages", "This payment is no longer open."),
        Reason.EXPIRED,
    ),
    ("transaction failed", QT_TRANSLATE_NOOP("ProviderMessages", "The provider says it failed."), Reason.DECLINED),
    # The emulator's own control API (training only: the customer's phone)
    (
        "a payment link is paid on its checkout page",
        QT_TRANSLATE_NOOP("ProviderMessages", "A payment link is paid on its checkout page."),
        Reason.REQUEST,
    ),
    # CoolPay / QuickPay, Paiwise and Commerce Layer
    (
        "invalid api key",
        QT_TRANSLATE_NOOP(
            "ProviderMessages", "The provider refused the console's keys: a manager must check Settings."
        ),
        Reason.KEYS,
    ),
    (
        "unauthorized",
        QT_TRANSLATE_NOOP(
            "ProviderMessages", "The provider refused the console's keys: a manager must check Settings."
        ),
        Reason.KEYS,
    ),
    (
        "invalid_token",
        QT_TRANSLATE_NOOP(
            "ProviderMessages", "The provider refused the console's keys: a manager must check Settings."
        ),
        Reason.KEYS,
    ),
    (
        "invalid_grant",
        QT_TRANSLATE_NOOP(
            "ProviderMessages", "The provider refused the console's keys: a manager must check Settings."
        ),
        Reason.KEYS,
    ),
    (
        "validation error",
        QT_TRANSLATE_NOOP("ProviderMessages", "The provider refused the request as sent."),
        Reason.REQUEST,
    ),
    (
        "validation_error",
        QT_TRANSLATE_NOOP("ProviderMessages", "The provider refused the request as sent."),
        Reason.REQUEST,
    ),
    (
        "not_found",
        QT_TRANSLATE_NOOP("ProviderMessages", "The provider does not know this payment."),
        Reason.UNKNOWN_PAYMENT,
    ),
    (
        "record_not_found",
        QT_TRANSLATE_NOOP("ProviderMessages", "The provider does not know this payment."),
        Reason.UNKNOWN_PAYMENT,
    ),
    (
        "another operation is pending on this payment",
        QT_TRANSLATE_NOOP("ProviderMessages", "The provider is still busy with this payment: try again in a moment."),
        Reason.IN_PROGRESS,
    ),
    (
        "invalid_status",
        QT_TRANSLATE_NOOP("ProviderMessages", "The payment is not in a state that allows this."),
        Reason.REQUEST,
    ),
    (
        "amount_exceeds_refundable",
        QT_TRANSLATE_NOOP("ProviderMessages", "This is more than can still be refunded."),
        Reason.REQUEST,
    ),
    ("rejected", QT_TRANSLATE_NOOP("ProviderMessages", "The card was declined."), Reason.DECLINED),
)

_BY_TEXT: dict[str, tuple[str, Reason]] = {text: (str(sentence), reason) for text, sentence, reason in _KNOWN}

# Refusals of a field posapp sent (``transaction_amount must be a number``): a bug of ours, not the
# cashier's; and a payment already finished at the provider (``Transaction already SUCCESS``).
_PATTERNS: tuple[tuple[re.Pattern[str], object, Reason], ...] = (
    (
        re.compile(
            r"^[a-z_]+(, [a-z_]+)*( or [a-z_]+)? (is|are) required$|^[a-z_]+ (must|has|does) .+$|^invalid json body$"
        ),
        QT_TRANSLATE_NOOP("ProviderMessages", "The provider refused the request as sent."),
        Reason.REQUEST,
    ),
    (
        re.compile(r"^transaction already [a-z_]+$|^not a payment link$"),
        QT_TRANSLATE_NOOP("ProviderMessages", "This payment is no longer open."),
        Reason.EXPIRED,
    ),
)
_TRAILER = re.compile(r"[\s!.…]+$")
_NO_TRIES = re.compile(r"\s*\(no tries left\)\s*$", re.IGNORECASE)


def _key(message: str) -> str:
    return _TRAILER.sub("", _NO_TRIES.sub("", message.strip())).casefold()


def known(message: str) -> tuple[str, Reason] | None:
    """Our sentence for a provider message (translated) and what it means, or None when we do not know it.

    The provider's words may come alone or first in a longer line (``Validation error: order_id ...``).
    """
    if not message or not message.strip():
        return None
    key = _key(message)
    found = _BY_TEXT.get(key)
    if found is None:
        head = re.split(r"[:;(]", key, maxsplit=1)[0].strip()
        found = _BY_TEXT.get(head)
    if found is None:
        found = next(((str(text), reason) for pattern, text, reason in _PATTERNS if pattern.match(key)), None)
    if found is None:
        return None
    sentence, reason = found
    if reason is Reason.WRONG_CODE and _NO_TRIES.search(message):
        sentence, reason = _BY_TEXT["too many invalid authorization codes"]
    return QCoreApplication.translate(CONTEXT, sentence), reason


def sentence(message: str) -> str:
    """What the cashier reads for a provider message: our translated sentence, else the provider's words."""
    found = known(message)
    return found[0] if found is not None else message


def with_provider_words(message: str, fallback: str = "") -> str:
    """Our sentence (or ``fallback`` when we do not know the message) with the provider's words after it,
    for support; the words alone when there is neither."""
    found = known(message)
    ours = found[0] if found is not None else fallback
    words = message.strip()
    if not ours:
        return words
    if not words or same_words(ours, words):
        return ours
    return QCoreApplication.translate("ProviderMessages", "{sentence} (provider: {words})").format(
        sentence=ours, words=words
    )


def same_words(ours: str, theirs: str) -> bool:
    """Our sentence says what the provider said, word for word (then theirs need not follow it)."""
    return _key(ours) == _key(theirs)


def reason_of(message: str) -> Reason | None:
    found = known(message)
    return found[1] if found is not None else None


__all__ = ["Reason", "known", "reason_of", "same_words", "sentence", "with_provider_words"]
