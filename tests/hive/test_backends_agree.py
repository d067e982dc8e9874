"""Both backends run the same state logic: one request sequence gets byte-identical answers and state."""

from __future__ import annotations

import httpx

from conformance.hive import HiveSimulator, Scenario
from tests.hive.conftest import PLAIN_HTTP, RUN_1, STOPPED_RUN, start_body

SEQUENCE = [
    ("POST", "/api/v1/experiments", start_body(num_remote_workers=2, worker_module_cid="cid")),
    ("POST", "/api/v1/experiments", start_body(num_features="x")),
    ("POST", "/api/v1/runs/run-2/connect", {}),
    ("GET", "/api/v1/runs/run-2/config", None),
    ("GET", "/api/v1/runs/old/config", None),
    ("GET", "/api/v1/registry/runs/old/config", None),
    ("GET", "/api/v1/registry/runs/run-1/snapshot", None),
    ("POST", "/api/v1/runs/run-2/disconnect", {}),
    ("POST", "/api/v1/runs/run-2/stop", {}),
    ("GET", "/api/v1/runs/run-2/workers", None),
    ("GET", "/api/v1/runs/nope/workers", None),
    ("GET", "/api/v1/runs/run-1/config", None),  # truncated by the scenario's fault
]
SCENARIO = {"runs": [RUN_1, STOPPED_RUN], "faults": {"config": {"kind": "truncated", "times": 1}}}


def _play(backend: str) -> tuple[list[tuple[int, str, bytes]], HiveSimulator]:
    sim = HiveSimulator(Scenario.from_dict(SCENARIO))
    cm = sim.respx_backend() if backend == "respx" else sim.loopback_server()
    answers = []
    with cm as address, httpx.Client(base_url=address.base_url, timeout=1.0, verify=PLAIN_HTTP) as client:
        for method, path, body in SEQUENCE:
            response = client.request(method, path, json=body)
            answers.append((response.status_code, response.headers["content-type"], response.content))
    return answers, sim


def test_respx_and_loopback_answer_and_record_alike():
    respx_answers, respx_sim = _play("respx")
    loopback_answers, loopback_sim = _play("loopback")
    assert respx_answers == loopback_answers
    assert [(r.route, r.path, r.json) for r in respx_sim.requests] == [
        (r.route, r.path, r.json) for r in loopback_sim.requests
    ]
    assert respx_sim.run("run-2") == loopback_sim.run("run-2")
    assert {status for status, _, _ in respx_answers} == {200, 201, 400, 404, 409}
