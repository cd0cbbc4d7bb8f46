"""A payment's status in words and colour, the same on every screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from posapp.core.transactions import Kind, Status
from posapp.ui.inert_text import PlainLabel

_MONEY_OUT = (Kind.REFUND, Kind.PAYOUT)


def status_text(status: Status, kind: Kind | None = None) -> str:
    """What a cashier reads for ``status`` (of a transaction of ``kind``, when known).

    Money going out is not waiting for a customer nor "paid": a refund or payout in flight waits for the
    operator, and a finished one is refunded or sent.
    """
    if kind in _MONEY_OUT:
        if status in (Status.PENDING, Status.CREATED):
            return QCoreApplication.translate("StatusBadge", "Being sent")
        if status is Status.SUCCEEDED:
            return (
                QCoreApplication.translate("StatusBadge", "Refunded")
                if kind is Kind.REFUND
                else QCoreApplication.translate("StatusBadge", "Sent")
            )
    return {
        Status.CREATED: QCoreApplication.translate("StatusBadge", "Starting"),
        Status.PENDING: QCoreApplication.translate("StatusBadge", "Waiting for the customer"),
        Status.AWAITING_OTP: QCoreApplication.translate("StatusBadge", "Code needed"),
        Status.AUTHORIZED: QCoreApplication.translate("StatusBadge", "Authorized, to capture"),
        Status.SUCCEEDED: QCoreApplication.translate("StatusBadge", "Paid"),
        Status.FAILED: QCoreApplication.translate("StatusBadge", "Failed"),
        Status.CANCELED: QCoreApplication.translate("StatusBadge", "Canceled"),
        Status.EXPIRED: QCoreApplication.translate("StatusBadge", "Expired"),
        Status.UNKNOWN: QCoreApplication.translate("StatusBadge", "Outcome unknown"),
        Status.REFUNDED: QCoreApplication.translate("StatusBadge", "Refunded"),
        Status.PARTIALLY_REFUNDED: QCoreApplication.translate("StatusBadge", "Partly refunded"),
    }[status]


# (background, text) per status: green only for money received, red for failures, amber to act on.
COLOURS: dict[Status, tuple[str, str]] = {
    Status.CREATED: ("#e4e7eb", "#1b1f24"),
    Status.PENDING: ("#dbeafe", "#0b3d91"),
    Status.AWAITING_OTP: ("#ffe8b3", "#6b4100"),
    Status.AUTHORIZED: ("#ffe8b3", "#6b4100"),
    Status.SUCCEEDED: ("#d1fadf", "#05603a"),
    Status.FAILED: ("#fee4e2", "#912018"),
    Status.CANCELED: ("#e4e7eb", "#1b1f24"),
    Status.EXPIRED: ("#e4e7eb", "#1b1f24"),
    Status.UNKNOWN: ("#ffb020", "#1b1f24"),
    Status.REFUNDED: ("#ede9fe", "#3e1c96"),
    Status.PARTIALLY_REFUNDED: ("#ede9fe", "#3e1c96"),
}


class StatusBadge(PlainLabel):
    """A rounded label showing a status in words on its colour."""

    def __init__(
        self, status: Status = Status.CREATED, parent: QWidget | None = None, *, kind: Kind | None = None
    ) -> None:
        super().__init__("", parent)
        self.setObjectName("statusBadge")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = status
        self.kind = kind
        self.setAccessibleName(QCoreApplication.translate("StatusBadge", "Status"))
        self.set_status(status)

    def set_status(self, status: Status, kind: Kind | None = None) -> None:
        """Show ``status``; ``kind`` (once given, kept) words it for money going out."""
        self.status = status
        if kind is not None:
            self.kind = kind
        background, colour = COLOURS[status]
        text = status_text(status, self.kind)
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setStyleSheet(
            f"QLabel#statusBadge {{ background: {background}; color: {colour}; border-radius: 10px;"
            " padding: 4px 14px; font-weight: bold; }"
        )
