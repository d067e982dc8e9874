"""The host's side of hive protocol v1 (docs/hive-protocol.md): sync httpx in a small bounded pool.

One :class:`HiveClient` per guest instance. Requests run either in the instance's executor (futures) or
in the caller's thread (the synchronous stop/disconnect). Any transport error, non-2xx status, malformed
body or oversized body raises :class:`HiveFailure`. :meth:`HiveClient.close` shuts the sockets down, so
a request blocked on a hung hive returns at once instead of at its timeout.

The timeout is a total deadline per request (connect + send + status, headers and the whole body), not
httpx's per-operation timeout: a hive that drips one byte just before each read would time out never.
Sync httpcore does all of a request's I/O in the calling thread, so the deadline lives in a thread-local
and every socket operation of that thread waits at most until it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import ssl
import threading
import time
import weakref
from concurrent.futures import Future, InvalidStateError, ThreadPoolExecutor
from functools import cache
from typing import Any
from urllib.parse import quote

import httpcore
import httpx

log = logging.getLogger(__name__)


class HiveFailure(Exception):
    """The hive request did not produce a usable answer (becomes HttpRequestFailed)."""


_deadline = threading.local()  # .at: time.monotonic() by which this thread's current request must end


def _remaining(timeout: float | None, expired: type[Exception]) -> float | None:
    """``timeout`` clipped to what is left of the current request's deadline; ``expired`` once none is left."""
    at = getattr(_deadline, "at", None)
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise expired("hive request deadline exceeded")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write waits at most until the current request's deadline."""

    def __init__(self, stream: httpcore.NetworkStream, on_write: Any = None) -> None:
        self._stream = stream
        self._on_write = on_write  # the backend's claim: this thread's request now uses this socket

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _remaining(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if self._on_write is not None:
            self._on_write()
        self._stream.write(buffer, _remaining(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname, _remaining(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(tls)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _TrackingBackend(httpcore.SyncBackend):
    """httpcore's socket backend that remembers its sockets (so close() can shut them down) and bounds
    every socket operation by the calling thread's request deadline."""

    def __init__(self) -> None:
        self._sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()
        self._lock = threading.Lock()
        self._in_use: dict[int, socket.socket] = {}  # thread ident -> the socket its request writes to
        self._jobs: dict[int, _Job] = {}  # thread ident -> the hive job it runs

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        timeout = _remaining(timeout, httpcore.ConnectTimeout)
        stream = super().connect_tcp(host, port, timeout, local_address, socket_options)
        sock = stream.get_extra_info("socket")
        if sock is not None:
            with self._lock:
                self._sockets.add(sock)
        return _DeadlineStream(stream, None if sock is None else lambda: self._claim(sock))

    def _claim(self, sock: socket.socket) -> None:
        """This thread's request now writes to `sock`; shut it at once if the thread's job was cancelled."""
        ident = threading.get_ident()
        with self._lock:
            self._in_use[ident] = sock
            job = self._jobs.get(ident)
            interrupted = job is not None and job.interrupted
        if interrupted:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def bind(self, job: _Job) -> None:
        with self._lock:
            self._jobs[threading.get_ident()] = job

    def unbind(self) -> None:
        with self._lock:
            self._jobs.pop(threading.get_ident(), None)
            self._in_use.pop(threading.get_ident(), None)

    def interrupt(self, job: _Job) -> None:
        """Shut the socket `job`'s request writes to (now, or when it starts writing)."""
        with self._lock:
            job.interrupted = True
            sock = next((self._in_use.get(ident) for ident, j in self._jobs.items() if j is job), None)
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def shutdown_all(self) -> None:
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


@cache
def _ssl_context() -> ssl.SSLContext:
    """A verifying TLS context that trusts no CA: the hive protocol is plain http (hive_address always builds
    an ``http://`` URL), so no request ever uses it, and loading the CA bundle cost ~25 ms of CPU in every
    process that made a HiveClient. Were TLS ever attempted it would fail verification, never skip it."""
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def _interruptible_transport(backend: _TrackingBackend, max_connections: int) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(verify=_ssl_context())
    # httpx does not expose httpcore's network_backend; swap in an equivalent pool that uses ours.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=_ssl_context(), max_connections=max_connections, network_backend=backend
    )
    return transport


def run_path(template: str, run_id: str) -> str:
    """A route path with `run_id` percent-encoded (every reserved character, '/' included)."""
    return template.format(run_id=quote(run_id, safe=""))


class _Job(Future):
    """A hive job's future whose cancel() also interrupts the request the job is making."""

    def __init__(self, backend: _TrackingBackend) -> None:
        super().__init__()
        self._backend = backend
        self.interrupted = False  # set under the backend's lock

    def cancel(self) -> bool:
        cancelled = super().cancel()  # the job never sets itself running, so this succeeds until it is done
        if cancelled:
            self._backend.interrupt(self)
        return cancelled


class HiveClient:
    """HTTP to the hive for one guest instance: bounded workers, bounded downloads, a total deadline per
    request of ``timeout_seconds`` (the manifest's ``limits.request_timeout_seconds``)."""

    def __init__(self, *, timeout_seconds: float, max_download_bytes: int, max_workers: int) -> None:
        self.max_download_bytes = max_download_bytes
        self.timeout_seconds = timeout_seconds
        self._backend = _TrackingBackend()
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout_seconds),
            transport=_interruptible_transport(self._backend, max_workers + 2),
        )
        self._executor = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="ark-hive")
        self._in_flight = 0
        self._lock = threading.Lock()
        self._closed = False
        # set whenever a background job ends (result, exception or cancellation): a driver waiting between
        # two frames wakes at once instead of sleeping out its frame (wait_for_change)
        self._changed = threading.Event()

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def submit(self, fn: Any, *args: Any) -> Future:
        """Run `fn(*args)` in the instance's bounded pool (never a thread per future).

        Cancelling the returned future also interrupts its request when it is already running, so
        drop_future cancels the pending work on the hive's side too (ml-v1/drop_future/releases).
        """
        job = _Job(self._backend)

        def run() -> None:
            self._backend.bind(job)
            try:
                if job.cancelled():  # dropped before it ran: no request at all
                    return
                value = fn(*args)
            except BaseException as exc:
                with contextlib.suppress(InvalidStateError):
                    job.set_exception(exc)
            else:
                with contextlib.suppress(InvalidStateError):
                    job.set_result(value)
            finally:
                self._backend.unbind()
                self._changed.set()

        self._executor.submit(run)
        return job

    def wait_for_change(self, timeout: float) -> bool:
        """Wait at most `timeout` seconds for a background job to end; True if one ended since the last call.

        Why: the runner sleeps a frame between two `conformance_step` calls so that futures progress; waking
        when one is done lets the guest see it without sleeping out the rest of the frame, while a frame in
        which nothing ends (a held request, a pending poll) still lasts the full `timeout`. A job ending
        between the wait and the clear only loses its early wake-up, never its result.
        """
        changed = self._changed.wait(timeout)
        self._changed.clear()
        return changed

    # -- the routes of docs/hive-protocol.md -------------------------------------------------------
    def start(self, base_url: str, body: dict[str, Any]) -> dict[str, Any]:
        return self.request_json("POST", base_url, "/api/v1/experiments", body)

    def connect(self, base_url: str, run_id: str) -> dict[str, Any]:
        return self.request_json("POST", base_url, run_path("/api/v1/runs/{run_id}/connect", run_id), {})

    def config(self, base_url: str, run_id: str) -> dict[str, Any]:
        return self.request_json("GET", base_url, run_path("/api/v1/runs/{run_id}/config", run_id))

    def registry_config(self, base_url: str, run_id: str) -> dict[str, Any]:
        return self.request_json("GET", base_url, run_path("/api/v1/registry/runs/{run_id}/config", run_id))

    def registry_snapshot(self, base_url: str, run_id: str) -> bytes:
        return self.request_bytes("GET", base_url, run_path("/api/v1/registry/runs/{run_id}/snapshot", run_id))

    def stop(self, base_url: str, run_id: str) -> dict[str, Any]:
        return self.request_json("POST", base_url, run_path("/api/v1/runs/{run_id}/stop", run_id), {})

    def disconnect(self, base_url: str, run_id: str) -> dict[str, Any]:
        return self.request_json("POST", base_url, run_path("/api/v1/runs/{run_id}/disconnect", run_id), {})

    # -- transport ---------------------------------------------------------------------------------
    def request_json(self, method: str, base_url: str, path: str, body: dict[str, Any] | None = None) -> dict:
        """A JSON-object answer of a 2xx response, else HiveFailure."""
        raw = self.request_bytes(method, base_url, path, body)
        try:
            value = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise HiveFailure(f"{method} {path}: body is not JSON ({exc})") from None
        if not isinstance(value, dict):
            raise HiveFailure(f"{method} {path}: body is not a JSON object")
        return value

    def request_bytes(self, method: str, base_url: str, path: str, body: dict[str, Any] | None = None) -> bytes:
        """The body of a 2xx response, read up to max_download_bytes (more fails) within the request's
        deadline (later fails), else HiveFailure."""
        if self._closed:
            raise HiveFailure("instance closed")
        with self._lock:
            self._in_flight += 1
        at = time.monotonic() + self.timeout_seconds
        _deadline.at = at
        try:
            kwargs: dict[str, Any] = {} if body is None else {"json": body}
            with self._client.stream(method, base_url + path, **kwargs) as response:
                if not 200 <= response.status_code < 300:
                    raise HiveFailure(f"{method} {path}: HTTP {response.status_code}")
                chunks = bytearray()
                for chunk in response.iter_bytes():
                    chunks += chunk
                    if len(chunks) > self.max_download_bytes:
                        raise HiveFailure(f"{method} {path}: body exceeds {self.max_download_bytes} bytes")
                    if time.monotonic() > at:
                        raise HiveFailure(f"{method} {path}: deadline of {self.timeout_seconds:g} s exceeded")
                return bytes(chunks)
        except httpx.HTTPError as exc:
            raise HiveFailure(f"{method} {path}: {type(exc).__name__}: {exc}") from None
        except RuntimeError as exc:  # httpx raises RuntimeError on a closed client
            raise HiveFailure(f"{method} {path}: {exc}") from None
        finally:
            _deadline.at = None
            with self._lock:
                self._in_flight -= 1

    def close(self) -> None:
        """Cancel queued work, interrupt in-flight requests, and return without waiting for them."""
        if self._closed:
            return
        self._closed = True
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._backend.shutdown_all()
        try:
            self._client.close()
        except Exception:  # closing must never fail teardown
            log.debug("closing the hive client failed", exc_info=True)
