"""Registry settings: where its data lives, which database, how it listens.

Resolved once from the command line and the environment and passed in (never read at import time), so
tests and deployments point the registry anywhere with ``--data-dir``/``--db`` or
``FIELDKIT_REGISTRY_DATA_DIR``/``FIELDKIT_REGISTRY_DB``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from fieldkit.sync.protocol import DEFAULT_PORT, TOKEN_DAYS

ENV_DATA_DIR = "FIELDKIT_REGISTRY_DATA_DIR"
ENV_DB = "FIELDKIT_REGISTRY_DB"
ENV_PASSWORD = "FIELDKIT_PASSWORD"
APP_NAME = "fieldkit-registry"
DB_FILE = "registry.sqlite3"


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    db_url: str
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    token_days: int = TOKEN_DAYS
    #: failed logins allowed per username / per client address within ``login_window_s``
    login_max_per_user: int = 5
    login_max_per_ip: int = 30
    login_window_s: int = 15 * 60

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @property
    def upload_dir(self) -> Path:
        return self.data_dir / "uploads"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "logs" / "registry.log"

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")


def normalise_db_url(url: str) -> str:
    """``postgresql://`` means psycopg 3 here (SQLAlchemy's default driver would be psycopg2)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def resolve_settings(data_dir: str | None = None, db: str | None = None, **overrides) -> Settings:
    root = data_dir or os.environ.get(ENV_DATA_DIR)
    path = Path(root).expanduser().resolve() if root else default_data_dir()
    url = db or os.environ.get(ENV_DB)
    db_url = normalise_db_url(url) if url else f"sqlite:///{path / DB_FILE}"
    return Settings(data_dir=path, db_url=db_url, **{k: v for k, v in overrides.items() if v is not None})
