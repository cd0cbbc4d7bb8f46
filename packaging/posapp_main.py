"""Entry script of the PyInstaller bundle.

``POSAPP_BUNDLE_IMPORTS`` (module names separated by white space), set by tests/packaging, makes the
bundle import each of them and report instead of starting: the check that what packaging/posapp.spec
leaves out is nothing the app imports. ``POSAPP_BUNDLE_CHECK=1`` runs packaging/bundle_check.py's checks of
what the app does with what was kept (printing, Pillow, keyring, images, translations, the xcb plugin).
"""

import os
import sys


def import_probe(names: list[str]) -> int:
    import importlib

    failed = 0
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # the report names whatever failed, however
            print(f"missing {name}: {type(exc).__name__}: {exc}")
            failed += 1
        else:
            print(f"ok {name}")
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None:
        print(f"psycopg implementation {psycopg.pq.__impl__}")
    return 3 if failed else 0


if __name__ == "__main__":
    probe = os.environ.get("POSAPP_BUNDLE_IMPORTS")
    if probe:
        sys.exit(import_probe(probe.split()))
    if os.environ.get("POSAPP_BUNDLE_CHECK") == "1":
        from bundle_check import run_checks

        sys.exit(run_checks())
    from posapp.app import run

    run()
