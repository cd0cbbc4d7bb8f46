"""Cash at the counter: change, and a drawer counted by note and coin."""

from __future__ import annotations

import pytest

from posapp.core.cash import CashError, applied_and_change, count_total, quick_notes
from posapp.core.money import Money


def xaf(amount: int) -> Money:
    return Money(amount, "XAF")


def test_change_is_what_is_given_beyond_what_is_due() -> None:
    assert applied_and_change(xaf(3_500), xaf(5_000)) == (xaf(3_500), xaf(1_500))
    assert applied_and_change(xaf(3_500), xaf(3_500)) == (xaf(3_500), xaf(0))
    assert applied_and_change(xaf(3_500), xaf(2_000)) == (xaf(2_000), xaf(0))  # short: pays a part


@pytest.mark.parametrize(
    ("due", "given", "words"),
    [(xaf(100), xaf(0), "more than zero"), (xaf(0), xaf(100), "Nothing is due"), (xaf(100), Money(1, "EUR"), "EUR")],
)
def test_bad_cash_is_refused_in_words(due: Money, given: Money, words: str) -> None:
    with pytest.raises(CashError, match=words) as refused:
        applied_and_change(due, given)
    assert refused.value.template  # the UI translates the template


def test_a_count_by_note_and_coin_adds_up_and_refuses_what_is_no_money() -> None:
    assert count_total({10_000: 2, 5_000: 1, 500: 3, 25: 4}, "XAF") == xaf(26_600)
    assert count_total({}, "XAF") == xaf(0)
    for pieces, words in (({300: 1}, "not a note or coin"), ({500: -1}, "whole number"), ({500: 10**6}, "more than")):
        with pytest.raises(CashError, match=words):
            count_total(pieces, "XAF")
    with pytest.raises(CashError, match="count the total"):
        count_total({1: 1}, "JPY")


def test_quick_notes_are_the_usual_banknotes() -> None:
    assert [n.minor for n in quick_notes("XAF")] == [500, 1_000, 2_000, 5_000, 10_000]
    assert quick_notes("JPY") == ()
