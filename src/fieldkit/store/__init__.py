"""The local store: one SQLite file (plus a photo folder) in the data folder.

>>> store = Store.open(Path("~/inspections").expanduser())
>>> with store.write() as session:        # BEGIN IMMEDIATE ... COMMIT, one writer at a time
...     session.add(site)
>>> with store.read() as session:         # a read-only snapshot
...     session.scalars(select(Site)).all()

Every ``write()`` block is committed when it ends: that is FieldKit's autosave. There is no
unsaved state to lose.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from fieldkit.errors import StoreError
from fieldkit.i18n import translate
from fieldkit.paths import prepare_data_dir
from fieldkit.store import audit
from fieldkit.store.engine import check_database_file, create_read_engine, create_write_engine
from fieldkit.store.migrate import MigrationResult, preflight, upgrade
from fieldkit.store.models import LocalMeta

DB_NAME = "fieldkit.db"


class Store:
    """An open local store. Thread-safe: any thread may read; writes are serialised."""

    def __init__(self, data_dir: Path, db_path: Path, write_engine, read_engine) -> None:
        self.data_dir = data_dir
        self.db_path = db_path
        self._write_engine = write_engine
        self._read_engine = read_engine
        self._write_lock = threading.RLock()
        self._writers = sessionmaker(write_engine, expire_on_commit=False)
        audit.install(self._writers)
        self._readers = sessionmaker(read_engine, expire_on_commit=False)
        self.migration: MigrationResult | None = None
        self._actor: str | None = None

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        """Open (or create) the store in ``data_dir``, migrating it to the current schema.

        Raises :class:`StoreError` with a message naming the folder or file when it cannot be used;
        a file that is not ours is never modified.
        """
        data_dir = prepare_data_dir(Path(data_dir))
        db_path = data_dir / DB_NAME
        check_database_file(db_path)
        preflight(db_path)
        write_engine = create_write_engine(db_path)
        read_engine = create_read_engine(db_path)
        store = cls(data_dir, db_path, write_engine, read_engine)
        try:
            store.migration = upgrade(write_engine, db_path)
            store._actor = store.get_meta("current_user")
        except sa_exc.DatabaseError as exc:
            store.close()
            raise StoreError(
                translate("Store", "The database {path} is damaged or unreadable: {reason}").format(
                    path=db_path, reason=getattr(exc, "orig", exc)
                )
            ) from exc
        except BaseException:
            store.close()
            raise
        return store

    # -- sessions ------------------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._readers() as session, session.begin():
            yield session

    @contextmanager
    def write(self, actor: str | None = None, *, remote: bool = False) -> Iterator[Session]:
        """A write transaction, committed when the block ends (rolled back on an exception).

        ``actor`` defaults to the device's current user; ``remote`` marks records applied from the
        registry, which are stored clean and without local audit events.
        """
        with self._write_lock, self._writers() as session:
            session.info[audit.ACTOR] = actor or self._actor
            session.info[audit.REMOTE] = remote
            with session.begin():
                yield session

    # -- device-local settings -----------------------------------------------------------------

    def get_meta(self, key: str, default: Any = None) -> Any:
        with self.read() as session:
            row = session.get(LocalMeta, key)
            return default if row is None else row.value

    def set_meta(self, key: str, value: Any) -> None:
        with self.write() as session:
            session.merge(LocalMeta(key=key, value=value))
        if key == "current_user":
            self._actor = value

    @property
    def current_user(self) -> str | None:
        return self._actor

    def meta_items(self) -> dict[str, Any]:
        with self.read() as session:
            return {row.key: row.value for row in session.scalars(select(LocalMeta))}

    # -- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        self._write_engine.dispose()
        self._read_engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["DB_NAME", "Store"]
