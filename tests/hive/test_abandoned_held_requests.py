"""A held request whose client hangs up is counted as abandoned (how the runner sees a host cancel work)."""

from __future__ import annotations

import socket

import pytest

from conformance.hive import HiveSimulator, Scenario
from tests.hive.conftest import RAW_CONFIG_REQUEST, RUN_1


def _held_config_sim() -> HiveSimulator:
    return HiveSimulator(Scenario.from_dict({"runs": [RUN_1], "faults": {"config": {"kind": "hold"}}}))


def test_client_hanging_up_on_a_held_request_is_abandoned():
    sim = _held_config_sim()
    with sim.loopback_server() as address:
        clients = [socket.create_connection((address.host, address.port)) for _ in range(2)]
        for client in clients:
            client.sendall(RAW_CONFIG_REQUEST)
        sim.wait_for_held("config", 2, timeout=5.0)
        clients[0].close()
        assert sim.wait_for_abandoned("config", 1, timeout=5.0) == 1
        assert sim.release("config") == 1  # the other one is still held, and answered now
        assert clients[1].recv(12) == b"HTTP/1.0 200"
        clients[1].close()
    assert sim.abandoned("config") == 1


def test_a_client_that_stays_is_not_abandoned():
    sim = _held_config_sim()
    with sim.loopback_server() as address:
        client = socket.create_connection((address.host, address.port))
        client.sendall(RAW_CONFIG_REQUEST)
        sim.wait_for_held("config", timeout=5.0)
        with pytest.raises(TimeoutError, match="abandoned"):
            sim.wait_for_abandoned("config", 1, timeout=0.2)
        client.close()
    assert sim.abandoned("config") <= 1
