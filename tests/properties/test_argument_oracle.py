"""The argument oracle (rules.toml + rules.py) flags exactly what the manifest calls invalid."""

from __future__ import annotations

import copy
import tomllib
from importlib import resources

import pytest

from conformance.fuzz.model import FutureModel, InstanceModel
from conformance.fuzz.rules import is_json, rules_from_data, violations
from conformance.manifest import load_manifest

from ._helpers import MEM, clause_code, image, imp

U32 = 0xFFFF_FFFF
BOUNDS = "abi/pointers/bounds-checked"


def rule_ids(name, args, img, state=None):
    return sorted({v.rule for v in violations(imp(name), tuple(args), img, state or InstanceModel())})


def test_a_valid_cid_breaks_nothing_and_an_empty_one_anywhere_is_fine():
    img = image((100, b"bafy"))
    assert rule_ids("set_worker_module_link", [100, 4], img) == []
    assert rule_ids("set_worker_module_link", [U32, 0], img) == []  # dangling empty &str, never read


@pytest.mark.parametrize(
    ("ptr", "length"),
    [(MEM - 3, 4), (MEM, 1), (U32, 2), (U32 - 15, 32), (0, MEM + 1), (0, U32)],
    ids=["one-past", "at-end", "wrap-to-0", "wrap-to-16", "len-over-memory", "len-u32-max"],
)
def test_out_of_bounds_and_wrapping_spans_are_invalid(ptr, length):
    found = violations(imp("set_worker_module_link"), (ptr, length), image(), InstanceModel())
    assert [v.rule for v in found] == ["pointer-in-bounds"]
    assert found[0].error == clause_code(BOUNDS)


def test_invalid_utf8_is_invalid_and_the_code_comes_from_the_clause():
    found = violations(imp("set_worker_module_link"), (10, 3), image((10, b"a\xffb")), InstanceModel())
    assert [(v.rule, v.error) for v in found] == [("string-utf8", clause_code("abi/strings/utf8"))]


def test_hive_address_and_run_id_rules():
    img = image((0, b"hive.test"), (64, b"run-1"))
    assert rule_ids("connect_to_experiment", [0, 9, 8080, 64, 5, 256], img) == []
    assert rule_ids("connect_to_experiment", [0, 9, 0, 64, 5, 256], img) == ["hive-port-range"]
    assert rule_ids("connect_to_experiment", [0, 9, 65536, 64, 5, 256], img) == ["hive-port-range"]
    assert rule_ids("connect_to_experiment", [0, 0, 8080, 64, 0, 256], img) == [
        "hive-url-non-empty",
        "run-id-non-empty",
    ]
    assert rule_ids("connect_to_experiment", [0, 9, 8080, 64, 5, MEM - 7], img) == ["pointer-in-bounds"]


def _start(config: bytes, workers: int = 0) -> tuple[list[int], bytes]:
    img = image((0, b"h"), (16, b"g"), (32, b"e"), (64, config))
    return [0, 1, 80, 16, 1, 32, 1, 4, 2, workers, 64, len(config), 1024], img


def test_start_training_config_must_be_strict_json():
    assert rule_ids("start_training", *_start(b'{"lr": 0.1}')) == []
    assert rule_ids("start_training", *_start(b"{")) == ["config-json"]
    assert rule_ids("start_training", *_start(b"NaN")) == ["config-json"]
    assert is_json(" [1, 2] ") and not is_json("Infinity") and not is_json("")


def test_config_json_depth_limit_is_the_hosts():
    """ml-v2/start_training/config-json-grammar: nested at most 128 levels (conformance.json_text)."""
    assert is_json("[" * 128 + "]" * 128)
    assert not is_json("[" * 129 + "]" * 129)
    deep = ('{"a":' * 129 + "1" + "}" * 129).encode()
    assert rule_ids("start_training", *_start(deep)) == ["config-json"]


def test_remote_workers_need_a_link():
    args, img = _start(b"{}", workers=2)
    assert rule_ids("start_training", args, img) == ["remote-workers-need-link"]
    linked = InstanceModel(link=True)
    assert rule_ids("start_training", args, img, linked) == []


def test_handles_unknown_wrong_kind_and_length():
    state = InstanceModel()
    state.futures[7] = FutureModel(7, "vec_u8", "ok", state="ready", length=5)
    state.trainings[9] = "run-1"
    img = image()
    assert rule_ids("poll_future_vec_u8", [7, 0], img, state) == []
    assert rule_ids("poll_future_vec_u8", [8, 0], img, state) == ["future-handle-live"]
    assert rule_ids("poll_future_training_handle", [7, 0], img, state) == ["future-kind-matches"]
    assert rule_ids("take_future_vec_u8", [7, 0, 5], img, state) == []
    assert rule_ids("take_future_vec_u8", [7, 0, 4], img, state) == ["vec-length-matches"]
    assert rule_ids("stop_experiment", [9], img, state) == []
    assert rule_ids("stop_experiment", [7], img, state) == ["future-handle-live"]  # a future is no TrainingHandle
    codes = {v.error for v in violations(imp("drop_future"), (1 << 63,), img, state)}
    assert codes == {clause_code("futures/unknown-handle")}


def _raw_rules() -> dict:
    return tomllib.loads(resources.files("conformance.fuzz").joinpath("rules.toml").read_text("utf-8"))


def test_rules_file_refuses_unknown_checks_and_clauses_without_error():
    m = load_manifest()
    rules_from_data(_raw_rules(), m)
    bad = copy.deepcopy(_raw_rules())
    bad["rules"][0]["check"] = "vibes"
    with pytest.raises(ValueError, match="unknown check"):
        rules_from_data(bad, m)
    bad = copy.deepcopy(_raw_rules())
    bad["rules"][0]["clause"] = "futures/instance-teardown"
    with pytest.raises(ValueError, match="prescribes no error"):
        rules_from_data(bad, m)


def test_a_hive_url_that_is_no_host_name_permits_but_does_not_require_invalid_arguments():
    img = image((0, b"a b/c"), (64, b"run-1"))
    found = violations(imp("connect_to_experiment"), (0, 5, 8080, 64, 5, 256), img, InstanceModel())
    assert [(v.rule, v.may) for v in found] == [("hive-url-host-name", True)]
