"""The till in the console: cash and split sales on the Sale screen, the drawer, the ESC/POS receipt printer.

- ``CashPage`` joins the Sale flow: the cash tender; after cash short of the amount, what is still to pay
  with the ways to take it (QR code, push to the phone typed on the Sale screen, more cash); when the
  sale is paid, the change, large.
- ``TillScreen`` (navigation: Till) for the drawer of the signed-in cashier: today's expected cash, the
  opening float, the count (a manager), Open drawer (with why: recorded, then kicked), and the receipt
  printer's settings with Test print and the receipts waiting to print.
- ``TillController`` puts them in the console and talks to ``PaymentServices.sales`` and the print
  queue: it opens the sale, takes the cash, starts the QR or push for the rest through the services (the
  QR and push screens show that part as any payment), follows the sale's state (``SaleChanged``: a
  failed mobile part brings the sale back to "still to pay"), and prints a receipt of every paid sale
  (and of every payment made alone) when the ESC/POS printer prints automatically. The print queue records
  each receipt in the journal (``journal.prints``); at start-up the receipts that never printed before the
  console stopped are listed again (not printed, or may have printed), and print only on the cashier's
  Retry, made again from the journal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from posapp.config import Settings, save_settings
from posapp.core.access import Permission
from posapp.core.money import Money, format_money
from posapp.core.phone import MobileNumber
from posapp.core.transactions import Kind, Status, Transaction
from posapp.journal.prints import JournalPrintLog, PrintKind, PrintRecord, unfinished_prints
from posapp.journal.reports import DrawerCount, drawer_counts
from posapp.journal.sales import SaleState, sale_state
from posapp.journal.sales import sale_of as sales_of
from posapp.printing.devices import SETTINGS_KEY, PrinterConfig, Problem, load_config
from posapp.printing.queue import PrintJob, PrintQueue
from posapp.printing.receipt import Receipt, sample_receipt
from posapp.services.events import StatusChanged
from posapp.services.sales import CashReceived, DrawerChanged, SaleChanged
from posapp.ui.actions import run_action
from posapp.ui.inert_text import PlainLabel, inert
from posapp.ui.models.transactions_model import operator_text
from posapp.ui.print_bridge import PrintQueueBridge, printer_receipt
from posapp.ui.screens.drawer_count import DrawerCountDialog, OpeningFloatDialog
from posapp.ui.screens.printer_settings import PrinterSettingsPanel
from posapp.ui.screens.receipts import counter_name, receipt_allowed, receipt_content, receipt_facts
from posapp.ui.widgets.cash_tender import CashTenderPanel
from posapp.ui.widgets.shortcut import give_shortcut, key_text, with_key

log = logging.getLogger(__name__)

_PAID = frozenset({Status.SUCCEEDED, Status.PARTIALLY_REFUNDED, Status.REFUNDED})


# ---------------------------------------------------------------------------------------------- the Sale flow


class CashPage(QWidget):
    """The cash part of a sale: take the cash, then the rest, then the change (module docstring).

    Signals:
        cash_taken(object): the ``Money`` the customer handed over.
        rest_by_qr(): show a QR code for what is still to pay.
        rest_by_push(): push what is still to pay to the phone typed on the Sale screen.
        new_sale_requested(): the sale is done (or given up before any cash was taken).
    """

    cash_taken = Signal(object)
    rest_by_qr = Signal()
    rest_by_push = Signal()
    new_sale_requested = Signal()

    def __init__(self, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.locale_name = locale
        self.state: SaleState | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 16, 28, 16)
        outer.setSpacing(10)
        self.title = PlainLabel(QCoreApplication.translate("TillScreen", "Cash payment"))
        self.title.setObjectName("screenTitle")
        outer.addWidget(self.title)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)

        self.tender = CashTenderPanel(currency, locale)
        self.pages.addWidget(self.tender)

        rest = QWidget()
        rest_layout = QVBoxLayout(rest)
        rest_layout.setSpacing(12)
        self.paid_so_far = PlainLabel("")
        self.paid_so_far.setObjectName("splitPaid")
        self.paid_so_far.setWordWrap(True)
        rest_caption = PlainLabel(QCoreApplication.translate("TillScreen", "Still to pay"))
        rest_caption.setObjectName("fieldCaption")
        self.rest_amount = PlainLabel("")
        self.rest_amount.setObjectName("splitRest")
        self.rest_amount.setStyleSheet("font-size: 44pt; font-weight: bold;")
        self.rest_note = PlainLabel("")
        self.rest_note.setObjectName("splitNote")
        self.rest_note.setWordWrap(True)
        self.qr_button = QPushButton(QCoreApplication.translate("TillScreen", "QR code for the rest"))
        self.qr_button.setObjectName("splitQr")
        self.push_button = QPushButton(QCoreApplication.translate("TillScreen", "Push the rest to the phone"))
        self.push_button.setObjectName("splitPush")
        self.cash_button = QPushButton(QCoreApplication.translate("TillScreen", "More cash"))
        self.cash_button.setObjectName("splitCash")
        # The Sale screen's keys again (sale.QR_KEY, PUSH_KEY, CASH_KEY): the rest is taken the way a sale is.
        give_shortcut(
            self.qr_button, "F9", QCoreApplication.translate("TillScreen", "Show a QR code for what is still to pay")
        )
        self.push_what = QCoreApplication.translate(
            "TillScreen", "Ask the phone typed on the Sale screen for what is still to pay"
        )
        give_shortcut(self.push_button, "F10", self.push_what)
        give_shortcut(
            self.cash_button, "F6", QCoreApplication.translate("TillScreen", "Take more cash for what is still to pay")
        )
        ways = QVBoxLayout()  # one above the other: each says its words whole, in French too
        ways.setSpacing(10)
        for button in (self.qr_button, self.push_button, self.cash_button):
            button.setMinimumHeight(56)
            button.setAutoDefault(False)
            button.setProperty("primary", button is not self.cash_button)
            ways.addWidget(button)
        rest_layout.addWidget(self.paid_so_far)
        rest_layout.addWidget(rest_caption)
        rest_layout.addWidget(self.rest_amount)
        rest_layout.addWidget(self.rest_note)
        rest_layout.addStretch(1)
        rest_layout.addLayout(ways)
        self.pages.addWidget(rest)
        self.rest_page = rest

        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.setSpacing(12)
        self.paid_label = PlainLabel(QCoreApplication.translate("TillScreen", "PAID"))
        self.paid_label.setObjectName("outcomeTitle")
        self.paid_label.setProperty("tone", "success")
        self.paid_label.setStyleSheet("font-size: 40pt; font-weight: bold;")
        self.paid_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sale_total = PlainLabel("")
        self.sale_total.setObjectName("paidTotal")
        self.sale_total.setAlignment(Qt.AlignmentFlag.AlignCenter)
        change_caption = PlainLabel(QCoreApplication.translate("TillScreen", "Change to give back"))
        change_caption.setObjectName("fieldCaption")
        change_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.change_amount = PlainLabel("")
        self.change_amount.setObjectName("paidChange")
        self.change_amount.setStyleSheet("font-size: 54pt; font-weight: bold;")
        self.change_amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.change_amount.setAccessibleName(QCoreApplication.translate("TillScreen", "Change to give back"))
        self.new_sale = QPushButton(QCoreApplication.translate("TillScreen", "New sale"))
        self.new_sale.setObjectName("newSaleButton")
        self.new_sale.setProperty("primary", True)
        self.new_sale.setMinimumHeight(64)
        give_shortcut(self.new_sale, "Ctrl+N")  # as the outcome panel's New sale; Enter too (``take_key``)
        self.new_sale.setToolTip(
            QCoreApplication.translate("TillScreen", "New sale (Enter or {key})").format(key=key_text("Ctrl+N"))
        )
        done_layout.addWidget(self.paid_label)
        done_layout.addWidget(self.sale_total)
        done_layout.addWidget(change_caption)
        done_layout.addWidget(self.change_amount)
        done_layout.addStretch(1)
        done_layout.addWidget(self.new_sale)
        self.pages.addWidget(done)
        self.done_page = done

        self.error = PlainLabel("")
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.back = QPushButton(QCoreApplication.translate("TillScreen", "Back to the sale"))
        self.back.setObjectName("cashBack")
        self.back.setProperty("secondary", True)
        self.back.setAutoDefault(False)
        give_shortcut(
            self.back,
            "Esc",
            QCoreApplication.translate("TillScreen", "Back to the sale before any cash is taken"),
            handled=True,  # ``take_key``: the cash field takes Esc first while it holds an amount
        )
        outer.addWidget(self.error)
        outer.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)

        self.tender.cash_taken.connect(self.cash_taken)
        self.qr_button.clicked.connect(self.rest_by_qr)
        self.push_button.clicked.connect(self.rest_by_push)
        self.cash_button.clicked.connect(self._more_cash)
        self.new_sale.clicked.connect(self.new_sale_requested)
        self.back.clicked.connect(self.new_sale_requested)

    def show_tender(self, due: Money) -> None:
        self.error.setText("")
        self.tender.clear()
        self.tender.set_due(due)
        self.pages.setCurrentWidget(self.tender)
        self.back.setVisible(self.state is None or not self.state.tenders)
        self.tender.setFocus()

    def show_state(self, state: SaleState, *, can_qr: bool, can_push: bool, phone: str, note: str = "") -> None:
        """Where the sale stands: still to pay (with the ways to take it), or paid with its change."""
        self.state = state
        self.error.setText("")
        if state.is_paid:
            self.sale_total.setText(
                QCoreApplication.translate("TillScreen", "Sale of {amount}").format(
                    amount=format_money(state.sale.amount, self.locale_name)
                )
            )
            self.change_amount.setText(format_money(state.change, self.locale_name))
            self.pages.setCurrentWidget(self.done_page)
            self.back.hide()
            self.new_sale.setFocus()
            return
        self.paid_so_far.setText(
            QCoreApplication.translate("TillScreen", "Sale of {amount}: {paid} paid so far.").format(
                amount=format_money(state.sale.amount, self.locale_name),
                paid=format_money(state.paid, self.locale_name),
            )
        )
        self.rest_amount.setText(format_money(state.unpaid, self.locale_name))
        held = state.in_flight
        self.rest_note.setText(
            note
            or (
                QCoreApplication.translate(
                    "TillScreen", "{amount} is waiting for the customer's mobile money: wait for its outcome."
                ).format(amount=format_money(held, self.locale_name))
                if held.minor
                else ""
            )
        )
        open_now = state.open_amount.minor > 0
        self.qr_button.setVisible(can_qr)
        self.push_button.setVisible(can_push)
        self.push_button.setEnabled(open_now and bool(phone))
        self.push_button.setToolTip(
            with_key(
                self.push_what
                if phone
                else QCoreApplication.translate("TillScreen", "Type the customer's phone on the Sale screen"),
                "F10",
            )
        )
        self.qr_button.setEnabled(open_now)
        self.cash_button.setEnabled(open_now)
        self.pages.setCurrentWidget(self.rest_page)
        self.back.hide()

    def _more_cash(self) -> None:
        if self.state is not None:
            self.show_tender(self.state.open_amount)

    def show_error(self, text: str) -> None:
        self.error.setText(inert(text))

    def focus_first(self) -> None:
        page = self.pages.currentWidget()
        (self.new_sale if page is self.done_page else self.tender if page is self.tender else self.qr_button).setFocus()

    def take_key(self, event: QKeyEvent) -> bool:
        """Enter on the paid page starts the next sale; on the tender it takes the cash; Esc goes back to the
        sale while no cash was taken (see ``MainWindow``: the keys no widget took)."""
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if self.back.isVisible() and self.back.isEnabled():
                self.back.click()
                return True
            return False
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        page = self.pages.currentWidget()
        if page is self.done_page:
            self.new_sale_requested.emit()
            return True
        if page is self.tender:
            self.tender.submit()
            return True
        return False


# ---------------------------------------------------------------------------------------------- the Till screen


class TillScreen(QWidget):
    """The signed-in cashier's drawer today, the opening float, the count, Open drawer, the printer.

    Signals:
        float_requested(): enter the opening float.
        count_requested(): count the drawer (a manager).
        open_drawer_requested(str): open the drawer without a sale, for this reason.
        shown(): the screen came into view (its figures are read again).
    """

    float_requested = Signal()
    count_requested = Signal()
    open_drawer_requested = Signal(str)
    shown = Signal()

    def __init__(self, locale: str, printer: PrinterSettingsPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.locale_name = locale
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 16, 28, 16)
        outer.setSpacing(10)
        title = PlainLabel(QCoreApplication.translate("TillScreen", "Till"))
        title.setObjectName("screenTitle")
        outer.addWidget(title)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # rows wrap instead
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(10)
        self.drawer_summary = PlainLabel("")
        self.drawer_summary.setObjectName("drawerSummary")
        self.drawer_summary.setWordWrap(True)
        self.float_button = QPushButton(QCoreApplication.translate("TillScreen", "Opening float"))
        self.float_button.setObjectName("tillFloat")
        self.count_button = QPushButton(QCoreApplication.translate("TillScreen", "Count the drawer"))
        self.count_button.setObjectName("tillCount")
        drawer_row = QHBoxLayout()
        for button in (self.float_button, self.count_button):
            button.setMinimumHeight(48)
            button.setAutoDefault(False)
            drawer_row.addWidget(button)
        self.reason = QLineEdit()
        self.reason.setObjectName("openDrawerReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(
            QCoreApplication.translate("TillScreen", "Why open the drawer without a sale (change, a check)")
        )
        self.reason.setAccessibleName(QCoreApplication.translate("TillScreen", "Why open the drawer"))
        self.reason.setAccessibleDescription(
            QCoreApplication.translate("TillScreen", "Recorded in the journal with who opened it; Enter opens it")
        )
        self.open_button = QPushButton(QCoreApplication.translate("TillScreen", "Open drawer"))
        self.open_button.setObjectName("tillOpenDrawer")
        self.open_button.setMinimumHeight(48)
        self.open_button.setAutoDefault(False)
        give_shortcut(
            self.float_button,
            "Ctrl+Shift+F",
            QCoreApplication.translate("TillScreen", "Enter the cash in the drawer at the start of the shift"),
        )
        give_shortcut(
            self.count_button,
            "Ctrl+Shift+K",
            QCoreApplication.translate("TillScreen", "Count the drawer and see the difference (a manager)"),
        )
        give_shortcut(
            self.open_button,
            "Ctrl+Shift+O",
            QCoreApplication.translate("TillScreen", "Open the drawer without a sale: recorded with who and why"),
        )
        self.drawer_summary.setAccessibleName(QCoreApplication.translate("TillScreen", "The drawer today"))
        open_row = QHBoxLayout()
        open_row.addWidget(self.reason, 1)
        open_row.addWidget(self.open_button)
        self.message = PlainLabel("")
        self.message.setObjectName("tillMessage")
        self.message.setWordWrap(True)
        printer_title = PlainLabel(QCoreApplication.translate("TillScreen", "Receipt printer"))
        printer_title.setObjectName("sectionTitle")
        printer_title.setStyleSheet("font-weight: bold;")
        self.printer = printer
        layout.addWidget(self.drawer_summary)
        layout.addLayout(drawer_row)
        layout.addLayout(open_row)
        layout.addWidget(self.message)
        layout.addSpacing(8)
        layout.addWidget(printer_title)
        layout.addWidget(printer)
        layout.addStretch(1)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)
        self.float_button.clicked.connect(self.float_requested)
        self.count_button.clicked.connect(self.count_requested)
        self.open_button.clicked.connect(self._open)
        self.reason.returnPressed.connect(self._open)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.shown.emit()  # the figures as they are now

    def _open(self) -> None:
        reason = " ".join(self.reason.text().split())
        if not reason:
            self.message.setText(QCoreApplication.translate("TillScreen", "Say why the drawer is opened."))
            self.reason.setFocus()
            return
        self.open_drawer_requested.emit(reason)

    def show_drawer(self, count: DrawerCount | None, cashier: str) -> None:
        """Today's figures of ``cashier``'s drawer."""
        if not cashier:
            self.drawer_summary.setText("")
            return
        if count is None:
            self.drawer_summary.setText(
                QCoreApplication.translate("TillScreen", "No cash in or out of {cashier}'s drawer today yet.").format(
                    cashier=inert(cashier)
                )
            )
            return
        money = lambda amount: format_money(amount, self.locale_name)  # noqa: E731
        text = QCoreApplication.translate(
            "TillScreen",
            "{cashier}'s drawer today: float {float}, cash sales {sales}, refunds {refunds}, paid out {payouts}; "
            "expected {expected}.",
        ).format(
            cashier=inert(cashier),
            float=money(count.opening_float),
            sales=money(count.cash_sales),
            refunds=money(count.cash_refunds),
            payouts=money(count.cash_payouts),
            expected=money(count.expected),
        )
        if count.counted is not None and count.difference is not None:
            text += " " + QCoreApplication.translate(
                "TillScreen", "Counted {counted} (difference {difference})."
            ).format(counted=money(count.counted), difference=money(count.difference))
        self.drawer_summary.setText(text)


# ---------------------------------------------------------------------------------------------- receipts


def sale_receipt(
    state: SaleState, settings: Settings, *, training: bool, locale: str, counter: str = "", reprint: bool = False
) -> Receipt:
    """The receipt of a paid sale with each of its tenders (cash with what was given and the change), taken
    at ``counter`` (the terminal's name); ``reprint`` marks it as a duplicate."""
    rows: list[tuple[str, str]] = []
    for tender in state.tenders:
        tx = tender.transaction
        if not tender.paid:
            continue
        if tender.is_cash:
            rows.append((QCoreApplication.translate("TillScreen", "Cash"), format_money(tx.amount, locale)))
            if tender.given is not None and tender.change is not None and tender.change.minor:
                rows.append((QCoreApplication.translate("TillScreen", "Given"), format_money(tender.given, locale)))
                rows.append((QCoreApplication.translate("TillScreen", "Change"), format_money(tender.change, locale)))
        else:
            rows.append(
                (
                    operator_text(tx.operator) or QCoreApplication.translate("TillScreen", "Mobile money"),
                    format_money(tx.amount, locale),
                )
            )
            rows.append((QCoreApplication.translate("TillScreen", "Reference"), tx.app_ref))
    if state.sale.reason:
        rows.append((QCoreApplication.translate("TillScreen", "For"), inert(state.sale.reason)))
    moment = state.tenders[-1].transaction.updated_at if state.tenders else state.sale.created_at
    if moment is not None:
        from babel.dates import format_datetime

        when = format_datetime(moment.astimezone(), "medium", locale=locale)
        rows.append((QCoreApplication.translate("TillScreen", "Date"), when))
    if counter:
        rows.append((QCoreApplication.translate("TillScreen", "Counter"), inert(counter)))
    rows.append((QCoreApplication.translate("TillScreen", "Cashier"), inert(state.sale.cashier) or "-"))
    first = state.tenders[0].transaction.app_ref if state.tenders else state.sale.sale_ref
    shop = tuple(inert(line) for line in (settings.shop_name, settings.shop_address, settings.shop_phone) if line)
    return Receipt(
        title=QCoreApplication.translate("ReceiptDialog", "PAYMENT RECEIPT"),
        amount=format_money(state.sale.amount, locale),
        status=QCoreApplication.translate("ReceiptDialog", "Paid"),
        shop_lines=shop,
        rows=tuple(rows),
        qr_data=first,  # a tender's reference: History finds it
        qr_caption=QCoreApplication.translate("ReceiptDialog", "Scan to find this transaction"),
        training=QCoreApplication.translate("ReceiptDialog", "TRAINING - NO REAL MONEY") if training else "",
        duplicate=QCoreApplication.translate("ReceiptDialog", "DUPLICATE") if reprint else "",
        footer=QCoreApplication.translate("ReceiptDialog", "Thank you. Keep this receipt."),
        app_ref=first,
    )


# ---------------------------------------------------------------------------------------------- the wiring


class TillController(QObject):
    """Puts the cash page, the Till screen and the print queue in the console; see the module docstring.

    Signals:
        sale_changed(object): a ``SaleState`` from the services, on the GUI thread.
    """

    sale_changed = Signal(object)
    drawer_changed = Signal(object)

    def __init__(
        self,
        window: Any,
        controller: Any,
        services: Any,
        settings: Settings,
        *,
        access: Any = None,
        queue: PrintQueue | None = None,
        print_bridge: PrintQueueBridge | None = None,
        save: Callable[[Settings], Any] = save_settings,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.flow = controller.flow
        self.services = services
        self.settings = settings
        self.access = access
        self._save = save
        self.locale = settings.locale
        self.training = settings.training
        self.print_bridge = print_bridge or PrintQueueBridge(self)
        self.print_log = JournalPrintLog(services.journal.journal)
        self.queue = queue or PrintQueue(self.printer_config, listener=self.print_bridge.listener, log=self.print_log)
        self.sale_ref: str | None = None
        self._phone: MobileNumber | None = None
        self._reason = ""
        self._printed: set[str] = set()
        self._unsubscribe: list[Callable[[], None]] = []
        self._closed = False

        self.cash_page = CashPage(settings.currency, settings.locale)
        self.flow.addWidget(self.cash_page)
        self.printer_panel = PrinterSettingsPanel(self.printer_config())
        self.screen = TillScreen(settings.locale, self.printer_panel)
        window.replace_screen("till", self.screen)

        self.flow.sale.cash_requested.connect(self.start_cash)
        self.cash_page.cash_taken.connect(self.take_cash)
        self.cash_page.rest_by_qr.connect(self.rest_by_qr)
        self.cash_page.rest_by_push.connect(self.rest_by_push)
        self.cash_page.new_sale_requested.connect(self.new_sale)
        self.screen.float_requested.connect(self.ask_float)
        self.screen.count_requested.connect(self.ask_count)
        self.screen.open_drawer_requested.connect(self.open_drawer)
        self.printer_panel.config_saved.connect(self.save_printer)
        self.printer_panel.test_print_requested.connect(self.test_print)
        self.printer_panel.open_drawer_requested.connect(lambda: self.open_drawer(self._drawer_words()))
        self.printer_panel.retry_requested.connect(self.retry_print)
        self.printer_panel.cancel_requested.connect(lambda job_id: self.queue.cancel(job_id, by=self._actor()))
        self.print_bridge.job_changed.connect(self._job_changed)
        self.sale_changed.connect(self._on_sale_changed)
        self.sale_changed.connect(lambda _state: self.refresh_drawer())
        self.screen.shown.connect(self.refresh_drawer)
        self.drawer_changed.connect(lambda _event: self.refresh_drawer())
        # The bus delivers on the loop, which is the GUI thread under qasync; the signals keep the
        # screens behind one adapter as everywhere else (bridge.py).
        self._unsubscribe.append(services.bus.subscribe(SaleChanged, lambda e: self.sale_changed.emit(e.state)))
        self._unsubscribe.append(services.bus.subscribe(DrawerChanged, lambda e: self.drawer_changed.emit(e.event)))
        self._unsubscribe.append(services.bus.subscribe(StatusChanged, self._on_status_changed))
        services.sales.kick_drawer = self.kick_for_cash
        history = getattr(controller, "history", None)
        if history is not None:
            # History's Reprint also goes to the receipt printer (the preview with the system printer and
            # the PDF still opens beside it).
            history.reprint_requested.connect(self.reprint)
            self._unsubscribe.append(lambda: history.reprint_requested.disconnect(self.reprint))
        self.flow.sale.set_cash_enabled(True)
        if access is not None:
            access.user_changed.connect(lambda _user: self.refresh_drawer())
        self.refresh_drawer()
        self.restore_waiting()

    # ------------------------------------------------------------------ settings

    def printer_config(self) -> PrinterConfig:
        return load_config(self.settings.extra)

    def save_printer(self, config: PrinterConfig) -> None:
        if self.access is not None and not self.access.allowed(Permission.CHANGE_SETTINGS):
            self.printer_panel.error.setText(QCoreApplication.translate("TillScreen", "A manager sets up the printer."))
            return
        extra = dict(self.settings.extra)
        extra[SETTINGS_KEY] = config.to_dict()
        self.settings = self.settings.replace(extra=extra)
        try:
            self._save(self.settings)
        except OSError as exc:
            self.printer_panel.error.setText(
                QCoreApplication.translate("TillScreen", "The settings could not be saved: {reason}").format(
                    reason=inert(str(exc))
                )
            )
            return
        self.printer_panel.status.setText(QCoreApplication.translate("TillScreen", "Printer saved."))

    @property
    def counter(self) -> str:
        """This terminal's name, read at each receipt (a manager may rename the counter while it runs)."""
        return counter_name(self.services.journal.journal)

    @property
    def cashier(self) -> str:
        return str(getattr(self.controller, "cashier", "") or "")

    def _actor(self) -> str:
        if self.access is not None:
            return str(self.access.actor)
        return f"cashier:{self.cashier}" if self.cashier else "cashier"

    # ------------------------------------------------------------------ the sale

    def start_cash(self, amount: Money, reason: str, phone: MobileNumber | None) -> None:
        """The Sale screen's Cash: open the sale for ``amount`` and show the cash tender."""
        self._phone, self._reason = phone, reason
        sale = self.flow.sale

        def opened(state: SaleState) -> None:
            self.sale_ref = state.sale.sale_ref
            self.cash_page.state = state
            self.cash_page.show_tender(state.open_amount)
            self.flow.setCurrentWidget(self.cash_page)

        sale.show_error("")
        run_action(
            sale.cash_button,
            lambda: self.services.sales.open_sale(amount, reason, cashier=self.cashier),
            on_success=opened,
            on_error=lambda _exc, text: sale.show_error(text),
        )

    def take_cash(self, given: Money) -> None:
        if self.sale_ref is None:
            return
        sale_ref = self.sale_ref

        def taken(received: CashReceived) -> None:
            self._show_state(received.sale)

        run_action(
            self.cash_page.tender.take,
            lambda: self.services.sales.pay_cash(sale_ref, given, cashier=self.cashier),
            on_success=taken,
            on_error=lambda _exc, text: self.cash_page.show_error(text),
        )

    def _capabilities(self) -> tuple[bool, bool]:
        sale = self.flow.sale
        return bool(sale.can_show_qr), bool(sale.can_push)

    def _show_state(self, state: SaleState, note: str = "") -> None:
        can_qr, can_push = self._capabilities()
        phone = self._phone.e164 if self._phone is not None else ""
        self.cash_page.show_state(state, can_qr=can_qr, can_push=can_push, phone=phone, note=note)
        self.flow.setCurrentWidget(self.cash_page)
        if state.is_paid:
            self.print_sale(state)

    def rest_by_qr(self) -> None:
        if self.sale_ref is None:
            return
        sale_ref = self.sale_ref

        def shown(result: Any) -> None:
            self.controller.remember(result.transaction, result.url)
            self.flow.qr.show_payment(result.transaction, result.url)
            self.flow.setCurrentWidget(self.flow.qr)

        run_action(
            self.cash_page.qr_button,
            lambda: self.services.sales.pay_by_link(sale_ref, cashier=self.cashier),
            on_success=shown,
            on_error=lambda _exc, text: self.cash_page.show_error(text),
        )

    def rest_by_push(self) -> None:
        if self.sale_ref is None or self._phone is None:
            return
        sale_ref, phone = self.sale_ref, self._phone

        def shown(result: Any) -> None:
            tx = result.transaction
            self.controller.remember(tx)
            self.flow.push.show_payment(tx, phone, ussd=result.ussd, message=result.message)
            self.flow.setCurrentWidget(self.flow.push)
            if tx.status is Status.UNKNOWN:
                self.flow.push.update_status(tx)
            elif result.awaiting_otp:
                self.controller.ask_otp(tx.app_ref, tries_left=result.tries_left)

        run_action(
            self.cash_page.push_button,
            lambda: self.services.sales.pay_by_push(sale_ref, phone, cashier=self.cashier),
            on_success=shown,
            on_error=lambda _exc, text: self.cash_page.show_error(text),
        )

    def _on_sale_changed(self, state: SaleState) -> None:
        if state.sale.sale_ref != self.sale_ref:
            if state.is_paid:
                self.print_sale(state)  # a sale left behind (a restart) got paid: its receipt still prints
            return
        if state.is_paid:
            self.print_sale(state)
            return
        failed = [t for t in state.tenders if t.transaction.status in (Status.FAILED, Status.CANCELED, Status.EXPIRED)]
        last = state.tenders[-1] if state.tenders else None
        if last is not None and last in failed and not last.is_cash:
            note = QCoreApplication.translate(
                "TillScreen", "The mobile money part was not paid: {amount} is still to pay."
            ).format(amount=format_money(state.unpaid, self.locale))
            self._show_state(state, note)

    def new_sale(self) -> None:
        self.sale_ref = None
        self._phone = None
        self.cash_page.state = None
        self.controller.new_sale()

    # ------------------------------------------------------------------ the drawer

    def kick_for_cash(self, why: str) -> None:
        """The services took or handed back cash ("cash"), or recorded an opening without a sale ("open"):
        the drawer opens when the printer drives one (for cash, when the settings say so)."""
        config = self.printer_config()
        if config.enabled and (why != "cash" or config.kick_on_cash):
            self.queue.kick_drawer()

    def open_drawer(self, reason: str) -> None:
        """Open the drawer without a sale: recorded with who and why, then the printer kicks it."""
        cashier = self.cashier
        if not cashier:
            return
        by_manager = self.printer_config().open_drawer_by == "manager"
        if by_manager and self.access is not None and not self.access.allowed(Permission.END_OF_DAY_REPORT):
            self.screen.message.setText(
                QCoreApplication.translate("TillScreen", "Only a manager opens the drawer without a sale here.")
            )
            return

        def opened(_event: Any) -> None:
            self.screen.reason.clear()
            self.screen.message.setText(QCoreApplication.translate("TillScreen", "Opening recorded."))
            if not self.printer_config().enabled:  # else the services had the printer kick it
                self.screen.message.setText(
                    QCoreApplication.translate(
                        "TillScreen", "Opening recorded. No printer drives the drawer: use its key."
                    )
                )

        run_action(
            self.screen.open_button,
            lambda: self.services.sales.open_drawer(cashier, reason, by=self._actor()),
            on_success=opened,
            on_error=lambda _exc, text: self.screen.message.setText(text),
        )

    def _drawer_words(self) -> str:
        return QCoreApplication.translate("TillScreen", "printer settings: drawer test")

    def today(self) -> date:
        return datetime.now().date()

    def drawer_count(self, cashier: str) -> DrawerCount | None:
        journal = self.services.journal.journal
        rows = drawer_counts(journal, self.today(), currency=self.settings.currency)
        return next((r for r in rows if r.cashier == cashier), None)

    def refresh_drawer(self) -> None:
        cashier = self.cashier
        self.screen.show_drawer(self.drawer_count(cashier) if cashier else None, cashier)

    def ask_float(self) -> OpeningFloatDialog | None:
        cashier = self.cashier
        if not cashier:
            return None
        dialog = OpeningFloatDialog(cashier, self.settings.currency, self.locale, parent=self.window)

        def submitted(amount: Money) -> None:
            run_action(
                dialog.confirm,
                lambda: self.services.sales.record_float(cashier, amount, by=self._actor()),
                on_success=lambda _event: dialog.accept(),
                on_error=lambda _exc, text: self.screen.message.setText(text),
            )

        dialog.float_submitted.connect(submitted)
        dialog.open()
        return dialog

    def ask_count(self) -> DrawerCountDialog | None:
        cashier = self.cashier
        if not cashier:
            return None
        if self.access is not None and not self.access.allowed(Permission.END_OF_DAY_REPORT):
            self.screen.message.setText(QCoreApplication.translate("TillScreen", "A manager counts the drawer."))
            return None
        zero = Money.zero(self.settings.currency)
        count = self.drawer_count(cashier) or DrawerCount(
            self.today(), cashier, self.settings.currency, zero, zero, zero, zero
        )
        dialog = DrawerCountDialog(count, self.locale, parent=self.window)

        def submitted(pieces: dict[int, int] | None, total: Money, note: str) -> None:
            run_action(
                dialog.confirm,
                lambda: self.services.sales.count_drawer(
                    cashier, by=self._actor(), total=None if pieces else total, pieces=pieces or None, note=note
                ),
                on_success=lambda _event: dialog.accept(),
                on_error=lambda _exc, text: self.screen.message.setText(text),
            )

        dialog.count_submitted.connect(submitted)
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ printing

    def test_print(self, config: PrinterConfig) -> None:
        receipt = sample_receipt(
            config,
            title=QCoreApplication.translate("TillScreen", "TEST PRINT"),
            lines=(
                QCoreApplication.translate("TillScreen", "Paper: {paper}, {columns} characters per line").format(
                    paper=config.paper.value, columns=config.line_width
                ),
                QCoreApplication.translate("TillScreen", "Accents: é è ê à â ç ô î ï ù û ë É È À Ç"),
                format_money(Money(1_500_000, self.settings.currency), self.locale),
            ),
            training=QCoreApplication.translate("ReceiptDialog", "TRAINING - NO REAL MONEY") if self.training else "",
        )
        self.queue_with(config).test_print(receipt, by=self._actor())  # what is typed, saved or not

    def queue_with(self, config: PrinterConfig) -> PrintQueue:
        """A one-off queue for a configuration not saved yet (Test print), reporting to the same panel."""
        queue = PrintQueue(lambda: config, listener=self.print_bridge.listener, retry_after_s=(), log=self.print_log)
        self._test_queues = [*getattr(self, "_test_queues", []), queue][-3:]
        return queue

    def print_sale(self, state: SaleState) -> None:
        config = self.printer_config()
        if not config.enabled or not config.auto_print or state.sale.sale_ref in self._printed:
            return
        self._printed.add(state.sale.sale_ref)
        for tender in state.tenders:
            self._printed.add(tender.transaction.app_ref)
        self.queue.print_receipt(
            sale_receipt(state, self.settings, training=self.training, locale=self.locale, counter=self.counter),
            sale_ref=state.sale.sale_ref,
            by=self._actor(),
        )

    def _on_status_changed(self, event: StatusChanged) -> None:
        """A payment made alone (not a tender) is paid: its receipt, as the system printer's."""
        tx: Transaction = event.transaction
        config = self.printer_config()
        if not config.enabled or not config.auto_print or tx.app_ref in self._printed:
            return
        if not tx.kind.is_payment or tx.kind is Kind.CASH_PAYMENT or tx.status not in _PAID or event.old in _PAID:
            return
        if not receipt_allowed(tx):
            return

        async def alone() -> bool:
            return await self.services.sales.sale_of(tx.app_ref) is None

        def decided(is_alone: bool) -> None:
            if is_alone and tx.app_ref not in self._printed:
                self._printed.add(tx.app_ref)
                facts = receipt_facts(self.services.journal.journal, tx.app_ref)
                content = receipt_content(tx, self.settings, cashier=tx.cashier, training=self.training, **facts)
                self.queue.print_receipt(printer_receipt(content), by=self._actor())

        run_action(None, alone, on_success=decided, on_error=lambda _exc, _text: None)

    def receipt_of(self, app_ref: str, *, reprint: bool) -> tuple[Receipt, str | None] | None:
        """The receipt of ``app_ref`` made from the journal (a tender's is its whole sale's) and its sale;
        ``reprint`` marks it as a duplicate. None when ``app_ref`` has no receipt."""
        journal = self.services.journal.journal
        tx = journal.get(app_ref)
        if tx is None or not receipt_allowed(tx):
            return None
        sale_ref = sales_of(journal, app_ref)
        state = sale_state(journal, sale_ref) if sale_ref is not None else None
        if state is not None and state.is_paid:
            receipt = sale_receipt(state, self.settings, training=self.training, locale=self.locale,
                                   counter=counter_name(journal), reprint=reprint)  # fmt: skip
            return receipt, sale_ref
        facts = receipt_facts(journal, app_ref)
        content = receipt_content(
            tx, self.settings, cashier=tx.cashier, training=self.training, reprint=reprint, **facts
        )
        return printer_receipt(content), sale_ref

    def reprint(self, app_ref: str) -> PrintJob | None:
        """The receipt of ``app_ref`` again on the receipt printer, marked as a duplicate: a tender's is its
        whole sale's. None when no receipt printer is set up or ``app_ref`` has no receipt."""
        if not self.printer_config().enabled:
            return None
        made = self.receipt_of(app_ref, reprint=True)
        if made is None:
            return None
        receipt, sale_ref = made
        job = self.queue.print_receipt(receipt, sale_ref=sale_ref, by=self._actor())
        self.window.statusBar().showMessage(
            QCoreApplication.translate("TillScreen", "Sent to the receipt printer again."), 10_000
        )
        return job

    def retry_print(self, job_id: int) -> PrintJob | None:
        """The cashier's Retry: a receipt from before a restart is made again from the journal first."""
        job = self.queue.job(job_id)
        if job is None:
            return None
        receipt = job.receipt
        if receipt is None:
            made = self.receipt_of(job.app_ref, reprint=job.duplicate)
            if made is None:
                self.printer_panel.error.setText(
                    QCoreApplication.translate("TillScreen", "This receipt cannot be made again from the journal.")
                )
                return None
            receipt = made[0]
        return self.queue.retry(job_id, receipt=receipt, by=self._actor())

    def restore_waiting(self) -> None:
        """List the receipts that never printed before the console stopped; none is sent by itself."""

        def restore(records: list[PrintRecord]) -> None:
            if self._closed or not records:
                return
            for record in records:
                try:
                    problem: Problem | None = Problem(record.problem) if record.problem else None
                except ValueError:
                    problem = None
                self._printed.add(record.app_ref)
                self.queue.restore(
                    record.id,
                    record.app_ref,
                    sale_ref=record.sale_ref,
                    duplicate=record.kind is PrintKind.DUPLICATE,
                    actor=record.actor,
                    may_have_printed=record.may_have_printed,
                    problem=problem,
                )
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "TillScreen", "Receipts from before the console stopped did not print: see Till."
                ),
                30_000,
            )

        run_action(
            None,
            lambda: self.services.journal.call(unfinished_prints),
            on_success=restore,
            on_error=lambda _exc, _text: None,
        )

    def _job_changed(self, job: PrintJob) -> None:
        self.printer_panel.show_job(job)

    def close(self) -> None:
        """Stop listening and printing; the cash page leaves the Sale flow (a new till replaces it). Idempotent."""
        if self._closed:
            return
        self._closed = True
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        if self.services.sales.kick_drawer == self.kick_for_cash:
            self.services.sales.kick_drawer = None
        self.flow.removeWidget(self.cash_page)
        self.cash_page.deleteLater()
        self.queue.close(timeout=2)
        for queue in getattr(self, "_test_queues", []):
            queue.close(timeout=1)


