"""results.json: every outcome validates against the versioned schema, and the schema rejects bad documents."""

from __future__ import annotations

import copy

import jsonschema
import pytest

from conformance.runner import CaseResult, Diagnostic, Outcome, RunResults, render_report, results_schema


def _results() -> RunResults:
    cases = []
    for outcome in Outcome:
        needs_diagnostic = outcome in (Outcome.FAIL, Outcome.TIMEOUT, Outcome.CRASH, Outcome.ERROR, Outcome.XFAIL)
        cases.append(
            CaseResult(
                id=f"case.{outcome}",
                title="t",
                path=f"fixtures_wat/case.{outcome}.wat",
                sha256="0" * 64,
                clauses=["hive/request-shape"],
                outcome=outcome,
                duration_seconds=0.01,
                rerun=f"ark-conformance run --host reference -k case.{outcome}",
                diagnostic=Diagnostic(
                    "m", clause="hive/request-shape", expected="1", actual="2", clause_text="c", where="T.f, bytes 0..4"
                )
                if needs_diagnostic
                else None,
                reason="why"
                if outcome in (Outcome.SKIP, Outcome.NOT_SUPPORTED, Outcome.XFAIL, Outcome.XPASS)
                else None,
            )
        )
    host = {"spec": "reference", "name": "h", "version": "1", "profiles": ["core"], "features": []}
    return RunResults(host, cases, 1.0, "2026-01-01T00:00:00+00:00", 2, "fixtures_wat")


def test_every_outcome_validates():
    data = _results().to_dict()
    jsonschema.validate(data, results_schema())
    assert data["exit_code"] == 1
    assert data["summary"] == dict.fromkeys([str(o) for o in Outcome], 1)


@pytest.mark.parametrize(
    "breakage",
    [
        "drop wasmtime_version",
        "fail without diagnostic",
        "error without diagnostic",
        "skip without reason",
        "unknown outcome",
        "short sha",
    ],
)
def test_schema_rejects_broken_documents(breakage):
    data = copy.deepcopy(_results().to_dict())
    by_outcome = {c["outcome"]: c for c in data["cases"]}
    if breakage == "drop wasmtime_version":
        del data["wasmtime_version"]
    elif breakage == "fail without diagnostic":
        del by_outcome["fail"]["diagnostic"]
    elif breakage == "error without diagnostic":
        del by_outcome["error"]["diagnostic"]
    elif breakage == "skip without reason":
        del by_outcome["skip"]["reason"]
    elif breakage == "unknown outcome":
        by_outcome["pass"]["outcome"] = "passed"
    else:
        by_outcome["pass"]["sha256"] = "abc"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, results_schema())


def test_report_lists_every_case_that_did_not_pass():
    text = render_report(_results())
    for outcome in Outcome:
        if outcome is not Outcome.PASS:
            assert f"| `case.{outcome}` | {outcome} |" in text
