"""connect_to_experiment: the request, the TrainingHandle it yields, hive failures."""

from __future__ import annotations

from conformance.hive import HiveSimulator

from .guest import Guest, manifest_code

SUCCESS, FAILED = manifest_code("Success"), manifest_code("HttpRequestFailed")


def test_connect_sends_post_and_yields_a_training_handle(guest: Guest, sim: HiveSimulator) -> None:
    future = guest.create("connect_to_experiment")
    assert guest.wait("poll_future_training_handle", future) == (SUCCESS, b"\x01")
    code, data = guest.take("take_future_training_handle", future, 8)
    assert code == SUCCESS
    training = int.from_bytes(data, "little")
    assert training not in (0, future)
    (request,) = sim.requests
    assert (request.route, request.method, request.path, request.json) == (
        "connect",
        "POST",
        "/api/v1/runs/run-1/connect",
        {},
    )


def test_connect_to_unknown_or_stopped_run_fails(guest: Guest, sim: HiveSimulator) -> None:
    for run_id in ("no-such-run", "old run/2"):
        future = guest.create("connect_to_experiment", run_id=run_id)
        assert guest.wait("poll_future_training_handle", future) == (FAILED, b"\xa5")
    assert [r.path for r in sim.requests] == [
        "/api/v1/runs/no-such-run/connect",
        "/api/v1/runs/old%20run%2F2/connect",
    ]
