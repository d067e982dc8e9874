"""A hostile hive on 127.0.0.1: answers ``connect`` at once, and one chosen route with a body that never
completes (one byte at a time, or endless chunks), to show the host's total request deadline."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

DRIP_SECONDS = 0.02
MAX_DRIPS = 250  # ~5 s: a host without a total deadline is still reading when this gives up


@dataclass
class DripLog:
    """What the hive did; ``gave_up`` is set when it ran out of drips (the client never stopped reading)."""

    requests: list[str] = field(default_factory=list)
    gave_up: threading.Event = field(default_factory=threading.Event)
    client_left: threading.Event = field(default_factory=threading.Event)


def _read_head(conn: socket.socket) -> str:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data.split(b"\r\n", 1)[0].decode("latin-1")


def _drip(conn: socket.socket, how: str, stop: threading.Event, log: DripLog) -> None:
    if how == "slow-body":
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{")
        piece = b" "
    elif how == "endless-body":
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
        piece = b"40\r\n" + b" " * 64 + b"\r\n"
    else:  # slow-headers: the status line arrives, the headers never end
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        piece = b"X"
    for _ in range(MAX_DRIPS):
        if stop.wait(DRIP_SECONDS):
            return
        try:
            conn.sendall(piece)
        except OSError:
            log.client_left.set()
            return
    log.gave_up.set()


def _serve_one(conn: socket.socket, route: str, how: str, stop: threading.Event, log: DripLog) -> None:
    with conn:
        line = _read_head(conn)
        log.requests.append(line)
        path = line.split(" ")[1] if " " in line else ""
        if path.endswith(f"/{route}"):
            _drip(conn, how, stop, log)
            return
        run_id = path.split("/")[-2] if path.count("/") >= 2 else ""
        body = json.dumps({"run_id": run_id}).encode()
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
                     b"Connection: close\r\n\r\n%s" % (len(body), body))


@contextmanager
def dripping_hive(route: str, how: str) -> Iterator[tuple[int, DripLog]]:
    """Serve until the block exits; yields (port, log). ``route`` is the last path segment (``stop``,
    ``connect``); ``how`` is ``slow-body``, ``endless-body`` or ``slow-headers``."""
    log, stop = DripLog(), threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    threads: list[threading.Thread] = []

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            t = threading.Thread(target=_serve_one, args=(conn, route, how, stop, log), daemon=True)
            threads.append(t)
            t.start()

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield listener.getsockname()[1], log
    finally:
        stop.set()
        acceptor.join(5)
        listener.close()
        for t in threads:
            t.join(5)
