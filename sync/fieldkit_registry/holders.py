"""Proof of possession of blobs: who may name a stored blob in a photo record, see it as present, or
download it.

A blob is content-addressed, so its hash is no secret (it travels in every photo record). Knowing a
hash must never give the blob; holding its bytes must always let a photo record use it, even when
someone else uploaded the same bytes first (two inspectors importing one camera card). So a user
*holds* a blob once bytes they sent hashed to its name (an upload, or a verified bundle), and a blob is
usable by its holders, by whoever may read a live photo record using it, and by administrators.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fieldkit.store.types import utcnow
from fieldkit_registry import rules
from fieldkit_registry.auth import Caller
from fieldkit_registry.db import BlobHolder, BlobRow, RecordRow, write_session

#: Hashes per ``IN (...)`` query.
CHUNK = 500


def holds(session: Session, user_id: str, sha256: str) -> bool:
    return session.get(BlobHolder, (sha256, user_id)) is not None


def usable(session: Session, caller: Caller, hashes: Iterable[str], sites: Iterable[str] | None = None) -> set[str]:
    """Of ``hashes``, the blobs stored on the registry that ``caller`` may name in a photo record
    (exactly what :func:`fieldkit_registry.checks.check_record` accepts)."""
    wanted = sorted(set(hashes))
    stored: set[str] = set()
    for start in range(0, len(wanted), CHUNK):
        stored |= set(session.scalars(select(BlobRow.sha256).where(BlobRow.sha256.in_(wanted[start : start + CHUNK]))))
    if caller.is_admin or not stored:
        return stored
    found: set[str] = set()
    rest = sorted(stored)
    for start in range(0, len(rest), CHUNK):
        part = rest[start : start + CHUNK]
        found |= set(
            session.scalars(
                select(BlobHolder.sha256).where(BlobHolder.user_id == caller.user_id, BlobHolder.sha256.in_(part))
            )
        )
    rest = sorted(stored - found)
    if rest:
        readable = rules.visible(caller, rules.site_ids(session, caller) if sites is None else sites)
        for start in range(0, len(rest), CHUNK):
            query = select(RecordRow.blob_sha256).where(
                RecordRow.entity == "photos",
                RecordRow.blob_sha256.in_(rest[start : start + CHUNK]),
                RecordRow.deleted.is_(False),
                readable,
            )
            found |= set(session.scalars(query.distinct()))
    return found


def record(engine: Engine, sha256: str, size: int, user_id: str) -> None:
    """Note that ``user_id`` sent bytes hashing to ``sha256`` (stored at its path): the blob's row if it
    has none yet, and the holder. Its own short transaction with the write lock taken up front
    (SQLite); a concurrent finish of the same blob or by the same user is a duplicate key, after which
    the retry sees the other's rows."""
    for attempt in range(3):
        try:
            with write_session(engine) as session, session.begin():
                if session.get(BlobRow, sha256) is None:
                    session.add(BlobRow(sha256=sha256, size=size, created_at=utcnow(), uploaded_by=user_id))
                    session.flush()
                if session.get(BlobHolder, (sha256, user_id)) is None:
                    session.add(BlobHolder(sha256=sha256, user_id=user_id, created_at=utcnow()))
            return
        except IntegrityError:
            if attempt == 2:
                raise
