"""Re-emits the services' events as Qt signals: the one place where service events reach widgets.

Signals carry the event objects of ``posapp.services.events``. Events published from another thread
(a journal writer, the sandbox) reach the widgets through Qt's queued connections, in the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance

from posapp.services import events


class ServiceBridge(QObject):
    """Subscribes to an ``EventBus`` and emits one Qt signal per event type.

    Signals:
        payment_started(PaymentStarted)
        status_changed(StatusChanged)
        otp_required(OtpRequired)
        outcome_unknown(OutcomeUnknown)
        balance_changed(BalanceChanged)
        connection_lost(ConnectionLost)
        connection_back(ConnectionBack)
        journal_unwritable(JournalUnwritable)
        journal_writable(JournalWritable)
    """

    payment_started = Signal(object)
    status_changed = Signal(object)
    otp_required = Signal(object)
    outcome_unknown = Signal(object)
    balance_changed = Signal(object)
    connection_lost = Signal(object)
    connection_back = Signal(object)
    journal_unwritable = Signal(object)
    journal_writable = Signal(object)

    def __init__(self, bus: events.EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        routes: list[tuple[type[events.Event], SignalInstance]] = [
            (events.PaymentStarted, self.payment_started),
            (events.StatusChanged, self.status_changed),
            (events.OtpRequired, self.otp_required),
            (events.OutcomeUnknown, self.outcome_unknown),
            (events.BalanceChanged, self.balance_changed),
            (events.ConnectionLost, self.connection_lost),
            (events.ConnectionBack, self.connection_back),
            (events.JournalUnwritable, self.journal_unwritable),
            (events.JournalWritable, self.journal_writable),
        ]
        self._unsubscribe: list[Callable[[], None]] = [
            bus.subscribe(event_type, signal.emit) for event_type, signal in routes
        ]
        unsubscribe_all = list(self._unsubscribe)
        self.destroyed.connect(lambda *_: [unsubscribe() for unsubscribe in unsubscribe_all])

    def close(self) -> None:
        """Stop listening to the bus (also done when the bridge is destroyed)."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
