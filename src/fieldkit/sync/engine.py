"""Sync with the registry over HTTP: login, then blobs, push, pull and download, each resumable.

Order matters for "nothing lost": blobs go first, because the registry refuses a photo record whose
original it lacks; pushes go before pulls, so a local edit reaches the registry (or becomes a kept
conflict) before anything pulled could touch its row. Every step stores its progress in the same
transaction as its effect (a page with its cursor, an answer with its rev), so a sync cut anywhere,
even by kill -9, is completed by the next run without duplicates.
"""

from __future__ import annotations

import hashlib
import logging
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select, update

from fieldkit.i18n import translate
from fieldkit.services.photos import blob_store
from fieldkit.store import Store
from fieldkit.store.models import Photo
from fieldkit.store.types import utcnow
from fieldkit.sync import inbox, outbox
from fieldkit.sync.errors import AuthRequired, Cancelled, SyncError
from fieldkit.sync.http import RegistryClient, normalise_server
from fieldkit.sync.protocol import (
    CHUNK_BYTES,
    MAX_BATCH,
    PAGE_LIMIT_DEFAULT,
    LoginResponse,
    Me,
    MissingResponse,
    PullPage,
    PushResponse,
    UploadState,
    UserInfo,
)

log = logging.getLogger("fieldkit.sync")

SERVER_KEY = "sync_server"
TOKEN_KEY = "sync_token"
USER_KEY = "sync_user"
DEVICE_KEY = "sync_device"
LAST_SYNC_KEY = "last_sync_at"


@dataclass(frozen=True)
class SyncProgress:
    phase: str  # "login" | "blobs" | "push" | "pull" | "download" | "done"
    records_done: int
    records_total: int
    bytes_done: int
    bytes_total: int
    message: str


@dataclass
class SyncReport:
    pushed: int = 0
    accepted: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    blobs_up: int = 0
    bytes_up: int = 0
    blobs_down: int = 0
    bytes_down: int = 0
    started_at: datetime = field(default_factory=utcnow)
    finished_at: datetime | None = None
    problems: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        from dataclasses import asdict

        return asdict(self)


def device_name(store: Store) -> str:
    """This laptop's name in the registry's token list, made once and kept."""
    name = store.get_meta(DEVICE_KEY)
    if not name:
        name = f"{socket.gethostname()[:80]}-{uuid.uuid4().hex[:8]}"
        store.set_meta(DEVICE_KEY, name)
    return name


