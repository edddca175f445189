"""The registry's tables (SQLAlchemy 2) and its engine.

Every synced record, field data and reference data alike, is a row of ``records`` (so a pull is one
query) carrying the columns the registry filters on (site, owner, status, approval) beside its data.
Revisions come from one counter row, locked for the whole push transaction (``FOR UPDATE`` on
PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite), so revisions commit in order and a pull by cursor never
skips a record that committed late.
"""

from __future__ import annotations

import threading
import weakref
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    String,
    create_engine,
    event,
    select,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from fieldkit.store.models import NAMING  # the same constraint names as the laptops' store
from fieldkit.store.types import UTCDateTime, utcnow
from fieldkit_registry.config import Settings

REV_COUNTER = "rev"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    site_codes: Mapped[list[Any]] = mapped_column(default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TokenRow(Base):
    __tablename__ = "tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    device: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]


class RecordRow(Base):
    __tablename__ = "records"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32), index=True)
    rev: Mapped[int] = mapped_column(BigInteger, unique=True, index=True)
    site_id: Mapped[str | None] = mapped_column(String(36), index=True)
    inspection_id: Mapped[str | None] = mapped_column(String(36), index=True)
    owner_id: Mapped[str | None] = mapped_column(String(36))
    status: Mapped[str | None] = mapped_column(String(16))
    approved: Mapped[bool] = mapped_column(Boolean, default=False)
    blob_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(64))
    device: Mapped[str | None] = mapped_column(String(100))
    base_rev: Mapped[int | None] = mapped_column(BigInteger)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Counter(Base):
    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class AppliedChange(Base):
    """The answer given to each change id (per user), so a replayed change gets the same answer."""

    __tablename__ = "applied_changes"

    change_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    result: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ConflictRow(Base):
    """A pushed copy that lost against the registry's: kept, never dropped."""

    __tablename__ = "conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    change_id: Mapped[str] = mapped_column(String(64))
    username: Mapped[str] = mapped_column(String(64))
    device: Mapped[str] = mapped_column(String(100))
    base_rev: Mapped[int | None] = mapped_column(BigInteger)
    current_rev: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class BlobRow(Base):
    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    uploaded_by: Mapped[str | None] = mapped_column(String(36))


class BlobHolder(Base):
    """A user who proved they hold a blob's bytes: they uploaded them (or carried them in a verified
    bundle) and they hashed to the blob's name. Only holders, and users who may read a photo using the
    blob, may name it in a photo record or download it: knowing a hash is never enough."""

    __tablename__ = "blob_holders"

    sha256: Mapped[str] = mapped_column(String(64), ForeignKey("blobs.sha256"), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LoginFailure(Base):
    """Failed logins, kept in the database so the limit holds across restarts and workers."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


def make_engine(settings: Settings) -> Engine:
    if settings.is_sqlite:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = create_engine(settings.db_url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _connect(dbapi_conn, _record) -> None:
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (below)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn) -> None:
            # A push takes the write lock up front: two pushes never interleave their revisions.
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("immediate") else "BEGIN")

        return engine
    return create_engine(settings.db_url, pool_pre_ping=True)


#: Records written between two refreshes of SQLite's planner statistics.
STATS_EVERY = 2000
_written: weakref.WeakKeyDictionary[Engine, int] = weakref.WeakKeyDictionary()
_stats_lock = threading.Lock()


def refresh_statistics(engine: Engine) -> None:
    """SQLite's planner statistics (a sampled ANALYZE, a few ms). Without them it answers a pull by
    walking the site and entity indexes and sorting (4 ms per page at 10k inspections, growing with
    the registry) instead of reading the revision index in order (0.01 ms). PostgreSQL's autovacuum
    keeps its own statistics."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA analysis_limit=1000")
        conn.exec_driver_sql("ANALYZE")


def note_written(engine: Engine, count: int) -> None:
    """Count records written; refresh the statistics every :data:`STATS_EVERY` of them."""
    if engine.dialect.name != "sqlite" or count <= 0:
        return
    with _stats_lock:
        total = _written.get(engine, 0) + count
        due = total >= STATS_EVERY
        _written[engine] = 0 if due else total
    if due:
        refresh_statistics(engine)


def write_session(engine: Engine) -> Session:
    """A session for a transaction that allocates revisions (see :func:`lock_revisions`)."""
    return Session(engine.execution_options(immediate=True), expire_on_commit=False)


def read_session(engine: Engine) -> Session:
    return Session(engine, expire_on_commit=False)


class Revisions:
    """The global revision counter, held locked for the transaction that created this object."""

    def __init__(self, session: Session) -> None:
        self.session = session
        row = session.execute(select(Counter).where(Counter.name == REV_COUNTER).with_for_update()).scalar_one_or_none()
        if row is None:
            row = Counter(name=REV_COUNTER, value=0)
            session.add(row)
            session.flush()
        self.row = row

    def next(self) -> int:
        self.row.value += 1
        return self.row.value

    @property
    def current(self) -> int:
        return self.row.value


def current_rev(session: Session) -> int:
    return session.scalar(select(Counter.value).where(Counter.name == REV_COUNTER)) or 0
