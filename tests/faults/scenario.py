"""Field work on a real client store, syncs repeated until complete, and the completeness checks the fault
tests share: every record on the registry exactly once, every photo verified on both sides, nothing dirty,
no conflict made up by a fault, and a second laptop pulling the same records and bytes.

Kept apart from the tests so that test_faults.py (in-process engine) and test_kill.py (the CLI killed with
SIGKILL) check exactly the same things.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image
from sqlalchemy import create_engine, func, select, text

from fieldkit import services
from fieldkit.services.photos import blob_store
from fieldkit.store import Store
from fieldkit.store.models import Photo, SyncConflict
from fieldkit.sync.engine import SyncEngine, SyncReport
from fieldkit.sync.errors import Offline
from fieldkit.sync.ids import reference_id
from fieldkit.sync.protocol import CHUNK_BYTES, FIELD_ENTITIES
from fieldkit.sync.records import MODELS, row_data, same_content
from fieldkit.sync.status import sync_status
from tests.photos import makers

SDK = reference_id("sites", "SDK")
FORM = "effluent-sampling"
ANSWERS = (("discharge_route", "inland"), ("sample_taken", "yes"), ("lab_results_received", "yes"), ("lead", 0.31))
#: Bytes of a "big" photo: more than one upload chunk, so a cut can land in its second chunk.
BIG_PIXELS = (2000, 1500)


@dataclass
class Work:
    """What one laptop recorded: the (entity, id) of every field record and the sha256 of every photo."""

    records: set[tuple[str, str]] = field(default_factory=set)
    inspections: list[str] = field(default_factory=list)
    photos: dict[str, int] = field(default_factory=dict)  # sha256 -> size
    big: str | None = None  # sha256 of the photo larger than one chunk


def open_laptop(data_dir: Path, server: str, user: str, password: str, *, attempts: int = 2) -> SyncEngine:
    """A fresh client store logged in as ``user`` at ``server`` and synced once (sites, users, templates)."""
    store = services.open_store(data_dir)
    engine = SyncEngine(store, server, device=f"{user}-{data_dir.name}")
    engine.attempts, engine.backoff = attempts, 0.05
    engine.login(user, password)
    engine.run()
    return engine


def photo_file(folder: Path, n: int, *, big: bool = False) -> Path:
    """A JPEG with EXIF (Pillow), distinct bytes each; ``big`` is over one upload chunk (noise at quality 100)."""
    size = BIG_PIXELS if big else (200, 150)
    image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    exif = makers.make_exif(
        camera_time=f"2026:10:14 09:{n:02d}:00", offset="+05:00", make="Canon", lat=29.2633, lon=61.5717
    )
    data = makers.jpeg_bytes(image, exif, quality=100 if big else 90)
    if big:
        assert len(data) > CHUNK_BYTES, len(data)
    return makers.write(folder / f"IMG_{n:04d}.jpg", data)


def record_work(store: Store, folder: Path, tag: str, *, inspections: int = 3, photos: int = 6, big: int = 0) -> Work:
    """Inspections with answers and findings, and ``photos`` photos spread over them (``big`` of them large)."""
    template = services.template_id_for(store, FORM)
    work = Work()
    for i in range(inspections):
        iid = services.create_inspection(
            store, SDK, template_id=template, title=f"{tag} {i}", started_at=datetime.now(UTC)
        ).created_id
        work.inspections.append(iid)
        for item, value in ANSWERS:
            services.answer_item(store, iid, item, value)
        services.create_finding(store, iid, title=f"{tag} finding {i}", severity="medium")
    paths = [photo_file(folder / tag, n, big=n < big) for n in range(photos)]
    for n, path in enumerate(paths):
        result = services.photos.import_photos(store, [path], work.inspections[n % inspections], workers=1)
        (one,) = result.results
        assert one.status == "imported", one.error
    with store.read() as session:
        for entity in FIELD_ENTITIES:
            model = MODELS[entity]
            work.records |= {(entity, rid) for rid in session.scalars(select(model.id).where(model.dirty.is_(True)))}
        for sha, size in session.execute(select(Photo.sha256, Photo.byte_size).where(Photo.blob_synced.is_(False))):
            work.photos[sha] = size
    big_ones = [sha for sha, size in work.photos.items() if size > CHUNK_BYTES]
    work.big = big_ones[0] if big_ones else None
    assert {e for e, _ in work.records} >= {"inspections", "answers", "findings", "photos"}
    return work


def sync_until_complete(engine: SyncEngine, runs: int = 6, progress=None) -> tuple[list[SyncReport], list[str]]:
    """Run syncs until one ends with nothing pending; a run may end Offline (the fault): run again."""
    reports: list[SyncReport] = []
    failures: list[str] = []
    for _ in range(runs):
        try:
            reports.append(engine.run(progress))
        except Offline as exc:
            failures.append(str(exc))
            continue
        if sync_status(engine.store).pending == 0 and not _unsynced_blobs(engine.store):
            return reports, failures
    raise AssertionError(f"not complete after {runs} runs; failures: {failures}; last: {reports[-1:]}")


def _unsynced_blobs(store: Store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(Photo).where(Photo.blob_synced.is_(False))) or 0


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def registry_rows(database_url: str, sql: str, **params) -> list:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql), params).all()
    finally:
        engine.dispose()


def assert_on_registry(registry, work: Work) -> None:
    """Every record exactly once (and no stray copy under another id), every blob stored and verified, no
    conflict kept for any of them."""
    ids = sorted(rid for _, rid in work.records)
    marks = ",".join(f":i{n}" for n in range(len(ids)))
    params = {f"i{n}": rid for n, rid in enumerate(ids)}
    rows = registry_rows(
        registry.database_url, f"SELECT entity, id, deleted FROM records WHERE id IN ({marks})", **params
    )
    assert sorted((e, i) for e, i, _ in rows) == sorted(work.records)
    assert not any(deleted for *_, deleted in rows)
    # A duplicate would be the same work under a new id: count everything hanging off these inspections.
    inspections = ",".join(f":i{n}" for n, rid in enumerate(ids) if ("inspections", rid) in work.records)
    children = registry_rows(
        registry.database_url, f"SELECT count(*) FROM records WHERE inspection_id IN ({inspections})", **params
    )[0][0]
    assert children == len(work.records) - len(work.inspections)
    conflicts = registry_rows(
        registry.database_url, f"SELECT count(*) FROM conflicts WHERE record_id IN ({marks})", **params
    )[0][0]
    assert conflicts == 0, "a fault turned into a conflict on the registry"
    for sha, size in work.photos.items():
        (held,) = registry_rows(registry.database_url, "SELECT size FROM blobs WHERE sha256 = :s", s=sha)
        assert held[0] == size
        stored = registry.data_dir / "blobs" / sha[:2] / sha
        assert stored.stat().st_size == size and sha256_file(stored) == sha
    partial = [p.name for p in (registry.data_dir / "uploads").glob("*.part") if p.name.split(".")[0] in work.photos]
    assert partial == [], "a finished upload left its partial file behind"


def assert_client_clean(store: Store, work: Work) -> None:
    """Nothing dirty, every photo's blob confirmed, no conflict or rejection, the local originals intact."""
    status = sync_status(store)
    assert (status.pending, status.conflicts, status.rejected) == (0, 0, 0), status
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(SyncConflict)) == 0
        photos = session.scalars(select(Photo).where(Photo.sha256.in_(list(work.photos)))).all()
        assert {p.sha256 for p in photos} == set(work.photos)
        assert all(p.blob_synced and not p.dirty and p.rev for p in photos)
        for entity, rid in work.records:
            row = session.get(MODELS[entity], rid)
            assert row is not None and not row.dirty and row.rev, (entity, rid)
    blobs = blob_store(store)
    for sha in work.photos:
        assert sha256_file(blobs.path_for(sha)) == sha


def assert_second_laptop_agrees(source: Store, data_dir: Path, server: str, user: str, password: str, work: Work):
    """A fresh laptop of the same user pulls every record with the same content and every photo's bytes."""
    engine = open_laptop(data_dir, server, user, password)
    try:
        with source.read() as mine, engine.store.read() as theirs:
            for entity, rid in work.records:
                a, b = mine.get(MODELS[entity], rid), theirs.get(MODELS[entity], rid)
                assert b is not None, (entity, rid)
                assert same_content(row_data(mine, a), row_data(theirs, b)), (entity, rid)
        blobs = blob_store(engine.store)
        for sha in work.photos:
            assert sha256_file(blobs.path_for(sha)) == sha
        with engine.store.read() as session:
            assert all(p.thumbnail for p in session.scalars(select(Photo)))
    finally:
        engine.store.close()
