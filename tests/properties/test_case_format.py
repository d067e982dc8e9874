"""Replayable case files: round trip through JSON, schema errors are one line, references go backwards."""

from __future__ import annotations

import json

import pytest

from conformance.fuzz.case import Case, CaseError, Step, StepRef, case_from_json, load_case

from ._helpers import imp


def sample_case() -> Case:
    connect = imp("connect_to_experiment").key
    poll = imp("poll_future_training_handle").key
    return Case(
        steps=(
            Step(0, connect, (0, 9, 8080, 16, 5, 4096), ((0, b"hive.test"), (16, b"run-\xff"))),
            Step(1, poll, (StepRef(0, 0), 5000), settle=True),
        ),
        scenario={"runs": []},
        title="t",
        seed=7,
        failure="boom",
    )


def test_round_trip_through_json_file(tmp_path):
    case = sample_case()
    path = tmp_path / "c.json"
    case.dump(path)
    assert load_case(path) == case
    assert json.loads(path.read_text())["steps"][1]["args"][0] == {"from_step": 0, "offset": 0}


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(format="other"), "format"),
        (lambda d: d["steps"][0].update(call="ark-ml-v2::ml__nope"), "unknown import"),
        (lambda d: d["steps"][0]["args"].pop(), "takes 6 args"),
        (lambda d: d["steps"][1]["args"].__setitem__(0, {"from_step": 1, "offset": 0}), "not earlier"),
        (lambda d: d["steps"][1].update(instance=5), "instance 5"),
        (lambda d: d["steps"][0]["args"].__setitem__(0, -1), "args/0"),
        (lambda d: d["steps"][0]["memory"][0].update(hex="zz"), "hex"),
    ],
)
def test_bad_cases_are_refused_with_one_line(mutate, message):
    data = sample_case().to_json()
    mutate(data)
    with pytest.raises(CaseError, match=message) as info:
        case_from_json(data)
    assert "\n" not in str(info.value)


def test_unreadable_files_are_case_errors(tmp_path):
    with pytest.raises(CaseError, match="no such file"):
        load_case(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("{")
    with pytest.raises(CaseError, match="not a JSON file"):
        load_case(tmp_path / "bad.json")
