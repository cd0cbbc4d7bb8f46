"""Money as integer minor units with an ISO 4217 currency; parsing what a cashier types; Babel formatting.

No float ever holds an amount: parsing goes from text to ``int`` through ``Decimal`` and formatting
hands Babel a ``Decimal`` built from the integer.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import total_ordering
from typing import TYPE_CHECKING

# Babel and its locale data load with the first amount formatted or read (10 ms; the console's first
# paint, the lock screen, shows none).
if TYPE_CHECKING:
    from babel import Locale

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
# from_major refuses amounts this long in minor units: no provider sends them, and the 10**n of a
# hostile exponent ("1E+999999999") would exhaust memory.
_MAX_FROM_MAJOR_DIGITS = 40


class MoneyError(ValueError):
    """An amount or currency that cannot be used; the message is meant for the cashier.

    ``template`` is the English sentence with ``{named}`` fields and ``params`` their values, so a
    user interface can translate the template (``posapp/ui/core_messages.py``) and fill it in.
    """

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)


class CurrencyMismatch(MoneyError):
    """Two amounts of different currencies were combined."""


def exponent(currency: str) -> int:
    """The number of decimal places of ``currency``'s minor unit (XAF 0, EUR 2)."""
    try:
        return EXPONENTS[currency]
    except KeyError:
        raise MoneyError("Unsupported currency: {currency}", currency=currency) from None


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
        """Build from a major-unit amount (``Decimal("10.50")`` EUR → 1050); refuses extra decimals.

        The conversion is exact integer arithmetic: ``Decimal`` operations round to the context's 28
        digits, which would silently change a long amount.
        """
        if isinstance(major, float | bool):
            raise TypeError(f"Money.from_major refuses {type(major).__name__}")
        exp = exponent(currency)
        try:
            value = Decimal(major.strip() if isinstance(major, str) else major)
        except (InvalidOperation, TypeError, ValueError):
            raise MoneyError("{value} is not an amount", value=repr(major)) from None
        if not value.is_finite():
            raise MoneyError("{value} is not an amount", value=repr(major))
        if value and value.adjusted() + exp >= _MAX_FROM_MAJOR_DIGITS:
            raise MoneyError("{value} is too large an amount", value=str(major))
        sign, digits, value_exp = value.as_tuple()
        assert isinstance(value_exp, int)  # a finite Decimal has an int exponent
        coefficient = int("".join(map(str, digits)) or "0")
        shift = value_exp + exp
        if shift >= 0:
            minor = coefficient * 10**shift
        else:
            minor, rest = divmod(coefficient, 10**-shift)
            if rest:
                raise MoneyError(
                    "{value} has more decimals than {currency} allows", value=str(major), currency=currency
                )
        return cls(-minor if sign else minor, currency)

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
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        raise MoneyError("Unknown locale: {locale}", locale=locale) from None


# The CFA francs are written with the sign after the number in Cameroon and its neighbours, in English
# as in French ("1,500 FCFA"); CLDR's English pattern puts it first and glued ("FCFA1,500").
_SIGN_AFTER = frozenset({"XAF", "XOF"})


def format_money(amount: Money, locale: str = "fr_CM") -> str:
    """The amount as the locale writes it: ``1 000 FCFA`` in ``fr_CM``, ``1,000 FCFA`` in ``en_CM``."""
    from babel.numbers import format_currency

    loc = _locale(locale)
    if amount.currency in _SIGN_AFTER:
        return format_currency(amount.major, amount.currency, format="#,##0\u00a0¤", locale=loc)
    return format_currency(amount.major, amount.currency, locale=loc)


def currency_label(currency: str, locale: str = "fr_CM") -> str:
    """What the locale calls the currency's sign (``FCFA``, ``€``)."""
    from babel.numbers import get_currency_symbol

    return get_currency_symbol(currency, locale=_locale(locale))


def currency_name(currency: str, locale: str = "fr_CM") -> str:
    from babel.numbers import get_currency_name

    return get_currency_name(currency, locale=_locale(locale))


