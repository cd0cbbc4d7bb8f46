"""Money: integer minor units, currency rules, what a cashier types and what Babel shows."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import unicodedata
from decimal import Decimal

import pytest
from babel import localedata
from babel.numbers import format_decimal, get_currency_precision, get_decimal_symbol
from hypothesis import example, given, settings
from hypothesis import strategies as st

from posapp.core import money
from posapp.core.money import (
    EXPONENTS,
    MAX_DIGITS,
    CurrencyMismatch,
    Money,
    MoneyError,
    currency_label,
    exponent,
    format_money,
    parse_amount,
)

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space: CLDR's French group separator

REQUIRED_EXPONENTS = {"XAF": 0, "XOF": 0, "EUR": 2, "USD": 2, "GBP": 2, "DKK": 2, "SEK": 2, "NOK": 2}
CURRENCIES = sorted(REQUIRED_EXPONENTS)
# What posapp promises: its own locales read back every amount they format, whatever the CLDR release.
OWN_LOCALES = ["fr_CM", "en_CM"]
# Then the European ones whose conventions differ most: an amount written in one is never misread in another.
LOCALES = [*OWN_LOCALES, "fr_FR", "da_DK", "en_US", "sv_SE", "de_CH", "en_GB", "nb_NO"]


def visible(text: str) -> str:
    """What the cashier sees: Babel's no-break spaces look like plain ones."""
    return unicodedata.normalize("NFKC", text)


# ---------------------------------------------------------------- the Money value


class TestMoney:
    def test_is_immutable(self) -> None:
        amount = Money(1000, "XAF")
        with pytest.raises(dataclasses.FrozenInstanceError):
            amount.minor = 5  # type: ignore[misc]
        with pytest.raises(dataclasses.FrozenInstanceError):
            amount.currency = "EUR"  # type: ignore[misc]
        assert not hasattr(amount, "__dict__")

    def test_equal_values_are_equal_and_hash_alike(self) -> None:
        assert Money(1000, "XAF") == Money(1000, "XAF")
        assert Money(1000, "XAF") != Money(1000, "XOF")
        assert len({Money(1000, "XAF"), Money(1000, "XAF"), Money(1000, "XOF")}) == 2

    def test_add_and_subtract_within_a_currency(self) -> None:
        assert Money(1000, "XAF") + Money(500, "XAF") == Money(1500, "XAF")
        assert Money(1000, "XAF") - Money(1500, "XAF") == Money(-500, "XAF")
        assert -Money(150, "EUR") == Money(-150, "EUR")
        assert sum([Money(1, "EUR"), Money(2, "EUR")], Money.zero("EUR")) == Money(3, "EUR")

    def test_compare_within_a_currency(self) -> None:
        small, big = Money(100, "XAF"), Money(5000, "XAF")
        assert small < big
        assert big > small
        assert small <= Money(100, "XAF") <= big
        assert big >= small
        assert sorted([big, small]) == [small, big]

    @pytest.mark.parametrize(
        "combine",
        [
            lambda a, b: a + b,
            lambda a, b: a - b,
            lambda a, b: a < b,
            lambda a, b: a <= b,
            lambda a, b: a > b,
            lambda a, b: a >= b,
        ],
        ids=["add", "sub", "lt", "le", "gt", "ge"],
    )
    def test_combining_currencies_raises_currency_mismatch(self, combine: object) -> None:
        assert callable(combine)
        with pytest.raises(CurrencyMismatch, match="XAF.*EUR"):
            combine(Money(1000, "XAF"), Money(1000, "EUR"))

    def test_currency_mismatch_is_a_money_error(self) -> None:
        assert issubclass(CurrencyMismatch, MoneyError)
        assert issubclass(MoneyError, ValueError)

    def test_combining_with_a_plain_number_raises_type_error(self) -> None:
        with pytest.raises(TypeError):
            Money(1000, "XAF") + 5  # type: ignore[operator]
        with pytest.raises(TypeError):
            Money(1000, "XAF") < 5  # type: ignore[operator]  # noqa: B015

    @pytest.mark.parametrize("minor", [10.0, 10.5, Decimal("10"), "10", True, None])
    def test_minor_units_must_be_an_int(self, minor: object) -> None:
        with pytest.raises(TypeError, match="int"):
            Money(minor, "EUR")  # type: ignore[arg-type]

    def test_from_major_refuses_float(self) -> None:
        with pytest.raises(TypeError, match="float"):
            Money.from_major(10.5, "EUR")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            Money.from_major(True, "EUR")

    @pytest.mark.parametrize("currency", ["xaf", "ABC", "", "FCFA"])
    def test_unsupported_currency(self, currency: str) -> None:
        with pytest.raises(MoneyError, match="Unsupported currency"):
            Money(1, currency)
        with pytest.raises(MoneyError):
            exponent(currency)

    def test_zero_and_truth(self) -> None:
        assert Money.zero("XAF") == Money(0, "XAF")
        assert not Money.zero("XAF")
        assert Money(1, "XAF")


