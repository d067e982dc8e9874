"""The start route accepts exactly the documented body and answers 400 invalid_body otherwise."""

from __future__ import annotations

import pytest

from tests.hive.conftest import start_body

BAD_BODIES = {
    "missing field": {k: v for k, v in start_body().items() if k != "config"},
    "unknown field": start_body(extra=1),
    "string count": start_body(num_features="4"),
    "bool count": start_body(num_actions=True),
    "negative count": start_body(num_remote_workers=-1),
    "count above u32": start_body(num_features=2**32),
    "config not a string": start_body(config={"a": 1}),
    "empty checkpoint": start_body(checkpoint=""),
    "empty worker cid": start_body(worker_module_cid=""),
    "workers without cid": start_body(num_remote_workers=1),
    "game name null": start_body(game_name=None),
    "array body": [1, 2],
}


@pytest.mark.parametrize("body", list(BAD_BODIES.values()), ids=list(BAD_BODIES))
def test_bad_start_bodies_are_400_and_create_nothing(make_hive, body):
    hive = make_hive()
    response = hive.client.post("/api/v1/experiments", json=body)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_body"
    assert hive.sim.run_ids == []


def test_a_body_that_is_not_json_is_400(make_hive):
    response = make_hive().client.post("/api/v1/experiments", content=b"{")
    assert (response.status_code, response.json()["error"]["code"]) == (400, "invalid_body")


def test_the_valid_body_with_a_checkpoint_is_accepted(make_hive):
    hive = make_hive()
    response = hive.client.post("/api/v1/experiments", json=start_body(checkpoint="ck"))
    assert response.status_code == 201
    assert hive.sim.run("run-1").checkpoint == "ck"
