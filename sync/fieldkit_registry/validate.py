"""Server-side checks of what is pushed: shape, types, sizes and ids of each record's data.

The columns of each entity come from the app's own tables (:mod:`fieldkit.store.models`, Qt-free),
so the registry accepts exactly what a laptop can store. Checks that need the database (template
published, required items, parent present) live in :mod:`fieldkit_registry.service`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, Float, Integer, LargeBinary, String

from fieldkit.store.models import SYNCED_ENTITIES
from fieldkit.store.types import UTCDateTime
from fieldkit.sync.protocol import INSPECTION_STATUSES, MAX_RECORD_BYTES, SHA256, UUID

#: Columns that only mean something on one laptop: never stored by the registry.
DEVICE_LOCAL = frozenset({"dirty", "rev", "blob_synced", "thumbnail"})
#: Not part of ``data`` (the record's id travels beside it).
DROPPED = DEVICE_LOCAL | {"id"}
#: Columns holding the id of another record: must be UUIDs.
ID_COLUMNS = frozenset(
    {"site_id", "template_id", "inspector_id", "inspection_id", "finding_id", "follows_id", "track_id"}
)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # str, float, int, bool, datetime, date, json
    nullable: bool
    required: bool
    max_length: int | None


class Invalid(Exception):
    """A record that fails validation; ``code`` is a protocol reject code."""

    def __init__(self, code: str, detail: Any) -> None:
        super().__init__(str(detail))
        self.code = code
        self.detail = detail


#: Column type -> the kind of JSON value expected, first match wins (UTCDateTime before its bases).
_KINDS = (
    (UTCDateTime, "datetime"),
    (Date, "date"),
    (Boolean, "bool"),
    (Float, "float"),
    (Integer, "int"),
    (String, "str"),
    (LargeBinary, "bytes"),
)


def _kind(column) -> str:
    return next((kind for type_, kind in _KINDS if isinstance(column.type, type_)), "json")


@cache
def entity_columns() -> dict[str, dict[str, Column]]:
    """entity -> its synced columns (without id and the device-local ones)."""
    found: dict[str, dict[str, Column]] = {}
    for model in SYNCED_ENTITIES:
        cols = {}
        for col in model.__table__.columns:
            if col.name in DROPPED:
                continue
            has_default = col.default is not None or col.server_default is not None
            cols[col.name] = Column(
                col.name,
                _kind(col),
                bool(col.nullable),
                not col.nullable and not has_default,
                getattr(col.type, "length", None),
            )
        found[model.__tablename__] = cols
    return found


def _check_value(entity: str, col: Column, value: Any) -> None:
    where = f"{entity}.{col.name}"
    if value is None:
        if not col.nullable and col.required:
            raise Invalid("invalid", f"{where} must not be null")
        return
    kind = col.kind
    ok = True
    if kind == "str":
        ok = isinstance(value, str) and (col.max_length is None or len(value) <= col.max_length)
    elif kind == "float":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind == "bool":
        ok = isinstance(value, bool)
    elif kind == "datetime":
        ok = isinstance(value, str) and _parses(datetime.fromisoformat, value)
    elif kind == "date":
        ok = isinstance(value, str) and _parses(date.fromisoformat, value)
    elif kind == "bytes":
        ok = False
    if not ok:
        raise Invalid("invalid", f"{where}: {kind} expected, got {type(value).__name__} {str(value)[:40]!r}")
    if col.name in ID_COLUMNS and not UUID.match(value):
        raise Invalid("invalid", f"{where} is not a UUID")


def _parses(parse, value: str) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True


def _check_chunks(chunks: Any) -> None:
    if not isinstance(chunks, list):
        raise Invalid("invalid", "tracks.chunks must be a list")
    for chunk in chunks:
        if not isinstance(chunk, dict) or set(chunk) != {"segment", "seq", "point_count", "data"}:
            raise Invalid("invalid", "a track chunk has segment, seq, point_count and data")
        if not all(
            isinstance(chunk[k], int) and not isinstance(chunk[k], bool) for k in ("segment", "seq", "point_count")
        ):
            raise Invalid("invalid", "track chunk segment, seq and point_count are integers")
        if not isinstance(chunk["data"], str):
            raise Invalid("invalid", "track chunk data is base64 text")


def clean_data(entity: str, record_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` checked and without the device-local columns; raises :class:`Invalid`."""
    columns = entity_columns()[entity]
    if not UUID.match(record_id):
        raise Invalid("invalid", f"id {record_id[:40]!r} is not a UUID")
    size = len(json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode())
    if size > MAX_RECORD_BYTES:
        raise Invalid("too_large", f"record data is {size} bytes, over {MAX_RECORD_BYTES}")
    cleaned = {k: v for k, v in data.items() if k not in DROPPED}
    extra = sorted(k for k in cleaned if k not in columns and not (entity == "tracks" and k == "chunks"))
    if extra:
        raise Invalid("invalid", f"{entity} has no column {', '.join(extra[:5])}")
    for col in columns.values():
        if col.name in cleaned:
            _check_value(entity, col, cleaned[col.name])
        elif col.required:
            raise Invalid("invalid", f"{entity}.{col.name} is required")
    if entity == "tracks" and "chunks" in cleaned:
        _check_chunks(cleaned["chunks"])
    if entity == "inspections" and cleaned.get("status", "draft") not in INSPECTION_STATUSES:
        raise Invalid("invalid", f"inspections.status must be one of {', '.join(INSPECTION_STATUSES)}")
    if entity == "photos" and not SHA256.match(cleaned.get("sha256") or ""):
        raise Invalid("invalid", "photos.sha256 must be 64 lowercase hex digits")
    return cleaned


def reference_data(entity: str, values: dict[str, Any], now: datetime, by: str = "registry") -> dict[str, Any]:
    """The data of a reference record the registry publishes: every column, with sync columns filled."""
    columns = entity_columns()[entity]
    stamp = now.isoformat()
    data: dict[str, Any] = {"created_at": stamp, "updated_at": stamp, "updated_by": by, "deleted_at": None}
    for name in columns:
        if name in values:
            data[name] = values[name]
    unknown = set(values) - set(columns)
    if unknown:
        raise ValueError(f"{entity} has no column {sorted(unknown)}")
    return data
