"""One case: a fixture on a host, driven through guest protocol v1 (docs/guest-protocol.md §4).

Fresh instance per case, fresh hive simulator per case, a wall-clock deadline and a step budget. The
adapter supplies only primitives, so this loop and the judging are the same for every host.
"""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from conformance.adapters import GuestTrap, HostAdapter, HostCrashed, HostTimeout, Instance, LinkFailed
from conformance.guest_protocol import (
    MAX_DATA_BYTES,
    MAX_RECORDS,
    PEER_DATA_MAX,
    SHOWN_BEYOND_PATTERN,
    BudgetExceeded,
    Driver,
    ProtocolError,
    missing_exports,
    params_block,
)
from conformance.wasm import WasmError

from ._compile import function_exports
from ._fixture import Fixture
from ._hive import observe, simulator_for
from ._judge import Diagnostic, HiveObservation, judge, with_clause_text
from ._outcome import Outcome

TEARDOWN_SECONDS = 0.5  # a host hangs up on its pending hive requests this soon after its instance is closed
RELATION_BYTES = 256  # bytes of a record a relation compares (handles and small values fit many times over)
JOURNAL_GRACE = 1.0  # a guest that finished in time is judged even if reading its journal crosses the deadline


@dataclass
class CaseRun:
    """What happened in one case, before expectations are applied."""

    outcome: Outcome
    diagnostic: Diagnostic | None = None
    steps: int = 0
    hive_requests: list[dict] | None = None


def judged_bytes(fixture: Fixture) -> dict[int, int]:
    """check id -> how many bytes of its record the judge needs: the pattern, plus a few to show overruns.

    Records of checks without `bytes` are never read (guest protocol §3), whatever length they declare.
    """
    limits = {
        c.id: min(len(c.bytes) + SHOWN_BEYOND_PATTERN, MAX_DATA_BYTES) for c in fixture.checks if c.bytes is not None
    }
    for relation in fixture.relations:  # a relation compares the recorded bytes themselves
        for check_id in relation.checks:
            limits[check_id] = max(limits.get(check_id, 0), RELATION_BYTES)
    return limits


def broken_fixture(message: str, steps: int = 0) -> CaseRun:
    """An `error`: the fixture (or the suite) is at fault, not the host (docs/results.md)."""
    return CaseRun(Outcome.ERROR, Diagnostic(f"broken fixture: {message}"), steps)


def run_case(adapter: HostAdapter, fixture: Fixture, seed: int | None = None) -> CaseRun:
    """Execute `fixture` on `adapter` and judge it; never raises (a runner bug is an `error` case)."""
    try:
        return _run_case(adapter, fixture, seed)
    except Exception as exc:  # the suite's own fault must not be charged to the host
        return CaseRun(Outcome.ERROR, Diagnostic(f"internal error in the runner: {type(exc).__name__}: {exc}"))


