"""poll/take/drop rules: pending, consumed, dropped, wrong kind, foreign handles, the outstanding cap."""

from __future__ import annotations

import pytest

from conformance.hive import Fault, HiveSimulator
from reference_host import ReferenceHost

from .guest import Guest, configured_guest, manifest_code
from .thunk import thunk_guest

SUCCESS, INVALID, NOT_FOUND = manifest_code("Success"), manifest_code("InvalidArguments"), manifest_code("NotFound")
UNAVAILABLE = manifest_code("Unavailable")


@pytest.fixture
def held(guest: Guest, sim: HiveSimulator) -> Guest:
    """The guest, with every start request held by the hive until the test ends."""
    sim.set_fault("start", Fault(kind="hold"))
    return guest


def test_pending_poll_writes_not_ready(held: Guest, sim: HiveSimulator) -> None:
    future = held.create("start_training")
    sim.wait_for_held("start", timeout=5)
    assert held.poll("poll_future_training_handle", future) == (SUCCESS, b"\x00")


def test_pending_poll_vec_writes_zeroed_pollvec(held: Guest, sim: HiveSimulator) -> None:
    sim.set_fault("registry_snapshot", Fault(kind="hold"))
    future = held.create("download_snapshot_from_registry")
    sim.wait_for_held("registry_snapshot", timeout=5)
    assert held.poll("poll_future_vec_u8", future) == (SUCCESS, bytes(8))


def test_pending_take_is_unavailable_and_keeps_the_handle(held: Guest, sim: HiveSimulator) -> None:
    future = held.create("start_training")
    sim.wait_for_held("start", timeout=5)
    assert held.take("take_future_training_handle", future, 8) == (UNAVAILABLE, b"\xa5" * 8)
    assert held.inst.futures_count == 1
    sim.release("start")
    assert held.wait("poll_future_training_handle", future) == (SUCCESS, b"\x01")
    assert held.take("take_future_training_handle", future, 8)[0] == SUCCESS


def test_take_consumes(guest: Guest) -> None:
    future = guest.create("connect_to_experiment")
    guest.wait("poll_future_training_handle", future)
    assert guest.take("take_future_training_handle", future, 8)[0] == SUCCESS
    assert guest.take("take_future_training_handle", future, 8) == (NOT_FOUND, b"\xa5" * 8)
    assert guest.poll("poll_future_training_handle", future) == (NOT_FOUND, b"\xa5")
    assert guest.call("drop_future", handle=future) == NOT_FOUND


def test_drop_invalidates_and_frees(held: Guest) -> None:
    future = held.create("start_training")
    assert held.inst.futures_count == 1
    assert held.call("drop_future", handle=future) == SUCCESS
    assert held.inst.futures_count == 0
    assert held.poll("poll_future_training_handle", future) == (NOT_FOUND, b"\xa5")
    assert held.take("take_future_training_handle", future, 8)[0] == NOT_FOUND
    assert held.call("drop_future", handle=future) == NOT_FOUND


@pytest.mark.parametrize("handle", [0, 1, 0x7FFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFF])
def test_unknown_handles_are_not_found(guest: Guest, handle: int) -> None:
    for name in ("poll_future_training_handle", "poll_future_ark_experiment_config", "poll_future_vec_u8"):
        code, out = guest.poll(name, handle)
        assert code == NOT_FOUND and set(out) == {0xA5}
    for name in ("take_future_training_handle", "take_future_ark_experiment_config"):
        assert guest.take(name, handle, 8) == (NOT_FOUND, b"\xa5" * 8)
    assert guest.take("take_future_vec_u8", handle, 4, data_len=4) == (NOT_FOUND, b"\xa5" * 4)
    assert guest.call("drop_future", handle=handle) == NOT_FOUND


def test_wrong_kind_is_invalid_and_not_consumed(guest: Guest) -> None:
    future = guest.create("connect_to_experiment")
    guest.wait("poll_future_training_handle", future)
    assert guest.poll("poll_future_vec_u8", future) == (INVALID, b"\xa5" * 8)
    assert guest.poll("poll_future_ark_experiment_config", future) == (INVALID, b"\xa5")
    assert guest.take("take_future_ark_experiment_config", future, 8) == (INVALID, b"\xa5" * 8)
    assert guest.take("take_future_vec_u8", future, 4, data_len=4) == (INVALID, b"\xa5" * 4)
    assert guest.take("take_future_training_handle", future, 8)[0] == SUCCESS


def test_take_vec_with_wrong_length_is_invalid_and_not_consumed(guest: Guest) -> None:
    future = guest.create("download_snapshot_from_registry")
    guest.wait("poll_future_vec_u8", future)
    for wrong in (4, 6):
        assert guest.take("take_future_vec_u8", future, wrong, data_len=wrong) == (INVALID, b"\xa5" * wrong)
    assert guest.take("take_future_vec_u8", future, 5, data_len=5) == (SUCCESS, bytes(range(5)))


def test_another_instances_handle_is_not_found(host: ReferenceHost, guest: Guest) -> None:
    future = guest.create("connect_to_experiment")
    guest.wait("poll_future_training_handle", future)
    with host.instantiate(thunk_guest()) as other_inst:
        other = Guest(other_inst, guest.hive_host, guest.hive_port)
        assert other.poll("poll_future_training_handle", future) == (NOT_FOUND, b"\xa5")
        assert other.call("drop_future", handle=future) == NOT_FOUND
    assert guest.take("take_future_training_handle", future, 8)[0] == SUCCESS


def test_handles_are_unique_across_instances(host: ReferenceHost, guest: Guest) -> None:
    with host.instantiate(thunk_guest()) as other_inst:
        other = Guest(other_inst, guest.hive_host, guest.hive_port)
        handles = [g.create("connect_to_experiment") for g in (guest, other, guest, other)]
    assert len(set(handles)) == 4 and min(handles) >= 1


def test_outstanding_cap_is_unavailable_with_no_request(sim: HiveSimulator) -> None:
    sim.set_fault("connect", Fault(kind="hold"))
    with configured_guest(sim, max_outstanding_futures=3) as guest:
        first = [guest.create("connect_to_experiment") for _ in range(3)]
        sim.wait_for_requests("connect", n=3, timeout=5)
        ptr = guest.slot(16)
        assert guest.invoke("connect_to_experiment", out=ptr) == UNAVAILABLE
        assert guest.invoke("experiment_config_from_registry", out=ptr) == UNAVAILABLE
        assert guest.slot_value(ptr, 16) == b"\xa5" * 16
        assert len(sim.requests) == 3
        assert guest.call("drop_future", handle=first[0]) == SUCCESS
        guest.create("connect_to_experiment")
        sim.release("connect")


def test_experiment_config_needs_two_free_slots(sim: HiveSimulator) -> None:
    with configured_guest(sim, max_outstanding_futures=2) as guest:
        guest.create("download_snapshot_from_registry")
        ptr = guest.slot(16)
        assert guest.invoke("experiment_config_from_registry", out=ptr) == UNAVAILABLE
        assert guest.slot_value(ptr, 16) == b"\xa5" * 16
        assert sim.requests_for("registry_config") == []
