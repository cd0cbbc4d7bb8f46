"""The amount being typed: digits from the keypad or the keyboard, shown large in the locale's format."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from posapp.core.money import MAX_DIGITS, Money, currency_label, exponent, format_money
from posapp.ui.widgets.fit_label import FitLabel
from posapp.ui.widgets.keypad import BACKSPACE, CLEAR, DOUBLE_ZERO

# A USB barcode or QR scanner types like a keyboard, far faster than a hand: its keys come a few ms
# apart and end with Enter. A hand that types fast still leaves 60 ms and more between keys, and an
# amount has few digits, so a run of this many keys each within this gap of the last, ended by Enter,
# is a scan.
SCAN_GAP_S = 0.03
SCAN_MIN_KEYS = 6


class ScanGuard:
    """Tells a scanner's burst of keys from a person typing, by the time between keys.

    ``key()`` is called for every key typed, before it is applied, and says whether it starts a new
    run (the caller then remembers what to go back to); ``is_scan()`` at Enter says whether the run
    that Enter ends was a scanner's.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last = -1e9
        self._run = 0

    def key(self) -> bool:
        """One key typed now; True when it starts a new run (the previous key was a while ago)."""
        now = self._clock()
        starts = now - self._last > SCAN_GAP_S
        self._run = 1 if starts else self._run + 1
        self._last = now
        return starts

    def is_scan(self) -> bool:
        """Enter typed now: whether it ends a scanner's burst (and forget the run either way)."""
        now = self._clock()
        scan = self._run >= SCAN_MIN_KEYS and now - self._last <= SCAN_GAP_S
        self._run = 0
        self._last = now
        return scan


