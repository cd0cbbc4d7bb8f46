"""Thermal receipt printers over ESC/POS and the cash drawer wired to them; no Qt.

- ``receipt``: a receipt as plain text (translated by the caller) laid out for 58 or 80 mm paper and
  encoded in the printer's code page for French accents, as ESC/POS bytes (python-escpos commands);
- ``devices``: the printer's connection (raw TCP 9100, USB, serial or Bluetooth serial, the Windows
  spooler, a device file) from the settings, and sending one job to it with a status check around it;
- ``queue``: the print queue on its own thread: it never blocks a sale or the event loop, keeps each
  receipt with its state, retries a few times and then waits for the cashier's Retry; the drawer kick.
"""