def _run_case(adapter: HostAdapter, fixture: Fixture, seed: int | None) -> CaseRun:
    try:
        wasm = fixture.wasm()
        exports = function_exports(wasm)
    except WasmError as exc:
        return broken_fixture(str(exc))
    missing = missing_exports(exports)
    if missing:
        return broken_fixture(f"missing export(s) {', '.join(missing)}")
    try:
        adapter.info  # noqa: B018 - starts a subprocess host now, so its start-up is not charged to the case
    except HostCrashed as exc:
        return CaseRun(Outcome.CRASH, Diagnostic(f"host crashed: {exc}"))
    except HostTimeout as exc:
        return CaseRun(Outcome.TIMEOUT, Diagnostic(str(exc)))
    seed = random.randrange(1 << 32) if seed is None else seed
    seen = HiveObservation()
    steps = 0
    with simulator_for(fixture) as (sim, host, port):
        deadline = time.monotonic() + fixture.timeout_seconds
        made = _instantiate(adapter, wasm, fixture)
        if isinstance(made, CaseRun):
            return made
        instance, peer = made
        initialize = "ark_initialize" in exports
        snapshots = _Snapshots(sim, fixture, instance, deadline)
        driver: Driver = Driver(instance, deadline, fixture.max_steps, budget_seconds=fixture.timeout_seconds)
        limits = judged_bytes(fixture)
        try:
            peer_data = b""
            if peer is not None:
                driver = Driver(peer, deadline, fixture.max_steps, budget_seconds=fixture.timeout_seconds)
                peer_data, peer_failure = _run_peer(driver, host, port, seed, initialize)
                if peer_failure is not None:
                    return _finish([instance, peer], sim, fixture, CaseRun(Outcome.FAIL, peer_failure, driver.steps))
            driver = _SnapshotDriver(
                instance, deadline, fixture.max_steps, budget_seconds=fixture.timeout_seconds, on_step=snapshots.take
            )
            index = 1 if peer is not None else 0
            driver.start(params_block(host, port, seed, index, peer_data), initialize=initialize)
            snapshots.journal_at = driver.call("conformance_journal") if fixture.snapshot_checks else None
            result = driver.step_until_done()
            records = driver.journal(lambda check_id: limits.get(check_id, 0), grace=JOURNAL_GRACE)
        except (BudgetExceeded, HostTimeout) as exc:
            return _finish([instance, peer], sim, fixture, CaseRun(Outcome.TIMEOUT, Diagnostic(str(exc)), driver.steps))
        except GuestTrap as exc:
            message = f"guest trapped after {driver.steps} step(s): {exc}"
            return _finish([instance, peer], sim, fixture, CaseRun(Outcome.CRASH, Diagnostic(message), driver.steps))
        except HostCrashed as exc:
            run = CaseRun(Outcome.CRASH, Diagnostic(f"host crashed: {exc}"), driver.steps)
            return _finish([instance, peer], sim, fixture, run)
        except ProtocolError as exc:
            return _finish([instance, peer], sim, fixture, broken_fixture(str(exc), driver.steps))
        except IndexError as exc:  # every range was checked against memory_size first: the host is wrong
            message = f"host refused a memory access inside its reported memory size: {exc}"
            return _finish([instance, peer], sim, fixture, CaseRun(Outcome.CRASH, Diagnostic(message), driver.steps))
        except Exception:
            _close([instance, peer])  # run_case reports the runner's own failure as an `error`; free them first
            raise
        steps = driver.steps
        abandoned = abandoned_before_close(sim, fixture)
        if peer is not None:
            peer.close()
        teardown_failure = close_checking_teardown(instance, sim, fixture)
        seen = observe(sim, fixture)
        seen.abandoned = abandoned
        seen.snapshots = snapshots.taken
    failure = judge(fixture, result, records, seen) or with_clause_text(teardown_failure)
    return CaseRun(Outcome.FAIL if failure else Outcome.PASS, failure, steps, seen.requests)


def _instantiate(adapter: HostAdapter, wasm: bytes, fixture: Fixture) -> tuple[Instance, Instance | None] | CaseRun:
    """(the judged instance, the peer of a two-instance case or None), or the CaseRun of a host that failed."""
    made: list[Instance] = []
    try:
        for _ in range(fixture.instances):
            made.append(adapter.instantiate(wasm, timeout=fixture.timeout_seconds, settings=fixture.host_settings))
    except (LinkFailed, HostCrashed, HostTimeout) as exc:
        _close(made)
        if isinstance(exc, LinkFailed):
            return CaseRun(Outcome.CRASH, Diagnostic(f"host refused to instantiate the fixture: {exc}"))
        if isinstance(exc, HostCrashed):
            return CaseRun(Outcome.CRASH, Diagnostic(f"host crashed: {exc}"))
        return CaseRun(Outcome.TIMEOUT, Diagnostic(str(exc)))
    return made[0], made[1] if len(made) > 1 else None


def _run_peer(driver: Driver, host: str, port: int, seed: int, initialize: bool) -> tuple[bytes, Diagnostic | None]:
    """Run instance 2 of a two-instance case to completion; (its first record's data, a failure or None).

    The peer stays open while instance 1 runs, so what it holds (its futures) is live then: instance 1
    gets the peer's first record in its Params and must find those handles unknown (abi/handles/per-instance).
    """
    driver.start(params_block(host, port, seed, 2), initialize=initialize)
    result = driver.step_until_done()
    records = driver.journal(lambda _check_id: PEER_DATA_MAX)
    if result != 1 or not records:
        why = f"conformance_step returned {result}" if result != 1 else "it journaled nothing"
        return b"", Diagnostic(
            f"the peer instance (instance 2 of 2) did not finish its part: {why}",
            expected="1 (done) and a first record",
            actual=why,
        )
    return records[0].data, None


