"""Scenarios are validated against conformance/schemas/scenario.schema.json with clear ScenarioErrors."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conformance.hive import Fault, Scenario, ScenarioError, scenario_schema
from tests.hive.conftest import RUN_1, STOPPED_RUN

VALID = {"runs": [RUN_1, STOPPED_RUN], "faults": {"config": {"kind": "status", "status": 503, "times": 1}}}


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(scenario_schema())


def test_a_valid_scenario_loads_typed():
    scenario = Scenario.from_dict(VALID)
    assert [r.run_id for r in scenario.runs] == ["run-1", "old"]
    assert scenario.runs[0].snapshot == b"\x00\x01\x02"
    assert (scenario.runs[1].status, scenario.runs[1].snapshot) == ("stopped", None)
    assert scenario.faults == {"config": Fault("status", status=503, times=1)}


BAD = {
    "unknown top-level key": ({"rnus": []}, "(top level)"),
    "run without game_name": ({"runs": [{k: v for k, v in RUN_1.items() if k != "game_name"}]}, "runs[0]"),
    "run id not a string": ({"runs": [dict(RUN_1, run_id=3)]}, "runs[0].run_id"),
    "bad status": ({"runs": [dict(RUN_1, status="paused")]}, "runs[0].status"),
    "negative count": ({"runs": [dict(RUN_1, num_actions=-1)]}, "runs[0].num_actions"),
    "bad base64": ({"runs": [dict(RUN_1, snapshot_b64="@@")]}, "runs[0].snapshot_b64"),
    "both snapshot kinds": ({"runs": [dict(RUN_1, snapshot_size=4)]}, "not both"),
    "negative snapshot size": ({"runs": [dict(RUN_1, snapshot_size=-1)]}, "runs[0].snapshot_size"),
    "duplicate run id": ({"runs": [RUN_1, RUN_1]}, "duplicate run_id"),
    "workers without cid": ({"runs": [dict(RUN_1, num_remote_workers=2)]}, "worker_module_cid"),
    "unknown route": ({"faults": {"nope": {"kind": "refused"}}}, "faults"),
    "unknown fault kind": ({"faults": {"stop": {"kind": "explode"}}}, "faults.stop.kind"),
    "status without status": ({"faults": {"stop": {"kind": "status"}}}, "faults.stop"),
    "status code out of range": ({"faults": {"stop": {"kind": "status", "status": 200}}}, "faults.stop.status"),
    "times zero": ({"faults": {"stop": {"kind": "refused", "times": 0}}}, "faults.stop.times"),
    "seconds on refused": ({"faults": {"stop": {"kind": "refused", "seconds": 1}}}, "faults.stop"),
    "not an object": ([], "(top level)"),
}


@pytest.mark.parametrize(("data", "where"), list(BAD.values()), ids=list(BAD))
def test_invalid_scenarios_raise_scenario_error_naming_the_entry(data, where):
    with pytest.raises(ScenarioError) as caught:
        Scenario.from_dict(data)
    message = str(caught.value)
    assert message.startswith("scenario: ")
    assert where in message
    assert "\n" not in message


def test_fault_objects_are_validated_too():
    with pytest.raises(ScenarioError, match="status"):
        Fault("status")


def test_load_reads_a_json_file(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps(VALID), "utf-8")
    assert Scenario.load(path) == Scenario.from_dict(VALID)


@pytest.mark.parametrize(("content", "message"), [(None, "no such file"), ("{", "not JSON"), ('{"x": 1}', "x")])
def test_load_errors_name_the_file(tmp_path, content, message):
    path = tmp_path / "s.json"
    if content is not None:
        path.write_text(content, "utf-8")
    with pytest.raises(ScenarioError, match=message) as caught:
        Scenario.load(path)
    assert str(caught.value).startswith(str(path))


def test_fault_from_dict_names_the_bad_key():
    with pytest.raises(ScenarioError, match=r"^fault: times: "):
        Fault.from_dict({"kind": "hang", "times": -1})


def test_snapshot_size_generates_that_many_counting_bytes():
    run = {k: v for k, v in RUN_1.items() if k != "snapshot_b64"}
    scenario = Scenario.from_dict({"runs": [dict(run, snapshot_size=300)]})
    snapshot = scenario.runs[0].snapshot
    assert len(snapshot) == 300
    assert snapshot[:3] == b"\x00\x01\x02" and snapshot[250:253] == b"\xfa\x00\x01"
