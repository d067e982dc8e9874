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
import dataclasses
import importlib
import math
import os
import sys
import threading
from typing import Any, ClassVar

import wasmtime

from conformance.manifest import load_manifest

from .base import GuestTrap, HostAdapter, HostInfo, HostTimeout, Instance, LinkFailed

DEFAULT_REQUEST_TIMEOUT = 1.0  # hive requests go to a loopback simulator: 1 s is ample, and bounds hang faults
EPOCH_TICK_SECONDS = 0.01


def all_features() -> tuple[str, ...]:
    """Every feature the manifest names: what a host that implements everything supports."""
    return tuple(sorted({f for imp in load_manifest().imports for f in imp.features}))


def describe_exception(exc: BaseException) -> str:
    """One line for a trap or an exception: the trap code and wasmtime's own reason, or type and message."""
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    if isinstance(exc, wasmtime.Trap):
        reason = next((line for line in reversed(lines) if "wasm trap" in line), lines[-1] if lines else "")
        code = exc.trap_code.name if exc.trap_code is not None else "unknown"
        return f"trap {code}: {reason}"
    return f"{type(exc).__name__}: {lines[0] if lines else '(no message)'}"


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
        if result is None:
            return []
        if isinstance(result, list | tuple):
            return [int(v) for v in result]
        return [int(result)]

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

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(Exception):  # closing must never fail a case that already has its outcome
            self._inner.close()


class InProcessAdapter(HostAdapter):
    """Wraps one host object; one adapter per worker thread (stores are not shared across threads)."""

    def __init__(self, host_class: type, *, spec: str, request_timeout: float = DEFAULT_REQUEST_TIMEOUT) -> None:
        self.spec = spec
        self._host = construct(host_class, request_timeout)
        self._info = describe(self._host)
        self._ticker: _EpochTicker | None = None
        engine = getattr(self._host, "engine", None)
        if getattr(getattr(self._host, "config", None), "epoch_interruption", False) and isinstance(
            engine, wasmtime.Engine
        ):
            self._ticker = _EpochTicker.acquire(engine)

    @property
    def info(self) -> HostInfo:
        return self._info

    def instantiate(self, wasm: bytes, *, timeout: float | None = None) -> Instance:
        try:
            return InProcessInstance(self._host.instantiate(wasm), preemptible=self._ticker is not None)
        except Exception as exc:
            raise LinkFailed(describe_exception(exc)) from None

    def close(self) -> None:
        if self._ticker is not None:
            self._ticker.release()
            self._ticker = None
        with contextlib.suppress(Exception):
            self._host.close()


def describe(host: Any) -> HostInfo:
    """A host object's self-description: its `name`, `version` (its own class's, never inherited),
    `profiles`, `features` attributes if it has them; otherwise its class name, its top-level package's
    `__version__`, both profiles, every feature."""
    cls = type(host)
    package = importlib.import_module(cls.__module__.split(".")[0])

    def own(attribute: str) -> Any:
        """Never an inherited constant (a subclass of a host is another host); a property computes its own."""
        if attribute in vars(host):
            return vars(host)[attribute]
        owner = next((k for k in cls.__mro__ if attribute in vars(k)), None)
        if owner is cls or (owner is not None and isinstance(vars(owner)[attribute], property)):
            return getattr(host, attribute)
        return None

    return HostInfo(
        name=str(own("name") or cls.__name__),
        version=str(own("version") or getattr(package, "__version__", "unknown")),
        profiles=tuple(getattr(host, "profiles", None) or ("core", "extended")),
        features=tuple(getattr(host, "features", None) or all_features()),
    )


def construct(host_class: type, request_timeout: float = DEFAULT_REQUEST_TIMEOUT) -> Any:
    """`cls(HostConfig(request_timeout_seconds=...))`: the ReferenceHost constructor shape (with epoch
    interruption switched on when HostConfig offers it)."""
    from reference_host import HostConfig

    options: dict[str, Any] = {"request_timeout_seconds": request_timeout}
    if "epoch_interruption" in {f.name for f in dataclasses.fields(HostConfig)}:
        options["epoch_interruption"] = True
    return host_class(HostConfig(**options))


def load_class(module_name: str, class_name: str) -> type:
    """Import MODULE and return its CLASS; a bad spec is the user's error (ValueError with one line).

    The working directory is importable, as with `python -m`: the console script's own sys.path lacks it,
    and a host author runs the suite from their project's root."""
    if os.getcwd() not in sys.path:
        sys.path.append(os.getcwd())
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ValueError(f"cannot import host module {module_name!r}: {exc}") from None
    cls = getattr(module, class_name, None)
    if not isinstance(cls, type):
        raise ValueError(f"module {module_name!r} has no class {class_name!r}")
    return cls


def reference_class() -> type:
    from reference_host import ReferenceHost

    return ReferenceHost