class SyncEngine:
    """One laptop's sync with one registry (the app's Sync button and ``fieldkit sync`` use it)."""

    def __init__(self, store: Store, server: str | None = None, *, device: str | None = None, timeout: float = 60.0):
        self.store = store
        stored = store.get_meta(SERVER_KEY)
        self.server = normalise_server(server) if server else stored
        self.device = device or device_name(store)
        self.timeout = timeout
        #: Retry settings of the HTTP client (tests and the fault proxy shorten them).
        self.attempts = 5
        self.backoff = 0.5
        #: Records per pull page and changes per push batch (the protocol's maxima by default).
        self.page_limit = PAGE_LIMIT_DEFAULT
        self.batch_size = MAX_BATCH

    def _client(self, cancelled: Callable[[], bool] | None = None, *, token: bool = True) -> RegistryClient:
        if not self.server:
            raise SyncError(translate("Sync", "No registry set: give its address (fieldkit sync --server URL)."))
        return RegistryClient(
            self.server,
            self.store.get_meta(TOKEN_KEY) if token and self._same_server() else None,
            timeout=self.timeout,
            attempts=self.attempts,
            backoff=self.backoff,
            cancelled=cancelled,
        )

    def _same_server(self) -> bool:
        return self.store.get_meta(SERVER_KEY) == self.server

    # -- session ---------------------------------------------------------------------------------

    def login(self, username: str, password: str) -> UserInfo:
        """Log in and keep the token; a different server or user starts the pull history afresh."""
        with self._client(token=False) as client:
            body = client.post_json(
                "/auth/login", {"username": username, "password": password, "device": self.device}, auth=False
            )
        answer = LoginResponse.model_validate(body)
        previous = (self.store.get_meta(SERVER_KEY), self.store.get_meta(USER_KEY))
        if previous != (self.server, answer.user.username):
            self.store.set_meta(inbox.CURSOR_KEY, None)
        self.store.set_meta(SERVER_KEY, self.server)
        self.store.set_meta(TOKEN_KEY, answer.token)
        self.store.set_meta(USER_KEY, answer.user.model_dump(mode="json"))
        self.store.set_meta("current_user", answer.user.username)
        return answer.user

    def logged_in(self) -> bool:
        return bool(self.server and self._same_server() and self.store.get_meta(TOKEN_KEY))

    def logout(self) -> None:
        if self.logged_in():
            try:
                with self._client() as client:
                    client.attempts = 1
                    client.request("POST", "/auth/logout")
            except SyncError:
                pass  # the token is forgotten here either way; it expires on the registry
        self.store.set_meta(TOKEN_KEY, None)

    def ping(self, timeout: float = 3.0) -> bool:
        if not self.server:
            return False
        try:
            with RegistryClient(self.server, timeout=timeout, attempts=1) as client:
                client.request("GET", "/health", auth=False)
            return True
        except Exception:  # a probe: any failure means "not reachable now"
            return False

    # -- the sync ----------------------------------------------------------------------------------

    def run(
        self,
        progress: Callable[[SyncProgress], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SyncReport:
        if not self.logged_in():
            raise AuthRequired(translate("Sync", "Not logged in to {server}: log in first.").format(server=self.server))
        report = SyncReport()
        self._progress = progress or (lambda p: None)
        self._cancelled = cancelled or (lambda: False)
        with self._client(cancelled) as client:
            self._emit("login", 0, 0, 0, 0, translate("Sync", "Checking the login"))
            me = Me.model_validate(client.get_json("/me"))
            actor = me.user.username
            if inbox.cursor_state(self.store)["cursor"] == 0:
                # First sync with this registry: its sites, users and templates first, so that rows of a
                # store made before reference ids are re-keyed before anything is pushed.
                self._pull(client, actor, report)
            self._blobs(client, actor, report)
            self._push(client, actor, report)
            self._pull(client, actor, report)
            self._download(client, actor, report)
        report.finished_at = utcnow()
        self.store.set_meta(LAST_SYNC_KEY, report.finished_at.isoformat())
        self._emit(
            "done", report.pulled, report.pulled, report.bytes_down, report.bytes_down, translate("Sync", "Done")
        )
        return report

    def _emit(self, phase: str, done: int, total: int, bdone: int, btotal: int, message: str) -> None:
        self._progress(SyncProgress(phase, done, total, bdone, btotal, message))

    def _check(self) -> None:
        if self._cancelled():
            raise Cancelled(translate("Sync", "Sync cancelled."))

    # 1. blobs ------------------------------------------------------------------------------------

    def _blobs(self, client: RegistryClient, actor: str, report: SyncReport) -> None:
        blobs = blob_store(self.store)
        with self.store.read() as session:
            outside = outbox.outside_scope(session)
            unsynced = session.scalars(select(Photo).where(Photo.blob_synced.is_(False)))
            hashes = sorted({p.sha256 for p in unsynced if not outside("photos", p)})
        if not hashes:
            return
        missing: set[str] = set()
        for start in range(0, len(hashes), 5000):
            body = client.post_json("/blobs/missing", {"hashes": hashes[start : start + 5000]})
            missing.update(MissingResponse.model_validate(body).missing)
        self._mark_blobs(actor, [h for h in hashes if h not in missing])
        todo = [h for h in hashes if h in missing]
        sizes = {h: blobs.path_for(h).stat().st_size for h in todo if blobs.has(h)}
        total, done = sum(sizes.values()), 0
        for n, sha in enumerate(todo):
            self._check()
            if sha not in sizes:
                report.problems.append(translate("Sync", "photo original {sha} is missing here").format(sha=sha[:12]))
                continue

            def step(sent: int, n=n, done=done) -> None:
                self._emit("blobs", n, len(todo), done + sent, total, translate("Sync", "Uploading photos"))

            try:
                sent = self._upload(client, blobs.path_for(sha), sha, sizes[sha], step)
            except SyncError as exc:
                if getattr(exc, "code", None) != "hash_mismatch":
                    raise
                # The local original does not hash to its name (a damaged disk?): its photo waits.
                report.problems.append(
                    translate("Sync", "photo original {sha} is damaged here and was not sent").format(sha=sha[:12])
                )
                continue
            done += sizes[sha]
            report.blobs_up += 1
            report.bytes_up += sent
            self._mark_blobs(actor, [sha])

    def _mark_blobs(self, actor: str, hashes: list[str]) -> None:
        if not hashes:
            return
        with self.store.write(actor, remote=True) as session:
            session.execute(update(Photo).where(Photo.sha256.in_(hashes)).values(blob_synced=True))

    def _upload(self, client: RegistryClient, path, sha: str, size: int, step) -> int:
        """Upload one blob from where the registry's partial copy ends; returns the bytes sent."""
        state = UploadState.model_validate(client.get_json(f"/blobs/{sha}/upload"))
        offset, sent = state.received, 0
        complete = state.complete
        with path.open("rb") as fh:
            while not complete:
                self._check()
                fh.seek(offset)
                chunk = fh.read(CHUNK_BYTES)
                try:
                    response = client.request(
                        "PUT",
                        f"/blobs/{sha}",
                        content=chunk,
                        params={"offset": offset, "total": size},
                        headers={"Content-Type": "application/octet-stream"},
                    )
                except SyncError as exc:
                    if getattr(exc, "status", None) != 409:
                        raise
                    # Our idea of the offset is stale (an answer was lost): ask where the registry is.
                    state = UploadState.model_validate(client.get_json(f"/blobs/{sha}/upload"))
                    offset, complete = state.received, state.complete
                    continue
                sent += len(chunk)
                state = UploadState.model_validate(response.json())
                offset, complete = state.received, state.complete
                step(offset)
                if not complete and not chunk:
                    raise SyncError(
                        translate("Sync", "The registry did not complete the upload of {sha}.").format(sha=sha[:12])
                    )
        return sent

    # 2. push -------------------------------------------------------------------------------------

    def _push(self, client: RegistryClient, actor: str, report: SyncReport) -> None:
        box = outbox.collect(self.store)
        batches = box.batches(self.batch_size)
        total, done = len(box.changes), 0
        for batch in batches:
            self._check()
            self._emit("push", done, total, 0, 0, translate("Sync", "Sending changes"))
            body = client.post_json(
                "/push", {"device": self.device, "changes": [c.model_dump(mode="json") for c in batch]}
            )
            answer = PushResponse.model_validate(body)
            with self.store.write(actor, remote=True) as session:
                counts = outbox.apply_results(session, box, answer.results)
            done += len(batch)
            report.pushed += len(batch)
            report.accepted += counts.accepted
            report.conflicts += counts.conflicts
            report.rejected += counts.rejected
            report.problems.extend(counts.problems)
        self._emit("push", done, total, 0, 0, translate("Sync", "Changes sent"))

    # 3. pull -------------------------------------------------------------------------------------

    def _pull(self, client: RegistryClient, actor: str, report: SyncReport) -> None:
        state = inbox.cursor_state(self.store)
        since, known_scope = state["cursor"], state["scope"]
        restarted = False
        while True:
            self._check()
            body = client.get_json("/changes", params={"since": since, "limit": self.page_limit})
            page = PullPage.model_validate(body)
            scope = sorted(page.scope)
            if since > 0 and known_scope is not None and scope != known_scope and not restarted:
                # Sites were assigned or withdrawn: fetch the history of what is visible now.
                since, known_scope, restarted = 0, scope, True
                continue
            with self.store.write(actor, remote=True) as session:
                result = inbox.apply_page(session, page, scope)
            known_scope = scope
            report.pulled += result.applied
            report.conflicts += result.conflicts
            since = page.cursor
            self._emit("pull", report.pulled, report.pulled, 0, 0, translate("Sync", "Receiving changes"))
            if not page.more:
                break

    # 4. download -----------------------------------------------------------------------------------

    def _download(self, client: RegistryClient, actor: str, report: SyncReport) -> None:
        blobs = blob_store(self.store)
        with self.store.read() as session:
            rows = session.execute(
                select(Photo.sha256, Photo.byte_size).where(Photo.deleted_at.is_(None), Photo.dirty.is_(False))
            ).all()
        wanted: dict[str, int] = {}
        for sha, size in rows:
            if sha not in wanted and not blobs.has(sha):
                wanted[sha] = size or 0
        total, done = sum(wanted.values()), 0
        for n, sha in enumerate(wanted):
            self._check()
            self._emit("download", n, len(wanted), done, total, translate("Sync", "Receiving photos"))
            response = client.request("GET", f"/blobs/{sha}")
            data = response.content
            if hashlib.sha256(data).hexdigest() != sha:
                report.problems.append(
                    translate("Sync", "photo {sha} arrived damaged; it will be fetched again").format(sha=sha[:12])
                )
                continue
            blobs.put_bytes(data, sha)
            self._thumbnail(actor, sha, data)
            done += len(data)
            report.blobs_down += 1
            report.bytes_down += len(data)
        if wanted:
            self._emit("download", len(wanted), len(wanted), done, total, translate("Sync", "Photos received"))

    def _thumbnail(self, actor: str, sha: str, data: bytes) -> None:
        """Make the gallery thumbnail the way an import does (a photo that cannot be decoded keeps none)."""
        from fieldkit.photos.images import PhotoError, open_image, thumbnail

        with self.store.read() as session:
            rows = session.execute(
                select(Photo.id, Photo.orientation).where(Photo.sha256 == sha, Photo.thumbnail.is_(None))
            ).all()
        if not rows:
            return
        try:
            thumb = thumbnail(open_image(data), rows[0].orientation)
        except (PhotoError, OSError, ValueError) as exc:
            log.warning("no thumbnail for %s: %s", sha, exc)
            return
        with self.store.write(actor, remote=True) as session:
            session.execute(update(Photo).where(Photo.id.in_([r.id for r in rows])).values(thumbnail=thumb))
