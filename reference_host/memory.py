"""Guest linear memory access with the ABI's pointer rules: unsigned, bounds-checked, never cached.

wasmtime-py's ``Memory.read``/``write`` clamp or wrap silently (a negative start counts from the end), so
every access goes through :meth:`GuestMemory.check_range` first, against the memory size *now* (the
guest may have grown memory since the last call).
"""

from __future__ import annotations

from collections.abc import Callable

import wasmtime

from ._abi import AbiError, encode, type_size

U32_MASK = 0xFFFF_FFFF


class GuestMemory:
    """One guest instance's exported ``memory``; `memory_getter` returns it (or None before/without one)."""

    def __init__(self, store: wasmtime.Store, memory_getter: Callable[[], wasmtime.Memory | None]) -> None:
        self._store = store
        self._memory_getter = memory_getter

    def size(self) -> int:
        """Current size in bytes, read at every call (abi/memory/no-cached-base)."""
        memory = self._memory_getter()
        return 0 if memory is None else memory.data_len(self._store)

    def check_range(self, ptr: int, length: int) -> None:
        """InvalidArguments unless 0 <= ptr <= ptr + length <= size, in unbounded (never wrapping) ints."""
        if ptr < 0 or length < 0 or ptr + length > self.size():
            raise AbiError("InvalidArguments", f"range [{ptr:#x}, +{length}) is outside guest memory")

    def read_bytes(self, ptr: int, length: int) -> bytes:
        """`length` bytes at `ptr`; a zero-length range is never dereferenced, wherever it points."""
        if length == 0:
            return b""
        self.check_range(ptr, length)
        memory = self._memory_getter()
        assert memory is not None  # check_range passed, so a memory exists
        return bytes(memory.read(self._store, ptr, ptr + length))

    def read_str(self, ptr: int, length: int) -> str:
        """A Rust &str: (ptr, len) of UTF-8 bytes; anything else is InvalidArguments."""
        data = self.read_bytes(ptr, length)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise AbiError("InvalidArguments", "string is not valid UTF-8") from None

    def write(self, ptr: int, data: bytes) -> None:
        """Write `data` at `ptr` after the bounds check; an empty write touches nothing."""
        if not data:
            return
        self.check_range(ptr, len(data))
        memory = self._memory_getter()
        assert memory is not None
        memory.write(self._store, data, ptr)

    def check_out(self, ptr: int, type_name: str) -> None:
        """Validate an out-pointer for a `type_name` before any work is done (InvalidArguments)."""
        self.check_range(ptr, type_size(type_name))

    def write_out(self, ptr: int, type_name: str, values: int | dict[str, int]) -> None:
        """Write exactly size_of::<T>() bytes of `values` at `ptr` (little-endian, manifest layout)."""
        self.write(ptr, encode(type_name, values))
