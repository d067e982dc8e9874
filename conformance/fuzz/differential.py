"""Differential mode: run the same call sequence on two hosts and report the first divergence.

No oracle is needed: whatever the reference host does is compared with what another host does, call by
call: the ErrorCode (or trap / escaped exception), the bytes the call wrote (handles renumbered in order of
appearance, since hosts number them differently), and the hive requests it caused (route, method, path,
JSON body). Hosts are factories of host objects (the reference host, a mutant, or an adapter such as a
``subprocess:`` host); the hive is one fresh simulator per host behind the respx backend (in-process hosts
only) or the loopback server (any host). Between two subprocess hosts "settled" means the hive saw no new
request for a moment (``session.QUIET_SECONDS``), so a slow host can show as a readiness divergence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from conformance.manifest import load_manifest

from .case import CASE_HIVE, Case, readdress, resolve_arg
from .model import HostModel
from .session import ThunkSession
from .world import Backend, HostFactory, serve_hive


@dataclass(frozen=True)
class StepTrace:
    """What one call did, in host-independent terms."""

    call: str
    outcome: str  # "code 0" / "trap: ..." / "exception: ..."
    written: tuple[tuple[int, str], ...]  # (offset, hex or "handle#k") of every changed byte range
    requests: tuple[tuple[str, str, str, Any], ...]  # (route, method, path, json)


@dataclass(frozen=True)
class Divergence:
    step: int
    call: str
    field: str  # "outcome" | "written" | "requests" | "length"
    left: Any
    right: Any

    def describe(self) -> str:
        return f"step {self.step} ({self.call}): {self.field} differs: {self.left!r} != {self.right!r}"


def trace_case(
    case: Case, host_factory: HostFactory, settle_each: bool = True, backend: Backend = "respx"
) -> list[StepTrace]:
    """Run ``case`` on a fresh host and simulator behind ``backend``; one StepTrace per step. ``settle_each``
    waits for the hive after every call that started requests, so each step's requests are attributed to it."""
    from conformance.hive import HiveSimulator, Scenario

    m = load_manifest()
    oracle = HostModel(case.instances)  # only for handle_offsets / out_slot: stateless questions
    sim = HiveSimulator(Scenario.from_dict(case.scenario))
    host = host_factory()
    traces: list[StepTrace] = []
    slots: list[bytes] = []
    canon: dict[int, str] = {}

    def hive_requests() -> int:
        return len(sim.requests)

    try:
        with serve_hive(sim, backend) as address, ThunkSession(host, case.instances, case.memory_pages) as session:
            case = readdress(case, CASE_HIVE, address)
            session.reset(case.fill)
            for step in case.steps:
                imp = m.import_by_key(step.call)
                args = tuple(resolve_arg(a, slots) for a in step.args)
                if step.settle:
                    session.settle(hive_requests=hive_requests)
                session.write(step.instance, step.memory)
                seen = len(sim.requests)
                outcome = session.call(step.instance, imp, args)
                if settle_each and outcome.code == m.error_codes.Success and oracle.starts_requests(imp):
                    session.settle(hive_requests=hive_requests)
                region = oracle.out_slot(imp, args)
                slot = outcome.slot(region)
                slots.append(slot)
                written = _written(
                    outcome,
                    region,
                    slot,
                    oracle.handle_offsets(imp) if outcome.code == m.error_codes.Success else [],
                    canon,
                )
                if outcome.trap:
                    text = f"trap: {outcome.trap}"
                elif outcome.error:
                    text = f"exception: {outcome.error}"
                else:
                    text = f"code {outcome.code}"
                reqs = tuple((r.route, r.method, r.path, r.json) for r in sim.requests[seen:])
                traces.append(StepTrace(imp.name, text, tuple(written), reqs))
    finally:
        host.close()
    return traces


def _written(outcome, region, slot: bytes, handle_offsets: list[int], canon: dict[int, str]) -> tuple:
    """Changed byte ranges; a slot holding new handles is shown whole, each handle by its canonical name."""
    changed = outcome.changed(region)
    if not handle_offsets or region is None:
        return tuple((lo, outcome.after[lo:hi].hex()) for lo, hi in changed)
    parts, pos = [], 0
    for off in sorted(handle_offsets):
        parts.append(slot[pos:off].hex())
        value = int.from_bytes(slot[off : off + 8], "little")
        parts.append(canon.setdefault(value, f"handle#{len(canon) + 1}"))
        pos = off + 8
    parts.append(slot[pos:].hex())
    lo, size = region
    outside = tuple((a, outcome.after[a:b].hex()) for a, b in changed if a < lo or b > lo + size)
    return ((lo, "|".join(p for p in parts if p)), *outside)


def first_divergence(left: list[StepTrace], right: list[StepTrace]) -> Divergence | None:
    for i, (a, b) in enumerate(zip(left, right, strict=False)):
        for field in ("outcome", "written", "requests"):
            if getattr(a, field) != getattr(b, field):
                return Divergence(i, a.call, field, getattr(a, field), getattr(b, field))
    if len(left) != len(right):
        return Divergence(min(len(left), len(right)), "-", "length", len(left), len(right))
    return None


def compare_hosts(case: Case, left: HostFactory, right: HostFactory, backend: Backend = "respx") -> Divergence | None:
    """Run ``case`` on both hosts; the first divergence, or None when they agree on every step."""
    return first_divergence(trace_case(case, left, backend=backend), trace_case(case, right, backend=backend))
