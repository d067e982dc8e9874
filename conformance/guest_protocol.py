"""Guest protocol v1 (docs/guest-protocol.md): the Params block, the Journal and the step loop, in one place.

Why one module: the conformance runner and ``python -m reference_host run`` drive the same guests, and
two copies of this codec had already drifted (one refused a journal of more than 1,024 records, the other
silently truncated it). It works over any object with ``call``/``read_memory``/``write_memory``/
``memory_size`` (the adapters' ``Instance`` interface), and imports nothing from the runner or the
adapters, so ``reference_host`` may use it and stay a leaf.

Memory safety: a journal record only *declares* its data (``data_ptr``, ``data_len``); the runner reads
at most ``MAX_DATA_BYTES`` of it, and only as many as the caller asks for (the runner: what a check's
``bytes`` pattern judges). A fixture cannot make the reader's memory grow with its journal.
"""

from __future__ import annotations

import struct
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

PROTOCOL_VERSION = 1
PARAMS_SIZE = 256
HIVE_HOST_MAX = 116
JOURNAL_HEADER = 4
RECORD_SIZE = 16
PEER_DATA_MAX = 64  # bytes of the peer instance's first record copied into Params (two-instance cases)
MAX_RECORDS = 1024  # a journal claiming more is refused, never truncated
MAX_DATA_BYTES = 64 * 1024  # at most this many bytes of one record's data are ever read (docs §3)
SHOWN_BEYOND_PATTERN = 16  # bytes read past a pattern's length, to show a host that wrote too much
FRAME_INTERVAL = 0.001
DEFAULT_MAX_STEPS = 20_000
REQUIRED_EXPORTS = ("conformance_protocol", "conformance_params", "conformance_journal", "conformance_step")


class ProtocolError(ValueError):
    """The guest does not follow the protocol (missing export, other version, broken journal): a broken fixture."""


class BudgetExceeded(Exception):
    """The guest was not done within the case deadline or the step budget: the case is a `timeout`."""


class GuestMemory(Protocol):
    """What the protocol needs from an instance; ``conformance.adapters.Instance`` has exactly this."""

    def call(self, export: str, *args: int, timeout: float | None = None) -> list[int]: ...

    def read_memory(self, ptr: int, length: int) -> bytes: ...

    def write_memory(self, ptr: int, data: bytes) -> None: ...

    @property
    def memory_size(self) -> int: ...


@dataclass(frozen=True)
class Record:
    """One journal record. ``data`` is only the prefix that was read (see ``read_journal``); ``data_len``
    is what the guest declared."""

    check_id: int
    code: int
    data: bytes
    data_len: int = -1  # -1: the same as len(data) (records built by hand in tests)

    def __post_init__(self) -> None:
        if self.data_len < 0:
            object.__setattr__(self, "data_len", len(self.data))

    @property
    def complete(self) -> bool:
        """Whether ``data`` holds every byte the guest declared."""
        return len(self.data) == self.data_len

    def as_json(self) -> dict[str, object]:
        return {"check_id": self.check_id, "code": self.code, "data_len": self.data_len, "data": self.data.hex()}


def params_block(host: str, port: int, seed: int = 0, instance: int = 0, peer: bytes = b"") -> bytes:
    """The 256-byte Params block (§2); raises ProtocolError for a host name that does not fit.

    ``instance`` and ``peer`` are for two-instance cases: which instance this is (1 judged, 2 the peer,
    0 a single-instance case) and, for instance 1, the data of the peer's first journal record.
    """
    encoded = host.encode("utf-8")
    if len(encoded) > HIVE_HOST_MAX:
        raise ProtocolError(f"hive host {host!r} is longer than {HIVE_HOST_MAX} bytes")
    block = struct.pack("<III", PROTOCOL_VERSION, port & 0xFFFFFFFF, len(encoded)) + encoded.ljust(HIVE_HOST_MAX, b"\0")
    block += struct.pack("<III", seed & 0xFFFFFFFF, instance, len(peer[:PEER_DATA_MAX])) + peer[:PEER_DATA_MAX]
    return block.ljust(PARAMS_SIZE, b"\0")


def missing_exports(exports: Iterable[str]) -> list[str]:
    """The required protocol exports (§1) that ``exports`` lacks, in protocol order."""
    present = set(exports)
    return [name for name in REQUIRED_EXPORTS if name not in present]


def _u32(value: int) -> int:
    return value & 0xFFFFFFFF