class TestExponents:
    @pytest.mark.parametrize(("currency", "digits"), sorted(REQUIRED_EXPONENTS.items()))
    def test_iso_4217_exponent(self, currency: str, digits: int) -> None:
        assert exponent(currency) == digits

    @pytest.mark.parametrize("currency", sorted(EXPONENTS))
    def test_babel_shows_as_many_decimals_as_the_minor_unit_has(self, currency: str) -> None:
        # format_money relies on CLDR's digits; if they ever differ from ISO's, formatting would round.
        assert get_currency_precision(currency) == exponent(currency)


class TestMajorUnits:
    @pytest.mark.parametrize(
        ("major", "currency", "minor"),
        [
            (Decimal("10.50"), "EUR", 1050),
            ("10.5", "EUR", 1050),
            (" 10.50 ", "EUR", 1050),
            (10, "EUR", 1000),
            ("1000", "XAF", 1000),
            (Decimal("1.50E+2"), "EUR", 15000),
            ("-2.5", "USD", -250),
            ("0", "XAF", 0),
            ("10.500", "EUR", 1050),  # trailing zeros are not extra decimals
        ],
    )
    def test_from_major(self, major: Decimal | int | str, currency: str, minor: int) -> None:
        assert Money.from_major(major, currency) == Money(minor, currency)

    @pytest.mark.parametrize(("major", "currency"), [("10.505", "EUR"), ("10.5", "XAF"), (Decimal("0.001"), "USD")])
    def test_from_major_refuses_extra_decimals(self, major: Decimal | str, currency: str) -> None:
        with pytest.raises(MoneyError, match="more decimals"):
            Money.from_major(major, currency)

    @pytest.mark.parametrize("major", ["abc", "", "Infinity", "-Infinity", "NaN", "sNaN", Decimal("NaN"), "1,5"])
    def test_from_major_refuses_what_is_no_amount(self, major: Decimal | str) -> None:
        with pytest.raises(MoneyError, match="not an amount"):
            Money.from_major(major, "EUR")

    def test_from_major_is_exact_beyond_decimal_precision(self) -> None:
        # 30 significant digits: Decimal arithmetic would round to its context's 28.
        assert Money.from_major("1" * 28 + ".91", "EUR").minor == int("1" * 28 + "91")

    def test_from_major_refuses_absurd_exponents_quickly(self) -> None:
        with pytest.raises(MoneyError, match="too large"):
            Money.from_major("1E+999999999", "XAF")

    @pytest.mark.parametrize(
        ("amount", "major", "text"),
        [
            (Money(1050, "EUR"), Decimal("10.50"), "10.50"),
            (Money(5, "EUR"), Decimal("0.05"), "0.05"),
            (Money(-5, "EUR"), Decimal("-0.05"), "-0.05"),
            (Money(1000, "XAF"), Decimal("1000"), "1000"),
            (Money(-1000, "XAF"), Decimal("-1000"), "-1000"),
        ],
    )
    def test_major_and_major_str(self, amount: Money, major: Decimal, text: str) -> None:
        assert amount.major == major
        assert isinstance(amount.major, Decimal)
        assert amount.major_str() == text
        assert str(amount) == f"{text} {amount.currency}"
        assert Money.from_major(amount.major_str(), amount.currency) == amount


