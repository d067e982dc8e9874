"""The host's side of hive protocol v1 (docs/hive-protocol.md): sync httpx in a small bounded pool.

One :class:`HiveClient` per guest instance. Requests run either in the instance's executor (futures) or
in the caller's thread (the synchronous stop/disconnect). Any transport error, non-2xx status, malformed
body or oversized body raises :class:`HiveFailure`. :meth:`HiveClient.close` shuts the sockets down, so
a request blocked on a hung hive returns at once instead of at its timeout.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import ssl
import threading
import weakref
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from typing import Any
from urllib.parse import quote

import httpcore
import httpx

log = logging.getLogger(__name__)


class HiveFailure(Exception):
    """The hive request did not produce a usable answer (becomes HttpRequestFailed)."""


class _TrackingBackend(httpcore.SyncBackend):
    """httpcore's socket backend that remembers its sockets so that close() can shut them down."""

    def __init__(self) -> None:
        self._sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()
        self._lock = threading.Lock()

    def connect_tcp(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        stream = super().connect_tcp(*args, **kwargs)
        sock = stream.get_extra_info("socket")
        if sock is not None:
            with self._lock:
                self._sockets.add(sock)
        return stream

    def shutdown_all(self) -> None:
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


@cache
def _ssl_context() -> ssl.SSLContext:
    """Loading the CA bundle costs ~25 ms; the hive protocol is plain http, so load it once per process."""
    return ssl.create_default_context()


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


class HiveClient:
    """HTTP to the hive for one guest instance: bounded workers, bounded downloads, request timeouts."""

    def __init__(self, *, timeout_seconds: float, max_download_bytes: int, max_workers: int) -> None:
        self.max_download_bytes = max_download_bytes
        self._backend = _TrackingBackend()
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout_seconds),
            transport=_interruptible_transport(self._backend, max_workers + 2),
        )
        self._executor = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="ark-hive")
        self._in_flight = 0
        self._lock = threading.Lock()
        self._closed = False

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def submit(self, fn: Any, *args: Any) -> Future:
        """Run `fn(*args)` in the instance's bounded pool (never a thread per future)."""
        return self._executor.submit(fn, *args)

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
        """The body of a 2xx response, read up to max_download_bytes (more fails), else HiveFailure."""
        if self._closed:
            raise HiveFailure("instance closed")
        with self._lock:
            self._in_flight += 1
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
                return bytes(chunks)
        except httpx.HTTPError as exc:
            raise HiveFailure(f"{method} {path}: {type(exc).__name__}: {exc}") from None
        except RuntimeError as exc:  # httpx raises RuntimeError on a closed client
            raise HiveFailure(f"{method} {path}: {exc}") from None
        finally:
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
