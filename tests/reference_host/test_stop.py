"""stop_experiment (stops the run and its remote workers) and ml-v1 stop_training (disconnects only)."""

from __future__ import annotations

import pytest

from conformance.hive import Fault, HiveSimulator

from .guest import Guest, manifest_code

SUCCESS, NOT_FOUND, FAILED = manifest_code("Success"), manifest_code("NotFound"), manifest_code("HttpRequestFailed")


def started_with_workers(guest: Guest, sim: HiveSimulator, workers: int = 2) -> tuple[int, str]:
    assert guest.invoke("set_worker_module_link", cid="bafy-worker") == SUCCESS
    training = guest.training_handle(num_remote_workers=workers)
    (run_id,) = [r for r in sim.run_ids if r not in ("run-1", "old run/2")]
    return training, run_id


def test_stop_experiment_stops_remote_workers_and_invalidates(guest: Guest, sim: HiveSimulator) -> None:
    training, run_id = started_with_workers(guest, sim)
    assert [w.state for w in sim.run(run_id).workers] == ["running", "running"]
    assert guest.call("stop_experiment", context=training) == SUCCESS
    (stop,) = sim.requests_for("stop")
    assert (stop.method, stop.run_id, stop.json) == ("POST", run_id, {})
    assert [w.state for w in sim.run(run_id).workers] == ["stopped", "stopped"]
    assert guest.call("stop_experiment", context=training) == NOT_FOUND
    assert guest.call("stop_training", context=training) == NOT_FOUND
    ptr = guest.slot(16)
    assert guest.call("experiment_config", context=training, __ark_ffi_output=ptr) == NOT_FOUND
    assert len(sim.requests_for("stop")) == 1 and sim.requests_for("disconnect") == []


def test_stop_training_disconnects_only(guest: Guest, sim: HiveSimulator) -> None:
    training, run_id = started_with_workers(guest, sim)
    assert guest.call("stop_training", context=training) == SUCCESS
    (request,) = sim.requests_for("disconnect")
    assert (request.method, request.run_id) == ("POST", run_id)
    assert sim.requests_for("stop") == []
    assert sim.run(run_id).status == "running"
    assert [w.state for w in sim.run(run_id).workers] == ["running", "running"]
    assert guest.call("stop_training", context=training) == NOT_FOUND
    assert guest.call("stop_experiment", context=training) == NOT_FOUND


@pytest.mark.parametrize(("name", "route"), [("stop_experiment", "stop"), ("stop_training", "disconnect")])
def test_hive_failure_keeps_the_handle(guest: Guest, sim: HiveSimulator, name: str, route: str) -> None:
    training = guest.training_handle("connect_to_experiment")
    sim.set_fault(route, Fault(kind="status", status=503, times=1))
    assert guest.call(name, context=training) == FAILED
    assert guest.call(name, context=training) == SUCCESS
    assert len(sim.requests_for(route)) == 2


@pytest.mark.parametrize("name", ["stop_experiment", "stop_training"])
@pytest.mark.parametrize("context", [0, 99_999_999, 0xFFFF_FFFF_FFFF_FFFF])
def test_unknown_training_handle_sends_nothing(guest: Guest, sim: HiveSimulator, name: str, context: int) -> None:
    assert guest.call(name, context=context) == NOT_FOUND
    assert sim.requests == []


def test_a_future_handle_is_not_a_training_handle(guest: Guest, sim: HiveSimulator) -> None:
    future = guest.create("connect_to_experiment")
    guest.wait("poll_future_training_handle", future)
    assert guest.call("stop_experiment", context=future) == NOT_FOUND
    assert sim.requests_for("stop") == []
