"""Content-addressed blob folder with resumable uploads.

``DATA/blobs/ab/<sha256>`` holds verified blobs; ``DATA/uploads/<sha256>.<user>.part`` a partial
upload (one per uploader, so two laptops sending the same photo do not interleave). A blob enters
the folder only after its bytes hash to its name, through fsync and an atomic rename.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sqlalchemy.orm import Session

from fieldkit.store.types import utcnow
from fieldkit.sync.protocol import MAX_BLOB_BYTES, SHA256, UploadState
from fieldkit_registry.db import BlobRow


class BlobError(Exception):
    def __init__(self, status: int, code: str, message: str, details=None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


class BlobFolder:
    def __init__(self, root: Path, uploads: Path) -> None:
        self.root = root
        self.uploads = uploads

    def path(self, sha256: str) -> Path:
        assert SHA256.match(sha256)
        return self.root / sha256[:2] / sha256

    def partial(self, sha256: str, user_id: str) -> Path:
        assert SHA256.match(sha256)
        return self.uploads / f"{sha256}.{user_id}.part"

    def state(self, session: Session, sha256: str, user_id: str) -> UploadState:
        row = session.get(BlobRow, sha256)
        if row is not None and self.path(sha256).exists():
            return UploadState(sha256=sha256, received=row.size, complete=True)
        part = self.partial(sha256, user_id)
        received = part.stat().st_size if part.exists() else 0
        return UploadState(sha256=sha256, received=received, complete=False)

    def append(self, session: Session, sha256: str, user_id: str, offset: int, total: int, chunk: bytes) -> UploadState:
        """Append ``chunk`` at ``offset`` of an upload of ``total`` bytes; verify and store at the end."""
        if total > MAX_BLOB_BYTES:
            raise BlobError(413, "too_large", f"a blob is at most {MAX_BLOB_BYTES} bytes")
        state = self.state(session, sha256, user_id)
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
        part = self.partial(sha256, user_id)
        part.parent.mkdir(parents=True, exist_ok=True)
        if chunk:
            with open(part, "ab") as fh:
                fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
        received = offset + len(chunk)
        if received < total:
            return UploadState(sha256=sha256, received=received, complete=False)
        return self.finish(session, sha256, user_id, total)

    def finish(self, session: Session, sha256: str, user_id: str, total: int) -> UploadState:
        """Verify the partial upload of ``total`` bytes and move it into place (or drop it)."""
        part = self.partial(sha256, user_id)
        digest = hashlib.sha256()
        if part.exists():
            with open(part, "rb") as fh:
                while block := fh.read(1024 * 1024):
                    digest.update(block)
        if digest.hexdigest() != sha256:
            part.unlink(missing_ok=True)
            raise BlobError(422, "hash_mismatch", "the uploaded bytes do not hash to their name; upload again")
        target = self.path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not part.exists():
            part.write_bytes(b"")  # the empty blob
        os.replace(part, target)
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
        if session.get(BlobRow, sha256) is None:
            session.add(BlobRow(sha256=sha256, size=total, created_at=utcnow(), uploaded_by=user_id))
        session.commit()
        return UploadState(sha256=sha256, received=total, complete=True)
