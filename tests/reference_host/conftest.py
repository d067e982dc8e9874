"""Fixtures for the reference host tests: a host, the thunk guest, and a simulated hive (respx backend)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conformance.hive import HiveSimulator, Scenario
from reference_host import HostConfig, ReferenceHost

from .guest import Guest
from .thunk import thunk_guest

SCENARIO = {
    "runs": [
        {
            "run_id": "run-1",
            "game_name": "pong",
            "experiment_name": "e",
            "num_features": 4,
            "num_actions": 2,
            "config": '{"lr": 0.5}',
            "status": "running",
            "snapshot_b64": "AAECAwQ=",
        },
        {
            "run_id": "old run/2",
            "game_name": "pong",
            "experiment_name": "old",
            "num_features": 7,
            "num_actions": 3,
            "config": "{}",
            "status": "stopped",
        },
    ]
}


@pytest.fixture
def host() -> Iterator[ReferenceHost]:
    with ReferenceHost(HostConfig(request_timeout_seconds=2.0)) as h:
        yield h


@pytest.fixture
def sim() -> HiveSimulator:
    return HiveSimulator(Scenario.from_dict(SCENARIO))


@pytest.fixture
def guest(host: ReferenceHost, sim: HiveSimulator) -> Iterator[Guest]:
    """The thunk guest on a fresh instance, talking to `sim` through respx."""
    with sim.respx_backend(base_url="http://hive.test:8080") as address, host.instantiate(thunk_guest()) as inst:
        yield Guest(inst, address.host, address.port)
