"""The registry's HTTP API (FastAPI): every route under ``/api/v1``, one JSON error shape for all
errors, bearer tokens, and per-record authorization in :mod:`fieldkit_registry.rules`.
"""

from __future__ import annotations

import logging
import uuid
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

import fieldkit
from fieldkit.store.types import utcnow
from fieldkit.sync.protocol import (
    API_PREFIX,
    PAGE_LIMIT_DEFAULT,
    PAGE_LIMIT_MAX,
    PROTOCOL_VERSION,
    SHA256,
    ErrorBody,
    LoginRequest,
    LoginResponse,
    Me,
    MissingRequest,
    MissingResponse,
    PullPage,
    PushRequest,
    PushResponse,
    UploadState,
    UserInfo,
    error_body,
)
from fieldkit_registry import auth, holders, rules, service
from fieldkit_registry.blobs import BlobError, BlobFolder
from fieldkit_registry.config import Settings
from fieldkit_registry.db import (
    BlobRow,
    RecordRow,
    TokenRow,
    UserRow,
    make_engine,
    read_session,
    refresh_statistics,
    write_session,
)
from fieldkit_registry.http_limits import BodyLimit, GZipExceptBlobs
from fieldkit_registry.migrate import upgrade

log = logging.getLogger("fieldkit_registry")
STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 409: "conflict"}
STATUS_CODES |= {413: "too_large", 422: "invalid", 429: "rate_limited"}
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": name} for code, name in STATUS_CODES.items() if code in (400, 401)
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, details: Any = None, headers=None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details, self.headers = status, code, message, details, headers


