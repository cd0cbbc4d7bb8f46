"""Customer phone numbers: E.164 normalisation and the mobile-money operator from libphonenumber."""

from __future__ import annotations

import dataclasses

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from phonenumbers import carrier

from posapp.core.phone import MobileNumber, Operator, PhoneError, parse_mobile

# Real allocations of each operator (ARTP numbering plan, as libphonenumber's carrier data has them).
ORANGE = ["699009900", "690123456", "694123456", "655123456", "657123456", "659123456", "640123456"]
MTN = ["677123456", "670123456", "679123456", "650123456", "652123456", "654123456", "680123456"]


@pytest.mark.parametrize("national", ORANGE)
def test_orange_numbers(national: str) -> None:
    number = parse_mobile(national)
    assert number == MobileNumber(f"+237{national}", Operator.ORANGE)
    assert number.operator.value == "CM_OM"
    assert number.operator.display_name == "Orange Money"


@pytest.mark.parametrize("national", MTN)
def test_mtn_numbers(national: str) -> None:
    number = parse_mobile(national)
    assert number == MobileNumber(f"+237{national}", Operator.MTN)
    assert number.operator.value == "CM_MOMO"
    assert number.operator.display_name == "MTN MoMo"


@pytest.mark.parametrize(
    "typed",
    [
        "699009900",
        "+237699009900",
        "+237 6 99 00 99 00",
        "+237 699 00 99 00",
        "00237699009900",
        "00 237 699 00 99 00",
        "237699009900",
        "699 00 99 00",
        "6 99 00 99 00",
        "699-00-99-00",
        "+237-699-009-900",
        "699.00.99.00",
        "(+237) 699 00 99 00",
        "  699009900  ",
        "\u0666\u0669\u0669\u0660\u0660\u0669\u0669\u0660\u0660",  # Arabic-Indic digits
    ],
)
def test_every_way_of_writing_one_number_gives_its_e164_form(typed: str) -> None:
    number = parse_mobile(typed)
    assert number.e164 == "+237699009900"
    assert str(number) == "+237699009900"
    assert number.national == "699009900"
    assert number.formatted() == "+237 6 99 00 99 00"
    assert number.operator is Operator.ORANGE


@pytest.mark.parametrize("national", ORANGE + MTN + ["686123456", "681123456"])
def test_operator_follows_libphonenumber_carrier_data(national: str) -> None:
    """No prefix table of our own: the operator is whatever carrier libphonenumber names."""
    expected = {"Orange": Operator.ORANGE, "MTN Cameroon": Operator.MTN}
    name = carrier.name_for_number(phonenumbers.parse(national, "CM"), "en")
    assert parse_mobile(national).operator is expected[name]


def test_operator_comes_from_carrier_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    # If libphonenumber moved 699 to MTN, the console would follow without a code change.
    monkeypatch.setattr(carrier, "name_for_number", lambda number, lang: "MTN Cameroon")
    assert parse_mobile("699009900").operator is Operator.MTN


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        # landlines (Camtel fixed lines of Yaoundé and Douala)
        ("222123456", "landline"),
        ("233123456", "landline"),
        ("+237 222 22 20 20", "landline"),
        # Camtel and Nexttel mobiles: valid numbers without Orange Money or MTN MoMo
        ("620123456", "Orange and MTN numbers only, not Camtel"),
        ("621123456", "Orange and MTN numbers only, not Camtel"),
        ("242123456", "Orange and MTN numbers only, not Camtel"),
        ("660123456", "Orange and MTN numbers only, not NEXTTEL"),
        ("666123456", "Orange and MTN numbers only, not NEXTTEL"),
        # length
        ("6990099", "too short"),
        ("69900990", "too short"),
        ("+23769900990", "too short"),
        ("0023769900990", "too short"),
        ("6990099001", "too many digits"),
        ("+2376990099001", "too many digits"),
        ("69900990000000000000000", "not a phone number"),
        # leading zero from habits elsewhere
        ("0699009900", "no leading 0"),
        # numbers that belong to no one
        ("611123456", "does not exist"),
        # letters and symbols
        ("69900990a", "digits only"),
        ("abc", "digits only"),
        ("699 OO 99 OO", "digits only"),
        ("699009900#", "digits only"),
        ("++237699009900", "digits only"),
        # empty
        ("", "Enter the customer's phone number"),
        ("   ", "Enter the customer's phone number"),
        # foreign numbers, even of operators named Orange or MTN elsewhere
        ("+33612345678", r"foreign number \(\+33\)"),
        ("+2250712345678", r"foreign number \(\+225\)"),
        ("+234 803 123 4567", r"foreign number \(\+234\)"),
        ("+1 202 555 0123", r"foreign number \(\+1\)"),
        ("0033612345678", r"foreign number \(\+33\)"),
    ],
)
def test_invalid_numbers_are_refused_with_a_clear_reason(typed: str, reason: str) -> None:
    with pytest.raises(PhoneError, match=reason):
        parse_mobile(typed)


def test_an_orange_number_of_another_country_is_not_orange_money_cameroon() -> None:
    ivorian = phonenumbers.parse("+2250712345678")
    assert carrier.name_for_number(ivorian, "en") == "Orange"  # the trap the country check avoids
    with pytest.raises(PhoneError, match="Cameroonian"):
        parse_mobile("+2250712345678")


def test_phone_error_is_a_value_error() -> None:
    assert issubclass(PhoneError, ValueError)


def test_mobile_number_is_immutable() -> None:
    number = parse_mobile("699009900")
    with pytest.raises(dataclasses.FrozenInstanceError):
        number.e164 = "+237677123456"  # type: ignore[misc]


@settings(max_examples=150, deadline=None)
@given(national=st.sampled_from(ORANGE + MTN), separator=st.sampled_from(["", " ", "-", "."]))
def test_separators_never_change_the_number(national: str, separator: str) -> None:
    typed = separator.join([national[0], national[1:3], national[3:5], national[5:7], national[7:]])
    assert parse_mobile(typed) == parse_mobile(national)
    assert parse_mobile("+237" + separator + typed) == parse_mobile(national)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(alphabet="0123456789 +-()./#", max_size=20), st.text(max_size=25)))
def test_parse_returns_an_orange_or_mtn_number_or_raises_phone_error(text: str) -> None:
    try:
        number = parse_mobile(text)
    except PhoneError:
        return
    assert number.e164.startswith("+237")
    assert len(number.e164) == 13
    assert number.operator in (Operator.ORANGE, Operator.MTN)


def test_display_phone_formats_stored_numbers_for_people() -> None:
    from posapp.core.phone import display_phone

    assert display_phone("+237650000000") == "+237 6 50 00 00 00"
    assert display_phone("") == ""
    assert display_phone(None) == ""
    assert display_phone("wallet:ama@example.com") == "wallet:ama@example.com"
