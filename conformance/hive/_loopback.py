"""The loopback backend: a real HTTP/1.0 server on 127.0.0.1 in daemon threads, for hosts out of process.

Transport faults on a real socket: ``refused`` resets the connection at once (SO_LINGER 0, so the client gets
ECONNRESET); ``hang`` keeps the socket open without answering until the client closes it or the server stops;
a request still waiting (hold, latency, hang) when the server stops is closed without an answer. Stopping
never blocks on such requests for longer than a bounded join.
"""

from __future__ import annotations

import select
import socket
import struct
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

from ._records import HiveAddress

if TYPE_CHECKING:
    from ._simulator import HiveSimulator, Session

HOST = "127.0.0.1"
POLL_SECONDS = 0.02
JOIN_SECONDS = 1.0
MAX_BODY = 64 * 1024 * 1024


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, sim: HiveSimulator, session: Session, port: int) -> None:
        self.sim = sim
        self.session = session
        self.workers: set[threading.Thread] = set()
        self.workers_lock = threading.Lock()
        super().__init__((HOST, port), _Handler)

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
        outcome = sim._handle(session, self.command, self.path, body, headers, self._client_gone)
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
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            self.send_error(400, "bad Content-Length")
            return None
        return self.rfile.read(length)

    def _read_chunked(self) -> bytes:
        chunks = []
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                return b"".join(chunks)
            chunks.append(self.rfile.read(size))
            self.rfile.readline()

    def _reset(self) -> None:
        """Abort the connection with a TCP reset (SO_LINGER 0): the client sees ECONNRESET, no answer."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()

    def _hold_open(self, session: Session) -> None:
        """Keep the socket open, unanswered, until the client hangs up or the server stops."""
        while not session.stopped:
            if self._client_gone(POLL_SECONDS):
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
    session = sim._open_session()
    try:
        server = _Server(sim, session, port)
    except BaseException:
        sim._close_session(session)
        raise
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": POLL_SECONDS}, daemon=True, name="hive-sim-server"
    )
    thread.start()
    try:
        yield HiveAddress(HOST, server.server_address[1])
    finally:
        server.shutdown()
        sim._close_session(session)
        server.join_workers(JOIN_SECONDS)
        server.server_close()
        thread.join(JOIN_SECONDS)
