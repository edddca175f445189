"""Request bodies read with a cap, gzip bodies inflated with a cap, and gzip answers except blobs.

Pure ASGI wrappers placed outside FastAPI: a body over its limit (declared or streamed, compressed or
inflated) is refused with 413 before the application sees it, so a huge body or a gzip bomb costs
at most the cap in memory.
"""

from __future__ import annotations

import zlib

from starlette.datastructures import Headers
from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from fieldkit.sync.protocol import API_PREFIX, MAX_CHUNK_BYTES, MAX_JSON_BYTES, error_body

BLOBS_PREFIX = API_PREFIX + "/blobs/"


def cap_for(scope: Scope) -> int:
    return MAX_CHUNK_BYTES if scope["method"] == "PUT" and scope["path"].startswith(BLOBS_PREFIX) else MAX_JSON_BYTES


class TooLarge(Exception):
    pass


class BadBody(Exception):
    pass


def inflate(body: bytes, cap: int) -> bytes:
    """Gunzip ``body``; more than ``cap`` bytes out raises :class:`TooLarge` without producing them."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, cap + 1)
    except zlib.error as exc:
        raise BadBody(f"the gzip body is damaged: {exc}") from None
    if len(out) > cap or inflater.unconsumed_tail:
        raise TooLarge
    if not inflater.eof:
        raise BadBody("the gzip body is truncated")
    return out


class BodyLimit:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        cap = cap_for(scope)
        headers = Headers(scope=scope)
        try:
            body = await self._read(headers, receive, cap)
            encoding = headers.get("content-encoding", "identity").strip().lower()
            if encoding == "gzip":
                body = inflate(body, cap)
            elif encoding not in ("identity", ""):
                raise BadBody(f"unsupported Content-Encoding {encoding!r}: send gzip or nothing")
        except TooLarge:
            response = JSONResponse(error_body("too_large", f"the request body is over {cap} bytes"), status_code=413)
            await response(scope, receive, send)
            return
        except BadBody as exc:
            await JSONResponse(error_body("bad_request", str(exc)), status_code=400)(scope, receive, send)
            return
        raw = [(k, v) for k, v in scope["headers"] if k.lower() not in (b"content-encoding", b"content-length")] + [
            (b"content-length", str(len(body)).encode())
        ]
        sent = False

        async def replay() -> dict:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app({**scope, "headers": raw}, replay, send)

    @staticmethod
    async def _read(headers: Headers, receive: Receive, cap: int) -> bytes:
        declared = headers.get("content-length")
        if declared is not None:
            try:
                if int(declared) > cap:
                    raise TooLarge
            except ValueError:
                raise BadBody("bad Content-Length") from None
        parts, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise BadBody("the client went away")
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > cap:
                raise TooLarge
            parts.append(chunk)
            if not message.get("more_body", False):
                return b"".join(parts)


class GZipExceptBlobs:
    """Gzip JSON answers over ~1 KB; blob downloads go out as they are (photos do not compress)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=1024)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(BLOBS_PREFIX):
            await self.app(scope, receive, send)
        else:
            await self.gzip(scope, receive, send)