def _error(status: int, code: str, message: str, details: Any = None, headers=None, request_id=None) -> JSONResponse:
    return JSONResponse(error_body(code, message, details, request_id), status_code=status, headers=headers)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message, exc.details, exc.headers)

    @app.exception_handler(BlobError)
    async def _blob(_request: Request, exc: BlobError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message, exc.details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = STATUS_CODES.get(exc.status_code, "bad_request" if exc.status_code < 500 else "server_error")
        message = {404: "no such resource", 405: "method not allowed here"}.get(exc.status_code, str(exc.detail))
        return _error(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()[:20]
        ]
        return _error(400, "bad_request", "the request does not fit the protocol", details)

    @app.exception_handler(Exception)
    async def _crash(_request: Request, exc: Exception) -> JSONResponse:
        request_id = uuid.uuid4().hex[:12]
        log.error("request %s failed", request_id, exc_info=exc)
        return _error(500, "server_error", "the registry failed; the error is logged", request_id=request_id)


def _user_info(session, caller: auth.Caller) -> UserInfo:
    codes = _codes(session, rules.site_ids(session, caller))
    return UserInfo(username=caller.username, display_name=caller.display_name, role=caller.role, sites=codes)


def _codes(session, site_ids: list[str]) -> list[str]:
    rows = session.scalars(select(RecordRow).where(RecordRow.id.in_(site_ids))).all() if site_ids else []
    return sorted(str(r.data.get("code")) for r in rows)


_bearer = HTTPBearer(auto_error=False)


def _caller(request: Request, creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> auth.Caller:
    if creds is None:
        raise ApiError(401, "unauthorized", "sign in first (Authorization: Bearer TOKEN)")
    with read_session(request.app.state.engine) as session:
        found = auth.caller_for_token(session, creds.credentials)
    if found is None:
        raise ApiError(401, "unauthorized", "the token is unknown, expired or revoked: sign in again")
    return found


Caller = Annotated[auth.Caller, Depends(_caller)]
Sha = Annotated[str, Path(pattern=SHA256.pattern, description="lowercase hex sha256")]


def create_app(settings: Settings, *, migrate: bool = True) -> FastAPI:
    engine = make_engine(settings)
    if migrate:
        upgrade(engine)
    refresh_statistics(engine)
    folder = BlobFolder(settings.blob_dir, settings.upload_dir)
    folder.clean_partials()
    app = FastAPI(
        title="FieldKit registry",
        version=str(PROTOCOL_VERSION),
        description="The central registry FieldKit laptops sync with. See fieldkit.sync.protocol.",
        openapi_url=API_PREFIX + "/openapi.json",
        docs_url=None,
        redoc_url=None,
        responses=ERRORS,
    )
    app.state.engine = engine
    app.state.settings = settings
    _install_errors(app)

    @app.get(API_PREFIX + "/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "protocol": PROTOCOL_VERSION, "version": fieldkit.__version__}

    @app.post(API_PREFIX + "/auth/login", responses={429: {"model": ErrorBody}})
    def login(body: LoginRequest, request: Request) -> LoginResponse:
        address = request.client.host if request.client else "unknown"
        with read_session(engine) as session:
            wait = auth.retry_after(session, body.username, address, settings)
            if wait is not None:
                raise ApiError(
                    429, "rate_limited", "too many failed sign-ins; try later", headers={"Retry-After": str(wait)}
                )
            user = session.scalar(select(UserRow).where(UserRow.username == body.username))
            stored = user.password_hash if user is not None else None
        ok = auth.verify_password(stored, body.password) and user is not None and user.active
        with write_session(engine) as session, session.begin():
            if not ok:
                auth.record_failure(session, body.username, address, settings)
            else:
                auth.clear_failures(session, body.username)
                user = session.get(UserRow, user.id)
                token, row = auth.issue_token(session, user, body.device, settings)
        if not ok:
            log.info("failed sign-in for %r from %s", body.username[:64], address)
            raise ApiError(401, "unauthorized", "wrong username or password, or the account is disabled")
        with read_session(engine) as session:
            who = auth.caller_for_token(session, token)
            assert who is not None
            info = _user_info(session, who)
        log.info("sign-in %s on %s", user.username, body.device)
        return LoginResponse(token=token, expires_at=row.expires_at, user=info)

    @app.post(API_PREFIX + "/auth/logout")
    def logout(who: Caller) -> dict[str, str]:
        with write_session(engine) as session, session.begin():
            row = session.get(TokenRow, who.token_id)
            if row is not None and row.revoked_at is None:
                row.revoked_at = utcnow()
        return {"status": "ok"}

    @app.get(API_PREFIX + "/me")
    def me(who: Caller) -> Me:
        with read_session(engine) as session:
            info = _user_info(session, who)
        return Me(user=info, device=who.device, expires_at=who.expires_at, server_time=utcnow())

    @app.get(API_PREFIX + "/changes")
    def changes(
        who: Caller,
        since: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=PAGE_LIMIT_MAX)] = PAGE_LIMIT_DEFAULT,
    ) -> PullPage:
        return service.pull(engine, who, since, limit)

    @app.post(API_PREFIX + "/push")
    def push(body: PushRequest, who: Caller) -> PushResponse:
        results = service.push(engine, who, body.device, body.changes)
        counts = {s: sum(1 for r in results if r.status == s) for s in ("accepted", "conflict", "rejected")}
        log.info("push %s/%s: %s", who.username, body.device, counts)
        return PushResponse(results=results)

    @app.post(API_PREFIX + "/blobs/missing")
    def missing(body: MissingRequest, who: Caller) -> MissingResponse:
        bad = [h for h in body.hashes if not SHA256.match(h)]
        if bad:
            raise ApiError(400, "bad_request", "hashes are lowercase hex sha256", {"bad": bad[:10]})
        # Missing for the caller: absent, or stored but neither held by the caller nor used by a photo
        # they may read. They then upload the bytes, which proves they hold them (knowing a hash does not).
        with read_session(engine) as session:
            usable = holders.usable(session, who, body.hashes)
        return MissingResponse(missing=[h for h in body.hashes if h not in usable])

    @app.get(API_PREFIX + "/blobs/{sha256}/upload")
    def upload_state(sha256: Sha, who: Caller) -> UploadState:
        return folder.state(engine, sha256, who, str(who.token_id))

    @app.put(
        API_PREFIX + "/blobs/{sha256}",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
            }
        },
        responses={409: {"model": ErrorBody}, 413: {"model": ErrorBody}, 422: {"model": ErrorBody}},
    )
    async def put_blob(
        sha256: Sha,
        request: Request,
        who: Caller,
        offset: Annotated[int, Query(ge=0)],
        total: Annotated[int, Query(ge=0)],
    ) -> UploadState:
        chunk = await request.body()

        def append() -> UploadState:
            return folder.append(engine, sha256, who, str(who.token_id), offset, total, chunk)

        return await run_in_threadpool(append)

    @app.get(
        API_PREFIX + "/blobs/{sha256}",
        response_class=FileResponse,
        responses={200: {"content": {"application/octet-stream": {}}}, 404: {"model": ErrorBody}},
    )
    def get_blob(sha256: Sha, who: Caller) -> FileResponse:
        with read_session(engine) as session:
            row = session.get(BlobRow, sha256)
            allowed = row is not None and (who.is_admin or holders.holds(session, who.user_id, sha256))
            if row is not None and not allowed:
                sites = rules.site_ids(session, who)
                query = select(RecordRow.id).where(
                    RecordRow.entity == "photos", RecordRow.blob_sha256 == sha256, rules.visible(who, sites)
                )
                allowed = session.scalar(query.limit(1)) is not None
        path = folder.path(sha256)
        if not allowed or not path.exists():
            raise ApiError(404, "not_found", "no blob with that hash that you may see")
        return FileResponse(path, media_type="application/octet-stream")

    return app


def wrap(app: FastAPI):
    """The ASGI application to serve: body caps and gzip around the API."""
    return GZipExceptBlobs(BodyLimit(app))
