"""The wiring: what puts the screens together and connects them to the services (no screen of its own).

- ``console``          the console's windows built on a ``posapp.console.Console`` (cashier's screens, lock,
                       Settings, manager's screens, shop link, provider switch, training phone)
- ``controller``       the cashier's screens <-> the payment services (``ConsoleController``, ``SaleFlow``)
- ``manager_screens``  refunds, payouts, balance and settling unknown outcomes <-> the services
- ``settings``         the Settings screen, receipts and the end-of-day report <-> the console
- ``access``           who is signed in: the lock laid over the window, idle lock, managers' approvals
- ``bridge``           the services' events re-emitted as Qt signals

Screens (``posapp.ui.screens``), widgets (``posapp.ui.widgets``) and models (``posapp.ui.models``) know
nothing of services; only this package and ``posapp.app`` join the two.
"""
