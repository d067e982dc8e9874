"""Subprocess protocol v2 through the adapter: lossless integers, signatures with `instantiate`, the
settings exchange, limits in `hello`, versions, and every request valid against its schema."""

from __future__ import annotations

import base64
import json
import shlex
import sys

import jsonschema
import pytest

from conformance.adapters import HostTimeout, ProtocolViolation, open_adapter
from conformance.adapters.subprocess import SubprocessAdapter
from conformance.runner import Outcome, load_fixture, run_case
from conformance.wasm import compile_wat
from tests.runner.helpers import DATA, ROOT

from ._gallery import HOST

SCHEMAS = ROOT / "conformance" / "schemas"
VALUES_WAT = """(module
  (memory (export "memory") 1)
  (func (export "id64") (param i64) (result i64) local.get 0)
  (func (export "pair") (param i32 i64) (result i64 i32) local.get 1 local.get 0)
  (func (export "spin") (loop (br 0))))"""
EXTREMES = [0, 1, -1, (1 << 53) + 1, (1 << 63) - 1, -(1 << 63), -(1 << 53) - 1]


def _misbehaving(mode: str) -> str:
    return shlex.join([sys.executable, str(HOST), mode])


def _serve(*extra: str) -> str:
    return shlex.join([sys.executable, "-m", "reference_host.serve", *extra])


@pytest.fixture(scope="module")
def values_wasm() -> bytes:
    return compile_wat(VALUES_WAT)


def test_i64_values_round_trip_exactly(values_wasm):
    with SubprocessAdapter(_serve(), spec="test") as adapter, adapter.instantiate(values_wasm) as inst:
        assert [inst.call("id64", v)[0] for v in EXTREMES] == EXTREMES
        assert inst.call("id64", (1 << 64) - 1) == [-1]  # unsigned in, the same 64 bits out
        assert inst.call("pair", -7, (1 << 62) + 3) == [(1 << 62) + 3, -7]


def test_requests_are_valid_and_i64_travels_as_a_decimal_string(tmp_path, monkeypatch, values_wasm):
    record = tmp_path / "requests.jsonl"
    monkeypatch.setenv("MISBEHAVING_RECORD", str(record))
    with SubprocessAdapter(_misbehaving("correct"), spec="test") as adapter:
        with adapter.instantiate(values_wasm) as inst:
            inst.call("id64", (1 << 63) - 1)
            inst.write_memory(8, b"abc")
            assert inst.read_memory(8, 3) == b"abc" and inst.memory_size == 65536
        assert run_case(adapter, load_fixture(DATA / "start_training.success.wat")).outcome is Outcome.PASS
    validator = jsonschema.Draft202012Validator(json.loads((SCHEMAS / "subprocess-request.schema.json").read_text()))
    requests = [json.loads(line) for line in record.read_text().splitlines()]
    for request in requests:
        validator.validate(request)
    ops = {r["op"] for r in requests}
    assert ops >= {"hello", "instantiate", "call", "read_memory", "write_memory", "memory_size", "close_instance"}
    hello, instantiate, call = requests[0], requests[1], requests[2]
    assert hello["protocol"] == 2 and hello["settings"] == {"request_timeout_seconds": 1.0}
    assert {"name": "id64", "kind": "func", "params": ["i64"], "results": ["i64"]} in instantiate["exports"]
    assert call["args"] == [str((1 << 63) - 1)]


def test_request_schema_refuses_values_no_type_allows():
    """The validation above can fail: an integer beyond i32 must be an i64 string, and strings are canonical
    decimals. (Which position is i64 follows from the export's signature, which the schema cannot know.)"""
    validator = jsonschema.Draft202012Validator(json.loads((SCHEMAS / "subprocess-request.schema.json").read_text()))
    bad = {"id": 3, "op": "call", "instance": 1, "export": "id64", "args": [1 << 63]}
    assert not validator.is_valid(bad)
    assert not validator.is_valid({"id": 3, "op": "call", "instance": 1, "export": "id64", "args": ["01"]})
    assert validator.is_valid({**bad, "args": [str((1 << 63) - 1)]})


def test_i64_result_written_as_a_number_is_a_protocol_violation(values_wasm):
    with SubprocessAdapter(_misbehaving("i64-as-number"), spec="test") as adapter:
        inst = adapter.instantiate(values_wasm)
        with pytest.raises(ProtocolViolation, match=r"results\[0\] of id64 is an i64 and must be a decimal string"):
            inst.call("id64", 5)


def test_protocol_1_host_keeps_working_with_numbers(values_wasm):
    with SubprocessAdapter(_misbehaving("v1"), spec="test") as adapter:
        assert adapter.info.name and adapter.protocol == 1
        with adapter.instantiate(values_wasm) as inst:
            assert inst.call("id64", (1 << 63) - 1) == [(1 << 63) - 1]


def test_settings_reach_the_host_and_limits_come_back():
    """The runner's request timeout wins over the server's own default; a host reports its caps."""
    with SubprocessAdapter(_serve("--request-timeout", "7"), spec="test", request_timeout=0.25) as adapter:
        limits = adapter.info.limits
    assert limits == {"request_timeout_seconds": 0.25, "max_outstanding_futures": 64, "max_download_bytes": 16777216}
    with open_adapter("reference") as adapter:
        assert adapter.info.limits["request_timeout_seconds"] == 1.0