# ---------------------------------------------------------------- formatting


class TestFormat:
    @pytest.mark.parametrize(
        ("amount", "locale", "shown"),
        [
            (Money(1000, "XAF"), "fr_CM", f"1{NNBSP}000{NBSP}FCFA"),
            (Money(1234567, "XAF"), "fr_CM", f"1{NNBSP}234{NNBSP}567{NBSP}FCFA"),
            (Money(500, "XAF"), "fr_CM", f"500{NBSP}FCFA"),
            (Money(1000, "XAF"), "en_CM", "1,000\u00a0FCFA"),  # sign after the number, as written in Cameroon
            (Money(1000, "XOF"), "fr_CM", f"1{NNBSP}000{NBSP}F{NNBSP}CFA"),
            (Money(1050, "EUR"), "fr_FR", f"10,50{NBSP}€"),
            (Money(1050, "EUR"), "en_CM", "€10.50"),
            (Money(123456, "USD"), "en_US", "$1,234.56"),
            (Money(100050, "DKK"), "da_DK", f"1.000,50{NBSP}kr."),
        ],
    )
    def test_exact_text(self, amount: Money, locale: str, shown: str) -> None:
        assert format_money(amount, locale) == shown

    def test_a_cashier_in_cameroon_sees_1_000_fcfa(self) -> None:
        assert visible(format_money(Money(1000, "XAF"), "fr_CM")) == "1 000 FCFA"
        assert format_money(Money(1000, "XAF")) == format_money(Money(1000, "XAF"), "fr_CM")  # fr_CM by default

    def test_currency_label(self) -> None:
        assert currency_label("XAF", "fr_CM") == "FCFA"
        assert currency_label("EUR", "en_CM") == "€"

    def test_unknown_locale_is_a_money_error(self) -> None:
        with pytest.raises(MoneyError, match="Unknown locale"):
            format_money(Money(1, "XAF"), "xx_YY")
        with pytest.raises(MoneyError, match="Unknown locale"):
            parse_amount("1", "XAF", "not a locale")


# ---------------------------------------------------------------- parsing what a cashier types


@pytest.mark.parametrize(
    ("text", "currency", "locale", "minor"),
    [
        # fr_CM, the console's home: spaces of every kind, a point between thousands, the sign around
        ("1000", "XAF", "fr_CM", 1000),
        ("1 000", "XAF", "fr_CM", 1000),
        (f"1{NBSP}000", "XAF", "fr_CM", 1000),
        (f"1{NNBSP}000", "XAF", "fr_CM", 1000),
        ("1.000", "XAF", "fr_CM", 1000),
        ("1.000.000", "XAF", "fr_CM", 1_000_000),
        ("1'000", "XAF", "fr_CM", 1000),
        ("  1 000  ", "XAF", "fr_CM", 1000),
        ("+1000", "XAF", "fr_CM", 1000),
        ("1 000 FCFA", "XAF", "fr_CM", 1000),
        ("1000FCFA", "XAF", "fr_CM", 1000),
        ("1000 F", "XAF", "fr_CM", 1000),
        ("1000 fcfa", "XAF", "fr_CM", 1000),
        ("FCFA 1 000", "XAF", "fr_CM", 1000),
        ("XAF 1000", "XAF", "fr_CM", 1000),
        ("1 000 F CFA", "XOF", "fr_CM", 1000),
        ("１０００", "XAF", "fr_CM", 1000),  # full-width digits of an IME
        ("00500", "XAF", "fr_CM", 500),
        ("999 999 999 999", "XAF", "fr_CM", 999_999_999_999),
        ("1,50", "EUR", "fr_CM", 150),
        ("1,5", "EUR", "fr_CM", 150),
        (",50", "EUR", "fr_CM", 50),
        ("12,", "EUR", "fr_CM", 1200),
        ("1 000,50", "EUR", "fr_CM", 100050),
        ("1.000,50", "EUR", "fr_CM", 100050),  # the decimal part shows the point groups thousands
        ("1.000.000", "EUR", "fr_CM", 100_000_000),  # two points cannot both be decimal points
        ("9 999 999 999,99", "EUR", "fr_CM", 999_999_999_999),
        # en_CM: the comma groups, the point is decimal
        ("1,000", "XAF", "en_CM", 1000),
        ("FCFA1,000", "XAF", "en_CM", 1000),
        ("1 000", "XAF", "en_CM", 1000),
        ("1,000,000", "XAF", "en_CM", 1_000_000),
        ("€10.50", "EUR", "en_CM", 1050),
        # fr_FR
        ("1 234,56 €", "EUR", "fr_FR", 123456),
        ("1234,56", "EUR", "fr_FR", 123456),
        ("1.234.567,89 €", "EUR", "fr_FR", 123456789),
        # da_DK: the point is the locale's own group mark
        ("1.000", "DKK", "da_DK", 100000),
        ("1.000,50", "DKK", "da_DK", 100050),
        ("1,50", "DKK", "da_DK", 150),
        ("1.000,00 kr.", "DKK", "da_DK", 100000),
        ("kr. 1.000,00", "DKK", "da_DK", 100000),
        ("1 000", "DKK", "da_DK", 100000),
        # en_US
        ("1000", "USD", "en_US", 100000),
        ("1,000.50", "USD", "en_US", 100050),
        ("$1,000.50", "USD", "en_US", 100050),
        ("1,500", "USD", "en_US", 150000),
        ("1.5", "USD", "en_US", 150),
        (".5", "USD", "en_US", 50),
        ("USD 12", "USD", "en_US", 1200),
    ],
)
def test_parse_accepts_what_a_cashier_types(text: str, currency: str, locale: str, minor: int) -> None:
    assert parse_amount(text, currency, locale) == Money(minor, currency)