# Marks that only ever group digits: spaces of every width (NFKC has turned no-break and narrow
# no-break spaces into plain ones) and apostrophes (``1'000``, de_CH's ``1’000``).
_GROUP_MARKS = " '\u2019"
_MINUS = ("-", "\u2212")
# What cashiers also write for the CFA francs, besides Babel's symbol and the ISO code.
_ALIASES: dict[str, tuple[str, ...]] = {
    "XAF": ("FCFA", "F CFA", "CFA", "F"),
    "XOF": ("FCFA", "F CFA", "CFA", "F"),
}


# Invisible marks some locales put around numbers and signs (Babel's Arabic and Hebrew patterns): they
# change no digit's place and are dropped. Overrides, embeddings and isolates (U+202A-U+202E, U+2066-U+2069)
# reorder what is shown ("\u202e0051" shows as 1500) and are refused with every other invisible character.
_BIDI_MARKS = "\u200e\u200f\u061c"


def _typed_digits(text: str) -> str:
    """``text`` with full-width digits (``１０００``, what an input method types) written as ASCII digits.

    Anything else that is a number to Unicode (superscripts ``²``, circled ``①``, another script's digits)
    is refused: NFKC would turn ``³⁴`` into 34, and a French keyboard has a ``²`` key. Babel writes every
    locale's amounts with the digits 0-9 (its default numbering system), so those are the only ones read.
    """
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
        elif ch in _BIDI_MARKS:
            continue
        elif unicodedata.category(ch) == "Nd" and unicodedata.normalize("NFKC", ch).isascii():
            out.append(unicodedata.normalize("NFKC", ch))
        elif unicodedata.category(ch).startswith("N") or unicodedata.category(ch) == "Cf":
            raise MoneyError("The amount may contain digits only.")
        else:
            out.append(ch)
    return "".join(out)


@functools.lru_cache(maxsize=1024)
def _locale_grouping(digits: str, loc: Locale) -> tuple[int, ...]:
    """The lengths of the digit groups Babel writes ``digits`` with in ``loc`` (``1000000'000``: 7, 3)."""
    from babel.numbers import format_decimal

    written = unicodedata.normalize("NFKC", format_decimal(int(digits), locale=loc))
    return tuple(len(group) for group in re.split(r"\D+", written) if group)


def _is_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _strip_currency(raw: str, currency: str, loc: Locale) -> str:
    """``raw`` without the currency's sign, code or usual name before or after the number."""
    from babel.numbers import get_currency_symbol

    signs = {get_currency_symbol(currency, locale=loc), currency, *_ALIASES.get(currency, ())}
    normal = sorted({unicodedata.normalize("NFKC", sign) for sign in signs if sign}, key=len, reverse=True)
    names = "|".join(re.escape(sign) for sign in normal)
    return re.sub(rf"^\s*(?:{names})\s*|\s*(?:{names})\s*$", "", raw, flags=re.IGNORECASE).strip()


