"""The services' refusals (``posapp.services``' ``ActionFailed``) in the cashier's or manager's words and language.

A refusal carries an English ``template`` with ``{named}`` fields and their ``params``; the templates are
listed here with ``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` puts them in the translation files, and
``describe_service_error`` says one in the installed language, its fields written for the reader: an
amount as the language writes money (``1 500 FCFA``), a status as the status badge says it, a provider
by its name, a phone number grouped. A test checks that every template the services raise is listed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from posapp.config import PROVIDER_LABELS
from posapp.core.money import Money, MoneyError, format_money
from posapp.core.phone import display_phone
from posapp.core.transactions import Status
from posapp.services.common import ActionFailed
from posapp.ui.core_messages import translate_error
from posapp.ui.widgets.status_badge import status_text

CONTEXT = "ServiceMessages"

_LISTED = (
    # posapp/services/common.py
    QT_TRANSLATE_NOOP(
        "ServiceMessages",
        "The manager's approval cannot be used: it was used already, has expired or was given for something else. "
        "Ask for a new one. Nothing was done.",
    ),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "This approval was already used for another operation: ask for a new one. Nothing was done."
    ),
    QT_TRANSLATE_NOOP(
        "ServiceMessages",
        "This refund cannot be recorded: the payment is not paid, or less than that is left to refund on it. "
        "Nothing was sent.",
    ),
    QT_TRANSLATE_NOOP(
        "ServiceMessages",
        "This sale cannot take that any more: it was paid or voided meanwhile. Look at the sale again.",
    ),
    QT_TRANSLATE_NOOP("ServiceMessages", "The journal refused this. Nothing was done."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Not refunded: at most {left} can still be refunded on this payment."),
    QT_TRANSLATE_NOOP("ServiceMessages", "There is no such payment in this counter's journal."),
    # posapp/services/checkout.py
    QT_TRANSLATE_NOOP(
        "ServiceMessages",
        "The payment's QR code was not shown, because the journal cannot be written: nobody can pay it.",
    ),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only a payment by QR code or on the customer's phone can be canceled."),
    QT_TRANSLATE_NOOP("ServiceMessages", "This payment can no longer be canceled (status: {status})."),
    QT_TRANSLATE_NOOP("ServiceMessages", "{provider} payments need no capture."),
    QT_TRANSLATE_NOOP("ServiceMessages", "This is not a payment: only a payment is captured."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only an authorized payment is captured; this one is “{status}”."),
    QT_TRANSLATE_NOOP("ServiceMessages", "This payment is in {currency}, not {other}."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Enter an amount above zero to capture."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Not captured: at most {amount} can be captured on this payment."),
    QT_TRANSLATE_NOOP(
        "ServiceMessages",
        "The last capture of this payment has no known outcome, and its status cannot be read now: "
        "try again in a moment.",
    ),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "The provider is still processing the last capture of this payment: try again in a moment."
    ),
    # posapp/services/payouts.py
    QT_TRANSLATE_NOOP(
        "ServiceMessages",
        "This approval was already used for another refund or payout: ask for a new one. Nothing was sent.",
    ),
    QT_TRANSLATE_NOOP("ServiceMessages", "This refund or payout is not in this counter's journal."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only an unknown outcome is settled by hand; this one is “{status}”."),
    QT_TRANSLATE_NOOP(
        "ServiceMessages",
        "A payout to a wallet name or an e-mail address goes to a My-CoolPay wallet: choose My-CoolPay.",
    ),
    QT_TRANSLATE_NOOP(
        "ServiceMessages",
        "This payment was paid through {provider}, not {this_provider}: only {provider} can refund it.",
    ),
    QT_TRANSLATE_NOOP("ServiceMessages", "The payer's number is not known: refund it as a payout."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The payer's number {phone} cannot receive a refund. {why}"),
    QT_TRANSLATE_NOOP("ServiceMessages", "This payment never reached the provider, so nothing of it can be refunded."),
    QT_TRANSLATE_NOOP(
        "ServiceMessages",
        "What is left to refund on this payment cannot be read from the provider now: try again in a moment. "
        "Nothing was sent.",
    ),
    QT_TRANSLATE_NOOP("ServiceMessages", "The shop store's check of this refund failed, so nothing was sent."),
    QT_TRANSLATE_NOOP("ServiceMessages", "An unknown outcome is settled as paid or as failed."),
    # posapp/services/sales.py
    QT_TRANSLATE_NOOP("ServiceMessages", "A sale is for an amount above zero."),
    QT_TRANSLATE_NOOP("ServiceMessages", "This sale is not in this counter's journal."),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "The cash given, {given}, does not cover {amount}: take the rest another way."
    ),
    QT_TRANSLATE_NOOP("ServiceMessages", "Say why the sale is voided."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Say what the cash is paid out for."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The opening float is zero or more."),
    QT_TRANSLATE_NOOP("ServiceMessages", "This sale was voided: nothing more is taken for it."),
    QT_TRANSLATE_NOOP("ServiceMessages", "This sale is in {currency}, not {other}."),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "A payment of {amount} on this sale is not settled yet: wait for its outcome."
    ),
    QT_TRANSLATE_NOOP("ServiceMessages", "Nothing is left to pay on this sale."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Enter an amount above zero."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Not taken: at most {amount} is still to pay on this sale."),
    QT_TRANSLATE_NOOP("ServiceMessages", "This sale is paid: refund its payments instead of voiding it."),
    QT_TRANSLATE_NOOP(
        "ServiceMessages", "Not voided: {amount} paid on this sale is not handed back yet. Refund it first."
    ),
)

TEMPLATES: tuple[str, ...] = tuple(str(template) for template in _LISTED)

# Fields that name a provider (``mycoolpay``): written as the provider calls itself (My-CoolPay).
_PROVIDER_FIELDS = frozenset({"provider", "this_provider"})


def money_locale() -> str:
    """The Babel locale amounts are written in: the installed language's (``install_translators`` sets
    Qt's default locale to it); English when Qt's locale is "C" or unknown to Babel."""
    name = QLocale().name()
    try:
        format_money(Money(0, "XAF"), name)
    except MoneyError:
        return "en"
    return name


def field_text(name: str, value: object, locale: str) -> str:
    """One field of a refusal as the reader reads it in ``locale``'s language."""
    if isinstance(value, Money):
        try:
            return format_money(value, locale)
        except MoneyError:  # a currency Babel cannot write: as the journal does
            return str(value)
    if isinstance(value, Status):
        return status_text(value)
    if isinstance(value, BaseException):
        return translate_error(value)
    if name in _PROVIDER_FIELDS and isinstance(value, str):
        return PROVIDER_LABELS.get(value, value)
    if name == "phone" and isinstance(value, str):
        return display_phone(value)
    return str(value)


def describe_service_error(exc: ActionFailed, locale: str | None = None) -> str:
    """``exc``'s template in the installed language with its fields filled in (its English when not listed)."""
    translated = QCoreApplication.translate(CONTEXT, exc.template)
    if not exc.params:  # nothing to fill in (and a sentence the UI translated itself may hold braces)
        return translated
    locale = locale or money_locale()
    fields = {name: field_text(name, value, locale) for name, value in exc.params.items()}
    try:
        return translated.format(**fields)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field: the English, filled in
        return exc.template.format(**fields)
