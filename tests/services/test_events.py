"""The event bus delivers by type, isolates failing subscribers and unsubscribes cleanly."""

from __future__ import annotations

import logging

import pytest

from posapp.core.money import Money
from posapp.core.transactions import Kind, Status, Transaction
from posapp.services.events import (
    ConnectionBack,
    ConnectionLost,
    Event,
    EventBus,
    PaymentStarted,
    StatusChanged,
)

TX = Transaction("app-1", Kind.LINK_PAYMENT, "mycoolpay", Money(1000, "XAF"))


def test_delivers_only_the_subscribed_type() -> None:
    bus = EventBus()
    started: list[PaymentStarted] = []
    changed: list[StatusChanged] = []
    everything: list[Event] = []
    bus.subscribe(PaymentStarted, started.append)
    bus.subscribe(StatusChanged, changed.append)
    bus.subscribe(Event, everything.append)
    first = PaymentStarted(TX)
    second = StatusChanged(TX.with_status(Status.PENDING), old=Status.CREATED)
    bus.publish(first)
    bus.publish(second)
    assert started == [first]
    assert changed == [second]
    assert everything == [first, second]


def test_failing_subscriber_does_not_break_the_others(caplog: pytest.LogCaptureFixture) -> None:
    bus = EventBus()
    seen: list[Event] = []

    def broken(event: Event) -> None:
        raise RuntimeError("screen crashed")

    bus.subscribe(ConnectionLost, broken)
    bus.subscribe(ConnectionLost, seen.append)
    with caplog.at_level(logging.ERROR):
        bus.publish(ConnectionLost("timeout"))
    assert len(seen) == 1
    assert "screen crashed" in caplog.text


def test_unsubscribe_stops_delivery_and_is_idempotent() -> None:
    bus = EventBus()
    seen: list[Event] = []
    unsubscribe = bus.subscribe(ConnectionBack, seen.append)
    bus.publish(ConnectionBack())
    unsubscribe()
    unsubscribe()
    bus.publish(ConnectionBack())
    assert len(seen) == 1
    assert len(bus) == 0


def test_subscriber_may_unsubscribe_while_being_called() -> None:
    bus = EventBus()
    calls: list[str] = []
    handles: dict[str, object] = {}

    def once(event: Event) -> None:
        calls.append("once")
        handles["once"]()  # type: ignore[operator]

    handles["once"] = bus.subscribe(ConnectionBack, once)
    bus.subscribe(ConnectionBack, lambda e: calls.append("always"))
    bus.publish(ConnectionBack())
    bus.publish(ConnectionBack())
    assert calls == ["once", "always", "always"]


def test_events_are_immutable_and_timestamped() -> None:
    event = ConnectionLost("no route")
    with pytest.raises(AttributeError):
        event.reason = "other"  # type: ignore[misc]
    assert event.at.tzinfo is not None
