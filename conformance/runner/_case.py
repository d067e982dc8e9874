"""One case: a fixture on a host, driven through guest protocol v1 (docs/guest-protocol.md §4).

Fresh instance per case, fresh hive simulator per case, a wall-clock deadline and a step budget. The
adapter supplies only primitives, so this loop and the judging are the same for every host.
"""

from __future__ import annotations

import random
import struct
import time
from dataclasses import dataclass
from typing import Any

from conformance.adapters import GuestTrap, HostAdapter, HostCrashed, HostTimeout, Instance, LinkFailed
from conformance.wasm import WasmError

from ._compile import compile_cached, function_exports
from ._fixture import Fixture
from ._hive import observe, simulator_for
from ._judge import BrokenJournal, Diagnostic, HiveObservation, judge, read_journal
from ._outcome import Outcome

PROTOCOL_VERSION = 1
PARAMS_SIZE = 256
HIVE_HOST_MAX = 116
FRAME_INTERVAL = 0.001
TEARDOWN_SECONDS = 0.5  # a host hangs up on its pending hive requests this soon after its instance is closed
JOURNAL_GRACE = 1.0  # a guest that finished in time is judged even if reading its journal crosses the deadline
REQUIRED_EXPORTS = ("conformance_protocol", "conformance_params", "conformance_journal", "conformance_step")


@dataclass
class CaseRun:
    """What happened in one case, before expectations are applied."""

    outcome: Outcome
    diagnostic: Diagnostic | None = None
    steps: int = 0
    hive_requests: list[dict] | None = None


class _Deadline(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)


def params_block(host: str, port: int, seed: int) -> bytes:
    """The 256-byte Params block (guest protocol §2)."""
    encoded = host.encode("utf-8")
    if len(encoded) > HIVE_HOST_MAX:
        raise ValueError(f"hive host {host!r} is longer than {HIVE_HOST_MAX} bytes")
    block = struct.pack("<III", PROTOCOL_VERSION, port, len(encoded)) + encoded.ljust(HIVE_HOST_MAX, b"\0")
    block += struct.pack("<I", seed)
    return block.ljust(PARAMS_SIZE, b"\0")


def _u32(value: int) -> int:
    return value & 0xFFFFFFFF


class _Driver:
    """The protocol loop on one instance, with the case's deadline applied to every call."""

    def __init__(self, instance: Instance, fixture: Fixture, deadline: float) -> None:
        self.instance = instance
        self.fixture = fixture
        self.deadline = deadline
        self.steps = 0

    def call(self, export: str, grace: float = 0.0) -> int:
        """Call with the time left before the case deadline (plus `grace`, for reading results afterwards)."""
        remaining = self.deadline + grace - time.monotonic()
        if remaining <= 0:
            raise _Deadline(f"case deadline of {self.fixture.timeout_seconds:g} s exceeded before {export}")
        results = self.instance.call(export, timeout=remaining)
        return results[0] if results else 0

    def run(self, host: str, port: int, seed: int, exports: frozenset[str]) -> int:
        protocol = self.call("conformance_protocol")
        if protocol != PROTOCOL_VERSION:
            raise BrokenJournal(f"guest speaks protocol {protocol}, the runner speaks {PROTOCOL_VERSION}")
        params = _u32(self.call("conformance_params"))
        if params + PARAMS_SIZE > self.instance.memory_size:
            raise BrokenJournal(f"params block at {params:#x} is outside memory")
        self.instance.write_memory(params, params_block(host, port, seed))
        if "ark_initialize" in exports:
            self.call("ark_initialize")
        while True:
            result = self.call("conformance_step")
            self.steps += 1
            if result != 0:
                return result
            if self.steps >= self.fixture.max_steps:
                raise _Deadline(f"guest not done after max_steps = {self.fixture.max_steps} steps")
            if time.monotonic() >= self.deadline:
                raise _Deadline(
                    f"guest not done after {self.fixture.timeout_seconds:g} s ({self.steps} steps): case deadline"
                )
            time.sleep(FRAME_INTERVAL)


def run_case(adapter: HostAdapter, fixture: Fixture, seed: int | None = None) -> CaseRun:
    """Execute `fixture` on `adapter` and judge it; never raises for anything the guest or host does."""
    try:
        wasm = compile_cached(fixture.source)
        exports = function_exports(wasm)
    except WasmError as exc:
        return CaseRun(Outcome.CRASH, Diagnostic(f"broken fixture: {exc}"))
    missing = [name for name in REQUIRED_EXPORTS if name not in exports]
    if missing:
        return CaseRun(Outcome.CRASH, Diagnostic(f"broken fixture: missing export(s) {', '.join(missing)}"))
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
        try:
            instance = adapter.instantiate(wasm, timeout=fixture.timeout_seconds)
        except LinkFailed as exc:
            return CaseRun(Outcome.CRASH, Diagnostic(f"host refused to instantiate the fixture: {exc}"))
        except HostCrashed as exc:
            return CaseRun(Outcome.CRASH, Diagnostic(f"host crashed: {exc}"))
        except HostTimeout as exc:
            return CaseRun(Outcome.TIMEOUT, Diagnostic(str(exc)))
        driver = _Driver(instance, fixture, deadline)
        try:
            result = driver.run(host, port, seed, exports)
            journal = _u32(driver.call("conformance_journal", JOURNAL_GRACE))
            records = read_journal(instance.read_memory, instance.memory_size, journal)
        except _Deadline as exc:
            return _finish(instance, sim, fixture, CaseRun(Outcome.TIMEOUT, Diagnostic(str(exc)), driver.steps))
        except HostTimeout as exc:
            return _finish(instance, sim, fixture, CaseRun(Outcome.TIMEOUT, Diagnostic(str(exc)), driver.steps))
        except GuestTrap as exc:
            message = f"guest trapped after {driver.steps} step(s): {exc}"
            return _finish(instance, sim, fixture, CaseRun(Outcome.CRASH, Diagnostic(message), driver.steps))
        except HostCrashed as exc:
            return _finish(
                instance, sim, fixture, CaseRun(Outcome.CRASH, Diagnostic(f"host crashed: {exc}"), driver.steps)
            )
        except (BrokenJournal, IndexError) as exc:
            return _finish(
                instance, sim, fixture, CaseRun(Outcome.CRASH, Diagnostic(f"broken fixture: {exc}"), driver.steps)
            )
        steps = driver.steps
        teardown_failure = close_checking_teardown(instance, sim, fixture)
        seen = observe(sim, fixture)
    failure = judge(fixture, result, records, seen) or teardown_failure
    return CaseRun(Outcome.FAIL if failure else Outcome.PASS, failure, steps, seen.requests)


def _finish(instance: Instance, sim: object, fixture: Fixture, run: CaseRun) -> CaseRun:
    instance.close()
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
