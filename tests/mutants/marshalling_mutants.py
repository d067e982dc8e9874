"""Faulty reference hosts for the property tests (conformance/fuzz): one marshalling bug each.

Each is a seam subclass of the reference host (design note §4) and a factory the property tests call;
tests/properties/test_properties_catch_mutants.py shows that the matching property fails on it.
"""

from __future__ import annotations

from conformance.fuzz.hosts import reference_host
from reference_host import AbiError, FutureEntry, FutureTable, GuestMemory, MlImports, ReferenceHost, encode

U32_MASK = 0xFFFF_FFFF


class NoUnsignedMask(MlImports):
    """Takes wasmtime's signed i32 at face value: u32 arguments >= 2^31 become negative."""

    def mask_u32(self, value: int) -> int:
        return value


class WrappingBoundsCheck(GuestMemory):
    """Bounds check in 32-bit arithmetic: ptr + len wraps past 2^32 and looks in bounds."""

    def check_range(self, ptr: int, length: int) -> None:
        if ptr < 0 or length < 0 or (ptr + length) & U32_MASK > self.size():
            raise AbiError("InvalidArguments", "out of bounds")


class OneByteTooLong(GuestMemory):
    """Writes size_of::<T>() + 1 bytes at out-pointers (a trailing zero byte)."""

    def write_out(self, ptr: int, type_name: str, values: int | dict[str, int]) -> None:
        self.write(ptr, encode(type_name, values) + b"\0")


class TakeDoesNotConsume(FutureTable):
    """A successful take leaves the future live: a second take succeeds again."""

    def take_future(self, handle, kind, check=None):
        entry = self.lookup(handle, kind)
        state, value = entry.state()
        if state.value == "pending":
            raise AbiError("Unavailable", "not ready")
        if state.value == "failed":
            raise AbiError("HttpRequestFailed", "failed")
        if check is not None:
            check(value)
        return value


class AcceptsInvalidUtf8(GuestMemory):
    """Decodes &str with replacement characters instead of refusing bytes that are not UTF-8."""

    def read_str(self, ptr: int, length: int) -> str:
        return self.read_bytes(ptr, length).decode("utf-8", errors="replace")


def _host(**seams) -> ReferenceHost:
    return reference_host(**seams)


MUTANTS = {
    "no-unsigned-mask": lambda: _host(imports_class=NoUnsignedMask),
    "wrapping-bounds-check": lambda: _host(memory_class=WrappingBoundsCheck),
    "out-write-one-byte-too-long": lambda: _host(memory_class=OneByteTooLong),
    "take-does-not-consume": lambda: _host(table_class=TakeDoesNotConsume),
    "accepts-invalid-utf8": lambda: _host(memory_class=AcceptsInvalidUtf8),
}


class PendingTakeFaults(FutureTable):
    """A take before the future is ready hits a host fault (InternalError) instead of Unavailable."""

    def take_future(self, handle, kind, check=None):
        entry = self.lookup(handle, kind)
        if entry.state()[0].value == "pending":
            raise RuntimeError("result not ready")
        return super().take_future(handle, kind, check)


MUTANTS["pending-take-faults"] = lambda: _host(table_class=PendingTakeFaults)


class StopOnlyDisconnects(MlImports):
    """stop_experiment sends the disconnect route: remote workers keep running."""

    def stop_experiment(self, context: int) -> str:
        return self.stop_training(context)


MUTANTS["stop-only-disconnects"] = lambda: _host(imports_class=StopOnlyDisconnects)


class PerInstanceHandles(FutureTable):
    """Numbers FutureHandles per instance from 1: another instance's handle is live here too."""

    def add(self, kind, job, transform=None):
        self._next = getattr(self, "_next", 0) + 1
        self._entries[self._next] = FutureEntry(self._next, kind, job, transform or (lambda value: value))
        return self._next


MUTANTS["per-instance-handles"] = lambda: _host(table_class=PerInstanceHandles)
