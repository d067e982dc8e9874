"""Fixtures for the hive simulator tests: one simulator behind either backend, with an httpx client on it."""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from conformance.hive import HiveAddress, HiveSimulator, Scenario

RUN_1: dict[str, Any] = {
    "run_id": "run-1",
    "game_name": "pong",
    "experiment_name": "e1",
    "num_features": 4,
    "num_actions": 2,
    "config": '{"lr": 0.1}',
    "snapshot_b64": "AAEC",
}
STOPPED_RUN: dict[str, Any] = {
    "run_id": "old",
    "game_name": "pong",
    "experiment_name": "e0",
    "num_features": 3,
    "num_actions": 5,
    "config": "{}",
    "status": "stopped",
}


# a raw HTTP request for tests that drive the loopback server through a bare socket (to hang up on it)
RAW_CONFIG_REQUEST = b"GET /api/v1/runs/run-1/config HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


def start_body(**overrides: Any) -> dict[str, Any]:
    """A valid start request body (what a conforming host sends), with ``overrides`` applied."""
    body: dict[str, Any] = {
        "game_name": "pong",
        "experiment_name": "exp",
        "num_features": 8,
        "num_actions": 3,
        "num_remote_workers": 0,
        "config": '{"a": 1}',
        "checkpoint": None,
        "worker_module_cid": None,
    }
    body.update(overrides)
    return body


@dataclass
class Hive:
    """A running simulator: ``client`` talks to ``address`` through the backend named ``backend``."""

    sim: HiveSimulator
    address: HiveAddress
    client: httpx.Client
    backend: str


BACKENDS = ("respx", "loopback")
PLAIN_HTTP = ssl.create_default_context()  # shared: building one per httpx.Client costs ~30 ms (certificates)


@pytest.fixture(params=BACKENDS)
def make_hive(request: pytest.FixtureRequest) -> Iterator[Callable[..., Hive]]:
    """``make_hive(scenario_dict=None, timeout=1.0)`` starts a simulator on the parametrized backend."""
    with ExitStack() as stack:

        def make(scenario: dict[str, Any] | None = None, timeout: float = 1.0) -> Hive:
            sim = HiveSimulator(Scenario.from_dict(scenario or {}))
            backend = sim.respx_backend() if request.param == "respx" else sim.loopback_server()
            address = stack.enter_context(backend)
            client = stack.enter_context(httpx.Client(base_url=address.base_url, timeout=timeout, verify=PLAIN_HTTP))
            return Hive(sim, address, client, request.param)

        yield make
