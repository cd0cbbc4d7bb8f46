"""The amount being typed: digits from the keypad or the keyboard, shown large in the locale's format."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from posapp.core.money import MAX_DIGITS, Money, exponent, format_money
from posapp.ui.widgets.fit_label import FitLabel
from posapp.ui.widgets.keypad import BACKSPACE, CLEAR, DOUBLE_ZERO


class AmountInput(FitLabel):
    """A large amount display that takes key presses (keypad buttons, keyboard, numpad).

    The currency's decimals are respected: XAF takes whole francs only; EUR takes at most two
    decimals after the decimal key. At most 12 digits. Text is always the locale's formatted amount.

    Signals:
        changed(object): the new amount (``Money``) or ``None`` when empty/zero.
        submitted(): Enter was pressed.
    """

    changed = Signal(object)
    submitted = Signal()

    LARGEST_PT = 48

    def __init__(self, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(self.LARGEST_PT, 16, parent)
        self.setObjectName("amountInput")
        self.currency = currency
        self.locale_name = locale
        self._exponent = exponent(currency)
        self._integer = ""
        self._fraction: str | None = None  # None: no decimal key pressed yet
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(QCoreApplication.translate("AmountInput", "Amount"))
        self._refresh()

    # ------------------------------------------------------------------ value

    def amount(self) -> Money | None:
        """The typed amount, or ``None`` while nothing (or zero) is typed."""
        fraction = (self._fraction or "").ljust(self._exponent, "0")
        minor = int((self._integer or "0") + fraction) if self._exponent else int(self._integer or "0")
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

    # ------------------------------------------------------------------ typing

    def press(self, key: str) -> bool:
        """Apply one key (a digit, ``00``, ``.``, ``backspace``, ``clear``); False when it was refused."""
        accepted = self._apply(key)
        self._refresh()
        return accepted

    def _digits(self) -> int:
        return len(self._integer) + len(self._fraction or "")

    def _apply(self, key: str) -> bool:
        if key == CLEAR:
            self._integer, self._fraction = "", None
            return True
        if key == BACKSPACE:
            if self._fraction is not None:
                if self._fraction:
                    self._fraction = self._fraction[:-1]
                else:
                    self._fraction = None
            else:
                self._integer = self._integer[:-1]
            return True
        if key == ".":
            if self._exponent == 0 or self._fraction is not None:
                return False
            self._fraction = ""
            return True
        if key in (DOUBLE_ZERO,) or (len(key) == 1 and key.isdigit()):
            for digit in key:
                if self._digits() >= MAX_DIGITS:
                    return False
                if self._fraction is not None:
                    if len(self._fraction) >= self._exponent:
                        return False
                    self._fraction += digit
                elif digit == "0" and not self._integer:
                    continue  # no leading zeros
                else:
                    self._integer += digit
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        text = event.text()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
        elif key == Qt.Key.Key_Backspace:
            self.press(BACKSPACE)
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Delete):
            self.press(CLEAR)
        elif text and text.isdigit():
            self.press(text)
        elif text in (".", ","):
            self.press(".")
        else:
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
