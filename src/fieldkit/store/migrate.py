"""Schema migrations (Alembic, shipped in the package) run at start-up, after a backup.

A new database is built by running every revision from the first, so a fresh store and an upgraded
one go through the same code. An existing database is copied (SQLite's online backup, consistent
even with a WAL) beside itself before the first revision is applied.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from fieldkit.errors import StoreError
from fieldkit.i18n import translate
from fieldkit.store.types import utcnow

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_database(db_path: Path, label: str) -> Path:
    """Copy the database beside itself with SQLite's backup API; returns the copy's path."""
    stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
    target = db_path.with_name(f"{db_path.name}.backup-{label}-{stamp}")
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def preflight(db_path: Path) -> None:
    """Look at an existing file read-only before any engine touches it (connecting switches a
    database to WAL, which writes to it): refuse a foreign, newer or damaged database unmodified."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            current = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                current = row[0] if row else None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            translate("Store", "The database {path} is damaged or unreadable: {reason}").format(
                path=db_path, reason=exc
            )
        ) from exc
    _check_revision(db_path, current, tables - {"alembic_version"})


def _check_revision(db_path: Path, current: str | None, tables: set[str]) -> None:
    if current is not None and current not in known_revisions():
        raise StoreError(
            translate(
                "Store",
                "The database {path} was written by a newer FieldKit (schema {rev}). "
                "Install the newer FieldKit to open it; it was left untouched.",
            ).format(path=db_path, rev=current)
        )
    if current is None and tables:
        raise StoreError(
            translate(
                "Store",
                "{path} is an SQLite database but not a FieldKit store. It was left untouched: "
                "choose another data folder with --data-dir.",
            ).format(path=db_path)
        )


def upgrade(engine: Engine, db_path: Path, target: str = "head") -> MigrationResult | None:
    """Bring the database to ``target``; ``None`` when it is already there.

    Raises :class:`StoreError` for an SQLite file that is not a FieldKit store or was written by a
    newer FieldKit; neither is modified.
    """
    cfg = alembic_config()
    current = current_revision(engine)
    wanted = head_revision() if target == "head" else target
    if current == wanted:
        return None
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
    _check_revision(db_path, current, tables)
    backup = backup_database(db_path, current) if current is not None else None
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, wanted)
    return MigrationResult(current, wanted, backup)
