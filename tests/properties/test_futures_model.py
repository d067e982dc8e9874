"""The futures model: which codes a conforming host may return, and which host answers break a clause."""

from __future__ import annotations

import pytest

from conformance.fuzz.model import HostModel, ModelViolation
from conformance.manifest import load_manifest

from ._helpers import code, image, imp

OUT = 4096
HIVE = image((0, b"hive.test"), (64, b"run-1"), (128, b"{}"))
CONNECT = (0, 9, 8080, 64, 5, OUT)


def u64(value: int) -> bytes:
    return value.to_bytes(8, "little")


def connected(model: HostModel, instance: int, handle: int) -> None:
    """Drive the model through a connect that wrote ``handle``."""
    connect = imp("connect_to_experiment")
    assert model.expect(instance, connect, CONNECT, HIVE).allowed == {code("Success")}
    model.observe(instance, connect, CONNECT, HIVE, code("Success"), u64(handle))


def allowed(model, instance, name, args):
    return model.expect(instance, imp(name), tuple(args), HIVE).allowed


def test_take_before_ready_may_be_unavailable_and_keeps_the_handle():
    model = HostModel(outcome=lambda *_: "ok")
    connected(model, 0, 5)
    assert allowed(model, 0, "take_future_training_handle", [5, OUT]) == {code("Unavailable"), code("Success")}
    model.observe(0, imp("take_future_training_handle"), (5, OUT), HIVE, code("Unavailable"), b"")
    assert 5 in model.instances[0].futures


def test_poll_ready_then_take_must_succeed_and_consumes():
    model = HostModel(outcome=lambda *_: "ok")
    connected(model, 0, 5)
    model.observe(0, imp("poll_future_training_handle"), (5, OUT), HIVE, code("Success"), b"\x01")
    assert allowed(model, 0, "take_future_training_handle", [5, OUT]) == {code("Success")}
    model.observe(0, imp("take_future_training_handle"), (5, OUT), HIVE, code("Success"), u64(6))
    assert allowed(model, 0, "take_future_training_handle", [5, OUT]) == {code("NotFound")}
    assert allowed(model, 0, "poll_future_training_handle", [5, OUT]) == {code("NotFound")}
    assert allowed(model, 0, "stop_experiment", [6]) == {code("Success"), code("HttpRequestFailed")}


def test_handles_of_another_instance_are_not_found():
    model = HostModel()
    connected(model, 0, 5)
    assert allowed(model, 1, "poll_future_training_handle", [5, OUT]) == {code("NotFound")}
    assert allowed(model, 1, "drop_future", [5]) == {code("NotFound")}


def test_a_handle_reused_while_live_breaks_the_model_even_across_instances():
    model = HostModel()
    connected(model, 0, 5)
    with pytest.raises(ModelViolation, match="reused while live"):
        connected(model, 1, 5)
    with pytest.raises(ModelViolation, match="handle 0"):
        connected(model, 1, 0)


def test_experiment_config_creates_two_distinct_futures_of_the_documented_kinds():
    model = HostModel(outcome=lambda *_: "ok")
    model.instances[0].trainings[9] = "run-1"
    cfg = imp("experiment_config")
    model.observe(0, cfg, (9, OUT), HIVE, code("Success"), u64(10) + u64(11))
    kinds = {h: f.kind for h, f in model.instances[0].futures.items()}
    assert kinds == {10: "ark_experiment_config", 11: "vec_u8"}
    with pytest.raises(ModelViolation, match="written twice"):
        model.observe(0, cfg, (9, OUT), HIVE, code("Success"), u64(12) + u64(12))


def test_poll_bytes_are_checked():
    model = HostModel()
    connected(model, 0, 5)
    poll = imp("poll_future_training_handle")
    with pytest.raises(ModelViolation, match="not a bool"):
        model.observe(0, poll, (5, OUT), HIVE, code("Success"), b"\x02")
    model.observe(0, poll, (5, OUT), HIVE, code("Success"), b"\x01")
    with pytest.raises(ModelViolation, match="back to pending"):
        model.observe(0, poll, (5, OUT), HIVE, code("Success"), b"\x00")


def test_failed_futures_fail_every_time_and_take_consumes_them():
    model = HostModel(outcome=lambda *_: "fail")
    connected(model, 0, 5)
    assert code("HttpRequestFailed") in allowed(model, 0, "poll_future_training_handle", [5, OUT])
    model.observe(0, imp("poll_future_training_handle"), (5, OUT), HIVE, code("HttpRequestFailed"), b"")
    assert allowed(model, 0, "poll_future_training_handle", [5, OUT]) == {code("HttpRequestFailed")}
    model.observe(0, imp("take_future_training_handle"), (5, OUT), HIVE, code("HttpRequestFailed"), b"")
    assert allowed(model, 0, "take_future_training_handle", [5, OUT]) == {code("NotFound")}


def test_outstanding_cap_gives_unavailable_and_drop_frees_a_slot():
    model = HostModel()
    cap = load_manifest().limits.max_outstanding_futures
    for h in range(1, cap + 1):
        connected(model, 0, h)
    assert allowed(model, 0, "connect_to_experiment", CONNECT) == {code("Unavailable")}
    assert allowed(model, 1, "connect_to_experiment", CONNECT) == {code("Success")}  # the cap is per instance
    model.observe(0, imp("drop_future"), (3,), HIVE, code("Success"), b"")
    assert allowed(model, 0, "drop_future", [3]) == {code("NotFound")}
    connected(model, 0, cap + 1)


def test_worker_link_is_remembered_and_cleared():
    model = HostModel()
    link = imp("set_worker_module_link")
    model.observe(0, link, (64, 5), HIVE, code("Success"), b"")
    assert model.instances[0].link and not model.instances[1].link
    model.observe(0, link, (64, 0), HIVE, code("Success"), b"")
    assert not model.instances[0].link


def test_check_order_bad_pointer_before_unknown_handle():
    model = HostModel()
    mem = len(HIVE)
    assert allowed(model, 0, "poll_future_training_handle", [12345, mem]) == {code("InvalidArguments")}
    assert allowed(model, 0, "poll_future_training_handle", [12345, OUT]) == {code("NotFound")}
