"""Cash at the counter: the notes and coins of a currency, change due, and a drawer counted by denomination.

Cash is journaled like any payment (``Kind.CASH_PAYMENT`` with the provider ``CASH``) but never leaves the
console: no gateway sees it. Amounts are ``Money`` (integer minor units), so a count never drifts.
"""

from __future__ import annotations

from collections.abc import Mapping

from posapp.core.money import Money

CASH = "cash"  # the ``provider`` of cash tenders, cash refunds and payouts from the drawer

# The notes a customer usually hands over, for the Sale screen's quick buttons (minor units).
QUICK_NOTES: dict[str, tuple[int, ...]] = {
    "XAF": (500, 1_000, 2_000, 5_000, 10_000),
    "XOF": (500, 1_000, 2_000, 5_000, 10_000),
    "EUR": (500, 1_000, 2_000, 5_000, 10_000),
}

# What a drawer holds, largest first (minor units). BEAC (XAF): notes of 10 000, 5 000, 2 000, 1 000 and
# 500 francs, coins of 500, 100, 50, 25, 10, 5, 2 and 1; 500 is both a note and a coin, counted together.
DENOMINATIONS: dict[str, tuple[int, ...]] = {
    "XAF": (10_000, 5_000, 2_000, 1_000, 500, 100, 50, 25, 10, 5, 2, 1),
    "XOF": (10_000, 5_000, 2_000, 1_000, 500, 250, 200, 100, 50, 25, 10, 5, 1),
    "EUR": (50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1),
}

# A count larger than this many pieces of one denomination is a typing slip, not a drawer.
MAX_PIECES = 100_000


class CashError(ValueError):
    """A cash amount or count that cannot be used; the message is meant for the cashier.

    Like ``MoneyError``: ``template`` is the English sentence with ``{named}`` fields and ``params`` their
    values, so the user interface can translate the template and fill it in.
    """

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)


def quick_notes(currency: str) -> tuple[Money, ...]:
    """The usual notes of ``currency`` as ``Money`` (none for a currency the console has no notes of)."""
    return tuple(Money(minor, currency) for minor in QUICK_NOTES.get(currency, ()))


def applied_and_change(due: Money, given: Money) -> tuple[Money, Money]:
    """What of ``given`` pays toward ``due``, and the change handed back: (min(given, due), given - that)."""
    if given.currency != due.currency:
        raise CashError("The cash given is in {given}, the sale in {due}.", given=given.currency, due=due.currency)
    if given.minor <= 0:
        raise CashError("The cash given must be more than zero.")
    if due.minor <= 0:
        raise CashError("Nothing is due.")
    applied = given if given <= due else due
    return applied, given - applied


def count_total(pieces: Mapping[int, int], currency: str) -> Money:
    """The total of a drawer counted by denomination (``{10000: 3, 500: 4}``); refuses unknown ones."""
    known = DENOMINATIONS.get(currency)
    if known is None:
        raise CashError("There is no list of notes and coins for {currency}: count the total.", currency=currency)
    total = 0
    for value, number in pieces.items():
        if value not in known:
            raise CashError("{value} is not a note or coin of {currency}.", value=value, currency=currency)
        if isinstance(number, bool) or not isinstance(number, int) or number < 0:
            raise CashError("The number of {value} pieces must be a whole number, zero or more.", value=value)
        if number > MAX_PIECES:
            raise CashError("{number} pieces of {value} is more than a drawer holds.", number=number, value=value)
        total += value * number
    return Money(total, currency)
