"""Host limits: request timeout (futures and the synchronous stops), TrainingHandle table, body checks."""

from __future__ import annotations

import pytest

from conformance.hive import Fault, HiveSimulator, Scenario

from .conftest import SCENARIO
from .guest import Guest, configured_guest, manifest_code

SUCCESS, UNAVAILABLE = manifest_code("Success"), manifest_code("Unavailable")
FAILED, NOT_FOUND = manifest_code("HttpRequestFailed"), manifest_code("NotFound")


def test_request_timeout_fails_the_future_and_the_stop() -> None:
    sim = HiveSimulator(Scenario.from_dict(SCENARIO))
    with configured_guest(sim, loopback=True, request_timeout_seconds=0.2) as guest:
        training = guest.training_handle("connect_to_experiment")
        sim.set_fault("registry_snapshot", Fault(kind="hang"))
        future = guest.create("download_snapshot_from_registry")
        assert guest.wait("poll_future_vec_u8", future) == (FAILED, b"\xa5" * 8)
        sim.set_fault("stop", Fault(kind="hang", times=1))
        assert guest.call("stop_experiment", context=training) == FAILED
        assert guest.call("stop_experiment", context=training) == SUCCESS


def test_training_handle_table_is_bounded(sim: HiveSimulator) -> None:
    with configured_guest(sim, max_training_handles=1) as guest:
        first = guest.training_handle("connect_to_experiment")
        future = guest.create("connect_to_experiment")
        guest.wait("poll_future_training_handle", future)
        assert guest.take("take_future_training_handle", future, 8) == (UNAVAILABLE, b"\xa5" * 8)
        assert guest.inst.futures_count == 1
        assert guest.call("stop_training", context=first) == SUCCESS
        assert guest.take("take_future_training_handle", future, 8)[0] == SUCCESS


@pytest.mark.parametrize("kind", ["malformed", "truncated"])
def test_bad_config_body_fails_both_futures(guest: Guest, sim: HiveSimulator, kind: str) -> None:
    sim.set_fault("registry_config", Fault(kind=kind))
    ptr = guest.slot(16)
    assert guest.invoke("experiment_config_from_registry", out=ptr) == SUCCESS
    data = guest.slot_value(ptr, 16)
    ark, module = int.from_bytes(data[:8], "little"), int.from_bytes(data[8:], "little")
    assert guest.wait("poll_future_ark_experiment_config", ark) == (FAILED, b"\xa5")
    assert guest.wait("poll_future_vec_u8", module) == (FAILED, b"\xa5" * 8)
    assert guest.call("drop_future", handle=ark) == SUCCESS
    assert guest.call("drop_future", handle=module) == SUCCESS
    assert guest.call("drop_future", handle=module) == NOT_FOUND


def test_full_training_table_does_not_mask_a_failed_future(sim: HiveSimulator) -> None:
    with configured_guest(sim, max_training_handles=1) as guest:
        guest.training_handle("connect_to_experiment")
        future = guest.create("connect_to_experiment", run_id="no-such-run")
        guest.wait("poll_future_training_handle", future)
        assert guest.take("take_future_training_handle", future, 8) == (FAILED, b"\xa5" * 8)
