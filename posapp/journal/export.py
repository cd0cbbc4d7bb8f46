"""CSV export of the journal: one row per transaction created in a date range.

Made to open cleanly in a spreadsheet: UTF-8 with a byte-order mark (so Excel reads accents), CRLF line
ends, every field quoted as needed. Amounts are in major units (``1000`` XAF, ``10.50`` EUR) beside
their currency; times are in the local zone with their offset. A cell that a spreadsheet would run as
a formula gets a leading apostrophe: one starting with ``=``, ``+``, ``-``, ``@``, tab or CR (phone
numbers start with ``+``), also behind leading whitespace or invisible format characters, and in the
full-width or small forms (``＝``, ``＋``, ``－``, ``＠``, ``﹦``...) that spreadsheets read as the ASCII
ones. No raw provider answer is exported, and every known secret is cut out of the text.

A tender of a sale paid in several parts carries its sale's reference (``sale_ref``); a cash tender also
what the customer handed over and the change (``cash_given``, ``change``). ``write_drawer_csv`` exports
the drawer count of a day: each cashier's float, cash in and out, expected, counted and difference.
"""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TextIO

from posapp.core.money import Money
from posapp.core.redact import redact_text
from posapp.core.transactions import Transaction
from posapp.journal.reports import drawer_counts
from posapp.journal.sales import tenders_given
from posapp.journal.store import Journal

COLUMNS = (
    "created_at",
    "updated_at",
    "app_ref",
    "kind",
    "status",
    "provider",
    "operator",
    "amount",
    "fees",
    "currency",
    "customer",
    "cashier",
    "reason",
    "provider_ref",
    "refund_of",
    "sale_ref",
    "cash_given",
    "change",
)
DRAWER_COLUMNS = (
    "day",
    "cashier",
    "currency",
    "opening_float",
    "cash_sales",
    "cash_refunds",
    "cash_payouts",
    "expected",
    "counted",
    "difference",
    "counted_at",
    "counted_by",
    "recounts",
    "drawer_opened",
)
_CHUNK = 500
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_CHARACTERS = frozenset("=+-@")


def _runs_as_formula(text: str) -> bool:
    if text.startswith(_FORMULA_START):
        return True
    # Spreadsheets trim spaces before reading a formula and fold full-width forms to ASCII (an IME
    # types ＝): look past whitespace and zero-width characters, at the first one's compatibility form.
    for character in text:
        if character.isspace() or unicodedata.category(character) == "Cf":
            continue
        return unicodedata.normalize("NFKC", character)[:1] in _FORMULA_CHARACTERS
    return False


def _cell(value: str, secrets: tuple[str, ...]) -> str:
    text = redact_text(value, secrets) if secrets else value
    return "'" + text if _runs_as_formula(text) else text


