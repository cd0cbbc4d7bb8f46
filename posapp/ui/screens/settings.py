"""The Settings screen: provider and keys, language, currency, polling, idle lock, receipts and users.

A manager's screen. A cashier sees a locked panel with "Unlock as manager", which asks a manager's PIN
(``AccessController.require(Permission.CHANGE_SETTINGS)``, the approval used up at once); the panel
locks again when the screen is left or the person at the till changes.

Saving checks every field first (the screen's own checks, then ``config.validate``) and shows each
problem under its field; on any problem nothing is written: not the settings file, not the keyring.
A provider's secret credentials are typed in password fields, go straight to the OS keyring
(``config.store_provider_secret``) and are never shown again, logged or kept in the settings file; a
computer without a secure key store (``config.secure_keyring``) cannot use a live provider, and
training mode keeps working. Users are added, re-PINned and disabled at once (not on Save): each is
an audited change in the journal.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import logging
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.config import (
    DEFAULT_POLL_SCHEDULE,
    PRODUCTION_URLS,
    PROVIDER_LABELS,
    PROVIDERS,
    ConfigError,
    KeyringUnavailable,
    PollStep,
    Settings,
    provider_secret,
    save_settings,
    secure_keyring,
    settings_path,
    store_provider_secret,
    validate,
)
from posapp.core.access import Permission, Role, WeakPin
from posapp.core.money import currency_label
from posapp.journal.users import LastManager, User, UserError, UserExists, UserStore
from posapp.shop.identity import TerminalNameError, clean_terminal_name, name_terminal, terminal_identity
from posapp.shop.link import save_store_password, store_password
from posapp.shop.store import StoreError, check_address
from posapp.ui.actions import run_action
from posapp.ui.inert_text import PlainLabel, inert, plain_message_box
from posapp.ui.screens.lock import pin_problem_text, role_text
from posapp.ui.screens.receipts import ReceiptLayout, layout_of, layout_text
from posapp.ui.shop_messages import describe_store_error
from posapp.ui.widgets.shortcut import give_shortcut

if TYPE_CHECKING:
    from posapp.ui.wiring.access import AccessController  # only named here: the wiring uses the screens

log = logging.getLogger(__name__)

TRAINING = ""  # the provider combo's value for training mode
MAX_SHOP_TEXT = 80

POLL_PRESETS: dict[str, tuple[PollStep, ...]] = {
    "standard": DEFAULT_POLL_SCHEDULE,
    "quick": (PollStep(10, 1), PollStep(60, 2), PollStep(300, 4), PollStep(math.inf, 10)),
    "saver": (PollStep(30, 3), PollStep(120, 5), PollStep(600, 15), PollStep(math.inf, 30)),
}
# Which setting each error key belongs to, by tab (to show the tab with the first problem).
_TAB_OF = {
    "provider": 0, "training_provider": 0, "public_key": 0, "base_url": 0, "keyring": 0,
    "private_key": 0, "api_key": 0, "client_secret": 0, "webhook_secret": 0,
    "shop_name": 1, "shop_address": 1, "shop_phone": 1, "receipt_layout": 1, "receipt_printer": 1, "auto_print": 1,
    "counter_name": 1, "shop_store": 1, "shop_store_password": 1,
    "language": 2, "currency": 2, "country": 2, "largest_sale": 2,
    "poll_schedule": 3, "idle_lock_minutes": 3, "payment_expiry_s": 3, "max_concurrent_reads": 3,
}  # fmt: skip
_SECRET_FIELDS = ("private_key", "api_key", "client_secret", "webhook_secret")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def preset_texts() -> dict[str, str]:
    return {
        "standard": QCoreApplication.translate("SettingsScreen", "Standard"),
        "quick": QCoreApplication.translate("SettingsScreen", "Quick (busy counter, good connection)"),
        "saver": QCoreApplication.translate("SettingsScreen", "Data saver (slow or costly connection)"),
        "custom": QCoreApplication.translate("SettingsScreen", "Custom"),
    }


def credential_text(provider: str, field: str) -> str:
    """How a credential is named on the screen."""
    if field == "client_id":
        return QCoreApplication.translate("SettingsScreen", "Client ID")
    if field == "public_key":
        return QCoreApplication.translate("SettingsScreen", "Public key")
    return {
        "private_key": QCoreApplication.translate("SettingsScreen", "Private key"),
        "api_key": QCoreApplication.translate("SettingsScreen", "API key"),
        "client_secret": QCoreApplication.translate("SettingsScreen", "Client secret"),
        "webhook_secret": QCoreApplication.translate("SettingsScreen", "Webhook secret (optional)"),
    }[field]


def provider_fields(provider: str) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    """The provider's non-secret identifier (kept as ``Settings.public_key``), secret fields, optional ones."""
    if not provider:
        return None, (), ()
    from posapp.gateways.registry import provider_info

    info = provider_info(provider)
    identifier = next((f for f in info.credential_fields if f not in info.secret_fields), None)
    return identifier, info.secret_fields, info.optional_fields


def no_key_store_text() -> str:
    return QCoreApplication.translate(
        "SettingsScreen",
        "This computer has no secure key store; a live provider's keys cannot be kept safely here. Set up the "
        "system's key store (Windows Credential Manager, macOS Keychain, GNOME Keyring or KWallet) and open "
        "posapp again. Training mode keeps working.",
    )


def user_error_text(exc: Exception) -> str:
    if isinstance(exc, WeakPin):
        return pin_problem_text(exc.problem)
    if isinstance(exc, UserExists):
        return QCoreApplication.translate("SettingsScreen", "There is already a user with this name.")
    if isinstance(exc, LastManager):
        return QCoreApplication.translate(
            "SettingsScreen", "This is the only manager: add another manager before disabling them."
        )
    return str(exc)


