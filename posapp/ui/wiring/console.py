"""The console's windows put together and connected to its services: the composition root's half that is Qt.

Called by ``posapp.app`` (the console) and ``posapp.ui.tour`` (the pictures) on a ``posapp.console.Console``:
the cashier's screens and their controller, the lock and who is signed in, Settings, the manager's screens
once the services run, the shop link, a provider switch, and the training phone.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from posapp.config import Settings
from posapp.console import Console, secret_filter

# asyncio is imported where used: the lock screen's first paint comes before it is loaded.
if TYPE_CHECKING:
    from posapp.journal.store import Journal

log = logging.getLogger("posapp")


def build_cashier_screens(window: Any, settings: Settings, journal: Journal | None = None) -> Any:
    """Put the cashier's screens in the window and the controller between them and the services."""
    from babel.numbers import get_decimal_symbol

    from posapp.ui.screens.activity import ActivityScreen
    from posapp.ui.wiring.controller import ConsoleController, SaleFlow

    flow = SaleFlow(settings.currency, settings.locale, get_decimal_symbol(settings.locale))
    window.replace_screen("sale", flow)
    activity = ActivityScreen(settings.locale)
    window.replace_screen("activity", activity)
    history = None
    if journal is not None:
        from posapp.ui.screens.history import HistoryScreen

        history = HistoryScreen(journal, settings.locale)
        window.replace_screen("history", history)
    controller = ConsoleController(
        window,
        flow,
        activity,
        history=history,
        locale=settings.locale,
        training=settings.training,
        shop_name=settings.shop_name,
        largest_sale=largest_sale(settings),
    )
    controller.apply_limits()
    controller.message.connect(lambda text: window.statusBar().showMessage(text, 10_000))
    return controller


def largest_sale(settings: Settings) -> Any:
    """The shop's largest sale as ``Money`` (None when the shop sets none)."""
    from posapp.core.money import Money, exponent

    if settings.largest_sale <= 0:
        return None
    return Money(settings.largest_sale * 10 ** exponent(settings.currency), settings.currency)


def install_access(console: Console, window: Any) -> Any:
    """The lock screen at start-up and when idle; who is signed in decides what they may do."""
    from posapp.journal.users import UserStore
    from posapp.ui.wiring.access import AccessController

    assert console.journal is not None
    users = UserStore(console.users_journal or console.journal)
    access = AccessController(
        users,
        approvals=console.journal,  # recorded where the services use them up (the training journal in training)
        host=window.centralWidget(),
        locale=console.settings.locale,
        idle_minutes=console.settings.idle_lock_minutes,
    )
    connect_window_to_access(window, access)
    access.start()
    console.access = access
    if console.controller is not None:
        connect_controller_to_access(console.controller, access)
    return access


def connect_controller_to_access(controller: Any, access: Any) -> None:
    """Who sells is who is signed in; locking closes the OTP dialog (a half-typed code is not left behind)."""
    access.user_changed.connect(lambda user: setattr(controller, "cashier", user.name if user else ""))
    access.locked.connect(controller.close_otp_dialog)
    if access.current_user is not None:  # signed in before the controller was built
        controller.cashier = access.current_user.name


def build_console_screens(console: Console, window: Any) -> Any:
    """The cashier's screens and their controller, right after the lock screen's first paint.

    The lock laid over the window is what a cashier sees first; the screens under it are built in the
    event loop's next turn (about 150 ms), long before a PIN can be typed, and they start disabled under
    the lock like every screen. A sale can start only once ``connect_console`` attaches the services,
    which needs the journal opened before the window showed.
    """
    console.controller = build_cashier_screens(window, console.settings, console.reader)
    if console.access is not None:
        connect_controller_to_access(console.controller, console.access)
        if not console.access.is_locked:
            window.focus_screen()  # the keyboard goes to the Sale screen that replaced its placeholder
    return console.controller


def connect_window_to_access(window: Any, access: Any) -> None:
    """The navigation's Lock and Switch user, who is signed in, and the keyboard back on the screen after sign-in."""
    from posapp.ui.inert_text import inert
    from posapp.ui.screens.lock import role_text

    def user_changed(user: Any) -> None:
        window.set_signed_in(f"{inert(user.name)}\n{role_text(user.role)}" if user is not None else "")

    access.user_changed.connect(user_changed)
    access.unlocked.connect(lambda _user: window.focus_screen())
    window.lock_requested.connect(access.lock)
    window.switch_user_requested.connect(access.switch_user)


def start_shop_link(console: Console, window: Any) -> Any:
    """Replicate the live journal to the shop store, when one is configured (after the first paint:
    psycopg loads only then); the status bar shows the link. Training never reaches the shop's books.
    The counter's name is in the status bar with or without a shop store."""
    from posapp.ui.widgets.shop_status import show_counter_name

    show_counter_name(window, console.reader or console.journal)
    address = console.settings.shop_store
    if not address or console.training or console.journal is None:
        return None
    from posapp.services.events import Event
    from posapp.shop.link import ShopLink
    from posapp.ui.screens.shop_view import shop_view_button
    from posapp.ui.widgets.shop_status import ShopStatusLabel

    try:
        link = ShopLink(address, console.journal.path)
    except Exception as exc:
        log.warning("the shop store is not used: %s", exc)
        return None
    secret_filter.add(link.secrets)
    console.bus.subscribe(Event, lambda _event: link.wake())  # something was journaled: ship it soon
    link.start()
    console.shop = link
    window.statusBar().addPermanentWidget(ShopStatusLabel(link, window))
    current_user = (lambda: console.access.current_user()) if console.access is not None else (lambda: None)

    def refund(row: Any) -> None:  # another counter's sale, from the shop view (once the services run)
        if link.refunds is not None:
            link.refunds.open_refund(row)

    window.statusBar().addPermanentWidget(shop_view_button(link, console.settings.locale, window, current_user, refund))
    return link


