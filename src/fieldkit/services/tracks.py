"""GPS tracks: import from files (GPX or NMEA, told apart by content), list, read back, export, delete.

An import is all or nothing: the file is read into a spool first, then tracks, chunks and waypoints
are written in one transaction. A file that cannot be read leaves nothing behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from fieldkit.errors import NotFoundError, ValidationError
from fieldkit.gps.geo import Boundary
from fieldkit.gps.gpx import Cancelled, GpxError, read_gpx
from fieldkit.gps.points import Segment, unpack
from fieldkit.gps.spool import Spool
from fieldkit.i18n import translate
from fieldkit.services.changes import Change, ChangeSet
from fieldkit.store import Store
from fieldkit.store.models import Inspection, Site, Track, TrackChunk, Waypoint
from fieldkit.store.types import utcnow

HEAD_BYTES = 4096


@dataclass
class TrackSummary:
    id: str
    name: str | None
    kind: str
    source: str
    source_name: str | None
    inspection_id: str | None
    points: int
    segments: list[int]
    distance_m: float
    started_at: datetime | None
    ended_at: datetime | None
    stats: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "points": self.points,
            "segments": self.segments,
            "distance_m": self.distance_m,
            "source": self.source,
            "source_name": self.source_name,
            "inspection_id": self.inspection_id,
            "started_at": None if self.started_at is None else self.started_at.isoformat().replace("+00:00", "Z"),
            "ended_at": None if self.ended_at is None else self.ended_at.isoformat().replace("+00:00", "Z"),
            "duration_s": self.stats.get("duration_s"),
            "moving_s": self.stats.get("moving_s"),
            "elevation_gain_m": self.stats.get("elevation_gain_m"),
            "elevation_loss_m": self.stats.get("elevation_loss_m"),
            "bbox": self.stats.get("bbox"),
            "inside_s": self.stats.get("inside_s"),
            "inside_share": self.stats.get("inside_share"),
        }


@dataclass
class TrackImport:
    changes: ChangeSet
    tracks: list[TrackSummary]
    waypoints: int
    format: str

    def as_json(self) -> dict[str, Any]:
        return {"format": self.format, "tracks": [t.as_json() for t in self.tracks], "waypoints": self.waypoints}


def detect_format(path: Path) -> str:
    """``gpx`` or ``nmea`` by content (not by suffix); :class:`ValidationError` for anything else."""
    try:
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError as exc:
        raise ValidationError(
            translate("GPS", "Cannot read {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"\xff\xfe") or text.startswith(b"\xfe\xff"):
        return "gpx"  # UTF-16 with a BOM: only XML is written that way
    if text.startswith(b"<"):
        return "gpx"
    from fieldkit.gps.nmea import looks_like_nmea

    if looks_like_nmea(head):
        return "nmea"
    if not head:
        raise ValidationError(translate("GPS", "{name} is empty.").format(name=path.name))
    raise ValidationError(translate("GPS", "{name} is neither a GPX file nor an NMEA log.").format(name=path.name))


def _boundary_for(store: Store, inspection_id: str | None) -> Boundary | None:
    if inspection_id is None:
        return None
    with store.read() as session:
        inspection = session.get(Inspection, inspection_id)
        if inspection is None or inspection.deleted_at is not None:
            raise NotFoundError(translate("Inspections", "No inspection with id {id}.").format(id=inspection_id))
        site = session.get(Site, inspection.site_id)
        geometry = site.boundary if site is not None else None
    try:
        return Boundary(geometry) if geometry else None
    except (ValueError, TypeError, IndexError):
        return None


def _when(epoch: float | None) -> datetime | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, UTC)


def import_track_file(
    store: Store,
    path: Path,
    inspection_id: str | None = None,
    *,
    actor: str | None = None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> TrackImport:
    """Import every track, route and waypoint of a GPX file or NMEA log; all or nothing.

    ``progress`` receives the share of the file read (0-1). Raises :class:`ValidationError` with the
    reason (and line) for a file that cannot be imported; nothing is stored then.
    """
    path = Path(path)
    kind = detect_format(path)
    size = max(1, path.stat().st_size)
    boundary = _boundary_for(store, inspection_id)

    def report(read: int) -> None:
        if progress is not None:
            progress(min(1.0, read / size))

    with Spool(boundary) as spool:
        try:
            if kind == "gpx":
                read_gpx(path, spool, progress=report, cancelled=cancelled)
            else:
                from fieldkit.gps.nmea import NmeaError, read_nmea

                try:
                    read_nmea(path, spool, progress=report, cancelled=cancelled)
                except NmeaError as exc:
                    raise GpxError(str(exc)) from None
        except GpxError as exc:
            raise ValidationError(
                translate("GPS", "{name} was not imported: {reason}").format(name=path.name, reason=exc)
            ) from None
        except Cancelled:
            raise ValidationError(
                translate("GPS", "The import of {name} was cancelled; nothing was stored.").format(name=path.name)
            ) from None
        except ValueError as exc:
            raise ValidationError(
                translate("GPS", "{name} was not imported: {reason}").format(name=path.name, reason=exc)
            ) from None
        if not spool.tracks and not spool.waypoints:
            raise ValidationError(
                translate("GPS", "{name} holds no tracks, routes or waypoints.").format(name=path.name)
            )
        return _store_spool(store, spool, path.name, kind, inspection_id, actor)


def _store_spool(
    store: Store, spool: Spool, source_name: str, kind: str, inspection_id: str | None, actor: str | None
) -> TrackImport:
    changes: list[Change] = []
    summaries: list[TrackSummary] = []
    with store.write(actor) as session:
        first_track_id = None
        for parsed in spool.tracks:
            stats = parsed.stats()
            track = Track(
                inspection_id=inspection_id,
                name=parsed.name,
                kind=parsed.kind,
                source=kind,
                source_name=source_name[:255],
                point_count=parsed.points,
                segment_count=len(parsed.segments),
                started_at=_when(stats.get("start")),
                ended_at=_when(stats.get("end")),
                stats=stats,
            )
            session.add(track)
            session.flush()
            first_track_id = first_track_id or track.id
            changes.append(Change("tracks", track.id, "created"))
            # Chunks in bulk with Core (the ORM would build an object per row for nothing), a few
            # at a time straight from the spool, so memory stays flat however long the track.
            batch: list[dict[str, Any]] = []
            for s, c, n, data in spool.read_chunks(parsed):
                batch.append({"track_id": track.id, "segment": s, "seq": c, "point_count": n, "data": data})
                if len(batch) == 16:
                    session.execute(insert(TrackChunk), batch)
                    batch = []
            if batch:
                session.execute(insert(TrackChunk), batch)
            summaries.append(_summary(track))
        for wpt in spool.waypoints:
            p = wpt.point
            session.add(
                Waypoint(
                    inspection_id=inspection_id,
                    track_id=first_track_id,
                    name=wpt.name,
                    description=wpt.description,
                    symbol=wpt.symbol,
                    latitude=p.lat,
                    longitude=p.lon,
                    elevation_m=None if p.ele != p.ele else p.ele,
                    time=_when(None if p.time != p.time else p.time),
                )
            )
    return TrackImport(ChangeSet(tuple(changes)), summaries, len(spool.waypoints), kind)


def add_track(
    session: Any,
    segments: list[Segment],
    *,
    name: str | None,
    kind: str = "track",
    source: str = "live",
    source_name: str | None = None,
    inspection_id: str | None = None,
    boundary: Boundary | None = None,
) -> Track:
    """Store a track built in memory (the demo, a finished live log) inside an open write session."""
    from fieldkit.gps.points import chunks, pack
    from fieldkit.gps.stats import SegmentStats, combine

    per_segment = []
    for segment in segments:
        stats = SegmentStats(boundary)
        stats.add(segment)
        per_segment.append(stats.result())
    total = combine(per_segment)
    total["segments"] = per_segment
    track = Track(
        inspection_id=inspection_id,
        name=name,
        kind=kind,
        source=source,
        source_name=source_name,
        point_count=sum(len(s) for s in segments),
        segment_count=len(segments),
        started_at=_when(total.get("start")),
        ended_at=_when(total.get("end")),
        stats=total,
    )
    session.add(track)
    session.flush()
    rows = [
        {"track_id": track.id, "segment": s, "seq": c, "point_count": len(part), "data": pack(part)}
        for s, segment in enumerate(segments)
        for c, part in enumerate(chunks(segment))
    ]
    if rows:
        session.execute(insert(TrackChunk), rows)
    return track


def _summary(track: Track) -> TrackSummary:
    stats = dict(track.stats or {})
    return TrackSummary(
        id=track.id,
        name=track.name,
        kind=track.kind,
        source=track.source,
        source_name=track.source_name,
        inspection_id=track.inspection_id,
        points=track.point_count,
        segments=[s["points"] for s in stats.get("segments", [])],
        distance_m=stats.get("distance_m", 0.0),
        started_at=track.started_at,
        ended_at=track.ended_at,
        stats=stats,
    )


def list_tracks(store: Store, inspection_id: str | None = None) -> list[TrackSummary]:
    stmt = select(Track).where(Track.deleted_at.is_(None)).order_by(Track.started_at, Track.created_at)
    if inspection_id is not None:
        stmt = stmt.where(Track.inspection_id == inspection_id)
    with store.read() as session:
        return [_summary(t) for t in session.scalars(stmt)]


def get_track(store: Store, track_id: str) -> TrackSummary:
    with store.read() as session:
        track = session.get(Track, track_id)
        if track is None or track.deleted_at is not None:
            raise NotFoundError(translate("GPS", "No track with id {id}.").format(id=track_id))
        return _summary(track)


def track_segments(store: Store, track_id: str) -> list[Segment]:
    """The points of a track, one :class:`Segment` per segment, in order."""
    get_track(store, track_id)
    segments: dict[int, Segment] = {}
    stmt = (
        select(TrackChunk.segment, TrackChunk.data)
        .where(TrackChunk.track_id == track_id)
        .order_by(TrackChunk.segment, TrackChunk.seq)
    )
    with store.read() as session:
        for index, data in session.execute(stmt):
            segments.setdefault(index, Segment()).extend(unpack(data))
    return [segments[i] for i in sorted(segments)]


def list_waypoints(store: Store, inspection_id: str) -> list[dict[str, Any]]:
    stmt = select(Waypoint).where(Waypoint.inspection_id == inspection_id, Waypoint.deleted_at.is_(None))
    with store.read() as session:
        return [
            {"id": w.id, "name": w.name, "lat": w.latitude, "lon": w.longitude, "ele": w.elevation_m, "time": w.time}
            for w in session.scalars(stmt)
        ]


def delete_track(store: Store, track_id: str, actor: str | None = None) -> ChangeSet:
    with store.write(actor) as session:
        track = session.get(Track, track_id)
        if track is None or track.deleted_at is not None:
            raise NotFoundError(translate("GPS", "No track with id {id}.").format(id=track_id))
        track.deleted_at = utcnow()
        return ChangeSet((Change("tracks", track_id, "deleted"),))


def write_atomically(path: Path, write: Callable[[Any], None], binary: bool = False) -> None:
    """Write through a temporary file in the same folder, then rename: no half-written exports."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb" if binary else "w", encoding=None if binary else "utf-8", newline="") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_track(store: Store, track_id: str, path: Path) -> Path:
    """Write a track to ``path``; the format follows the suffix (.gpx, .geojson, .kml, .csv)."""
    from fieldkit.gps import export

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in export.FORMATS:
        raise ValidationError(
            translate("GPS", "Cannot export to {suffix!r}: use one of {formats}.").format(
                suffix=suffix or path.name, formats=", ".join(export.FORMATS)
            )
        )
    track = get_track(store, track_id)
    segments = track_segments(store, track_id)
    if suffix == ".gpx":
        write_atomically(path, lambda fh: export.write_gpx(fh, track.name, track.kind, segments))
    elif suffix in (".geojson", ".json"):
        write_atomically(path, lambda fh: export.write_geojson(fh, track.name, track.kind, segments, track.stats))
    elif suffix == ".kml":
        write_atomically(path, lambda fh: export.write_kml(fh, track.name, track.kind, segments))
    else:
        write_atomically(path, lambda fh: export.write_csv(fh, segments))
    return path
