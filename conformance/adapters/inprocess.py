"""In-process adapter: a Python host class (the reference host, or a mutant of it) in the runner's process.

Specs: `reference` (reference_host.ReferenceHost) and `python:MODULE:CLASS` (any class with the
ReferenceHost constructor shape, `cls(HostConfig(...))`, and its instance API: `instantiate(wasm)` ->
instance with `call`, `read_memory`, `write_memory`, `memory_size`, `close`). The mutant gallery uses the
second form.

A call cannot be preempted in-process: the runner's per-case deadline is checked between guest steps, so a
guest that never returns from one step blocks its worker. Use the subprocess adapter to bound that too.
"""

from __future__ import annotations

import contextlib
import importlib
from typing import Any

from conformance.manifest import load_manifest

from .base import GuestTrap, HostAdapter, HostInfo, Instance, LinkFailed

DEFAULT_REQUEST_TIMEOUT = 2.0


def all_features() -> tuple[str, ...]:
    """Every feature the manifest names: what a host that implements everything supports."""
    return tuple(sorted({f for imp in load_manifest().imports for f in imp.features}))


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else '(no message)'}"


class InProcessInstance(Instance):
    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self._closed = False

    def call(self, export: str, *args: int, timeout: float | None = None) -> list[int]:
        try:
            result = self._inner.call(export, *args)
        except Exception as exc:  # wasmtime.Trap, or a Python exception an import let escape
            raise GuestTrap(_one_line(exc)) from None
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

    @property
    def info(self) -> HostInfo:
        return self._info

    def instantiate(self, wasm: bytes, *, timeout: float | None = None) -> Instance:
        try:
            return InProcessInstance(self._host.instantiate(wasm))
        except Exception as exc:
            raise LinkFailed(_one_line(exc)) from None

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._host.close()


def describe(host: Any) -> HostInfo:
    """A host object's self-description: its `name`, `version`, `profiles`, `features` attributes if it has
    them; otherwise its class name, its top-level package's `__version__`, both profiles, every feature."""
    cls = type(host)
    package = importlib.import_module(cls.__module__.split(".")[0])
    return HostInfo(
        name=str(getattr(host, "name", None) or cls.__name__),
        version=str(getattr(host, "version", None) or getattr(package, "__version__", "unknown")),
        profiles=tuple(getattr(host, "profiles", None) or ("core", "extended")),
        features=tuple(getattr(host, "features", None) or all_features()),
    )


def construct(host_class: type, request_timeout: float = DEFAULT_REQUEST_TIMEOUT) -> Any:
    """`cls(HostConfig(request_timeout_seconds=...))`: the ReferenceHost constructor shape."""
    from reference_host import HostConfig

    return host_class(HostConfig(request_timeout_seconds=request_timeout))


def load_class(module_name: str, class_name: str) -> type:
    """Import MODULE and return its CLASS; a bad spec is the user's error (ValueError with one line)."""
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
