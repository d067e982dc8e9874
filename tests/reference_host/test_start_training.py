"""start_training / start_training_from_checkpoint: the handle written, the request sent, argument rules."""

from __future__ import annotations

import pytest

from conformance.hive import Fault, HiveSimulator

from .guest import Guest, manifest_code

SUCCESS, INVALID, FAILED = (
    manifest_code("Success"),
    manifest_code("InvalidArguments"),
    manifest_code("HttpRequestFailed"),
)
STARTS = ["start_training", "start_training_from_checkpoint"]


@pytest.mark.parametrize("name", STARTS)
def test_success_writes_handle_and_sends_exact_request(guest: Guest, sim: HiveSimulator, name: str) -> None:
    future = guest.create(name, game_name="pong", experiment_name="exp-1", num_features=5, num_actions=3)
    assert future > 0
    code, ready = guest.wait("poll_future_training_handle", future)
    assert (code, ready) == (SUCCESS, b"\x01")
    (request,) = sim.requests
    assert (request.route, request.method, request.path) == ("start", "POST", "/api/v1/experiments")
    assert request.json == {
        "game_name": "pong",
        "experiment_name": "exp-1",
        "num_features": 5,
        "num_actions": 3,
        "num_remote_workers": 0,
        "config": '{"lr": 0.5}',
        "checkpoint": None,
        "worker_module_cid": None,
    }


def test_checkpoint_is_sent_verbatim(guest: Guest, sim: HiveSimulator) -> None:
    guest.training_handle("start_training_from_checkpoint", checkpoint="ckpt/42")
    assert sim.requests_for("start")[0].json["checkpoint"] == "ckpt/42"


def test_config_is_sent_unmodified(guest: Guest, sim: HiveSimulator) -> None:
    config = '{ "b" : 1,  "a": [1.50, "é"] }'
    guest.training_handle(config=config)
    assert sim.requests_for("start")[0].json["config"] == config


def test_u32_arguments_are_unsigned(guest: Guest, sim: HiveSimulator) -> None:
    guest.training_handle(num_features=0xFFFF_FFFF, num_actions=0x8000_0000)
    body = sim.requests_for("start")[0].json
    assert (body["num_features"], body["num_actions"]) == (0xFFFF_FFFF, 0x8000_0000)


def test_future_resolves_to_a_training_handle_of_the_new_run(guest: Guest, sim: HiveSimulator) -> None:
    training = guest.training_handle()
    assert training > 0
    ptr = guest.slot(16)
    assert guest.call("experiment_config", context=training, __ark_ffi_output=ptr) == SUCCESS
    (started,) = [r for r in sim.run_ids if r not in ("run-1", "old run/2")]
    guest.wait("poll_future_ark_experiment_config", int.from_bytes(guest.slot_value(ptr, 16)[:8], "little"))
    assert sim.requests_for("config")[0].run_id == started


@pytest.mark.parametrize("name", STARTS)
@pytest.mark.parametrize(
    "overrides",
    [
        {"hive_url": ""},
        {"hive_port": 0},
        {"hive_port": 65536},
        {"hive_port": 0xFFFF_FFFF},
        {"hive_url": "hive.test/path"},
        {"game_name": b"\xff\xfe"},
        {"experiment_name": b"ok\xc3"},
        {"config": ""},
        {"config": "{not json"},
        {"config": "NaN"},
        {"config": b'"\xed\xa0\x80"'},
        {"num_remote_workers": 1},
    ],
    ids=repr,
)
def test_invalid_arguments_write_nothing_and_send_nothing(
    guest: Guest, sim: HiveSimulator, name: str, overrides: dict
) -> None:
    args = guest.args(name, out=guest.slot(8), **overrides)
    before = guest.snapshot()
    assert guest.call(name, **args) == INVALID
    assert guest.snapshot() == before
    assert sim.requests == []
    assert guest.inst.futures_count == 0


def test_invalid_checkpoint_string(guest: Guest, sim: HiveSimulator) -> None:
    args = guest.args("start_training_from_checkpoint", checkpoint=b"\x80")
    before = guest.snapshot()
    assert guest.call("start_training_from_checkpoint", **args) == INVALID
    assert guest.snapshot() == before
    assert sim.requests == []


@pytest.mark.parametrize(
    "fault", [{"kind": "status", "status": 503}, {"kind": "malformed"}, {"kind": "truncated"}, {"kind": "refused"}]
)
def test_hive_failure_fails_the_future(guest: Guest, sim: HiveSimulator, fault: dict) -> None:
    sim.set_fault("start", Fault.from_dict(fault))
    future = guest.create("start_training")
    assert guest.wait("poll_future_training_handle", future) == (FAILED, b"\xa5")
    assert guest.poll("poll_future_training_handle", future)[0] == FAILED  # every time
    assert guest.take("take_future_training_handle", future, 8) == (FAILED, b"\xa5" * 8)
    assert guest.take("take_future_training_handle", future, 8)[0] == manifest_code("NotFound")


@pytest.mark.parametrize("port", [1, 80, 65535])
def test_any_port_in_range_is_accepted(guest: Guest, sim: HiveSimulator, port: int) -> None:
    assert guest.invoke("start_training", hive_url="127.0.0.1", hive_port=port) == SUCCESS
