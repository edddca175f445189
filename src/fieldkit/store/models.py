"""The local store's tables (SQLAlchemy 2 declarative).

Every synced entity carries the same sync columns (:class:`SyncMixin`): a UUID made on the device,
UTC ``created_at``/``updated_at``, ``updated_by``, the registry's ``rev`` (``None`` until the registry
accepted the record), a ``dirty`` marker for local changes not yet confirmed, and ``deleted_at``: a
deletion is a tombstone, never a row delete, until the registry has acknowledged it.

``updated_at``, ``updated_by``, ``dirty`` and the audit trail are maintained in one place, a
``before_flush`` hook in :mod:`fieldkit.store.audit`, so no code path can forget them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from fieldkit.store.types import UTCDateTime, new_id, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


class SyncMixin:
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(64))
    rev: Mapped[int | None] = mapped_column(Integer)
    dirty: Mapped[bool] = mapped_column(Boolean, default=True, index=True)  # each sync asks for the dirty rows
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


INSPECTION_STATUSES = ("draft", "submitted", "approved", "returned")
ROLES = ("inspector", "supervisor", "liaison", "admin")
SEVERITIES = ("low", "medium", "high", "critical")
POSITION_SOURCES = ("exif", "track", "manual")


class Site(SyncMixin, Base):
    __tablename__ = "sites"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    operator: Mapped[str | None] = mapped_column(String(200))
    partners: Mapped[list[Any]] = mapped_column(default=list)
    commodity: Mapped[str | None] = mapped_column(String(100))
    province: Mapped[str | None] = mapped_column(String(100))
    district: Mapped[str | None] = mapped_column(String(100))
    licence_no: Mapped[str | None] = mapped_column(String(100))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    boundary: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    """A GeoJSON Polygon or MultiPolygon geometry (WGS 84 longitude, latitude)."""
    limit_sets: Mapped[list[Any]] = mapped_column(default=list)
    """Ids of the limit sets that bind this site; where several apply the stricter value wins."""
    local_names: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """The site's name in other languages, by language code (``ur``, ``zh``)."""


class User(SyncMixin, Base):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    site_codes: Mapped[list[Any]] = mapped_column(default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Template(SyncMixin, Base):
    """A checklist form at one version. An inspection keeps the version it was started with."""

    __tablename__ = "templates"
    __table_args__ = (UniqueConstraint("form_id", "version", name="uq_templates_form_version"),)

    form_id: Mapped[str] = mapped_column(String(100))
    version: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    definition: Mapped[dict[str, Any]] = mapped_column(default=dict)
    source: Mapped[str] = mapped_column(String(16), default="builtin")


class LimitSetRecord(SyncMixin, Base):
    """A limit set (NEQS effluent, IFC Mining, ...) at its current version; see fieldkit.checklists.limits.

    Unlike templates, a limit set is corrected in place (a new version replaces the old): a wrong
    limit must stop flagging readings as soon as the registry publishes the fix.
    """

    __tablename__ = "limit_sets"

    set_id: Mapped[str] = mapped_column(String(100), unique=True)
    version: Mapped[str] = mapped_column(String(32))
    definition: Mapped[dict[str, Any]] = mapped_column(default=dict)
    source: Mapped[str] = mapped_column(String(16), default="builtin")


class ParameterRecord(SyncMixin, Base):
    """A measured parameter (lead, PM10, LAeq ...) and its name in each language."""

    __tablename__ = "parameters"

    param_id: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Inspection(SyncMixin, Base):
    __tablename__ = "inspections"
    __table_args__ = (Index("ix_inspections_site_started", "site_id", "started_at"),)

    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id"))
    template_id: Mapped[str | None] = mapped_column(ForeignKey("templates.id"))
    inspector_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="draft")
    planned_at: Mapped[datetime | None]
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    weather: Mapped[str | None] = mapped_column(String(200))
    temperature_c: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str | None] = mapped_column(Text)
    camera_offset_s: Mapped[float | None] = mapped_column(Float)
    """Seconds to add to the camera's clock to get the true time (set by the inspector)."""

    site: Mapped[Site] = relationship()
    template: Mapped[Template | None] = relationship()
    inspector: Mapped[User | None] = relationship()


class Answer(SyncMixin, Base):
    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("inspection_id", "item_id", name="uq_answers_inspection_item"),)

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    item_id: Mapped[str] = mapped_column(String(100))
    value: Mapped[Any | None] = mapped_column(JSON)
    unit: Mapped[str | None] = mapped_column(String(32))
    comment: Mapped[str | None] = mapped_column(Text)
    flags: Mapped[list[Any]] = mapped_column(default=list)


class Finding(SyncMixin, Base):
    __tablename__ = "findings"

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    item_id: Mapped[str | None] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(200))
    severity: Mapped[str] = mapped_column(String(16), default="medium")
    description: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    corrective_action: Mapped[str | None] = mapped_column(Text)
    responsible: Mapped[str | None] = mapped_column(String(200))
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")
    follows_id: Mapped[str | None] = mapped_column(ForeignKey("findings.id"))
    """The finding of an earlier inspection that this one follows up."""


class Track(SyncMixin, Base):
    """A GPS track or route; its points live in :class:`TrackChunk` rows, packed."""

    __tablename__ = "tracks"

    inspection_id: Mapped[str | None] = mapped_column(ForeignKey("inspections.id"), index=True)
    name: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="track")
    source: Mapped[str] = mapped_column(String(16), default="gpx")
    source_name: Mapped[str | None] = mapped_column(String(255))
    point_count: Mapped[int] = mapped_column(Integer, default=0)
    segment_count: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    stats: Mapped[dict[str, Any]] = mapped_column(default=dict)


