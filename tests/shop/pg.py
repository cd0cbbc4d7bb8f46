"""A throwaway PostgreSQL server from Debian's binaries, for the shop tests and the benchmark.

``PostgresServer.start(folder)`` runs ``initdb`` and ``postgres`` in ``folder``, listening on a Unix
socket in that folder only (no TCP port), with scram-sha-256 passwords. ``initdb`` refuses root: run
as root (CI), the server runs as ``nobody`` through ``setpriv`` (no user is created on the machine).
``stop()`` signals the postmaster by its pid; ``restart()`` stops and starts it on the same data.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PG_BIN_DIRS = tuple(Path(f"/usr/lib/postgresql/{v}/bin") for v in (15, 16, 17))
ADMIN = "admin"
DATABASE = "shop"


class PostgresUnavailable(RuntimeError):
    """PostgreSQL cannot be started here; the message says why (tests skip with it)."""


def find_bin() -> Path:
    override = os.environ.get("POSAPP_PG_BIN")
    for candidate in ([Path(override)] if override else []) + list(PG_BIN_DIRS):
        if (candidate / "initdb").exists() and (candidate / "postgres").exists():
            return candidate
    raise PostgresUnavailable(
        "PostgreSQL's server binaries are not installed (apt-get install postgresql-15; .ci/run does it)"
    )


@dataclass
class PostgresServer:
    folder: Path
    bin: Path
    admin_password: str
    process: subprocess.Popen[bytes] | None = None
    run_as: list[str] = field(default_factory=list)

    @property
    def socket_dir(self) -> str:
        return str(self.folder)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def dsn(self, user: str = ADMIN, database: str = DATABASE) -> str:
        return f"postgresql://{user}@/{database}?host={self.socket_dir}"

    @classmethod
    def start(cls, folder: Path | None = None) -> PostgresServer:
        pg_bin = find_bin()
        # Short path: a Unix socket's path is limited to about 100 characters.
        folder = Path(tempfile.mkdtemp(prefix="posapp-pg-")) if folder is None else folder
        run_as: list[str] = []
        if os.geteuid() == 0:
            setpriv = shutil.which("setpriv")
            if setpriv is None:
                raise PostgresUnavailable("running as root without setpriv: initdb refuses root")
            nobody = pwd.getpwnam("nobody")
            os.chown(folder, nobody.pw_uid, nobody.pw_gid)
            run_as = [setpriv, f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}", "--clear-groups"]
        server = cls(folder, pg_bin, secrets.token_urlsafe(16), run_as=run_as)
        password_file = folder / "pw"
        password_file.write_text(server.admin_password)
        if run_as:
            os.chown(password_file, pwd.getpwnam("nobody").pw_uid, -1)
        init = subprocess.run(
            [*run_as, str(pg_bin / "initdb"), "-D", str(server.data), "-U", ADMIN, f"--pwfile={password_file}",
             "-A", "scram-sha-256", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"],
            capture_output=True, env={**os.environ, "HOME": str(folder)}, cwd=folder,
        )  # fmt: skip
        password_file.unlink()
        if init.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {init.stderr.decode(errors='replace').strip()[-500:]}")
        server._launch()
        subprocess.run(
            [str(pg_bin / "createdb"), "-h", server.socket_dir, "-U", ADMIN, DATABASE],
            check=True, env={**os.environ, "PGPASSWORD": server.admin_password}, capture_output=True,
        )  # fmt: skip
        return server

    def _launch(self) -> None:
        log = open(self.folder / "postgres.log", "ab")  # noqa: SIM115 - the server writes it while it runs
        if self.run_as:
            os.chown(self.folder / "postgres.log", pwd.getpwnam("nobody").pw_uid, -1)
        self.process = subprocess.Popen(
            [*self.run_as, str(self.bin / "postgres"), "-D", str(self.data), "-k", self.socket_dir,
             "-c", "listen_addresses=", "-c", "fsync=off", "-c", "max_connections=60",
             "-c", "shared_buffers=128MB", "-c", "synchronous_commit=off"],
            stdout=log, stderr=subprocess.STDOUT, cwd=self.folder,
        )  # fmt: skip
        log.close()
        deadline = time.monotonic() + 30
        socket = self.folder / ".s.PGSQL.5432"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise PostgresUnavailable(f"postgres exited: {(self.folder / 'postgres.log').read_text()[-500:]}")
            if socket.exists() and self._ready():
                return
            time.sleep(0.05)
        self.stop()
        raise PostgresUnavailable("postgres did not accept connections within 30 s")

    def _ready(self) -> bool:
        check = subprocess.run(
            [str(self.bin / "pg_isready"), "-h", self.socket_dir, "-U", ADMIN, "-d", "postgres", "-t", "1"],
            capture_output=True,
        )
        return check.returncode == 0

    def stop(self, *, how: signal.Signals = signal.SIGINT) -> None:
        """SIGINT: PostgreSQL's fast shutdown (open connections are cut); waits until it has exited."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(how)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.process = None

    def restart(self) -> None:
        self.stop()
        self._launch()

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
