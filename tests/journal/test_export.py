"""CSV export: opens cleanly in a spreadsheet, local times with offset, major units, no secrets."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from posapp.core.money import Money
from posapp.core.transactions import Kind, Status
from posapp.journal.export import COLUMNS, csv_text, export_csv
from posapp.journal.store import Journal
from tests.journal.conftest import Clock, paid, payment

DOUALA = timezone(timedelta(hours=1))
DAY = datetime(2026, 3, 2, tzinfo=DOUALA)


def test_export_rows_open_cleanly(journal: Journal, clock: Clock, tmp_path: Path) -> None:
    paid(journal, "POS-1", 1500)
    journal.append_event("POS-1", type="status_read", status=Status.SUCCEEDED, actor="system", fees=Money(30, "XAF"))
    journal.record_intent(
        payment("EU-1", 1050, "EUR", customer="+4530000000", reason='=HYPERLINK("x") "quoted", é'),
        "cashier:bo",
    )
    clock.move(days=2)
    journal.record_intent(payment("LATER"), "cashier")
    path = tmp_path / "out.csv"
    assert export_csv(journal, path, DAY, DAY + timedelta(days=1), tz=DOUALA) == 2
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and not Path(f"{path}.partial").exists()
    rows = list(csv.DictReader(data.decode("utf-8-sig").splitlines()))
    assert list(rows[0]) == list(COLUMNS)
    first, second = rows
    assert first["created_at"] == "2026-03-02 09:00:01+01:00"  # 08:00:01 UTC in Douala
    assert (first["amount"], first["fees"], first["currency"], first["status"]) == ("1500", "30", "XAF", "succeeded")
    assert first["customer"] == "'+237699123456"  # a leading + would be read as a formula
    assert (second["amount"], second["currency"]) == ("10.50", "EUR")
    assert second["reason"] == '\'=HYPERLINK("x") "quoted", é'
    assert second["kind"] == Kind.PUSH_PAYMENT.value and second["status"] == "created"


def test_no_secret_reaches_the_export(journal: Journal) -> None:
    key = "sk_live_very_private_key_0123456789"
    journal.record_intent(payment("POS-1", reason=f"typed {key}"), "cashier")
    journal.append_event("POS-1", type="sent", status="pending", actor="system", raw={"private_key": key, "x": key})
    text = csv_text(journal, DAY - timedelta(days=1), DAY + timedelta(days=1), secrets=[key])
    assert key not in text and "typed ***" in text


def test_a_naive_range_is_refused(journal: Journal) -> None:
    import pytest

    with pytest.raises(ValueError, match="aware"):
        csv_text(journal, datetime(2026, 1, 1), datetime(2026, 1, 2, tzinfo=UTC))
