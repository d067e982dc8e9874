"""One case: a fixture on a host, driven through guest protocol v1 (docs/guest-protocol.md §4).

Fresh instance per case, fresh hive simulator per case, a wall-clock deadline and a step budget. The
adapter supplies only primitives, so this loop and the judging are the same for every host.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import Any

from conformance.adapters import GuestTrap, HostAdapter, HostCrashed, HostTimeout, Instance, LinkFailed
from conformance.guest_protocol import (
    MAX_DATA_BYTES,
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
    return {
        c.id: min(len(c.bytes) + SHOWN_BEYOND_PATTERN, MAX_DATA_BYTES) for c in fixture.checks if c.bytes is not None
    }


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
        try:
            instance = adapter.instantiate(wasm, timeout=fixture.timeout_seconds)
        except LinkFailed as exc:
            return CaseRun(Outcome.CRASH, Diagnostic(f"host refused to instantiate the fixture: {exc}"))
        except HostCrashed as exc:
            return CaseRun(Outcome.CRASH, Diagnostic(f"host crashed: {exc}"))
        except HostTimeout as exc:
            return CaseRun(Outcome.TIMEOUT, Diagnostic(str(exc)))
        driver = Driver(instance, deadline, fixture.max_steps, budget_seconds=fixture.timeout_seconds)
        limits = judged_bytes(fixture)
        try:
            driver.start(params_block(host, port, seed), initialize="ark_initialize" in exports)
            result = driver.step_until_done()
            records = driver.journal(lambda check_id: limits.get(check_id, 0), grace=JOURNAL_GRACE)
        except (BudgetExceeded, HostTimeout) as exc:
            return _finish(instance, sim, fixture, CaseRun(Outcome.TIMEOUT, Diagnostic(str(exc)), driver.steps))
        except GuestTrap as exc:
            message = f"guest trapped after {driver.steps} step(s): {exc}"
            return _finish(instance, sim, fixture, CaseRun(Outcome.CRASH, Diagnostic(message), driver.steps))
        except HostCrashed as exc:
            return _finish(
                instance, sim, fixture, CaseRun(Outcome.CRASH, Diagnostic(f"host crashed: {exc}"), driver.steps)
            )
        except ProtocolError as exc:
            return _finish(instance, sim, fixture, broken_fixture(str(exc), driver.steps))
        except IndexError as exc:  # every range was checked against memory_size first: the host is wrong
            message = f"host refused a memory access inside its reported memory size: {exc}"
            return _finish(instance, sim, fixture, CaseRun(Outcome.CRASH, Diagnostic(message), driver.steps))
        except Exception:
            instance.close()  # run_case reports the runner's own failure as an `error`; free the instance first
            raise
        steps = driver.steps
        teardown_failure = close_checking_teardown(instance, sim, fixture)
        seen = observe(sim, fixture)
    failure = judge(fixture, result, records, seen) or with_clause_text(teardown_failure)
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