@pytest.mark.parametrize(
    ("text", "currency", "locale", "reason"),
    [
        # empty
        ("", "XAF", "fr_CM", "Enter an amount"),
        ("   ", "XAF", "fr_CM", "Enter an amount"),
        ("FCFA", "XAF", "fr_CM", "Enter an amount"),
        ("+", "XAF", "fr_CM", "Enter an amount"),
        # zero
        ("0", "XAF", "fr_CM", "more than zero"),
        ("000", "XAF", "fr_CM", "more than zero"),
        ("0 FCFA", "XAF", "fr_CM", "more than zero"),
        ("0,00", "EUR", "fr_FR", "more than zero"),
        ("0.00", "USD", "en_US", "more than zero"),
        # negative
        ("-500", "XAF", "fr_CM", "negative"),
        ("\u2212500", "XAF", "fr_CM", "negative"),
        ("500-", "XAF", "fr_CM", "negative"),
        ("-1 000 FCFA", "XAF", "fr_CM", "negative"),
        ("FCFA -1000", "XAF", "fr_CM", "negative"),
        ("-0,50", "EUR", "fr_FR", "negative"),
        # more decimals than the currency has
        ("10,5", "XAF", "fr_CM", "XAF amounts have no decimals"),
        ("10,00", "XAF", "fr_CM", "XAF amounts have no decimals"),
        ("1,505", "EUR", "fr_FR", "EUR amounts have at most 2 decimals"),
        ("0.001", "USD", "en_US", "USD amounts have at most 2 decimals"),
        ("1.5", "XAF", "en_CM", "XAF amounts have no decimals"),
        # more than 12 digits
        ("1 000 000 000 000", "XAF", "fr_CM", "too large"),
        ("1000000000000", "XAF", "fr_CM", "too large"),
        ("10 000 000 000,00", "EUR", "fr_FR", "too large"),
        ("9" * 5000, "XAF", "fr_CM", "too large"),
        # letters
        ("abc", "XAF", "fr_CM", "digits only"),
        ("12a", "XAF", "fr_CM", "digits only"),
        ("1O00", "XAF", "fr_CM", "digits only"),  # a letter O for a zero
        ("mille", "XAF", "fr_CM", "digits only"),
        ("1000 EUR", "XAF", "fr_CM", "digits only"),  # another currency's code
        ("$5", "EUR", "en_US", "digits only"),
        ("1_000", "XAF", "fr_CM", "digits only"),
        ("(1000)", "XAF", "fr_CM", "digits only"),
        ("nan", "XAF", "fr_CM", "digits only"),
        ("inf", "EUR", "en_US", "digits only"),
        ("1/2", "EUR", "fr_FR", "digits only"),
        ("1000F000", "XAF", "fr_CM", "digits only"),  # a sign inside the number is no separator
        # exponent notation
        ("1e5", "XAF", "fr_CM", "exponent"),
        ("1E5", "XAF", "fr_CM", "exponent"),
        ("2e+3", "XAF", "fr_CM", "exponent"),
        ("1,5e3", "EUR", "fr_FR", "exponent"),
        ("1.5E-2", "USD", "en_US", "exponent"),
        # digits badly grouped
        ("1 0000", "XAF", "fr_CM", "grouped by three"),
        ("10 00", "XAF", "fr_CM", "grouped by three"),
        ("1 0 0 0", "XAF", "fr_CM", "grouped by three"),
        ("1.000.00", "XAF", "fr_CM", "grouped by three"),
        ("1,2,3", "XAF", "en_US", "grouped by three"),
        # more than one decimal symbol
        ("1,,5", "EUR", "fr_FR", "more than one ','"),
        ("1..5", "USD", "en_US", "more than one '.'"),
    ],
)
def test_parse_rejects_with_a_clear_reason(text: str, currency: str, locale: str, reason: str) -> None:
    with pytest.raises(MoneyError, match=reason):
        parse_amount(text, currency, locale)


