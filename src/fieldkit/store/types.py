"""Column types and value helpers shared by the models (identifiers, UTC time)."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator

_id_source: ContextVar[Callable[[], str] | None] = ContextVar("fieldkit_id_source", default=None)


def new_id() -> str:
    """A record id made on the device: a random UUID in canonical text form."""
    source = _id_source.get()
    return source() if source is not None else str(uuid.uuid4())


@contextmanager
def derived_ids(namespace: uuid.UUID, seed: str) -> Iterator[None]:
    """Within the block (this thread only), :func:`new_id` gives ``uuid5(namespace, seed:n)`` for n = 0, 1, ...

    For data made the same way on several machines (the demo, on every laptop and on the registry):
    the same code run twice makes the same records with the same ids, so sync sees one record, not two.
    """
    counter = itertools.count()
    token = _id_source.set(lambda: str(uuid.uuid5(namespace, f"{seed}:{next(counter)}")))
    try:
        yield
    finally:
        _id_source.reset(token)


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """``value`` in UTC; a naive datetime is refused (it is ambiguous on a laptop that travels)."""
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r}: give a timezone")
    return value.astimezone(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out; stored as UTC without offset.

    SQLite has no time type and PostgreSQL's ``timestamp`` drops offsets, so we normalise to UTC at
    the boundary and refuse naive values instead of guessing their zone.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return as_utc(value).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)