def base_url_problem(url: str) -> str:
    """Why ``url`` cannot be a provider's address ("" when it can): https, or http on this computer only."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return QCoreApplication.translate("SettingsScreen", "Type a full address such as https://api.example.com.")
    if parts.scheme == "http":
        host = parts.hostname
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = host == "localhost"
        if not loopback:
            return QCoreApplication.translate(
                "SettingsScreen", "Keys would travel unencrypted: use an https:// address."
            )
    return ""


def _seconds(value: float) -> str:
    return "∞" if math.isinf(value) else f"{value:g}"


class SettingsScreen(QWidget):
    """Edits ``Settings`` and the users, for a manager (see the module docstring).

    Signals:
        settings_saved(Settings): the file was written with these settings.
        provider_changed(Settings): the provider, its identifier, base URL or secret keys changed: the
            composition root rebuilds the gateway and services (no restart).
        language_changed(str): the UI language to install now (``en`` or ``fr``).
        end_of_day_requested(): show the end-of-day report.
    """

    settings_saved = Signal(object)
    provider_changed = Signal(object)
    language_changed = Signal(str)
    shop_store_changed = Signal(object)  # the shop store's address or password changed: the console restarts
    counter_renamed = Signal(str)  # this counter's new name (the status bar shows it)
    end_of_day_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        *,
        access: AccessController | None = None,
        users: UserStore | None = None,
        path: Path | None = None,
        keyring_status: Callable[[], tuple[bool, str]] = secure_keyring,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.settings = settings
        self.access = access
        self.users = users
        self.path = path or settings_path()
        self._keyring_status = keyring_status
        self._approved_by: str | None = None  # "manager:kofi" while a manager's approval keeps it open
        self.errors: dict[str, PlainLabel] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 14)
        outer.setSpacing(10)
        title_row = QHBoxLayout()
        title = PlainLabel(QCoreApplication.translate("MainWindow", "Settings"))
        title.setObjectName("screenTitle")
        title_row.addWidget(title)
        title_row.addStretch(1)
        self.eod_button = QPushButton(QCoreApplication.translate("SettingsScreen", "End-of-day report"))
        self.eod_button.setObjectName("endOfDayButton")
        self.eod_button.setProperty("secondary", True)
        # The navigation's End of day entry holds the key; this button does the same.
        give_shortcut(self.eod_button, "Ctrl+E", handled=True)
        self.eod_button.clicked.connect(self.end_of_day_requested)
        title_row.addWidget(self.eod_button)
        outer.addLayout(title_row)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_locked_page())
        self.pages.addWidget(self._build_form_page())
        outer.addWidget(self.pages, 1)

        self.load(settings)
        if access is not None:
            access.user_changed.connect(self._user_changed)
        self.refresh_lock()

    # ------------------------------------------------------------------ building

    def _build_locked_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        card = QFrame()
        card.setObjectName("settingsLocked")
        card.setMaximumWidth(640)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(14)
        heading = PlainLabel(QCoreApplication.translate("SettingsScreen", "Settings are for managers"))
        heading.setObjectName("settingsLockedTitle")
        heading.setWordWrap(True)
        text = PlainLabel(
            QCoreApplication.translate(
                "SettingsScreen",
                "The provider's keys, the language, the idle lock, receipts and users can only be changed by a "
                "manager. A manager can open them here with their PIN.",
            )
        )
        text.setObjectName("screenText")
        text.setWordWrap(True)
        self.unlock_button = QPushButton(QCoreApplication.translate("SettingsScreen", "Unlock as manager"))
        self.unlock_button.setObjectName("unlockSettings")
        self.unlock_button.setProperty("primary", True)
        give_shortcut(
            self.unlock_button, "Ctrl+M", QCoreApplication.translate("SettingsScreen", "A manager types their PIN")
        )
        self.unlock_button.clicked.connect(lambda: run_action(self.unlock_button, self.unlock_as_manager))
        self.lock_message = PlainLabel()
        self.lock_message.setObjectName("fieldError")
        self.lock_message.setWordWrap(True)
        self.lock_message.hide()
        inner.addWidget(heading)
        inner.addWidget(text)
        inner.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.lock_message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _build_form_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.tabs = QTabWidget()
        self.tabs.tabBar().setAccessibleName(QCoreApplication.translate("SettingsScreen", "Settings sections"))
        self.tabs.tabBar().setAccessibleDescription(
            QCoreApplication.translate(
                "SettingsScreen", "Ctrl+Page Down and Ctrl+Page Up go from one section to the next"
            )
        )
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(
            self._scrolled(self._build_provider_tab()), QCoreApplication.translate("SettingsScreen", "Provider")
        )
        self.tabs.addTab(
            self._scrolled(self._build_receipt_tab()), QCoreApplication.translate("SettingsScreen", "Shop and receipts")
        )
        self.tabs.addTab(
            self._scrolled(self._build_language_tab()), QCoreApplication.translate("SettingsScreen", "Language")
        )
        self.tabs.addTab(
            self._scrolled(self._build_polling_tab()), QCoreApplication.translate("SettingsScreen", "Polling and lock")
        )
        users_tab = self._scrolled(self._build_users_tab())
        self.tabs.addTab(users_tab, QCoreApplication.translate("SettingsScreen", "Users"))
        layout.addWidget(self.tabs, 1)

        bar = QHBoxLayout()
        self.result_label = PlainLabel()
        self.result_label.setObjectName("settingsResult")
        self.result_label.setWordWrap(True)
        self.result_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.discard_button = QPushButton(QCoreApplication.translate("SettingsScreen", "Discard changes"))
        self.discard_button.setObjectName("discardSettings")
        self.discard_button.setProperty("secondary", True)
        give_shortcut(
            self.discard_button, "Ctrl+Z", QCoreApplication.translate("SettingsScreen", "Show the saved settings again")
        )
        self.discard_button.clicked.connect(self.discard)
        self.save_button = QPushButton(QCoreApplication.translate("SettingsScreen", "Save"))
        self.save_button.setObjectName("saveSettings")
        self.save_button.setProperty("primary", True)
        give_shortcut(
            self.save_button, "Ctrl+S", QCoreApplication.translate("SettingsScreen", "Check and save the settings")
        )
        self.save_button.clicked.connect(self.save)
        bar.addWidget(self.result_label, 1)
        bar.addWidget(self.discard_button)
        bar.addWidget(self.save_button)
        layout.addLayout(bar)
        return page

    @staticmethod
    def _scrolled(content: QWidget) -> QScrollArea:
        content.setObjectName("settingsPage")
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        return scroll

    def _form(self, page: QWidget) -> QGridLayout:
        grid = QGridLayout(page)
        grid.setContentsMargins(18, 16, 18, 16)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, 200)
        return grid

    def _error_label(self, key: str) -> PlainLabel:
        label = PlainLabel()
        label.setObjectName("fieldError")
        label.setWordWrap(True)
        label.setProperty("errorFor", key)
        label.hide()
        self.errors[key] = label
        return label

    def _row(self, grid: QGridLayout, key: str, caption: str, widget: QWidget, hint: str = "") -> PlainLabel:
        """caption | widget, then the field's error (and a hint) under the widget."""
        if isinstance(widget, QComboBox):
            # a long choice must not make the page wider than a 1024-pixel screen
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(12)
        row = grid.rowCount()
        label = PlainLabel(caption)
        label.setObjectName("settingsCaption")
        label.setBuddy(widget)
        label.setWordWrap(True)
        if not widget.accessibleName():
            widget.setAccessibleName(caption)
        if not widget.accessibleDescription():
            widget.setAccessibleDescription(hint or caption)
        grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(widget, row, 1)
        grid.addWidget(self._error_label(key), row + 1, 1)
        if hint:
            note = PlainLabel(hint)
            note.setObjectName("settingsHint")
            note.setWordWrap(True)
            grid.addWidget(note, row + 2, 1)
            widget.setProperty("hintLabel", note)
        widget.setProperty("captionLabel", label)
        return label

    def _section(self, grid: QGridLayout, text: str) -> None:
        label = PlainLabel(text)
        label.setObjectName("settingsSection")
        grid.addWidget(label, grid.rowCount(), 0, 1, 2)

    def _build_provider_tab(self) -> QWidget:
        page = QWidget()
        grid = self._form(page)
        self.keyring_label = PlainLabel()
        self.keyring_label.setObjectName("keyringStatus")
        self.keyring_label.setWordWrap(True)
        grid.addWidget(self.keyring_label, 0, 0, 1, 2)
        grid.setRowMinimumHeight(1, 8)
        self.provider_combo = QComboBox()
        self.provider_combo.setObjectName("providerCombo")
        self.provider_combo.addItem(
            QCoreApplication.translate("SettingsScreen", "Training mode (built-in emulator, no real money)"), TRAINING
        )
        for name in PROVIDERS:
            self.provider_combo.addItem(PROVIDER_LABELS[name], name)
        self._row(grid, "provider", QCoreApplication.translate("SettingsScreen", "Provider"), self.provider_combo)
        self.training_combo = QComboBox()
        self.training_combo.setObjectName("trainingProviderCombo")
        for name in PROVIDERS:
            self.training_combo.addItem(PROVIDER_LABELS[name], name)
        self._row(
            grid,
            "training_provider",
            QCoreApplication.translate("SettingsScreen", "Emulator to train on"),
            self.training_combo,
        )
        self.identifier_edit = QLineEdit()
        self.identifier_edit.setObjectName("identifierEdit")
        self._row(grid, "public_key", QCoreApplication.translate("SettingsScreen", "Public key"), self.identifier_edit)
        self.secret_edits: dict[str, QLineEdit] = {}
        for field in _SECRET_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"secret_{field}")
            edit.setEchoMode(QLineEdit.EchoMode.Password)  # never readable on screen or in a screenshot
            edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
            self.secret_edits[field] = edit
            self._row(grid, field, credential_text("", field), edit)
        self.base_url_edit = QLineEdit()
        self.base_url_edit.setObjectName("baseUrlEdit")
        self._row(
            grid,
            "base_url",
            QCoreApplication.translate("SettingsScreen", "Address (optional)"),
            self.base_url_edit,
            QCoreApplication.translate("SettingsScreen", "Leave empty to use the provider's own address."),
        )
        grid.setRowStretch(grid.rowCount(), 1)
        self.provider_combo.currentIndexChanged.connect(lambda _: self._provider_shown())
        return page

    def _build_receipt_tab(self) -> QWidget:
        page = QWidget()
        grid = self._form(page)
        self._section(grid, QCoreApplication.translate("SettingsScreen", "Receipt header"))
        self.shop_name_edit = QLineEdit()
        self.shop_name_edit.setObjectName("shopNameEdit")
        self.shop_address_edit = QLineEdit()
        self.shop_address_edit.setObjectName("shopAddressEdit")
        self.shop_phone_edit = QLineEdit()
        self.shop_phone_edit.setObjectName("shopPhoneEdit")
        self._row(grid, "shop_name", QCoreApplication.translate("SettingsScreen", "Shop name"), self.shop_name_edit)
        self._row(grid, "shop_address", QCoreApplication.translate("SettingsScreen", "Address"), self.shop_address_edit)
        self._row(grid, "shop_phone", QCoreApplication.translate("SettingsScreen", "Phone"), self.shop_phone_edit)
        self._build_shop_store_rows(grid)
        self._section(grid, QCoreApplication.translate("SettingsScreen", "Printing"))
        self.layout_combo = QComboBox()
        self.layout_combo.setObjectName("receiptLayoutCombo")
        for choice in ReceiptLayout:
            self.layout_combo.addItem(layout_text(choice), choice.value)
        self._row(
            grid, "receipt_layout", QCoreApplication.translate("SettingsScreen", "Receipt paper"), self.layout_combo
        )
        self.printer_combo = QComboBox()
        self.printer_combo.setObjectName("receiptPrinterCombo")
        self.printer_combo.addItem(QCoreApplication.translate("SettingsScreen", "The computer's default printer"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer_combo.addItem(name, name)
        self._row(grid, "receipt_printer", QCoreApplication.translate("SettingsScreen", "Printer"), self.printer_combo)
        self.auto_print_check = QCheckBox(
            QCoreApplication.translate("SettingsScreen", "After each paid sale or refund")
        )
        self.auto_print_check.setObjectName("autoPrintCheck")
        self._row(
            grid,
            "auto_print",
            QCoreApplication.translate("SettingsScreen", "Print automatically"),
            self.auto_print_check,
            QCoreApplication.translate(
                "SettingsScreen", "The receipt goes to the printer above without asking. Reprints are in History."
            ),
        )
        grid.setRowStretch(grid.rowCount(), 1)
        return page

    def _build_shop_store_rows(self, grid: QGridLayout) -> None:
        """This counter's name and the shop store several counters share (posapp.shop)."""
        self._section(grid, QCoreApplication.translate("SettingsScreen", "Several counters"))
        self.counter_name_edit = QLineEdit()
        self.counter_name_edit.setObjectName("counterNameEdit")
        self._row(
            grid,
            "counter_name",
            QCoreApplication.translate("SettingsScreen", "This counter's name"),
            self.counter_name_edit,
            QCoreApplication.translate("SettingsScreen", "Shown in the status bar and in the shop's reports."),
        )
        self.shop_store_edit = QLineEdit()
        self.shop_store_edit.setObjectName("shopStoreEdit")
        self.shop_store_edit.setPlaceholderText("postgresql://posapp_terminal@server/shop")
        self._row(
            grid,
            "shop_store",
            QCoreApplication.translate("SettingsScreen", "Shop store"),
            self.shop_store_edit,
            QCoreApplication.translate(
                "SettingsScreen",
                "The PostgreSQL database the counters share (set up with 'posapp shop init'). Add "
                "?sslmode=verify-full for a store outside the shop. Empty: this counter works alone.",
            ),
        )
        self.shop_store_password_edit = QLineEdit()
        self.shop_store_password_edit.setObjectName("shopStorePasswordEdit")
        self.shop_store_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._row(
            grid,
            "shop_store_password",
            QCoreApplication.translate("SettingsScreen", "Shop store password"),
            self.shop_store_password_edit,
            QCoreApplication.translate("SettingsScreen", "Kept in the computer's key store, never shown again."),
        )

    def _build_language_tab(self) -> QWidget:
        page = QWidget()
        grid = self._form(page)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.addItem(QCoreApplication.translate("SettingsScreen", "As the computer (system)"), "")
        self.language_combo.addItem("English", "en")
        self.language_combo.addItem("Français", "fr")
        self._row(
            grid,
            "language",
            QCoreApplication.translate("SettingsScreen", "Language"),
            self.language_combo,
            QCoreApplication.translate("SettingsScreen", "Screens opened after saving use the new language."),
        )
        self.currency_label = PlainLabel()
        self.currency_label.setObjectName("currencyValue")
        self._row(
            grid,
            "currency",
            QCoreApplication.translate("SettingsScreen", "Currency"),
            self.currency_label,
            QCoreApplication.translate(
                "SettingsScreen",
                "Fixed by the provider account: every payment, refund and report of this till is in this currency.",
            ),
        )
        self.largest_sale_spin = QSpinBox()
        self.largest_sale_spin.setObjectName("largestSaleSpin")
        self.largest_sale_spin.setRange(0, 999_999_999)
        self.largest_sale_spin.setGroupSeparatorShown(True)
        self.largest_sale_spin.setSpecialValueText(QCoreApplication.translate("SettingsScreen", "No shop limit"))
        self._row(
            grid,
            "largest_sale",
            QCoreApplication.translate("SettingsScreen", "Largest sale"),
            self.largest_sale_spin,
            QCoreApplication.translate(
                "SettingsScreen",
                "A sale above this is refused as it is typed, before the customer is asked to pay. 0: no shop limit.",
            ),
        )
        grid.setRowStretch(grid.rowCount(), 1)
        return page

    def _build_polling_tab(self) -> QWidget:
        page = QWidget()
        grid = self._form(page)
        self._section(grid, QCoreApplication.translate("SettingsScreen", "Following payments"))
        self.preset_combo = QComboBox()
        self.preset_combo.setObjectName("pollPresetCombo")
        for key, text in preset_texts().items():
            self.preset_combo.addItem(text, key)
        self._row(
            grid,
            "poll_preset",
            QCoreApplication.translate("SettingsScreen", "Status checks"),
            self.preset_combo,
            QCoreApplication.translate(
                "SettingsScreen",
                "How often the provider is asked about a payment, by its age. Faster feels quicker to the "
                "customer; slower uses less data.",
            ),
        )
        self.poll_table = QTableWidget(0, 2)
        self.poll_table.setObjectName("pollTable")
        self.poll_table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SettingsScreen", "Payment age up to (s)"),
                QCoreApplication.translate("SettingsScreen", "Check every (s)"),
            ]
        )
        self.poll_table.verticalHeader().setVisible(False)
        self.poll_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.poll_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.poll_table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.poll_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._row(grid, "poll_schedule", QCoreApplication.translate("SettingsScreen", "Schedule"), self.poll_table)
        self._section(grid, QCoreApplication.translate("SettingsScreen", "Idle lock"))
        self.idle_spin = QSpinBox()
        self.idle_spin.setObjectName("idleSpin")
        self.idle_spin.setRange(0, 240)
        self.idle_spin.setSuffix(QCoreApplication.translate("SettingsScreen", " min"))
        self.idle_spin.setSpecialValueText(QCoreApplication.translate("SettingsScreen", "Off"))
        self._row(
            grid,
            "idle_lock_minutes",
            QCoreApplication.translate("SettingsScreen", "Lock after"),
            self.idle_spin,
            QCoreApplication.translate(
                "SettingsScreen", "The console locks when nobody touches it for this long. 0 turns it off."
            ),
        )
        grid.setRowStretch(grid.rowCount(), 1)
        self.preset_combo.currentIndexChanged.connect(self._preset_chosen)
        self.poll_table.itemChanged.connect(lambda _: self._match_preset())
        return page

    def _build_users_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(10)
        note = PlainLabel(
            QCoreApplication.translate(
                "SettingsScreen", "Changes to users take effect at once (no need to save) and are recorded."
            )
        )
        note.setObjectName("settingsHint")
        note.setWordWrap(True)
        layout.addWidget(note)
        columns = QHBoxLayout()
        columns.setSpacing(18)
        self.users_table = QTableWidget(0, 3)
        self.users_table.setObjectName("usersTable")
        self.users_table.setAccessibleName(QCoreApplication.translate("SettingsScreen", "Users"))
        self.users_table.setAccessibleDescription(
            QCoreApplication.translate(
                "SettingsScreen", "Who may sign in, their role and state; select one to change it"
            )
        )
        self.users_table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SettingsScreen", "Name"),
                QCoreApplication.translate("SettingsScreen", "Role"),
                QCoreApplication.translate("SettingsScreen", "State"),
            ]
        )
        self.users_table.verticalHeader().setVisible(False)
        self.users_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.users_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.users_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.users_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.users_table.setMinimumWidth(300)
        self.users_table.itemSelectionChanged.connect(self._user_selected)
        columns.addWidget(self.users_table, 1)

        side = QVBoxLayout()
        side.setSpacing(6)
        add_title = PlainLabel(QCoreApplication.translate("SettingsScreen", "Add a user"))
        add_title.setObjectName("settingsSection")
        side.addWidget(add_title)
        form = QGridLayout()
        form.setHorizontalSpacing(10)
        self.new_user_name = QLineEdit()
        self.new_user_name.setObjectName("newUserName")
        self.new_user_name.setPlaceholderText(QCoreApplication.translate("SettingsScreen", "Name"))
        self.new_user_name.setAccessibleName(QCoreApplication.translate("SettingsScreen", "Name"))
        self.new_user_name.setAccessibleDescription(QCoreApplication.translate("SettingsScreen", "The new user's name"))
        self.new_user_role = QComboBox()
        self.new_user_role.setObjectName("newUserRole")
        self.new_user_role.setAccessibleName(QCoreApplication.translate("SettingsScreen", "Role"))
        self.new_user_role.setToolTip(
            QCoreApplication.translate(
                "SettingsScreen", "A cashier sells; a manager also refunds, pays out and sets up"
            )
        )
        self.new_user_role.addItem(role_text(Role.CASHIER), Role.CASHIER.value)
        self.new_user_role.addItem(role_text(Role.MANAGER), Role.MANAGER.value)
        self.new_user_pin = self._pin_edit("newUserPin", QCoreApplication.translate("SettingsScreen", "PIN"))
        self.new_user_pin_again = self._pin_edit(
            "newUserPinAgain", QCoreApplication.translate("SettingsScreen", "PIN again")
        )
        form.addWidget(self.new_user_name, 0, 0)
        form.addWidget(self.new_user_role, 0, 1)
        form.addWidget(self.new_user_pin, 1, 0)
        form.addWidget(self.new_user_pin_again, 1, 1)
        side.addLayout(form)
        self.add_user_button = QPushButton(QCoreApplication.translate("SettingsScreen", "Add user"))
        self.add_user_button.setObjectName("addUser")
        self.add_user_button.setProperty("rowAction", True)
        give_shortcut(
            self.add_user_button, "Ctrl+Shift+N", QCoreApplication.translate("SettingsScreen", "Add this user")
        )
        self.add_user_button.clicked.connect(self.add_user)
        side.addWidget(self.add_user_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addWidget(self._error_label("add_user"))

        self.selected_title = PlainLabel()
        self.selected_title.setObjectName("settingsSection")
        side.addSpacing(8)
        side.addWidget(self.selected_title)
        pins = QHBoxLayout()
        self.change_pin = self._pin_edit("changePin", QCoreApplication.translate("SettingsScreen", "New PIN"))
        self.change_pin_again = self._pin_edit(
            "changePinAgain", QCoreApplication.translate("SettingsScreen", "New PIN again")
        )
        pins.addWidget(self.change_pin)
        pins.addWidget(self.change_pin_again)
        side.addLayout(pins)
        actions = QHBoxLayout()
        self.change_pin_button = QPushButton(QCoreApplication.translate("SettingsScreen", "Change PIN"))
        self.change_pin_button.setObjectName("changePinButton")
        self.disable_button = QPushButton()
        self.disable_button.setObjectName("disableUser")
        self.unlock_user_button = QPushButton(QCoreApplication.translate("SettingsScreen", "Clear the lock"))
        self.unlock_user_button.setObjectName("unlockUser")
        self.unlock_user_button.setToolTip(
            QCoreApplication.translate("SettingsScreen", "Let a user locked out after wrong PINs try again now")
        )
        self.recovery_button = QPushButton(QCoreApplication.translate("SettingsScreen", "New recovery codes"))
        self.recovery_button.setObjectName("newRecoveryCodes")
        self.recovery_button.setToolTip(
            QCoreApplication.translate(
                "SettingsScreen", "A manager's codes for a forgotten or locked PIN; the old unused ones stop working"
            )
        )
        for button, key, what in (
            (
                self.change_pin_button,
                "Ctrl+Shift+P",
                QCoreApplication.translate("SettingsScreen", "Give the user this PIN"),
            ),
            (
                self.disable_button,
                "Ctrl+Shift+D",
                QCoreApplication.translate("SettingsScreen", "A disabled user cannot sign in; they are kept"),
            ),
            (self.unlock_user_button, "Ctrl+Shift+U", self.unlock_user_button.toolTip()),
            (self.recovery_button, "Ctrl+Shift+K", self.recovery_button.toolTip()),
        ):
            button.setProperty("rowAction", True)
            give_shortcut(button, key, what)
        actions.addWidget(self.change_pin_button)
        actions.addWidget(self.disable_button)
        actions.addStretch(1)
        side.addLayout(actions)
        more = QHBoxLayout()
        more.addWidget(self.unlock_user_button)
        more.addWidget(self.recovery_button)
        more.addStretch(1)
        side.addLayout(more)
        self.recovery_box: QMessageBox | None = None
        side.addWidget(self._error_label("selected_user"))
        self.users_message = PlainLabel()
        self.users_message.setObjectName("settingsOk")
        self.users_message.setWordWrap(True)
        side.addWidget(self.users_message)
        side.addStretch(1)
        self.change_pin_button.clicked.connect(self.change_selected_pin)
        self.disable_button.clicked.connect(self.toggle_selected_disabled)
        self.unlock_user_button.clicked.connect(self.clear_selected_lock)
        self.recovery_button.clicked.connect(self.new_recovery_codes)
        columns.addLayout(side, 1)
        layout.addLayout(columns, 1)
        return page

    @staticmethod
    def _pin_edit(name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setProperty("pinEdit", True)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMaxLength(8)
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(placeholder)
        edit.setAccessibleDescription(QCoreApplication.translate("SettingsScreen", "4 to 8 digits"))
        edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        return edit

    # ------------------------------------------------------------------ lock

    @property
    def unlocked(self) -> bool:
        if self._approved_by is not None:
            return True
        return self.access is None or self.access.allowed(Permission.CHANGE_SETTINGS)

    def refresh_lock(self) -> None:
        self.pages.setCurrentIndex(1 if self.unlocked else 0)
        if self.unlocked:
            self.refresh_users()

    def _user_changed(self, _user: object) -> None:
        self._approved_by = None
        self.clear_secrets()
        self.lock_message.hide()
        self.refresh_lock()

    async def unlock_as_manager(self) -> bool:
        """A manager's PIN opens the settings for this visit (the approval is used up at once)."""
        if self.access is None:
            return True
        approval = await self.access.require(
            Permission.CHANGE_SETTINGS, summary=QCoreApplication.translate("SettingsScreen", "Open the settings")
        )
        if approval is None:
            self.lock_message.setText(
                QCoreApplication.translate("SettingsScreen", "No manager approved: still locked.")
            )
            self.lock_message.show()
            return False
        self.access.use(approval, used_for="settings screen")
        self._approved_by = f"manager:{approval.manager}"
        self.lock_message.hide()
        log.info("settings opened by %s for %s", self._approved_by, self.access.actor)
        self.refresh_lock()
        return True

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        # Leaving the screen closes what a manager's approval opened, and forgets any key being typed.
        if self._approved_by is not None:
            self._approved_by = None
            self.refresh_lock()
        self.clear_secrets()
        super().hideEvent(event)

    def _acting_manager(self) -> str:
        if self._approved_by is not None:
            return self._approved_by
        user = self.access.current_user if self.access is not None else None
        return user.actor if user is not None else "manager"

    # ------------------------------------------------------------------ values

    def load(self, settings: Settings) -> None:
        """Show ``settings`` in the fields (errors cleared, secret fields empty)."""
        self.settings = settings
        self._select(self.provider_combo, settings.provider)
        self._select(self.training_combo, settings.training_provider)
        self.identifier_edit.setText(settings.public_key)
        self.base_url_edit.setText(settings.base_url)
        self.clear_secrets()
        self.shop_name_edit.setText(settings.shop_name)
        self.shop_address_edit.setText(settings.shop_address)
        self.shop_phone_edit.setText(settings.shop_phone)
        self.shop_store_edit.setText(settings.shop_store)
        self._load_counter_name()
        self._select(self.layout_combo, layout_of(settings).value)
        self._select(self.printer_combo, str(settings.extra.get("receipt_printer", "")))
        self.auto_print_check.setChecked(settings.auto_print)
        self._select(self.language_combo, settings.language)
        self.currency_label.setText(f"{settings.currency} ({currency_label(settings.currency, settings.locale)})")
        self.largest_sale_spin.setSuffix(" " + currency_label(settings.currency, settings.locale))
        self.largest_sale_spin.setValue(max(0, min(999_999_999, settings.largest_sale)))
        self.idle_spin.setValue(max(0, min(240, settings.idle_lock_minutes)))
        self.set_poll_schedule(settings.poll_schedule)
        self.show_errors({})
        self._provider_shown()

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def clear_secrets(self) -> None:
        for edit in self.secret_edits.values():
            edit.clear()
        self.shop_store_password_edit.clear()
        stored = bool(self.settings.shop_store) and store_password() is not None
        self.shop_store_password_edit.setPlaceholderText(
            QCoreApplication.translate("SettingsScreen", "Stored: type a new one to replace it") if stored else ""
        )

    def _load_counter_name(self) -> None:
        identity = terminal_identity(self.users.journal) if self.users is not None else None
        self.counter_name_edit.setText(identity.name if identity is not None and identity.named else "")
        self.counter_name_edit.setPlaceholderText(identity.name if identity is not None else "")
        self.counter_name_edit.setEnabled(identity is not None)

    def discard(self) -> None:
        self.load(self.settings)
        self.result_label.setText(QCoreApplication.translate("SettingsScreen", "Changes discarded."))

    def _provider_shown(self) -> None:
        """Show the fields the chosen provider needs, and whether its secrets are already stored."""
        provider = self.provider_combo.currentData() or ""
        identifier, secrets, optional = provider_fields(provider)
        secure, _reason = self._keyring_status()
        self.keyring_label.setProperty("warn", not secure)
        if secure:
            self.keyring_label.setText(
                QCoreApplication.translate(
                    "SettingsScreen", "Secret keys are kept in this computer's secure key store."
                )
            )
        else:
            self.keyring_label.setText(no_key_store_text())
        self.keyring_label.style().polish(self.keyring_label)
        self._set_row_visible(self.training_combo, provider == TRAINING)
        self._set_row_visible(self.identifier_edit, identifier is not None)
        if identifier is not None:
            caption = self.identifier_edit.property("captionLabel")
            caption.setText(credential_text(provider, identifier))
            if provider != self.settings.provider and self.identifier_edit.text() == self.settings.public_key:
                self.identifier_edit.clear()  # another provider's identifier is no use to this one
            elif provider == self.settings.provider and not self.identifier_edit.text():
                self.identifier_edit.setText(self.settings.public_key)
        for field, edit in self.secret_edits.items():
            shown = field in secrets
            self._set_row_visible(edit, shown)
            edit.setEnabled(secure)
            if shown:
                stored = secure and self._stored(provider, field)
                if stored:
                    edit.setPlaceholderText(QCoreApplication.translate("SettingsScreen", "Stored. Type to replace it."))
                elif field in optional:
                    edit.setPlaceholderText(QCoreApplication.translate("SettingsScreen", "Not set"))
                else:
                    edit.setPlaceholderText(QCoreApplication.translate("SettingsScreen", "Required"))
        self._set_row_visible(self.base_url_edit, provider != TRAINING)
        production = PRODUCTION_URLS.get(provider, "")
        self.base_url_edit.setPlaceholderText(
            production or QCoreApplication.translate("SettingsScreen", "Required: your organization's address")
        )

    @staticmethod
    def _stored(provider: str, field: str) -> bool:
        return provider_secret(provider, field) is not None

    def _set_row_visible(self, widget: QWidget, visible: bool) -> None:
        widget.setVisible(visible)
        for name in ("captionLabel", "hintLabel"):
            other = widget.property(name)
            if isinstance(other, QWidget):
                other.setVisible(visible)
        key = next((k for k, w in self._field_widgets().items() if w is widget), None)
        if key is not None and not visible:
            self.errors[key].hide()

    def _field_widgets(self) -> dict[str, QWidget]:
        return {
            "training_provider": self.training_combo,
            "public_key": self.identifier_edit,
            "base_url": self.base_url_edit,
            **self.secret_edits,
        }

    def set_poll_schedule(self, steps: tuple[PollStep, ...]) -> None:
        self.poll_table.blockSignals(True)
        self.poll_table.setRowCount(len(steps))
        for row, step in enumerate(steps):
            for column, value in enumerate((step.until_s, step.every_s)):
                item = QTableWidgetItem(_seconds(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == 0 and row == len(steps) - 1 and math.isinf(value):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    item.setText(QCoreApplication.translate("SettingsScreen", "later (any age)"))
                self.poll_table.setItem(row, column, item)
        self.poll_table.blockSignals(False)
        header = self.poll_table.horizontalHeader().height()
        rows = sum(self.poll_table.rowHeight(r) for r in range(len(steps)))
        self.poll_table.setFixedHeight(header + rows + 6)
        self._match_preset()

    def poll_schedule(self) -> tuple[PollStep, ...] | None:
        """The table as a schedule, or None when a cell is not a number."""
        steps = []
        for row in range(self.poll_table.rowCount()):
            until_item, every_item = self.poll_table.item(row, 0), self.poll_table.item(row, 1)
            if until_item is None or every_item is None:
                return None
            try:
                editable = bool(until_item.flags() & Qt.ItemFlag.ItemIsEditable)
                until = float(until_item.text().replace(",", ".")) if editable else math.inf
                every = float(every_item.text().replace(",", "."))
            except (AttributeError, ValueError):
                return None
            steps.append(PollStep(until, every))
        return tuple(steps)

    def _preset_chosen(self, _index: int) -> None:
        key = self.preset_combo.currentData()
        if key in POLL_PRESETS:
            self.set_poll_schedule(POLL_PRESETS[key])

    def _match_preset(self) -> None:
        steps = self.poll_schedule()
        key = next((k for k, v in POLL_PRESETS.items() if v == steps), "custom")
        self.preset_combo.blockSignals(True)
        self._select(self.preset_combo, key)
        self.preset_combo.blockSignals(False)

    # ------------------------------------------------------------------ saving

    def collect(self) -> tuple[Settings | None, dict[str, str]]:
        """The settings the fields describe, or the problems found (key -> sentence); nothing is written."""
        errors: dict[str, str] = {}
        provider = self.provider_combo.currentData() or ""
        identifier, secrets, optional = provider_fields(provider)
        secure, _ = self._keyring_status()
        public_key = self.identifier_edit.text().strip() if identifier else self.settings.public_key
        base_url = self.base_url_edit.text().strip() if provider else self.settings.base_url
        if provider:
            if not secure:
                errors["provider"] = QCoreApplication.translate(
                    "SettingsScreen", "This computer has no secure key store: use training mode until one is set up."
                )
            if identifier and not public_key:
                errors["public_key"] = QCoreApplication.translate(
                    "SettingsScreen", "{field} is needed for {provider}."
                ).format(field=credential_text(provider, identifier), provider=PROVIDER_LABELS[provider])
            for field in secrets:
                missing = secure and field not in optional and not self.secret_edits[field].text()
                if missing and not self._stored(provider, field):
                    errors[field] = QCoreApplication.translate(
                        "SettingsScreen", "{field} is needed for {provider}."
                    ).format(field=credential_text(provider, field), provider=PROVIDER_LABELS[provider])
            if base_url:
                if problem := base_url_problem(base_url):
                    errors["base_url"] = problem
            elif not PRODUCTION_URLS.get(provider):
                errors["base_url"] = QCoreApplication.translate(
                    "SettingsScreen", "{provider} needs your organization's address."
                ).format(provider=PROVIDER_LABELS[provider])
        for key, edit in (
            ("shop_name", self.shop_name_edit),
            ("shop_address", self.shop_address_edit),
            ("shop_phone", self.shop_phone_edit),
        ):
            text = edit.text().strip()
            if len(text) > MAX_SHOP_TEXT:
                errors[key] = QCoreApplication.translate("SettingsScreen", "At most {count} characters.").format(
                    count=MAX_SHOP_TEXT
                )
            elif _CONTROL.search(text):
                errors[key] = QCoreApplication.translate("SettingsScreen", "Letters, digits and punctuation only.")
        shop_store = self.shop_store_edit.text().strip()
        if shop_store:
            try:
                check_address(shop_store)
            except StoreError as exc:
                errors["shop_store"] = describe_store_error(exc)
            else:
                if not self.shop_store_password_edit.text() and store_password() is None:
                    errors["shop_store_password"] = QCoreApplication.translate(
                        "SettingsScreen", "The shop store's password is needed."
                    )
        if self.counter_name_edit.text().strip():
            try:
                clean_terminal_name(self.counter_name_edit.text())
            except TerminalNameError as exc:
                errors["counter_name"] = describe_store_error(exc)
        steps = self.poll_schedule()
        if steps is None:
            errors["poll_schedule"] = QCoreApplication.translate(
                "SettingsScreen", "Every cell needs a number of seconds."
            )
        extra = dict(self.settings.extra)
        extra["receipt_layout"] = self.layout_combo.currentData()
        printer = self.printer_combo.currentData() or ""
        if printer:
            extra["receipt_printer"] = printer
        else:
            extra.pop("receipt_printer", None)
        candidate = dataclasses.replace(
            self.settings,
            provider=provider,
            training_provider=self.training_combo.currentData(),
            public_key=public_key,
            base_url=base_url,
            language=self.language_combo.currentData() or "",
            poll_schedule=steps if steps is not None else self.settings.poll_schedule,
            idle_lock_minutes=self.idle_spin.value(),
            largest_sale=self.largest_sale_spin.value(),
            shop_name=self.shop_name_edit.text().strip(),
            shop_address=self.shop_address_edit.text().strip(),
            shop_phone=self.shop_phone_edit.text().strip(),
            shop_store=shop_store,
            auto_print=self.auto_print_check.isChecked(),
            extra=extra,
        )
        try:
            validate(candidate)
        except ConfigError as exc:
            key = next((k for k in _TAB_OF if f"'{k}'" in str(exc) or f"{k} " in str(exc).lower()), "general")
            errors.setdefault(key, self._config_error_text(key, exc))
        return (None if errors else candidate), errors

    @staticmethod
    def _config_error_text(key: str, exc: ConfigError) -> str:
        if key == "poll_schedule":
            return QCoreApplication.translate(
                "SettingsScreen", "Use more than 0 seconds, with ages that grow from one row to the next."
            )
        if key == "idle_lock_minutes":
            return QCoreApplication.translate("SettingsScreen", "Use 0 (off) or more minutes.")
        return str(exc)

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            if key in ("add_user", "selected_user"):
                continue
            text = errors.get(key, "")
            label.setText(inert(text))  # a config error may quote what was typed
            label.setVisible(bool(text))
        general = errors.get("general", "")
        if errors:
            self.result_label.setProperty("error", True)
            self.result_label.setText(
                (general + " " if general else "")
                + QCoreApplication.translate("SettingsScreen", "Nothing was saved: correct the fields marked in red.")
            )
            first = min((_TAB_OF.get(k, 0) for k in errors), default=0)
            self.tabs.setCurrentIndex(first)
        else:
            self.result_label.setProperty("error", False)
            self.result_label.setText("")
        self.result_label.style().polish(self.result_label)

    def save(self) -> bool:
        """Check everything, then write the keys to the keyring and the settings file. False: nothing saved."""
        if not self.unlocked:
            return False
        candidate, errors = self.collect()
        if candidate is None:
            self.show_errors(errors)
            return False
        provider = candidate.provider
        _, secrets, _ = provider_fields(provider)
        typed = {f: self.secret_edits[f].text() for f in secrets if self.secret_edits[f].text()}
        for field, value in typed.items():
            try:
                store_provider_secret(provider, field, value)
            except KeyringUnavailable as exc:
                log.warning("settings: %s", exc)
                self.show_errors({field: no_key_store_text()})
                return False
        store_password_typed = self.shop_store_password_edit.text()
        if store_password_typed:
            try:
                save_store_password(store_password_typed)
            except KeyringUnavailable as exc:
                log.warning("settings: %s", exc)
                self.show_errors({"shop_store_password": no_key_store_text()})
                return False
        try:
            save_settings(candidate, self.path)
        except (ConfigError, OSError) as exc:
            log.warning("cannot save the settings: %s", exc)
            self.show_errors(
                {"general": QCoreApplication.translate("SettingsScreen", "The settings file could not be written.")}
            )
            return False
        old = self.settings
        self.settings = candidate
        self._save_counter_name()
        self.clear_secrets()
        self.show_errors({})
        self._provider_shown()
        self.result_label.setText(QCoreApplication.translate("SettingsScreen", "Saved."))
        log.info("settings saved by %s", self._acting_manager())
        if self.access is not None:
            self.access.set_idle_minutes(candidate.idle_lock_minutes)
        self.settings_saved.emit(candidate)
        provider_keys = ("provider", "training_provider", "public_key", "base_url")
        if typed or any(getattr(old, k) != getattr(candidate, k) for k in provider_keys):
            self.provider_changed.emit(candidate)
        if old.language != candidate.language:
            self.language_changed.emit(candidate.resolved_language())
        if store_password_typed or old.shop_store != candidate.shop_store:
            self.shop_store_changed.emit(candidate)
        return True

    def _save_counter_name(self) -> None:
        name = self.counter_name_edit.text().strip()
        if self.users is None or not name:
            return
        if terminal_identity(self.users.journal).name != " ".join(name.split()):
            self.counter_renamed.emit(name_terminal(self.users.journal, name).name)

    # ------------------------------------------------------------------ users

    def refresh_users(self) -> None:
        if self.users is None:
            return
        selected = self.selected_user()
        users = self.users.list_users(include_disabled=True)
        self.users_table.setRowCount(len(users))
        for row, user in enumerate(users):
            state = (
                QCoreApplication.translate("SettingsScreen", "Disabled")
                if user.disabled
                else QCoreApplication.translate("SettingsScreen", "Active")
            )
            for column, text in enumerate((inert(user.name), role_text(user.role), state)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, user.name)
                self.users_table.setItem(row, column, item)
            if selected is not None and user.name == selected.name:
                self.users_table.selectRow(row)
        self.users_table.resizeColumnsToContents()
        self.users_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._user_selected()

    def selected_user(self) -> User | None:
        if self.users is None:
            return None
        items = self.users_table.selectedItems()
        if not items:
            return None
        return self.users.get(items[0].data(Qt.ItemDataRole.UserRole))

    def select_user(self, name: str) -> None:
        for row in range(self.users_table.rowCount()):
            item = self.users_table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == name:
                self.users_table.selectRow(row)
                return

    def _user_selected(self) -> None:
        user = self.selected_user()
        for widget in (self.change_pin, self.change_pin_again, self.change_pin_button, self.disable_button):
            widget.setEnabled(user is not None)
        self.recovery_button.setVisible(user is not None and user.is_manager)
        self.unlock_user_button.setVisible(
            user is not None and self.users is not None and user.is_locked(self.users.now())
        )
        if user is None:
            self.selected_title.setText(QCoreApplication.translate("SettingsScreen", "Select a user in the list"))
            self.disable_button.setText(QCoreApplication.translate("SettingsScreen", "Disable"))
            return
        self.selected_title.setText(inert(user.name))
        self.disable_button.setText(
            QCoreApplication.translate("SettingsScreen", "Enable")
            if user.disabled
            else QCoreApplication.translate("SettingsScreen", "Disable")
        )

    def _user_feedback(self, key: str, error: str = "", done: str = "") -> None:
        label = self.errors[key]
        label.setText(error)
        label.setVisible(bool(error))
        self.users_message.setText(done)

    @staticmethod
    def _pins_problem(first: QLineEdit, second: QLineEdit) -> str:
        if first.text() != second.text():
            return QCoreApplication.translate("SettingsScreen", "The two PINs are not the same.")
        return ""

    def add_user(self) -> User | None:
        if self.users is None or not self.unlocked:
            return None
        if problem := self._pins_problem(self.new_user_pin, self.new_user_pin_again):
            self._user_feedback("add_user", problem)
            return None
        try:
            user = self.users.add_user(
                self.new_user_name.text(),
                Role(self.new_user_role.currentData()),
                self.new_user_pin.text(),
                by=self._acting_manager(),
            )
        except (UserError, WeakPin) as exc:
            self._user_feedback("add_user", user_error_text(exc))
            return None
        for edit in (self.new_user_name, self.new_user_pin, self.new_user_pin_again):
            edit.clear()
        self.refresh_users()
        self.select_user(user.name)
        self._user_feedback(
            "add_user",
            done=QCoreApplication.translate("SettingsScreen", "{name} can sign in now.").format(name=inert(user.name)),
        )
        return user

    def change_selected_pin(self) -> User | None:
        user = self.selected_user()
        if self.users is None or user is None or not self.unlocked:
            return None
        if problem := self._pins_problem(self.change_pin, self.change_pin_again):
            self._user_feedback("selected_user", problem)
            return None
        try:
            changed = self.users.change_pin(user.name, self.change_pin.text(), by=self._acting_manager())
        except (UserError, WeakPin) as exc:
            self._user_feedback("selected_user", user_error_text(exc))
            return None
        self.change_pin.clear()
        self.change_pin_again.clear()
        self._user_feedback(
            "selected_user",
            done=QCoreApplication.translate("SettingsScreen", "The PIN of {name} was changed.").format(
                name=inert(changed.name)
            ),
        )
        return changed

    def clear_selected_lock(self) -> User | None:
        """A manager vouches for a user locked out after wrong PINs: they may try again now."""
        user = self.selected_user()
        if self.users is None or user is None or not self.unlocked:
            return None
        try:
            changed = self.users.reset_lockout(user.name, by=self._acting_manager())
        except UserError as exc:
            self._user_feedback("selected_user", user_error_text(exc))
            return None
        self.refresh_users()
        self._user_feedback(
            "selected_user",
            done=QCoreApplication.translate("SettingsScreen", "{name} may type their PIN again.").format(
                name=inert(changed.name)
            ),
        )
        return changed

    def new_recovery_codes(self) -> list[str]:
        """Fresh recovery codes for the selected manager, shown once in a box (the old unused ones end)."""
        user = self.selected_user()
        if self.users is None or user is None or not self.unlocked or not user.is_manager:
            return []
        try:
            codes = self.users.new_recovery_codes(user.name, by=self._acting_manager())
        except UserError as exc:
            self._user_feedback("selected_user", user_error_text(exc))
            return []
        box = plain_message_box(
            self,
            QMessageBox.Icon.Information,
            QCoreApplication.translate("SettingsScreen", "Recovery codes of {name}").format(name=inert(user.name)),
            QCoreApplication.translate(
                "SettingsScreen",
                "Write these codes on paper and keep it away from the till: they are shown only now. "
                "Each one unlocks {name} once and sets a new PIN; the earlier codes no longer work.",
            ).format(name=inert(user.name)),
        )
        box.setInformativeText("\n".join(f"{index}.  {code}" for index, code in enumerate(codes, 1)))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.finished.connect(lambda _: box.setInformativeText(""))  # gone from the screen once closed
        self.recovery_box = box
        box.open()
        self._user_feedback(
            "selected_user",
            done=QCoreApplication.translate("SettingsScreen", "New recovery codes for {name}.").format(
                name=inert(user.name)
            ),
        )
        return codes

    def toggle_selected_disabled(self) -> User | None:
        user = self.selected_user()
        if self.users is None or user is None or not self.unlocked:
            return None
        try:
            changed = self.users.set_disabled(user.name, not user.disabled, by=self._acting_manager())
        except UserError as exc:
            self._user_feedback("selected_user", user_error_text(exc))
            return None
        self.refresh_users()
        done = (
            QCoreApplication.translate("SettingsScreen", "{name} can no longer sign in.")
            if changed.disabled
            else QCoreApplication.translate("SettingsScreen", "{name} can sign in again.")
        ).format(name=inert(changed.name))
        self._user_feedback("selected_user", done=done)
        return changed


__all__ = ["POLL_PRESETS", "SettingsScreen", "base_url_problem", "provider_fields"]
