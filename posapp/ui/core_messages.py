"""Translating the messages of ``posapp.core`` (which has no Qt) for the cashier.

Core errors carry an English ``template`` with ``{named}`` fields and their ``params``. The templates are
listed here with ``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` puts them in the translation files;
``translate_error`` looks the template up in the installed language and fills in the fields. A test
checks that every template core can raise is listed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "CoreMessages"

_LISTED = (
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "'{other}' could be a decimal point here: use '{mark}' for decimals and a space between thousands.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "A phone number has digits only."),
    QT_TRANSLATE_NOOP("CoreMessages", "Cameroonian numbers have no leading 0: type the 9 digits (6XX XX XX XX)."),
    QT_TRANSLATE_NOOP("CoreMessages", "Digits are grouped by three."),
    QT_TRANSLATE_NOOP("CoreMessages", "Enter an amount."),
    QT_TRANSLATE_NOOP("CoreMessages", "Enter the customer's phone number."),
    QT_TRANSLATE_NOOP("CoreMessages", "Mobile money is available for Orange and MTN numbers only, not {operator}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Mobile money is available for Orange and MTN numbers only."),
    QT_TRANSLATE_NOOP("CoreMessages", "Only digits may follow '{mark}'."),
    QT_TRANSLATE_NOOP("CoreMessages", "The amount cannot be negative."),
    QT_TRANSLATE_NOOP("CoreMessages", "The amount has more than one '{mark}'."),
    QT_TRANSLATE_NOOP("CoreMessages", "The amount is too large (at most {count} digits)."),
    QT_TRANSLATE_NOOP("CoreMessages", "The amount may contain digits only."),
    QT_TRANSLATE_NOOP("CoreMessages", "The amount must be more than zero."),
    QT_TRANSLATE_NOOP("CoreMessages", "The number has too many digits."),
    QT_TRANSLATE_NOOP("CoreMessages", "The number is too short."),
    QT_TRANSLATE_NOOP(
        "CoreMessages", "This is a foreign number (+{code}); mobile money needs a Cameroonian number (+237)."
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "This is a landline number; mobile money needs a mobile number."),
    QT_TRANSLATE_NOOP("CoreMessages", "This is not a phone number."),
    QT_TRANSLATE_NOOP("CoreMessages", "This number does not exist."),
    QT_TRANSLATE_NOOP("CoreMessages", "Type the amount in full, without exponent notation."),
    QT_TRANSLATE_NOOP("CoreMessages", "Unknown locale: {locale}"),
    QT_TRANSLATE_NOOP("CoreMessages", "Unsupported currency: {currency}"),
    QT_TRANSLATE_NOOP("CoreMessages", "Use '{mark}' for decimals."),
    QT_TRANSLATE_NOOP("CoreMessages", "{currency} amounts have at most {count} decimals."),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{currency} amounts have at most {count} decimals; '{mark}' marks decimals here, "
        "so type a thousand as 1 000 or 1000.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{currency} amounts have no decimals."),
    QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{currency} amounts have no decimals; '{mark}' marks decimals here, so type a thousand as 1 000 or 1000.",
    ),
    QT_TRANSLATE_NOOP("CoreMessages", "{value} has more decimals than {currency} allows"),
    QT_TRANSLATE_NOOP("CoreMessages", "{value} is not an amount"),
    QT_TRANSLATE_NOOP("CoreMessages", "{value} is too large an amount"),
    # posapp.core.cash
    QT_TRANSLATE_NOOP("CoreMessages", "The cash given is in {given}, the sale in {due}."),
    QT_TRANSLATE_NOOP("CoreMessages", "The cash given must be more than zero."),
    QT_TRANSLATE_NOOP("CoreMessages", "Nothing is due."),
    QT_TRANSLATE_NOOP("CoreMessages", "There is no list of notes and coins for {currency}: count the total."),
    QT_TRANSLATE_NOOP("CoreMessages", "{value} is not a note or coin of {currency}."),
    QT_TRANSLATE_NOOP("CoreMessages", "The number of {value} pieces must be a whole number, zero or more."),
    QT_TRANSLATE_NOOP("CoreMessages", "{number} pieces of {value} is more than a drawer holds."),
)

TEMPLATES: tuple[str, ...] = tuple(str(template) for template in _LISTED)


def translate_error(exc: BaseException, context: str = CONTEXT) -> str:
    """``exc``'s message in the installed language (its English text when it has no template); ``context``:
    where its templates are listed (``posapp.ui.shop_messages`` lists the shop store's)."""
    template = getattr(exc, "template", None)
    if not isinstance(template, str):
        return str(exc)
    params = getattr(exc, "params", {}) or {}
    translated = QCoreApplication.translate(context, template)
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field: fall back to English
        return template.format(**params)
