"""A real registry process (``fieldkit-registry serve``) on a loopback port, for integration tests.

``running_registry(data_dir)`` seeds the registry demo (users inspector, inspector2, supervisor,
liaison, admin, all with ``password``; the app demo's sites and built-in templates, same ids), starts
``serve`` as a subprocess on a free port, waits for ``/api/v1/health`` and stops it at exit.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from fieldkit.sync.protocol import API_PREFIX

START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _base_cmd(data_dir: Path, db_url: str | None) -> list[str]:
    cmd = [sys.executable, "-m", "fieldkit_registry.cli", "--data-dir", str(data_dir)]
    if db_url:
        cmd += ["--db", db_url]
    return cmd


@dataclass
class Registry:
    url: str
    data_dir: Path
    db_url: str | None
    password: str
    process: subprocess.Popen | None
    port: int = 0
    env: dict[str, str] = field(default_factory=dict)

    @property
    def api(self) -> str:
        """The base URL of the API (``url`` + ``/api/v1``)."""
        return self.url + API_PREFIX

    @property
    def database_url(self) -> str:
        """The SQLAlchemy URL of the registry's database (tests reach into it, e.g. to expire tokens)."""
        if self.db_url:
            from fieldkit_registry.config import normalise_db_url

            return normalise_db_url(self.db_url)
        return f"sqlite:///{self.data_dir / 'registry.sqlite3'}"

    def cli(self, *args: str, password: str | None = None, check: bool = False) -> subprocess.CompletedProcess:
        """Run ``fieldkit-registry --data-dir D [--db URL] args`` (FIELDKIT_PASSWORD = ``password``)."""
        env = {**self.env, "FIELDKIT_PASSWORD": password or self.password}
        return subprocess.run(
            [*_base_cmd(self.data_dir, self.db_url), *args],
            env=env,
            capture_output=True,
            text=True,
            check=check,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )

    def start(self) -> None:
        """Start ``serve`` (again) on the same port and data, and wait until it answers."""
        assert self.process is None or self.process.poll() is not None, "already running"
        log = open(self.data_dir / "serve.log", "ab")  # noqa: SIM115 (closed with the process)
        self.process = subprocess.Popen(
            [*_base_cmd(self.data_dir, self.db_url), "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env={**self.env, "FIELDKIT_REGISTRY_LOG_LEVEL": "warning"},
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        log.close()
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"registry exited with {self.process.returncode}: {self.log_tail()}")
            try:
                if httpx.get(self.api + "/health", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"registry did not answer within {START_TIMEOUT} s: {self.log_tail()}")

    def stop(self, *, kill: bool = False) -> None:
        """Stop the server: SIGTERM (or SIGKILL with ``kill``), then SIGKILL after a timeout."""
        proc = self.process
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            proc.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(STOP_TIMEOUT)

    def log_tail(self, chars: int = 3000) -> str:
        path = self.data_dir / "serve.log"
        return path.read_text(errors="replace")[-chars:] if path.exists() else ""


@contextlib.contextmanager
def running_registry(
    data_dir: Path,
    *,
    db_url: str | None = None,
    demo: bool = True,
    port: int | None = None,
    password: str = "field-test-pass",
    demo_inspections: bool = False,
) -> Iterator[Registry]:
    """``demo``: the demo sites, forms and users; ``demo_inspections`` also the app demo's inspections
    (a few seconds more: off unless a test needs them)."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("FIELDKIT_REGISTRY_")}
    port = port or free_port()
    registry = Registry(f"http://127.0.0.1:{port}", data_dir, db_url, password, None, port, env)
    if demo:
        registry.cli("demo", *([] if demo_inspections else ["--no-inspections"]), check=True)
    registry.start()
    try:
        yield registry
    finally:
        registry.stop()
