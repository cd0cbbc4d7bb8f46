"""The Activity screen: one card per unfinished payment, live status and age, actions, connection banner."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.ui.screens import activity
from posapp.ui.screens.activity import ActivityScreen, format_age

START = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START + timedelta(minutes=5)

    def __call__(self) -> datetime:
        return self.now


def payment(app_ref: str, minutes_ago: int, kind: Kind = Kind.LINK_PAYMENT, **fields: object) -> Transaction:
    fields.setdefault("status", Status.PENDING)
    return Transaction(
        app_ref,
        kind,
        "mycoolpay",
        fields.pop("amount", Money(2500, "XAF")),  # type: ignore[arg-type]
        created_at=START + timedelta(minutes=5 - minutes_ago),
        **fields,  # type: ignore[arg-type]
    )


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def screen(qtbot, clock: Clock) -> ActivityScreen:  # type: ignore[no-untyped-def]
    widget = ActivityScreen("en_CM", now=clock)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def test_empty_state(screen: ActivityScreen) -> None:
    assert screen.count() == 0
    assert screen.pages.currentWidget() is screen.empty_page
    assert screen.empty_title.text() == "No payment in progress"
    assert not screen.banner.isVisible()


def test_lists_unfinished_payments_newest_first(qtbot, screen: ActivityScreen) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(screen.count_changed, timeout=1000) as blocker:
        screen.set_transactions(
            [
                payment("old", 4),
                payment("new", 1, Kind.PUSH_PAYMENT, customer="+237699009900", operator="CM_OM"),
                payment("done", 2, status=Status.SUCCEEDED),
                payment("unknown", 3, Kind.PUSH_PAYMENT, status=Status.UNKNOWN, customer="+237677009900"),
            ]
        )
    assert blocker.args == [3]
    assert screen.count() == 3
    assert screen.app_refs() == ["new", "unknown", "old"]
    assert screen.pages.currentWidget() is screen.scroll_area
    assert screen.summary.text() == "3 in progress"
    row = screen.row("new")
    assert row is not None
    assert row.amount.text() == "2,500\u00a0FCFA"
    assert row.details.text() == "Phone push  ·  +237 6 99 00 99 00 (Orange Money)"
    assert row.badge.text() == "Waiting for the customer"
    assert row.age.text() == "Started 1:00 ago"
    unknown = screen.row("unknown")
    assert unknown is not None
    assert "MTN MoMo" in unknown.details.text()  # the operator comes from the number when not recorded
    assert "pay again" in unknown.message.text()  # an unknown outcome is never an invitation to retry


def test_actions_emit_the_app_ref(qtbot, screen: ActivityScreen) -> None:  # type: ignore[no-untyped-def]
    screen.set_transactions([payment("link", 1), payment("push", 2, Kind.PUSH_PAYMENT, customer="+237677009900")])
    link, push = screen.row("link"), screen.row("push")
    assert link is not None and push is not None
    assert link.show_qr_button.isVisibleTo(link)
    assert not push.show_qr_button.isVisibleTo(push)  # nothing to show again for a push
    for signal, button in (
        (screen.show_qr_requested, link.show_qr_button),
        (screen.recheck_requested, push.recheck_button),
        (screen.cancel_requested, push.cancel_button),
    ):
        with qtbot.waitSignal(signal, timeout=1000) as blocker:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert blocker.args == ["link" if button is link.show_qr_button else "push"]


def test_upsert_follows_status_and_message(screen: ActivityScreen) -> None:
    tx = payment("p1", 1, Kind.PUSH_PAYMENT, customer="+237699009900", status=Status.AWAITING_OTP)
    screen.upsert(tx, "Enter the code the customer received")
    row = screen.row("p1")
    assert row is not None
    assert row.badge.text() == "Code needed"
    assert row.message.text() == "Enter the code the customer received"
    screen.upsert(tx.with_status(Status.PENDING))
    assert row.badge.text() == "Waiting for the customer"
    assert row.message.text() == "Enter the code the customer received"  # an empty message keeps the last
    assert screen.count() == 1


def test_final_status_shows_briefly_then_leaves(qtbot, screen: ActivityScreen, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(activity, "FINISHED_LINGER_MS", 50)
    tx = payment("p1", 1)
    screen.set_transactions([tx, payment("p2", 2)])
    with qtbot.waitSignal(screen.count_changed, timeout=1000) as blocker:
        screen.upsert(tx.with_status(Status.SUCCEEDED), "Your transaction has been successfully completed")
    assert blocker.args == [1]
    row = screen.row("p1")
    assert row is not None
    assert row.badge.text() == "Paid"
    assert not row.recheck_button.isEnabled() and not row.cancel_button.isEnabled()
    assert screen.finishing_refs() == ["p1"]
    qtbot.waitUntil(lambda: screen.row("p1") is None, timeout=2000)
    assert screen.app_refs() == ["p2"]
    screen.upsert(payment("p2", 2, status=Status.FAILED))
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.empty_page, timeout=2000)


def test_unfinished_again_stays(qtbot, screen: ActivityScreen, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(activity, "FINISHED_LINGER_MS", 50)
    expired = payment("p1", 1).with_status(Status.EXPIRED)
    screen.set_transactions([payment("p1", 1)])
    screen.upsert(expired)
    screen.upsert(expired.with_status(Status.PENDING))  # the provider says it is still open
    qtbot.wait(150)  # longer than the linger: the card must still be there
    assert screen.row("p1") is not None
    assert screen.finishing_refs() == []


def test_final_status_of_an_unknown_payment_is_ignored(screen: ActivityScreen) -> None:
    screen.upsert(payment("gone", 1, status=Status.CANCELED))
    assert screen.row("gone") is None
    assert screen.pages.currentWidget() is screen.empty_page


def test_age_ticks(qtbot, screen: ActivityScreen, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    screen.set_transactions([payment("p1", 2)])
    row = screen.row("p1")
    assert row is not None
    assert row.age.text() == "Started 2:00 ago"
    clock.now += timedelta(seconds=65)
    qtbot.waitUntil(lambda: row.age.text() == "Started 3:05 ago", timeout=3000)
    assert screen.age_timer.isActive()
    screen.set_transactions([])
    assert not screen.age_timer.isActive()


def test_age_without_creation_time_counts_from_first_seen(screen: ActivityScreen, clock: Clock) -> None:
    screen.upsert(Transaction("p1", Kind.LINK_PAYMENT, "mycoolpay", Money(1, "XAF"), status=Status.PENDING))
    row = screen.row("p1")
    assert row is not None
    assert row.age.text() == "Started 0:00 ago"


def test_connection_banner_lost_then_back(qtbot, screen: ActivityScreen, clock: Clock) -> None:  # type: ignore[no-untyped-def]
    since = datetime(2026, 11, 21, 9, 32, tzinfo=UTC)
    screen.connection_lost("ConnectError: connection refused", since=since)
    assert screen.banner.isVisible()
    assert screen.connection_state() == "lost"
    local = since.astimezone()  # the cashier reads the shop's local time
    assert f"since {local:%H:%M};" in screen.banner.text()  # en_CM writes 24-hour times
    assert "payments are still being checked" in screen.banner.text()
    first = screen.banner.text()
    screen.connection_lost("again", since=since + timedelta(minutes=7))
    assert screen.banner.text() == first  # still "since" the first loss
    screen.back_timer.setInterval(50)
    screen.connection_back()
    assert screen.connection_state() == "back"
    assert screen.banner.text() == "Connection back"
    qtbot.waitUntil(lambda: not screen.banner.isVisible(), timeout=2000)
    assert screen.connection_state() == "ok"


def test_connection_back_without_loss_shows_nothing(screen: ActivityScreen) -> None:
    screen.connection_back()
    assert not screen.banner.isVisible()


def test_lost_again_while_back_banner_shows_stays_red(qtbot, screen: ActivityScreen) -> None:  # type: ignore[no-untyped-def]
    screen.connection_lost("down")
    screen.back_timer.setInterval(50)
    screen.connection_back()
    screen.connection_lost("down again")
    qtbot.wait(150)
    assert screen.banner.isVisible() and screen.connection_state() == "lost"


def test_format_age() -> None:
    assert format_age(0) == "0:00"
    assert format_age(-3) == "0:00"
    assert format_age(75.9) == "1:15"
    assert format_age(3600 + 5 * 60 + 9) == "1 h 05"


def test_settle_is_offered_on_unknown_outcomes_once_enabled(qtbot, screen: ActivityScreen) -> None:  # type: ignore[no-untyped-def]
    screen.set_transactions([payment("PAY-1", 3), payment("PAY-2", 2, Kind.PUSH_PAYMENT, status=Status.UNKNOWN)])
    unknown, waiting = screen.row("PAY-2"), screen.row("PAY-1")
    assert unknown is not None and waiting is not None
    assert not unknown.settle_button.isVisible(), "hidden until a manager's screens offer it"
    screen.set_settle_enabled(True)
    assert unknown.settle_button.isVisible() and not waiting.settle_button.isVisible()
    with qtbot.waitSignal(screen.settle_requested) as settle:
        qtbot.mouseClick(unknown.settle_button, Qt.MouseButton.LeftButton)
    assert settle.args == ["PAY-2"]
    screen.upsert(payment("PAY-3", 1, Kind.PAYOUT, status=Status.UNKNOWN))  # a card added later offers it too
    added = screen.row("PAY-3")
    assert added is not None and not added.settle_button.isHidden()
