"""Reusable widgets: QR code, keypad, amount input, status badge."""
