"""Driving a host through the call-thunk guest: raw calls, memory images and diffs, settling futures.

Any host object with the design note's API works (``instantiate(wasm) -> instance`` with ``call``,
``read_memory``, ``write_memory``, ``memory_size``, optionally ``hive_requests_in_flight``; ``close()``),
so the reference host, a mutant subclass or an adapter around another host all plug in unchanged; an
instance exposing its wasmtime store takes the pre-typed call path (``_channel``).
One session keeps its instances for many examples; ``reset`` refills memory instead of re-instantiating.

Memory is read once per call: the image before a call is the image after the previous one with the
session's own writes applied (so nothing is re-read), and the diff compares the bytes outside the out
slot in one ``memcmp`` before looking byte by byte, normally only inside the slot.

A host adapter (conformance.adapters, e.g. a ``subprocess:`` host) plugs in the same way: its GuestTrap
is a trap, a crash or timeout is an escaped exception (the world then rebuilds its instances, and the
adapter restarts the process).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import wasmtime

from conformance.adapters import GuestTrap
from conformance.manifest import Import

from ._channel import Channel, channel
from ._thunk import DEFAULT_PAGES, thunk_wasm

__all__ = ["CallOutcome", "ThunkSession"]

_BLOCK = 1024
# A host in another process cannot say what it has in flight: it is taken as settled once the hive has
# seen no new request for this long (the answers to earlier ones have been sent by then).
QUIET_SECONDS = 0.05


def _ranges(before: bytes, after: bytes, lo: int, hi: int) -> list[tuple[int, int]]:
    """Maximal [start, end) ranges in [lo, hi) whose bytes differ (block compare first)."""
    ranges: list[tuple[int, int]] = []
    for base in range(lo, hi, _BLOCK):
        top = min(base + _BLOCK, hi)
        if before[base:top] == after[base:top]:
            continue
        for i in range(base, top):
            if before[i] != after[i]:
                if ranges and ranges[-1][1] == i:
                    ranges[-1] = (ranges[-1][0], i + 1)
                else:
                    ranges.append((i, i + 1))
    return ranges


def _quiet(count: Callable[[], int], timeout: float) -> bool:
    """Wait until ``count()`` has not changed for QUIET_SECONDS (True), or ``timeout`` passed (False)."""
    deadline = time.monotonic() + timeout
    seen, since = count(), time.monotonic()
    while time.monotonic() - since < QUIET_SECONDS:
        time.sleep(0.005)
        now = count()
        if now != seen:
            seen, since = now, time.monotonic()
        if time.monotonic() > deadline:
            return False
    return True


@dataclass(frozen=True)
class CallOutcome:
    """What one call did: its code (None if it did not return), a trap or host exception, memory before/after."""

    code: int | None
    trap: str | None
    error: str | None
    before: bytes
    after: bytes

    def changed(self, region: tuple[int, int] | None = None) -> list[tuple[int, int]]:
        """Maximal [start, end) ranges whose bytes differ. With the call's out ``region`` the bytes outside
        it are compared first in one go, so a conforming call costs a diff of its slot only."""
        before, after = self.before, self.after
        if before == after:
            return []
        if region is not None:
            lo, hi = region[0], min(region[0] + region[1], len(after))
            if 0 <= lo <= hi and before[:lo] == after[:lo] and before[hi:] == after[hi:]:
                return _ranges(before, after, lo, hi)
        return _ranges(before, after, 0, len(after))

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
        self.channels: list[Channel] = [channel(inst) for inst in self.instances]
        self._images: list[bytes | bytearray] = [ch.read() for ch in self.channels]

    def memory_size(self, index: int = 0) -> int:
        return self.channels[index].size()

    def reset(self, fill: int) -> None:
        """Every byte of every instance's memory becomes ``fill`` (a canary: hosts writing 0 show up)."""
        for index, ch in enumerate(self.channels):
            ch.write(0, bytes([fill]) * ch.size())
            self._images[index] = ch.read()

    def write(self, index: int, writes: tuple[tuple[int, bytes], ...] | list[tuple[int, bytes]]) -> None:
        """Write guest memory (and the session's image of it: no re-read before the next call)."""
        if not writes:
            return
        image = self._images[index]
        if isinstance(image, bytes):
            image = self._images[index] = bytearray(image)
        for offset, data in writes:
            self.channels[index].write(offset, data)
            image[offset : offset + len(data)] = data

    def image(self, index: int) -> bytes:
        """The instance's whole memory as the session last saw it (what the next call starts from)."""
        image = self._images[index]
        if isinstance(image, bytearray):
            image = self._images[index] = bytes(image)
        return image

    def call(self, index: int, imp: Import, args: tuple[int, ...]) -> CallOutcome:
        """Call the import's thunk with raw unsigned values; never raises for what the host does."""
        before = self.image(index)
        code = trap = error = None
        try:
            code = self.channels[index].call(imp, args)
        except (wasmtime.Trap, wasmtime.WasmtimeError, GuestTrap) as exc:  # the guest trapped (or the host made it)
            trap = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        except Exception as exc:  # anything the host let escape (a subprocess host: it crashed or hung)
            error = f"{type(exc).__name__}: {exc}"
        try:
            after = self._images[index] = self.channels[index].read()
        except Exception as exc:  # a host process gone with the call: its memory is gone too
            after = before
            error = error or f"{type(exc).__name__} reading memory after the call: {exc}"
        return CallOutcome(code, trap, error, before, after)

    def settle(
        self,
        index: int | None = None,
        timeout: float = 2.0,
        quiet: int = 3,
        hive_requests: Callable[[], int] | None = None,
    ) -> bool:
        """Wait (bounded) until no hive request is in flight for ``quiet`` consecutive 1 ms checks (a job
        queued but not yet started is not counted in flight by every host); True when settled. Hosts that
        do not report in-flight requests (another process) are settled when ``hive_requests`` (the count
        the hive has received) stays the same for QUIET_SECONDS, or else after a short pause."""
        targets = self.instances if index is None else [self.instances[index]]
        if not all(hasattr(inst, "hive_requests_in_flight") for inst in targets):
            if hive_requests is None:
                time.sleep(0.01)
                return True
            return _quiet(hive_requests, timeout)
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