class _SnapshotDriver(Driver):
    """A Driver that calls `on_step` after every `conformance_step` (hive snapshots at a named check)."""

    def __init__(self, *args: Any, on_step: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.on_step = on_step

    def call(self, export: str, grace: float = 0.0) -> int:
        result = super().call(export, grace)
        if export == "conformance_step":
            self.on_step()
        return result


class _Snapshots:
    """The hive as it was at the end of the step in which each `after_check` check was first journaled.

    Between steps the guest makes no call, so a snapshot taken then sees what the guest's calls so far
    caused (background requests still in flight aside: a guest waits for its futures before journaling
    the check a snapshot is named by). Only the journal's count and the new records' ids are read.
    """

    def __init__(self, sim: Any, fixture: Fixture, instance: Instance, deadline: float) -> None:
        self.sim = sim
        self.instance = instance
        self.deadline = deadline
        self.fixture = fixture
        self.wanted = fixture.snapshot_checks
        self.journal_at: int | None = None
        self.seen_records = 0
        self.taken: dict[int, HiveObservation] = {}

    def take(self) -> None:
        if self.journal_at is None or not self.wanted - self.taken.keys():
            return
        count = min(int.from_bytes(self.instance.read_memory(self.journal_at, 4), "little"), MAX_RECORDS)
        if count <= self.seen_records:
            return
        start = self.journal_at + 4 + 16 * self.seen_records
        raw = self.instance.read_memory(start, 16 * (count - self.seen_records))
        self.seen_records = count
        new = {int.from_bytes(raw[i : i + 4], "little") for i in range(0, len(raw), 16)}
        for check_id in sorted(new & (self.wanted - self.taken.keys())):
            self.taken[check_id] = self._shot(check_id)

    def _shot(self, check_id: int) -> HiveObservation:
        """The hive now; first waiting (up to the deadline) for the `held` requests named at this check."""
        held: dict[str, int] = {}
        for hive in self.fixture.hive:
            if hive.after_check != check_id or hive.held is None or hive.route is None:
                continue
            with contextlib.suppress(TimeoutError):  # judged from the count below
                self.sim.wait_for_held(hive.route, hive.held, timeout=max(0.0, self.deadline - time.monotonic()))
            held[hive.route] = self.sim.wait_for_held(hive.route, 0, timeout=0)
        shot = observe(self.sim, self.fixture)
        shot.held = held
        return shot


def abandoned_before_close(sim: Any, fixture: Fixture) -> dict[str, int]:
    """route -> held requests the host hung up on while its instance was still open (`abandoned` assertions).

    A host cancels asynchronously, so the runner waits up to TEARDOWN_SECONDS for the expected number;
    only then is the instance closed (closing would abandon them too, and prove nothing about drop).
    """
    counts: dict[str, int] = {}
    for hive in fixture.hive:
        if hive.abandoned is None or hive.route is None:
            continue
        if hive.abandoned:
            with contextlib.suppress(TimeoutError):  # judged from the count below
                sim.wait_for_abandoned(hive.route, hive.abandoned, timeout=TEARDOWN_SECONDS)
        counts[hive.route] = sim.abandoned(hive.route)
    return counts


def _close(instances: list[Instance | None]) -> None:
    for instance in instances:
        if instance is not None:
            instance.close()


def _finish(instances: list[Instance | None], sim: object, fixture: Fixture, run: CaseRun) -> CaseRun:
    _close(instances)
    run.hive_requests = observe(sim, fixture).requests
    return run


def close_checking_teardown(instance: Instance, sim: Any, fixture: Fixture) -> Diagnostic | None:
    """Close the instance; with a `teardown` header, require the host to abandon its held hive requests.

    The guest cannot observe its own teardown, so this is judged from the hive's side: the requests are
    held (a `hold` fault) when the instance is closed, and every one must be hung up within
    TEARDOWN_SECONDS, well before any request timeout would end them (futures/instance-teardown).
    """
    teardown = fixture.teardown
    if teardown is None:
        instance.close()
        return None
    try:
        sim.wait_for_held(teardown.route, teardown.held, timeout=fixture.timeout_seconds)
    except TimeoutError:
        instance.close()
        return Diagnostic(
            f"teardown: the hive never held {teardown.held} pending request(s) on {teardown.route!r} to watch",
            clause=teardown.clause,
            expected=f"{teardown.held} held request(s)",
            actual="fewer",
        )
    instance.close()
    try:
        sim.wait_for_abandoned(teardown.route, teardown.held, timeout=TEARDOWN_SECONDS)
    except TimeoutError:
        gone = sim.abandoned(teardown.route)
        return Diagnostic(
            f"teardown: {TEARDOWN_SECONDS:g} s after the instance was closed, {teardown.held - gone} of "
            f"{teardown.held} hive request(s) on {teardown.route!r} were still open: background work not cancelled",
            clause=teardown.clause,
            expected=f"{teardown.held} request(s) abandoned",
            actual=f"{gone} abandoned",
        )
    return None
