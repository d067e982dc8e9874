"""In-process adapter: a Python host class (the reference host, or a mutant of it) in the runner's process.

Specs: `reference` (reference_host.ReferenceHost) and `python:MODULE:CLASS` (any class with the
ReferenceHost constructor shape, `cls(HostConfig(...))`, and its instance API: `instantiate(wasm)` ->
instance with `call`, `read_memory`, `write_memory`, `memory_size`, `close`). The mutant gallery uses the
second form.

Preemption: when the host's config class has an `epoch_interruption` field (its engine then interrupts
on epoch deadlines) and the host exposes `engine` and its instances `store`, every call gets an epoch
deadline (one ticker thread per engine advances the epoch), so a guest spinning inside one step ends as
`timeout`. Otherwise the case deadline is checked between steps only, and a guest that never returns from
a step blocks its worker: use the subprocess adapter, which kills the host process, for such hosts.
(Swapping the host's engine from outside is not safe: wasmtime aborts the process when a FuncType made for
one engine config is used with another.)
"""

from __future__ import annotations

import contextlib
import math
import threading
from collections.abc import Mapping
from typing import Any, ClassVar

import wasmtime

from reference_host import (
    CORPUS_REQUEST_TIMEOUT,
    HostsBySettings,
    construct,
    describe_exception,
    describe_host,
    results_of,
    setting_options,
)

from .base import GuestTrap, HostAdapter, HostInfo, HostTimeout, Instance, LinkFailed

EPOCH_TICK_SECONDS = 0.01


class _EpochTicker:
    """Advances an engine's epoch every EPOCH_TICK_SECONDS on a daemon thread while any adapter uses it.

    One ticker per engine, shared and reference-counted: hosts may share one engine (the reference host
    does), and two tickers on one engine would make every deadline expire early."""

    _lock: ClassVar[threading.Lock] = threading.Lock()
    _by_engine: ClassVar[dict[int, _EpochTicker]] = {}

    def __init__(self, engine: wasmtime.Engine) -> None:
        self.engine = engine
        self.users = 0
        self._stop = threading.Event()
        threading.Thread(target=self._tick, daemon=True).start()

    @classmethod
    def acquire(cls, engine: wasmtime.Engine) -> _EpochTicker:
        with cls._lock:
            ticker = cls._by_engine.get(id(engine))
            if ticker is None:
                ticker = cls._by_engine[id(engine)] = cls(engine)
            ticker.users += 1
            return ticker

    def release(self) -> None:
        with self._lock:
            self.users -= 1
            if self.users == 0:
                self._stop.set()
                del self._by_engine[id(self.engine)]

    def _tick(self) -> None:
        while not self._stop.wait(EPOCH_TICK_SECONDS):
            self.engine.increment_epoch()


class InProcessInstance(Instance):
    def __init__(self, inner: Any, preemptible: bool) -> None:
        self._inner = inner
        self._store = getattr(inner, "store", None) if preemptible else None
        self._closed = False

    def call(self, export: str, *args: int, timeout: float | None = None) -> list[int]:
        if self._store is not None:
            ticks = math.ceil(timeout / EPOCH_TICK_SECONDS) + 1 if timeout is not None else 1 << 40
            self._store.set_epoch_deadline(ticks)
        try:
            result = self._inner.call(export, *args)
        except wasmtime.Trap as exc:
            if exc.trap_code == wasmtime.TrapCode.INTERRUPT:
                raise HostTimeout(f"{export} did not return within {timeout:.2f} s (interrupted)") from None
            raise GuestTrap(describe_exception(exc)) from None
        except Exception as exc:  # a Python exception an import let escape
            raise GuestTrap(describe_exception(exc)) from None
        return results_of(result)

    def read_memory(self, ptr: int, length: int) -> bytes:
        if ptr < 0 or length < 0 or ptr + length > self.memory_size:
            raise IndexError(f"read of {length} bytes at {ptr} outside memory of {self.memory_size} bytes")
        return bytes(self._inner.read_memory(ptr, length))

    def write_memory(self, ptr: int, data: bytes) -> None:
        if ptr < 0 or ptr + len(data) > self.memory_size:
            raise IndexError(f"write of {len(data)} bytes at {ptr} outside memory of {self.memory_size} bytes")
        self._inner.write_memory(ptr, bytes(data))

    @property
    def memory_size(self) -> int:
        return int(self._inner.memory_size)

    def wait_background(self, timeout: float) -> bool:
        """The host's own early wake-up when it has one (the reference host's GuestInstance), else a sleep."""
        wait = getattr(self._inner, "wait_background", None)
        if wait is None:
            return super().wait_background(timeout)
        return bool(wait(timeout))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(Exception):  # closing must never fail a case that already has its outcome
            self._inner.close()


class InProcessAdapter(HostAdapter):
    """Wraps one host object; one adapter per worker thread (stores are not shared across threads).

    A case with `host_settings` gets a host object built with them (one per distinct settings, kept for the
    adapter's life): the settings of this host shape are HostConfig fields, fixed when the host is built."""

    def __init__(self, host_class: type, *, spec: str, request_timeout: float = CORPUS_REQUEST_TIMEOUT) -> None:
        self.spec = spec
        self._class = host_class
        self._request_timeout = request_timeout
        self._host = construct(host_class, request_timeout)
        self._info = HostInfo.of(describe_host(self._host))
        self._tickers: dict[int, _EpochTicker] = {}
        self._variants = HostsBySettings(self._build_variant)
        self._watch(self._host)

    def _watch(self, host: Any) -> None:
        """Start (or share) the epoch ticker of `host`'s engine, when it has epoch interruption on."""
        engine = getattr(host, "engine", None)
        epoch = getattr(getattr(host, "config", None), "epoch_interruption", False)
        if epoch and isinstance(engine, wasmtime.Engine) and id(engine) not in self._tickers:
            self._tickers[id(engine)] = _EpochTicker.acquire(engine)

    def _build_variant(self, options: dict[str, float]) -> Any:
        host = construct(self._class, self._request_timeout, options)
        self._watch(host)
        return host

    def _host_for(self, settings: Mapping[str, float] | None) -> Any:
        options = setting_options(settings)
        return self._variants.get(options) if options else self._host

    @property
    def info(self) -> HostInfo:
        return self._info

    def instantiate(
        self, wasm: bytes, *, timeout: float | None = None, settings: Mapping[str, float] | None = None
    ) -> Instance:
        try:
            host = self._host_for(settings)
            preemptible = id(getattr(host, "engine", None)) in self._tickers
            return InProcessInstance(host.instantiate(wasm), preemptible=preemptible)
        except Exception as exc:
            raise LinkFailed(describe_exception(exc)) from None

    def close(self) -> None:
        for ticker in self._tickers.values():
            ticker.release()
        self._tickers.clear()
        for host in [self._host, *self._variants.pop_all()]:
            with contextlib.suppress(Exception):
                host.close()
