"""The ESC/POS print queue as the screens see it: its jobs' changes as a Qt signal, receipts in its terms.

The queue (``posapp.printing.queue``) tells its listener from its own thread; ``PrintQueueBridge`` hands
each change to the GUI thread through a queued signal, like ``bridge.py`` does for the services' events.
``printer_receipt`` turns the receipt the console already builds for the system printer (translated,
formatted, inert) into the plain receipt the ESC/POS layout prints, so both say the same words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

from posapp.printing.devices import Problem
from posapp.printing.queue import JobState, PrintJob
from posapp.printing.receipt import Receipt


class ReceiptContent(Protocol):
    """What ``receipts.ReceiptContent`` holds (named by its fields, so this module does not import it)."""

    @property
    def title(self) -> str: ...

    @property
    def shop_lines(self) -> tuple[str, ...]: ...

    @property
    def amount(self) -> str: ...

    @property
    def status(self) -> str: ...

    @property
    def rows(self) -> tuple[tuple[str, str], ...]: ...

    @property
    def qr_data(self) -> str: ...

    @property
    def qr_caption(self) -> str: ...

    @property
    def training(self) -> str: ...

    @property
    def duplicate(self) -> str: ...

    @property
    def footer(self) -> str: ...

    @property
    def app_ref(self) -> str: ...


class PrintQueueBridge(QObject):
    """Re-emits the print queue's job changes on the GUI thread.

    Signals:
        job_changed(object): a ``PrintJob`` as it stands now (queued, printing, printed, waiting, failed).
    """

    job_changed = Signal(object)
    _from_print_thread = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Queued: the slot runs on this object's (the GUI) thread whatever thread emitted.
        self._from_print_thread.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def listener(self) -> Callable[[PrintJob], None]:
        """What to give ``PrintQueue(listener=...)``: safe to call from the print thread."""
        return self._from_print_thread.emit

    @Slot(object)
    def _deliver(self, job: PrintJob) -> None:
        self.job_changed.emit(job)


def printer_receipt(content: ReceiptContent) -> Receipt:
    """The ESC/POS receipt of ``content`` (the same words as the system printer's)."""
    return Receipt(
        title=content.title,
        amount=content.amount,
        status=content.status,
        shop_lines=content.shop_lines,
        rows=content.rows,
        qr_data=content.qr_data,
        qr_caption=content.qr_caption,
        training=content.training,
        duplicate=content.duplicate,
        footer=content.footer,
        app_ref=content.app_ref,
    )


def problem_text(problem: Problem | None) -> str:
    """Why a receipt did not print, as the cashier reads it."""
    if problem is None:
        return ""
    return {
        Problem.NOT_CONFIGURED: QCoreApplication.translate("PrintQueue", "No receipt printer is set up."),
        Problem.UNREACHABLE: QCoreApplication.translate(
            "PrintQueue", "The printer cannot be reached: is it on, plugged in and on the network?"
        ),
        Problem.NOT_ANSWERING: QCoreApplication.translate("PrintQueue", "The printer does not answer."),
        Problem.OFFLINE: QCoreApplication.translate("PrintQueue", "The printer is offline: is its cover open?"),
        Problem.NO_PAPER: QCoreApplication.translate("PrintQueue", "The printer is out of paper."),
        Problem.DISCONNECTED: QCoreApplication.translate(
            "PrintQueue", "The printer stopped in the middle of the receipt."
        ),
        Problem.UNSUPPORTED: QCoreApplication.translate(
            "PrintQueue", "This computer cannot use that kind of printer connection."
        ),
    }[problem]


def state_text(job: PrintJob) -> str:
    """A job's state in the cashier's words."""
    return {
        JobState.QUEUED: QCoreApplication.translate("PrintQueue", "Waiting to print"),
        JobState.PRINTING: QCoreApplication.translate("PrintQueue", "Printing"),
        JobState.PRINTED: QCoreApplication.translate("PrintQueue", "Printed"),
        JobState.WAITING: QCoreApplication.translate("PrintQueue", "Not printed: trying again shortly"),
        JobState.FAILED: QCoreApplication.translate("PrintQueue", "Not printed: press Retry"),
        JobState.CANCELED: QCoreApplication.translate("PrintQueue", "Canceled"),
        JobState.STOPPED: QCoreApplication.translate("PrintQueue", "Not printed: the console stopped"),
        JobState.UNCERTAIN: QCoreApplication.translate("PrintQueue", "May have printed: check the printer"),
    }[job.state]
