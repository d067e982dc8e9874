"""How the fuzzer reaches one guest instance: call a thunk export, read and write its memory.

Fuzzing makes hundreds of thousands of tiny calls, so the per-call overhead of wasmtime-py's generic
path (export lookup by name, ``Func.type`` and a ``Val`` conversion per argument on every call) and of a
copying, bounds-checked ``read_memory`` dominates. For an instance that exposes its wasmtime ``store``
and ``instance`` (the reference host and its seam mutants) ``WasmtimeChannel`` looks every export up
once, checks its type once, and then calls through ``wasmtime_func_call_unchecked`` with one reused raw
argument array; memory is read through one ctypes view of the (fixed-size) thunk memory. Traps and host
exceptions surface exactly as on the generic path (wasmtime-py's own ``enter_wasm``). Any other host
object gets ``GenericChannel``, which uses only the design note's instance API.
"""

from __future__ import annotations

import ctypes
from typing import Any, Protocol

import wasmtime

from conformance.manifest import Import

from ._thunk import thunk_export_name


class Channel(Protocol):
    """What a session needs from one instance."""

    def size(self) -> int: ...

    def read(self) -> bytes: ...

    def write(self, offset: int, data: bytes) -> None: ...

    def call(self, imp: Import, args: tuple[int, ...]) -> int: ...


def to_signed(value: int, wasm: str) -> int:
    """The raw value as wasmtime-py wants it (signed two's complement of the type's width)."""
    bits = 64 if wasm == "i64" else 32
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >= 1 << (bits - 1) else value


class GenericChannel:
    """Any host instance with ``call(name, *args)``, ``read_memory``, ``write_memory``, ``memory_size``."""

    def __init__(self, inst: Any) -> None:
        self.inst = inst

    def size(self) -> int:
        return int(self.inst.memory_size)

    def read(self) -> bytes:
        return bytes(self.inst.read_memory(0, self.size()))

    def write(self, offset: int, data: bytes) -> None:
        self.inst.write_memory(offset, data)

    def call(self, imp: Import, args: tuple[int, ...]) -> int:
        raw = [to_signed(v, p.wasm) for v, p in zip(args, imp.params, strict=True)]
        result = self.inst.call(thunk_export_name(imp), *raw)  # a GuestInstance returns list[int]
        return int(result[0] if isinstance(result, list | tuple) else result) & 0xFFFF_FFFF


class _Typed:
    """One thunk export, looked up and type-checked once: its Func and which raw field each param uses."""

    def __init__(self, func: wasmtime.Func, store: wasmtime.Store, imp: Import) -> None:
        ty = func.type(store)
        want = [wasmtime.ValType.i64() if p.wasm == "i64" else wasmtime.ValType.i32() for p in imp.params]
        if list(ty.params) != want or [str(r) for r in ty.results] != ["i32"]:
            raise TypeError(f"thunk export {imp.key} has type {ty}, not the import's lowered signature")
        self.func = func
        self.fields = tuple("i64" if p.wasm == "i64" else "i32" for p in imp.params)
        self.raw = (_ffi.wasmtime_val_raw_t * max(1, len(self.fields)))()


try:  # wasmtime-py internals; without them every host takes the generic path
    from wasmtime import _ffi
    from wasmtime._func import enter_wasm

    _UNCHECKED = _ffi.wasmtime_func_call_unchecked
except (ImportError, AttributeError):  # pragma: no cover - other wasmtime-py versions
    _UNCHECKED = None


class WasmtimeChannel:
    """A host instance exposing its wasmtime ``store`` and ``instance``; see the module docstring."""

    def __init__(self, inst: Any) -> None:
        self.inst = inst
        self.store: wasmtime.Store = inst.store
        exports = inst.instance.exports(self.store)
        memory = exports.get("memory")
        if not isinstance(memory, wasmtime.Memory):
            raise TypeError("the thunk guest exports no memory")
        self.memory = memory
        self._size = memory.data_len(self.store)  # the thunk's memory has min = max pages: it never grows
        self._view = memory.get_buffer_ptr(self.store, self._size)
        self._typed: dict[str, _Typed] = {}
        self._exports = exports

    @staticmethod
    def fits(inst: Any) -> bool:
        return (
            _UNCHECKED is not None
            and isinstance(getattr(inst, "store", None), wasmtime.Store)
            and isinstance(getattr(inst, "instance", None), wasmtime.Instance)
        )

    def size(self) -> int:
        return self._size

    def read(self) -> bytes:
        return bytes(self._view)

    def write(self, offset: int, data: bytes) -> None:
        if offset < 0 or offset + len(data) > self._size:
            raise IndexError(f"[{offset:#x}, +{len(data)}) is outside guest memory ({self._size} bytes)")
        ctypes.memmove(ctypes.addressof(self._view) + offset, data, len(data))

    def _typed_for(self, imp: Import) -> _Typed:
        typed = self._typed.get(imp.key)
        if typed is None:
            func = self._exports.get(thunk_export_name(imp))
            if not isinstance(func, wasmtime.Func):
                raise KeyError(f"the thunk exports no function {imp.key!r}")
            typed = self._typed[imp.key] = _Typed(func, self.store, imp)
        return typed

    def call(self, imp: Import, args: tuple[int, ...]) -> int:
        typed = self._typed_for(imp)
        raw = typed.raw
        for i, (field, value) in enumerate(zip(typed.fields, args, strict=True)):
            setattr(raw[i], field, to_signed(value, field))
        with enter_wasm(self.store) as trap:
            error = _UNCHECKED(self.store._context(), ctypes.byref(typed.func._func), raw, len(raw), trap)
            if error:
                raise wasmtime.WasmtimeError._from_ptr(error)
        return raw[0].i32 & 0xFFFF_FFFF


def channel(inst: Any) -> Channel:
    """The fastest channel that can reach ``inst`` faithfully."""
    return WasmtimeChannel(inst) if WasmtimeChannel.fits(inst) else GenericChannel(inst)