@pytest.mark.parametrize(
    ("text", "currency", "locale", "reason"),
    [
        # the examples the issue names: a point typed as the decimal mark in a French locale
        ("1.50", "EUR", "fr_CM", "Use ','"),
        ("1.50", "EUR", "fr_FR", "Use ','"),
        ("12.34", "EUR", "fr_FR", "Use ','"),
        ("1.5", "EUR", "fr_FR", "Use ','"),
        ("1.50", "XAF", "fr_CM", "XAF amounts have no decimals"),
        ("1.50", "DKK", "da_DK", "Use ','"),
        ("1.5", "SEK", "sv_SE", "Use ','"),
        ("1,000.50", "EUR", "fr_FR", "Use ','"),
        # a comma typed as the decimal mark in an English locale
        ("1,50", "USD", "en_US", "Use '.'"),
        ("1,5", "EUR", "en_CM", "Use '.'"),
        ("1 000,50", "USD", "en_US", "Use '.'"),
        ("1.000,50", "USD", "en_US", "Use '.'"),
        # "1,000" in fr_CM: a thousand to a bilingual cashier, 1 franc by the locale; never read as 1
        ("1,000", "XAF", "fr_CM", "type a thousand as 1 000"),
        ("1,000", "EUR", "fr_CM", "type a thousand as 1 000"),
        ("5,000 FCFA", "XAF", "fr_CM", "XAF amounts have no decimals"),
        ("1.000,000", "XAF", "fr_CM", "no decimals"),
        ("1,000,000", "XAF", "fr_CM", "more than one ','"),
        # "1.000" in en_*: a thousand to a French-speaking cashier, 1 by the locale
        ("1.000", "XAF", "en_CM", "type a thousand as 1 000"),
        ("1.000", "USD", "en_US", "type a thousand as 1 000"),
        # "1.500" EUR in fr_FR: 1 500 € or 1,50 €? Both are amounts, so neither is guessed.
        ("1.500", "EUR", "fr_FR", "could be a decimal point"),
        ("1.000", "EUR", "fr_CM", "could be a decimal point"),
        ("2.500 €", "EUR", "fr_FR", "could be a decimal point"),
    ],
)
def test_ambiguous_input_is_refused_never_misread(text: str, currency: str, locale: str, reason: str) -> None:
    with pytest.raises(MoneyError, match=reason):
        parse_amount(text, currency, locale)


