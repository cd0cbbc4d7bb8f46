"""The console window: navigation between the screens, the training-mode banner and the status bar."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, qVersion
from PySide6.QtGui import QCloseEvent, QIcon, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDockWidget,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from posapp.ui.inert_text import InertStatusBar, PlainLabel, inert
from posapp.ui.resources import resource_path
from posapp.ui.screens.placeholder import PlaceholderScreen
from posapp.ui.widgets.shortcut import give_shortcut, with_key

# The narrowest the console may be and stay fully usable (navigation + the Sale screen's fields and
# keypad): the training phone takes only what is left beside it, and a page of its own when too little is.
CONSOLE_MIN_WIDTH = 900
PHONE_WIDTHS = (300, 440)  # the phone panel's narrowest and widest, docked
LOCK_KEY = "Ctrl+L"
SWITCH_USER_KEY = "Ctrl+Shift+L"
END_OF_DAY_KEY = "Ctrl+E"
TRAINING_PHONE_KEY = "Ctrl+T"


def application_icon() -> QIcon:
    """posapp's icon, drawn from its SVG source at whatever size the window system asks for."""
    return QIcon(str(resource_path("icons", "posapp.svg")))


@dataclass(frozen=True)
class ScreenInfo:
    key: str
    title: str
    coming: str


def screen_infos() -> list[ScreenInfo]:
    """The screens of the console in navigation order, with their translated titles."""
    return [
        ScreenInfo(
            "sale",
            QCoreApplication.translate("MainWindow", "Sale"),
            QCoreApplication.translate(
                "MainWindow",
                "Type the amount, then show a QR code for the customer to scan or push the payment to their phone.",
            ),
        ),
        ScreenInfo(
            "activity",
            QCoreApplication.translate("MainWindow", "Activity"),
            QCoreApplication.translate(
                "MainWindow", "Every payment in progress with its live status, age and actions."
            ),
        ),
        ScreenInfo(
            "history",
            QCoreApplication.translate("MainWindow", "History"),
            QCoreApplication.translate(
                "MainWindow", "Every past payment, refund and payout: search, filters, details and re-check."
            ),
        ),
        ScreenInfo(
            "till",
            QCoreApplication.translate("MainWindow", "Till"),
            QCoreApplication.translate(
                "MainWindow", "The cash drawer: opening float, count, Open drawer, and the receipt printer."
            ),
        ),
        ScreenInfo(
            "balance",
            QCoreApplication.translate("MainWindow", "Balance"),
            QCoreApplication.translate(
                "MainWindow", "The provider balance and today's takings, refunds, payouts and fees."
            ),
        ),
        ScreenInfo(
            "payouts",
            QCoreApplication.translate("MainWindow", "Payouts"),
            QCoreApplication.translate(
                "MainWindow", "Send money to a mobile-money number or wallet, with manager approval."
            ),
        ),
        ScreenInfo(
            "settings",
            QCoreApplication.translate("MainWindow", "Settings"),
            QCoreApplication.translate(
                "MainWindow", "Provider and keys, language, polling, idle lock, receipts and users."
            ),
        ),
    ]


class _PaintWatcher(QObject):
    """Emits ``painted`` after the watched widget's first paint event has been delivered."""

    painted = Signal()

    def __init__(self, watched: QWidget) -> None:
        super().__init__(watched)
        self._done = False
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            self.painted.emit()
        return False


