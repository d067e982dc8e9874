"""Driving a host through the call-thunk guest: raw calls, full memory snapshots, settling futures.

Any host object with the design note's API works (``instantiate(wasm) -> instance`` with ``call``,
``read_memory``, ``write_memory``, ``memory_size``, optionally ``hive_requests_in_flight``; ``close()``),
so the reference host, a mutant subclass or an adapter around another host all plug in unchanged.
One session keeps its instances for many examples; ``reset`` refills memory instead of re-instantiating.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from conformance.manifest import Import

from ._thunk import DEFAULT_PAGES, thunk_export_name, thunk_wasm


def to_signed(value: int, wasm: str) -> int:
    """The raw value as wasmtime-py wants it (signed two's complement of the type's width)."""
    bits = 64 if wasm == "i64" else 32
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >= 1 << (bits - 1) else value


@dataclass(frozen=True)
class CallOutcome:
    """What one call did: its code (None if it did not return), a trap or host exception, memory before/after."""

    code: int | None
    trap: str | None
    error: str | None
    before: bytes
    after: bytes

    def changed(self) -> list[tuple[int, int]]:
        """Maximal [start, end) ranges whose bytes differ (block compare first: memory is large)."""
        ranges: list[tuple[int, int]] = []
        if self.before == self.after:
            return ranges
        a, b = memoryview(self.before), memoryview(self.after)
        block = 1024
        for base in range(0, len(a), block):
            if a[base : base + block] == b[base : base + block]:
                continue
            for i in range(base, min(base + block, len(a))):
                if a[i] != b[i]:
                    if ranges and ranges[-1][1] == i:
                        ranges[-1] = (ranges[-1][0], i + 1)
                    else:
                        ranges.append((i, i + 1))
        return ranges

    def slot(self, region: tuple[int, int] | None) -> bytes:
        """Bytes of the out region after the call (empty if there is none or it is out of bounds)."""
        if region is None or region[0] + region[1] > len(self.after):
            return b""
        return self.after[region[0] : region[0] + region[1]]


class ThunkSession:
    """``instances`` thunk-guest instances on one host."""

    def __init__(self, host: Any, instances: int = 2, pages: int = DEFAULT_PAGES) -> None:
        self.host = host
        wasm = thunk_wasm(pages)
        self.instances = [host.instantiate(wasm) for _ in range(instances)]

    def memory_size(self, index: int = 0) -> int:
        return int(self.instances[index].memory_size)

    def reset(self, fill: int) -> None:
        """Every byte of every instance's memory becomes ``fill`` (a canary: hosts writing 0 show up)."""
        for inst in self.instances:
            inst.write_memory(0, bytes([fill]) * int(inst.memory_size))

    def write(self, index: int, writes: tuple[tuple[int, bytes], ...] | list[tuple[int, bytes]]) -> None:
        for offset, data in writes:
            self.instances[index].write_memory(offset, data)

    def image(self, index: int) -> bytes:
        inst = self.instances[index]
        return inst.read_memory(0, int(inst.memory_size))

    def call(self, index: int, imp: Import, args: tuple[int, ...]) -> CallOutcome:
        """Call the import's thunk with raw unsigned values; never raises for what the host does."""
        inst = self.instances[index]
        before = self.image(index)
        raw = [to_signed(v, p.wasm) for v, p in zip(args, imp.params, strict=True)]
        code = trap = error = None
        try:
            result = inst.call(thunk_export_name(imp), *raw)
            code = int(result[0] if isinstance(result, list) else result) & 0xFFFF_FFFF
        except Exception as exc:  # a trap (wasmtime.Trap) or anything the host let escape
            kind = type(exc).__name__
            if kind in ("Trap", "WasmtimeError"):
                trap = f"{kind}: {str(exc).splitlines()[0] if str(exc) else ''}"
            else:
                error = f"{kind}: {exc}"
        return CallOutcome(code, trap, error, before, self.image(index))

    def settle(self, index: int | None = None, timeout: float = 2.0, quiet: int = 3) -> bool:
        """Wait (bounded) until no hive request is in flight for ``quiet`` consecutive 1 ms checks (a job
        queued but not yet started is not counted in flight by every host); True when settled. Hosts that
        do not report in-flight requests get a short pause."""
        targets = self.instances if index is None else [self.instances[index]]
        if not all(hasattr(inst, "hive_requests_in_flight") for inst in targets):
            time.sleep(0.01)
            return True
        deadline = time.monotonic() + timeout
        calm = 0
        while calm < quiet:
            time.sleep(0.001)
            calm = calm + 1 if all(inst.hive_requests_in_flight == 0 for inst in targets) else 0
            if time.monotonic() > deadline:
                return False
        return True

    def close(self) -> None:
        for inst in self.instances:
            inst.close()
        self.instances = []

    def __enter__(self) -> ThunkSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
