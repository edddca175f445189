"""``fieldkit-registry bundle import FILE --reply OUT``: a laptop's push carried as a file.

The bundle is read with the client's own reader (:mod:`fieldkit.sync.bundlefile`: names matched, never
used as paths; sizes, ratios and hashes checked). Its blobs are verified before anything is stored,
the push runs as the manifest's user exactly as over HTTP (the administrator running the command
vouches for the carrier), and the reply carries the answers, the pages since the laptop's cursor and
the photos in them. Importing the same bundle twice changes nothing: change ids are remembered.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine, select

from fieldkit.errors import ValidationError
from fieldkit.store.types import utcnow
from fieldkit.sync.bundlefile import read_bundle, write_bundle
from fieldkit.sync.protocol import MAX_BATCH, BundleManifest, ChangeResult
from fieldkit_registry import service
from fieldkit_registry.auth import Caller
from fieldkit_registry.blobs import BlobError, BlobFolder
from fieldkit_registry.config import Settings
from fieldkit_registry.db import BlobRow, UserRow, read_session


def _caller(engine: Engine, username: str, device: str) -> Caller:
    with read_session(engine) as session:
        user = session.scalar(select(UserRow).where(UserRow.username == username))
        if user is None or not user.active:
            raise ValidationError(f"The bundle is from {username!r}, who is not an active user of this registry.")
        return Caller(
            user.id,
            user.username,
            user.display_name,
            user.role,
            tuple(user.site_codes or ()),
            0,
            device,
            utcnow() + timedelta(minutes=5),
        )


def import_bundle(engine: Engine, settings: Settings, path: Path, reply_path: Path) -> str:
    manifest, reader = read_bundle(path)
    with reader:
        if manifest.kind != "changes":
            raise ValidationError(
                f"{path.name} is a reply bundle: import it on the laptop with `fieldkit bundle import`."
            )
        caller = _caller(engine, manifest.username, manifest.device)
        folder = BlobFolder(settings.blob_dir, settings.upload_dir)
        stored = _import_blobs(engine, folder, reader, manifest, caller)
        results: list[ChangeResult] = []
        for start in range(0, len(manifest.changes), MAX_BATCH):
            results += service.push(engine, caller, manifest.device, manifest.changes[start : start + MAX_BATCH])
    pages = list(service.pages_since(engine, caller, manifest.since))
    shas = {r.data.get("sha256") for page in pages for r in page.records if r.entity == "photos" and not r.deleted}
    with read_session(engine) as session:
        held = set(session.scalars(select(BlobRow.sha256).where(BlobRow.sha256.in_(sorted(s for s in shas if s)))))
    reply = BundleManifest(
        kind="reply",
        bundle_id=str(uuid.uuid4()),
        created_at=utcnow(),
        username=manifest.username,
        device=manifest.device,
        in_reply_to=manifest.bundle_id,
        results=results,
        pages=pages,
        blobs=sorted(held),
    )
    write_bundle(reply_path, reply, {sha: folder.path(sha) for sha in sorted(held)})
    counts = {s: sum(1 for r in results if r.status == s) for s in ("accepted", "conflict", "rejected")}
    records = sum(len(p.records) for p in pages)
    return (
        f"bundle from {manifest.username}/{manifest.device}: {len(results)} change(s) "
        f"({counts['accepted']} accepted, {counts['conflict']} conflicts, {counts['rejected']} rejected), "
        f"{stored} blob(s) stored; reply {reply_path} with {records} record(s) and {len(held)} blob(s)"
    )


def _import_blobs(engine: Engine, folder: BlobFolder, reader, manifest: BundleManifest, caller: Caller) -> int:
    """Verify every blob of the bundle into a partial file first; only then store them all."""
    wanted = sorted(set(manifest.blobs) & set(reader.hashes))
    with read_session(engine) as session:
        present = set(session.scalars(select(BlobRow.sha256).where(BlobRow.sha256.in_(wanted)))) if wanted else set()
    todo = [sha for sha in wanted if sha not in present]
    folder.uploads.mkdir(parents=True, exist_ok=True)
    parts = {sha: folder.partial(sha, caller.user_id) for sha in todo}
    try:
        for sha, part in parts.items():
            reader.copy_blob(sha, part)  # verified: raises ValidationError on a bad blob
        with read_session(engine) as session:
            for sha, part in parts.items():
                folder.finish(session, sha, caller.user_id, part.stat().st_size)
    except BlobError as exc:
        raise ValidationError(f"A blob of the bundle was refused: {exc.message}") from None
    finally:
        for part in parts.values():
            part.unlink(missing_ok=True)
    return len(todo)
