"""Stopping a backend never blocks on requests that wait in hold, latency or hang; closed_address refuses."""

from __future__ import annotations

import socket
import threading

import httpx
import pytest

from conformance.hive import HiveSimulator, Scenario, closed_address
from tests.hive.conftest import PLAIN_HTTP, RUN_1

# what the waiting client sees when the backend stops under it
ABORTED_ERROR = {"respx": httpx.ReadError, "loopback": httpx.RemoteProtocolError}


def _backend(sim: HiveSimulator, name: str):
    return sim.respx_backend() if name == "respx" else sim.loopback_server()


WAITING_FAULTS = [{"kind": "hold"}, {"kind": "latency", "seconds": 30}, {"kind": "hang", "seconds": 30}]


@pytest.mark.parametrize("backend", ["respx", "loopback"])
@pytest.mark.parametrize("fault", WAITING_FAULTS, ids=[f["kind"] for f in WAITING_FAULTS])
def test_stopping_the_backend_ends_waiting_requests(backend, fault):
    sim = HiveSimulator(Scenario.from_dict({"runs": [RUN_1], "faults": {"config": fault}}))
    errors: list[BaseException] = []

    def call(address) -> None:
        try:
            httpx.get(address.url("/api/v1/runs/run-1/config"), timeout=5.0, verify=PLAIN_HTTP)
        except httpx.HTTPError as exc:
            errors.append(exc)

    with _backend(sim, backend) as address:
        worker = threading.Thread(target=call, args=(address,))
        worker.start()
        sim.wait_for_requests("config")
    worker.join(2.0)
    assert not worker.is_alive()
    expected = httpx.ReadTimeout if (backend, fault["kind"]) == ("respx", "hang") else ABORTED_ERROR[backend]
    assert [type(e) for e in errors] == [expected]
    assert sim.run("run-1").status == "running"


def test_a_client_that_gives_up_on_a_hang_can_go_on():
    sim = HiveSimulator(Scenario.from_dict({"runs": [RUN_1], "faults": {"config": {"kind": "hang"}}}))
    with sim.loopback_server() as address:
        with pytest.raises(httpx.ReadTimeout):
            httpx.get(address.url("/api/v1/runs/run-1/config"), timeout=0.05, verify=PLAIN_HTTP)
        assert _request_threads_end()
        sim.set_fault("config", None)
        assert httpx.get(address.url("/api/v1/runs/run-1/config"), verify=PLAIN_HTTP).status_code == 200


def test_closed_address_refuses_connections():
    with closed_address() as address, pytest.raises(httpx.ConnectError):
        httpx.get(address.url("/api/v1/experiments"), timeout=1.0, verify=PLAIN_HTTP)


def test_closed_address_keeps_its_port_until_the_block_ends():
    """No other socket can take the port while the block runs (the race of binding, then closing)."""
    with closed_address() as address, socket.socket() as other, pytest.raises(OSError):
        other.bind((address.host, address.port))


def test_loopback_binds_127_0_0_1_on_an_ephemeral_port():
    with HiveSimulator().loopback_server() as address:
        assert address.host == "127.0.0.1"
        assert address.port > 0
        assert address.base_url == f"http://127.0.0.1:{address.port}"


def _request_threads_end() -> bool:
    """True once the loopback server has no request thread left (the hang noticed the client hung up)."""
    done = threading.Event()
    for _ in range(100):
        if not any(t.name == "hive-sim-request" for t in threading.enumerate()):
            return True
        done.wait(0.01)
    return False
