"""Sync by file, for sites with no link: export the push as a bundle, import the registry's reply.

The bundle carries exactly what :meth:`SyncEngine.run` would send (the same change ids, so a bundle
and an online sync of the same edits never duplicate anything) plus the originals of the photos the
registry has not confirmed. The reply carries the answers and the pages pulled since the laptop's
cursor; it is applied like an online sync, and importing it again changes nothing (its id is
remembered, and every step is idempotent anyway).
"""

from __future__ import annotations

import hashlib
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
from fieldkit.sync.engine import TOKEN_KEY, USER_KEY, device_name
from fieldkit.sync.protocol import BundleManifest, bundle_proof

IMPORTED_KEY = "bundles_imported"


@dataclass
class ExportResult:
    path: Path
    bundle_id: str
    changes: int
    blobs: int
    bytes: int
    #: False: no stored token to sign with; the registry takes it only if its operator vouches (--vouch)
    signed: bool = True


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


def _signer(store: Store, username: str | None) -> tuple[str, str | None]:
    """Whose changes the bundle carries, and the sha256 hex of the stored token that signs them (None:
    no token, an unsigned bundle).

    With a token, the bundle can only be the token's user's: a proof made with one user's token for
    another user's name would be refused by the registry anyway, so ``--user`` naming someone else is
    refused here, with a message that says what to do.
    """
    info = store.get_meta(USER_KEY) or {}
    known = info.get("username") if isinstance(info, dict) else None
    token = store.get_meta(TOKEN_KEY)
    if token and known:
        if username and username != known:
            raise ValidationError(
                translate(
                    "Sync",
                    "This laptop is logged in as {known}, so its bundle can only carry {known}'s changes: "
                    "log in as {user} first (fieldkit sync --user {user}) or leave out --user.",
                ).format(known=known, user=username)
            )
        return known, hashlib.sha256(str(token).encode()).hexdigest()
    name = username or known or store.current_user
    if not name:
        raise ValidationError(translate("Sync", "Say whose changes these are: --user NAME."))
    return name, None


def export_bundle(store: Store, path: Path, *, username: str | None = None) -> ExportResult:
    """Write the pending changes and the photo originals they need to ``path``.

    The manifest is signed (:func:`~fieldkit.sync.protocol.bundle_proof`) with the token this laptop
    keeps from its last login, so the registry knows the bundle is that user's and was not altered.
    Without a token the bundle is unsigned (``ExportResult.signed`` False): the registry imports it
    only when its operator vouches for the carrier.
    """
    user, token_hash = _signer(store, username)
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
        username=user,
        device=device_name(store),
        since=inbox.cursor_state(store)["cursor"],
        changes=box.changes,
        blobs=sorted(carried),  # as write_bundle sets it: the proof covers the blob list
    )
    if token_hash is not None:
        manifest = manifest.model_copy(update={"proof": bundle_proof(token_hash, manifest)})
    write_bundle(Path(path), manifest, carried)
    return ExportResult(
        Path(path),
        manifest.bundle_id,
        len(box.changes),
        len(carried),
        sum(p.stat().st_size for p in carried.values()),
        signed=token_hash is not None,
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
