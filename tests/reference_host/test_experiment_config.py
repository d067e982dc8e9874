"""experiment_config / experiment_config_from_registry / download_snapshot_from_registry and their futures."""

from __future__ import annotations

import pytest

from conformance.hive import Fault, HiveSimulator

from .guest import Guest, configured_guest, manifest_code

SUCCESS, INVALID = manifest_code("Success"), manifest_code("InvalidArguments")
NOT_FOUND, FAILED = manifest_code("NotFound"), manifest_code("HttpRequestFailed")


def config_futures(guest: Guest, name: str, **kwargs: object) -> tuple[int, int]:
    ptr = guest.slot(16)
    code = (
        guest.call(name, **kwargs, __ark_ffi_output=ptr)
        if "context" in kwargs
        else guest.invoke(name, out=ptr, **kwargs)
    )
    assert code == SUCCESS
    data = guest.slot_value(ptr, 16)
    return int.from_bytes(data[:8], "little"), int.from_bytes(data[8:], "little")


def read_both(guest: Guest, ark: int, module: int, config: bytes) -> bytes:
    assert guest.wait("poll_future_ark_experiment_config", ark) == (SUCCESS, b"\x01")
    code, poll_vec = guest.wait("poll_future_vec_u8", module)
    assert (code, poll_vec) == (SUCCESS, b"\x01\x00\x00\x00" + len(config).to_bytes(4, "little"))
    code, ark_bytes = guest.take("take_future_ark_experiment_config", ark, 8)
    assert code == SUCCESS
    assert guest.take("take_future_vec_u8", module, len(config), data_len=len(config)) == (SUCCESS, config)
    return ark_bytes


def test_experiment_config_two_futures_from_one_get(guest: Guest, sim: HiveSimulator) -> None:
    training = guest.training_handle("connect_to_experiment")
    ark, module = config_futures(guest, "experiment_config", context=training)
    assert ark != module and 0 not in (ark, module)
    ark_bytes = read_both(guest, ark, module, b'{"lr": 0.5}')
    assert ark_bytes == (4).to_bytes(4, "little") + (2).to_bytes(4, "little")
    (get,) = sim.requests_for("config")
    assert (get.method, get.path) == ("GET", "/api/v1/runs/run-1/config")
    assert guest.inst.futures_count == 0


def test_experiment_config_unknown_handle(guest: Guest, sim: HiveSimulator) -> None:
    ptr = guest.slot(16)
    for context in (0, 12345678, 0xFFFF_FFFF_FFFF_FFFF):
        assert guest.call("experiment_config", context=context, __ark_ffi_output=ptr) == NOT_FOUND
    assert guest.slot_value(ptr, 16) == b"\xa5" * 16
    assert sim.requests == []


def test_experiment_config_short_out_pointer(guest: Guest, sim: HiveSimulator) -> None:
    training = guest.training_handle("connect_to_experiment")
    end = guest.inst.memory_size
    guest.inst.write_memory(end - 15, b"\xa5" * 15)
    assert guest.call("experiment_config", context=training, __ark_ffi_output=end - 15) == INVALID
    assert guest.inst.read_memory(end - 15, 15) == b"\xa5" * 15
    assert guest.inst.futures_count == 0
    assert sim.requests_for("config") == []


def test_experiment_config_failure_fails_both(guest: Guest, sim: HiveSimulator) -> None:
    training = guest.training_handle("connect_to_experiment")
    sim.set_fault("config", Fault(kind="status", status=500))
    ark, module = config_futures(guest, "experiment_config", context=training)
    assert guest.wait("poll_future_ark_experiment_config", ark)[0] == FAILED
    assert guest.wait("poll_future_vec_u8", module) == (FAILED, b"\xa5" * 8)
    assert guest.take("take_future_vec_u8", module, 4, data_len=4) == (FAILED, b"\xa5" * 4)


def test_registry_config_of_a_stopped_run_percent_encoded(guest: Guest, sim: HiveSimulator) -> None:
    ark, module = config_futures(guest, "experiment_config_from_registry", run_id="old run/2")
    ark_bytes = read_both(guest, ark, module, b"{}")
    assert ark_bytes == (7).to_bytes(4, "little") + (3).to_bytes(4, "little")
    (get,) = sim.requests
    assert (get.route, get.method, get.path) == ("registry_config", "GET", "/api/v1/registry/runs/old%20run%2F2/config")


def test_registry_config_unknown_run_fails(guest: Guest, sim: HiveSimulator) -> None:
    ark, _ = config_futures(guest, "experiment_config_from_registry", run_id="nope")
    assert guest.wait("poll_future_ark_experiment_config", ark)[0] == FAILED
    assert guest.take("take_future_ark_experiment_config", ark, 8) == (FAILED, b"\xa5" * 8)
    assert guest.take("take_future_ark_experiment_config", ark, 8)[0] == NOT_FOUND


def test_snapshot_download(guest: Guest, sim: HiveSimulator) -> None:
    future = guest.create("download_snapshot_from_registry")
    assert guest.wait("poll_future_vec_u8", future) == (SUCCESS, b"\x01\x00\x00\x00\x05\x00\x00\x00")
    assert guest.take("take_future_vec_u8", future, 5, data_len=5) == (SUCCESS, b"\x00\x01\x02\x03\x04")
    (get,) = sim.requests
    assert (get.route, get.path) == ("registry_snapshot", "/api/v1/registry/runs/run-1/snapshot")


def test_snapshot_missing_fails(guest: Guest) -> None:
    future = guest.create("download_snapshot_from_registry", run_id="old run/2")
    assert guest.wait("poll_future_vec_u8", future)[0] == FAILED


def test_snapshot_above_download_cap_fails(sim: HiveSimulator) -> None:
    with configured_guest(sim, max_download_bytes=4) as guest:
        future = guest.create("download_snapshot_from_registry")
        assert guest.wait("poll_future_vec_u8", future)[0] == FAILED


def test_snapshot_at_download_cap_succeeds(sim: HiveSimulator) -> None:
    with configured_guest(sim, max_download_bytes=5) as guest:
        future = guest.create("download_snapshot_from_registry")
        assert guest.wait("poll_future_vec_u8", future)[0] == SUCCESS


@pytest.mark.parametrize(
    "name", ["experiment_config_from_registry", "download_snapshot_from_registry", "connect_to_experiment"]
)
@pytest.mark.parametrize(
    "overrides",
    [{"run_id": ""}, {"run_id": b"\xc0\xaf"}, {"hive_url": ""}, {"hive_port": 0}, {"hive_port": 70000}],
    ids=repr,
)
def test_registry_and_connect_invalid_arguments(guest: Guest, sim: HiveSimulator, name: str, overrides: dict) -> None:
    args = guest.args(name, out=guest.slot(16), **overrides)
    before = guest.snapshot()
    assert guest.call(name, **args) == INVALID
    assert guest.snapshot() == before
    assert sim.requests == []
