"""Every route of hive protocol v1 answers as docs/hive-protocol.md says, on both backends."""

from __future__ import annotations

import pytest

from tests.hive.conftest import RUN_1, STOPPED_RUN, start_body


def _error_code(response) -> str:
    assert response.headers["content-type"] == "application/json"
    return response.json()["error"]["code"]


def test_start_creates_run_ids_in_order(make_hive):
    hive = make_hive()
    first = hive.client.post("/api/v1/experiments", json=start_body(experiment_name="a"))
    second = hive.client.post("/api/v1/experiments", json=start_body(experiment_name="b"))
    assert (first.status_code, first.json()) == (201, {"run_id": "run-1", "experiment_name": "a"})
    assert second.json() == {"run_id": "run-2", "experiment_name": "b"}


def test_start_skips_run_ids_the_scenario_already_has(make_hive):
    hive = make_hive({"runs": [RUN_1]})
    assert hive.client.post("/api/v1/experiments", json=start_body()).json()["run_id"] == "run-2"


def test_start_records_the_fields_as_sent(make_hive):
    hive = make_hive()
    body = start_body(num_features=7, num_actions=2, config='{"x": [1, 2]}', checkpoint="ckpt-9")
    run_id = hive.client.post("/api/v1/experiments", json=body).json()["run_id"]
    run = hive.sim.run(run_id)
    assert (run.num_features, run.num_actions, run.config, run.checkpoint) == (7, 2, '{"x": [1, 2]}', "ckpt-9")
    assert (run.status, run.game_name, run.experiment_name) == ("running", "pong", "exp")


def test_connect_answers_run_id_and_counts(make_hive):
    hive = make_hive({"runs": [RUN_1]})
    response = hive.client.post("/api/v1/runs/run-1/connect", json={})
    assert (response.status_code, response.json()) == (200, {"run_id": "run-1"})
    assert hive.sim.run("run-1").connects == 1


def test_connect_can_answer_for_another_run(make_hive):
    """Scenario key connect_answer_run_id: the answer names another run, the connect counts on the requested one."""
    hive = make_hive({"runs": [{**RUN_1, "connect_answer_run_id": "run-2"}]})
    response = hive.client.post("/api/v1/runs/run-1/connect", json={})
    assert (response.status_code, response.json()) == (200, {"run_id": "run-2"})
    assert hive.sim.run("run-1").connects == 1


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/v1/runs/nope/connect", 404, "run_not_found"),
        ("/api/v1/runs/old/connect", 409, "run_stopped"),
        ("/api/v1/runs/nope/stop", 404, "run_not_found"),
        ("/api/v1/runs/nope/disconnect", 404, "run_not_found"),
    ],
)
def test_post_routes_reject_unknown_and_stopped_runs(make_hive, path, status, code):
    hive = make_hive({"runs": [RUN_1, STOPPED_RUN]})
    response = hive.client.post(path, json={})
    assert response.status_code == status
    assert _error_code(response) == code


@pytest.mark.parametrize("route", ["connect", "stop", "disconnect"])
def test_post_routes_need_a_json_object_body(make_hive, route):
    hive = make_hive({"runs": [RUN_1]})
    response = hive.client.post(f"/api/v1/runs/run-1/{route}", content=b"not json")
    assert response.status_code == 400
    assert _error_code(response) == "invalid_body"


def test_config_answers_the_run_fields(make_hive):
    hive = make_hive({"runs": [RUN_1]})
    response = hive.client.get("/api/v1/runs/run-1/config")
    assert response.status_code == 200
    assert response.json() == {"run_id": "run-1", "num_features": 4, "num_actions": 2, "config": '{"lr": 0.1}'}


