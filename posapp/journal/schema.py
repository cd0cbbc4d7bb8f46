"""What the journal's schema is, without loading the migration code (and sqlite-utils) to know it.

Opening an up-to-date journal, the common case, only reads these names; ``migrations.py`` (and with it
sqlite-utils) is imported only when a migration must run. That keeps it out of the console's start-up.
"""

from __future__ import annotations

MIGRATION_SET = "posapp.journal"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' table of applied migrations

# In the order they apply; a journal holding a migration not listed here was written by a newer posapp.
KNOWN: tuple[str, ...] = (
    "m001_initial",
    "m002_users",
    "m003_terminal",
    "m004_till",
    "m005_recovery_codes",
    "m006_print_queue",
)
SCHEMA_VERSION = len(KNOWN)
