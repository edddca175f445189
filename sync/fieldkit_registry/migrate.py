"""Bring the registry database to the newest schema; run at the start of every command.

The migrations ship inside the package (``migrations/``) and run programmatically on the engine's
connection, as the app's store does, so a fresh database and an upgraded one go through the same code.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from fieldkit.errors import StoreError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def upgrade(engine: Engine) -> str | None:
    """Migrate to head; returns the revision it started from (``None``: a new database)."""
    cfg = alembic_config()
    known = {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
    if current is not None and current not in known:
        raise StoreError(f"The registry database was written by a newer registry (schema {current}); left untouched.")
    if current is None and tables:
        raise StoreError("The database is not a FieldKit registry database (it has other tables); left untouched.")
    if current == head_revision():
        return current
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return current
