"""Content-addressed blob folder with resumable uploads.

``DATA/blobs/ab/<sha256>`` holds verified blobs; ``DATA/uploads/<sha256>.<user>.<key>.part`` a partial
upload, one per uploader and device token (two laptops of one user sending the same photo do not
interleave). A blob enters the folder only after its bytes hash to its name, through fsync and an
atomic rename; an upload of a blob already stored is verified the same way and then dropped, making
its sender a holder (:mod:`fieldkit_registry.holders`). Partial uploads are capped per user and
dropped after :data:`PARTIAL_DAYS` days, so abandoned uploads do not fill the disk.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from pathlib import Path

from sqlalchemy import Engine

from fieldkit.sync.protocol import MAX_BLOB_BYTES, SHA256, UploadState
from fieldkit_registry import holders
from fieldkit_registry.auth import Caller
from fieldkit_registry.db import BlobRow, read_session

log = logging.getLogger("fieldkit_registry.blobs")
#: Unfinished uploads older than this are deleted when the registry starts.
PARTIAL_DAYS = 7
#: Unfinished uploads one user may have at a time.
PARTIALS_PER_USER = 20


class BlobError(Exception):
    def __init__(self, status: int, code: str, message: str, details=None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


class BlobFolder:
    def __init__(self, root: Path, uploads: Path, partials_per_user: int = PARTIALS_PER_USER) -> None:
        self.root = root
        self.uploads = uploads
        self.partials_per_user = partials_per_user

    def path(self, sha256: str) -> Path:
        assert SHA256.match(sha256)
        return self.root / sha256[:2] / sha256

    def partial(self, sha256: str, user_id: str, key: str) -> Path:
        """The partial upload of ``sha256`` by ``user_id`` through ``key`` (a token id, or a bundle's)."""
        assert SHA256.match(sha256)
        return self.uploads / f"{sha256}.{user_id}.{key}.part"

    def state(self, engine: Engine, sha256: str, caller: Caller, key: str) -> UploadState:
        """Where ``caller``'s upload of ``sha256`` through ``key`` stands. A stored blob is complete only
        for those who may use it (:func:`fieldkit_registry.holders.usable`); anyone else uploads its
        bytes like a new blob, to prove they hold them."""
        with read_session(engine) as session:
            row = session.get(BlobRow, sha256)
            usable = row is not None and bool(holders.usable(session, caller, [sha256]))
        if usable and self.path(sha256).exists():
            return UploadState(sha256=sha256, received=row.size, complete=True)
        part = self.partial(sha256, caller.user_id, key)
        received = part.stat().st_size if part.exists() else 0
        return UploadState(sha256=sha256, received=received, complete=False)

    def append(
        self, engine: Engine, sha256: str, caller: Caller, key: str, offset: int, total: int, chunk: bytes
    ) -> UploadState:
        """Append ``chunk`` at ``offset`` of an upload of ``total`` bytes; verify and store at the end.

        No database transaction is open while the chunk is written and synced to disk."""
        if total > MAX_BLOB_BYTES:
            raise BlobError(413, "too_large", f"a blob is at most {MAX_BLOB_BYTES} bytes")
        user_id = caller.user_id
        state = self.state(engine, sha256, caller, key)
        if state.complete:
            return state
        if offset != state.received:
            raise BlobError(
                409,
                "conflict",
                f"the registry holds {state.received} bytes of this upload, not {offset}",
                {"received": state.received},
            )
        if offset + len(chunk) > total:
            raise BlobError(413, "too_large", "the chunk goes past the declared total")
        part = self.partial(sha256, user_id, key)
        part.parent.mkdir(parents=True, exist_ok=True)
        if chunk:
            if not part.exists() and offset + len(chunk) < total:
                self._check_partials(user_id)
            with open(part, "ab") as fh:
                fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
        received = offset + len(chunk)
        if received < total:
            return UploadState(sha256=sha256, received=received, complete=False)
        return self.finish(engine, sha256, user_id, part, total)

    def _check_partials(self, user_id: str) -> None:
        held = sum(1 for _ in self.uploads.glob(f"*.{user_id}.*.part"))
        if held >= self.partials_per_user:
            raise BlobError(
                413,
                "too_large",
                f"you have {held} unfinished uploads on the registry (at most {self.partials_per_user}): "
                "finish them first",
                {"unfinished": held},
            )

    def finish(self, engine: Engine, sha256: str, user_id: str, part: Path, total: int) -> UploadState:
        """Verify the partial upload ``part`` of ``total`` bytes, move it into place (or drop it when the
        blob is already stored: the stored file is never replaced) and record ``user_id`` as a holder."""
        digest = hashlib.sha256()
        if part.exists():
            with open(part, "rb") as fh:
                while block := fh.read(1024 * 1024):
                    digest.update(block)
        if digest.hexdigest() != sha256:
            part.unlink(missing_ok=True)
            raise BlobError(422, "hash_mismatch", "the uploaded bytes do not hash to their name; upload again")
        target = self.path(sha256)
        if target.exists():
            # Someone stored these bytes before: the upload proved the caller holds them, nothing more.
            part.unlink(missing_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not part.exists():
                part.write_bytes(b"")  # the empty blob
            os.replace(part, target)
            dir_fd = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        holders.record(engine, sha256, total, user_id)
        return UploadState(sha256=sha256, received=total, complete=True)

    def clean_partials(self, days: float = PARTIAL_DAYS) -> int:
        """Delete partial uploads not written to for ``days`` days; returns how many."""
        if not self.uploads.is_dir():
            return 0
        cutoff = time.time() - days * 86400
        dropped = 0
        for part in self.uploads.glob("*.part"):
            try:
                if part.stat().st_mtime < cutoff:
                    part.unlink()
                    dropped += 1
            except FileNotFoundError:
                continue
        if dropped:
            log.info("deleted %d partial upload(s) older than %s days", dropped, days)
        return dropped
