"""The shop store's errors (``posapp.shop.errors``) in the manager's words and language.

Each error carries an English ``template`` and its ``params``; they are listed here with
``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` puts them in the translation files, and ``describe_store_error``
says one in the installed language. The driver's own text (``detail``: libpq's message, the server's) is
never shown: it is in the log. A test checks that every template posapp.shop and the cross-counter
refunds can raise is listed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from posapp.ui.core_messages import translate_error

CONTEXT = "ShopMessages"

_LISTED = (
    # posapp/shop/store.py
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "The shop store {where} does not accept connections from this computer: its administrator must allow it.",
    ),
    QT_TRANSLATE_NOOP("ShopMessages", "The shop store {where} refused the password: check it in Settings."),
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "The shop store {where} does not offer a secure (TLS) connection, and its address asks for one.",
    ),
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "The shop store {where} could not be proven to be the right server (TLS): check its certificate files"
        " and that the address names the server as its certificate does.",
    ),
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "The shop store {where} does not know the user named in the address: check the address in Settings.",
    ),
    QT_TRANSLATE_NOOP("ShopMessages", "The shop store {where} has no such database."),
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "The shop store {where} cannot be reached: nothing answers there (is PostgreSQL running?).",
    ),
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "The shop store {where} cannot be reached: its computer's name is not known on this network.",
    ),
    QT_TRANSLATE_NOOP("ShopMessages", "The shop store {where} cannot be reached: it did not answer in time."),
    QT_TRANSLATE_NOOP("ShopMessages", "The shop store {where} cannot be reached: the connection was cut."),
    QT_TRANSLATE_NOOP("ShopMessages", "The shop store {where} cannot be reached."),
    QT_TRANSLATE_NOOP("ShopMessages", "Enter the shop store's address, such as {example}."),
    QT_TRANSLATE_NOOP("ShopMessages", "Leave the password out of the address: it is kept in the computer's key store."),
    QT_TRANSLATE_NOOP("ShopMessages", "The shop store's address needs the database name at the end (…/shop)."),
    QT_TRANSLATE_NOOP("ShopMessages", "The terminals' password needs at least {count} characters."),
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "The shop store was set up by a newer posapp (it has {migrations}): update posapp on this terminal to use it.",
    ),
    QT_TRANSLATE_NOOP("ShopMessages", "The shop store {where} refused the request."),
    QT_TRANSLATE_NOOP("ShopMessages", "The shop store's address cannot be read; it looks like {example}."),
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "The shop store {where} was set up by an older posapp: run 'posapp shop init' there again to bring it"
        " up to date.",
    ),
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "The shop store refused this counter's events: one before them is missing there. Nothing after the "
        "gap is sent.",
    ),
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "The shop store {where} does not let this counter do that: run 'posapp shop init' there again.",
    ),
    QT_TRANSLATE_NOOP("ShopMessages", "The shop store could not be set up."),
    QT_TRANSLATE_NOOP("ShopMessages", "The shop store {where} is not set up for posapp: run 'posapp shop init' there."),
    # posapp/shop/replicator.py
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "The shop store holds {held} events of this counter but its journal only {local}: this journal is "
        "older than what it already sent (restored from a backup?). Nothing more is sent until a manager "
        "sorts it out.",
    ),
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "The shop store holds {held} user changes of this counter but its journal only {local}.",
    ),
    QT_TRANSLATE_NOOP("ShopMessages", "The shop link stopped on an unexpected error (it is in the log)."),
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "This counter's journal has no event {missing} (the next one is {found}): the journal is damaged, and"
        " nothing after the gap is sent.",
    ),
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "This counter's journal has no user change {missing}: it is damaged, and nothing after the gap is sent.",
    ),
    # posapp/shop/link.py
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "The shop store's password is not set on this counter: a manager enters it in Settings.",
    ),
    # posapp/shop/identity.py
    QT_TRANSLATE_NOOP("ShopMessages", "Give this counter a name, such as 'Counter 2'."),
    QT_TRANSLATE_NOOP("ShopMessages", "A counter's name has at most {count} characters."),
    QT_TRANSLATE_NOOP("ShopMessages", "A counter's name cannot hold control characters."),
    # posapp/shop/refunds.py
    QT_TRANSLATE_NOOP("ShopMessages", "The shop store refused refund {ref}; nothing was sent."),
    QT_TRANSLATE_NOOP("ShopMessages", "Refund {ref} names no sale; nothing was sent."),
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "Other refunds of {sale} across the shop leave at most {left} to refund; nothing was sent.",
    ),
    QT_TRANSLATE_NOOP("ShopMessages", "{sale} was paid in another currency; nothing was sent."),
    QT_TRANSLATE_NOOP("ShopMessages", "The shop store cannot approve this refund now; nothing was sent."),
    # posapp/services/shop_refunds.py
    QT_TRANSLATE_NOOP("ShopMessages", "{ref} was taken at this counter: refund it from History."),
    QT_TRANSLATE_NOOP("ShopMessages", "{ref} is not a paid sale."),
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "{ref} was paid in cash at {counter}: it is handed back from that counter's drawer.",
    ),
    QT_TRANSLATE_NOOP("ShopMessages", "{ref} was paid through {provider}, not {current}: only it can refund it."),
    QT_TRANSLATE_NOOP("ShopMessages", "{ref} is a card payment: refund it at {counter}."),
    QT_TRANSLATE_NOOP("ShopMessages", "A refund of {ref} is between 1 and {amount}."),
    QT_TRANSLATE_NOOP("ShopMessages", "The number that paid {ref} is not known: refund it as a payout."),
    QT_TRANSLATE_NOOP("ShopMessages", "The payer's number {phone} cannot receive a refund."),
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "A sale of {counter} is refunded only while the shop store can be reached. Nothing was sent; the "
        "customer can be refunded at that counter.",
    ),
    QT_TRANSLATE_NOOP("ShopMessages", "The shop store cannot approve this refund now. Nothing was sent."),
    QT_TRANSLATE_NOOP(
        "ShopMessages",
        "Not refunded: refunds across the shop leave at most {left} to refund on {ref}. Nothing was sent.",
    ),
    QT_TRANSLATE_NOOP("ShopMessages", "Not refunded: the shop store does not see {ref} as paid. Nothing was sent."),
    QT_TRANSLATE_NOOP("ShopMessages", "Not refunded: the shop store does not hold {ref}. Nothing was sent."),
    QT_TRANSLATE_NOOP("ShopMessages", "Not refunded: the shop store refused. Nothing was sent."),
    # posapp/ui/screens/shop_view.py
    QT_TRANSLATE_NOOP("ShopMessages", "The shop view could not be read: an unexpected error (it is in the log)."),
)

TEMPLATES: tuple[str, ...] = tuple(str(template) for template in _LISTED)


def describe_store_error(exc: BaseException) -> str:
    """``exc`` (a ``posapp.shop.errors`` error) as a sentence in the installed language, without its detail."""
    return translate_error(exc, CONTEXT)


__all__ = ["CONTEXT", "TEMPLATES", "describe_store_error"]
