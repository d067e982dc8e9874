"""Requests are recorded in arrival order with route, method, path, parsed JSON, raw body and run id."""

from __future__ import annotations

import threading

import pytest

from tests.hive.conftest import RUN_1, start_body


def test_requests_are_recorded_in_order_with_their_bodies(make_hive):
    hive = make_hive({"runs": [RUN_1]})
    hive.client.post("/api/v1/experiments", json=start_body())
    hive.client.get("/api/v1/runs/run-1/config")
    hive.client.post("/api/v1/runs/run-1/stop", content=b"{}")
    start, config, stop = hive.sim.requests
    assert (start.route, start.method, start.path) == ("start", "POST", "/api/v1/experiments")
    assert start.json == start_body()
    assert (config.route, config.method, config.run_id, config.json, config.body) == (
        "config", "GET", "run-1", None, b"",
    )
    assert (stop.route, stop.path, stop.json, stop.body) == ("stop", "/api/v1/runs/run-1/stop", {}, b"{}")


def test_bodies_that_are_not_json_are_recorded_raw_with_json_none(make_hive):
    hive = make_hive({"runs": [RUN_1]})
    hive.client.post("/api/v1/runs/run-1/connect", content=b"\xffnot json")
    (request,) = hive.sim.requests
    assert (request.json, request.body) == (None, b"\xffnot json")


def test_paths_are_recorded_percent_encoded_and_run_ids_decoded(make_hive):
    hive = make_hive()
    hive.client.get("/api/v1/runs/a%2Fb/config")
    (request,) = hive.sim.requests
    assert (request.path, request.run_id) == ("/api/v1/runs/a%2Fb/config", "a/b")


def test_headers_are_recorded_with_lowercase_names(make_hive):
    hive = make_hive()
    hive.client.post("/api/v1/experiments", json=start_body(), headers={"X-Probe": "1"})
    headers = hive.sim.requests[0].headers
    assert headers["content-type"] == "application/json"
    assert headers["x-probe"] == "1"


def test_unknown_routes_are_recorded_as_unknown(make_hive):
    hive = make_hive()
    hive.client.delete("/elsewhere")
    assert [(r.route, r.method) for r in hive.sim.requests] == [("unknown", "DELETE")]


def test_requests_for_filters_by_route(make_hive):
    hive = make_hive({"runs": [RUN_1]})
    for path in ("/api/v1/runs/run-1/config", "/api/v1/runs/run-1/workers", "/api/v1/runs/run-1/config"):
        hive.client.get(path)
    assert [r.route for r in hive.sim.requests_for("config")] == ["config", "config"]


def test_wait_for_requests_returns_once_enough_arrived(make_hive):
    hive = make_hive({"runs": [RUN_1]})
    worker = threading.Thread(target=lambda: [hive.client.get("/api/v1/runs/run-1/config") for _ in range(2)])
    worker.start()
    assert len(hive.sim.wait_for_requests("config", 2)) == 2
    worker.join(1.0)


def test_wait_for_requests_times_out_with_a_clear_error(make_hive):
    with pytest.raises(TimeoutError, match="1 request"):
        make_hive().sim.wait_for_requests("stop", 1, timeout=0.01)
