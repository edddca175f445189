"""Opening the store: new databases at head, pragmas, and every way a data folder can be wrong."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldkit.errors import StoreError
from fieldkit.store import DB_NAME, Store
from fieldkit.store.migrate import head_revision
from tests.helpers import run_cli


def test_a_new_store_is_created_at_head_with_wal_and_foreign_keys(data_dir: Path):
    with Store.open(data_dir) as store:
        assert store.migration is not None and store.migration.from_revision is None
        assert store.migration.to_revision == head_revision()
        assert store.migration.backup is None  # nothing to back up yet
        with store.write() as session:
            assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert session.execute(text("PRAGMA busy_timeout")).scalar() == 10_000
    with Store.open(data_dir) as again:
        assert again.migration is None  # already at head: no migration, no backup
    assert list(data_dir.glob("*.backup-*")) == []


def test_reads_cannot_write(store: Store):
    with pytest.raises(Exception, match=r"readonly|query_only|attempt to write"), store.read() as session:
        session.execute(text("INSERT INTO local_meta(key, value) VALUES ('x', '1')"))


def test_foreign_keys_are_enforced(store: Store):
    from sqlalchemy.exc import IntegrityError

    from fieldkit.store.models import Inspection

    with pytest.raises(IntegrityError), store.write() as session:
        session.add(Inspection(site_id="no-such-site", status="draft"))


def test_audit_events_cannot_be_rewritten(demo_store: Store):
    with pytest.raises(Exception, match="append-only"), demo_store.write() as session:
        session.execute(text("UPDATE audit_events SET actor = 'someone else'"))
    with pytest.raises(Exception, match="append-only"), demo_store.write() as session:
        session.execute(text("DELETE FROM audit_events"))


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(data_dir: Path):
    db = data_dir / DB_NAME
    original = b"Inspection notes from 2019\n" * 50
    db.write_bytes(original)
    with pytest.raises(StoreError) as info:
        Store.open(data_dir)
    assert str(db) in str(info.value) and "not an SQLite file" in str(info.value)
    assert db.read_bytes() == original
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_NAME]


def test_an_sqlite_database_of_another_program_is_refused_and_left_untouched(data_dir: Path):
    db = data_dir / DB_NAME
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.execute("INSERT INTO contacts VALUES ('Ayesha')")
    con.commit()
    con.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="not a FieldKit store") as info:
        Store.open(data_dir)
    assert str(db) in str(info.value)
    assert db.read_bytes() == before


def test_a_damaged_database_gives_a_clear_message(data_dir: Path):
    db = data_dir / DB_NAME
    with Store.open(data_dir):
        pass
    raw = bytearray(db.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # keep the magic header, wreck the first page
    db.write_bytes(bytes(raw))
    with pytest.raises(StoreError, match="damaged or unreadable") as info:
        Store.open(data_dir)
    assert str(db) in str(info.value)


def test_a_database_from_a_newer_fieldkit_is_refused(data_dir: Path):
    with Store.open(data_dir):
        pass
    con = sqlite3.connect(data_dir / DB_NAME)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer FieldKit"):
        Store.open(data_dir)


def test_a_folder_where_the_database_should_be(data_dir: Path):
    (data_dir / DB_NAME).mkdir()
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(data_dir)


def test_cli_names_the_file_and_exits_non_zero_for_a_foreign_file(data_dir: Path):
    (data_dir / DB_NAME).write_text("not a database")
    result = run_cli("inspections", "list", data_dir=data_dir)
    assert result.returncode == 1
    assert str(data_dir / DB_NAME) in result.stderr
    assert "Traceback" not in result.stderr
    assert (data_dir / DB_NAME).read_text() == "not a database"


def test_cli_reports_a_data_folder_without_write_permission(tmp_path: Path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = run_cli("inspections", "list", data_dir=locked, drop_root=True)
    finally:
        locked.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert "not writable" in result.stderr and str(locked) in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_reports_an_unreadable_database(data_dir: Path):
    with Store.open(data_dir):
        pass
    db = data_dir / DB_NAME
    db.chmod(0o000)
    try:
        result = run_cli("inspections", "list", data_dir=data_dir, drop_root=True)
    finally:
        db.chmod(0o644)
    assert result.returncode == 1
    assert "Cannot read the database" in result.stderr and str(db) in result.stderr


def test_cli_reports_a_data_folder_that_cannot_be_created(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_cli("inspections", "list", data_dir=blocker / "sub")
    assert result.returncode == 1
    assert "Cannot create the data folder" in result.stderr
