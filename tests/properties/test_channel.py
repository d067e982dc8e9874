"""The session's two ways into an instance agree: the pre-typed wasmtime path (reference host) returns
the same codes and leaves the same memory as the generic instance API, edge values included; and what a
host does wrong is sorted by type (a wasmtime.Trap is a trap, anything else an escaped exception)."""

from __future__ import annotations

import wasmtime

from conformance.fuzz._channel import GenericChannel, WasmtimeChannel
from conformance.fuzz.hosts import reference_host
from conformance.fuzz.session import ThunkSession
from conformance.manifest import load_manifest

EDGES = (0, 1, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 1 << 63, (1 << 64) - 1)


def test_the_pre_typed_path_matches_the_generic_path():
    host = reference_host()
    try:
        with ThunkSession(host, instances=2) as session:
            fast, generic = session.channels[0], GenericChannel(session.instances[1])
            assert isinstance(fast, WasmtimeChannel)
            for imp in load_manifest().imports:
                for edge in EDGES:
                    args = tuple(edge if p.wasm == "i64" else edge & 0xFFFF_FFFF for p in imp.params)
                    assert fast.call(imp, args) == generic.call(imp, args), (imp.name, args)
                    assert fast.read() == generic.read(), (imp.name, args)
    finally:
        host.close()


class _Instance:
    """A host instance whose every call fails with ``error``."""

    memory_size = 65536

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.memory = bytearray(self.memory_size)

    def call(self, name: str, *args: int) -> int:
        raise self.error

    def read_memory(self, ptr: int, length: int) -> bytes:
        return bytes(self.memory[ptr : ptr + length])

    def write_memory(self, ptr: int, data: bytes) -> None:
        self.memory[ptr : ptr + len(data)] = data

    def close(self) -> None:
        pass


class _Host:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def instantiate(self, wasm: bytes) -> _Instance:
        return _Instance(self.error)


def _outcome(error: Exception):
    imp = load_manifest().import_named("drop_future")
    with ThunkSession(_Host(error), instances=1) as session:
        return session.call(0, imp, (1,))


def test_a_trap_is_recognised_by_its_type():
    outcome = _outcome(wasmtime.Trap("unreachable executed"))
    assert outcome.trap and outcome.trap.startswith("Trap") and outcome.error is None and outcome.code is None


def test_an_exception_named_like_a_trap_is_an_escaped_exception():
    class Trap(Exception):  # not wasmtime's: matching by class name would call it a trap
        pass

    outcome = _outcome(Trap("host bug"))
    assert outcome.error and outcome.trap is None
