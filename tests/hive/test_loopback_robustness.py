"""The loopback server under hostile framing and load: bodies capped however they are framed, malformed
chunking answered with 400 (no traceback), hundreds of simultaneous clients all answered, no idle polling."""

from __future__ import annotations

import selectors
import socket
import time
from typing import ClassVar

import pytest

from conformance.hive import HiveSimulator, Scenario
from conformance.hive import _loopback as loopback
from tests.hive.conftest import RAW_CONFIG_REQUEST, RUN_1

CAP = 1000  # MAX_BODY for these tests, so that exceeding it needs no 64 MiB upload
CLIENTS = 500
LOAD_DEADLINE_SECONDS = 30.0  # a bound so the test cannot hang, far above the ~0.5 s it takes here


def exchange(port: int, request: bytes) -> bytes:
    """Send ``request`` on a fresh connection and read the whole answer (the server closes after it)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(request)
        conn.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
        return answer


def chunked_start(chunks: list[bytes]) -> bytes:
    head = b"POST /api/v1/experiments HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
    return head + b"".join(chunks)


def chunk(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


@pytest.fixture
def capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loopback, "MAX_BODY", CAP)


def test_a_chunked_body_within_the_cap_is_read(capped: None) -> None:
    sim = HiveSimulator()
    body = b'{"game_name": "pong"}'
    with sim.loopback_server() as address:
        answer = exchange(address.port, chunked_start([chunk(body[:5]), chunk(body[5:]), b"0\r\n\r\n"]))
    assert answer.startswith(b"HTTP/1.0 400 ")  # an incomplete start body: the hive's own 400 ...
    assert b"invalid_body" in answer  # ... after it read the whole body
    (request,) = sim.requests
    assert request.body == body


@pytest.mark.parametrize("sizes", [[CAP + 1], [600, 600], [CAP, 1]], ids=["one", "two", "one-over"])
def test_a_chunked_body_over_the_cap_is_refused_unread(capped: None, sizes: list[int]) -> None:
    sim = HiveSimulator()
    with sim.loopback_server() as address:
        answer = exchange(address.port, chunked_start([chunk(b" " * n) for n in sizes] + [b"0\r\n\r\n"]))
    assert answer.startswith(b"HTTP/1.0 400 ") and b"exceeds" in answer
    assert sim.requests == []


def test_a_content_length_over_the_cap_is_refused(capped: None) -> None:
    sim = HiveSimulator()
    with sim.loopback_server() as address:
        answer = exchange(address.port, b"POST /api/v1/experiments HTTP/1.1\r\nContent-Length: 1001\r\n\r\n")
    assert answer.startswith(b"HTTP/1.0 400 ")
    assert sim.requests == []


@pytest.mark.parametrize(
    "framing",
    [
        b"ffffffffffff\r\n",  # 256 TiB: must not be allocated
        b"zz\r\n",
        b"-5\r\n",
        b"\r\n",
        b"1" * 5000 + b"\r\n",  # a size line without end
        b"5\r\nabc",  # truncated chunk
        b"3\r\nabcXY0\r\n\r\n",  # chunk data not followed by CRLF
    ],
    ids=["huge", "not-hex", "negative", "empty", "endless-line", "truncated", "no-crlf"],
)
def test_malformed_chunking_is_a_400_without_traceback(capsys: pytest.CaptureFixture[str], framing: bytes) -> None:
    sim = HiveSimulator()
    with sim.loopback_server() as address:
        answer = exchange(address.port, chunked_start([framing]))
    assert answer.startswith(b"HTTP/1.0 400 ")
    assert sim.requests == []
    assert "Traceback" not in capsys.readouterr().err


def test_hundreds_of_simultaneous_clients_are_all_answered() -> None:
    """500 clients connect at once (one selector, non-blocking sockets) before the server accepts any."""
    sim = HiveSimulator(Scenario.from_dict({"runs": [RUN_1]}))
    answers: dict[socket.socket, bytes] = {}
    with sim.loopback_server() as address, selectors.DefaultSelector() as selector:
        for _ in range(CLIENTS):
            conn = socket.socket()
            conn.setblocking(False)
            conn.connect_ex((address.host, address.port))
            selector.register(conn, selectors.EVENT_WRITE)
            answers[conn] = b""
        deadline = time.monotonic() + LOAD_DEADLINE_SECONDS
        open_ = set(answers)
        while open_ and time.monotonic() < deadline:
            for key, events in selector.select(timeout=1.0):
                conn = key.fileobj
                assert isinstance(conn, socket.socket)
                if events & selectors.EVENT_WRITE:
                    conn.sendall(RAW_CONFIG_REQUEST)
                    selector.modify(conn, selectors.EVENT_READ)
                    continue
                data = conn.recv(65536)
                answers[conn] += data
                if not data:
                    selector.unregister(conn)
                    open_.discard(conn)
        for conn in answers:
            conn.close()
    statuses = [answer.split(b" ", 2)[1:2] for answer in answers.values()]
    assert statuses.count([b"200"]) == CLIENTS, f"{CLIENTS - statuses.count([b'200'])} clients not answered"
    assert len(sim.requests_for("config")) == CLIENTS


class CountingSelector(selectors.DefaultSelector):  # type: ignore[misc,valid-type]
    timeouts: ClassVar[list[float | None]] = []

    def select(self, timeout: float | None = None):  # type: ignore[no-untyped-def]
        CountingSelector.timeouts.append(timeout)
        return super().select(timeout)


def test_the_accept_loop_waits_without_a_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """An idle server sleeps until a connection or stop: one wake-up per event, none to poll."""
    monkeypatch.setattr(CountingSelector, "timeouts", [])
    monkeypatch.setattr(loopback.selectors, "DefaultSelector", CountingSelector)
    sim = HiveSimulator(Scenario.from_dict({"runs": [RUN_1]}))
    with sim.loopback_server() as address:
        for _ in range(3):
            assert exchange(address.port, RAW_CONFIG_REQUEST).startswith(b"HTTP/1.0 200 ")
    assert CountingSelector.timeouts and set(CountingSelector.timeouts) == {None}
    assert len(CountingSelector.timeouts) <= 3 + 1  # one wake-up per request and one for the stop


def test_a_deeply_nested_body_is_an_invalid_body(capsys: pytest.CaptureFixture[str]) -> None:
    sim = HiveSimulator()
    body = b"[" * 100_000 + b"]" * 100_000
    with sim.loopback_server() as address:
        head = b"POST /api/v1/experiments HTTP/1.1\r\nContent-Length: %d\r\n\r\n" % len(body)
        answer = exchange(address.port, head + body)
    assert answer.startswith(b"HTTP/1.0 400 ") and b"invalid_body" in answer
    assert "Traceback" not in capsys.readouterr().err
