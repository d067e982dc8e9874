"""futures.instance-teardown makes teardown observable: after the case, closing the instance must cancel
its held requests and free its futures.

The guest cannot see its own teardown. The runner's `teardown` header check judges it for every host from
the hive's side (held requests hung up after close); this test adds what only an in-process host shows:
no request in flight and no future left in its tables after close (and that it catches hosts that keep them).
"""

from __future__ import annotations

import json
import time

from conformance.hive import HiveSimulator, Scenario
from conformance.wasm import compile_wat
from reference_host import FutureTable, HiveClient, HostConfig, ReferenceHost
from reference_host.guest_run import run_guest

from ._lint import FIXTURES, load_fixture

FIXTURE = load_fixture(FIXTURES / "futures.instance-teardown.wat")
SETTLE_SECONDS = 2.0  # an upper bound for the host to let go, not a measurement


class _KeepsRequests(HiveClient):
    def submit(self, fn, *args):  # a plain executor future: cancelling it cannot stop a running request
        return self._executor.submit(fn, *args)

    def close(self) -> None:
        return None


class _KeepsFutures(FutureTable):
    def close(self) -> None:
        return None


def teardown_problems(host: ReferenceHost) -> list[str]:
    """Run the fixture until done, wait until its 3 start requests are held, close, look at what is left."""
    scenario = json.loads((FIXTURES / "scenarios" / f"{FIXTURE.header['scenario']}.json").read_text("utf-8"))
    sim = HiveSimulator(Scenario.from_dict(scenario))
    held = len(FIXTURE.checks)
    with sim.loopback_server() as address:
        inst = host.instantiate(compile_wat(FIXTURE.text))
        outcome = run_guest(inst, address.host, address.port)
        assert outcome.status == "done", outcome.detail
        sim.wait_for_held("start", held, timeout=SETTLE_SECONDS)
        inst.close()
        give_up = time.monotonic() + SETTLE_SECONDS
        while inst.hive_requests_in_flight and time.monotonic() < give_up:
            time.sleep(0.01)
        problems = []
        if inst.hive_requests_in_flight:
            problems.append(f"{inst.hive_requests_in_flight} hive request(s) still in flight after close")
        if inst.futures_count:
            problems.append(f"{inst.futures_count} future(s) still held after close")
        # Clean up after a faulty host for real, so that its worker threads do not outlive this test.
        FutureTable.close(inst.futures)
        HiveClient.close(inst.hive)
    host.close()
    return problems


def test_reference_host_cancels_work_and_frees_futures_at_teardown() -> None:
    assert teardown_problems(ReferenceHost(HostConfig(request_timeout_seconds=30.0))) == []


def test_a_host_that_keeps_requests_running_is_caught() -> None:
    host = ReferenceHost(HostConfig(request_timeout_seconds=30.0), hive_class=_KeepsRequests)
    assert any("in flight" in p for p in teardown_problems(host))


def test_a_host_that_keeps_futures_is_caught() -> None:
    host = ReferenceHost(HostConfig(request_timeout_seconds=30.0), table_class=_KeepsFutures)
    assert any("future(s) still held" in p for p in teardown_problems(host))
