"""The one way a user action runs: disable the control, await the coroutine, say what went wrong, re-enable.

``run_action`` starts the coroutine as an asyncio task on the qasync loop and keeps a reference to it
(a task nobody references can be garbage-collected mid-flight). Errors are shown in the cashier's words,
never as a traceback; a gateway's ``OutcomeUnknown`` is never presented as a plain failure, because
the money may have moved.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from posapp.core.cash import CashError
from posapp.core.money import MoneyError
from posapp.core.phone import PhoneError
from posapp.core.transactions import Status
from posapp.gateways.base import (
    GatewayError,
    InvalidCode,
    NotSupported,
    OutcomeUnknown,
    Refused,
    Unauthorized,
    Unavailable,
)
from posapp.journal.faults import Fault, fault_of
from posapp.services.checkout import PaymentBlocked
from posapp.services.common import ActionFailed, JournalWriteFailed
from posapp.services.payouts import PayoutBlocked
from posapp.shop.errors import Worded
from posapp.ui.core_messages import translate_error
from posapp.ui.provider_messages import with_provider_words
from posapp.ui.service_messages import describe_service_error
from posapp.ui.shop_messages import describe_store_error

log = logging.getLogger(__name__)

T = TypeVar("T")

_running: set[asyncio.Task[Any]] = set()


def fault_words(fault: Fault) -> str:
    """What is wrong with the journal, in a few words ("the disk is full")."""
    words = {
        Fault.DISK_FULL: QCoreApplication.translate("Actions", "the disk that holds it is full"),
        Fault.DISK_ERROR: QCoreApplication.translate("Actions", "the disk reports an error"),
        Fault.BUSY: QCoreApplication.translate("Actions", "another program holds the journal file"),
        Fault.READ_ONLY: QCoreApplication.translate("Actions", "its folder or file cannot be written"),
        Fault.DAMAGED: QCoreApplication.translate("Actions", "the journal file is damaged"),
        Fault.CANNOT_OPEN: QCoreApplication.translate("Actions", "the journal file cannot be opened"),
    }
    return words[fault]


def journal_unwritable_text(fault: str) -> str:
    """The banner while answers wait to be written: the outcome is not known yet; pay nothing again."""
    try:
        why = fault_words(Fault(fault))
    except ValueError:
        why = fault
    return QCoreApplication.translate(
        "Actions",
        "The journal cannot be written: {why}. An answer from the provider is kept in memory and written as soon as "
        "it can be. Until then its outcome is not known: do not repeat that payment, refund or payout.",
    ).format(why=why)


def describe_error(exc: BaseException) -> str:
    """A sentence for the cashier about ``exc``."""
    if isinstance(exc, MoneyError | PhoneError | CashError):
        return translate_error(exc)
    if isinstance(exc, Worded):  # the shop store's errors and refusals (posapp.shop.errors)
        return describe_store_error(exc)
    if isinstance(exc, JournalWriteFailed):
        if exc.fault is Fault.DISK_FULL:
            return QCoreApplication.translate(
                "Actions", "Nothing was sent: the disk that holds the journal is full. Free some space, then try again."
            )
        return QCoreApplication.translate(
            "Actions", "Nothing was sent: the journal cannot be written ({why}). Fix it, then try again."
        ).format(why=fault_words(exc.fault))
    if isinstance(exc, PaymentBlocked):
        return QCoreApplication.translate(
            "Actions",
            "An earlier request of this amount to this phone has no known outcome yet: the customer may already have "
            "paid. Do not push it again; wait for it in Activity.",
        )
    if isinstance(exc, PayoutBlocked):
        if exc.blocker.status is Status.UNKNOWN:
            return QCoreApplication.translate(
                "Actions",
                "Not sent: an earlier refund or payout of the same amount to the same person has an unknown outcome "
                "and may already have been paid. A manager must settle it in Activity or History first.",
            )
        return QCoreApplication.translate(
            "Actions",
            "Not sent: an earlier refund or payout of the same amount to the same person is not finished yet and may "
            "already have been paid. Wait for its outcome in Activity; nothing must be paid twice.",
        )
    if isinstance(exc, ActionFailed):
        if exc.provider_message:
            return with_provider_words(exc.provider_message)
        if exc.template:  # the service's own words (posapp.ui.service_messages)
            return describe_service_error(exc)
        if exc.cause is not None:  # no words of its own: its cause's (a gateway's, core's, the shop store's)
            return describe_error(exc.cause)
        return exc.message
    if isinstance(exc, OutcomeUnknown):
        return QCoreApplication.translate(
            "Actions",
            "No clear answer from the provider: this may or may not have gone through. Do not try again; "
            "its status is being checked in Activity.",
        )
    if isinstance(exc, InvalidCode):
        return with_provider_words(
            exc.provider_message, QCoreApplication.translate("Actions", "The code is not right.")
        )
    if isinstance(exc, Refused):
        return with_provider_words(
            exc.provider_message, QCoreApplication.translate("Actions", "The provider refused this request.")
        )
    if isinstance(exc, Unauthorized):
        return QCoreApplication.translate(
            "Actions", "The provider refused our keys. Ask a manager to check the settings."
        )
    if isinstance(exc, Unavailable):
        return QCoreApplication.translate(
            "Actions", "The provider cannot be reached. Check the connection and try again."
        )
    if isinstance(exc, NotSupported):
        return QCoreApplication.translate("Actions", "This provider cannot do that.")
    if isinstance(exc, GatewayError):
        return QCoreApplication.translate("Actions", "The provider answered with an error.")
    known = getattr(exc, "user_message", None)
    if isinstance(known, str) and known:
        return known
    fault = fault_of(exc)
    if fault is not None:
        return QCoreApplication.translate("Actions", "The journal cannot be written ({why}): nothing was done.").format(
            why=fault_words(fault)
        )
    return QCoreApplication.translate("Actions", "Something went wrong; it has been logged. Please try again.")


def run_action(
    control: QWidget | None,
    action: Callable[[], Coroutine[Any, Any, T]],
    *,
    on_success: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException, str], None] | None = None,
) -> asyncio.Task[Any]:
    """Run ``action()`` with ``control`` disabled; call ``on_success(result)`` or ``on_error(exc, message)``."""

    async def body() -> None:
        if control is not None:
            control.setEnabled(False)
        try:
            result = await action()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            message = describe_error(exc)
            expected = GatewayError | MoneyError | PhoneError | CashError | ActionFailed
            if not isinstance(exc, expected) and fault_of(exc) is None:
                log.exception("action failed")
            elif fault_of(exc) is not None:
                log.error("action refused by the journal: %s", exc)
            if on_error is not None:
                on_error(exc, message)
            return
        finally:
            if control is not None:
                try:
                    control.setEnabled(True)
                except RuntimeError:  # the widget was deleted meanwhile
                    pass
        if on_success is not None:
            on_success(result)

    task = asyncio.ensure_future(body())
    _running.add(task)
    task.add_done_callback(_running.discard)
    return task


def running_actions() -> int:
    return len(_running)


async def ask_save_path(parent: QWidget, title: str, suggested: str, name_filter: str) -> str:
    """Ask where to save a file without a nested event loop (safe inside a coroutine); "" when canceled.

    ``QFileDialog.getSaveFileName`` runs its own event loop: called from a running asyncio task under
    qasync, it would let other tasks' wake-ups fire inside that task and lose them (a status tracker
    would stop following payments). The dialog is opened instead, and its answer awaited.
    """
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title, suggested, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    answer: asyncio.Future[str] = asyncio.get_running_loop().create_future()

    def finished(result: int) -> None:
        if not answer.done():
            files = dialog.selectedFiles() if result == QFileDialog.DialogCode.Accepted else []
            answer.set_result(files[0] if files else "")

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await answer
    finally:
        dialog.deleteLater()