def parse_amount(text: str, currency: str, locale: str = "fr_CM") -> Money:
    """Read what a cashier typed (``1 000``, ``1.000``, ``1,50``, ``1000``) as a positive amount.

    The locale's decimal symbol always means decimals, so a currency's decimals are never exceeded:
    ``1,000`` in ``fr_CM`` is refused (a thousand or one franc?), never read as 1 XAF. Spaces and
    apostrophes group thousands; the other one of ``.``/``,`` groups thousands only when it stands
    between groups of three digits and cannot be a decimal point: the locale groups with it (``1,000``
    in ``en_CM``, ``1.000`` in ``da_DK``), the currency has no decimals (``1.000`` XAF in ``fr_CM``),
    it occurs more than once (``1.000.000``) or a decimal part follows (``1.000,50``). Groups are of
    three digits, or exactly as Babel groups that number for the locale (``1,00,000`` in ``en_IN``).
    Digits are 0-9 (or full-width); superscripts, circled digits and other scripts' digits are refused. So ``1.500``
    EUR in ``fr_FR`` is refused as ambiguous. The currency's sign, code or (for the CFA francs)
    ``FCFA``/``F`` may stand before or after the number, so every formatted amount reads back.
    Raises ``MoneyError`` with a reason a cashier understands.
    """
    from babel.numbers import get_decimal_symbol, get_group_symbol

    exp = exponent(currency)
    loc = _locale(locale)
    raw = unicodedata.normalize("NFKC", _typed_digits(text or "")).strip()
    if not raw:
        raise MoneyError("Enter an amount.")
    raw = _strip_currency(raw, currency, loc)
    if raw.startswith(_MINUS) or raw.endswith(_MINUS):
        raise MoneyError("The amount cannot be negative.")
    raw = raw.removeprefix("+").strip()
    if not raw:
        raise MoneyError("Enter an amount.")
    if re.search(r"[0-9][eE][+-]?[0-9]", raw):
        raise MoneyError("Type the amount in full, without exponent notation.")
    decimal_symbol = get_decimal_symbol(loc)
    other = "," if decimal_symbol == "." else "."
    group_symbol = unicodedata.normalize("NFKC", get_group_symbol(loc))
    marks = _GROUP_MARKS + ("" if group_symbol in (decimal_symbol, other) else group_symbol)
    allowed = set("0123456789") | {decimal_symbol, other} | set(marks)
    if any(ch not in allowed and not ch.isspace() for ch in raw):
        raise MoneyError("The amount may contain digits only.")
    compact = re.sub(rf"[{re.escape(marks)}\s]+", " ", raw)
    if compact.count(decimal_symbol) > 1:
        raise MoneyError("The amount has more than one '{mark}'.", mark=decimal_symbol)
    integer, has_fraction, fraction = compact.partition(decimal_symbol)
    integer, fraction = integer.strip(), fraction.strip()
    if other in fraction:
        raise MoneyError("Use '{mark}' for decimals.", mark=decimal_symbol)
    if fraction and not _is_digits(fraction):
        raise MoneyError("Only digits may follow '{mark}'.", mark=decimal_symbol)
    groups = re.split(rf"[ {re.escape(other)}]", integer)
    if len(groups) > 1:
        head, tail = groups[0], groups[1:]
        by_three = 1 <= len(head) <= 3 and all(len(group) == 3 for group in tail)
        # Or exactly as the locale groups this number (en_IN's 1,00,000; de_CH's 1000000'000 in Babel 2.19).
        as_locale = all(_is_digits(g) for g in groups) and tuple(map(len, groups)) == _locale_grouping(
            "".join(groups), loc
        )
        if not (by_three or as_locale):
            if integer.count(other) == 1:
                if exp == 0:
                    raise MoneyError("{currency} amounts have no decimals.", currency=currency)
                raise MoneyError("Use '{mark}' for decimals.", mark=decimal_symbol)
            raise MoneyError("Digits are grouped by three.")
        if integer.count(other) == 1 and not has_fraction and exp > 0 and group_symbol != other:
            # "1.500" EUR in fr_FR: 1 500 € to a French eye, 1,50 € to an English one.
            raise MoneyError(
                "'{other}' could be a decimal point here: use '{mark}' for decimals and a space between thousands.",
                other=other,
                mark=decimal_symbol,
            )
        integer = "".join(groups)
    if not integer and not fraction:
        raise MoneyError("Enter an amount.")
    if integer and not _is_digits(integer):
        raise MoneyError("The amount may contain digits only.")
    if len(fraction) > exp:
        if len(fraction) == 3 and exp == 0:
            # "1,000" XAF in fr_CM: a thousand to a bilingual cashier; refuse rather than read 1.
            raise MoneyError(
                "{currency} amounts have no decimals; '{mark}' marks decimals here, "
                "so type a thousand as 1 000 or 1000.",
                currency=currency,
                mark=decimal_symbol,
            )
        if len(fraction) == 3:
            raise MoneyError(
                "{currency} amounts have at most {count} decimals; '{mark}' marks decimals here, "
                "so type a thousand as 1 000 or 1000.",
                currency=currency,
                count=exp,
                mark=decimal_symbol,
            )
        if exp == 0:
            raise MoneyError("{currency} amounts have no decimals.", currency=currency)
        raise MoneyError("{currency} amounts have at most {count} decimals.", currency=currency, count=exp)
    digits = integer.lstrip("0") + fraction.ljust(exp, "0")
    if len(digits.lstrip("0")) > MAX_DIGITS:
        raise MoneyError("The amount is too large (at most {count} digits).", count=MAX_DIGITS)
    minor = int(digits or "0")
    if minor == 0:
        raise MoneyError("The amount must be more than zero.")
    return Money(minor, currency)
