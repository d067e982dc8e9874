"""Drive a guest that follows docs/guest-protocol.md on the reference host (the `run` command).

Writes Params, calls ``ark_initialize``, steps until the guest says done (or fails, traps or times out)
and returns the Journal records. The conformance runner has its own judge; this is for running one guest
by hand and for end-to-end tests of the host.
"""

from __future__ import annotations

import struct
import time
from dataclasses import dataclass

import wasmtime

from .host import GuestInstance

PROTOCOL_VERSION = 1
PARAMS_SIZE = 256
HOST_FIELD_SIZE = 116
MAX_RECORDS = 1024
REQUIRED_EXPORTS = ("conformance_protocol", "conformance_params", "conformance_journal", "conformance_step")


class GuestProtocolError(Exception):
    """The guest does not follow the guest protocol (missing export, bad version, bad journal)."""


@dataclass(frozen=True)
class JournalRecord:
    check_id: int
    code: int
    data: bytes

    def as_json(self) -> dict[str, object]:
        return {"check_id": self.check_id, "code": self.code, "data": self.data.hex()}


@dataclass(frozen=True)
class RunOutcome:
    status: str  # "done", "failed" (step >= 2), "trap", "timeout"
    detail: str
    journal: list[JournalRecord]


def params_block(hive_host: str, hive_port: int, case_seed: int = 0) -> bytes:
    """The 256-byte Params block of guest protocol §2."""
    host = hive_host.encode("utf-8")
    if len(host) > HOST_FIELD_SIZE:
        raise GuestProtocolError(f"hive host is longer than {HOST_FIELD_SIZE} bytes")
    block = struct.pack("<III", PROTOCOL_VERSION, hive_port, len(host)) + host.ljust(HOST_FIELD_SIZE, b"\0")
    return (block + struct.pack("<I", case_seed)).ljust(PARAMS_SIZE, b"\0")


def _u32(value: object) -> int:
    if isinstance(value, list) and len(value) == 1:  # GuestInstance.call returns list[int]
        value = value[0]
    if not isinstance(value, int):
        raise GuestProtocolError(f"expected an i32 result, got {value!r}")
    return value & 0xFFFF_FFFF


def read_journal(inst: GuestInstance) -> list[JournalRecord]:
    base = _u32(inst.call("conformance_journal"))
    try:
        (count,) = struct.unpack("<I", inst.read_memory(base, 4))
        records = []
        for i in range(min(count, MAX_RECORDS)):
            check_id, code, ptr, length = struct.unpack("<IiII", inst.read_memory(base + 4 + 16 * i, 16))
            records.append(JournalRecord(check_id, code, inst.read_memory(ptr, length)))
    except IndexError as exc:
        raise GuestProtocolError(f"journal outside memory: {exc}") from None
    return records


def run_guest(
    inst: GuestInstance,
    hive_host: str,
    hive_port: int,
    *,
    max_steps: int = 20_000,
    deadline_seconds: float = 5.0,
    frame_interval: float = 0.001,
) -> RunOutcome:
    """Run the guest's protocol loop on `inst` (§4 of the guest protocol)."""
    missing = [name for name in REQUIRED_EXPORTS if not inst.has_export(name)]
    if missing:
        raise GuestProtocolError(f"guest does not export {', '.join(missing)}")
    version = _u32(inst.call("conformance_protocol"))
    if version != PROTOCOL_VERSION:
        raise GuestProtocolError(f"guest speaks protocol {version}, this host {PROTOCOL_VERSION}")
    try:
        inst.write_memory(_u32(inst.call("conformance_params")), params_block(hive_host, hive_port))
    except IndexError as exc:
        raise GuestProtocolError(f"params block outside memory: {exc}") from None
    status, detail = "timeout", f"not done after {max_steps} steps or {deadline_seconds} s"
    try:
        if inst.has_export("ark_initialize"):
            inst.call("ark_initialize")
        end = time.monotonic() + deadline_seconds
        for _ in range(max_steps):
            result = _u32(inst.call("conformance_step"))
            if result == 1:
                status, detail = "done", ""
                break
            if result != 0:
                status, detail = "failed", f"conformance_step returned {result}"
                break
            if time.monotonic() > end:
                break
            time.sleep(frame_interval)
    except wasmtime.Trap as exc:
        status, detail = "trap", str(exc).splitlines()[0]
    return RunOutcome(status, detail, read_journal(inst))
