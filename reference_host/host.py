"""ReferenceHost and GuestInstance: one wasmtime Store, futures table and hive client per guest instance.

Linking iterates the manifest's imports (no import name or signature is written here); a guest importing
anything else from an ``ark-*`` module, or with a signature that differs from the manifest, is refused
with :class:`LinkError` (wasmtime refuses to link it, so none of its code runs).
"""

from __future__ import annotations

import ctypes
import functools
import threading
import weakref
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import wasmtime

from conformance.manifest import Import
from conformance.wasm import compile_module
from conformance.wasm import engine as shared_engine

from ._abi import manifest
from ._loading import NAME, VERSION, manifest_features, manifest_profiles, results_of
from .futures import FutureTable, TrainingTable
from .hive_client import HiveClient
from .imports import MlImports
from .memory import GuestMemory


class LinkError(Exception):
    """The guest imports something this host does not provide (or with another signature)."""


def _limits() -> Any:
    return manifest().limits


@dataclass(frozen=True)
class HostConfig:
    """Host limits; defaults are the manifest's [limits] (plus the host's own table and pool sizes)."""

    request_timeout_seconds: float = field(default_factory=lambda: _limits().request_timeout_seconds)
    max_outstanding_futures: int = field(default_factory=lambda: _limits().max_outstanding_futures)
    max_download_bytes: int = field(default_factory=lambda: _limits().max_download_bytes)
    max_training_handles: int = 1024
    max_workers: int = 4
    # Compile with wasmtime's epoch interruption, so that a driver can preempt a guest stuck in a loop:
    # it advances `host.engine`'s epoch and sets `instance.store`'s deadline before each call. New stores
    # start with a deadline far in the future.
    epoch_interruption: bool = False


NO_DEADLINE_TICKS = 1 << 40


@cache
def _epoch_engine() -> wasmtime.Engine:
    config = wasmtime.Config()
    config.epoch_interruption = True
    return wasmtime.Engine(config)


def _wasm_type(name: str) -> wasmtime.ValType:
    return {"i32": wasmtime.ValType.i32(), "i64": wasmtime.ValType.i64()}[name]


class _FuncType(wasmtime.FuncType):
    """A FuncType whose `results` list is built once: wasmtime-py's `Linker.define_func` reads it on every
    call, and rebuilding it was most of the cost of linking an instance (16 imports, every case)."""

    @functools.cached_property
    def results(self) -> list[wasmtime.ValType]:  # type: ignore[override]
        return super().results


@cache
def func_type(imp: Import, engine: wasmtime.Engine | None = None) -> wasmtime.FuncType:
    """The import's FuncType (cached per engine: types are not shared between engine configurations)."""
    return _FuncType([_wasm_type(p.wasm) for p in imp.params], [_wasm_type(r) for r in imp.results])


def check_imports(module: wasmtime.Module) -> None:
    """LinkError naming the first import this host cannot satisfy (unknown name or other signature)."""
    m = manifest()
    for item in module.imports:
        where = f"{item.module}::{item.name}"
        if item.module not in m.modules:
            raise LinkError(f"unknown import {where}: this host provides only {', '.join(sorted(m.modules))}")
        imp = m.find_import(item.module, item.name or "")
        if imp is None:
            raise LinkError(f"unknown import {where}: not in the ark-ml-v2 manifest")
        got = item.type
        if not isinstance(got, wasmtime.FuncType):
            raise LinkError(f"incompatible import type for {where}: the guest imports a {type(got).__name__}")
        declared = " ".join(
            part
            for part in (
                "(param " + " ".join(str(t) for t in got.params) + ")" if got.params else "",
                "(result " + " ".join(str(t) for t in got.results) + ")" if got.results else "",
            )
            if part
        )
        if declared != imp.wat_type():
            raise LinkError(
                f"incompatible import type for {where}: the guest declares (func {declared}), "
                f"found (func {imp.wat_type()}) in this host"
            )


