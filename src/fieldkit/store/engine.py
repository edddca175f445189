"""SQLite engines for the local store: WAL, foreign keys, busy timeout, one writer.

Writes go through a single-connection engine whose transactions start with ``BEGIN IMMEDIATE`` (the
write lock is taken up front, so two writers queue instead of failing half-way with SQLITE_BUSY);
reads use a separate pool with ``query_only`` set, and in WAL mode never block the writer.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

from fieldkit.errors import StoreError
from fieldkit.i18n import translate

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 10.0


def check_database_file(path: Path) -> None:
    """Refuse a file that cannot be our database before SQLite touches it (it is never overwritten)."""
    if not path.exists():
        return
    if path.is_dir():
        raise StoreError(translate("Store", "{path} is a folder, not a FieldKit database.").format(path=path))
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(
            translate("Store", "Cannot read the database {path}: {reason}").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc
    if head and head != SQLITE_MAGIC:
        raise StoreError(
            translate(
                "Store",
                "{path} is not a FieldKit database (not an SQLite file). It was left untouched: "
                "move it away or choose another data folder with --data-dir.",
            ).format(path=path)
        )
    try:
        with path.open("r+b"):
            pass
    except OSError as exc:
        raise StoreError(
            translate("Store", "The database {path} is not writable: {reason}").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc


def _connect_hook(*, read_only: bool):
    def on_connect(dbapi_conn: sqlite3.Connection, _record) -> None:
        # Take transaction control away from the sqlite3 module: it would otherwise issue its own
        # deferred BEGIN (and COMMIT before DDL); we emit BEGIN [IMMEDIATE] in the "begin" hook.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit reported to the user survives a power cut, not only a crash (DESIGN.md).
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        if read_only:
            cur.execute("PRAGMA query_only=ON")
        cur.close()

    return on_connect


def _make(path: Path, *, read_only: bool, **kw) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
        **kw,
    )
    event.listen(engine, "connect", _connect_hook(read_only=read_only))
    begin = "BEGIN" if read_only else "BEGIN IMMEDIATE"

    @event.listens_for(engine, "begin")
    def on_begin(conn) -> None:
        conn.exec_driver_sql(begin)

    return engine


def create_write_engine(path: Path) -> Engine:
    """The one writer: a single pooled connection, ``BEGIN IMMEDIATE`` transactions."""
    return _make(path, read_only=False, pool_size=1, max_overflow=0, pool_timeout=60)


def create_read_engine(path: Path) -> Engine:
    """Readers: a small pool, ``query_only`` connections."""
    return _make(path, read_only=True, pool_size=4, max_overflow=4)
