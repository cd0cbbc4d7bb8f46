"""The journal store on real SQLite files: pragmas, schema, intents, events, refunds, queries, backup."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from posapp.core.money import Money
from posapp.core.transactions import IllegalTransition, Kind, Status
from posapp.journal import store
from posapp.journal.migrations import KNOWN, migrations
from posapp.journal.store import (
    ApprovalError,
    HistoryFilter,
    IntentConflict,
    Journal,
    JournalError,
    RefundRefused,
    SchemaTooNew,
    UnknownTransaction,
)
from tests.journal.conftest import Clock, paid, payment, refund

# ---------------------------------------------------------------- connections and schema


def test_every_connection_is_wal_full_with_foreign_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, int, int]] = []
    raw_connects: list[str] = []
    real_connect, real_sqlite_connect = store.connect, sqlite3.connect

    def spy(path: str) -> sqlite3.Connection:
        conn = real_connect(path)
        seen.append(
            tuple(conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("journal_mode", "synchronous", "foreign_keys"))
        )  # type: ignore[arg-type]  # noqa: E501
        return conn

    def counting_connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        raw_connects.append(str(args[0]))
        return real_sqlite_connect(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "connect", spy)
    monkeypatch.setattr(store.sqlite3, "connect", counting_connect)
    with Journal.open(tmp_path / "j.sqlite3") as journal:
        paid(journal)
        journal.backup(tmp_path / "backup.sqlite3")
    with Journal.open(tmp_path / "backup.sqlite3") as copy:
        assert copy.get("POS-1") is not None
    assert len(seen) == 3 == len(raw_connects)  # journal, backup target, reopened backup: no other door
    assert set(seen) == {("wal", 2, 1)}


def test_open_defaults_to_the_data_dir(posapp_home: Path) -> None:
    with Journal.open() as journal:
        assert journal.path == posapp_home / "data" / "journal.sqlite3"
        assert journal.pragmas() == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1}
    assert (posapp_home / "data" / "journal.sqlite3").exists()


def test_migrations_are_recorded_and_known(journal: Journal) -> None:
    assert [m.name for m in migrations.applied(journal.db)] == list(KNOWN)
    assert journal.schema_version == len(KNOWN)
    assert migrations.pending(journal.db) == []


def test_reopening_applies_nothing_and_keeps_data(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.sqlite3") as journal:
        paid(journal)
    with Journal(tmp_path / "j.sqlite3") as journal:
        assert journal.get("POS-1").status is Status.SUCCEEDED  # type: ignore[union-attr]
        assert len(migrations.applied(journal.db)) == len(KNOWN)


@pytest.mark.parametrize("newer", ["user_version", "migration"])
def test_a_newer_schema_is_refused_and_left_untouched(tmp_path: Path, newer: str) -> None:
    path = tmp_path / "j.sqlite3"
    with Journal(path) as journal:
        paid(journal)
    conn = sqlite3.connect(path)
    if newer == "user_version":
        conn.execute(f"PRAGMA user_version = {len(KNOWN) + 1}")
    else:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('posapp.journal', 'm999_x', '')"
        )
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNew, match="newer posapp"):
        Journal(path)
    assert path.read_bytes() == before


def test_a_non_wal_filesystem_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = sqlite3.connect

    class NoWal(sqlite3.Connection):
        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
            if sql.startswith("PRAGMA journal_mode = WAL"):
                sql = "PRAGMA journal_mode = DELETE"
            return super().execute(sql, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(store.sqlite3, "connect", lambda *a, **k: real(*a, factory=NoWal, **k))
    with pytest.raises(JournalError, match="journal_mode=delete"):
        Journal(tmp_path / "j.sqlite3")


# ---------------------------------------------------------------- append-only


def test_events_refuse_update_and_delete(journal: Journal) -> None:
    paid(journal)
    conn = journal.db.conn
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE events SET status = 'failed'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM events")
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        conn.execute("DELETE FROM transactions")
    with pytest.raises(sqlite3.IntegrityError, match="cannot change"):
        conn.execute("UPDATE transactions SET amount_minor = 1")
    assert len(journal.timeline("POS-1")) == 3


# ---------------------------------------------------------------- intents


def test_record_intent_writes_created_with_an_intent_event(journal: Journal, clock: Clock) -> None:
    stored = journal.record_intent(payment(), "cashier:ama")
    assert stored.status is Status.CREATED
    assert stored.created_at == clock.now == stored.updated_at
    assert journal.get("POS-1") == stored
    [event] = journal.timeline("POS-1")
    assert (event.type, event.status, event.actor, event.at) == ("intent", Status.CREATED, "cashier:ama", clock.now)


def test_the_same_intent_is_idempotent_and_a_different_one_conflicts(journal: Journal) -> None:
    first = journal.record_intent(payment(), "cashier:ama")
    journal.append_event("POS-1", type="sent", status="pending", actor="system")
    again = journal.record_intent(payment(), "cashier:ama")
    assert again.status is Status.PENDING and again.created_at == first.created_at
    with pytest.raises(IntentConflict):
        journal.record_intent(payment(amount=5001), "cashier:ama")
    with pytest.raises(IntentConflict):
        journal.record_intent(payment(customer="+237677000000"), "cashier:ama")
    assert len(journal.timeline("POS-1")) == 2


@pytest.mark.parametrize("actor", ["", "bob", "cashier:", "robot:x", "Cashier"])
def test_actors_are_cashier_manager_or_system(journal: Journal, actor: str) -> None:
    with pytest.raises(JournalError, match="actor"):
        journal.record_intent(payment(), actor)
    assert journal.get("POS-1") is None


def test_an_intent_is_recorded_in_created_only(journal: Journal) -> None:
    with pytest.raises(JournalError, match="created"):
        journal.record_intent(payment(status=Status.PENDING), "cashier")


def test_reason_secrets_are_cut_out(journal: Journal) -> None:
    stored = journal.record_intent(payment(reason="key sk_live_123 pasted"), "cashier", secrets=["sk_live_123"])
    assert stored.reason == "key *** pasted"
    assert "sk_live_123" not in Path(journal.path).read_bytes().decode("latin-1")


# ---------------------------------------------------------------- events


def test_append_event_moves_the_projection_and_redacts(journal: Journal) -> None:
    journal.record_intent(payment(), "cashier:ama")
    tx = journal.append_event(
        "POS-1",
        type="sent",
        status=Status.PENDING,
        actor="system",
        raw={"status": "PENDING", "private_key": "pk_abc", "echo": "Bearer tok_987", "nested": [{"otp": "1234"}]},
        provider_ref="MCP-9",
        fees=Money(50, "XAF"),
        message="sent with tok_987",
        secrets=["tok_987"],
    )
    assert (tx.status, tx.provider_ref, tx.fees) == (Status.PENDING, "MCP-9", Money(50, "XAF"))
    assert journal.get("POS-1") == tx
    event = journal.timeline("POS-1")[-1]
    assert event.raw == {"status": "PENDING", "private_key": "***", "echo": "Bearer ***", "nested": [{"otp": "***"}]}
    assert event.message == "sent with ***"
    journal.close()  # folds the WAL into the file
    text = Path(journal.path).read_bytes()
    assert b"pk_abc" not in text and b"tok_987" not in text


def test_same_status_is_allowed_and_later_fields_fold(journal: Journal) -> None:
    journal.record_intent(payment(), "cashier")
    journal.append_event("POS-1", type="sent", status="pending", actor="system", provider_ref="A")
    tx = journal.append_event("POS-1", type="status_read", status="pending", actor="system", message="still")
    assert tx.provider_ref == "A" and tx.status is Status.PENDING
    assert [e.type for e in journal.timeline("POS-1")] == ["intent", "sent", "status_read"]


def test_an_illegal_transition_raises_and_writes_nothing(journal: Journal) -> None:
    paid(journal)
    with pytest.raises(IllegalTransition):
        journal.append_event("POS-1", type="status_read", status=Status.FAILED, actor="system")
    assert journal.get("POS-1").status is Status.SUCCEEDED  # type: ignore[union-attr]
    assert len(journal.timeline("POS-1")) == 3


def test_events_need_a_known_transaction_and_a_plain_type(journal: Journal) -> None:
    with pytest.raises(UnknownTransaction):
        journal.append_event("nope", type="sent", status="pending", actor="system")
    journal.record_intent(payment(), "cashier")
    for bad in ("intent", "refund", "Sent", "", "two words"):
        with pytest.raises(JournalError, match="event type"):
            journal.append_event("POS-1", type=bad, status="pending", actor="system")
    with pytest.raises(JournalError, match="fees in EUR"):
        journal.append_event("POS-1", type="sent", status="pending", actor="system", fees=Money(1, "EUR"))
    assert len(journal.timeline("POS-1")) == 1


def test_two_journals_on_one_file_both_write(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.sqlite3") as one, Journal(tmp_path / "j.sqlite3") as two:
        one.record_intent(payment("A"), "cashier")
        two.record_intent(payment("B"), "cashier")
        two.append_event("A", type="sent", status="pending", actor="system")
        assert one.get("A").status is Status.PENDING  # type: ignore[union-attr]
        assert {t.app_ref for t in one.unfinished()} == {"A", "B"}


def test_threads_share_one_journal(journal: Journal) -> None:
    errors: list[BaseException] = []

    def sell(prefix: str) -> None:
        try:
            for i in range(30):
                paid(journal, f"{prefix}-{i}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=sell, args=(p,)) for p in "AB"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert journal.count() == 60 and journal.rebuild_projection(dry_run=True) == []


# ---------------------------------------------------------------- batches


def test_a_batch_commits_once_and_a_refused_write_does_not_spoil_it(journal: Journal) -> None:
    with journal.batch():
        paid(journal, "A")
        with pytest.raises(IllegalTransition):
            journal.append_event("A", type="status_read", status="failed", actor="system")
        paid(journal, "B")
    assert journal.count() == 2 and len(journal.timeline("A")) == 3


def test_a_batch_rolls_back_whole_when_a_write_fails_halfway(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    paid(journal, "A")

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk gone")

    def spoiled_batch() -> None:
        with journal.batch():
            journal.record_intent(payment("B"), "cashier")
            monkeypatch.setattr(journal, "_mark_refunded", broken)
            journal.record_intent(refund("R", "A", 100), "manager")
            journal.append_event("R", type="sent", status="pending", actor="system")
            with pytest.raises(RuntimeError):  # the event was written, the payment's was not
                journal.append_event("R", type="status_read", status="succeeded", actor="system")

    with pytest.raises(JournalError, match="rolled back"):
        spoiled_batch()
    assert journal.get("B") is None and journal.get("R") is None
    with pytest.raises(JournalError, match="do not nest"), journal.batch(), journal.batch():
        pass


# ---------------------------------------------------------------- refunds


def test_refunds_are_capped_by_the_paid_amount(journal: Journal) -> None:
    paid(journal, "P", 5000)
    assert journal.refundable_amount("P") == Money(5000, "XAF")
    journal.record_intent(refund("R1", "P", 3000), "manager:zoe")
    assert journal.refundable_amount("P") == Money(2000, "XAF")
    with pytest.raises(RefundRefused, match="2000 XAF"):
        journal.record_intent(refund("R2", "P", 2001), "manager:zoe")
    journal.append_event("R1", type="sent", status="pending", actor="system")
    journal.append_event("R1", type="status_read", status="failed", actor="system")
    assert journal.refundable_amount("P") == Money(5000, "XAF")  # a failed refund moved no money
    journal.record_intent(refund("R2", "P", 4000), "manager:zoe")
    journal.append_event("R2", type="status_read", status="succeeded", actor="system")
    assert journal.get("P").status is Status.PARTIALLY_REFUNDED  # type: ignore[union-attr]
    assert journal.timeline("P")[-1].type == "refund"
    journal.record_intent(refund("R3", "P", 1000), "manager:zoe")
    journal.append_event("R3", type="status_read", status="succeeded", actor="system")
    assert journal.get("P").status is Status.REFUNDED  # type: ignore[union-attr]
    assert journal.refundable_amount("P") == Money(0, "XAF")
    assert journal.rebuild_projection(dry_run=True) == []


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no payment"),
        ("unpaid", "not paid"),
        ("payout", "not a payment"),
        ("currency", "EUR"),
    ],
)
def test_refunds_of_what_cannot_be_refunded_are_refused(journal: Journal, setup: str, message: str) -> None:
    if setup == "unpaid":
        journal.record_intent(payment("P"), "cashier")
    elif setup == "payout":
        journal.record_intent(payment("P", kind=Kind.PAYOUT), "manager")
    elif setup == "currency":
        paid(journal, "P", amount=500)
    tx = refund("R", "P", 100)
    if setup == "currency":
        tx = dataclasses.replace(tx, amount=Money(100, "EUR"))
    with pytest.raises(RefundRefused, match=message):
        journal.record_intent(tx, "manager")
    assert journal.get("R") is None


# ---------------------------------------------------------------- approvals


def test_approvals_are_single_use(journal: Journal, clock: Clock) -> None:
    approval = journal.record_approval("manager:zoe", "payout", Money(20_000, "XAF"))
    assert approval.used_at is None and approval.expires_at > approval.approved_at
    with pytest.raises(ApprovalError, match="not export"):
        journal.consume_approval(approval.id, operation="export", amount=None, used_by="cashier")
    with pytest.raises(ApprovalError, match="20000 XAF"):
        journal.consume_approval(approval.id, operation="payout", amount=Money(25_000, "XAF"), used_by="cashier")
    used = journal.consume_approval(approval.id, operation="payout", amount=Money(20_000, "XAF"), used_by="cashier")
    assert used.used_by == "cashier" and used.used_at == clock.now
    with pytest.raises(ApprovalError, match="already used"):
        journal.consume_approval(approval.id, operation="payout", amount=Money(20_000, "XAF"), used_by="cashier")
    with pytest.raises(sqlite3.IntegrityError, match="already used"):
        journal.db.conn.execute("UPDATE approvals SET used_at = NULL")
    late = journal.record_approval("manager:zoe", "export", valid_for=timedelta(minutes=1))
    clock.move(minutes=2)
    with pytest.raises(ApprovalError, match="expired"):
        journal.consume_approval(late.id, operation="export", amount=None, used_by="cashier")
    with pytest.raises(ApprovalError, match="no approval"):
        journal.consume_approval(999, operation="export", amount=None, used_by="cashier")


def test_an_intent_uses_its_approval_atomically(journal: Journal) -> None:
    paid(journal, "P", 5000)
    approval = journal.record_approval("manager:zoe", "refund", Money(1000, "XAF"))
    journal.record_intent(refund("R1", "P", 1000), "cashier", approval_id=approval.id)
    assert journal.approval(approval.id).used_for == "R1"  # type: ignore[union-attr]
    with pytest.raises(ApprovalError, match="already used"):
        journal.record_intent(refund("R2", "P", 1000), "cashier", approval_id=approval.id)
    assert journal.get("R2") is None


# ---------------------------------------------------------------- queries


def _fill(journal: Journal, clock: Clock) -> None:
    """40 transactions over four days: statuses, kinds, providers, phones and reasons to filter on."""
    for i in range(40):
        clock.move(hours=2)
        ref = f"POS-{i:03d}"
        kind = Kind.PAYOUT if i % 10 == 9 else Kind.LINK_PAYMENT
        journal.record_intent(
            payment(ref, 100 + i, kind=kind, provider="paiwise" if i % 4 == 0 else "mycoolpay",
                    customer=f"+23769900{i:04d}", reason="school fees" if i % 5 == 0 else "sale",
                    cashier="bello" if i % 2 else "ama"),
            "cashier",
        )  # fmt: skip
        if i % 3:
            journal.append_event(ref, type="sent", status="pending", actor="system", provider_ref=f"PRV{i * 7919}")
            if i % 3 == 1:
                status = "succeeded" if i % 4 else "failed"
                journal.append_event(ref, type="status_read", status=status, actor="system")


def test_history_pages_newest_first_without_gaps(journal: Journal, clock: Clock) -> None:
    _fill(journal, clock)
    seen: list[str] = []
    page = journal.history_page(limit=7)
    while True:
        seen += [t.app_ref for t in page.items]
        if page.next is None:
            break
        page = journal.history_page(after=page.next, limit=7)
    assert seen == [f"POS-{i:03d}" for i in reversed(range(40))]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (HistoryFilter(statuses=frozenset({Status.FAILED})), lambda i: i % 3 == 1 and i % 4 == 0),
        (
            HistoryFilter(statuses=frozenset({Status.CREATED, Status.SUCCEEDED})),
            lambda i: i % 3 == 0 or (i % 3 == 1 and i % 4 != 0),
        ),
        (HistoryFilter(kinds=frozenset({Kind.PAYOUT})), lambda i: i % 10 == 9),
        (HistoryFilter(providers=frozenset({"paiwise"})), lambda i: i % 4 == 0),
        (HistoryFilter(cashier="bello"), lambda i: i % 2 == 1),
        (HistoryFilter(text="school"), lambda i: i % 5 == 0),
        (HistoryFilter(text="SCHOOL FEES"), lambda i: i % 5 == 0),
        (HistoryFilter(text="699 00 00 1"), lambda i: 10 <= i <= 19),
        (HistoryFilter(text="pos-03"), lambda i: 30 <= i <= 39),
        (HistoryFilter(text="PRV" + str(13 * 7919)), lambda i: i == 13),
        (
            HistoryFilter(text="7"),
            lambda i: "7" in f"POS-{i:03d}+23769900{i:04d}" or (i % 3 > 0 and "7" in str(i * 7919)),
        ),  # noqa: E501
        (
            HistoryFilter(text="school", statuses=frozenset({Status.CREATED, Status.PENDING})),
            lambda i: i % 5 == 0 and i % 3 != 1,
        ),  # noqa: E501
    ],
)
def test_history_filters(journal: Journal, clock: Clock, filters: HistoryFilter, expected: object) -> None:
    _fill(journal, clock)
    want = [f"POS-{i:03d}" for i in reversed(range(40)) if expected(i)]  # type: ignore[operator]
    got: list[str] = []
    page = journal.history_page(filters, limit=4)
    got += [t.app_ref for t in page.items]
    while page.next is not None:
        page = journal.history_page(filters, after=page.next, limit=4)
        got += [t.app_ref for t in page.items]
    assert want and got == want
    assert journal.count(filters) == len(want)


def test_broad_searches_scan_and_narrow_ones_use_the_index(
    journal: Journal, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(journal, clock)
    monkeypatch.setattr(store, "SEARCH_SORT_LIMIT", 5)
    for text in ("23769900", "school"):  # 40 and 8 matches: over the limit, served by the LIKE scan
        assert journal.count(HistoryFilter(text=text)) == (40 if text != "school" else 8)
        assert len(journal.history_page(HistoryFilter(text=text), limit=50).items) == journal.count(
            HistoryFilter(text=text)
        )  # noqa: E501


def test_date_range_is_half_open(journal: Journal, clock: Clock) -> None:
    _fill(journal, clock)
    all_tx = journal.history_page(limit=100).items
    since, until = all_tx[-5].created_at, all_tx[-15].created_at
    page = journal.history_page(HistoryFilter(since=since, until=until), limit=100)
    assert [t.app_ref for t in page.items] == [f"POS-{i:03d}" for i in reversed(range(4, 14))]
    with pytest.raises(ValueError, match="aware"):
        journal.history_page(HistoryFilter(since=datetime(2026, 1, 1)))
    with pytest.raises(ValueError, match="limit"):
        journal.history_page(limit=0)


def test_unfinished_lists_created_and_followed_oldest_first(journal: Journal, clock: Clock) -> None:
    _fill(journal, clock)
    journal.append_event("POS-002", type="status_read", status="unknown", actor="system")
    refs = [t.app_ref for t in journal.unfinished()]
    expected = [f"POS-{i:03d}" for i in range(40) if i % 3 == 0 or i % 3 == 2]
    assert refs == expected


def test_transactions_between_reads_in_chunks(journal: Journal, clock: Clock) -> None:
    _fill(journal, clock)
    everything = list(
        journal.transactions_between(datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC), chunk=3)
    )  # noqa: E501
    assert [t.app_ref for t in everything] == [f"POS-{i:03d}" for i in range(40)]


# ---------------------------------------------------------------- projection, backup, check


def test_rebuild_projection_repairs_a_drifted_row(journal: Journal, clock: Clock) -> None:
    _fill(journal, clock)
    before = journal.projection_snapshot()
    journal.db.conn.execute(
        "UPDATE transactions SET status = 'succeeded', provider_ref = 'X' WHERE app_ref = 'POS-002'"
    )
    assert journal.rebuild_projection(dry_run=True) == ["POS-002"]
    assert journal.rebuild_projection() == ["POS-002"]
    assert journal.projection_snapshot() == before
    assert "POS-002" in [t.app_ref for t in journal.history_page(HistoryFilter(text="PRV" + str(2 * 7919))).items]


def test_backup_is_a_whole_consistent_copy(journal: Journal, clock: Clock, tmp_path: Path) -> None:
    _fill(journal, clock)
    target = journal.backup(tmp_path / "backups" / "b.sqlite3")
    assert not Path(f"{target}.partial").exists()
    with Journal(target) as copy:
        assert copy.check() == []
        assert copy.projection_snapshot() == journal.projection_snapshot()
        assert copy.timeline("POS-004") == journal.timeline("POS-004")
    with pytest.raises(JournalError, match="itself"):
        journal.backup(journal.path)


def test_check_is_empty_on_a_healthy_journal_and_close_is_idempotent(journal: Journal) -> None:
    paid(journal)
    assert journal.check() == []
    journal.close()
    journal.close()
    with pytest.raises(JournalError, match="closed"):
        journal.get("POS-1")


def test_opening_a_current_journal_does_not_load_sqlite_utils(tmp_path: Path) -> None:
    """Start-up cost: an up-to-date journal opens with plain SQL; sqlite-utils loads only to migrate."""
    import subprocess
    import sys

    path = tmp_path / "current.sqlite3"
    Journal(path).close()
    probe = (
        "import sys; from posapp.journal.store import Journal; "
        f"Journal({str(path)!r}).close(); print('sqlite_utils' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
