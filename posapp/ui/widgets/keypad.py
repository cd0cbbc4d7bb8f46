"""An on-screen numeric keypad, large enough for a finger on a counter touch screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

BACKSPACE = "backspace"
CLEAR = "clear"
DOUBLE_ZERO = "00"


class Keypad(QWidget):
    """Digits 0-9, ``00``, the decimal key (only for currencies with decimals), backspace and clear.

    Signals:
        key_pressed(str): a digit, ``"00"``, ``"."`` (decimal key), ``"backspace"`` or ``"clear"``.
    """

    key_pressed = Signal(str)

    def __init__(self, decimal_symbol: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        grid = QGridLayout(self)
        grid.setSpacing(8)
        grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        rows = [["7", "8", "9"], ["4", "5", "6"], ["1", "2", "3"], [DOUBLE_ZERO, "0", "."]]
        for r, row in enumerate(rows):
            for c, key in enumerate(row):
                if key == "." and not decimal_symbol:
                    continue  # no decimal key for a currency without decimals: 0 takes its place
                button = self._button(key, decimal_symbol if key == "." else key)
                span = 2 if key == "0" and not decimal_symbol else 1
                grid.addWidget(button, r, c, 1, span)
        back = self._button(BACKSPACE, "⌫")
        back.setToolTip(QCoreApplication.translate("Keypad", "Erase the last digit (Backspace)"))
        back.setAccessibleName(QCoreApplication.translate("Keypad", "Erase"))
        back.setAccessibleDescription(QCoreApplication.translate("Keypad", "Erase the last digit (Backspace)"))
        clear = self._button(CLEAR, QCoreApplication.translate("Keypad", "C"))
        clear.setToolTip(QCoreApplication.translate("Keypad", "Clear the amount (Esc)"))
        clear.setAccessibleName(QCoreApplication.translate("Keypad", "Clear"))
        clear.setAccessibleDescription(QCoreApplication.translate("Keypad", "Clear the amount (Esc)"))
        clear.setProperty("role", "clear")
        grid.addWidget(back, 0, 3, 2, 1)
        grid.addWidget(clear, 2, 3, 2, 1)

    def _button(self, key: str, label: str) -> QPushButton:
        button = QPushButton(label)
        button.setObjectName(f"key_{key}")
        button.setProperty("keypad", True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard keeps typing into the amount
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.setMinimumSize(72, 60)
        button.clicked.connect(lambda: self.key_pressed.emit(key))
        if key == DOUBLE_ZERO:
            button.setAccessibleName(QCoreApplication.translate("Keypad", "Double zero"))
            button.setAccessibleDescription(QCoreApplication.translate("Keypad", "Type two zeros"))
        elif key == ".":
            button.setAccessibleName(QCoreApplication.translate("Keypad", "Decimal mark"))
            button.setAccessibleDescription(QCoreApplication.translate("Keypad", "Start the decimals"))
        elif key.isdigit():
            button.setAccessibleName(key)
            button.setAccessibleDescription(
                QCoreApplication.translate("Keypad", "Type the digit {digit} (or the {digit} key)").format(digit=key)
            )
        self.buttons[key] = button
        return button
