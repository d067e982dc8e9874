"""Drive a guest that follows docs/guest-protocol.md on the reference host (the `run` command).

The protocol itself (Params, the step loop, the Journal and its limits) is conformance.guest_protocol's,
the same code the conformance runner uses, so the two cannot disagree about a guest. This module only
adapts a GuestInstance to it and turns what happened into a status for a person running one guest by
hand and for end-to-end tests of the host.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import wasmtime

from conformance.guest_protocol import (
    DEFAULT_MAX_STEPS,
    FRAME_INTERVAL,
    REQUIRED_EXPORTS,
    BudgetExceeded,
    ProtocolError,
    Record,
    drive,
    missing_exports,
    params_block,
    read_journal,
)

from .host import GuestInstance


@dataclass(frozen=True)
class RunOutcome:
    status: str  # "done", "failed" (step >= 2), "trap", "timeout"
    detail: str
    journal: list[Record]


class _ProtocolView:
    """A GuestInstance seen through the adapters' Instance interface (``call`` returns ``list[int]``).

    No per-call timeout: the reference host has no one to preempt a guest for this command; the step
    loop still ends at the deadline between steps.
    """

    def __init__(self, inst: GuestInstance) -> None:
        self.inst = inst

    def call(self, export: str, *args: int, timeout: float | None = None) -> list[int]:
        result: Any = self.inst.call(export, *args)
        if result is None:
            return []
        return list(result) if isinstance(result, list | tuple) else [result]

    def read_memory(self, ptr: int, length: int) -> bytes:
        return self.inst.read_memory(ptr, length)

    def write_memory(self, ptr: int, data: bytes) -> None:
        self.inst.write_memory(ptr, data)

    @property
    def memory_size(self) -> int:
        return self.inst.memory_size


def run_guest(
    inst: GuestInstance,
    hive_host: str,
    hive_port: int,
    *,
    max_steps: int = DEFAULT_MAX_STEPS,
    deadline_seconds: float = 5.0,
    frame_interval: float = FRAME_INTERVAL,
) -> RunOutcome:
    """Run the guest's protocol loop on `inst` (§4); raises ProtocolError for a guest that breaks it.

    The journal is read even after a trap or a timeout (what the guest recorded until then), with each
    record's data capped at guest_protocol.MAX_DATA_BYTES.
    """
    missing = missing_exports(name for name in REQUIRED_EXPORTS if inst.has_export(name))
    if missing:
        raise ProtocolError(f"guest does not export {', '.join(missing)}")
    view = _ProtocolView(inst)
    deadline = time.monotonic() + deadline_seconds
    params = params_block(hive_host, hive_port)
    try:
        result, _steps = drive(
            view,
            deadline,
            max_steps,
            params=params,
            initialize=inst.has_export("ark_initialize"),
            frame_interval=frame_interval,
        )
        status, detail = ("done", "") if result == 1 else ("failed", f"conformance_step returned {result}")
    except BudgetExceeded as exc:
        status, detail = "timeout", str(exc)
    except wasmtime.Trap as exc:
        status, detail = "trap", str(exc).splitlines()[0]
    except IndexError as exc:
        raise ProtocolError(f"params block outside memory: {exc}") from None
    try:
        journal = read_journal(view, view.call("conformance_journal")[0])
    except wasmtime.Trap as exc:
        raise ProtocolError(f"conformance_journal trapped: {str(exc).splitlines()[0]}") from None
    return RunOutcome(status, detail, journal)
