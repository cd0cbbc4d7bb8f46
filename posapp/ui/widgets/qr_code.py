"""A QR code painted from ``qrcode``'s module matrix with QPainter: crisp at any size, no Pillow needed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4  # modules of white around the code, as ISO/IEC 18004 asks


class QrDataTooLong(ValueError):
    """The text does not fit in the largest QR code."""


def qr_matrix(data: str, error_correction: int | None = None) -> list[list[bool]]:
    """The module matrix (True = dark) of ``data``, without quiet zone; raises ``QrDataTooLong``.

    ``error_correction``: one of ``qrcode.constants`` (M when None).
    """
    # Loaded with the first code drawn: qrcode's image modules pull in Pillow (40 ms before the first paint).
    import qrcode
    from qrcode.exceptions import DataOverflowError

    if error_correction is None:
        error_correction = qrcode.constants.ERROR_CORRECT_M
    code = qrcode.QRCode(error_correction=error_correction, border=0)
    code.add_data(data.encode("utf-8"))
    try:
        code.make(fit=True)
    except DataOverflowError:
        raise QrDataTooLong(f"{len(data)} characters do not fit in a QR code") from None
    return [list(row) for row in code.get_matrix()]


class QrCodeWidget(QWidget):
    """Shows one text (a payment link) as a QR code, as large as the widget allows.

    Each module is a whole number of pixels, so the code stays sharp for a phone camera; the code is
    centred with a quiet zone. Data that cannot fit raises ``QrDataTooLong`` and leaves the widget
    showing an error instead of a wrong code.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = ""
        self._matrix: list[list[bool]] = []
        self._error = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)
        self.setAccessibleName(QCoreApplication.translate("QrCodeWidget", "Payment QR code"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "QrCodeWidget", "The payment link as a QR code: the customer scans it with their phone to pay"
            )
        )

    def data(self) -> str:
        return self._data

    def matrix(self) -> list[list[bool]]:
        return self._matrix

    def set_data(self, data: str) -> None:
        """Show ``data`` as a QR code; raises ``QrDataTooLong`` (and shows an error) when it cannot fit."""
        try:
            matrix = qr_matrix(data) if data else []
        except QrDataTooLong as exc:
            self._data, self._matrix = "", []
            self._error = QCoreApplication.translate("QrCodeWidget", "This link is too long for a QR code.")
            self.update()
            raise exc
        self._data, self._matrix, self._error = data, matrix, ""
        self.update()

    def clear(self) -> None:
        self._data, self._matrix, self._error = "", [], ""
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(360, 360)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return width

    def code_rect(self) -> QRect:
        """Where the code (with its quiet zone) is painted, in widget coordinates."""
        if not self._matrix:
            return QRect()
        modules = len(self._matrix) + 2 * QUIET_ZONE
        module = max(1, min(self.width(), self.height()) // modules)
        side = module * modules
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        if self._error:
            painter.setPen(QColor("#b42318"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._error)
            return
        if not self._matrix:
            return
        rect = self.code_rect()
        module = rect.width() // (len(self._matrix) + 2 * QUIET_ZONE)
        painter.fillRect(rect, QColor("white"))
        dark = QColor("black")
        origin_x = rect.x() + QUIET_ZONE * module
        origin_y = rect.y() + QUIET_ZONE * module
        for y, row in enumerate(self._matrix):
            x = 0
            while x < len(row):
                if row[x]:
                    start = x
                    while x < len(row) and row[x]:
                        x += 1
                    painter.fillRect(
                        origin_x + start * module, origin_y + y * module, (x - start) * module, module, dark
                    )
                else:
                    x += 1