def test_instantiate_settings_reach_the_host_of_that_instance_only(tmp_path, monkeypatch, values_wasm):
    """A case's host_settings travel with its `instantiate` (and only there), valid against the request
    schema; the reference server builds that instance on a host with those limits."""
    record = tmp_path / "requests.jsonl"
    monkeypatch.setenv("MISBEHAVING_RECORD", str(record))
    with SubprocessAdapter(_misbehaving("correct"), spec="test") as adapter:
        adapter.instantiate(values_wasm, settings={"max_training_handles": 16}).close()
        adapter.instantiate(values_wasm).close()
    validator = jsonschema.Draft202012Validator(json.loads((SCHEMAS / "subprocess-request.schema.json").read_text()))
    made = [r for r in map(json.loads, record.read_text().splitlines()) if r["op"] == "instantiate"]
    assert all(validator.is_valid(r) for r in made)
    assert made[0]["settings"] == {"max_training_handles": 16} and "settings" not in made[1]

    from reference_host import ReferenceHost, construct
    from reference_host.serve import Server

    def factory(timeout: float, settings: dict | None = None) -> ReferenceHost:
        return construct(ReferenceHost, timeout, settings)

    server = Server(factory, settings_factory=factory)
    server.handle({"id": 1, "op": "hello", "protocol": 2})
    wasm = base64.b64encode(values_wasm).decode()
    for settings in ({"max_training_handles": 16, "request_timeout_seconds": 0.1, "unknown": 1}, None):
        server.handle({"id": 2, "op": "instantiate", "wasm_b64": wasm, "settings": settings})
    hinted, plain = (server.instances[i].instance.host.config for i in (1, 2))
    assert (hinted.max_training_handles, hinted.request_timeout_seconds) == (16, 0.1)
    assert (plain.max_training_handles, plain.request_timeout_seconds) == (1024, 1.0)
    server.close()


def test_a_host_that_refuses_settings_is_asked_again_without_them_and_passes(tmp_path, monkeypatch, values_wasm):
    """Settings are hints: a strict host answering `bad_request` to the unknown field still runs the case
    (here the real hive-timeout fixture, on the host's own 1 s request timeout), and is sent no more."""
    record = tmp_path / "requests.jsonl"
    monkeypatch.setenv("MISBEHAVING_RECORD", str(record))
    fixture = load_fixture(ROOT / "fixtures_wat" / "start_training.hive-timeout.wat")
    assert fixture.host_settings
    with SubprocessAdapter(_misbehaving("strict-instantiate"), spec="test") as adapter:
        assert run_case(adapter, fixture).outcome is Outcome.PASS
        adapter.instantiate(values_wasm, settings=fixture.host_settings).close()
    made = [r for r in map(json.loads, record.read_text().splitlines()) if r["op"] == "instantiate"]
    assert ["settings" in r for r in made] == [True, False, False]


def test_in_process_settings_build_a_host_with_those_limits(values_wasm):
    with open_adapter("reference") as adapter:
        hinted = adapter.instantiate(values_wasm, settings={"max_outstanding_futures": 16, "bogus": 3})
        plain = adapter.instantiate(values_wasm)
        config = hinted._inner.host.config  # type: ignore[attr-defined]
        assert config.max_outstanding_futures == 16 and config.epoch_interruption
        assert plain._inner.host.config.max_outstanding_futures == 64  # type: ignore[attr-defined]
        hinted.close()
        plain.close()


def test_deadline_of_a_spinning_call_kills_the_host_and_the_next_call_restarts_it(values_wasm):
    with SubprocessAdapter(_serve(), spec="test") as adapter:
        inst = adapter.instantiate(values_wasm)
        with pytest.raises(HostTimeout, match=r"did not answer 'call' within 0\.30 s"):
            inst.call("spin", timeout=0.3)
        with adapter.instantiate(values_wasm) as fresh:
            assert fresh.call("id64", 3) == [3]


def test_serve_negotiates_the_version_it_is_asked_for():
    from reference_host import ReferenceHost
    from reference_host.serve import Server

    def hello(protocol: object) -> dict:
        return Server(lambda _timeout: ReferenceHost()).handle({"id": 1, "op": "hello", "protocol": protocol})

    assert hello(1)["protocol"] == 1 and hello(2)["protocol"] == 2 and hello(9)["protocol"] == 2
    assert hello("2")["error"]["kind"] == "bad_request" and hello(0)["error"]["kind"] == "bad_request"


def test_reply_schema_of_an_op_tells_valid_from_invalid_replies():
    schema = json.loads((SCHEMAS / "subprocess-reply.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    call = jsonschema.Draft202012Validator({**schema, "anyOf": [{"$ref": "#/$defs/reply_call"}]})
    assert call.is_valid({"id": 2, "ok": True, "results": ["-9223372036854775808", 4294967295]})
    assert call.is_valid({"id": 2, "ok": False, "error": {"kind": "trap", "message": "x"}})
    assert not call.is_valid({"id": 2, "ok": True, "results": [0.5]})
    assert not call.is_valid({"id": 2, "ok": True})
    assert not jsonschema.Draft202012Validator(schema).is_valid({"id": 0, "ok": True})


def test_host_command_that_is_empty_is_refused():
    with pytest.raises(ValueError, match="empty command line"):
        SubprocessAdapter("  ", spec="subprocess:  ")
