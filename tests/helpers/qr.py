"""Decoding QR codes from what a widget really painted (zxing-cpp), as a customer's phone would."""

from __future__ import annotations

import zxingcpp
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget


def decode_image(image: QImage) -> list[str]:
    """Texts of every QR code found in ``image``."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    # Copy the pixels out of Qt's buffer, row by row (rows may be padded), before zxing reads them.
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    raw = bytes(gray.constBits())[: stride * height]
    pixels = b"".join(raw[y * stride : y * stride + width] for y in range(height))
    view = memoryview(pixels).cast("B", (height, width))
    return [result.text for result in zxingcpp.read_barcodes(view)]


def decode_widget(widget: QWidget) -> list[str]:
    """Texts of every QR code in the widget's rendered pixels."""
    return decode_image(widget.grab().toImage())
