"""Registry schema migrations: r0002 (blob holders) carries the first uploader of each blob over, and the
migrated schema is the models', on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fieldkit_registry.db import Base
from fieldkit_registry.migrate import alembic_config, head_revision, upgrade
from sqlalchemy import Engine, create_engine, text

from fieldkit.sync.ids import reference_id

OLD = "a" * 64
ORPHAN = "b" * 64
UPLOADER = reference_id("users", "inspector")


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path) -> Iterator[Engine]:
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_cluster").new_database("migrations")
        found = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    else:
        found = create_engine(f"sqlite:///{tmp_path / 'registry.sqlite3'}")
    yield found
    found.dispose()


def _at(engine: Engine, revision: str) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def test_r0002_keeps_the_first_uploader_as_holder(engine: Engine) -> None:
    _at(engine, "r0001")
    stamp = datetime(2026, 12, 1, tzinfo=UTC).replace(tzinfo=None)
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO blobs (sha256, size, created_at, uploaded_by) VALUES (:s, 10, :t, :u)"),
            [{"s": OLD, "t": stamp, "u": UPLOADER}, {"s": ORPHAN, "t": stamp, "u": None}],
        )
    assert upgrade(engine) == "r0001"  # what the registry runs at start
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision() == "r0002"
        rows = conn.execute(text("SELECT sha256, user_id FROM blob_holders")).all()
        assert [tuple(r) for r in rows] == [(OLD, UPLOADER)]  # the demo's blobs (no uploader) have no holder
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    assert upgrade(engine) == "r0002"  # nothing more to do