class AmountInput(FitLabel):
    """A large amount display that takes key presses (keypad buttons, keyboard, numpad).

    The currency's decimals are respected: XAF takes whole francs only; EUR takes at most two
    decimals after the decimal key. At most 12 digits, and never more than ``maximum`` when one is
    set. A key that is not taken changes nothing and says why (``refused``). Text is always the
    locale's formatted amount. A scanner's burst of keys ended by Enter is undone, not submitted.

    Signals:
        changed(object): the new amount (``Money``) or ``None`` when empty/zero.
        submitted(): Enter was pressed.
        refused(str): why the key just typed was not taken, in the cashier's words.
    """

    changed = Signal(object)
    submitted = Signal()
    refused = Signal(str)

    # Read across a counter: the amount is the largest text on the screen. It shrinks only for an amount
    # too long for the width at LARGEST_PT (never clipped), which the shop's largest sale keeps rare.
    LARGEST_PT = 60
    SMALLEST_PT = 16

    def __init__(
        self, currency: str, locale: str, parent: QWidget | None = None, *, clock: Callable[[], float] | None = None
    ) -> None:
        super().__init__(self.LARGEST_PT, self.SMALLEST_PT, parent)
        self.setObjectName("amountInput")
        self.currency = currency
        self.locale_name = locale
        self._exponent = exponent(currency)
        self._integer = ""
        self._fraction: str | None = None  # None: no decimal key pressed yet
        self.maximum: Money | None = None
        self.maximum_why = ""
        self.scan_guard = ScanGuard(clock or time.monotonic)
        self._before_run: tuple[str, str | None] = ("", None)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(QCoreApplication.translate("AmountInput", "Amount"))
        self._refresh()

    # ------------------------------------------------------------------ value

    def amount(self) -> Money | None:
        """The typed amount, or ``None`` while nothing (or zero) is typed."""
        return self._amount_of(self._integer, self._fraction)

    def _amount_of(self, integer: str, fraction: str | None) -> Money | None:
        padded = (fraction or "").ljust(self._exponent, "0")
        minor = int((integer or "0") + padded) if self._exponent else int(integer or "0")
        return Money(minor, self.currency) if minor > 0 else None

    def set_amount(self, amount: Money | None) -> None:
        if amount is None:
            self._integer, self._fraction = "", None
        else:
            text = amount.major_str()
            integer, _, fraction = text.partition(".")
            self._integer = integer.lstrip("0")
            self._fraction = (fraction.rstrip("0") or None) if self._exponent else None
        self._refresh()

    def clear(self) -> None:
        self.set_amount(None)

    def set_maximum(self, maximum: Money | None, why: str = "") -> None:
        """Refuse any key that would take the amount above ``maximum``; ``why`` names whose limit it is."""
        self.maximum = maximum
        self.maximum_why = why

    # ------------------------------------------------------------------ typing

    def press(self, key: str, typed: str = "") -> bool:
        """Apply one key (a digit, ``00``, ``.``, ``backspace``, ``clear``); False when it was refused.

        A refused key changes nothing, and ``refused`` says why (naming ``typed``, the character as the
        cashier typed it, when it differs from the key: ``,`` for the decimal key).
        """
        reason = self._apply(key, typed or key)
        self._refresh()
        if reason:
            self.refused.emit(reason)
        return not reason

    def _digits(self, integer: str, fraction: str | None) -> int:
        return len(integer) + len(fraction or "")

    def _apply(self, key: str, shown: str) -> str:
        """Apply ``key``; the reason it was refused, or "" when it was taken."""
        if key == CLEAR:
            self._integer, self._fraction = "", None
            return ""
        if key == BACKSPACE:
            if self._fraction is not None:
                self._fraction = self._fraction[:-1] if self._fraction else None
            else:
                self._integer = self._integer[:-1]
            return ""
        if key == ".":
            if self._exponent == 0:
                return QCoreApplication.translate(
                    "AmountInput", "{currency} amounts have no decimals: “{key}” was not taken."
                ).format(currency=currency_label(self.currency, self.locale_name), key=shown)
            if self._fraction is not None:
                return QCoreApplication.translate(
                    "AmountInput", "The amount already has its decimal mark: “{key}” was not taken."
                ).format(key=shown)
            self._fraction = ""
            return ""
        if key == DOUBLE_ZERO or (len(key) == 1 and key.isascii() and key.isdigit()):
            integer, fraction = self._integer, self._fraction
            for digit in key:
                if self._digits(integer, fraction) >= MAX_DIGITS:
                    return QCoreApplication.translate(
                        "AmountInput", "At most {count} digits: “{key}” was not taken."
                    ).format(count=MAX_DIGITS, key=shown)
                if fraction is not None:
                    if len(fraction) >= self._exponent:
                        return QCoreApplication.translate(
                            "AmountInput", "{currency} amounts have at most {count} decimals: “{key}” was not taken."
                        ).format(
                            currency=currency_label(self.currency, self.locale_name), count=self._exponent, key=shown
                        )
                    fraction += digit
                elif digit != "0" or integer:  # no leading zeros
                    integer += digit
            wanted = self._amount_of(integer, fraction)
            if self.maximum is not None and wanted is not None and wanted > self.maximum:
                return QCoreApplication.translate(
                    "AmountInput", "{amount} is more than {limit}, {why}: “{key}” was not taken."
                ).format(
                    amount=format_money(wanted, self.locale_name),
                    limit=format_money(self.maximum, self.locale_name),
                    why=self.maximum_why,
                    key=shown,
                )
            self._integer, self._fraction = integer, fraction
            return ""
        if key in ("-", "−"):
            return QCoreApplication.translate(
                "AmountInput", "An amount cannot be negative: “{key}” was not taken."
            ).format(key=shown)
        return QCoreApplication.translate("AmountInput", "Only digits make an amount: “{key}” was not taken.").format(
            key=shown
        )

    def type_key(self, event: QKeyEvent) -> bool:
        """Take a key typed on the keyboard (here or forwarded by the screen); False when it is not for us."""
        key = event.key()
        text = event.text()
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.scan_guard.is_scan():
                self._integer, self._fraction = self._before_run
                self._refresh()
                self.refused.emit(
                    QCoreApplication.translate(
                        "AmountInput", "A scanner typed a code here: it was not taken as the amount. Type the amount."
                    )
                )
            else:
                self.submitted.emit()
            return True
        if key == Qt.Key.Key_Backspace:
            self._typed(BACKSPACE)
        elif key == Qt.Key.Key_Delete:
            self._typed(CLEAR)
        elif text and text.isprintable() and not text.isspace():
            self._typed("." if text in (".", ",") else text, text)
        else:
            return False
        return True

    def _typed(self, key: str, typed: str = "") -> None:
        if self.scan_guard.key():
            self._before_run = (self._integer, self._fraction)
        self.press(key, typed)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            if self.amount() is None:
                event.ignore()  # nothing to clear: a dialog or screen above may close on Esc
                return
            self.press(CLEAR)
        elif not self.type_key(event):
            super().keyPressEvent(event)

    # ------------------------------------------------------------------ display

    def display_text(self) -> str:
        return format_money(self.amount() or Money(0, self.currency), self.locale_name)

    def _refresh(self) -> None:
        self.setText(self.display_text())
        self.setProperty("empty", self.amount() is None)
        self.style().unpolish(self)
        self.style().polish(self)
        self.changed.emit(self.amount())
