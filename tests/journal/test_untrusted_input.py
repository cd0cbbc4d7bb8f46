"""What people and providers send is stored bounded and read back inert (issue 12, items 3 and 6).

Raw answers are capped in the journal and say they were cut; a search holding a control character
finds nothing (SQLite cuts strings at NUL: the search failed or matched everything); CSV cells a
spreadsheet would run as a formula, however they are disguised, are neutralised. A real SQLite file
and a real CSV file read back with ``csv``.
"""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from posapp.core.transactions import Status
from posapp.journal.export import export_csv
from posapp.journal.store import MAX_RAW_JSON_BYTES, HistoryFilter, Journal
from tests.journal.conftest import Clock, payment

KEY = "sk_live_very_private_key_0123456789"


def stored_raw(journal: Journal, app_ref: str) -> str:
    """The last event's raw text exactly as SQLite holds it."""
    row = journal.db.execute(
        "SELECT e.raw FROM events e JOIN transactions t ON t.id = e.transaction_id WHERE t.app_ref = ?"
        " ORDER BY e.id DESC LIMIT 1",
        [app_ref],
    ).fetchone()
    return str(row[0])


# ------------------------------------------------------------------------------------------ raw answers


def test_a_small_raw_answer_is_stored_whole(journal: Journal) -> None:
    journal.record_intent(payment("POS-1"), "cashier")
    answer = {"status": "success", "transaction_ref": "MCP-1", "private_key": KEY}
    journal.append_event("POS-1", type="sent", status=Status.PENDING, actor="system", raw=answer, secrets=[KEY])
    assert journal.timeline("POS-1")[-1].raw == {"status": "success", "transaction_ref": "MCP-1", "private_key": "***"}


@pytest.mark.parametrize(
    "padding",
    [
        "0" * 1_000_000,  # a runaway answer
        "é" * 300_000,  # two bytes a character: the cap counts bytes
        '"\\' * 200_000,  # each escaped again inside the marker
        "\x01" * 200_000,  # six bytes each once escaped, then escaped again
    ],
    ids=["ascii", "accents", "quotes", "controls"],
)
def test_a_big_raw_answer_is_cut_to_a_marker_that_says_so(journal: Journal, padding: str) -> None:
    journal.record_intent(payment("POS-1"), "cashier")
    answer = {"note": f"key {KEY} here", "padding": padding, "transaction_ref": "MCP-1"}
    journal.append_event("POS-1", type="sent", status=Status.PENDING, actor="system", raw=answer, secrets=[KEY])
    text = stored_raw(journal, "POS-1")
    assert len(text.encode("utf-8")) <= MAX_RAW_JSON_BYTES
    marker = json.loads(text)
    assert journal.timeline("POS-1")[-1].raw == marker
    assert set(marker) == {"truncated", "bytes", "head"} and marker["truncated"] is True
    whole = json.dumps({**answer, "note": "key *** here"}, ensure_ascii=False)
    assert marker["bytes"] == len(whole.encode("utf-8"))
    assert whole.startswith(marker["head"]) and len(marker["head"]) > 1000  # what support needs to see first
    assert KEY not in text


def test_a_raw_answer_just_at_the_cap_is_kept_and_one_byte_more_is_cut(journal: Journal) -> None:
    journal.record_intent(payment("POS-1"), "cashier")
    overhead = len(json.dumps({"p": ""}))
    for extra, cut in ((0, False), (1, True)):
        answer = {"p": "x" * (MAX_RAW_JSON_BYTES - overhead + extra)}
        journal.append_event("POS-1", type="status_read", status=Status.PENDING, actor="system", raw=answer)
        assert ("truncated" in json.loads(stored_raw(journal, "POS-1"))) is cut


# ------------------------------------------------------------------------------------------ search


@pytest.fixture
def searched(journal: Journal) -> Journal:
    for ref, reason in (("POS-1", "abc sale"), ("POS-2", "bell\x07ring"), ("POS-3", "zzab")):
        journal.record_intent(payment(ref, reason=reason), "cashier")
    return journal


@pytest.mark.parametrize(
    "text",
    [
        "\x00",
        "ab\x00",
        "ab\x00zz",
        "abc\x00",
        "POS\x00-1",
        "bell\x07ring",
        "\x07",
        "\x1b[31m",
        "abc\x7f",
        "\x9b",
        "ab\ud800",
    ],
)
def test_a_search_with_a_control_character_finds_nothing(searched: Journal, text: str) -> None:
    filters = HistoryFilter(text=text)
    assert searched.history_page(filters).items == []
    assert searched.count(filters) == 0
    assert (
        searched.history_page(HistoryFilter(text=text, statuses=frozenset({Status.CREATED, Status.PENDING}))).items
        == []
    )


def test_searches_without_control_characters_still_find(searched: Journal) -> None:
    assert [t.app_ref for t in searched.history_page(HistoryFilter(text="ab")).items] == ["POS-3", "POS-1"]
    assert [t.app_ref for t in searched.history_page(HistoryFilter(text=" abc\tsale\n")).items] == ["POS-1"]


def test_the_history_models_live_filter_agrees(searched: Journal) -> None:
    pytest.importorskip("PySide6")
    from posapp.ui.models.transactions_model import matches

    bell = searched.get("POS-2")
    assert bell is not None
    assert matches(HistoryFilter(text="bell"), bell)
    assert not matches(HistoryFilter(text="bell\x07ring"), bell)
    assert not matches(HistoryFilter(text="\x00"), bell)


# ------------------------------------------------------------------------------------------ CSV


DISGUISED = [
    ' =HYPERLINK("http://x")',  # a space ahead
    "\t=1+1",
    "\n=cmd|' /C calc'!A0",
    "\u00a0+1",  # no-break space
    "\u3000-1",  # ideographic space
    '\uff1dHYPERLINK("http://x")',  # full-width =
    "\uff0b237699",  # full-width +
    "\uff0d1",  # full-width -
    "\uff20SUM(A1)",  # full-width @
    "  \uff1d1",  # both
    "\ufe66 small equals",  # small form =
    "\u200b=1+1",  # zero-width space ahead
]
HARMLESS = [" plain", "a=b", "sale \uff1d 2", "  ", "Ama"]


def test_disguised_formulas_are_neutralised_in_a_real_csv(journal: Journal, clock: Clock, tmp_path: Path) -> None:
    cells = [*DISGUISED, *HARMLESS]
    for i, text in enumerate(cells):
        journal.record_intent(payment(f"POS-{i}", reason=text, customer=text), "cashier")
    path = tmp_path / "out.csv"
    since = datetime(2026, 3, 1, tzinfo=UTC)
    assert export_csv(journal, path, since, since + timedelta(days=5), tz=UTC) == len(cells)
    with open(path, encoding="utf-8-sig", newline="") as exported:
        rows = {row["app_ref"]: row for row in csv.DictReader(exported)}
    for i, text in enumerate(cells):
        expected = "'" + text if text in DISGUISED else text
        assert rows[f"POS-{i}"]["reason"] == expected, repr(text)
        assert rows[f"POS-{i}"]["customer"] == expected, repr(text)
