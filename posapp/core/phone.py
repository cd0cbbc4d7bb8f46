"""Customer phone numbers: normalisation to E.164 (Cameroon first) and mobile-money operator detection.

The operator comes from libphonenumber's carrier data (``phonenumbers.carrier``), not from a prefix
table of our own, so a renumbering reaches us with a library update.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import StrEnum
from types import ModuleType

DEFAULT_REGION = "CM"


@functools.cache
def _pn() -> ModuleType:
    """libphonenumber, loaded when a number is first read: its metadata and the regular expressions it
    compiles cost a Sale screen's first paint 30-60 ms, and nobody has typed a number by then."""
    import phonenumbers

    return phonenumbers


class PhoneError(ValueError):
    """A number that cannot receive a mobile-money push; the message is meant for the cashier.

    ``template`` and ``params`` as for ``MoneyError``: the UI translates the template.
    """

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)


class Operator(StrEnum):
    """Mobile-money operators, named with My-CoolPay's operator codes."""

    ORANGE = "CM_OM"
    MTN = "CM_MOMO"

    @property
    def display_name(self) -> str:
        return {Operator.ORANGE: "Orange Money", Operator.MTN: "MTN MoMo"}[self]


# libphonenumber's English carrier names for Cameroon, mapped to the operator's mobile-money service.
_CARRIERS: dict[str, Operator] = {"Orange": Operator.ORANGE, "MTN Cameroon": Operator.MTN}
_ALLOWED = re.compile(r"^\(?\+?[\d\s\-./()]+$")
# Country calling code of the operators above: their mobile-money services serve Cameroonian numbers only.
_COUNTRY_CODE = 237


@dataclass(frozen=True, slots=True)
class MobileNumber:
    """A valid mobile number in E.164 form (``+237699009900``) with its mobile-money operator."""

    e164: str
    operator: Operator

    @property
    def national(self) -> str:
        """The national significant number, the 9-digit form My-CoolPay uses (``699009900``)."""
        return str(_pn().parse(self.e164).national_number)

    def formatted(self) -> str:
        """International format for people: ``+237 6 99 00 99 00``."""
        pn = _pn()
        return str(pn.format_number(pn.parse(self.e164), pn.PhoneNumberFormat.INTERNATIONAL))

    def __str__(self) -> str:
        return self.e164


def parse_mobile(text: str, region: str = DEFAULT_REGION) -> MobileNumber:
    """Normalise ``text`` (``699009900``, ``+237 6 99 00 99 00``, ``00237699009900``) and name its operator.

    Raises ``PhoneError`` for anything that is not a Cameroonian Orange or MTN mobile number.
    """
    raw = (text or "").strip()
    if not raw:
        raise PhoneError("Enter the customer's phone number.")
    if not _ALLOWED.match(raw):
        raise PhoneError("A phone number has digits only.")
    if raw.startswith("00"):
        raw = "+" + re.sub(r"\D", "", raw)[2:]
    phonenumbers = _pn()
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        raise PhoneError("This is not a phone number.") from None
    if number.country_code != _COUNTRY_CODE:
        # Orange Côte d'Ivoire or MTN Nigeria numbers are valid and carry the same carrier names.
        raise PhoneError(
            "This is a foreign number (+{code}); mobile money needs a Cameroonian number (+237).",
            code=number.country_code,
        )
    if number.italian_leading_zero:
        raise PhoneError("Cameroonian numbers have no leading 0: type the 9 digits (6XX XX XX XX).")
    if not phonenumbers.is_valid_number(number):
        region_code = phonenumbers.region_code_for_number(number) or region
        example = phonenumbers.example_number_for_type(region_code, phonenumbers.PhoneNumberType.MOBILE)
        expected = len(str(example.national_number)) if example else 0
        length = len(str(number.national_number))
        if length < expected:
            raise PhoneError("The number is too short.")
        if expected and length > expected:
            raise PhoneError("The number has too many digits.")
        raise PhoneError("This number does not exist.")
    mobile_types = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
    if phonenumbers.number_type(number) not in mobile_types:
        raise PhoneError("This is a landline number; mobile money needs a mobile number.")
    from phonenumbers import carrier  # its data takes a while to load: only when a number is checked

    name = carrier.name_for_number(number, "en")
    operator = _CARRIERS.get(name)
    if operator is None:
        if not name:
            raise PhoneError("Mobile money is available for Orange and MTN numbers only.")
        raise PhoneError("Mobile money is available for Orange and MTN numbers only, not {operator}.", operator=name)
    return MobileNumber(str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)), operator)


def display_phone(value: str | None) -> str:
    """A stored number (E.164) as people read it (``+237 6 99 00 99 00``); anything else unchanged."""
    if not value:
        return ""
    phonenumbers = _pn()
    try:
        number = phonenumbers.parse(value, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return value
    if not phonenumbers.is_possible_number(number):
        return value
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))
