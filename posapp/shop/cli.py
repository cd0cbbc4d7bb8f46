"""``posapp shop init postgresql://admin@host/db``: set up (or bring up to date) the shop's store.
``posapp shop connect postgresql://posapp_terminal@host/db [--name "Counter 2"]``: link this counter to it.

Run once by whoever administers the shop's PostgreSQL, with an account that may create a schema and a
role. The admin's password comes the way libpq takes it (``PGPASSWORD``, ``~/.pgpass``), or is asked
for at the terminal. The terminals' password is made here (or read from ``POSAPP_SHOP_TERMINAL_PASSWORD``)
and printed once: a manager enters it in each counter's Settings, which keeps it in the OS key store.

For a store outside the shop, add ``?sslmode=verify-full`` (and ``sslrootcert=…`` when the server's
certificate is not signed by a public authority) to the address, here and in every counter's Settings.

``connect`` asks for the terminals' password (or reads ``POSAPP_SHOP_PASSWORD``), tries it against the
store, and only when the store accepts it keeps the password in the OS key store, the address in the
settings and the counter's name in its journal; otherwise it says why and changes nothing.
"""

from __future__ import annotations

import argparse
import getpass
import os
import secrets
import sys

from posapp.shop.schema import DEFAULT_TERMINAL_ROLE

PASSWORD_ENV = "POSAPP_SHOP_TERMINAL_PASSWORD"
CONNECT_PASSWORD_ENV = "POSAPP_SHOP_PASSWORD"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="shop_command", required=True)
    init = actions.add_parser("init", help="create or update the shop store's schema and the terminals' role")
    init.add_argument("address", help="the store as its administrator: postgresql://admin@host/db")
    init.add_argument("--role", default=DEFAULT_TERMINAL_ROLE, help="the terminals' role (default %(default)s)")
    connect = actions.add_parser("connect", help="link this counter to the shop store (password to the key store)")
    connect.add_argument("address", help="the store as the terminals reach it: postgresql://posapp_terminal@host/db")
    connect.add_argument("--name", help="this counter's name, shown in the status bar and on receipts")


def main(options: argparse.Namespace) -> int:
    if options.shop_command == "connect":
        return connect(options)
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


def connect(options: argparse.Namespace) -> int:
    """``posapp shop connect``: check the address and password against the store, then keep them."""
    from posapp.config import ConfigError, load_settings, save_settings
    from posapp.journal.store import Journal, JournalError
    from posapp.shop.identity import clean_terminal_name, name_terminal, terminal_identity
    from posapp.shop.link import save_store_password
    from posapp.shop.store import ShopStore, StoreError, check_address, describe

    address: str = options.address.strip()
    try:
        check_address(address)
        name = clean_terminal_name(options.name) if options.name is not None else None
        settings = load_settings()
    except (StoreError, JournalError, ConfigError) as exc:
        print(f"posapp shop connect: {exc}", file=sys.stderr)
        return 1
    password = os.environ.get(CONNECT_PASSWORD_ENV)
    if password is None:
        if not sys.stdin.isatty():
            print(f"posapp shop connect: set {CONNECT_PASSWORD_ENV} or run it at a terminal", file=sys.stderr)
            return 1
        password = getpass.getpass(f"Password of {describe(address)}: ")
    try:
        with ShopStore.connect(address, password=password) as store:
            terminals = len(store.terminals())
        save_store_password(password)
        if name is not None:
            with Journal.open() as journal:
                name_terminal(journal, name)
        save_settings(settings.replace(shop_store=address))
        with Journal.open() as journal:
            identity = terminal_identity(journal)
    except (StoreError, ConfigError, JournalError) as exc:
        print(f"posapp shop connect: {exc}", file=sys.stderr)
        return 1
    print(f"{identity.name} is linked to the shop store {describe(address)} ({terminals} counters known there).")
    print("Its journal is sent there from the next start of posapp.")
    return 0
