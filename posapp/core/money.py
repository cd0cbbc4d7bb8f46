"""Money as integer minor units with an ISO 4217 currency; parsing what a cashier types; Babel formatting.

No float ever holds an amount: parsing goes from text to ``int`` through ``Decimal`` and formatting
hands Babel a ``Decimal`` built from the integer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import total_ordering

from babel import Locale, UnknownLocaleError
from babel.numbers import (
    format_currency,
    get_currency_name,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
)

# ISO 4217 minor-unit exponents. Babel's CLDR "digits" are display digits (cash rounding) and differ
# from ISO for some currencies, so the exponent that defines a minor unit is kept here.
EXPONENTS: dict[str, int] = {
    "XAF": 0,
    "XOF": 0,
    "EUR": 2,
    "USD": 2,
    "GBP": 2,
    "DKK": 2,
    "SEK": 2,
    "NOK": 2,
    "CHF": 2,
    "NGN": 2,
    "GHS": 2,
    "KES": 2,
    "JPY": 0,
}

MAX_DIGITS = 12


class MoneyError(ValueError):
    """An amount or currency that cannot be used; the message is meant for the cashier."""


class CurrencyMismatch(MoneyError):
    """Two amounts of different currencies were combined."""


def exponent(currency: str) -> int:
    """The number of decimal places of ``currency``'s minor unit (XAF 0, EUR 2)."""
    try:
        return EXPONENTS[currency]
    except KeyError:
        raise MoneyError(f"Unsupported currency: {currency!r}") from None


@total_ordering
@dataclass(frozen=True, slots=True)
class Money:
    """An amount of one currency, held as an integer count of its minor unit."""

    minor: int
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.minor, bool) or not isinstance(self.minor, int):
            raise TypeError(f"Money.minor must be an int, not {type(self.minor).__name__}")
        exponent(self.currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    @classmethod
    def from_major(cls, major: Decimal | int | str, currency: str) -> Money:
        """Build from a major-unit amount (``Decimal("10.50")`` EUR → 1050); refuses extra decimals."""
        if isinstance(major, float):
            raise TypeError("Money.from_major refuses float")
        value = Decimal(major)
        scaled = value.scaleb(exponent(currency))
        if scaled != scaled.to_integral_value():
            raise MoneyError(f"{major} has more decimals than {currency} allows")
        return cls(int(scaled), currency)

    @property
    def major(self) -> Decimal:
        """The amount in major units as an exact ``Decimal`` (1050 EUR minor → ``Decimal('10.50')``)."""
        return Decimal(self.minor).scaleb(-exponent(self.currency))

    def major_str(self) -> str:
        """Plain major-unit text for APIs and CSV: ``1000`` XAF, ``10.50`` EUR, no grouping."""
        exp = exponent(self.currency)
        sign = "-" if self.minor < 0 else ""
        units, cents = divmod(abs(self.minor), 10**exp) if exp else (abs(self.minor), 0)
        return f"{sign}{units}.{cents:0{exp}d}" if exp else f"{sign}{units}"

    def _same(self, other: object) -> Money:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise CurrencyMismatch(f"cannot combine {self.currency} with {other.currency}")
        return other

    def __add__(self, other: Money) -> Money:
        return Money(self.minor + self._same(other).minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        return Money(self.minor - self._same(other).minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def __lt__(self, other: Money) -> bool:
        return self.minor < self._same(other).minor

    def __bool__(self) -> bool:
        return self.minor != 0

    def __str__(self) -> str:
        return f"{self.major_str()} {self.currency}"


def _locale(locale: str) -> Locale:
    try:
        return Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        raise MoneyError(f"Unknown locale: {locale!r}") from None


def format_money(amount: Money, locale: str = "fr_CM") -> str:
    """The amount as the locale writes it: ``1 000 FCFA`` in ``fr_CM``, ``€10.50`` in ``en_CM``."""
    return format_currency(amount.major, amount.currency, locale=_locale(locale))


def currency_label(currency: str, locale: str = "fr_CM") -> str:
    """What the locale calls the currency's sign (``FCFA``, ``€``)."""
    return get_currency_symbol(currency, locale=_locale(locale))


def currency_name(currency: str, locale: str = "fr_CM") -> str:
    return get_currency_name(currency, locale=_locale(locale))


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']+")


def parse_amount(text: str, currency: str, locale: str = "fr_CM") -> Money:
    """Read what a cashier typed (``1 000``, ``1.000``, ``1,50``, ``1000``) as a positive amount.

    The locale's decimal symbol separates decimals; spaces, the locale's group symbol and the other of
    ``.``/``,`` group thousands when they stand between groups of three digits. The currency's sign or
    code may surround the number (so every formatted amount reads back). Raises ``MoneyError`` with a
    reason a cashier understands.
    """
    exp = exponent(currency)
    loc = _locale(locale)
    raw = unicodedata.normalize("NFKC", text or "").strip()
    if not raw:
        raise MoneyError("Enter an amount.")
    for sign in sorted({get_currency_symbol(currency, locale=loc), currency}, key=len, reverse=True):
        raw = raw.replace(sign, " ")
    raw = raw.strip()
    if raw.startswith("-") or raw.startswith("\u2212") or raw.endswith("-"):
        raise MoneyError("The amount cannot be negative.")
    raw = raw.lstrip("+")
    if not raw:
        raise MoneyError("Enter an amount.")
    if re.search(r"\d[eE][+-]?\d", raw):
        raise MoneyError("Type the amount in full, without exponent notation.")
    if re.search(r"[^\d\s.,\u00a0\u202f\u2009\u2007']", raw):
        raise MoneyError("The amount may contain digits only.")
    decimal_symbol = get_decimal_symbol(loc)
    group_symbol = get_group_symbol(loc)
    other = "," if decimal_symbol == "." else "."
    compact = _SPACES.sub(" ", raw)
    if decimal_symbol in compact:
        integer, _, fraction = compact.rpartition(decimal_symbol)
        if decimal_symbol in integer:
            raise MoneyError(f"The amount has more than one '{decimal_symbol}'.")
    else:
        integer, fraction = compact, ""
    if fraction and not fraction.isdigit():
        raise MoneyError("Only digits may follow the decimal separator.")
    integer = integer.strip()
    separators = {" ", other} | ({group_symbol} if group_symbol.strip() else set())
    pattern = "[" + re.escape("".join(sorted(separators))) + "]"
    if re.search(pattern, integer):
        parts = re.split(pattern, integer)
        head, groups = parts[0], parts[1:]
        if not (1 <= len(head) <= 3 and head.isdigit() and all(len(g) == 3 and g.isdigit() for g in groups)):
            if other in integer and other != group_symbol:
                raise MoneyError(f"Use '{decimal_symbol}' for decimals.")
            raise MoneyError("Digits are grouped by three.")
        integer = "".join(parts)
    if not integer and not fraction:
        raise MoneyError("Enter an amount.")
    if integer and not integer.isdigit():
        raise MoneyError("The amount may contain digits only.")
    if len(fraction.rstrip("0")) > exp:
        if exp == 0:
            raise MoneyError(f"{currency} amounts have no decimals.")
        raise MoneyError(f"{currency} amounts have at most {exp} decimals.")
    digits = (integer or "0").lstrip("0") + fraction[:exp].ljust(exp, "0")
    if len(digits.lstrip("0")) > MAX_DIGITS:
        raise MoneyError(f"The amount is too large (at most {MAX_DIGITS} digits).")
    minor = int(digits or "0")
    if minor == 0:
        raise MoneyError("The amount must be more than zero.")
    return Money(minor, currency)
