"""The shop store's errors in the manager's words and language (issue 16: "last error in words").

Each failure is made for real: libpq against a real PostgreSQL (a wrong password, a store set up by an
older or a newer posapp, a gap), a loopback TCP port nobody listens on, and a loopback server that speaks
the first bytes of PostgreSQL's protocol (it answers the SSL request with "no" or "yes", or never), so
libpq fails as it would against a store without TLS, with a certificate that cannot be checked, or gone
quiet. The sentences shown (status bar, shop view, Settings, the refund's refusal) are translated, and
never hold the password, the driver's raw text or more of the address than database@host:port.
"""

from __future__ import annotations

import ast
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QApplication

import posapp.shop
from posapp.journal.store import Journal
from posapp.services.shop_refunds import CLAIM_REFUSALS, CLAIM_REFUSED
from posapp.shop.errors import GapDetected, StoreError, StoreRefused, StoreUnreachable
from posapp.shop.identity import TerminalNameError, clean_terminal_name, terminal_identity
from posapp.shop.replicator import LinkState, Replicator
from posapp.shop.store import _CONNECT_PROBLEMS, ShopStore, check_address, describe
from posapp.ui.actions import describe_error
from posapp.ui.i18n import install_translators
from posapp.ui.inert_text import plain_tooltip
from posapp.ui.screens.shop_view import ShopView
from posapp.ui.shop_messages import TEMPLATES, describe_store_error
from posapp.ui.widgets.shop_status import ShopStatusLabel
from tests.shop.conftest import ShopDatabase
from tests.shop.sales import sell

SHOP = Path(posapp.shop.__file__).parent
REFUNDS = SHOP.parent / "services" / "shop_refunds.py"
ERRORS = {"StoreError", "StoreRefused", "StoreUnreachable", "GapDetected", "ShopRefundRefused", "TerminalNameError",
          "_refused"}  # fmt: skip
WRONG = "a-wrong-password-9f3"


def raised_templates() -> set[str]:
    found = {template for _, _, template in _CONNECT_PROBLEMS} | set(CLAIM_REFUSALS.values()) | {CLAIM_REFUSED}
    for module in [*SHOP.glob("*.py"), REFUNDS]:
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ERRORS and node.args:
                first = node.args[0]
                if module is REFUNDS and isinstance(first, ast.Name):
                    continue  # _refused(why) with why from CLAIM_REFUSALS, and the helper's own call
                assert isinstance(first, ast.Constant), f"{module.name}:{node.lineno}: a template, not an f-string"
                found.add(first.value)
    return found


def test_every_shop_template_is_listed_for_translation() -> None:
    found = raised_templates()
    assert len(found) > 40  # the walk found the raises, not nothing
    missing = found - set(TEMPLATES)
    assert not missing, f"add to posapp/ui/shop_messages.py: {sorted(missing)}"


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "fr")
    yield
    install_translators(qapp, "en")


# ---------------------------------------------------------------------------------------------- loopback


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class FakePostgres:
    """A TCP server on 127.0.0.1 that reads libpq's SSL request and answers ``reply`` (b"N", b"S"), or nothing."""

    def __init__(self, reply: bytes | None) -> None:
        self.reply = reply
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.server.getsockname()[1])
        self._conns: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            self._conns.append(conn)
            try:
                if conn.recv(8) and self.reply is not None:
                    conn.sendall(self.reply)
            except OSError:
                pass

    def close(self) -> None:
        self.server.close()
        for conn in self._conns:
            conn.close()


def fails(dsn: str, **kwargs: object) -> StoreError:
    with pytest.raises(StoreError) as caught:
        ShopStore.connect(dsn, password=WRONG, connect_timeout=1, **kwargs)  # type: ignore[arg-type]
    return caught.value


def shown_cleanly(exc: StoreError, text: str) -> None:
    """What a screen shows: no password, no libpq text, the store named by database@host:port at most."""
    assert WRONG not in text and WRONG not in str(exc)
    assert exc.detail and exc.detail not in text and "libpq" not in text.lower()
    assert "postgresql://" not in text and "password=" not in text


def test_a_port_nobody_listens_on_is_said_in_french(french: None) -> None:
    port = closed_port()
    exc = fails(f"postgresql://posapp_terminal@127.0.0.1:{port}/shop")
    assert isinstance(exc, StoreUnreachable) and "Connection refused" in str(exc)  # the detail, for the log
    text = describe_store_error(exc)
    assert text == f"La base de la boutique shop@127.0.0.1:{port} est injoignable\u202f: rien n’y répond " \
                   "(PostgreSQL est-il lancé\u202f?)."  # fmt: skip
    shown_cleanly(exc, text)


def test_a_store_without_tls_when_the_address_asks_for_it(french: None) -> None:
    server = FakePostgres(b"N")
    try:
        exc = fails(f"postgresql://posapp_terminal@127.0.0.1:{server.port}/shop?sslmode=require")
    finally:
        server.close()
    assert isinstance(exc, StoreRefused)
    text = describe_store_error(exc)
    assert "n’offre pas de connexion sécurisée (TLS)" in text and f"shop@127.0.0.1:{server.port}" in text
    shown_cleanly(exc, text)


