"""A throwaway PostgreSQL cluster for tests (FIELD-NOTES: "PostgreSQL in tests and CI").

initdb refuses to run as root: as root the cluster lives in a folder owned by ``postgres`` and the
server binaries run through ``runuser -u postgres --``. One cluster per test session; one database
per registry (:meth:`Cluster.new_database`).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SKIP_MESSAGE = "PostgreSQL not installed: registry suite ran on SQLite only"


def pg_bin() -> Path | None:
    """The folder of the newest installed PostgreSQL's server binaries, or ``None``."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    root: Path
    port: int
    bin: Path
    as_postgres: list[str]
    _names = itertools.count(1)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self, prefix: str = "registry") -> str:
        """Create an empty database; returns its URL."""
        import psycopg

        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*self.as_postgres, *args], capture_output=True, text=True, check=True, timeout=120)


@contextmanager
def postgres_cluster() -> Iterator[Cluster]:
    """Start a cluster in a temporary folder; stop it and remove the folder at exit."""
    binaries = pg_bin()
    if binaries is None:
        raise FileNotFoundError(SKIP_MESSAGE)
    root = Path(tempfile.mkdtemp(prefix="fieldkit-pg-"))
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        os.chown(root, pw.pw_uid, pw.pw_gid)
        as_postgres = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    cluster = Cluster(root, port, binaries, as_postgres)
    try:
        cluster.run(str(binaries / "initdb"), "-D", str(root / "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        opts = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        cluster.run(
            str(binaries / "pg_ctl"), "-D", str(root / "data"), "-o", opts, "-l", str(root / "log"), "start", "-w"
        )
        yield cluster
    finally:
        if (root / "data" / "postmaster.pid").exists():
            subprocess.run(
                [*as_postgres, str(binaries / "pg_ctl"), "-D", str(root / "data"), "stop", "-m", "fast", "-w"],
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(root, ignore_errors=True)
