"""The terminal's identity in its journal: born with it, stable, never changed; a name given on first run."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from posapp.journal.store import Journal
from posapp.shop.identity import TerminalNameError, default_name, name_terminal, terminal_identity


def test_a_journal_is_born_with_a_terminal_id_that_survives_reopening(tmp_path: Path) -> None:
    with Journal(tmp_path / "a.sqlite3") as journal:
        first = terminal_identity(journal)
    with Journal(tmp_path / "a.sqlite3") as journal:
        again = terminal_identity(journal)
    assert first == again
    assert uuid.UUID(first.terminal_id).version == 4
    assert (first.name, first.named) == (default_name(), False)


def test_two_journals_are_two_terminals(tmp_path: Path) -> None:
    with Journal(tmp_path / "a.sqlite3") as a, Journal(tmp_path / "b.sqlite3") as b:
        assert terminal_identity(a).terminal_id != terminal_identity(b).terminal_id


def test_the_id_cannot_be_changed_or_removed(tmp_path: Path) -> None:
    with Journal(tmp_path / "a.sqlite3") as journal:
        conn = journal._live()
        with pytest.raises(sqlite3.IntegrityError, match="keeps its id"):
            conn.execute("UPDATE terminal SET terminal_id = 'x'")
        with pytest.raises(sqlite3.IntegrityError, match="keeps its id"):
            conn.execute("DELETE FROM terminal")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO terminal (id, terminal_id, created_at) VALUES (2, 'y', 'now')")


def test_naming_the_terminal(tmp_path: Path) -> None:
    with Journal(tmp_path / "a.sqlite3") as journal:
        before = terminal_identity(journal)
        named = name_terminal(journal, "  Counter   2 ")
        assert (named.name, named.named, named.terminal_id) == ("Counter 2", True, before.terminal_id)
        for bad, why in (("   ", "Give this counter a name"), ("x" * 61, "at most 60"), ("a\x07b", "control")):
            with pytest.raises(TerminalNameError, match=why):
                name_terminal(journal, bad)
        assert terminal_identity(journal).name == "Counter 2"
