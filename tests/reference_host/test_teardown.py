"""Bounded resources: a fixed pool per instance, no table growth, close() cancels and returns at once."""

from __future__ import annotations

import gc
import threading
import weakref

from conformance.hive import Fault, HiveSimulator
from reference_host import HostConfig, ReferenceHost

from .guest import Guest, manifest_code
from .thunk import thunk_guest

SUCCESS = manifest_code("Success")


def test_thousand_futures_started_and_dropped(sim: HiveSimulator) -> None:
    config = HostConfig(max_workers=4)
    with ReferenceHost(config) as host, sim.respx_backend() as address:
        baseline = set(threading.enumerate())
        inst = host.instantiate(thunk_guest())
        guest = Guest(inst, address.host, address.port)
        args = guest.args("connect_to_experiment")
        peak = 0
        for _ in range(1000):
            assert guest.call("connect_to_experiment", **args) == SUCCESS
            handle = int.from_bytes(inst.read_memory(args["__ark_ffi_output"], 8), "little")
            assert guest.call("drop_future", handle=handle) == SUCCESS
            peak = max(peak, len(set(threading.enumerate()) - baseline))
        assert inst.futures_count == 0
        assert peak <= config.max_workers
        workers = [t for t in threading.enumerate() if t.name.startswith("ark-hive")]
        inst.close()
        for t in workers:
            t.join(timeout=5)
        assert set(threading.enumerate()) - baseline == set()


def test_close_returns_while_a_request_hangs_on_loopback(host: ReferenceHost) -> None:
    sim = HiveSimulator()
    sim.set_fault("start", Fault(kind="hang"))
    with sim.loopback_server() as address:
        inst = host.instantiate(thunk_guest())
        guest = Guest(inst, address.host, address.port)
        future = guest.create("start_training")
        sim.wait_for_requests("start", timeout=5)
        assert inst.hive_requests_in_flight == 1
        assert guest.poll("poll_future_training_handle", future) == (SUCCESS, b"\x00")
        workers = [t for t in threading.enumerate() if t.name.startswith("ark-hive")]
        inst.close()  # must not wait for the hung request (its timeout is 2 s)
        assert inst.futures_count == 0
        for t in workers:
            t.join(timeout=1.0)
        assert not any(t.is_alive() for t in workers), "closing did not interrupt the hung request"
        assert inst.hive_requests_in_flight == 0


def test_a_closed_and_dropped_instance_is_freed(host: ReferenceHost) -> None:
    """The Store holds the import callbacks from the Rust side; they must not keep the instance (and its
    module's memory image, an open memfd) alive once the embedder lets go of it."""
    inst = host.instantiate(thunk_guest())
    gone = weakref.ref(inst)
    inst.close()
    del inst
    gc.collect()
    assert gone() is None