def test_the_point_is_a_group_mark_only_where_it_cannot_be_a_decimal_point() -> None:
    # XAF has no decimals, so "1.500" can only be a thousand and five hundred ...
    assert parse_amount("1.500", "XAF", "fr_CM") == Money(1500, "XAF")
    # ... da_DK groups with the point itself ...
    assert parse_amount("1.500", "EUR", "da_DK") == Money(150000, "EUR")
    # ... and a decimal part or a second point settles it.
    assert parse_amount("1.500,00", "EUR", "fr_FR") == Money(150000, "EUR")
    assert parse_amount("1.500.000", "EUR", "fr_FR") == Money(150_000_000, "EUR")


def test_a_cashier_typing_1_50_in_a_french_locale_never_gets_150_euros() -> None:
    for locale in ("fr_CM", "fr_FR"):
        with pytest.raises(MoneyError):
            parse_amount("1.50", "EUR", locale)
    assert parse_amount("1,50", "EUR", "fr_CM") == Money(150, "EUR")


def test_unsupported_currency_is_refused() -> None:
    with pytest.raises(MoneyError, match="Unsupported currency"):
        parse_amount("1000", "FCFA", "fr_CM")


# ---------------------------------------------------------------- properties

amounts = st.one_of(
    st.integers(min_value=1, max_value=10**MAX_DIGITS - 1),
    # round amounts, the ones cashiers type most and where "1,000" and "1.000" are ambiguous
    st.builds(lambda units, zeros: units * 10**zeros, st.integers(1, 999), st.integers(0, MAX_DIGITS - 3)),
)


@settings(max_examples=300, deadline=None)
@given(minor=amounts, currency=st.sampled_from(CURRENCIES), locale=st.sampled_from(OWN_LOCALES))
def test_format_then_parse_is_the_identity(minor: int, currency: str, locale: str) -> None:
    amount = Money(minor, currency)
    assert parse_amount(format_money(amount, locale), currency, locale) == amount


@settings(max_examples=200, deadline=None)
@given(minor=amounts, currency=st.sampled_from(CURRENCIES), locale=st.sampled_from(OWN_LOCALES))
def test_plain_and_visible_forms_read_back(minor: int, currency: str, locale: str) -> None:
    amount = Money(minor, currency)
    # Babel's no-break spaces retyped as plain ones, and the API form without grouping.
    assert parse_amount(visible(format_money(amount, locale)), currency, locale) == amount
    typed_plainly = amount.major_str().replace(".", get_decimal_symbol(locale))  # 1000 or 10,50: no grouping
    assert parse_amount(typed_plainly, currency, locale) == amount


@settings(max_examples=300, deadline=None)
@given(
    minor=amounts,
    currency=st.sampled_from(CURRENCIES),
    written_in=st.sampled_from(LOCALES),
    read_in=st.sampled_from(LOCALES),
)
@example(minor=1000, currency="XAF", written_in="en_CM", read_in="fr_CM")  # "FCFA1,000" once read as 1
@example(minor=1000, currency="XAF", written_in="da_DK", read_in="en_CM")
@example(minor=150000, currency="EUR", written_in="en_US", read_in="fr_FR")
def test_an_amount_written_in_another_locale_is_read_right_or_refused(
    minor: int, currency: str, written_in: str, read_in: str
) -> None:
    """A cashier used to one convention at a terminal set to another never gets a different amount."""
    amount = Money(minor, currency)
    text = format_money(amount, written_in)
    try:
        read = parse_amount(text, currency, read_in)
    except MoneyError:
        return
    assert read == amount, f"{text!r} written in {written_in} read as {read} in {read_in}"


def test_every_locale_reads_back_what_babel_writes_for_it() -> None:
    """Whatever grouping the installed CLDR data gives a locale (en_IN's 1,00,000; de_CH's 1000000'000 in
    Babel 2.19), an amount formatted for it reads back in it: the parser follows Babel, not one release."""
    wrong = []
    for locale in localedata.locale_identifiers():
        for currency in ("XAF", "EUR"):
            for minor in (1, 999, 1000, 1500, 12_345, 100_000, 1_234_567, 10**9, 10**MAX_DIGITS - 1):
                amount = Money(minor, currency)
                text = format_money(amount, locale)
                try:
                    read = parse_amount(text, currency, locale)
                except MoneyError as exc:
                    wrong.append(f"{text!r} in {locale}: {exc}")
                    continue
                if read != amount:
                    wrong.append(f"{text!r} in {locale} read as {read}")
    assert wrong == []


