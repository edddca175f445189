"""Migrations: a store made by the first revision, holding unsynced work, upgrades intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from fieldkit import services
from fieldkit.store import DB_NAME, Store
from fieldkit.store.engine import create_write_engine
from fieldkit.store.migrate import head_revision, upgrade
from fieldkit.store.models import Base

FIRST = "0001"
SYNC_COLS = "id, created_at, updated_at, updated_by, rev, dirty, deleted_at"


def _make_first_revision_store(data_dir: Path) -> Path:
    db = data_dir / DB_NAME
    engine = create_write_engine(db)
    upgrade(engine, db, target=FIRST)
    engine.dispose()
    con = sqlite3.connect(db)
    ts = "2026-10-01 08:00:00.000000"
    con.execute(
        f"INSERT INTO sites (code, name, partners, limit_sets, local_names, {SYNC_COLS}) "
        "VALUES ('SDK', 'Saindak', '[]', '[]', '{}', 's1', ?, ?, 'inspector', 7, 0, NULL)",
        (ts, ts),
    )
    con.execute(
        f"INSERT INTO users (username, display_name, role, site_codes, active, {SYNC_COLS}) "
        "VALUES ('inspector', 'Ayesha Baloch', 'inspector', '[\"SDK\"]', 1, 'u1', ?, ?, NULL, 3, 0, NULL)",
        (ts, ts),
    )
    for i in range(50):
        con.execute(
            f"INSERT INTO inspections (site_id, inspector_id, title, status, started_at, notes, {SYNC_COLS}) "
            "VALUES ('s1', 'u1', ?, 'draft', ?, ?, ?, ?, ?, 'inspector', NULL, 1, NULL)",
            (f"Unsynced inspection {i}", ts, "ناقابل فراموش نوٹس 备注", f"i{i:03d}", ts, ts),
        )
        con.execute(
            f"INSERT INTO answers (inspection_id, item_id, value, flags, {SYNC_COLS}) "
            "VALUES (?, 'ph', ?, '[]', ?, ?, ?, 'inspector', NULL, 1, NULL)",
            (f"i{i:03d}", str(6.5 + i / 100), f"a{i:03d}", ts, ts),
        )
    con.execute("UPDATE inspections SET deleted_at = ? WHERE id = 'i049'", (ts,))  # an unsynced tombstone
    con.commit()
    con.close()
    return db


def test_upgrading_a_first_revision_store_keeps_unsynced_work_and_a_backup(data_dir: Path):
    db = _make_first_revision_store(data_dir)
    with Store.open(data_dir) as store:
        assert store.migration is not None
        assert (store.migration.from_revision, store.migration.to_revision) == (FIRST, head_revision())
        backup = store.migration.backup
        assert backup is not None and backup.parent == db.parent and backup.exists()
        rows = services.all_inspections(store)
        assert len(rows) == 49  # the tombstone stays hidden
        assert all(r.dirty for r in rows)
        assert {r.title for r in rows} == {f"Unsynced inspection {i}" for i in range(49)}
        detail = services.get_inspection(store, "i007")
        assert detail.notes == "ناقابل فراموش نوٹس 备注"
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM answers WHERE dirty = 1 AND rev IS NULL").fetchone() == (50,)
    assert con.execute("SELECT deleted_at IS NOT NULL FROM inspections WHERE id='i049'").fetchone() == (1,)
    con.close()
    # The backup is the database as it was before the migration.
    old = sqlite3.connect(backup)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == (FIRST,)
    assert old.execute("SELECT count(*) FROM inspections").fetchone() == (50,)
    assert old.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    old.close()


def test_the_migrated_schema_matches_the_models(store: Store):
    with store._write_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