def _compile(engine: wasmtime.Engine, wasm_bytes: bytes) -> wasmtime.Module:
    """Compiling is the slow part of instantiation; a module is immutable, so it is compiled once per engine
    configuration (and cached on disk across runs: conformance.wasm.compile_module)."""
    known = {id(shared_engine()): "default", id(_epoch_engine()): "epoch"}
    return compile_module(engine, wasm_bytes, known.get(id(engine)))


def _store_key(store: wasmtime.Store | wasmtime.Caller) -> int:
    """The address of the store's context, which a Caller shares with the Store it runs in: how a host
    function of the shared Linker finds its instance (wasmtime-py's Caller exposes neither the Store nor
    the store's data)."""
    return ctypes.addressof(store._context().contents)


def _host_func(imp: Import, instances: weakref.WeakValueDictionary[int, GuestInstance]) -> Any:
    # `instances` holds instances weakly: the Linker (and every Store instantiated from it) keeps this callback
    # alive from the Rust side, where Python's cycle collector cannot see it, so a strong reference would
    # keep every instance (and its module) forever. An instance leaves the mapping before its Store is freed
    # (weak references are cleared first), so a new Store at the same address never finds a stale instance.
    def call(caller: wasmtime.Caller, *args: int) -> int:
        instance = instances.get(_store_key(caller))
        if instance is None:
            raise RuntimeError("the guest instance behind this import is gone")
        return instance.imports.dispatch(imp, args)

    return call


