"""Recording a live GPS log into the store as it arrives.

The live logger (fieldkit.gps.live) hands points over every few seconds; each batch is committed
as a small chunk at once, so a crash or a flat battery loses at most the last few seconds. When the
log stops, the small chunks are packed into full-size ones and the statistics computed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, func, insert, select

from fieldkit.gps.geo import Boundary
from fieldkit.gps.points import Point, Segment, chunks, pack, unpack
from fieldkit.gps.stats import SegmentStats, combine
from fieldkit.store import Store
from fieldkit.store.models import Inspection, Site, Track, TrackChunk
from fieldkit.store.types import utcnow


class StoreTrackWriter:
    """The live logger's writer: one track, segments as the logger starts them, batches committed."""

    def __init__(self, store: Store, *, name: str, inspection_id: str | None = None, actor: str | None = None) -> None:
        self.store = store
        self.actor = actor
        self.segment = -1
        self.seq = 0
        self.points = 0
        with store.write(actor) as session:
            track = Track(inspection_id=inspection_id, name=name, kind="track", source="nmea-live", stats={})
            session.add(track)
            session.flush()
            self.track_id = track.id
        self.boundary = self._boundary(inspection_id)

    def _boundary(self, inspection_id: str | None) -> Boundary | None:
        if inspection_id is None:
            return None
        with self.store.read() as session:
            inspection = session.get(Inspection, inspection_id)
            site = session.get(Site, inspection.site_id) if inspection else None
            try:
                return Boundary(site.boundary) if site is not None and site.boundary else None
            except (ValueError, TypeError, IndexError):
                return None

    def begin_segment(self) -> None:
        self.segment += 1
        self.seq = 0

    def write(self, points: list[Point]) -> None:
        """Commit a batch now (one small transaction)."""
        if not points:
            return
        if self.segment < 0:
            self.begin_segment()
        batch = Segment()
        for point in points:
            batch.append(point)
        with self.store.write(self.actor) as session:
            session.execute(
                insert(TrackChunk),
                [
                    {
                        "track_id": self.track_id,
                        "segment": self.segment,
                        "seq": self.seq,
                        "point_count": len(batch),
                        "data": pack(batch),
                    }
                ],
            )
            track = session.get(Track, self.track_id)
            track.point_count = (track.point_count or 0) + len(batch)
            track.segment_count = self.segment + 1
            last = batch.time[-1]
            if last == last:
                moment = datetime.fromtimestamp(last, UTC)
                track.ended_at = moment
                track.started_at = track.started_at or datetime.fromtimestamp(batch.time[0], UTC)
        self.seq += 1
        self.points += len(batch)

    def close(self) -> None:
        """Pack the small chunks into full-size ones and compute the statistics (one transaction)."""
        finish_live_track(self.store, self.track_id, self.boundary, self.actor)


def finish_live_track(store: Store, track_id: str, boundary: Boundary | None = None, actor: str | None = None) -> None:
    """Compact and compute stats for a live track; also run at start-up for a log a crash left open."""
    with store.write(actor) as session:
        rows = session.execute(
            select(TrackChunk.segment, TrackChunk.data)
            .where(TrackChunk.track_id == track_id)
            .order_by(TrackChunk.segment, TrackChunk.seq)
        ).all()
        segments: dict[int, Segment] = {}
        for index, data in rows:
            segments.setdefault(index, Segment()).extend(unpack(data))
        ordered = [segments[i] for i in sorted(segments)]
        per_segment = []
        for segment in ordered:
            stats = SegmentStats(boundary)
            stats.add(segment)
            per_segment.append(stats.result())
        total = combine(per_segment)
        total["segments"] = per_segment
        session.execute(delete(TrackChunk).where(TrackChunk.track_id == track_id))
        packed = [
            {"track_id": track_id, "segment": s, "seq": c, "point_count": len(part), "data": pack(part)}
            for s, segment in enumerate(ordered)
            for c, part in enumerate(chunks(segment))
        ]
        if packed:
            session.execute(insert(TrackChunk), packed)
        track = session.get(Track, track_id)
        track.stats = total
        track.point_count = sum(len(s) for s in ordered)
        track.segment_count = len(ordered)
        if not ordered:
            track.deleted_at = utcnow()  # nothing was logged: no empty track left behind


def unfinished_live_tracks(store: Store) -> list[str]:
    """Live tracks a crash left without statistics (finish them with :func:`finish_live_track`)."""
    with store.read() as session:
        return list(
            session.scalars(
                select(Track.id).where(
                    Track.source == "nmea-live",
                    Track.deleted_at.is_(None),
                    func.json_extract(Track.stats, "$.segments").is_(None),
                )
            )
        )
