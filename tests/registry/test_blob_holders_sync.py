"""Laptops (real client stores and fieldkit.sync.engine.SyncEngine) importing the same photo file from one
shared camera card and syncing with a real registry process: every photo record ends on the registry,
and no laptop is left with pending rows or unsent originals."""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image
from sqlalchemy import create_engine, select, text

from fieldkit import services
from fieldkit.store.models import Photo
from fieldkit.sync.engine import SyncEngine
from fieldkit.sync.ids import reference_id
from fieldkit.sync.status import sync_status

COLLEAGUE = "card-colleague"  # a second inspector at SDK


def _registry_photos(registry, sha: str) -> set[str]:
    engine = create_engine(registry.database_url)
    try:
        with engine.connect() as conn:
            query = text("SELECT id FROM records WHERE entity = 'photos' AND blob_sha256 = :s AND NOT deleted")
            return set(conn.scalars(query, {"s": sha}))
    finally:
        engine.dispose()


def test_laptops_sharing_a_camera_card_all_file_their_photo(tmp_path: Path, sqlite_registry) -> None:
    registry = sqlite_registry
    added = registry.cli("users", "add", COLLEAGUE, "--role", "inspector", "--sites", "SDK")
    assert added.returncode == 0, added.stderr
    card = tmp_path / "DCIM_0001.png"
    Image.frombytes("RGB", (96, 64), os.urandom(96 * 64 * 3)).save(card, compress_level=1)
    with contextlib.ExitStack() as stack:
        laptops = {}
        for user, site in (("inspector", "SDK"), (COLLEAGUE, "SDK"), ("inspector2", "MBC")):
            store = stack.enter_context(services.open_store(tmp_path / user))
            engine = SyncEngine(store, registry.url, device=f"{user}-camera-laptop")
            engine.attempts, engine.backoff = 3, 0.05
            engine.login(user, registry.password)
            engine.run()
            iid = services.create_inspection(
                store, reference_id("sites", site), title="Shared card", started_at=datetime.now(UTC)
            ).created_id
            (one,) = services.photos.import_photos(store, [card], iid, workers=1).results
            assert one.status == "imported", one.error
            laptops[user] = (store, engine, one.photo_id)
        reports = {user: engine.run() for user, (_store, engine, _pid) in laptops.items()}
        # the first sends the original; the colleague at SDK may already see it; inspector2 at MBC may not,
        # so sends the same bytes to prove it holds them
        assert {u: r.blobs_up for u, r in reports.items()} == {"inspector": 1, COLLEAGUE: 0, "inspector2": 1}
        for user, report in reports.items():
            assert (report.accepted, report.rejected, report.conflicts) == (2, 0, 0), (user, report.problems)
        shas = set()
        for user, (store, engine, pid) in laptops.items():
            engine.run()
            status = sync_status(store)
            assert (status.pending, status.rejected, status.conflicts) == (0, 0, 0), user
            with store.read() as session:
                photo = session.get(Photo, pid)
                assert photo.blob_synced is True and photo.dirty is False and photo.rev is not None, user
                assert not session.scalars(select(Photo).where(Photo.blob_synced.is_(False))).all(), user
                shas.add(photo.sha256)
        (sha,) = shas
        assert _registry_photos(registry, sha) == {pid for _store, _engine, pid in laptops.values()}
