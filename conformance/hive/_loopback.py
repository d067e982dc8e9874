"""The loopback backend: a real HTTP/1.0 server on 127.0.0.1 in daemon threads, for hosts out of process.

Transport faults on a real socket: ``refused`` resets the connection at once (SO_LINGER 0, so the client gets
ECONNRESET); ``hang`` keeps the socket open without answering until the client closes it or the server stops;
a request still waiting (hold, latency, hang) when the server stops is closed without an answer. Stopping
never blocks on such requests for longer than a bounded join.

The accept loop sleeps in a selector on the listening socket and a wakeup socket, without a timeout: an idle
server uses no CPU, and stopping it (one byte on the wakeup socket, never drained, so every later wait on it
returns too) takes no polling interval. The listen backlog holds hundreds of simultaneous connects. Request
bodies are capped at MAX_BODY whether framed by Content-Length or chunked; malformed framing gets a 400.
"""

from __future__ import annotations

import select
import selectors
import socket
import struct
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

from ._records import HiveAddress

if TYPE_CHECKING:
    from ._simulator import HiveSimulator, Session

HOST = "127.0.0.1"
JOIN_SECONDS = 1.0
MAX_BODY = 64 * 1024 * 1024
BACKLOG = 1024  # listen(2) queue: hundreds of clients connecting at once (the kernel caps it at somaxconn)
MAX_CHUNK_LINE = 1024  # a chunk-size line longer than this is malformed


class BadRequest(Exception):
    """The request's framing is malformed or its body too big: answered with 400, never a traceback."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = BACKLOG

    def __init__(self, sim: HiveSimulator, session: Session, port: int) -> None:
        self.sim = sim
        self.session = session
        self.workers: set[threading.Thread] = set()
        self.workers_lock = threading.Lock()
        self.wake_r, self.wake_w = socket.socketpair()
        try:
            super().__init__((HOST, port), _Handler)
        except BaseException:
            self.wake_r.close()
            self.wake_w.close()
            raise

    def serve(self) -> None:
        """Accept until :meth:`stop`; blocks in the selector with no timeout (no idle wake-ups)."""
        with selectors.DefaultSelector() as selector:
            selector.register(self.socket, selectors.EVENT_READ)
            selector.register(self.wake_r, selectors.EVENT_READ)
            while True:
                for key, _ in selector.select():
                    if key.fileobj is self.wake_r:
                        return
                    self._handle_request_noblock()

    def stop(self) -> None:
        """Wake the accept loop and every request waiting on the wakeup socket (the byte stays unread)."""
        with suppress(OSError):
            self.wake_w.send(b"x")

    def server_close(self) -> None:
        super().server_close()
        self.wake_r.close()
        self.wake_w.close()

    def process_request(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        thread = threading.Thread(
            target=self._work, args=(request, client_address), daemon=True, name="hive-sim-request"
        )
        with self.workers_lock:
            self.workers.add(thread)
        thread.start()

    def _work(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        try:
            self.process_request_thread(request, client_address)
        finally:
            with self.workers_lock:
                self.workers.discard(threading.current_thread())

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        """A client hanging up mid-answer (a host dropping a future) is normal here, not worth a traceback."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

    def join_workers(self, timeout: float) -> None:
        with self.workers_lock:
            workers = list(self.workers)
        for thread in workers:
            thread.join(timeout)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"
    server_version = "ark-hive-simulator/1"

    def log_message(self, format: str, *args: object) -> None:
        """Silence the per-request stderr log: the simulator records requests itself."""

    def do_GET(self) -> None:
        self._serve()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    def _serve(self) -> None:
        body = self._read_body()
        if body is None:
            return
        headers = {k.lower(): v for k, v in self.headers.items()}
        sim, session = self.server.sim, self.server.session
        outcome = sim.handle(session, self.command, self.path, body, headers, self._client_gone)
        self.close_connection = True
        if outcome.kind == "refused":
            self._reset()
        elif outcome.kind == "hang":
            self._hold_open(session)
        elif outcome.kind == "answer":
            assert outcome.response is not None
            response = outcome.response
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(response.body)
        # "aborted": close without an answer (the server is stopping)

    def _read_body(self) -> bytes | None:
        """The request body, or None after answering 400 (bad framing, or more than MAX_BODY bytes)."""
        try:
            if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                return self._read_chunked()
            try:
                length = int(self.headers.get("Content-Length", "0"))
            except ValueError:
                raise BadRequest("bad Content-Length") from None
            if not 0 <= length <= MAX_BODY:
                raise BadRequest(f"Content-Length {length} outside 0..{MAX_BODY}")
            return self.rfile.read(length)
        except BadRequest as exc:
            self.close_connection = True
            self.send_error(400, str(exc))
            return None

    def _read_chunked(self) -> bytes:
        """A chunked body (RFC 9112 §7.1), at most MAX_BODY bytes in all; trailers are read and ignored."""
        body = bytearray()
        while True:
            line = self.rfile.readline(MAX_CHUNK_LINE + 1)
            if len(line) > MAX_CHUNK_LINE or not line.endswith(b"\n"):
                raise BadRequest("malformed chunk size line")
            digits = line.split(b";")[0].strip()
            if not digits or any(c not in b"0123456789abcdefABCDEF" for c in digits):
                raise BadRequest("malformed chunk size")
            size = int(digits, 16)
            if size == 0:
                self._skip_trailers()
                return bytes(body)
            if size > MAX_BODY - len(body):
                raise BadRequest(f"chunked body exceeds {MAX_BODY} bytes")
            chunk = self.rfile.read(size)
            if len(chunk) != size or self.rfile.readline(3) not in (b"\r\n", b"\n"):
                raise BadRequest("truncated or malformed chunk")
            body += chunk

    def _skip_trailers(self) -> None:
        for _ in range(100):
            line = self.rfile.readline(MAX_CHUNK_LINE + 1)
            if line in (b"\r\n", b"\n", b""):
                return
        raise BadRequest("too many trailer lines")

    def _reset(self) -> None:
        """Abort the connection with a TCP reset (SO_LINGER 0): the client sees ECONNRESET, no answer."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()

    def _hold_open(self, session: Session) -> None:
        """Keep the socket open, unanswered, until the client hangs up or the server stops (which makes the
        wakeup socket readable for good)."""
        while not session.stopped:
            readable, _, _ = select.select([self.connection, self.server.wake_r], [], [])
            if self.server.wake_r in readable:
                return
            try:
                if not self.connection.recv(4096):  # anything the client still sends is discarded
                    return
            except OSError:
                return

    def _client_gone(self, wait: float = 0.0) -> bool:
        """True when the client closed its end (or reset it); waits up to ``wait`` seconds to see."""
        readable, _, _ = select.select([self.connection], [], [], wait)
        if not readable:
            return False
        try:
            return not self.connection.recv(1, socket.MSG_PEEK)
        except OSError:
            return True


@contextmanager
def loopback_server(sim: HiveSimulator, port: int = 0) -> Iterator[HiveAddress]:
    session = sim.open_session()
    try:
        server = _Server(sim, session, port)
    except BaseException:
        sim.close_session(session)
        raise
    thread = threading.Thread(target=server.serve, daemon=True, name="hive-sim-server")
    thread.start()
    try:
        yield HiveAddress(HOST, server.server_address[1])
    finally:
        server.stop()
        sim.close_session(session)
        thread.join(JOIN_SECONDS)  # before server_close: the accept loop must not select on closed sockets
        server.join_workers(JOIN_SECONDS)
        server.server_close()
