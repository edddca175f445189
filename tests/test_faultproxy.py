"""The fault proxy itself: forwards faithfully, and cuts, loses and slows exactly when told."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from tests.faultproxy import FaultProxy


class _Echo(BaseHTTPRequestHandler):
    received: list[int] = []

    def do_PUT(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if len(body) < int(self.headers["Content-Length"]):
            return  # the connection was cut mid-body: a real server would not handle it either
        _Echo.received.append(len(body))
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def echo():
    _Echo.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_forwards_cuts_loses_and_slows(echo) -> None:
    body = bytes(range(256)) * 4096  # 1 MiB
    with FaultProxy(echo.server_address[:2]) as proxy, httpx.Client(base_url=proxy.url, timeout=10) as http:
        assert http.put("/a", content=body).content == body

        proxy.cut_request("/b", after=1000)
        with pytest.raises(httpx.TransportError):
            http.put("/b", content=body)
        assert _Echo.received == [len(body)]  # the cut request never reached the handler whole

        proxy.lose_response("/c")
        with pytest.raises(httpx.TransportError):
            http.put("/c", content=b"committed")
        assert _Echo.received[-1] == len(b"committed")  # the server handled it; the answer was lost

        proxy.slow(bytes_per_second=2_000_000)
        started = time.perf_counter()
        assert http.put("/d", content=body).content == body
        assert time.perf_counter() - started >= 0.5  # 1 MiB each way at 2 MB/s
        assert proxy.pending() == 0 and len(proxy.fired) == 2