@pytest.mark.parametrize("locale", ["en_IN", "de_CH", "fr_CM"])
def test_the_locales_own_grouping_of_a_number_is_accepted(locale: str) -> None:
    for minor in (100_000, 10_000_000, 1_000_000_000):
        written = visible(format_decimal(minor, locale=locale))
        assert parse_amount(written, "XAF", locale) == Money(minor, "XAF")


def test_lakh_grouping_reads_in_india_and_is_refused_elsewhere() -> None:
    assert parse_amount("1,00,000", "XAF", "en_IN") == Money(100_000, "XAF")
    with pytest.raises(MoneyError, match="grouped by three"):
        parse_amount("1,00,000", "XAF", "en_CM")


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("²", "fr_CM"),  # the key at the top left of a French keyboard
        ("³⁴", "fr_CM"),
        ("1 000²", "fr_CM"),
        ("①⓪⓪", "en_CM"),
        ("٣٠٠", "fr_CM"),  # Arabic-Indic digits are not a Cameroonian keyboard's
        ("‮0051", "fr_CM"),  # shows as 1500, is 0051
        ("1​000", "fr_CM"),  # a zero-width space hides inside the number
        ("⁦500⁩", "en_CM"),
    ],
)
def test_characters_no_keyboard_types_for_the_locale_are_refused(text: str, locale: str) -> None:
    with pytest.raises(MoneyError, match="digits only"):
        parse_amount(text, "XAF", locale)


@pytest.mark.parametrize("currency", CURRENCIES)
def test_round_amounts_across_every_pair_of_locales(currency: str) -> None:
    """The sweep behind the property above, over the amounts cashiers type most."""
    wrong = []
    for minor in (1, 5, 50, 100, 500, 1000, 1500, 2000, 10_000, 25_000, 100_000, 1_000_000, 1_500_000):
        amount = Money(minor, currency)
        for written_in in LOCALES:
            for text in {format_money(amount, written_in), visible(format_money(amount, written_in))}:
                for read_in in LOCALES:
                    try:
                        read = parse_amount(text, currency, read_in)
                    except MoneyError:
                        continue
                    if read != amount:
                        wrong.append(f"{text!r} ({written_in}) read as {read} in {read_in}")
    assert wrong == []


typed = st.text(alphabet="0123456789 .,'+-eE€$FCAkr\u00a0\u202f\u2212", max_size=20)


@settings(max_examples=500, deadline=None)
@given(
    text=st.one_of(typed, st.text(max_size=30)),
    currency=st.sampled_from(CURRENCIES),
    locale=st.sampled_from(LOCALES),
)
def test_parse_returns_a_valid_amount_or_raises_money_error(text: str, currency: str, locale: str) -> None:
    try:
        amount = parse_amount(text, currency, locale)
    except MoneyError:
        return
    assert type(amount.minor) is int
    assert 0 < amount.minor < 10**MAX_DIGITS
    assert amount.currency == currency


# ---------------------------------------------------------------- no float anywhere


def test_the_module_never_makes_a_float() -> None:
    tree = ast.parse(inspect.getsource(money))
    floats = [
        node.lineno
        for node in ast.walk(tree)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "float")
        or (isinstance(node, ast.Constant) and isinstance(node.value, float))
        or (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div))  # int / int is a float
    ]
    assert floats == [], f"float made on lines {floats} of posapp/core/money.py"


@settings(max_examples=100, deadline=None)
@given(minor=amounts, currency=st.sampled_from(CURRENCIES), locale=st.sampled_from(OWN_LOCALES))
def test_amounts_stay_int_and_decimal(minor: int, currency: str, locale: str) -> None:
    amount = parse_amount(format_money(Money(minor, currency), locale), currency, locale)
    assert type(amount.minor) is int
    assert type(amount.major) is Decimal
    assert type((amount + amount).minor) is int