def read_journal(
    instance: GuestMemory, journal_ptr: int, read_limit: Callable[[int], int] = lambda _check_id: MAX_DATA_BYTES
) -> list[Record]:
    """The journal's records, bounds-checked with unsigned arithmetic; raises ProtocolError.

    ``read_limit(check_id)`` says how many bytes of that record's data the caller will judge; at most
    ``min(data_len, read_limit, MAX_DATA_BYTES)`` bytes are read. Every record's declared range is still
    checked against the memory size, without reading it.
    """
    journal_ptr = _u32(journal_ptr)
    size = instance.memory_size
    if journal_ptr + JOURNAL_HEADER > size:
        raise ProtocolError(f"journal address {journal_ptr:#x} is outside memory ({size} bytes)")
    (count,) = struct.unpack("<I", instance.read_memory(journal_ptr, JOURNAL_HEADER))
    if count > MAX_RECORDS:
        raise ProtocolError(f"journal count {count} exceeds the protocol's {MAX_RECORDS} records")
    if journal_ptr + JOURNAL_HEADER + RECORD_SIZE * count > size:
        raise ProtocolError(f"journal of {count} records at {journal_ptr:#x} runs past the end of memory")
    raw = instance.read_memory(journal_ptr + JOURNAL_HEADER, RECORD_SIZE * count) if count else b""
    records = []
    for i in range(count):
        check_id, code, data_ptr, data_len = struct.unpack_from("<IiII", raw, RECORD_SIZE * i)
        if data_ptr + data_len > size:
            where = f"journal record {i} (check {check_id})"
            raise ProtocolError(f"{where}: data at {data_ptr:#x}+{data_len} is outside memory")
        wanted = max(0, min(data_len, read_limit(check_id), MAX_DATA_BYTES))
        records.append(Record(check_id, code, instance.read_memory(data_ptr, wanted) if wanted else b"", data_len))
    return records


class Driver:
    """The protocol loop (§4) on one instance, every call bounded by the time left before ``deadline``.

    A class rather than one function so that a caller still knows how many steps ran when a call raises
    (a trap, a dead host): ``steps`` is kept up to date.
    """

    def __init__(
        self,
        instance: GuestMemory,
        deadline: float,
        max_steps: int = DEFAULT_MAX_STEPS,
        frame_interval: float = FRAME_INTERVAL,
        budget_seconds: float | None = None,
    ) -> None:
        self.instance = instance
        self.deadline = deadline
        # for messages only: the wall-time budget the deadline stands for (default: the time left now)
        self.budget_seconds = deadline - time.monotonic() if budget_seconds is None else budget_seconds
        self.max_steps = max_steps
        self.frame_interval = frame_interval
        self.steps = 0

    def call(self, export: str, grace: float = 0.0) -> int:
        """Call with the time left before the deadline (plus ``grace``, for reading results afterwards)."""
        remaining = self.deadline + grace - time.monotonic()
        if remaining <= 0:
            raise BudgetExceeded(f"case deadline of {self.budget_seconds:g} s exceeded before {export}")
        results = self.instance.call(export, timeout=remaining)
        return results[0] if results else 0

    def start(self, params: bytes, initialize: bool) -> None:
        """Check the version, write Params, call ``ark_initialize`` when the guest exports it."""
        protocol = self.call("conformance_protocol")
        if protocol != PROTOCOL_VERSION:
            raise ProtocolError(f"guest speaks protocol {protocol}, the runner speaks {PROTOCOL_VERSION}")
        address = _u32(self.call("conformance_params"))
        if address + PARAMS_SIZE > self.instance.memory_size:
            raise ProtocolError(f"params block at {address:#x} is outside memory")
        self.instance.write_memory(address, params)
        if initialize:
            self.call("ark_initialize")

    def step_until_done(self) -> int:
        """Call ``conformance_step`` until it returns non-zero; that value. Raises BudgetExceeded."""
        while True:
            result = self.call("conformance_step")
            self.steps += 1
            if result != 0:
                return result
            if self.steps >= self.max_steps:
                raise BudgetExceeded(f"guest not done after max_steps = {self.max_steps} steps")
            if time.monotonic() >= self.deadline:
                raise BudgetExceeded(
                    f"guest not done after {self.budget_seconds:g} s ({self.steps} steps): case deadline"
                )
            self._pause()

    def _pause(self) -> None:
        """One frame_interval between steps, cut short when the instance says a background future ended
        (`wait_background`, offered by the adapters' instances and the reference host's); a plain sleep for
        an instance without it. A frame in which nothing ends lasts as long as before, so a guest that counts
        polls of a pending future counts the same frames."""
        wait = getattr(self.instance, "wait_background", None)
        if wait is None:
            time.sleep(self.frame_interval)
        else:
            wait(self.frame_interval)

    def journal(
        self, read_limit: Callable[[int], int] = lambda _check_id: MAX_DATA_BYTES, grace: float = 0.0
    ) -> list[Record]:
        """Read the journal (``grace`` seconds past the deadline are allowed for the address call)."""
        return read_journal(self.instance, self.call("conformance_journal", grace), read_limit)


def drive(
    instance: GuestMemory,
    deadline: float,
    max_steps: int = DEFAULT_MAX_STEPS,
    *,
    params: bytes,
    initialize: bool,
    frame_interval: float = FRAME_INTERVAL,
) -> tuple[int, int]:
    """Start the guest and step it until done: ``(conformance_step's final result, steps)``.

    Raises ProtocolError, BudgetExceeded, or whatever the instance raises for a trap or a dead host.
    """
    driver = Driver(instance, deadline, max_steps, frame_interval)
    driver.start(params, initialize)
    return driver.step_until_done(), driver.steps
