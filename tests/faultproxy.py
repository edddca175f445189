"""A TCP proxy the tests control, standing between a sync client and a real registry on loopback.

It forwards bytes both ways and, when told, misbehaves the way satellite links and patchy 3G do:

- ``cut_request(path, after=N)``: the next request whose request line contains ``path`` is cut after ``N``
  bytes of it reached the registry (a batch or a photo chunk broken off mid-way);
- ``lose_response(path)``: the next such request reaches the registry whole, the registry answers, and the
  answer never reaches the client (the registry committed; the client does not know);
- ``slow(bytes_per_second, latency)``: every connection from now on is throttled.

Rules are used once each, in the order given. Plain sockets and threads: the proxy must sit below HTTP and
see the bytes, which no HTTP library offers.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field


@dataclass
class _Rule:
    kind: str  # "cut" | "lose"
    path: str
    after: int = 0


@dataclass
class FaultProxy:
    target: tuple[str, int]
    rules: list[_Rule] = field(default_factory=list)
    rate: float | None = None  # bytes per second each way
    latency: float = 0.0
    fired: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._closing = False
        self._conns: set[socket.socket] = set()
        threading.Thread(target=self._accept, daemon=True, name="faultproxy").start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- control ----------------------------------------------------------------------------------

    def cut_request(self, path: str, after: int) -> None:
        with self._lock:
            self.rules.append(_Rule("cut", path, after))

    def lose_response(self, path: str) -> None:
        with self._lock:
            self.rules.append(_Rule("lose", path))

    def slow(self, bytes_per_second: float | None, latency: float = 0.0) -> None:
        self.rate, self.latency = bytes_per_second, latency

    def pending(self) -> int:
        with self._lock:
            return len(self.rules)

    def close(self) -> None:
        self._closing = True
        self._server.close()
        for conn in list(self._conns):
            _close(conn)

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing -------------------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._closing:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _take_rule(self, head: bytes) -> _Rule | None:
        line = head.split(b"\r\n", 1)[0].decode("latin-1")
        with self._lock:
            for rule in self.rules:
                if rule.path in line:
                    self.rules.remove(rule)
                    self.fired.append(f"{rule.kind} {line}")
                    return rule
        return None

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(self.target, timeout=30)
        except OSError:
            _close(client)
            return
        self._conns.update((client, upstream))
        state = {"lose": False}
        down = threading.Thread(target=self._downstream, args=(upstream, client, state), daemon=True)
        down.start()
        try:
            self._upstream(client, upstream, state)
        finally:
            down.join(timeout=60)
            for s in (client, upstream):
                _close(s)
                self._conns.discard(s)

    def _upstream(self, client: socket.socket, upstream: socket.socket, state: dict) -> None:
        """Client to registry. A keep-alive connection carries several requests: each starts a new
        request line, which is where rules are matched (good enough for the client's requests, whose
        bodies never begin with an HTTP method)."""
        budget: int | None = None
        while True:
            try:
                data = client.recv(65536)
            except OSError:
                break
            if not data:
                break
            if data[:8].split(b" ", 1)[0] in (b"GET", b"POST", b"PUT", b"HEAD", b"DELETE", b"PATCH"):
                rule = self._take_rule(data)
                if rule is not None and rule.kind == "cut":
                    budget = rule.after
                elif rule is not None and rule.kind == "lose":
                    state["lose"] = True
            if budget is not None:
                if len(data) >= budget:
                    self._send(upstream, data[:budget])
                    break  # cut: both sides see the connection drop mid-request
                budget -= len(data)
            if not self._send(upstream, data):
                break
        _shutdown(upstream)
        _shutdown(client)

    def _downstream(self, upstream: socket.socket, client: socket.socket, state: dict) -> None:
        while True:
            try:
                data = upstream.recv(65536)
            except OSError:
                break
            if not data:
                break
            if state["lose"]:
                # The registry has answered, so it has committed: drop the answer and the connection.
                _close(client)
                break
            if not self._send(client, data):
                break
        _shutdown(client)

    def _send(self, sock: socket.socket, data: bytes) -> bool:
        try:
            if self.latency:
                time.sleep(self.latency)
            if self.rate:
                step = max(1024, int(self.rate / 20))
                for i in range(0, len(data), step):
                    sock.sendall(data[i : i + step])
                    time.sleep(len(data[i : i + step]) / self.rate)
            else:
                sock.sendall(data)
            return True
        except OSError:
            return False


def _shutdown(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _close(sock: socket.socket) -> None:
    _shutdown(sock)
    try:
        sock.close()
    except OSError:
        pass
