"""junit.xml as a CI panel reads it: parsed with junitparser, a real JUnit consumer library."""

from __future__ import annotations

from junitparser import Error, Failure, JUnitXml, Skipped

from conformance.reports import render_junit
from conformance.runner import Outcome
from tests.reports import sample


def _suite(path):
    """The one <testsuite>, however the library wraps it (it wraps a string's root in <testsuites>)."""
    xml = JUnitXml.fromfile(str(path)) if not isinstance(path, str) else JUnitXml.fromstring(path)
    suites = list(xml) if xml._tag == "testsuites" else [xml]
    assert len(suites) == 1
    return suites[0]


def test_properties_name_suite_spec_host_and_verdicts(faulty_dir, faulty_results):
    suite = _suite(faulty_dir / "junit.xml")
    props = {p.name: p.value for p in suite.properties()}
    assert props["spec"] == "ark-api-ffi 0.16.0"
    assert props["suite"].startswith("ark-ml-conformance ")
    assert props["host"] == "overwriting test host unknown"
    assert props["verdict.core"] == "not conformant" and props["verdict.extended"] == "conformant"
    assert suite.tests == len(faulty_results["cases"]) and suite.timestamp


def test_each_case_has_its_import_as_classname_and_its_fixture_as_file(faulty_dir, faulty_results):
    cases = {c.name: c for c in _suite(faulty_dir / "junit.xml")}
    assert set(cases) == {c["id"] for c in faulty_results["cases"]}
    canary = cases["poll_future_training_handle.canary"]
    assert canary.classname == "poll_future_training_handle"
    assert canary._elem.get("file").endswith("poll_future_training_handle.canary.wat")


def test_outcomes_map_to_failure_error_and_skipped_with_the_diagnostic_as_message(faulty_dir, faulty_results):
    cases = {c.name: c for c in _suite(faulty_dir / "junit.xml")}
    by_id = {c["id"]: c for c in faulty_results["cases"]}
    for case_id, case in cases.items():
        outcome = by_id[case_id]["outcome"]
        kinds = {type(r) for r in case.result}
        expected = {"fail": {Failure}, "timeout": {Error}, "crash": {Error}, "error": {Error}, "pass": set()}[outcome]
        assert kinds == expected, case_id
        if case.result:
            assert case.result[0].message == by_id[case_id]["diagnostic"]["message"]
            assert "rerun: ark-conformance run" in case.result[0].text


def test_hive_transcript_and_clause_text_are_carried():
    suite = _suite(render_junit(sample.results()))
    cases = {c.name: c for c in suite}
    failing = cases["start_training.fail"]
    assert "POST /api/v1/experiments" in failing.system_out and '"game_name": "pong"' in failing.system_out
    assert "clause hive/request-shape: " in failing.result[0].text
    assert cases["start_training.pass"].system_out is None  # a pass's transcript varies with timing: left out
    skipped = cases["start_training.skip"]
    assert isinstance(skipped.result[0], Skipped) and skipped.result[0].message == "skip: why"
    xpass = cases["start_training.xpass"]
    assert isinstance(xpass.result[0], Failure) and "expected to fail" in xpass.result[0].message


def test_every_outcome_is_counted_once():
    suite = _suite(render_junit(sample.results()))
    assert suite.tests == len(Outcome)
    assert suite.failures + suite.errors + suite.skipped + 1 == len(Outcome)  # + the pass


def test_stable_output_has_no_timings_or_timestamp():
    text = render_junit(sample.results(), stable=True)
    assert "time=" not in text and "timestamp=" not in text
    assert "time=" in render_junit(sample.results())
