"""The sync wire protocol, shared by the client (:mod:`fieldkit.sync`) and the registry
(``sync/fieldkit_registry``). Pydantic models only: no I/O, no Qt, no database.

All endpoints live under :data:`API_PREFIX`. JSON bodies may be sent gzip-compressed
(``Content-Encoding: gzip``); the registry answers gzip when the client accepts it. Every error, of
any endpoint, has the shape of :class:`ErrorBody` with a stable ``code`` from :data:`ERROR_CODES`.

**Records.** A record is one synced entity (:data:`ENTITIES`) as a flat JSON object of its columns
(``data``), without the device-local columns (``dirty``, ``rev``, ``blob_synced``, ``thumbnail``).
Dates and times are ISO 8601 strings in UTC; a track carries its packed points in ``data["chunks"]``
(``segment``, ``seq``, ``point_count``, ``data`` as base64).

**Pull.** ``GET /changes?since=CURSOR&limit=N`` returns the records the caller may see whose
registry revision is above ``CURSOR``, oldest first. The client applies a page and stores ``cursor``
in the same transaction, then asks again while ``more`` is true. ``scope`` names the sites the
caller may see; when it differs from the scope the cursor was earned under, the client starts again
from 0 (a newly assigned site brings its history).

**Push.** ``POST /push`` carries up to :data:`MAX_BATCH` changes, each with a client ``change_id``
and the ``base_rev`` the edit was made on (``None`` for a record new to the registry). Per change
the answer is ``accepted`` (new ``rev``), ``conflict`` (``current``: the registry's copy, kept
along with the pushed one) or ``rejected`` (``reason``, a code from :data:`REJECT_CODES`). Replaying
a change id returns the first answer and changes nothing. A change whose ``base_rev`` is behind the
registry's copy is still accepted when that copy came from the same ``device`` on the same base
(the answer to the earlier push was lost; the new edit contains it).

**Blobs.** Photo originals are content-addressed by sha256. ``POST /blobs/missing`` tells which of
the given hashes the registry lacks; ``GET /blobs/{sha256}/upload`` how many bytes of a partial
upload it holds; ``PUT /blobs/{sha256}?offset=N`` appends a chunk at ``offset`` (``Content-Range``
not needed); with ``total`` reached the registry verifies the hash and stores the blob, or drops the
partial upload and answers ``hash_mismatch``. ``GET /blobs/{sha256}`` downloads a blob the caller may
see. A photo record is pushed only after its blob is confirmed; the registry rejects it otherwise
(``blob_missing``, retried on the next sync).

**Bundles** carry the same push (and its blobs) as a zip file with ``manifest.json`` (a
:class:`BundleManifest`) and ``blobs/<sha256>`` members; the reply bundle carries the push results and
the pulled pages. Member names are matched against :data:`BLOB_MEMBER`, never used as paths.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"
DEFAULT_PORT = 8765

#: Entities in dependency order: a push sends parents before children.
ENTITIES: tuple[str, ...] = (
    "sites",
    "users",
    "templates",
    "limit_sets",
    "parameters",
    "inspections",
    "findings",
    "tracks",
    "waypoints",
    "photos",
    "answers",
    "reviews",
    "grievances",
)
#: Published by the registry (admin commands); clients pull them and never push them.
REFERENCE_ENTITIES = frozenset({"sites", "users", "templates", "limit_sets", "parameters"})
#: Recorded in the field and pushed by clients.
FIELD_ENTITIES: tuple[str, ...] = tuple(e for e in ENTITIES if e not in REFERENCE_ENTITIES)
#: Children of an inspection: they carry ``inspection_id`` and share its site and visibility.
INSPECTION_CHILDREN = frozenset({"answers", "findings", "tracks", "waypoints", "photos", "reviews"})

ROLES = ("inspector", "supervisor", "liaison", "admin")
INSPECTION_STATUSES = ("draft", "submitted", "approved", "returned")

MAX_BATCH = 200
PAGE_LIMIT_DEFAULT = 200
PAGE_LIMIT_MAX = 1000
#: A pull page stops early once its records reach this many bytes of JSON (tracks are large).
PAGE_BYTES_MAX = 8 * 1024 * 1024
#: Largest JSON request body, after decompression (a batch of big tracks fits well inside).
MAX_JSON_BYTES = 64 * 1024 * 1024
#: Largest single record's ``data`` as JSON.
MAX_RECORD_BYTES = 16 * 1024 * 1024
#: Largest blob (a photo original or an attachment).
MAX_BLOB_BYTES = 200 * 1024 * 1024
#: Chunk size the client uploads with; the registry accepts any chunk up to MAX_CHUNK_BYTES.
CHUNK_BYTES = 4 * 1024 * 1024
MAX_CHUNK_BYTES = 16 * 1024 * 1024
TOKEN_DAYS = 30

SHA256 = re.compile(r"^[0-9a-f]{64}$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
BLOB_MEMBER = re.compile(r"^blobs/([0-9a-f]{64})$")

ERROR_CODES = (
    "bad_request",  # malformed JSON or parameters (400)
    "unauthorized",  # no, expired or revoked token; wrong password (401)
    "forbidden",  # role or site not allowed (403)
    "not_found",  # 404
    "conflict",  # e.g. an upload offset that does not match what the registry holds (409)
    "too_large",  # body, record, chunk or blob over its limit (413)
    "rate_limited",  # too many failed logins; Retry-After says when to try again (429)
    "hash_mismatch",  # the uploaded bytes do not hash to the name they were sent under (422)
    "invalid",  # fails validation (422)
    "server_error",  # anything else (500): logged with its id, never a stack trace to the client
)
REJECT_CODES = (
    "forbidden",  # the caller may not write this record (role, site, not their inspection)
    "unknown_entity",
    "invalid",  # fails validation: message in ``reason_detail``
    "unknown_template",  # the inspection names a template version the registry never published
    "required_missing",  # submitted with required items unanswered (listed in ``reason_detail``)
    "parent_missing",  # a child whose inspection the registry does not hold
    "blob_missing",  # a photo whose blob is not (yet) on the registry: retried, not final
    "too_large",
    "status_transition",  # e.g. an inspector approving
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorDetail(_Model):
    code: str
    message: str
    details: Any = None
    request_id: str | None = None


class ErrorBody(_Model):
    error: ErrorDetail


# -- auth ------------------------------------------------------------------------------------------


class LoginRequest(_Model):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    device: str = Field(min_length=1, max_length=100, description="a name for this laptop, shown in token lists")


class UserInfo(_Model):
    username: str
    display_name: str
    role: str
    sites: list[str] = Field(description="site codes the user is assigned to (all sites for admin)")


class LoginResponse(_Model):
    token: str
    expires_at: datetime
    user: UserInfo


class Me(_Model):
    user: UserInfo
    device: str
    expires_at: datetime
    server_time: datetime
    protocol: int = PROTOCOL_VERSION


# -- records, pull, push ----------------------------------------------------------------------------


class Record(_Model):
    entity: str
    id: str
    rev: int
    deleted: bool = False
    updated_at: datetime | None = None
    updated_by: str | None = None
    data: dict[str, Any]


class PullPage(_Model):
    records: list[Record]
    cursor: int = Field(description="store this with the applied page; send it as `since` next time")
    more: bool
    scope: list[str] = Field(description="ids of the sites the caller may see")


class Change(_Model):
    change_id: str = Field(min_length=1, max_length=64)
    entity: str
    id: str = Field(min_length=36, max_length=36)
    base_rev: int | None = None
    deleted: bool = False
    data: dict[str, Any]


class PushRequest(_Model):
    device: str = Field(min_length=1, max_length=100)
    changes: list[Change] = Field(max_length=MAX_BATCH)


ChangeStatus = Literal["accepted", "conflict", "rejected"]


class ChangeResult(_Model):
    change_id: str
    entity: str
    id: str
    status: ChangeStatus
    rev: int | None = None
    current: Record | None = None
    reason: str | None = None
    reason_detail: Any = None


class PushResponse(_Model):
    results: list[ChangeResult]


# -- blobs ----------------------------------------------------------------------------------------------


class MissingRequest(_Model):
    hashes: list[str] = Field(max_length=10_000)


class MissingResponse(_Model):
    missing: list[str]


class UploadState(_Model):
    sha256: str
    received: int
    complete: bool


# -- bundles --------------------------------------------------------------------------------------------

BUNDLE_FORMAT = "fieldkit-bundle"
MAX_BUNDLE_MEMBERS = 100_000
MAX_MANIFEST_BYTES = MAX_JSON_BYTES
MAX_BUNDLE_BYTES = 4 * 1024 * 1024 * 1024


class BundleManifest(_Model):
    format: Literal["fieldkit-bundle"] = BUNDLE_FORMAT
    protocol: int = PROTOCOL_VERSION
    kind: Literal["changes", "reply"]
    bundle_id: str
    created_at: datetime
    username: str
    device: str
    #: kind == "changes": the device's pull cursor, so the reply brings what is newer
    since: int = 0
    changes: list[Change] = Field(default_factory=list)
    blobs: list[str] = Field(default_factory=list, description="sha256 of each blobs/<sha256> member")
    #: kind == "reply"
    in_reply_to: str | None = None
    results: list[ChangeResult] = Field(default_factory=list)
    pages: list[PullPage] = Field(default_factory=list)
    #: kind == "changes": proof that the carrier holds a valid token of ``username`` (see bundle_proof)
    proof: str | None = None


def bundle_proof(token_hash: str, manifest: BundleManifest) -> str:
    """HMAC-SHA256, keyed by the sha256 hex of the user's device token (what the registry stores), of the
    bundle's id, user, cursor, changes and blob list. The laptop signs with its token; the registry checks
    against the user's live tokens, so a bundle cannot claim to come from someone else (nor be altered)."""
    body = {
        "bundle_id": manifest.bundle_id,
        "username": manifest.username,
        "device": manifest.device,
        "since": manifest.since,
        "changes": [c.model_dump(mode="json") for c in manifest.changes],
        "blobs": sorted(manifest.blobs),
    }
    message = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    return hmac.new(token_hash.encode(), message, hashlib.sha256).hexdigest()


def error_body(code: str, message: str, details: Any = None, request_id: str | None = None) -> dict[str, Any]:
    """The one JSON error shape, as a dict ready to serialise."""
    return ErrorBody(error=ErrorDetail(code=code, message=message, details=details, request_id=request_id)).model_dump(
        mode="json"
    )
