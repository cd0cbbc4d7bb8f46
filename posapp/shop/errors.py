"""What goes wrong with the shop store, in words a manager reads, in English and ready for translation.

Every error here carries an English ``template`` with ``{named}`` fields and their ``params`` (as
``posapp.core``'s errors do), and, apart, ``detail``: the driver's or the server's own text, for the log
and ``posapp shop`` on the command line only. ``str(exc)`` is the English sentence followed by the detail;
a user interface shows the template translated (``posapp.ui.shop_messages``), never the detail, so no
raw exception text and no part of the store's address but ``{where}`` (database@host:port, which
``store.describe`` writes without a password) reaches a screen.

No psycopg here: the console names these errors before the first paint, when the driver is not loaded.
"""

from __future__ import annotations

from posapp.journal.store import RefundRefused


class Worded:
    """An error whose message is ``template.format(**params)``, plus the ``detail`` kept for the log."""

    template: str
    params: dict[str, str]
    detail: str

    def _word(self, template: str, detail: str, params: dict[str, object]) -> str:
        self.template = template
        self.params = {name: str(value) for name, value in params.items()}
        self.detail = detail.strip()
        sentence = template.format(**self.params)
        return f"{sentence} ({self.detail})" if self.detail else sentence


class StoreError(Worded, Exception):
    """The shop store cannot be used or refused an operation (see the module docstring)."""

    def __init__(self, template: str, /, *, detail: str = "", **params: object) -> None:
        super().__init__(self._word(template, detail, params))


class StoreUnreachable(StoreError):
    """The store could not be reached or the connection broke (the terminal keeps selling)."""


class StoreRefused(StoreError):
    """The store answered, but refused: wrong password, missing privilege, not initialised, too new."""


class GapDetected(StoreRefused):
    """The store refused an event because the one before it is missing: nothing is papered over."""


class ShopRefundRefused(Worded, RefundRefused):
    """A refund the shop store's cap (or its absence) refuses: nothing was sent; the words say why."""

    def __init__(self, template: str, /, *, detail: str = "", **params: object) -> None:
        super().__init__(self._word(template, detail, params))


__all__ = ["GapDetected", "ShopRefundRefused", "StoreError", "StoreRefused", "StoreUnreachable", "Worded"]
