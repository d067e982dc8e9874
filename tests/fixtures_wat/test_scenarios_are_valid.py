"""Every scenario the fixtures name is a valid hive Scenario, and every scenario file is used."""

from __future__ import annotations

import json

import pytest

from conformance.hive import Scenario, ScenarioError

from ._lint import FIXTURES, all_fixtures

SCENARIOS = sorted((FIXTURES / "scenarios").glob("*.json"))


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario_loads(path) -> None:
    Scenario.from_dict(json.loads(path.read_text("utf-8")))


def test_every_scenario_is_used_by_a_fixture() -> None:
    used = {f.header["scenario"] for f in all_fixtures()}
    assert sorted(p.stem for p in SCENARIOS if p.stem not in used) == []


def test_a_scenario_with_an_unknown_fault_kind_is_refused() -> None:
    data = json.loads((FIXTURES / "scenarios" / "hold-start.json").read_text("utf-8"))
    data["faults"]["start"]["kind"] = "explode"
    with pytest.raises(ScenarioError):
        Scenario.from_dict(data)
