"""Every fault kind behaves as documented on both backends, and ``times`` limits it to the first requests."""

from __future__ import annotations

import json
import threading

import httpx
import pytest

from conformance.hive import Fault
from tests.hive.conftest import RUN_1, start_body

CONFIG_PATH = "/api/v1/runs/run-1/config"
# what a client sees when the route is "refused": respx raises ConnectError; a loopback connection that
# the server resets after accepting it surfaces as ReadError (a real ConnectError needs closed_address()).
REFUSED_ERROR = {"respx": httpx.ConnectError, "loopback": httpx.ReadError}


def _scenario(route: str, **fault) -> dict:
    return {"runs": [RUN_1], "faults": {route: fault}}


def test_latency_answers_normally(make_hive):
    hive = make_hive(_scenario("config", kind="latency", seconds=0.01))
    response = hive.client.get(CONFIG_PATH)
    assert (response.status_code, response.json()["run_id"]) == (200, "run-1")


def test_refused_raises_a_transport_error_and_changes_nothing(make_hive):
    hive = make_hive(_scenario("stop", kind="refused"))
    with pytest.raises(REFUSED_ERROR[hive.backend]):
        hive.client.post("/api/v1/runs/run-1/stop", json={})
    assert hive.sim.run("run-1").status == "running"
    assert [r.route for r in hive.sim.requests] == ["stop"]


def test_status_answers_the_status_with_an_error_body_and_changes_nothing(make_hive):
    hive = make_hive(_scenario("stop", kind="status", status=503, message="hive overloaded"))
    response = hive.client.post("/api/v1/runs/run-1/stop", json={})
    assert response.status_code == 503
    assert response.json() == {"error": {"code": "injected_fault", "message": "hive overloaded"}}
    assert hive.sim.run("run-1").status == "running"


def test_malformed_is_200_with_a_body_that_is_not_json(make_hive):
    hive = make_hive(_scenario("config", kind="malformed"))
    response = hive.client.get(CONFIG_PATH)
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_not_object_is_200_with_json_that_is_not_an_object(make_hive):
    hive = make_hive(_scenario("config", kind="not_object", times=1))
    faulted = hive.client.get(CONFIG_PATH)
    assert faulted.status_code == 200
    assert not isinstance(faulted.json(), dict)
    assert isinstance(hive.client.get(CONFIG_PATH).json(), dict)


def test_truncated_is_200_with_the_first_half_of_the_json(make_hive):
    hive = make_hive(_scenario("config", kind="truncated", times=1))
    truncated = hive.client.get(CONFIG_PATH)
    whole = hive.client.get(CONFIG_PATH)
    assert truncated.status_code == 200
    assert truncated.content == whole.content[: len(whole.content) // 2]
    with pytest.raises(json.JSONDecodeError):
        truncated.json()


def test_truncated_start_creates_no_run(make_hive):
    hive = make_hive({"faults": {"start": {"kind": "truncated", "times": 1}}})
    hive.client.post("/api/v1/experiments", json=start_body())
    assert hive.sim.run_ids == []
    assert hive.client.post("/api/v1/experiments", json=start_body()).json()["run_id"] == "run-1"


def test_hang_never_answers(make_hive):
    hive = make_hive(_scenario("config", kind="hang", seconds=0.05), timeout=0.2)
    with pytest.raises(httpx.ReadTimeout):
        hive.client.get(CONFIG_PATH)


def test_hold_waits_for_release_then_answers(make_hive):
    hive = make_hive(_scenario("stop", kind="hold"))
    answers: list[httpx.Response] = []
    worker = threading.Thread(target=lambda: answers.append(hive.client.post("/api/v1/runs/run-1/stop", json={})))
    worker.start()
    assert hive.sim.wait_for_held("stop") == 1
    assert answers == []
    assert hive.sim.run("run-1").status == "running"
    assert hive.sim.release("stop") == 1
    worker.join(1.0)
    assert answers[0].status_code == 200
    assert hive.sim.run("run-1").status == "stopped"


def test_release_without_held_requests_releases_none(make_hive):
    assert make_hive(_scenario("stop", kind="hold")).sim.release("stop") == 0


def test_times_limits_the_fault_to_the_first_requests(make_hive):
    hive = make_hive(_scenario("config", kind="status", status=500, times=2))
    codes = [hive.client.get(CONFIG_PATH).status_code for _ in range(3)]
    assert codes == [500, 500, 200]


def test_a_fault_applies_to_its_route_only(make_hive):
    hive = make_hive(_scenario("stop", kind="status", status=500))
    assert hive.client.get(CONFIG_PATH).status_code == 200


def test_set_fault_replaces_and_clears_faults(make_hive):
    hive = make_hive({"runs": [RUN_1]})
    hive.sim.set_fault("config", Fault("status", status=418))
    assert hive.client.get(CONFIG_PATH).status_code == 418
    hive.sim.set_fault("config", None)
    assert hive.client.get(CONFIG_PATH).status_code == 200


def test_set_fault_rejects_unknown_routes(make_hive):
    with pytest.raises(ValueError, match="unknown route"):
        make_hive().sim.set_fault("nope", Fault("refused"))
