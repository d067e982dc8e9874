"""Which texts "config must be JSON" accepts (ml-v2/start_training/config-json-grammar): RFC 8259 JSON
nested at most 128 levels. Deeper but valid JSON is InvalidArguments, never InternalError."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conformance.hive import HiveSimulator
from conformance.json_text import MAX_DEPTH, JsonTextError, loads_strict, nesting_depth
from reference_host import ReferenceHost

from .guest import Guest, manifest_code
from .thunk import thunk_guest

SUCCESS, INVALID = manifest_code("Success"), manifest_code("InvalidArguments")
PAGES = 48  # room for a 2 MiB config
CONFIG_AT = 0x10000


def arrays(depth: int) -> str:
    return "[" * depth + "]" * depth


def objects(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


@pytest.fixture
def big_guest(host: ReferenceHost, sim: HiveSimulator) -> Iterator[Guest]:
    with sim.respx_backend() as address, host.instantiate(thunk_guest(pages=PAGES)) as inst:
        yield Guest(inst, address.host, address.port)


def start_with_config(guest: Guest, config: str) -> tuple[int, bool]:
    """(ErrorCode of start_training with ``config``, whether the call wrote guest memory)."""
    data = config.encode("utf-8")
    guest.inst.write_memory(CONFIG_AT, data)
    args = guest.args("start_training", out=guest.slot(8), config_ptr=CONFIG_AT, config_len=len(data))
    before = guest.snapshot()
    code = guest.call("start_training", **args)
    return code, guest.snapshot() != before


@pytest.mark.parametrize(
    "config",
    [arrays(1 << 20), arrays(MAX_DEPTH + 1), objects(MAX_DEPTH + 1), "[NaN]", "Infinity", '{"a": -Infinity}'],
    ids=["arrays-1Mi", "arrays-129", "objects-129", "nan", "infinity", "minus-infinity"],
)
def test_refused_configs_are_invalid_arguments(big_guest: Guest, sim: HiveSimulator, config: str) -> None:
    assert start_with_config(big_guest, config) == (INVALID, False)
    assert sim.requests == []


@pytest.mark.parametrize(
    "config",
    [arrays(MAX_DEPTH), objects(MAX_DEPTH), '["' + "[" * 1000 + '"]', "[" + "[1]," * 1000 + "2]"],
    ids=["arrays-128", "objects-128", "brackets-in-a-string", "wide-not-deep"],
)
def test_accepted_configs_are_sent_unmodified(big_guest: Guest, sim: HiveSimulator, config: str) -> None:
    assert start_with_config(big_guest, config) == (SUCCESS, True)
    (request,) = sim.wait_for_requests("start", timeout=5)
    assert request.json["config"] == config


@pytest.mark.parametrize(
    ("text", "depth"),
    [("1", 0), ("[]", 1), ('{"a": [{}]}', 3), ('"[[["', 0), ('["\\"[", []]', 2), ("[]]]", 1), ("é[", 1)],
)
def test_nesting_depth_skips_strings(text: str, depth: int) -> None:
    assert nesting_depth(text) == depth


@pytest.mark.parametrize("text", [b"\xff", "[1,]", "", "NaN"])
def test_loads_strict_errors_are_one_line(text: str | bytes) -> None:
    with pytest.raises(JsonTextError) as info:
        loads_strict(text)
    assert "\n" not in str(info.value)
