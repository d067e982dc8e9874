"""The seams are fine-grained: each mutant below is a few lines, and a probe tells it from the reference.

This proves both that mutants can be built by subclassing (as the mutant gallery does) and that the
checks used in this directory catch the fault each mutant injects.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conformance.hive import Fault, HiveSimulator, Scenario
from reference_host import FutureState, FutureTable, GuestMemory, HostConfig, MlImports, ReferenceHost
from reference_host._abi import AbiError, encode

from .conftest import SCENARIO
from .guest import Guest, manifest_code
from .thunk import thunk_guest


class SignedArgs(MlImports):
    def mask_u32(self, value: int) -> int:
        return value


class WrappingBounds(GuestMemory):
    def check_range(self, ptr: int, length: int) -> None:
        if (ptr + length) & 0xFFFF_FFFF > self.size():  # the end wraps around, as in u32 arithmetic
            raise AbiError("InvalidArguments", "out of bounds")


class WideWrites(GuestMemory):
    def write_out(self, ptr: int, type_name: str, values: Any) -> None:
        self.write(ptr, encode(type_name, values).ljust(8, b"\0"))


class TakeConsumesPending(FutureTable):
    def take_future(self, handle: int, kind: str, check: Any = None) -> Any:
        if self.lookup(handle, kind).state()[0] is FutureState.PENDING:
            self._remove(handle)
        return super().take_future(handle, kind, check)


class NoCap(FutureTable):
    def reserve(self, count: int) -> None:
        return None


class StopKeepsHandle(MlImports):
    def stop_experiment(self, context: int) -> str:
        self.sync_request(self.hive.stop, self.trainings.lookup(context))
        return "Success"


class FailedIsPending(FutureTable):
    def poll_future(self, handle: int, kind: str) -> tuple[FutureState, Any]:
        try:
            return super().poll_future(handle, kind)
        except AbiError:
            return FutureState.PENDING, None


def probe_unsigned(g: Guest, sim: HiveSimulator) -> bool:
    g.create("start_training", num_features=0xFFFF_FFFF)
    return sim.wait_for_requests("start", timeout=5)[0].json["num_features"] == 0xFFFF_FFFF


def probe_wraparound(g: Guest, sim: HiveSimulator) -> bool:
    return g.call("set_worker_module_link", cid_ptr=0xFFFF_FFF0, cid_len=32) == manifest_code("InvalidArguments")


def probe_exact_size(g: Guest, sim: HiveSimulator) -> bool:
    future = g.create("connect_to_experiment")
    try:
        g.wait("poll_future_training_handle", future)
    except AssertionError:
        return False
    return True


def probe_pending_take(g: Guest, sim: HiveSimulator) -> bool:
    sim.set_fault("connect", Fault(kind="hold"))
    future = g.create("connect_to_experiment")
    sim.wait_for_held("connect", timeout=5)
    g.take("take_future_training_handle", future, 8)
    return g.inst.futures_count == 1


def probe_cap(g: Guest, sim: HiveSimulator) -> bool:
    sim.set_fault("connect", Fault(kind="hold"))
    codes = [g.invoke("connect_to_experiment") for _ in range(3)]
    return codes[-1] == manifest_code("Unavailable")


def probe_stop_invalidates(g: Guest, sim: HiveSimulator) -> bool:
    training = g.training_handle("connect_to_experiment")
    g.call("stop_experiment", context=training)
    return g.call("stop_experiment", context=training) == manifest_code("NotFound")


def probe_failed_poll(g: Guest, sim: HiveSimulator) -> bool:
    sim.set_fault("connect", Fault(kind="status", status=404))
    future = g.create("connect_to_experiment")
    try:
        code, _ = g.wait("poll_future_training_handle", future, timeout=0.5)
    except TimeoutError:
        return False
    return code == manifest_code("HttpRequestFailed")


CASES: list[tuple[str, dict[str, type], Callable[[Guest, HiveSimulator], bool]]] = [
    ("signed-u32", {"imports_class": SignedArgs}, probe_unsigned),
    ("bounds-wrap", {"memory_class": WrappingBounds}, probe_wraparound),
    ("wide-writes", {"memory_class": WideWrites}, probe_exact_size),
    ("take-consumes-pending", {"table_class": TakeConsumesPending}, probe_pending_take),
    ("no-cap", {"table_class": NoCap}, probe_cap),
    ("stop-keeps-handle", {"imports_class": StopKeepsHandle}, probe_stop_invalidates),
    ("failed-is-pending", {"table_class": FailedIsPending}, probe_failed_poll),
]


def run_probe(probe: Callable[[Guest, HiveSimulator], bool], **seams: type) -> bool:
    sim = HiveSimulator(Scenario.from_dict(SCENARIO))
    config = HostConfig(max_outstanding_futures=2, request_timeout_seconds=2.0)
    with ReferenceHost(config, **seams) as host, sim.respx_backend() as address, host.instantiate(thunk_guest()) as i:
        return probe(Guest(i, address.host, address.port), sim)


@pytest.mark.parametrize(("seams", "probe"), [(s, p) for _, s, p in CASES], ids=[c[0] for c in CASES])
def test_probe_passes_the_reference_and_catches_the_mutant(seams: dict[str, type], probe: Callable) -> None:
    assert run_probe(probe) is True
    assert run_probe(probe, **seams) is False
