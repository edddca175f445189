"""Sync by file, for sites with no link: export the push as a bundle, import the registry's reply.

The bundle carries exactly what :meth:`SyncEngine.run` would send (the same change ids, so a bundle
and an online sync of the same edits never duplicate anything) plus the originals of the photos the
registry has not confirmed. The reply carries the answers and the pages pulled since the laptop's
cursor; it is applied like an online sync, and importing it again changes nothing (its id is
remembered, and every step is idempotent anyway).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from fieldkit.errors import ValidationError
from fieldkit.i18n import translate
from fieldkit.services.photos import blob_store
from fieldkit.store import Store
from fieldkit.store.models import Photo
from fieldkit.store.types import utcnow
from fieldkit.sync import inbox, outbox
from fieldkit.sync.bundlefile import read_bundle, write_bundle
from fieldkit.sync.engine import USER_KEY, device_name
from fieldkit.sync.protocol import BundleManifest

IMPORTED_KEY = "bundles_imported"


@dataclass
class ExportResult:
    path: Path
    bundle_id: str
    changes: int
    blobs: int
    bytes: int


@dataclass
class ImportResult:
    bundle_id: str
    already: bool = False
    accepted: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    blobs: int = 0
    problems: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "bundle_id": self.bundle_id,
            "already_imported": self.already,
            "accepted": self.accepted,
            "conflicts": self.conflicts,
            "rejected": self.rejected,
            "pulled": self.pulled,
            "blobs": self.blobs,
            "problems": self.problems,
        }


def _username(store: Store, username: str | None) -> str:
    if username:
        return username
    info = store.get_meta(USER_KEY) or {}
    name = info.get("username") if isinstance(info, dict) else None
    name = name or store.current_user
    if not name:
        raise ValidationError(translate("Sync", "Say whose changes these are: --user NAME."))
    return name


def export_bundle(store: Store, path: Path, *, username: str | None = None) -> ExportResult:
    """Write the pending changes and the photo originals they need to ``path``."""
    blobs = blob_store(store)
    with store.read() as session:
        unsynced = set(session.scalars(select(Photo.sha256).where(Photo.blob_synced.is_(False))))
    carried = {sha: blobs.path_for(sha) for sha in sorted(unsynced) if blobs.has(sha)}
    box = outbox.collect(store, blobs_carried=set(carried))
    wanted = {c.data.get("sha256") for c in box.changes if c.entity == "photos"}
    carried = {sha: p for sha, p in carried.items() if sha in wanted}
    manifest = BundleManifest(
        kind="changes",
        bundle_id=str(uuid.uuid4()),
        created_at=utcnow(),
        username=_username(store, username),
        device=device_name(store),
        since=inbox.cursor_state(store)["cursor"],
        changes=box.changes,
    )
    write_bundle(Path(path), manifest, carried)
    return ExportResult(
        Path(path), manifest.bundle_id, len(box.changes), len(carried), sum(p.stat().st_size for p in carried.values())
    )


def import_reply(store: Store, path: Path) -> ImportResult:
    """Apply a reply bundle from the registry: answers, then pulled pages, then photo originals."""
    manifest, reader = read_bundle(Path(path))
    with reader:
        if manifest.kind != "reply":
            raise ValidationError(
                translate("Sync", "{path} is a bundle of changes, not a reply from the registry.").format(
                    path=Path(path).name
                )
            )
        result = ImportResult(manifest.bundle_id)
        done = store.get_meta(IMPORTED_KEY) or []
        if manifest.bundle_id in done:
            result.already = True
            return result
        # Originals first (verified while copied): a photo record then never points at nothing.
        blobs = blob_store(store)
        for sha in reader.hashes:
            if not blobs.has(sha):
                blobs.put_bytes(reader.blob_bytes(sha), sha)
                result.blobs += 1
        actor = manifest.username
        box = outbox.Outbox()
        with store.write(actor, remote=True) as session:
            counts = outbox.apply_results(session, box, manifest.results)
        result.accepted, result.conflicts, result.rejected = counts.accepted, counts.conflicts, counts.rejected
        result.problems.extend(counts.problems)
        for page in manifest.pages:
            with store.write(actor, remote=True) as session:
                applied = inbox.apply_page(session, page, sorted(page.scope), never_back=True)
            result.pulled += applied.applied
            result.conflicts += applied.conflicts
        store.set_meta(IMPORTED_KEY, [*done, manifest.bundle_id][-200:])
    return result
