"""Photos: import files and folders (in a worker pool), keep the originals, position, link, caption.

An import never stops at a bad file: each file gets its own result (imported, duplicate, or
rejected with the reason). The original is written to the blob store (temp file, fsync, rename)
before its row is committed, so a crash can leave an unreferenced file, never a row without its
file nor a partial file.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import defer

from fieldkit.errors import NotFoundError, ValidationError
from fieldkit.i18n import translate
from fieldkit.photos.blobs import BlobStore
from fieldkit.photos.geotag import TrackTime, index_segments, position_at
from fieldkit.photos.images import MEDIA_TYPES, PhotoError, open_image, thumbnail
from fieldkit.photos.metadata import PhotoMetadata, parse_camera_time, parse_offset, read_metadata
from fieldkit.services.changes import Change, ChangeSet
from fieldkit.store import Store
from fieldkit.store.models import Answer, Finding, Inspection, Photo
from fieldkit.store.types import utcnow

MAX_BYTES = 60 * 1024 * 1024
"""Largest photo file accepted (a 50 MP phone JPEG is about 25 MB; a RAW file is not a photo here)."""
UNSET: Any = object()
COMMIT_BATCH = 8
"""Photo rows committed per transaction during an import (their originals are already on disk)."""


def blob_store(store: Store) -> BlobStore:
    return BlobStore(store.data_dir / "photos")


@dataclass
class PhotoResult:
    path: str
    status: str
    """``imported``, ``duplicate`` or ``rejected``."""
    error: str | None = None
    sha256: str | None = None
    photo_id: str | None = None
    taken_at: datetime | None = None
    lat: float | None = None
    lon: float | None = None
    position_source: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "path": _text(self.path),
            "status": self.status,
            "error": self.error,
            "sha256": self.sha256,
            "id": self.photo_id,
            "taken_at": None if self.taken_at is None else self.taken_at.isoformat().replace("+00:00", "Z"),
            "lat": self.lat,
            "lon": self.lon,
            "position_source": self.position_source,
        }


@dataclass
class PhotoImport:
    results: list[PhotoResult] = field(default_factory=list)
    changes: ChangeSet = field(default_factory=ChangeSet)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)


@dataclass
class _Prepared:
    path: Path
    sha256: str
    size: int
    media_type: str
    width: int
    height: int
    meta: PhotoMetadata
    thumb: bytes


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the files inside folders (recursively, hidden ones skipped), in order."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        else:
            found.append(path)
    return found


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PhotoError(
                translate("Photos", "the file is {size:.1f} MB; the limit is {limit} MB").format(
                    size=size / (1024 * 1024), limit=MAX_BYTES // (1024 * 1024)
                )
            )
        return path.read_bytes()
    except OSError as exc:
        raise PhotoError(
            translate("Photos", "cannot read the file: {reason}").format(reason=exc.strerror or exc)
        ) from None


def _describe(path: Path) -> tuple[_Prepared, bytes]:
    """Read, hash, check and describe one file (the decode stage of an import, in a worker thread)."""
    data = _read(path)
    return describe_bytes(data, path), data


def describe_bytes(data: bytes, path: Path) -> _Prepared:
    """Check and describe the bytes of one photo; ``path`` only names it."""
    image = open_image(data)
    media_type = MEDIA_TYPES.get(image.format or "", "image")
    width, height = image.size  # before the thumbnail shrinks the image in place
    meta = read_metadata(image)
    thumb = thumbnail(image, meta.orientation)  # decodes (reduced): a truncated file fails here
    return _Prepared(path, hashlib.sha256(data).hexdigest(), len(data), media_type, width, height, meta, thumb)


def prepare_bytes(data: bytes, path: Path, blobs: BlobStore) -> _Prepared:
    """Describe and store the bytes of one photo (for callers without a pipeline, e.g. the demo)."""
    prepared = describe_bytes(data, path)
    blobs.put_bytes(data, prepared.sha256)
    return prepared


def _message(exc: Exception) -> str:
    return str(exc) if isinstance(exc, PhotoError) else f"{type(exc).__name__}: {exc}"


def _taken_at(meta: PhotoMetadata, zone: tzinfo | None, offset_s: float | None) -> datetime | None:
    moment = meta.taken_at(zone)
    if moment is None:
        return None
    return moment + timedelta(seconds=offset_s or 0.0)


def _track_index(store: Store, inspection_id: str | None) -> list[TrackTime]:
    if inspection_id is None:
        return []
    from fieldkit.services import tracks

    segments = []
    for track in tracks.list_tracks(store, inspection_id):
        segments.extend(tracks.track_segments(store, track.id))
    return index_segments(segments)


def import_photos(
    store: Store,
    paths: Iterable[Path],
    inspection_id: str | None = None,
    *,
    workers: int = 2,
    zone: tzinfo | None = None,
    actor: str | None = None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PhotoImport:
    """Import photo files and folders; every file gets a result, in the order given.

    ``zone`` is the zone the camera clocks are set to when the photo does not say (default: this
    laptop's). Positions come from EXIF, else from the inspection's track at the (corrected) time.
    """
    files = expand_paths(paths)
    blobs = blob_store(store)
    blobs.clean_temp()
    offset_s = None
    if inspection_id is not None:
        with store.read() as session:
            inspection = session.get(Inspection, inspection_id)
            if inspection is None or inspection.deleted_at is not None:
                raise NotFoundError(translate("Inspections", "No inspection with id {id}.").format(id=inspection_id))
            offset_s = inspection.camera_offset_s
    zone = zone or datetime.now().astimezone().tzinfo
    index = _track_index(store, inspection_id)
    result = PhotoImport()
    changes: list[Change] = []
    # Two stages: decoders (``workers`` threads) read, hash and make thumbnails; as many writer threads
    # store the originals durably (write, fsync, rename) while the decoders go on with the next
    # photos. A row is committed only after its original is on disk.
    with (
        ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="photo-decode") as decoders,
        ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="photo-write") as writer,
    ):
        described = [(p, decoders.submit(_describe, p)) for p in files]
        pending: deque[tuple[Path, _Prepared, Future[Any]]] = deque()

        ready: list[tuple[int, _Prepared]] = []

        def commit_ready() -> None:
            # Rows of photos whose originals are on disk, several per transaction: the commits
            # are the serial part of an import, and fewer of them let the decoders scale.
            if not ready:
                return
            try:
                with store.write(actor) as session:
                    outcomes = [insert_photo(session, p, inspection_id, zone, offset_s, index) for _i, p in ready]
            except Exception:  # one bad row must not cost the batch: retry them one by one
                outcomes = []
                for _i, prepared in ready:
                    try:
                        outcomes.append(_record(store, prepared, inspection_id, zone, offset_s, index, actor))
                    except Exception as exc:
                        outcomes.append(PhotoResult(str(prepared.path), "rejected", error=_message(exc)))
            for (slot, _p), outcome in zip(ready, outcomes, strict=True):
                result.results[slot] = outcome
                if outcome.status == "imported":
                    changes.append(Change("photos", outcome.photo_id or "", "created"))
            ready.clear()

        def finish_one() -> None:
            path, prepared, stored = pending.popleft()
            slot = len(result.results)
            try:
                stored.result()
            except Exception as exc:  # one bad file never stops the others
                result.results.append(PhotoResult(str(path), "rejected", error=_message(exc)))
            else:
                result.results.append(PhotoResult(str(path), "pending"))
                ready.append((slot, prepared))
                if len(ready) >= COMMIT_BATCH:
                    commit_ready()
            if progress is not None:
                progress(len(result.results) / len(files))

        for position, (path, future) in enumerate(described):
            if cancelled is not None and cancelled():
                for _p, rest in described[position:]:
                    rest.cancel()
                break
            try:
                prepared, data = future.result()
            except Exception as exc:  # one bad file never stops the others
                while pending:
                    finish_one()  # keep the results in the order of the files
                result.results.append(PhotoResult(str(path), "rejected", error=_message(exc)))
                if progress is not None:
                    progress(len(result.results) / len(files))
                continue
            pending.append((path, prepared, writer.submit(blobs.put_bytes, data, prepared.sha256)))
            del data
            while len(pending) > 2 * max(1, workers) or (pending and pending[0][2].done()):
                finish_one()
        while pending:
            finish_one()
        commit_ready()
    result.changes = ChangeSet(tuple(changes))
    return result


def _record(
    store: Store,
    prepared: _Prepared,
    inspection_id: str | None,
    zone: tzinfo | None,
    offset_s: float | None,
    index: list[TrackTime],
    actor: str | None,
) -> PhotoResult:
    with store.write(actor) as session:
        return insert_photo(session, prepared, inspection_id, zone, offset_s, index)


def _text(name: str) -> str:
    """A file name or path as printable text: bytes that are not UTF-8 (a Latin-1 name from a
    Windows-formatted card) become '\ufffd' instead of failing when printed or stored."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _display_name(path: Path) -> str:
    """The file's name as text for the record (never used as a path)."""
    return _text(path.name)[:255]


def insert_photo(
    session: Any,
    prepared: _Prepared,
    inspection_id: str | None,
    zone: tzinfo | None,
    offset_s: float | None,
    index: list[TrackTime],
    **links: Any,
) -> PhotoResult:
    """The row for a prepared photo (its blob is already stored), inside an open write session;
    a duplicate within the same inspection gives the existing row back."""
    meta = prepared.meta
    taken_at = _taken_at(meta, zone, offset_s)
    lat, lon, alt, source = meta.latitude, meta.longitude, meta.altitude_m, None
    if lat is not None and lon is not None:
        source = "exif"
    elif taken_at is not None and index:
        found = position_at(index, taken_at.timestamp())
        if found is not None:
            lat, lon, alt = found
            source = "track"
    existing = session.scalar(
        select(Photo).where(
            Photo.sha256 == prepared.sha256,
            Photo.deleted_at.is_(None),
            Photo.inspection_id.is_(None) if inspection_id is None else Photo.inspection_id == inspection_id,
        )
    )
    if existing is not None:
        return PhotoResult(
            str(prepared.path),
            "duplicate",
            sha256=prepared.sha256,
            photo_id=existing.id,
            taken_at=existing.taken_at,
            lat=existing.latitude,
            lon=existing.longitude,
            position_source=existing.position_source,
        )
    photo = Photo(
        sha256=prepared.sha256,
        original_name=_display_name(prepared.path),
        media_type=prepared.media_type,
        byte_size=prepared.size,
        width=prepared.width,
        height=prepared.height,
        taken_at=taken_at,
        latitude=lat,
        longitude=lon,
        altitude_m=alt,
        bearing_deg=meta.bearing_deg,
        position_source=source,
        camera_make=meta.camera_make,
        camera_model=meta.camera_model,
        orientation=meta.orientation,
        camera_time=meta.camera_time,
        camera_utc_offset=meta.utc_offset,
        inspection_id=inspection_id,
        thumbnail=prepared.thumb,
        **links,
    )
    session.add(photo)
    session.flush()
    return PhotoResult(
        str(prepared.path),
        "imported",
        sha256=prepared.sha256,
        photo_id=photo.id,
        taken_at=taken_at,
        lat=lat,
        lon=lon,
        position_source=source,
    )


# -- reading ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhotoRow:
    id: str
    inspection_id: str | None
    sha256: str
    original_name: str | None
    media_type: str | None
    byte_size: int | None
    width: int | None
    height: int | None
    taken_at: datetime | None
    latitude: float | None
    longitude: float | None
    altitude_m: float | None
    bearing_deg: float | None
    position_source: str | None
    camera_make: str | None
    camera_model: str | None
    orientation: int | None
    camera_time: str | None
    caption: str | None
    item_id: str | None
    finding_id: str | None
    created_at: datetime


def _row(p: Photo) -> PhotoRow:
    return PhotoRow(
        p.id,
        p.inspection_id,
        p.sha256,
        p.original_name,
        p.media_type,
        p.byte_size,
        p.width,
        p.height,
        p.taken_at,
        p.latitude,
        p.longitude,
        p.altitude_m,
        p.bearing_deg,
        p.position_source,
        p.camera_make,
        p.camera_model,
        p.orientation,
        p.camera_time,
        p.caption,
        p.item_id,
        p.finding_id,
        p.created_at,
    )


def list_photos(
    store: Store, inspection_id: str | None, *, item_id: str | None = None, finding_id: str | None = None
) -> list[PhotoRow]:
    """The live photos of an inspection (optionally of one item or finding), by time taken."""
    stmt = select(Photo).options(defer(Photo.thumbnail)).where(Photo.deleted_at.is_(None))
    stmt = stmt.where(Photo.inspection_id.is_(None) if inspection_id is None else Photo.inspection_id == inspection_id)
    if item_id is not None:
        stmt = stmt.where(Photo.item_id == item_id)
    if finding_id is not None:
        stmt = stmt.where(Photo.finding_id == finding_id)
    with store.read() as session:
        rows = [_row(p) for p in session.scalars(stmt.execution_options(yield_per=500)).all()]
    far = datetime.max.replace(tzinfo=UTC)
    return sorted(rows, key=lambda r: (r.taken_at or far, r.created_at))


def _load(session, photo_id: str) -> Photo:
    photo = session.get(Photo, photo_id)
    if photo is None or photo.deleted_at is not None:
        raise NotFoundError(translate("Photos", "No photo with id {id}.").format(id=photo_id))
    return photo


def get_photo(store: Store, photo_id: str) -> PhotoRow:
    with store.read() as session:
        return _row(_load(session, photo_id))


def thumbnail_bytes(store: Store, photo_id: str) -> bytes | None:
    with store.read() as session:
        return session.scalar(select(Photo.thumbnail).where(Photo.id == photo_id))


def original_path(store: Store, photo_id: str) -> Path:
    """Where the original bytes are; :class:`NotFoundError` when the file is missing from the store."""
    photo = get_photo(store, photo_id)
    path = blob_store(store).path_for(photo.sha256)
    if not path.is_file():
        raise NotFoundError(
            translate("Photos", "The original of {name} is missing from the photo store.").format(
                name=photo.original_name or photo_id
            )
        )
    return path


# -- changes ---------------------------------------------------------------------------------------


def update_photo(
    store: Store,
    photo_id: str,
    *,
    caption: Any = UNSET,
    item_id: Any = UNSET,
    finding_id: Any = UNSET,
    actor: str | None = None,
) -> ChangeSet:
    """Caption and links (to a checklist item, to a finding); other fields describe the file."""
    with store.write(actor) as session:
        photo = _load(session, photo_id)
        changed: dict[str, tuple[Any, Any]] = {}
        if caption is not UNSET:
            text = (caption or "").strip()
            if len(text) > 2000:
                raise ValidationError(translate("Photos", "A caption is at most 2,000 characters."))
            changed["caption"] = (photo.caption, text or None)
            photo.caption = text or None
        if item_id is not UNSET:
            changed["item_id"] = (photo.item_id, item_id or None)
            photo.item_id = item_id or None
        if finding_id is not UNSET:
            if finding_id:
                finding = session.get(Finding, finding_id)
                if finding is None or finding.deleted_at is not None or finding.inspection_id != photo.inspection_id:
                    raise NotFoundError(
                        translate("Photos", "No finding {id} in this photo's inspection.").format(id=finding_id)
                    )
            changed["finding_id"] = (photo.finding_id, finding_id or None)
            photo.finding_id = finding_id or None
        changed = {k: v for k, v in changed.items() if v[0] != v[1]}
        extra: list[Change] = []
        if "item_id" in changed and photo.inspection_id is not None:
            session.flush()
            for item in {changed["item_id"][0], changed["item_id"][1]} - {None}:
                extra.extend(_sync_item_answer(session, photo.inspection_id, item))
        if not changed:
            return ChangeSet()
        return ChangeSet((Change("photos", photo_id, "updated", changed), *extra))


def set_photo_position(store: Store, photo_id: str, lat: float, lon: float, actor: str | None = None) -> ChangeSet:
    """Place a photo by hand (on the map); its position source becomes ``manual``."""
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValidationError(translate("Photos", "The position is outside the globe."))
    with store.write(actor) as session:
        photo = _load(session, photo_id)
        old = (photo.latitude, photo.longitude, photo.position_source)
        photo.latitude, photo.longitude, photo.position_source = lat, lon, "manual"
        return ChangeSet((Change("photos", photo_id, "updated", {"position": (old, (lat, lon, "manual"))}),))


def delete_photo(store: Store, photo_id: str, actor: str | None = None) -> ChangeSet:
    """A tombstone: the original stays in the blob store (other records may share it)."""
    with store.write(actor) as session:
        photo = _load(session, photo_id)
        photo.deleted_at = utcnow()
        extra: list[Change] = []
        if photo.item_id and photo.inspection_id:
            session.flush()
            extra = _sync_item_answer(session, photo.inspection_id, photo.item_id)
    return ChangeSet((Change("photos", photo_id, "deleted"), *extra))


def _sync_item_answer(session: Any, inspection_id: str, item_id: str) -> list[Change]:
    """Keep a photo item's answer (the ids of its photos) in step with the photos linked to it, so
    that a required photo item counts as answered as soon as a photo is linked."""
    ids = list(
        session.scalars(
            select(Photo.id)
            .where(Photo.inspection_id == inspection_id, Photo.item_id == item_id, Photo.deleted_at.is_(None))
            .order_by(Photo.taken_at, Photo.created_at)
        )
    )
    answer = session.scalar(select(Answer).where(Answer.inspection_id == inspection_id, Answer.item_id == item_id))
    value = ids or None
    if answer is None:
        if value is None:
            return []
        answer = Answer(inspection_id=inspection_id, item_id=item_id, value=value, flags=[])
        session.add(answer)
        session.flush()
        return [Change("answers", answer.id, "created")]
    if answer.value == value:
        return []
    answer.value = value
    return [Change("answers", answer.id, "updated", {"value": (None, value)})]


def set_camera_offset(
    store: Store, inspection_id: str, seconds: float, *, zone: tzinfo | None = None, actor: str | None = None
) -> ChangeSet:
    """Correct the camera clock of an inspection's photos by ``seconds`` and place them again.

    Times are recomputed from what the camera wrote; photos positioned from the track (or not at all)
    are placed again; EXIF and manual positions are kept.
    """
    if abs(seconds) > 366 * 86400:
        raise ValidationError(translate("Photos", "A clock offset of more than a year is not plausible."))
    zone = zone or datetime.now().astimezone().tzinfo
    index = _track_index(store, inspection_id)
    changes: list[Change] = []
    with store.write(actor) as session:
        inspection = session.get(Inspection, inspection_id)
        if inspection is None:
            raise NotFoundError(translate("Inspections", "No inspection with id {id}.").format(id=inspection_id))
        inspection.camera_offset_s = seconds
        changes.append(Change("inspections", inspection_id, "updated", {"camera_offset_s": (None, seconds)}))
        photos = session.scalars(
            select(Photo).where(Photo.inspection_id == inspection_id, Photo.deleted_at.is_(None))
        ).all()
        for photo in photos:
            meta = PhotoMetadata(camera_time=photo.camera_time, utc_offset=photo.camera_utc_offset)
            taken_at = _taken_at(meta, zone, seconds)
            if taken_at is None:
                continue
            photo.taken_at = taken_at
            if photo.position_source in (None, "track"):
                found = position_at(index, taken_at.timestamp()) if index else None
                if found is None:
                    photo.latitude = photo.longitude = photo.altitude_m = None
                    photo.position_source = None
                else:
                    photo.latitude, photo.longitude, photo.altitude_m = found
                    photo.position_source = "track"
            changes.append(Change("photos", photo.id, "updated"))
    return ChangeSet(tuple(changes))


def offset_from_gps_photo(store: Store, photo_id: str, gps_time: datetime, zone: tzinfo | None = None) -> float:
    """The camera clock offset from a photo of a GPS screen: the time the screen shows minus the time
    the camera wrote (both as moments). ``gps_time`` must carry its zone (GPS units show UTC or local)."""
    if gps_time.tzinfo is None:
        raise ValidationError(translate("Photos", "Give the GPS time with its time zone."))
    with store.read() as session:
        photo = _load(session, photo_id)
        camera_time, written_offset = photo.camera_time, photo.camera_utc_offset
    local = parse_camera_time(camera_time)
    if local is None:
        raise ValidationError(translate("Photos", "This photo has no camera time to compare with."))
    camera_zone = parse_offset(written_offset) or zone or datetime.now().astimezone().tzinfo
    camera_moment = local.replace(tzinfo=camera_zone).astimezone(UTC)
    return (gps_time.astimezone(UTC) - camera_moment).total_seconds()


__all__ = [
    "PhotoImport",
    "PhotoResult",
    "PhotoRow",
    "delete_photo",
    "get_photo",
    "import_photos",
    "list_photos",
    "offset_from_gps_photo",
    "original_path",
    "set_camera_offset",
    "set_photo_position",
    "thumbnail_bytes",
    "update_photo",
]
