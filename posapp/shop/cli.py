"""``posapp shop init postgresql://admin@host/db``: set up (or bring up to date) the shop's store.

Run once by whoever administers the shop's PostgreSQL, with an account that may create a schema and a
role. The admin's password comes the way libpq takes it (``PGPASSWORD``, ``~/.pgpass``), or is asked
for at the terminal. The terminals' password is made here (or read from ``POSAPP_SHOP_TERMINAL_PASSWORD``)
and printed once: a manager enters it in each counter's Settings, which keeps it in the OS key store.

For a store outside the shop, add ``?sslmode=verify-full`` (and ``sslrootcert=…`` when the server's
certificate is not signed by a public authority) to the address, here and in every counter's Settings.
"""

from __future__ import annotations

import argparse
import getpass
import os
import secrets
import sys

from posapp.shop.schema import DEFAULT_TERMINAL_ROLE

PASSWORD_ENV = "POSAPP_SHOP_TERMINAL_PASSWORD"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="shop_command", required=True)
    init = actions.add_parser("init", help="create or update the shop store's schema and the terminals' role")
    init.add_argument("address", help="the store as its administrator: postgresql://admin@host/db")
    init.add_argument("--role", default=DEFAULT_TERMINAL_ROLE, help="the terminals' role (default %(default)s)")


def main(options: argparse.Namespace) -> int:
    if options.shop_command != "init":
        return 2
    # Here, not at the top: parse_args builds this parser on every start, and psycopg has no place in
    # the console's start-up.
    from posapp.shop.store import StoreError, StoreRefused, describe, init_store

    address: str = options.address
    terminal_password = os.environ.get(PASSWORD_ENV) or secrets.token_urlsafe(18)
    try:
        try:
            done = init_store(address, terminal_password=terminal_password, role=options.role)
        except StoreRefused as exc:
            if "password" not in str(exc) or not sys.stdin.isatty():
                raise
            admin_password = getpass.getpass(f"Password of the administrator of {describe(address)}: ")
            done = init_store(
                address, terminal_password=terminal_password, role=options.role, admin_password=admin_password
            )
    except StoreError as exc:
        print(f"posapp shop init: {exc}", file=sys.stderr)
        return 1
    for line in done:
        print(line)
    print(f"\nEach counter connects as {options.role}; enter this in Settings > Shop store:")
    print(f"  address:  postgresql://{options.role}@<this server>/<database>")
    if not os.environ.get(PASSWORD_ENV):
        print(f"  password: {terminal_password}")
        print("(shown once; run 'posapp shop init' again to set a new one)")
    return 0
