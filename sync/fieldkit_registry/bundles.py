"""``fieldkit-registry bundle import FILE --reply OUT``: a laptop's push carried as a file.

The bundle is read with the client's own reader (:mod:`fieldkit.sync.bundlefile`: names matched, never
used as paths; sizes, ratios and hashes checked). Its blobs are verified before anything is stored (and
make the bundle's user their holder), the push runs as the manifest's user exactly as over HTTP, and
the reply carries the answers, the pages since the laptop's cursor and the photos in them.
Importing the same bundle twice changes nothing: change ids are remembered.

Whose changes they are is not taken from the manifest's word: the laptop signs the manifest with its
device token (:func:`fieldkit.sync.protocol.bundle_proof`, keyed by the token's sha256, which is what the
registry stores), and the import checks the proof against the user's live tokens. An unsigned bundle
(a laptop that never logged in) is imported only when the operator passes ``--vouch``, which is logged
and never allowed for an administrator's bundle.
"""

from __future__ import annotations

import hmac
import logging
import uuid
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine, select

from fieldkit.errors import ValidationError
from fieldkit.store.types import utcnow
from fieldkit.sync.bundlefile import read_bundle, write_bundle
from fieldkit.sync.protocol import MAX_BATCH, BundleManifest, ChangeResult, bundle_proof
from fieldkit_registry import holders, service
from fieldkit_registry.auth import Caller
from fieldkit_registry.blobs import BlobError, BlobFolder
from fieldkit_registry.config import Settings
from fieldkit_registry.db import BlobHolder, BlobRow, TokenRow, UserRow, read_session

log = logging.getLogger("fieldkit_registry.bundles")


def _signer(engine: Engine, manifest: BundleManifest, vouch: bool) -> Caller:
    """The caller the bundle's changes run as: the user whose live token signed the manifest, or (an
    unsigned or wrongly signed bundle) the manifest's user when the operator vouches for the carrier."""
    username = manifest.username
    with read_session(engine) as session:
        user = session.scalar(select(UserRow).where(UserRow.username == username))
        if user is None or not user.active:
            raise ValidationError(f"The bundle is from {username!r}, who is not an active user of this registry.")
        now = utcnow()
        tokens = session.scalars(
            select(TokenRow).where(
                TokenRow.user_id == user.id, TokenRow.revoked_at.is_(None), TokenRow.expires_at > now
            )
        ).all()
        signed_by = None
        if manifest.proof:
            signed_by = next(
                (t for t in tokens if hmac.compare_digest(bundle_proof(t.token_hash, manifest), manifest.proof)), None
            )
        if signed_by is None:
            if not vouch:
                why = "is not signed" if not manifest.proof else "is not signed by a live token of that user"
                raise ValidationError(
                    f"The bundle from {username!r} {why}: have {username} log in on that laptop and export "
                    "again, or pass --vouch if you know the carrier."
                )
            if user.role == "admin":
                raise ValidationError(
                    f"The bundle from {username!r} is not signed, and --vouch is never taken "
                    "for an administrator's bundle."
                )
            log.warning(
                "bundle %s from %s/%s imported unsigned: the operator vouched for it",
                manifest.bundle_id,
                username,
                manifest.device,
            )
        return Caller(
            user.id,
            user.username,
            user.display_name,
            user.role,
            tuple(user.site_codes or ()),
            signed_by.id if signed_by is not None else 0,
            signed_by.device if signed_by is not None else manifest.device,
            utcnow() + timedelta(minutes=5),
        )


def import_bundle(engine: Engine, settings: Settings, path: Path, reply_path: Path, *, vouch: bool = False) -> str:
    """Import the changes bundle ``path`` (see the module docstring) and write the reply to ``reply_path``."""
    manifest, reader = read_bundle(path)
    with reader:
        if manifest.kind != "changes":
            raise ValidationError(
                f"{path.name} is a reply bundle: import it on the laptop with `fieldkit bundle import`."
            )
        caller = _signer(engine, manifest, vouch)
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
    signed = "signed" if caller.token_id else "unsigned, vouched for"
    return (
        f"bundle from {manifest.username}/{manifest.device} ({signed}): {len(results)} change(s) "
        f"({counts['accepted']} accepted, {counts['conflict']} conflicts, {counts['rejected']} rejected), "
        f"{stored} blob(s) stored; reply {reply_path} with {records} record(s) and {len(held)} blob(s)"
    )


def _import_blobs(engine: Engine, folder: BlobFolder, reader, manifest: BundleManifest, caller: Caller) -> int:
    """Verify every blob of the bundle into a partial file first; only then store them all. A blob the
    registry already stores is verified too (the bundle carries its bytes) and makes the bundle's user
    a holder (:mod:`fieldkit_registry.holders`); its stored file stays as it is."""
    wanted = sorted(set(manifest.blobs) & set(reader.hashes))
    held: set[str] = set()
    with read_session(engine) as session:
        for start in range(0, len(wanted), holders.CHUNK):
            part = wanted[start : start + holders.CHUNK]
            query = select(BlobHolder.sha256).where(BlobHolder.user_id == caller.user_id, BlobHolder.sha256.in_(part))
            held |= set(session.scalars(query))
    todo = [sha for sha in wanted if sha not in held or not folder.path(sha).exists()]
    folder.uploads.mkdir(parents=True, exist_ok=True)
    key = "bundle-" + uuid.uuid4().hex  # this import's own partial files
    parts = {sha: folder.partial(sha, caller.user_id, key) for sha in todo}
    new = 0
    try:
        for sha, part in parts.items():
            reader.copy_blob(sha, part)  # verified: raises ValidationError on a bad blob
        for sha, part in parts.items():
            new += not folder.path(sha).exists()
            folder.finish(engine, sha, caller.user_id, part, part.stat().st_size)
    except BlobError as exc:
        raise ValidationError(f"A blob of the bundle was refused: {exc.message}") from None
    finally:
        for part in parts.values():
            part.unlink(missing_ok=True)
    return new
