"""Remote workers: start spawns N, stop stops them all, disconnect leaves them running."""

from __future__ import annotations

from tests.hive.conftest import start_body


def _start_with_workers(hive, count: int = 3) -> str:
    body = start_body(num_remote_workers=count, worker_module_cid="bafy-worker")
    return hive.client.post("/api/v1/experiments", json=body).json()["run_id"]


def test_start_spawns_named_running_workers(make_hive):
    hive = make_hive()
    run_id = _start_with_workers(hive)
    workers = hive.sim.run(run_id).workers
    assert [w.worker_id for w in workers] == [f"{run_id}/worker-{i}" for i in range(3)]
    assert {(w.module_cid, w.state) for w in workers} == {("bafy-worker", "running")}


def test_workers_route_lists_them(make_hive):
    hive = make_hive()
    run_id = _start_with_workers(hive, 2)
    listed = hive.client.get(f"/api/v1/runs/{run_id}/workers").json()["workers"]
    assert listed == [
        {"worker_id": f"{run_id}/worker-{i}", "module_cid": "bafy-worker", "state": "running"} for i in range(2)
    ]


def test_stop_stops_every_worker_and_counts_them(make_hive):
    hive = make_hive()
    run_id = _start_with_workers(hive)
    response = hive.client.post(f"/api/v1/runs/{run_id}/stop", json={})
    assert response.json()["workers_stopped"] == 3
    assert {w.state for w in hive.sim.run(run_id).workers} == {"stopped"}
    assert hive.client.post(f"/api/v1/runs/{run_id}/stop", json={}).json()["workers_stopped"] == 0


def test_disconnect_leaves_workers_running(make_hive):
    hive = make_hive()
    run_id = _start_with_workers(hive)
    hive.client.post(f"/api/v1/runs/{run_id}/disconnect", json={})
    assert {w.state for w in hive.sim.run(run_id).workers} == {"running"}


def test_scenario_runs_get_workers_in_their_status(make_hive):
    run = {
        "run_id": "r",
        "game_name": "g",
        "experiment_name": "e",
        "num_features": 1,
        "num_actions": 1,
        "config": "{}",
        "num_remote_workers": 2,
        "worker_module_cid": "cid",
        "status": "stopped",
    }
    hive = make_hive({"runs": [run]})
    assert [w.state for w in hive.sim.run("r").workers] == ["stopped", "stopped"]


def test_a_start_over_the_worker_limit_is_refused_and_spawns_nothing(make_hive):
    hive = make_hive({"max_remote_workers": 2})
    at_limit = _start_with_workers(hive, 2)
    assert len(hive.sim.run(at_limit).workers) == 2
    response = hive.client.post("/api/v1/experiments", json=start_body(num_remote_workers=3, worker_module_cid="c"))
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "too_many_workers"
    assert hive.sim.run_ids == [at_limit]


def test_the_default_worker_limit_refuses_2_to_the_31(make_hive):
    hive = make_hive()
    body = start_body(num_remote_workers=2**31, worker_module_cid="c")
    assert hive.client.post("/api/v1/experiments", json=body).status_code == 422
    assert _start_with_workers(hive, 64)
