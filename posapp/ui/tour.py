"""``posapp tour DIR``: renders every screen in its main states, in English and French, to PNG files.

The tour drives the real console in training mode (the sandbox on loopback, the real services and
journal on a throw-away ``POSAPP_HOME``): it types amounts, shows QR codes, pushes payments, types right
and wrong codes and lets the emulated customer pay or decline, taking a picture at each step. It runs
offscreen unless a platform is set, so it works on a build machine, and never touches the merchant's
journal or settings.

Then, for each card provider (CoolPay, Paiwise, Commerce Layer), the same console in training mode on that
provider: the sale's QR screen (``{lang}_{provider}_qr.png``) and, once the emulated customer paid and the
card is authorized, the capture flow: Activity with the Capture action and the capture dialog over it
(``{lang}_{provider}_capture.png``). Paiwise captures on payment by default; the tour shows its
reserve-then-capture mode.

The steps report each picture to an observer (``run_tour``): ``render_tour`` saves them as PNG files;
the layout check of the tests (``tests/helpers/layout_check.py``) inspects every widget on show instead,
at the screen sizes and scale factors of real counters.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

TOUR_LANGUAGES = ("en", "fr")
CARD_PROVIDERS = ("coolpay", "paiwise", "commercelayer")
TOUR_SIZE = (1280, 800)
TOUR_TIMEOUT_S = 150.0

# observe(name, widget, picture): a step's picture is ready; ``widget`` is what shows it (the window or a
# dialog, laid out and painted), ``picture`` a composed image when the step made one (None: grab it).
Observer = Callable[[str, Any, Any], None]


def render_tour(out_dir: Path, languages: tuple[str, ...] = TOUR_LANGUAGES) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(name: str, widget: Any, picture: Any) -> None:
        path = out_dir / f"{name}.png"
        (picture if picture is not None else widget.grab()).save(str(path))
        written.append(path)

    code = run_tour(save, languages)
    for path in written:
        print(path)
    return code


def run_tour(
    observe: Observer,
    languages: tuple[str, ...] = TOUR_LANGUAGES,
    size: tuple[int, int] | None = TOUR_SIZE,
    *,
    dark: bool | None = None,
) -> int:
    """Drive the console through every step in each language, telling ``observe`` about each picture.

    ``size``: the window's size (None: the whole available screen, as a counter runs it). ``dark``: the
    colour scheme (None: the system's).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from posapp.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_theme(app, None if dark is None else Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    previous_home = os.environ.get("POSAPP_HOME")
    try:
        for language in languages:
            with tempfile.TemporaryDirectory(prefix="posapp-tour-") as home:
                os.environ["POSAPP_HOME"] = home
                loop = qasync.QEventLoop(app)
                asyncio.set_event_loop(loop)
                task = loop.create_task(_tour_language(app, observe, language, size))
                try:
                    done, _ = loop.run_until_complete(asyncio.wait({task}, timeout=TOUR_TIMEOUT_S))
                    if not done:
                        # Say where it is stuck instead of hanging a build machine forever.
                        print(f"tour: {language} did not finish within {TOUR_TIMEOUT_S:.0f} s", file=sys.stderr)
                        for pending in asyncio.all_tasks(loop):
                            pending.print_stack(file=sys.stderr)
                        return 1
                    task.result()
                finally:
                    asyncio.set_event_loop(None)
                    loop.close()
    finally:
        if previous_home is None:
            os.environ.pop("POSAPP_HOME", None)
        else:
            os.environ["POSAPP_HOME"] = previous_home
        from posapp.ui.i18n import install_translators

        install_translators(app, "en")
    return 0


async def _manager_tour(app: Any, console: Any, window: Any, controller: Any, users: Any, shot: Any) -> None:
    """The manager's side: a wrong PIN, Settings, Payouts, Balance, a refund, a receipt, the end-of-day report."""
    from posapp.core.access import Role
    from posapp.core.transactions import Status
    from posapp.ui.screens.receipts import ReceiptDialog, receipt_facts
    from posapp.ui.screens.refund_dialog import RefundDialog
    from posapp.ui.wiring.access import AccessController
    from posapp.ui.wiring.console import connect_window_to_access
    from posapp.ui.wiring.manager_screens import install_manager_screens
    from posapp.ui.wiring.settings import install_settings_screens

    settings = console.settings
    manager = users.create_first_manager("Kofi", "5831")
    users.add_user("Ama", Role.CASHIER, "2749", by=f"manager:{manager.name}")
    access = AccessController(users, host=window.centralWidget(), locale=settings.locale, idle_minutes=0)
    connect_window_to_access(window, access)  # who is signed in, Lock and Switch user in the navigation
    access.start()
    lock = access.lock_screen
    lock.select_user("Ama")
    lock.entry.field.setText("1379")  # not Ama's PIN
    lock.entry.submit()
    await _settle(app)
    shot("lock_wrong_pin")
    lock.select_user("Kofi")
    lock.show_recovery()
    await _settle(app)
    shot("lock_recovery")
    lock.leave_recovery()
    access._on_unlocked(manager)  # the tour signs the manager in without typing
    await _settle(app)

    install_manager_screens(window, controller, console.services, access, settings)
    wiring = install_settings_screens(window, controller, console.services, access, settings, console.journal)
    from posapp.ui.till import tour_till

    await tour_till(console, window, shot, lambda: _settle(app))  # cash, a split sale, the drawer, the count
    window.show_screen("payouts")
    await _settle(app, 0.3)
    shot("payouts")
    payouts = window.screens["payouts"]
    payouts.recipient_edit.setText("677009900")
    payouts.amount_edit.setText("25000")
    payouts.reason_edit.setText("Fournisseur: pain" if settings.resolved_language() == "fr" else "Supplier: bread")
    payouts.review()
    await _settle(app)
    shot("payout_check")
    payouts.back_button.click()
    window.show_screen("balance")
    await _settle(app, 0.6)
    shot("balance")
    window.show_screen("settings")
    await _settle(app, 0.3)
    shot("settings")
    tabs = window.screens["settings"].tabs
    for index in range(1, tabs.count()):
        tabs.setCurrentIndex(index)
        await _settle(app)
        shot(f"settings_tab{index + 1}")
    tabs.setCurrentIndex(0)
    about = window.show_about()
    await _settle(app)
    shot("about", about)
    about.close()

    journal = console.journal
    paid = next((t for t in journal.history_page().items if t.kind.is_payment and t.status is Status.SUCCEEDED), None)
    if paid is not None:
        refundable = journal.refundable_amount(paid.app_ref)
        refund = RefundDialog(paid, refundable, settings.locale, parent=window)
        refund.open()
        await _settle(app)
        shot("refund_dialog", refund)
        refund.close()
        receipt = ReceiptDialog(
            paid, settings, cashier="Ama", training=True, parent=window, **receipt_facts(journal, paid.app_ref)
        )
        receipt.open()
        await _settle(app)
        shot("receipt", receipt)
        receipt.close()
    await _unknown_outcome_tour(app, console, window, controller, shot)
    report = wiring._show_end_of_day()
    await _settle(app, 0.3)
    shot("end_of_day", report)
    report.close()
    await _biggest_amount_tour(app, console, window, controller, shot)


async def _biggest_amount_tour(app: Any, console: Any, window: Any, controller: Any, shot: Any) -> None:
    """The largest amount the console holds (12 digits), paid: History's amount column shows it whole."""
    from posapp.core.money import MAX_DIGITS, Money
    from posapp.core.transactions import Kind, Status, Transaction

    journal, settings = console.journal, console.settings
    big = Transaction(
        "PAY-TOUR-BIG1", Kind.PUSH_PAYMENT, console.gateway.name, Money(10**MAX_DIGITS - 1, settings.currency),
        customer="+237699009900", operator="CM_OM", reason="Tour", cashier="Kofi",
    )  # fmt: skip
    if journal.get(big.app_ref) is None:
        journal.record_intent(big, "cashier:Kofi")
        journal.append_event(big.app_ref, type="status", status=Status.SUCCEEDED, actor="system", message="")
    history = controller.history
    if history is not None:
        window.show_screen("history")
        history.update_transaction(journal.get(big.app_ref))
        await _until(lambda: history.select(big.app_ref))
        await _settle(app)
        shot("history_big_amount")


async def _unknown_outcome_tour(app: Any, console: Any, window: Any, controller: Any, shot: Any) -> None:
    """A payout whose answer was lost: History offers to settle it, and the settle dialog."""
    from posapp.config import PROVIDER_LABELS
    from posapp.core.money import Money
    from posapp.core.transactions import Kind, Status, Transaction
    from posapp.ui.screens.settle_dialog import SettleDialog

    journal, settings = console.journal, console.settings
    intent = Transaction(
        "PO-TOUR-0001", Kind.PAYOUT, console.gateway.name, Money(7500, settings.currency),
        customer="+237699009900", operator="CM_OM", reason="Rent", cashier="Kofi",
    )  # fmt: skip
    if journal.get(intent.app_ref) is None:
        journal.record_intent(intent, "manager:Kofi")
        journal.append_event(
            intent.app_ref, type="no_answer", status=Status.UNKNOWN, actor="system", message="no answer within 30 s"
        )
    unknown = journal.get(intent.app_ref)
    history = controller.history
    if history is not None:
        window.show_screen("history")
        history.update_transaction(unknown)  # as the services' event would
        await _until(lambda: history.select(intent.app_ref))
        _open_row(history, intent.app_ref)
        await _settle(app)
        shot("history_unknown")
        history.close_detail()
    label = PROVIDER_LABELS.get(console.gateway.name, console.gateway.name)
    dialog = SettleDialog(unknown, settings.locale, provider_label=label, parent=window)
    dialog.open()
    dialog.choose(Status.SUCCEEDED, "")
    await _settle(app)
    shot("settle_dialog", dialog)
    dialog.close()


def _size_window(window: Any, size: tuple[int, int] | None) -> None:
    """The tour's picture size, or the whole available screen (a counter runs the console maximized)."""
    if size is not None:
        window.resize(*size)
        return
    screen = window.screen()
    window.setGeometry(screen.availableGeometry())


def _open_row(history: Any, app_ref: str) -> None:
    """As a tap on the row: on a counter-sized screen the details then take the table's place."""
    history.table.clicked.emit(history.model.index(history.model.row_of(app_ref), 0))


def _type_amount(amount_input: Any, digits: str) -> None:
    """Type an amount as the keypad would (the tour runs in the bundle, which has no QtTest)."""
    for digit in digits:
        amount_input.press(digit)


async def _until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise TimeoutError("the tour waited too long for a screen")
        await asyncio.sleep(0.02)


async def _settle(app: Any, seconds: float = 0.15) -> None:
    await asyncio.sleep(seconds)


async def _tour_language(app: Any, observe: Observer, language: str, size: tuple[int, int] | None) -> None:

    from posapp.config import Settings
    from posapp.console import Console
    from posapp.journal.users import UserStore
    from posapp.ui.i18n import install_translators
    from posapp.ui.main_window import MainWindow
    from posapp.ui.screens.lock import LockScreen
    from posapp.ui.wiring.console import add_training_phone, build_cashier_screens, connect_console

    install_translators(app, language)
    settings = Settings(language=language)
    console = Console(settings)
    console.open_journal()
    window = MainWindow(training=True, provider_label="My-CoolPay")
    _size_window(window, size)
    controller = build_cashier_screens(window, settings, console.reader)
    console.controller = controller
    console.window = window
    flow = controller.flow

    def shot(name: str, widget: Any = None, picture: Any = None) -> None:
        observe(f"{language}_{name}", widget or window, picture)

    try:
        window.show()
        await connect_console(console, window)
        assert console.sandbox is not None and console.journal is not None
        from posapp.shop.identity import name_terminal
        from posapp.ui.widgets.shop_status import show_counter_name

        name_terminal(console.journal, "Accueil" if language == "fr" else "Front counter")  # not the build machine's
        show_counter_name(window, console.journal)
        state = console.sandbox.mycoolpay
        window.show_training_phone(False)  # pictured beside the console below
        await _settle(app)
        shot("sale_empty")

        flow.sale.amount_input.setFocus()
        _type_amount(flow.sale.amount_input, "2500")
        flow.sale.reason_edit.insert("Riz 5 kg" if language == "en" else "Riz 5 kg")
        shot("sale_amount")
        flow.sale.phone_edit.insert("620000000")
        flow.sale.request_push()
        shot("sale_invalid_phone")
        flow.sale.phone_edit.clear()
        flow.sale.amount_input.press(".")  # FCFA has no decimals: the key is refused, and said
        await _settle(app)
        shot("sale_refused_key")

        flow.sale.request_qr()
        await _until(lambda: flow.currentWidget() is flow.qr)
        await _settle(app)
        shot("qr_waiting")
        controller.show_customer_display()
        display = controller.customer_display
        display.resize(900, 700)
        await _settle(app)
        shot("customer_display_waiting", display)
        pending = [t for t in state.snapshot()["transactions"] if t["transaction_status"] != "SUCCESS"]
        state.pay_checkout(pending[-1]["transaction_ref"], "699009900")
        await _until(flow.qr.showing_outcome, timeout=15)
        await _settle(app)
        shot("qr_success")
        shot("customer_display_paid", display)
        display.close()

        controller.new_sale()
        _type_amount(flow.sale.amount_input, "1500")
        flow.sale.phone_edit.insert("699009900")
        flow.sale.request_push()
        await _until(lambda: controller.otp_dialog is not None)
        dialog = controller.otp_dialog
        await _settle(app)
        shot("push_otp_screen")
        shot("otp_asked", dialog)
        code = state.sms_to("699009900")[-1].code
        dialog.code.insert("0000" if code != "0000" else "1111")
        dialog.submit()
        await _until(lambda: bool(dialog.error.text()))
        shot("otp_wrong", dialog)
        dialog.code.insert(code)
        dialog.submit()
        await _until(lambda: controller.otp_dialog is None)
        state.approve(flow.push.transaction.provider_ref)
        await _until(flow.push.showing_outcome, timeout=15)
        shot("push_success")

        controller.new_sale()
        _type_amount(flow.sale.amount_input, "700")
        flow.sale.phone_edit.insert("677009900")
        flow.sale.request_push()
        await _until(lambda: flow.currentWidget() is flow.push)
        await _settle(app)
        shot("push_pending_ussd")
        state.decline(flow.push.transaction.provider_ref)
        await _until(flow.push.showing_outcome, timeout=15)
        shot("push_failure")

        # Two payments left waiting, for Activity and the customer's phone.
        controller.new_sale()
        _type_amount(flow.sale.amount_input, "4000")
        flow.sale.request_qr()
        await _until(lambda: flow.currentWidget() is flow.qr)
        controller.new_sale()
        _type_amount(flow.sale.amount_input, "1200")
        flow.sale.phone_edit.insert("650000000")
        flow.sale.request_push()
        await _until(lambda: flow.currentWidget() is flow.push)
        window.show_screen("activity")
        await _settle(app)
        shot("activity")

        window.show_screen("history")
        await _settle(app)
        shot("history")
        history = controller.history
        if history is not None:
            first = history.model.transaction(0) if history.model.rowCount() else None
            if first is not None:
                history.select(first.app_ref)
                _open_row(history, first.app_ref)
                await _settle(app)
                shot("history_detail")
                history.close_detail()

        phone = getattr(window, "training_phone", None)
        if phone is None:
            phone = add_training_phone(console, window)
        await phone.refresh()
        window.show_screen("sale")
        window.show_training_phone(True)
        await _settle(app, 0.3)
        shot("training_phone")
        window.show_training_phone(False)

        users = UserStore(console.journal)
        lock = LockScreen(users, locale=settings.locale)
        lock.resize(*TOUR_SIZE)
        lock.show()
        await _settle(app)
        shot("lock_first_run", lock)
        lock.close()
        await _manager_tour(app, console, window, controller, users, shot)

        window.show_screen("sale")
        flow.sale.amount_input.clear()

        for provider in CARD_PROVIDERS:
            await _card_provider_tour(app, observe, language, provider, console.sandbox, size)
    finally:
        await console.aclose()
        window.close()
        window.deleteLater()


async def _card_provider_tour(
    app: Any, observe: Observer, language: str, provider: str, sandbox: Any, size: tuple[int, int] | None
) -> None:
    """The QR screen and the capture flow of one card provider, on the tour's running sandbox."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPainter

    from posapp.config import PROVIDER_LABELS, Settings
    from posapp.console import Console
    from posapp.core.transactions import Status
    from posapp.ui.main_window import MainWindow
    from posapp.ui.wiring.console import build_cashier_screens, connect_console

    settings = Settings(language=language, training_provider=provider)
    console = Console(settings, sandbox=sandbox)
    # A journal of its own: the other providers' unfinished payments are not this provider's to follow.
    home = os.environ.get("POSAPP_HOME")
    if home:
        os.environ["POSAPP_HOME"] = str(Path(home) / provider)
    try:
        console.open_journal()
    finally:
        if home:
            os.environ["POSAPP_HOME"] = home
    window = MainWindow(training=True, provider_label=PROVIDER_LABELS.get(provider, provider))
    _size_window(window, size)
    controller = build_cashier_screens(window, settings, console.reader)
    console.controller = controller
    console.window = window
    flow = controller.flow

    def save(name: str, widget: Any, picture: Any = None) -> None:
        observe(f"{language}_{provider}_{name}", widget, picture)

    try:
        window.show()
        await connect_console(console, window)
        services = console.services
        assert services is not None
        if provider == "paiwise":
            console.gateway.auto_capture = False  # type: ignore[union-attr]
        window.show_training_phone(False)
        _type_amount(flow.sale.amount_input, "12500")
        flow.sale.reason_edit.insert("Chaussures" if language == "fr" else "Shoes")
        flow.sale.request_qr()
        await _until(lambda: flow.currentWidget() is flow.qr)
        await _settle(app)
        save("qr", window)

        app_ref = flow.qr.app_ref
        phone = getattr(window, "training_phone", None)
        assert phone is not None
        await phone.refresh()
        link = next(item for item in phone.links() if item.checkout_url == flow.qr.url)
        await phone.adapters[provider].pay_link(link.ref, "")
        services.tracker.request_check(app_ref=app_ref)
        await _until(lambda: controller.activity.row(app_ref) is not None and
                     controller.activity.row(app_ref).transaction.status is Status.AUTHORIZED)  # fmt: skip
        window.show_screen("activity")
        await _settle(app)
        controller.capture_payment(app_ref)
        await _until(lambda: controller.capture_dialog is not None)
        dialog = controller.capture_dialog
        if provider != "paiwise":
            dialog.choose_part("10000")
        await _settle(app)
        picture = window.grab()
        shown = dialog.grab()
        painter = QPainter(picture)
        painter.fillRect(picture.rect(), QColor(0, 0, 0, 90))  # the dialog is modal: the window behind dims
        # Below the Activity card, so its Capture button stays in the picture.
        row = controller.activity.row(app_ref)
        top = row.mapTo(window, QPoint(0, row.height())).y() + 24 if row is not None else 0
        painter.drawPixmap(
            QPoint((picture.width() - shown.width()) // 2, max(top, (picture.height() - shown.height()) // 2)), shown
        )
        painter.end()
        save("capture", dialog, picture)
        controller.close_capture_dialog()
    finally:
        await console.aclose()
        window.close()
        window.deleteLater()
