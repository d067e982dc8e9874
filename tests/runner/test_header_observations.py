"""Header features for what a real guest observes (issue 12, item 3): observation records, relations
between journaled values, the nth request on a route, the run of the nth start, hive snapshots taken at a
named check, and held requests abandoned before the instance closes. Each is shown to fail when it should.
"""

from __future__ import annotations

import dataclasses

from conformance.adapters import open_adapter
from conformance.manifest import load_manifest
from conformance.runner import HiveObservation, Record, judge, load_fixture, run_case
from conformance.runner._fixture import Check, HiveAssertion, Relation, header_problems

from .helpers import DATA, ROOT

BASE = load_fixture(DATA / "start_training.success.wat")
GOOD = [Record(1, 0, b""), Record(2, 0, b"")]
LAYOUT = "08000000 04000000"


def _with(**changes):
    return dataclasses.replace(BASE, **changes)


def _header(**changes):
    header = {"id": BASE.id, "title": "t", "scenario": BASE.scenario, "clauses": list(BASE.clauses)}
    return header_problems({**header, **changes}, BASE.path, load_manifest())


# ---- observation records ---------------------------------------------------------------------------------


def _observed(data: bytes, code: int = 0):
    check = Check(
        id=3,
        clause=BASE.clauses[0],
        observe="layout of ArkExperimentConfig",
        bytes=bytes.fromhex(LAYOUT.replace(" ", "")),
        bytes_text=LAYOUT,
    )
    fixture = _with(checks=(*BASE.checks, check), hive=())
    return judge(fixture, 1, [*GOOD, Record(3, code, data)], HiveObservation())


def test_an_observation_is_judged_by_its_bytes_only():
    assert _observed(bytes.fromhex("0800000004000000"), code=77) is None  # its code is not an ErrorCode: ignored
    d = _observed(bytes.fromhex("0800000008000000"))
    assert d.message.startswith("check 3 (observe: layout of ArkExperimentConfig): ")
    assert d.call is None


def test_the_schema_keeps_observations_and_calls_apart():
    obs = {"id": 1, "clause": BASE.clauses[0], "observe": "x", "bytes": "00"}
    assert _header(check=[obs]) == []
    assert _header(check=[{k: v for k, v in obs.items() if k != "bytes"}])  # an observation pins bytes
    assert _header(check=[{**obs, "code": "Success"}])  # and has no code
    assert _header(check=[{**obs, "call": "ml__start_training", "code": "Success"}])


# ---- relations -----------------------------------------------------------------------------------------


def _related(kind: str, first: bytes, second: bytes):
    fixture = _with(relations=(Relation(kind, (1, 2), BASE.clauses[0]),), hive=())
    return judge(fixture, 1, [Record(1, 0, first), Record(2, 0, second)], HiveObservation())


def test_differ_fails_on_equal_bytes_and_equal_on_different_ones():
    assert _related("differ", b"\x01", b"\x02") is None
    assert _related("equal", b"\x01", b"\x01") is None
    d = _related("differ", b"\x01", b"\x01")
    assert d.message.startswith("relation: checks 1 and 2 recorded the same bytes")
    assert d.clause == BASE.clauses[0]
    assert "recorded different bytes" in _related("equal", b"\x01", b"\x02").message


def test_a_relation_must_name_declared_checks():
    assert any("not declared" in p for p in _header(check=[], relation=[{"differ": [1, 9], "clause": BASE.clauses[0]}]))


# ---- hive: nth request, nth started run, snapshots, abandoned ---------------------------------------------------


def _starts(*bodies):
    return [{"route": "start", "method": "POST", "path": "/", "json": b} for b in bodies]


def _hive(assertion: HiveAssertion, seen: HiveObservation):
    return judge(_with(hive=(assertion,)), 1, GOOD, seen)


def test_nth_picks_the_nth_request_on_the_route():
    seen = HiveObservation(requests=_starts({"checkpoint": None}, {"checkpoint": "ckpt-42"}))
    assert _hive(HiveAssertion(route="start", json={"checkpoint": "ckpt-42"}, nth=2), seen) is None
    d = _hive(HiveAssertion(route="start", json={"checkpoint": "ckpt-42"}), seen)  # nth = 1 by default
    assert "request 1 of 2" in d.message
    assert "got 2 request(s)" in _hive(HiveAssertion(route="start", json={"a": 1}, nth=3), seen).message


def test_started_counts_workers_on_the_run_of_the_nth_start():
    seen = HiveObservation(workers={"run-1": ["running"] * 2, "run-2": []}, started_runs=["run-1", "run-2"])
    assert _hive(HiveAssertion(workers={"running": 2}, started=1), seen) is None
    assert _hive(HiveAssertion(workers={"running": 2}), seen) is not None  # the last run has none
    assert "started run 3 missing" in _hive(HiveAssertion(workers={"running": 2}, started=3), seen).message


def test_after_check_judges_the_snapshot_not_the_end():
    before = HiveObservation(workers={"run-1": ["running"] * 2}, started_runs=["run-1"])
    end = HiveObservation(workers={"run-1": ["stopped"] * 2}, started_runs=["run-1"], snapshots={1: before})
    assert _hive(HiveAssertion(workers={"running": 2}, after_check=1), end) is None
    assert _hive(HiveAssertion(workers={"running": 2}), end) is not None
    d = _hive(HiveAssertion(workers={"running": 2}, after_check=2), end)
    assert d.message == "hive: no snapshot after check 2: the guest never journaled it"


def test_abandoned_compares_what_the_host_hung_up_on_before_close():
    assert _hive(HiveAssertion(route="start", abandoned=1), HiveObservation(abandoned={"start": 1})) is None
    d = _hive(HiveAssertion(route="start", abandoned=1), HiveObservation(abandoned={}))
    assert "hung up on 0: pending work not cancelled" in d.message


def test_the_schema_knows_the_new_hive_keys():
    assert _header(hive=[{"route": "start", "nth": 2, "json": {}}]) == []
    assert _header(hive=[{"nth": 2}])  # nth needs a route
    assert _header(hive=[{"workers": {"running": 1}, "started": 1, "run_id": "run-1"}])  # one way to pick a run
    assert _header(check=[], hive=[{"route": "start", "count": 1, "after_check": 4}])  # no such check
    hive = [{"route": "start", "count": 1}]
    assert _header(instances=2, hive=hive) == []
    assert _header(instances=3, hive=hive)


# ---- end to end on the reference host ---------------------------------------------------------------


def test_a_snapshot_sees_the_workers_before_the_stop_and_the_end_sees_them_after():
    """The same assertion judged at check 92 (before the stop) and at the end gives opposite answers."""
    fixture = load_fixture(ROOT / "fixtures_wat" / "stop_experiment.stops-remote-workers.wat")
    snapshot = next(h for h in fixture.hive if h.after_check == 92)
    wrong = dataclasses.replace(snapshot, workers={"running": 0, "stopped": 2})
    with open_adapter("reference") as adapter:
        assert run_case(adapter, fixture, seed=1).outcome == "pass"
        run = run_case(adapter, dataclasses.replace(fixture, hive=(wrong,)), seed=1)
    assert run.outcome == "fail"
    assert run.diagnostic.message.startswith("hive: run run-1 workers (after check 92) expected")
