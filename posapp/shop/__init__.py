"""The shop store: each terminal's journal replicated to PostgreSQL, shop-wide reads and refund claims.

Every terminal stays the source of truth for what it did: its SQLite journal is written first and
selling never waits for the shop. A ``Replicator`` on a worker thread ships the journal's events (and
the users' changes) to PostgreSQL in order, ``INSERT … ON CONFLICT DO NOTHING`` on ``(terminal_id,
seq)``, resuming from the highest ``seq`` the store holds; the store refuses a gap. psycopg runs in its
synchronous mode on that thread, never on the Qt loop (its async mode refuses Windows' Proactor loop,
which qasync uses there).

Modules::

    schema.py      the store's SQL: versioned migrations, the terminal role (INSERT/SELECT only)
    store.py       ShopStore: one psycopg connection; ship, resume, shop-wide reads, refund claims
    outbox.py      reads the journal's events and user changes after a seq (the terminal's outbox)
    identity.py    the terminal's stable id and name, kept in its journal
    replicator.py  Replicator: the worker thread, its status (connected, waiting, last error)
    users_sync.py  users, roles and PIN hashes shop-wide, with a local copy for offline sign-in
    link.py        the store's address (a setting) and its password (the OS keyring)
    cli.py         ``posapp shop init postgresql://admin@host/db``

No Qt here (import-linter contract); the layer sits below ``services`` and above ``journal``.
"""