def test_a_certificate_that_cannot_be_checked(french: None, tmp_path: Path) -> None:
    server = FakePostgres(b"S")
    missing = tmp_path / "root.crt"
    try:
        exc = fails(
            f"postgresql://posapp_terminal@127.0.0.1:{server.port}/shop?sslmode=verify-full&sslrootcert={missing}"
        )
    finally:
        server.close()
    assert isinstance(exc, StoreRefused)
    text = describe_store_error(exc)
    assert text.startswith("Impossible de prouver que la base de la boutique") and "(TLS)" in text
    assert str(missing) not in text  # the certificate's path is the log's, not the status bar's
    shown_cleanly(exc, text)


def test_a_store_that_never_answers(french: None) -> None:
    server = FakePostgres(None)
    try:
        exc = fails(f"postgresql://posapp_terminal@127.0.0.1:{server.port}/shop")
    finally:
        server.close()
    assert isinstance(exc, StoreUnreachable)
    assert describe_store_error(exc).endswith("est injoignable\u202f: elle n’a pas répondu à temps.")


# ---------------------------------------------------------------------------------------------- a real store


def test_a_wrong_password_in_the_status_bar_and_the_shop_view(
    qtbot, french: None, shop_db: ShopDatabase, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.sqlite3"
    with Journal(path) as journal:
        sell(journal, "PAY-1", 1000)
        identity = terminal_identity(journal)

    def connect() -> ShopStore:
        return ShopStore.connect(shop_db.terminal_dsn, password=WRONG)

    replicator = Replicator(path, connect, interval_s=0.05)
    replicator.start()
    try:
        qtbot.waitUntil(lambda: replicator.status.state is LinkState.REFUSED, timeout=10_000)
    finally:
        replicator.stop()
    link = SimpleNamespace(identity=identity, status=replicator.status, connect=connect)
    label = ShopStatusLabel(link)
    qtbot.addWidget(label)
    problem = replicator.status.problem
    assert isinstance(problem, StoreRefused)
    where = describe(shop_db.terminal_dsn)
    expected = f"La base de la boutique {where} a refusé le mot de passe\u202f: vérifiez-le dans Réglages."
    assert label.toolTip() == plain_tooltip(expected)
    shown_cleanly(problem, label.toolTip())
    assert "password authentication failed" in (replicator.status.last_error or "")  # the log keeps libpq's words

    view = ShopView(link, "fr_CM")
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    notice = view.notice.text()
    assert "a refusé le mot de passe" in notice
    shown_cleanly(problem, notice)
    view.done(0)


def test_a_store_set_up_by_an_older_or_a_newer_posapp(french: None, shop_db: ShopDatabase) -> None:
    with shop_db.admin() as admin:
        admin.execute("DELETE FROM posapp.schema_migrations")  # as if it only had a migration this one dropped
    with pytest.raises(StoreRefused) as older:
        shop_db.terminal()
    assert "posapp plus ancien" in describe_store_error(older.value)
    assert "« posapp shop init »" in describe_store_error(older.value)
    with shop_db.admin() as admin:
        admin.execute("INSERT INTO posapp.schema_migrations (name) VALUES ('m001_initial'), ('m999_future')")
    with pytest.raises(StoreRefused) as newer:
        shop_db.terminal()
    assert describe_store_error(newer.value) == (
        "La base de la boutique a été préparée par un posapp plus récent (elle a m999_future)\u202f: mettez posapp "
        "à jour sur cette caisse pour l’utiliser."
    )


def test_a_gap_is_said_in_words(french: None, shop_db: ShopDatabase) -> None:
    from tests.shop.test_store_schema import TID, _event, _intent

    with shop_db.terminal() as store:
        store.register_terminal(TID, "Caisse 1")
        store.ship_events(TID, [_intent(1, "PAY-1"), _event(2, "PAY-1", "succeeded")])
        with pytest.raises(GapDetected) as gap:
            store.ship_events(TID, [_event(4, "PAY-1", "refunded")])
    text = describe_store_error(gap.value)
    assert text.startswith("La base de la boutique a refusé les événements de cette caisse")
    assert "seq 4 arrived before seq 3" in str(gap.value) and "seq" not in text


def test_settings_words_for_the_address_and_the_counters_name(french: None) -> None:
    with pytest.raises(StoreError) as with_password:
        check_address("postgresql://posapp_terminal:hunter2-secret@server/shop")
    text = describe_error(with_password.value)
    assert text == "Ne mettez pas le mot de passe dans l’adresse\u202f: il est gardé dans le trousseau de l’ordinateur."
    assert "hunter2" not in text and "hunter2" not in str(with_password.value)
    with pytest.raises(TerminalNameError) as too_long:
        clean_terminal_name("x" * 61)
    assert describe_error(too_long.value) == "Le nom d’une caisse a au plus 60 caractères."


def test_english_stays_the_english_sentence(qapp: QApplication) -> None:
    exc = StoreRefused("The shop store {where} refused the password: check it in Settings.", where="shop@srv",
                       detail="FATAL: password authentication failed")  # fmt: skip
    assert describe_store_error(exc) == "The shop store shop@srv refused the password: check it in Settings."
    assert str(exc).endswith("(FATAL: password authentication failed)")