def _local(moment: datetime | None, tz: tzinfo | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone(tz).isoformat(sep=" ", timespec="seconds")


def export_row(
    tx: Transaction,
    *,
    tz: tzinfo | None = None,
    secrets: Iterable[str] = (),
    sale_ref: str = "",
    cash_given: Money | None = None,
) -> list[str]:
    """The CSV cells of one transaction, in ``COLUMNS`` order (``sale_ref``/``cash_given``: its tender)."""
    known = tuple(s for s in secrets if s)
    texts = (
        tx.app_ref,
        tx.kind.value,
        tx.status.value,
        tx.provider,
        tx.operator or "",
        tx.amount.major_str(),
        tx.fees.major_str() if tx.fees is not None else "",
        tx.amount.currency,
        tx.customer or "",
        tx.cashier,
        tx.reason,
        tx.provider_ref or "",
        tx.parent_ref or "",
        sale_ref,
    )
    given = cash_given.major_str() if cash_given is not None else ""
    change = (cash_given - tx.amount).major_str() if cash_given is not None else ""
    return [_local(tx.created_at, tz), _local(tx.updated_at, tz), *(_cell(t, known) for t in texts), given, change]


def write_csv(
    journal: Journal,
    out: TextIO,
    since: datetime,
    until: datetime,
    *,
    tz: tzinfo | None = None,
    secrets: Iterable[str] = (),
    delimiter: str = ",",
) -> int:
    """Write the transactions created in ``[since, until)`` to ``out``; returns the number of rows.

    ``tz`` is the zone the times are shown in (default: the computer's). ``delimiter`` may be ``;`` for
    spreadsheets set up for a decimal comma (French Excel).
    """
    if delimiter not in (",", ";", "\t"):
        raise ValueError("the delimiter must be a comma, a semicolon or a tab")
    known = tuple(s for s in secrets if s)
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    rows = 0
    chunk: list[Transaction] = []

    def flush() -> None:
        tenders = tenders_given(journal, (t.app_ref for t in chunk))
        for tx in chunk:
            sale_ref, given = tenders.get(tx.app_ref, ("", None))
            writer.writerow(export_row(tx, tz=tz, secrets=known, sale_ref=sale_ref, cash_given=given))
        chunk.clear()

    for tx in journal.transactions_between(since, until):
        chunk.append(tx)
        rows += 1
        if len(chunk) >= _CHUNK:
            flush()
    flush()
    return rows


def export_csv(
    journal: Journal,
    path: str | os.PathLike[str],
    since: datetime,
    until: datetime,
    *,
    tz: tzinfo | None = None,
    secrets: Iterable[str] = (),
    delimiter: str = ",",
) -> int:
    """Export to a file (written aside and renamed, so a failure never leaves half a file); returns rows."""
    target = Path(path)
    partial = target.with_name(target.name + ".partial")
    with open(partial, "w", encoding="utf-8-sig", newline="") as out:
        rows = write_csv(journal, out, since, until, tz=tz, secrets=secrets, delimiter=delimiter)
    os.replace(partial, target)
    return rows


def csv_text(
    journal: Journal, since: datetime, until: datetime, *, tz: tzinfo | None = None, secrets: Iterable[str] = ()
) -> str:
    """The export as a string (tests, previews)."""
    buffer = io.StringIO(newline="")
    write_csv(journal, buffer, since, until, tz=tz, secrets=secrets)
    return buffer.getvalue()


def write_drawer_csv(
    journal: Journal,
    out: TextIO,
    first: date,
    last: date,
    *,
    tz: tzinfo | None = None,
    currency: str = "XAF",
    delimiter: str = ",",
) -> int:
    """The drawer count of each day from ``first`` to ``last``, one row per cashier; returns the rows."""
    if delimiter not in (",", ";", "\t"):
        raise ValueError("the delimiter must be a comma, a semicolon or a tab")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(DRAWER_COLUMNS)
    rows = 0
    day = first
    while day <= last:
        for count in drawer_counts(journal, day, tz=tz, currency=currency):
            difference = count.difference
            opened = "; ".join(f"{_local(e.at, tz)} {e.actor}: {e.reason}" for e in count.openings)
            writer.writerow(
                [
                    day.isoformat(),
                    _cell(count.cashier, ()),
                    count.currency,
                    count.opening_float.major_str(),
                    count.cash_sales.major_str(),
                    count.cash_refunds.major_str(),
                    count.cash_payouts.major_str(),
                    count.expected.major_str(),
                    "" if count.counted is None else count.counted.major_str(),
                    "" if difference is None else difference.major_str(),
                    _local(count.counted_at, tz),
                    _cell(count.counted_by, ()),
                    str(count.recounts),
                    _cell(opened, ()),
                ]
            )
            rows += 1
        day = day + timedelta(days=1)
    return rows


def export_drawer_csv(
    journal: Journal,
    path: str | os.PathLike[str],
    first: date,
    last: date,
    *,
    tz: tzinfo | None = None,
    currency: str = "XAF",
    delimiter: str = ",",
) -> int:
    """The drawer count to a file (written aside and renamed); returns the rows."""
    target = Path(path)
    partial = target.with_name(target.name + ".partial")
    with open(partial, "w", encoding="utf-8-sig", newline="") as out:
        rows = write_drawer_csv(journal, out, first, last, tz=tz, currency=currency, delimiter=delimiter)
    os.replace(partial, target)
    return rows