@pytest.mark.parametrize(("run_id", "status", "code"), [("nope", 404, "run_not_found"), ("old", 409, "run_stopped")])
def test_config_rejects_unknown_and_stopped_runs(make_hive, run_id, status, code):
    hive = make_hive({"runs": [STOPPED_RUN]})
    response = hive.client.get(f"/api/v1/runs/{run_id}/config")
    assert response.status_code == status
    assert _error_code(response) == code


@pytest.mark.parametrize("run_id", ["run-1", "old"])
def test_registry_config_serves_running_and_stopped_runs(make_hive, run_id):
    hive = make_hive({"runs": [RUN_1, STOPPED_RUN]})
    response = hive.client.get(f"/api/v1/registry/runs/{run_id}/config")
    assert response.status_code == 200
    assert response.json()["run_id"] == run_id
    assert response.json()["num_actions"] == hive.sim.run(run_id).num_actions


def test_registry_config_rejects_unknown_runs(make_hive):
    response = make_hive().client.get("/api/v1/registry/runs/nope/config")
    assert response.status_code == 404
    assert _error_code(response) == "run_not_found"


def test_registry_snapshot_serves_the_scenario_bytes(make_hive):
    response = make_hive({"runs": [RUN_1]}).client.get("/api/v1/registry/runs/run-1/snapshot")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.content == b"\x00\x01\x02"


@pytest.mark.parametrize(("run_id", "code"), [("old", "snapshot_not_found"), ("nope", "run_not_found")])
def test_registry_snapshot_404s_without_a_snapshot_or_run(make_hive, run_id, code):
    response = make_hive({"runs": [STOPPED_RUN]}).client.get(f"/api/v1/registry/runs/{run_id}/snapshot")
    assert response.status_code == 404
    assert _error_code(response) == code


def test_stop_answers_stopped_and_marks_the_run(make_hive):
    hive = make_hive({"runs": [RUN_1]})
    response = hive.client.post("/api/v1/runs/run-1/stop", json={})
    assert (response.status_code, response.json()) == (
        200,
        {"run_id": "run-1", "status": "stopped", "workers_stopped": 0},
    )
    assert hive.sim.run("run-1").status == "stopped"


def test_stop_of_a_stopped_run_is_200_with_no_workers_stopped(make_hive):
    hive = make_hive({"runs": [STOPPED_RUN]})
    response = hive.client.post("/api/v1/runs/old/stop", json={})
    assert (response.status_code, response.json()["workers_stopped"]) == (200, 0)


def test_disconnect_answers_run_id_and_keeps_the_run_running(make_hive):
    hive = make_hive({"runs": [RUN_1]})
    response = hive.client.post("/api/v1/runs/run-1/disconnect", json={})
    assert (response.status_code, response.json()) == (200, {"run_id": "run-1"})
    assert hive.sim.run("run-1").status == "running"
    assert hive.sim.run("run-1").disconnects == 1


def test_workers_lists_no_workers_for_a_local_run(make_hive):
    response = make_hive({"runs": [RUN_1]}).client.get("/api/v1/runs/run-1/workers")
    assert (response.status_code, response.json()) == (200, {"workers": []})


def test_workers_rejects_unknown_runs(make_hive):
    response = make_hive().client.get("/api/v1/runs/nope/workers")
    assert response.status_code == 404
    assert _error_code(response) == "run_not_found"


def test_percent_encoded_run_ids_are_decoded(make_hive):
    run = dict(RUN_1, run_id="team/run 1")
    hive = make_hive({"runs": [run]})
    response = hive.client.get("/api/v1/runs/team%2Frun%201/config")
    assert response.json()["run_id"] == "team/run 1"


def test_unknown_paths_are_404_unknown_route(make_hive):
    response = make_hive().client.get("/api/v2/experiments")
    assert response.status_code == 404
    assert _error_code(response) == "unknown_route"


def test_wrong_method_is_405(make_hive):
    response = make_hive({"runs": [RUN_1]}).client.get("/api/v1/experiments")
    assert response.status_code == 405
    assert _error_code(response) == "method_not_allowed"