class MainWindow(QMainWindow):
    """The console's main window.

    The navigation lists the screens (F1...), then actions that open something over them (the
    end-of-day report, the training phone), then who is signed in with Lock and Switch user. A key
    that no widget took (the focus on a navigation button, say) goes to the current screen's
    ``take_key`` when it has one, so digits typed anywhere on the Sale screen reach the amount.

    Signals:
        first_painted: the window has painted once (used by ``--self-test`` and the startup benchmark).
        closing: the window is closing; the composition root shuts the application down.
        lock_requested: Lock was pressed (the same person comes back: their name stays chosen).
        switch_user_requested: Switch user was pressed (shift change: nobody is chosen).
        end_of_day_requested: the End of day entry was pressed.
        training_phone_toggled(bool): show (True) or hide the emulated customer's phone.
    """

    first_painted = Signal()
    closing = Signal()
    lock_requested = Signal()
    switch_user_requested = Signal()
    end_of_day_requested = Signal()
    training_phone_toggled = Signal(bool)

    def __init__(self, *, training: bool, provider_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("posapp")
        self.setWindowIcon(application_icon())
        self.about_box: QMessageBox | None = None
        self.setMinimumSize(1024, 700)
        self.training = training
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        self.training_banner = PlainLabel(
            QCoreApplication.translate(
                "MainWindow", "TRAINING MODE: payments go to the built-in emulator ({provider}). No real money moves."
            ).format(provider=provider_label)
        )
        self.training_banner.setObjectName("trainingBanner")
        self.training_banner.setWordWrap(True)
        self.training_banner.setVisible(training)
        outer.addWidget(self.training_banner)
        # Shown while the journal refuses writes (a full disk): what the cashier must not do meanwhile.
        self.journal_banner = PlainLabel()
        self.journal_banner.setObjectName("journalBanner")
        self.journal_banner.setWordWrap(True)
        self.journal_banner.setVisible(False)
        outer.addWidget(self.journal_banner)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        outer.addLayout(body, 1)

        navigation = QWidget()
        navigation.setObjectName("navigation")
        navigation.setFixedWidth(230)
        nav_layout = QVBoxLayout(navigation)
        nav_layout.setContentsMargins(0, 0, 0, 12)
        nav_layout.setSpacing(2)
        brand = PlainLabel("posapp")
        brand.setObjectName("brand")
        nav_layout.addWidget(brand)
        nav_layout.addSpacing(8)
        body.addWidget(navigation)

        self.stack = QStackedWidget()
        body.addWidget(self.stack, 1)

        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)
        self.nav_buttons: dict[str, QPushButton] = {}
        self.screens: dict[str, QWidget] = {}
        for index, info in enumerate(screen_infos()):
            button = self._nav_button(info.title, f"nav_{info.key}")
            button.setCheckable(True)
            give_shortcut(button, f"F{index + 1}", info.title)
            button.setToolTip(f"{with_key(info.title, f'F{index + 1}')}\n{info.coming}")
            nav_layout.addWidget(button)
            self.nav_group.addButton(button, index)
            self.nav_buttons[info.key] = button
            screen = PlaceholderScreen(info.title, info.coming)
            self.screens[info.key] = screen
            self.stack.addWidget(screen)
        nav_layout.addSpacing(10)
        self.end_of_day_button = self._nav_button(
            QCoreApplication.translate("MainWindow", "End of day"), "nav_end_of_day"
        )
        give_shortcut(
            self.end_of_day_button,
            END_OF_DAY_KEY,
            QCoreApplication.translate("MainWindow", "The end-of-day report (a manager's)"),
        )
        self.end_of_day_button.clicked.connect(self.end_of_day_requested)
        nav_layout.addWidget(self.end_of_day_button)
        self.training_phone_button = self._nav_button(
            QCoreApplication.translate("MainWindow", "Customer phone"), "nav_training_phone"
        )
        self.training_phone_button.setCheckable(True)
        give_shortcut(
            self.training_phone_button,
            TRAINING_PHONE_KEY,
            QCoreApplication.translate("MainWindow", "Show or hide the emulated customer's phone (training)"),
        )
        self.training_phone_button.setVisible(False)  # until a training phone is installed
        nav_layout.addWidget(self.training_phone_button)
        nav_layout.addStretch(1)
        self.signed_in_label = PlainLabel("")
        self.signed_in_label.setObjectName("signedIn")
        self.signed_in_label.setWordWrap(True)
        self.signed_in_label.setVisible(False)
        nav_layout.addWidget(self.signed_in_label)
        self.lock_button = self._nav_button(QCoreApplication.translate("MainWindow", "Lock"), "nav_lock")
        give_shortcut(
            self.lock_button,
            LOCK_KEY,
            QCoreApplication.translate("MainWindow", "Lock the console; type your PIN to come back"),
        )
        self.lock_button.clicked.connect(self.lock_requested)
        self.switch_user_button = self._nav_button(
            QCoreApplication.translate("MainWindow", "Switch user"), "nav_switch_user"
        )
        give_shortcut(
            self.switch_user_button,
            SWITCH_USER_KEY,
            QCoreApplication.translate("MainWindow", "Sign out so that the next cashier signs in (shift change)"),
        )
        self.switch_user_button.clicked.connect(self.switch_user_requested)
        for button in (self.lock_button, self.switch_user_button):
            button.setProperty("navAction", True)
            button.setVisible(False)  # until the access controller is installed: nobody signs in yet
            nav_layout.addWidget(button)
        about = QPushButton(QCoreApplication.translate("MainWindow", "About posapp"))
        about.setObjectName("aboutButton")
        about.setFlat(True)
        about.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        about.setAccessibleName(QCoreApplication.translate("MainWindow", "About posapp"))
        about.clicked.connect(self.show_about)
        give_shortcut(about, "Ctrl+F1")
        nav_layout.addWidget(about)
        self.nav_group.idClicked.connect(self.stack.setCurrentIndex)
        self.nav_group.idClicked.connect(lambda _: self.focus_screen())
        self.nav_buttons["sale"].setChecked(True)

        self.setCentralWidget(central)
        # Its messages are often a provider's words: they cannot reorder or spoof themselves there.
        self.setStatusBar(InertStatusBar())
        status = self.statusBar()
        self.mode_label = PlainLabel(
            QCoreApplication.translate("MainWindow", "Training mode")
            if training
            else QCoreApplication.translate("MainWindow", "Live: {provider}").format(provider=provider_label)
        )
        self.connection_label = PlainLabel(QCoreApplication.translate("MainWindow", "Ready"))
        status.addWidget(self.mode_label)
        status.addPermanentWidget(self.connection_label)

        self._paint_watcher = _PaintWatcher(self)
        self._paint_watcher.painted.connect(self.first_painted)

        self.training_phone: QWidget | None = None
        self.training_dock: QDockWidget | None = None
        self.training_phone_page = QWidget()
        self.training_phone_page.setObjectName("trainingPhonePage")
        page_layout = QVBoxLayout(self.training_phone_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.training_phone_page)
        self.training_phone_wanted = True  # shown unless the trainee hides it; kept across rebuilds
        self._screen_before_phone: QWidget | None = None
        self.training_phone_button.clicked.connect(self._phone_button_clicked)
        self.nav_group.idClicked.connect(lambda _: self._left_phone_page())

    @staticmethod
    def _nav_button(text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("nav", True)
        button.setObjectName(name)
        button.setAccessibleName(text)
        # Reached with Tab, but a click leaves the keyboard where it was (on the Sale screen's amount).
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    # ------------------------------------------------------------------ the training phone

    def set_training_phone(self, panel: QWidget | None) -> None:
        """Show the emulated customer's phone beside the console (training), or take it away (None).

        The phone never covers the console: it is docked at the right, as wide as the console leaves it
        (``PHONE_WIDTHS``), and on a screen too narrow for both it becomes a page of its own behind the
        Customer phone entry. It cannot float (a window without a window manager could not be moved);
        the entry (Ctrl+T) hides and shows it, and it stays hidden or shown when the console is rebuilt.
        """
        if self.training_dock is not None:
            self.removeDockWidget(self.training_dock)
            self.training_dock.deleteLater()
            self.training_dock = None
        if self.training_phone is not None:
            self.training_phone.hide()
            self.training_phone.deleteLater()
        self.training_phone = panel
        self.training_phone_button.setVisible(panel is not None)
        if panel is None:
            self._left_phone_page()
            return
        dock = QDockWidget(QCoreApplication.translate("MainWindow", "Customer phone (training)"), self)
        dock.setObjectName("trainingPhoneDock")
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        dock.setAllowedAreas(Qt.DockWidgetArea.RightDockWidgetArea)
        # No title bar: the phone has its own header, and the navigation's entry hides and shows it.
        dock.setTitleBarWidget(QWidget())
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.training_dock = dock
        self.place_training_phone()

    @property
    def training_phone_docked(self) -> bool:
        return (
            self.training_dock is not None
            and self.training_phone is not None
            and (self.training_phone.parentWidget() is self.training_dock)
        )

    def show_training_phone(self, shown: bool) -> None:
        """Show or hide the training phone (the Ctrl+T entry); remembered until changed."""
        self.training_phone_wanted = shown
        self.place_training_phone()
        if shown and not self.training_phone_docked and self.training_phone is not None:
            if self.stack.currentWidget() is not self.training_phone_page:
                self._screen_before_phone = self.stack.currentWidget()
            self.stack.setCurrentWidget(self.training_phone_page)
            self._uncheck_navigation()
        elif not shown and self.stack.currentWidget() is self.training_phone_page:
            self._left_phone_page(back=True)
        self.training_phone_button.setChecked(
            shown and (self.training_phone_docked or self.stack.currentWidget() is self.training_phone_page)
        )
        self.training_phone_toggled.emit(shown)

    def place_training_phone(self) -> None:
        """Dock the phone beside the console when both fit the window, else keep it on its own page."""
        panel, dock = self.training_phone, self.training_dock
        if panel is None or dock is None:
            return
        room = self.width() - CONSOLE_MIN_WIDTH
        narrowest, widest = PHONE_WIDTHS
        if room >= narrowest:
            if panel.parentWidget() is not dock:
                dock.setWidget(panel)
                panel.show()  # a widget given a new parent is hidden until shown
            width = min(room, widest)
            panel.setMinimumWidth(narrowest)
            dock.setMaximumWidth(width)
            dock.setVisible(self.training_phone_wanted)
            # After the window's layout has taken the new size, or the dock keeps its narrowest.
            QTimer.singleShot(0, lambda: self._size_dock(width))
            if self.stack.currentWidget() is self.training_phone_page:
                self._left_phone_page(back=True)
        else:
            dock.hide()
            if panel.parentWidget() is not self.training_phone_page:
                dock.setWidget(QWidget())  # the dock lets go of the panel
                layout = self.training_phone_page.layout()
                assert layout is not None
                layout.addWidget(panel)
                panel.show()
        self.training_phone_button.blockSignals(True)
        self.training_phone_button.setChecked(
            self.training_phone_wanted
            and (self.training_phone_docked or self.stack.currentWidget() is self.training_phone_page)
        )
        self.training_phone_button.blockSignals(False)

    def _size_dock(self, width: int) -> None:
        dock = self.training_dock
        if dock is not None and dock.isVisible():
            self.resizeDocks([dock], [width], Qt.Orientation.Horizontal)

    def _phone_button_clicked(self, checked: bool) -> None:
        if self.training_phone_docked:
            self.show_training_phone(checked)
        else:
            on_page = self.stack.currentWidget() is self.training_phone_page
            self.show_training_phone(not on_page)

    def _uncheck_navigation(self) -> None:
        self.nav_group.setExclusive(False)
        for button in self.nav_buttons.values():
            button.setChecked(False)
        self.nav_group.setExclusive(True)

    def _left_phone_page(self, *, back: bool = False) -> None:
        """The navigation went elsewhere (or the phone page is closed): the entry is unchecked."""
        if self.stack.currentWidget() is self.training_phone_page and back:
            previous = self._screen_before_phone
            target = previous if previous is not None and self.stack.indexOf(previous) >= 0 else self.screens["sale"]
            self.stack.setCurrentWidget(target)
            key = next((k for k, w in self.screens.items() if w is target), "sale")
            self.nav_buttons[key].setChecked(True)
            self.focus_screen()
        if not self.training_phone_docked:
            self.training_phone_button.setChecked(False)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.place_training_phone()

    # ------------------------------------------------------------------ who is signed in

    def set_signed_in(self, text: str) -> None:
        """Who is signed in, shown above Lock and Switch user (empty: nobody, which hides both)."""
        self.signed_in_label.setText(text)
        self.signed_in_label.setAccessibleName(text)
        for widget in (self.signed_in_label, self.lock_button, self.switch_user_button):
            widget.setVisible(bool(text))

    def focus_screen(self) -> None:
        """Give the keyboard to the current screen's first field (the amount on the Sale screen)."""
        screen = self.stack.currentWidget()
        focus_first = getattr(screen, "focus_first", None)
        if callable(focus_first):
            focus_first()
        elif screen is not None:
            screen.setFocus(Qt.FocusReason.OtherFocusReason)
            screen.focusNextChild()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        take_key = getattr(self.stack.currentWidget(), "take_key", None)
        if callable(take_key) and take_key(event):
            return
        super().keyPressEvent(event)

    def show_journal_problem(self, text: str) -> None:
        """Show ``text`` in the journal banner above every screen; an empty text hides it."""
        self.journal_banner.setText(text)
        self.journal_banner.setVisible(bool(text))
        self.journal_banner.setAccessibleName(text)

    def show_screen(self, key: str) -> None:
        self.nav_buttons[key].click()

    def current_screen(self) -> str:
        if self.stack.currentWidget() is self.training_phone_page:
            return "training_phone"
        return next(k for k, w in self.screens.items() if w is self.stack.currentWidget())

    def replace_screen(self, key: str, widget: QWidget) -> None:
        """Put a real screen in place of the placeholder for ``key``."""
        old = self.screens[key]
        was_current = self.stack.currentWidget() is old
        index = self.stack.indexOf(old)
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(old)
        if was_current:
            self.stack.setCurrentWidget(widget)
        old.deleteLater()
        self.screens[key] = widget

    def show_about(self) -> QMessageBox:
        """The version, the build's revision and the dependencies' versions, selectable for a support call."""
        from posapp.about import version_text

        if self.about_box is None:
            version, _, details = version_text().partition("\n")
            box = QMessageBox(self)
            box.setWindowTitle(QCoreApplication.translate("MainWindow", "About posapp"))
            box.setIconPixmap(self.windowIcon().pixmap(64, 64))
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(version)
            box.setInformativeText(f"{details}\n  Qt {qVersion()} (running)")
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.setStandardButtons(QMessageBox.StandardButton.Close)
            close = box.button(QMessageBox.StandardButton.Close)
            if close is not None:
                close.setToolTip(with_key(close.text().replace("&", ""), "Esc"))
            self.about_box = box
        self.about_box.open()
        return self.about_box

    def set_connection_text(self, text: str) -> None:
        self.connection_label.setText(text)

    def show_provider_unreachable(self, reason: str) -> None:
        """The provider could not be reached at start or after a change (``reason``: the error's words)."""
        self.set_connection_text(
            QCoreApplication.translate("MainWindow", "Provider not reachable: {reason}").format(reason=inert(reason))
        )

    def set_mode(self, *, training: bool, provider_label: str) -> None:
        """Training (the banner on) or live with ``provider_label``, in the status bar."""
        self.training = training
        self.training_banner.setVisible(training)
        self.mode_label.setText(
            QCoreApplication.translate("MainWindow", "Training mode")
            if training
            else QCoreApplication.translate("MainWindow", "Live: {provider}").format(provider=provider_label)
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.closing.emit()
        super().closeEvent(event)