class GuestInstance:
    """One instantiated guest: its Store, memory, futures, TrainingHandles and hive client."""

    def __init__(self, host: ReferenceHost, module: wasmtime.Module) -> None:
        config = host.config
        self.host = host
        self.store = wasmtime.Store(host.engine)
        if config.epoch_interruption:
            self.store.set_epoch_deadline(NO_DEADLINE_TICKS)
        self._memory: wasmtime.Memory | None = None
        self.memory: GuestMemory = host.memory_class(self.store, lambda: self._memory)
        self.futures: FutureTable = host.table_class(config.max_outstanding_futures)
        self.trainings = TrainingTable(config.max_training_handles)
        self.hive: HiveClient = host.hive_class(
            timeout_seconds=config.request_timeout_seconds,
            max_download_bytes=config.max_download_bytes,
            max_workers=config.max_workers,
        )
        self.imports: MlImports = host.imports_class(self)
        self.closed = False
        linker = host.linker()
        host._by_store[_store_key(self.store)] = self  # before instantiating: a start function may call imports
        try:
            self.instance = linker.instantiate(self.store, module)
        except Exception:
            self.close()
            raise
        memory = self.instance.exports(self.store).get("memory")
        self._memory = memory if isinstance(memory, wasmtime.Memory) else None

    def call(self, name: str, *args: int) -> list[int]:
        """Call the export `name` with raw Wasm values; returns its results, one int per result type (as
        the adapters' Instance.call does, so a driver need not know which host it holds)."""
        func = self.instance.exports(self.store).get(name)
        if not isinstance(func, wasmtime.Func):
            raise KeyError(f"the guest exports no function {name!r}")
        return results_of(func(self.store, *args))

    def has_export(self, name: str) -> bool:
        return isinstance(self.instance.exports(self.store).get(name), wasmtime.Func)

    def read_memory(self, ptr: int, length: int) -> bytes:
        """Raw bytes of guest memory (bounds-checked; IndexError outside it)."""
        size = self.memory_size
        if ptr < 0 or length < 0 or ptr + length > size:
            raise IndexError(f"[{ptr:#x}, +{length}) is outside guest memory ({size} bytes)")
        assert self._memory is not None or length == 0
        return b"" if length == 0 else bytes(self._memory.read(self.store, ptr, ptr + length))

    def write_memory(self, ptr: int, data: bytes) -> None:
        size = self.memory_size
        if ptr < 0 or ptr + len(data) > size:
            raise IndexError(f"[{ptr:#x}, +{len(data)}) is outside guest memory ({size} bytes)")
        if data:
            assert self._memory is not None
            self._memory.write(self.store, data, ptr)

    @property
    def memory_size(self) -> int:
        return 0 if self._memory is None else self._memory.data_len(self.store)

    @property
    def futures_count(self) -> int:
        return len(self.futures)

    @property
    def hive_requests_in_flight(self) -> int:
        return self.hive.in_flight

    def wait_background(self, timeout: float) -> bool:
        """The pause between two frames: at most `timeout` seconds, less when a background future ends
        (HiveClient.wait_for_change); True if one did."""
        return self.hive.wait_for_change(timeout)

    def close(self) -> None:
        """Cancel background work and free futures; returns promptly even while a request hangs."""
        if self.closed:
            return
        self.closed = True
        self.futures.close()
        self.trainings.close()
        self.hive.close()
        self.host._forget(self)

    def __enter__(self) -> GuestInstance:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ReferenceHost:
    """The ark-ml-v2 reference host; mutants plug in subclasses of the seam classes.

    `imports_class` (MlImports: one method per import plus argument helpers), `memory_class` (GuestMemory:
    bounds checks, reads, writes), `table_class` (FutureTable: poll/take/drop rules, the cap) and
    `hive_class` (HiveClient: the HTTP requests).
    """

    name = NAME
    version = VERSION

    @property
    def profiles(self) -> tuple[str, ...]:
        """Every profile of the manifest: this host implements every import."""
        return manifest_profiles()

    @property
    def features(self) -> tuple[str, ...]:
        return manifest_features()

    def __init__(
        self,
        config: HostConfig | None = None,
        *,
        imports_class: type[MlImports] = MlImports,
        memory_class: type[GuestMemory] = GuestMemory,
        table_class: type[FutureTable] = FutureTable,
        hive_class: type[HiveClient] = HiveClient,
    ) -> None:
        self.config = config or HostConfig()
        self.imports_class = imports_class
        self.memory_class = memory_class
        self.table_class = table_class
        self.hive_class = hive_class
        self.engine = _epoch_engine() if self.config.epoch_interruption else shared_engine()
        self._instances: set[GuestInstance] = set()
        self._lock = threading.Lock()
        self._linker: wasmtime.Linker | None = None
        # every instance of this host, by _store_key of its Store (weakly: see _host_func)
        self._by_store: weakref.WeakValueDictionary[int, GuestInstance] = weakref.WeakValueDictionary()

    def linker(self) -> wasmtime.Linker:
        """The Linker of every instance of this host, built on first use: defining the host functions for
        each instance was about a third of an instantiation. Each function finds its instance by its Store."""
        with self._lock:
            if self._linker is None:
                linker = wasmtime.Linker(self.engine)
                for imp in self.provided_imports():
                    ty = func_type(imp, self.engine)
                    linker.define_func(imp.module, imp.field, ty, _host_func(imp, self._by_store), access_caller=True)
                self._linker = linker
            return self._linker

    def provided_imports(self) -> tuple[Import, ...]:
        """The host functions a guest may import: every import of the manifest, with its signature."""
        return manifest().imports

    def instantiate(self, wasm_bytes: bytes) -> GuestInstance:
        """A fresh Store and instance for `wasm_bytes`; LinkError if it imports what the host lacks."""
        module = _compile(self.engine, bytes(wasm_bytes))
        try:
            instance = GuestInstance(self, module)
        except wasmtime.WasmtimeError:
            # The linker defines the manifest's imports with their signatures, so a module that links would
            # pass check_imports: it is read only after a failure, to name the import at fault (reading it
            # first cost ~0.3 ms of every first instantiation of a module).
            check_imports(module)
            raise
        with self._lock:
            self._instances.add(instance)
        return instance

    def _forget(self, instance: GuestInstance) -> None:
        with self._lock:
            self._instances.discard(instance)

    def close(self) -> None:
        """Close every instance still open."""
        with self._lock:
            instances = list(self._instances)
        for instance in instances:
            instance.close()

    def __enter__(self) -> ReferenceHost:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def describe() -> dict[str, str]:
    return {"name": NAME, "version": VERSION}