async def connect_console(console: Console, window: Any) -> None:
    try:
        await console.connect_provider()
        await console.start_services()
    except Exception as exc:
        log.exception("cannot reach the provider")
        window.show_provider_unreachable(str(exc))
        if console.controller is not None:
            console.controller.provider_unreachable()  # a sale asked for meanwhile is refused, not left waiting
        return
    if console.controller is not None:
        console.controller.attach(console.services)
    if console.access is not None and console.controller is not None:
        from posapp.ui.wiring.manager_screens import install_manager_screens

        if console.manager is not None:
            console.manager.close()
        console.manager = install_manager_screens(
            window, console.controller, console.services, console.access, console.settings
        )
    if console.settings_wiring is not None:
        console.settings_wiring.attach(console.services)
    from posapp.ui.till import install_till

    install_till(console, window)  # cash and split sales, the drawer, the ESC/POS printer
    if console.shop is not None:
        console.services.payouts.refund_guard = console.shop.refund_guard
        if console.access is not None:
            from posapp.core.access import Permission
            from posapp.ui.shop_refunds import ShopRefunds

            access = console.access
            console.shop.refunds = ShopRefunds(
                window, console.services.payouts, console.shop,
                lambda amount, summary: access.require(Permission.PAYOUT, amount, summary=summary),
                console.settings.locale,
            )  # fmt: skip
    window.set_training_phone(None)
    if console.settings.training and console.sandbox is not None and console.http is not None:
        add_training_phone(console, window)


def install_settings(console: Console, window: Any) -> Any:
    """The Settings screen (manager only); a new provider or keys take effect without a restart."""
    import asyncio

    from posapp.ui.widgets.shop_status import show_counter_name
    from posapp.ui.wiring.settings import install_settings_screens

    assert console.journal is not None
    wiring = install_settings_screens(
        window, console.controller, console.services, console.access, console.settings, console.journal
    )
    screen = wiring.settings_screen
    screen.provider_changed.connect(lambda settings: asyncio.ensure_future(switch_provider(console, window, settings)))
    screen.settings_saved.connect(lambda settings: setattr(console, "settings", settings))
    # Every screen is built again in the new language (payments are followed again from the journal).
    screen.language_changed.connect(lambda _language: console.request_restart(console.settings))
    # A new shop store (or its password): the console is built again, so the link starts on the new one.
    screen.shop_store_changed.connect(lambda settings: console.request_restart(settings))
    screen.counter_renamed.connect(lambda _name: show_counter_name(window, console.reader or console.journal))
    window.end_of_day_requested.connect(wiring.open_end_of_day)
    console.settings_wiring = wiring
    return wiring


async def switch_provider(console: Console, window: Any, settings: Settings) -> None:
    """Stop the old provider's services and gateway and connect the new ones, without a restart.

    Between training and live, the console restarts (in the same process) on the other mode's journal.
    Unfinished payments of the old provider stay in the journal and are followed again when that
    provider is active (the tracker follows only its own provider's payments).
    """
    import asyncio

    if console.quit_requested.is_set():
        return  # closing or restarting already (a language change saved with it): the next console connects
    if settings.training != console.training:
        # Training and live keep separate journals: every screen is built again on the other one.
        log.info("switching to %s mode: restarting the console", "training" if settings.training else "live")
        console.request_restart(settings)
        return
    log.info("switching provider to %s", settings.active_provider)
    if console.services is not None:
        await console.services.aclose()
        console.services = None
    if console.http is not None:
        await console.http.aclose()
        console.http = None
    if console.sandbox is not None and console._owns_sandbox and not settings.training:
        await asyncio.to_thread(console.sandbox.stop)
        console.sandbox = None
    console.gateway = None
    console.settings = settings
    window.set_mode(training=settings.training, provider_label=provider_label(settings.active_provider))
    await connect_console(console, window)


def add_training_phone(console: Console, window: Any) -> Any:
    """Put the emulated customer's phone beside the console (training only): ``MainWindow.set_training_phone``."""
    from posapp.ui.screens.training_phone import CustomerPhoneAdapter, MyCoolPayCustomerPhone, TrainingPhonePanel
    from posapp.ui.screens.training_phone_cards import card_customer_phone

    assert console.sandbox is not None and console.http is not None
    adapters: list[CustomerPhoneAdapter] = []
    provider = console.settings.active_provider
    if provider == "mycoolpay":
        adapters.append(MyCoolPayCustomerPhone(console.http, console.sandbox.mycoolpay_base_url))
    else:
        # The card providers' customer pays on the checkout page: the phone offers Pay / Decline on it.
        card = card_customer_phone(provider, console.http, console.sandbox.training_credentials(provider).base_url)
        if card is not None:
            adapters.append(card)
    panel = TrainingPhonePanel(adapters, console.settings.locale)
    if console.services is not None:
        tracker = console.services.tracker
        panel.customer_acted.connect(lambda provider, ref, verb: tracker.request_check(provider_ref=ref))
    window.set_training_phone(panel)
    return panel


def provider_label(provider: str) -> str:
    from posapp.config import PROVIDER_LABELS

    return PROVIDER_LABELS.get(provider, provider)