def install_till(console: Any, window: Any) -> TillController | None:
    """The till in a console whose services run (``app.connect_console``); replaces an earlier one."""
    previous = getattr(console, "till", None)
    if previous is not None:
        previous.close()
    if console.controller is None or console.services is None:
        return None
    till = TillController(window, console.controller, console.services, console.settings, access=console.access)
    console.till = till
    return till


async def tour_till(console: Any, window: Any, shot: Callable[..., None], settle: Callable[[], Any]) -> None:
    """The tour's pictures of the till, on a console whose till is installed: the Sale screen with Cash, the
    cash tender, the rest of a split sale, a cash sale paid with its change, the Till screen and the count.

    ``shot(name, widget=None)`` takes a picture (the window when no widget); ``settle()`` lets Qt lay out
    and paint. The sales are the training journal's, as every tour step's.
    """
    from posapp.core.phone import parse_mobile

    till = console.till
    if till is None:
        return
    if not till.cashier:
        till.controller.cashier = "Ama"  # the tour's cashier, whose drawer it shows
    flow = till.flow
    page = till.cash_page
    currency = console.settings.currency

    async def until(condition: Callable[[], bool]) -> None:
        for _ in range(200):
            if condition():
                return
            await settle()
        raise TimeoutError("the till's tour step did not get there")

    till.new_sale()
    for digit in "7500":
        flow.sale.amount_input.press(digit)
    flow.sale.phone_edit.setText("677009900")
    await settle()
    shot("sale_cash")
    till.start_cash(Money(7_500, currency), "", parse_mobile("677009900"))
    await until(lambda: flow.currentWidget() is page)
    page.tender.add_note(Money(5_000, currency))
    await settle()
    shot("cash_tender")
    till.take_cash(Money(5_000, currency))
    await until(lambda: page.pages.currentWidget() is page.rest_page)
    await settle()
    shot("cash_split_rest")
    till.new_sale()
    for digit in "3500":
        flow.sale.amount_input.press(digit)
    till.start_cash(Money(3_500, currency), "", None)
    await until(lambda: flow.currentWidget() is page)
    till.take_cash(Money(5_000, currency))
    await until(lambda: page.pages.currentWidget() is page.done_page)
    await settle()
    shot("cash_paid")
    till.new_sale()
    window.show_screen("till")
    till.refresh_drawer()
    await settle()
    shot("till")
    count = till.ask_count()
    if count is not None:
        count.set_pieces({10_000: 1, 2_000: 1})
        await settle()
        shot("drawer_count", count)
        count.reject()
    opening = till.ask_float()
    if opening is not None:
        opening.amount.set_amount(Money(20_000, currency))
        await settle()
        shot("opening_float", opening)
        opening.reject()
    window.show_screen("sale")