class TrackChunk(Base):
    """Up to a few thousand points of one segment, packed as binary (a day at 1 Hz is 86,400 points).

    Part of its track for sync; not a synced entity of its own.
    """

    __tablename__ = "track_chunks"
    __table_args__ = (UniqueConstraint("track_id", "segment", "seq", name="uq_track_chunks_position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    track_id: Mapped[str] = mapped_column(ForeignKey("tracks.id", ondelete="CASCADE"), index=True)
    segment: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    point_count: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Waypoint(SyncMixin, Base):
    """A named point: from a GPS file (``track_id`` names the import it came with) or marked in the field."""

    __tablename__ = "waypoints"

    inspection_id: Mapped[str | None] = mapped_column(ForeignKey("inspections.id"), index=True)
    track_id: Mapped[str | None] = mapped_column(ForeignKey("tracks.id"))
    name: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    symbol: Mapped[str | None] = mapped_column(String(64))
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    elevation_m: Mapped[float | None] = mapped_column(Float)
    time: Mapped[datetime | None]


class Photo(SyncMixin, Base):
    __tablename__ = "photos"

    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str | None] = mapped_column(String(255))
    media_type: Mapped[str | None] = mapped_column(String(64))
    byte_size: Mapped[int | None] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    taken_at: Mapped[datetime | None]
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    altitude_m: Mapped[float | None] = mapped_column(Float)
    bearing_deg: Mapped[float | None] = mapped_column(Float)
    position_source: Mapped[str | None] = mapped_column(String(16))
    camera_make: Mapped[str | None] = mapped_column(String(100))
    camera_model: Mapped[str | None] = mapped_column(String(100))
    orientation: Mapped[int | None] = mapped_column(Integer)
    camera_time: Mapped[str | None] = mapped_column(String(32))
    """The camera's own clock reading (EXIF DateTimeOriginal), kept to re-time the photo."""
    camera_utc_offset: Mapped[str | None] = mapped_column(String(8))
    caption: Mapped[str | None] = mapped_column(Text)
    inspection_id: Mapped[str | None] = mapped_column(ForeignKey("inspections.id"), index=True)
    item_id: Mapped[str | None] = mapped_column(String(100))
    finding_id: Mapped[str | None] = mapped_column(ForeignKey("findings.id"))
    thumbnail: Mapped[bytes | None] = mapped_column(LargeBinary)
    blob_synced: Mapped[bool] = mapped_column(Boolean, default=False)


class Review(SyncMixin, Base):
    __tablename__ = "reviews"

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    reviewer: Mapped[str] = mapped_column(String(64))
    decision: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str | None] = mapped_column(Text)
    item_comments: Mapped[dict[str, Any]] = mapped_column(default=dict)
    reviewed_at: Mapped[datetime] = mapped_column(default=utcnow)


class Grievance(SyncMixin, Base):
    __tablename__ = "grievances"

    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id"), index=True)
    received_on: Mapped[date] = mapped_column(Date)
    village: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str | None] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(Text)
    complainant: Mapped[str | None] = mapped_column(String(200))
    """``None`` for an anonymous complaint."""
    response: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open")


class AuditEvent(Base):
    """Append-only: who did what to which record, when. The database refuses updates and deletes.

    ``seq`` orders events on this device; sync pushes them by sequence, so no column ever changes.
    """

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str | None] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(16))
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class LocalMeta(Base):
    """Device-local settings and state (current user, demo marker, sync cursor). Never synced."""

    __tablename__ = "local_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any | None] = mapped_column(JSON)


class SyncConflict(Base):
    """A record the registry and this laptop both changed: both copies kept until a person chooses.

    The local row keeps the local edit (still dirty, not pushed again while the conflict is open);
    ``remote`` is the registry's copy (a protocol ``Record`` dump). Device-local, never synced.
    """

    __tablename__ = "sync_conflicts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    local_data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    remote: Mapped[dict[str, Any]] = mapped_column(default=dict)
    remote_rev: Mapped[int] = mapped_column(Integer)
    detected_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    resolution: Mapped[str | None] = mapped_column(String(16))


class SyncIssue(Base):
    """The registry rejected a pushed change. The record stays dirty but is not pushed again until it
    is edited again (its ``updated_at`` moves), except ``blob_missing`` and ``parent_missing``, which
    are retried at every sync."""

    __tablename__ = "sync_issues"
    __table_args__ = (UniqueConstraint("entity", "record_id", name="uq_sync_issues_record"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36))
    change_id: Mapped[str] = mapped_column(String(64))
    record_updated_at: Mapped[datetime | None] = mapped_column(default=None)
    reason: Mapped[str] = mapped_column(String(32))
    detail: Mapped[Any | None] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncParked(Base):
    """A pulled record whose parent (an inspection, a site...) has not arrived yet: held here, applied
    as soon as the parent is pulled, so the cursor can move on without losing it."""

    __tablename__ = "sync_parked"

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[int] = mapped_column(Integer)
    record: Mapped[dict[str, Any]] = mapped_column(default=dict)


SYNCED_ENTITIES: tuple[type[SyncMixin], ...] = (
    Site,
    User,
    Template,
    LimitSetRecord,
    ParameterRecord,
    Inspection,
    Answer,
    Finding,
    Track,
    Waypoint,
    Photo,
    Review,
    Grievance,
)
