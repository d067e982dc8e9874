"""The futures model: what a conforming host may answer to each call, given what was observed so far.

The model is the oracle of the state machine and the explorer. For a call it returns the set of
ErrorCodes a conforming host may return (``expect``); after the call it checks what the host wrote and
updates its state (``observe``), raising ``ModelViolation`` when the host broke a clause (a handle reused
while live, a second take that succeeded, a poll byte that is neither 0 nor 1, ...).

Background work makes readiness racy, so a pending future may legitimately be found ready by the next
call; the model allows both until it has *seen* readiness, and never un-sees it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from conformance.manifest import Import, Manifest, load_manifest

from ._lowered import lowered_args, out_region
from .rules import decoded_strings, load_rules, violations

Eventual = Literal["ok", "fail", "unknown"]
# (import, decoded string args, run_id behind the TrainingHandle arg or None, raw args) -> how the hive
# will answer the background request of a new future
OutcomeOracle = Callable[[Import, dict[str, str], "str | None", tuple[int, ...]], Eventual]


class ModelViolation(AssertionError):
    """The host did something no conforming host may do; the message names the clause."""


@dataclass
class FutureModel:
    handle: int
    kind: str
    eventual: Eventual
    state: Literal["pending", "ready", "failed"] = "pending"  # "pending" = not yet *seen* ready or failed
    length: int | None = None  # PollVec.len once seen
    source: str | None = None  # run_id behind it, when known


@dataclass
class InstanceModel:
    """One guest instance as the host should see it (implements rules.HandleView)."""

    futures: dict[int, FutureModel] = field(default_factory=dict)
    trainings: dict[int, str | None] = field(default_factory=dict)  # TrainingHandle -> run_id
    link: bool = False
    dead: set[int] = field(default_factory=set)  # handles this instance held and lost

    def future_kind(self, handle: int) -> str | None:
        f = self.futures.get(handle)
        return f.kind if f else None

    def holds_training(self, handle: int) -> bool:
        return handle in self.trainings

    def linked(self) -> bool:
        return self.link

    def ready_length(self, handle: int) -> int | None:
        f = self.futures.get(handle)
        return f.length if f and f.state == "ready" else None


@dataclass(frozen=True)
class Expectation:
    allowed: frozenset[int]
    reasons: tuple[str, ...]  # clause ids behind the allowed codes (for messages)


def _u64(data: bytes, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 8], "little")


class HostModel:
    """All instances of one host; handle uniqueness is checked across them."""

    def __init__(self, instances: int = 2, outcome: OutcomeOracle | None = None, manifest: Manifest | None = None):
        self.m = manifest or load_manifest()
        self.instances = [InstanceModel() for _ in range(instances)]
        self.outcome: OutcomeOracle = outcome or (lambda imp, strings, inst, args: "unknown")
        self.cap = self.m.limits.max_outstanding_futures
        self.codes = self.m.error_codes
        self.error_values = self.m.allowed_error_values  # asked on every call: computed once
        self._created: dict[str, list[tuple[int, str]]] = {}

    # ------------------------------------------------------------------------------ classification --
    def starts_requests(self, imp: Import) -> bool:
        """Whether a successful call of ``imp`` leaves hive requests running after it returned (it created
        futures); polls, takes, drops and the synchronous calls never do."""
        return bool(self._created_kinds(imp))

    def _created_kinds(self, imp: Import) -> list[tuple[int, str]]:
        """(offset in the out slot, future kind) of every future this import creates (asked on every
        call: computed once per import)."""
        known = self._created.get(imp.key)
        if known is None:
            known = self._created[imp.key] = self._find_created_kinds(imp)
        return known

    def _find_created_kinds(self, imp: Import) -> list[tuple[int, str]]:
        if imp.future is not None:
            return [(0, imp.future)]
        struct = self.m.structs.get(imp.out_type or "")
        fields = load_rules().future_fields
        if struct is None:
            return []
        keyed = ((f.offset, f"{struct.name}.{f.name}") for f in struct.fields)
        return [(offset, fields[key]) for offset, key in keyed if key in fields]

    def handle_offsets(self, imp: Import) -> list[int]:
        """Offsets in the out slot where a successful call writes a new handle (future or TrainingHandle)."""
        offsets = [offset for offset, _ in self._created_kinds(imp)]
        return offsets or ([0] if imp.takes == "training_handle" else [])

    def _is_stop(self, imp: Import) -> bool:
        roles = [(a.role, a.rust) for a in lowered_args(imp, self.m)]
        return roles == [("handle", "TrainingHandle")]

    def _handle_arg(self, imp: Import, args: tuple[int, ...]) -> int | None:
        for a in lowered_args(imp, self.m):
            if a.role == "handle":
                return args[a.indices[0]] & 0xFFFF_FFFF_FFFF_FFFF
        return None

    def _live_everywhere(self) -> set[int]:
        return {h for inst in self.instances for h in (*inst.futures, *inst.trainings)}

    # ------------------------------------------------------------------------------------- expect --
    def expect(self, index: int, imp: Import, args: tuple[int, ...], image: bytes) -> Expectation:
        """The codes a conforming host may return for this call now."""
        found = violations(imp, args, image, self.instances[index])
        broken = [v for v in found if not v.may]
        if broken:
            return Expectation(frozenset({self._first(v.error for v in broken)}), tuple(v.clause for v in broken))
        valid = self._expect_valid(index, imp, args)
        permitted = [v for v in found if v.may]
        if not permitted:
            return valid
        return Expectation(
            valid.allowed | {v.error for v in permitted}, valid.reasons + tuple(v.clause for v in permitted)
        )

    def _first(self, codes) -> int:
        """The code a host returns when several rules are broken (rules.toml [order]; else the lowest)."""
        codes = set(codes)
        for name in load_rules().order:
            if int(self.codes[name]) in codes:
                return int(self.codes[name])
        return min(codes)

    def _expect_valid(self, index: int, imp: Import, args: tuple[int, ...]) -> Expectation:
        """Codes for a call that breaks no required argument rule: the futures lifecycle decides."""
        inst = self.instances[index]
        c = self.codes
        created = self._created_kinds(imp)
        if created:
            n = len(inst.futures)
            if n >= self.cap:
                return Expectation(frozenset({c.Unavailable}), ("futures/outstanding-cap",))
            if n + len(created) > self.cap:
                return Expectation(frozenset({c.Unavailable, c.Success}), ("futures/outstanding-cap",))
            return Expectation(frozenset({c.Success}), ("returns-future",))
        handle = self._handle_arg(imp, args)
        if imp.polls or imp.takes:
            f = inst.futures[handle]  # live and of the right kind, or a rule would have fired
            may_fail = f.eventual != "ok"
            if f.state == "failed":
                return Expectation(frozenset({c.HttpRequestFailed}), ("futures/failed",))
            if imp.polls:
                codes = {c.Success} | ({c.HttpRequestFailed} if may_fail and f.state == "pending" else set())
                return Expectation(frozenset(codes), ("futures/poll",))
            if f.state == "ready":
                return Expectation(frozenset({c.Success}), ("futures/take",))
            codes = {c.Unavailable, c.Success} | ({c.HttpRequestFailed} if may_fail else set())
            if any(a.role == "out_slice" for a in lowered_args(imp, self.m)):
                codes.add(c.InvalidArguments)  # length unknown until seen: a mismatch is allowed to show
            return Expectation(frozenset(codes), ("futures/take/before-ready",))
        if self._is_stop(imp):
            return Expectation(frozenset({c.Success, c.HttpRequestFailed}), ("stop",))
        return Expectation(frozenset({c.Success}), ("valid-call",))

    # ------------------------------------------------------------------------------------ observe --
    def observe(self, index: int, imp: Import, args: tuple[int, ...], image: bytes, code: int, written: bytes) -> None:
        """Update the model with the host's answer; ``written`` is the out slot after the call."""
        inst = self.instances[index]
        c = self.codes
        if code != c.Success and code not in (c.HttpRequestFailed, c.Unavailable):
            return  # argument errors change nothing
        created = self._created_kinds(imp)
        if created:
            if code == c.Success:
                self._issue_futures(inst, imp, args, image, created, written)
            return
        handle = self._handle_arg(imp, args)
        if imp.polls and handle in inst.futures:
            self._observe_poll(inst, imp, handle, code, written)
        elif imp.takes and handle in inst.futures:
            self._observe_take(inst, imp, handle, code, written)
        elif handle is not None and code == c.Success and handle in inst.futures:
            del inst.futures[handle]  # drop_future
            inst.dead.add(handle)
        elif handle is not None and code == c.Success and self._is_stop(imp):
            inst.trainings.pop(handle, None)
            inst.dead.add(handle)
        elif handle is None and code == c.Success and imp.future is None and not imp.out_type:
            strings = [a for a in lowered_args(imp, self.m) if a.role == "str"]
            if strings:  # set_worker_module_link: empty clears
                inst.link = (args[strings[0].indices[1]] & 0xFFFF_FFFF) > 0

    def _fresh(self, handle: int, what: str) -> None:
        if handle == 0:
            raise ModelViolation(f"{what}: handle 0 issued (abi/handles/unique: 0 is never a live handle)")
        if handle in self._live_everywhere():
            raise ModelViolation(f"{what}: handle {handle} reused while live (abi/handles/unique)")

    def _issue_futures(self, inst, imp, args, image, created, written) -> None:
        strings = decoded_strings(imp, args, image)
        handle_arg = self._handle_arg(imp, args)
        source = strings.get("run_id") or (inst.trainings.get(handle_arg) if handle_arg is not None else None)
        eventual = self.outcome(imp, strings, source, args)
        new = []
        for offset, kind in created:
            h = _u64(written, offset)
            if h in new:
                raise ModelViolation(f"{imp.name}: the same handle {h} written twice in one result")
            self._fresh(h, imp.name)
            new.append(h)
            inst.futures[h] = FutureModel(h, kind, eventual, source=source)

    def _observe_poll(self, inst, imp, handle, code, written) -> None:
        f = inst.futures[handle]
        if code == self.codes.HttpRequestFailed:
            f.state = "failed"
            return
        ready = written[0]
        if ready not in (0, 1):
            raise ModelViolation(f"{imp.name}: ready byte {ready} is not a bool (reports-readiness)")
        if ready == 0 and f.state == "ready":
            raise ModelViolation(f"{imp.name}: future {handle} went from ready back to pending")
        if len(written) >= 8 and ready == 0 and written[1:8] != bytes(7):
            raise ModelViolation(f"{imp.name}: pending PollVec must be all zero, got {written.hex()}")
        if ready:
            f.state = "ready"
            if len(written) >= 8:
                f.length = int.from_bytes(written[4:8], "little")

    def _observe_take(self, inst, imp, handle, code, written) -> None:
        f = inst.futures[handle]
        if code == self.codes.Unavailable:
            return
        del inst.futures[handle]
        inst.dead.add(handle)
        if code == self.codes.Success and f.kind == "training_handle":
            th = _u64(written, 0)
            self._fresh(th, imp.name)
            inst.trainings[th] = f.source

    # --------------------------------------------------------------------------------- utilities --
    def out_slot(self, imp: Import, args: tuple[int, ...]) -> tuple[int, int] | None:
        return out_region(imp, args, self.m)
