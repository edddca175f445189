"""HTTP to the registry: base URL, bearer token, gzip, timeouts, retries with backoff.

Every request the engine makes is safe to repeat (pushes carry change ids, chunk uploads an offset),
so connection errors, timeouts, 502/503/504 and 429 are retried with exponential backoff and jitter;
after :attr:`RegistryClient.attempts` tries the request fails with :class:`Offline`. A 401 is
:class:`AuthRequired`; any other error answer becomes a :class:`SyncError` with the registry's message.
"""

from __future__ import annotations

import functools
import gzip
import json
import logging
import os
import random
import ssl
import time
from collections.abc import Callable
from typing import Any

import certifi
import httpx

from fieldkit import __version__
from fieldkit.i18n import translate
from fieldkit.sync.errors import AuthRequired, Cancelled, Offline, SyncError
from fieldkit.sync.protocol import API_PREFIX, ErrorBody

log = logging.getLogger("fieldkit.sync.http")

RETRY_STATUS = frozenset({429, 502, 503, 504})
#: JSON bodies smaller than this are sent as they are (gzip costs more than it saves).
GZIP_MIN = 1024


def normalise_server(server: str) -> str:
    server = server.strip().rstrip("/")
    if not server.startswith(("http://", "https://")):
        server = f"https://{server}"
    if server.endswith(API_PREFIX):
        server = server[: -len(API_PREFIX)]
    return server


@functools.cache
def tls_context() -> ssl.SSLContext:
    """One TLS context per process: loading the CA bundle takes ~20 ms, which every sync paid again.

    ``FIELDKIT_CA_BUNDLE`` names a PEM file of extra trusted certificates (a registry behind a proxy
    with the organisation's own CA); the public CAs of certifi are trusted as well.
    """
    context = ssl.create_default_context(cafile=certifi.where())
    extra = os.environ.get("FIELDKIT_CA_BUNDLE")
    if extra:
        context.load_verify_locations(cafile=extra)
    return context


class RegistryClient:
    """A thin wrapper over :class:`httpx.Client` speaking the protocol's conventions."""

    def __init__(
        self,
        server: str,
        token: str | None = None,
        *,
        timeout: float = 60.0,
        attempts: int = 5,
        backoff: float = 0.5,
        max_backoff: float = 8.0,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self.server = normalise_server(server)
        self.token = token
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.cancelled = cancelled
        self._client = httpx.Client(
            base_url=self.server + API_PREFIX,
            timeout=httpx.Timeout(timeout, connect=min(10.0, timeout)),
            headers={"User-Agent": f"fieldkit/{__version__}", "Accept-Encoding": "gzip"},
            follow_redirects=False,
            verify=tls_context(),
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> RegistryClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- requests --------------------------------------------------------------------------------

    def _headers(self, extra: dict[str, str] | None = None, auth: bool = True) -> dict[str, str]:
        headers = dict(extra or {})
        if auth and self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        content: bytes | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        auth: bool = True,
        ok: tuple[int, ...] = (200, 201, 204),
        attempts: int | None = None,
    ) -> httpx.Response:
        """Send with retries; returns a response whose status is in ``ok`` (or raises)."""
        hdrs = self._headers(headers, auth)
        if json_body is not None:
            raw = json.dumps(json_body, separators=(",", ":"), default=str).encode()
            hdrs["Content-Type"] = "application/json"
            if len(raw) >= GZIP_MIN:
                raw = gzip.compress(raw, compresslevel=5)
                hdrs["Content-Encoding"] = "gzip"
            content = raw
        tries = attempts or self.attempts
        last: str = ""
        for attempt in range(tries):
            if self.cancelled is not None and self.cancelled():
                raise Cancelled(translate("Sync", "Sync cancelled."))
            try:
                response = self._client.request(method, path, content=content, params=params, headers=hdrs)
            except httpx.TransportError as exc:
                last = f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__
                log.info("%s %s failed (%s), attempt %d/%d", method, path, last, attempt + 1, tries)
                self._sleep(attempt, None, tries)
                continue
            if response.status_code in RETRY_STATUS:
                last = f"HTTP {response.status_code}"
                log.info("%s %s answered %s, attempt %d/%d", method, path, last, attempt + 1, tries)
                self._sleep(attempt, response.headers.get("Retry-After"), tries)
                continue
            if response.status_code in ok:
                return response
            raise self._error(response)
        raise Offline(
            translate(
                "Sync", "The registry at {server} cannot be reached ({reason}). Nothing was lost; sync again later."
            ).format(server=self.server, reason=last)
        )

    def _sleep(self, attempt: int, retry_after: str | None, tries: int) -> None:
        if attempt + 1 >= tries:
            return
        delay = min(self.max_backoff, self.backoff * (2**attempt)) * (0.5 + random.random() / 2)
        if retry_after:
            try:
                delay = max(delay, min(float(retry_after), 60.0))
            except ValueError:
                pass
        end = time.monotonic() + delay
        while time.monotonic() < end:  # stay responsive to a cancel during a long wait
            if self.cancelled is not None and self.cancelled():
                raise Cancelled(translate("Sync", "Sync cancelled."))
            time.sleep(min(0.1, max(0.0, end - time.monotonic())))

    def _error(self, response: httpx.Response) -> SyncError:
        message = ""
        code = ""
        try:
            body = ErrorBody.model_validate(response.json())
            message, code = body.error.message, body.error.code
        except (ValueError, TypeError):
            message = response.text[:200].strip()
        if response.status_code == 401:
            return AuthRequired(
                translate("Sync", "The registry did not accept the login ({reason}). Log in again.").format(
                    reason=message or code or "401"
                )
            )
        error = SyncError(
            translate("Sync", "The registry refused the request: {message} ({status})").format(
                message=message or code or "no detail", status=response.status_code
            )
        )
        error.status = response.status_code  # type: ignore[attr-defined]
        error.code = code  # type: ignore[attr-defined]
        error.response = response  # type: ignore[attr-defined]
        return error

    # -- conveniences ------------------------------------------------------------------------------

    def get_json(self, path: str, **kw: Any) -> Any:
        return self._decode(self.request("GET", path, **kw))

    def post_json(self, path: str, body: Any, **kw: Any) -> Any:
        return self._decode(self.request("POST", path, json_body=body, **kw))

    def _decode(self, response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError:
            raise SyncError(
                translate("Sync", "The registry at {server} answered something that is not JSON.").format(
                    server=self.server
                )
            ) from None
