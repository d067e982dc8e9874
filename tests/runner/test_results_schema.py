"""results.json: every outcome validates against the versioned schema, and the schema rejects bad documents."""

from __future__ import annotations

import copy

import jsonschema
import pytest

from conformance.runner import Outcome, results_schema
from tests.reports.sample import results


def test_every_outcome_validates():
    data = results().to_dict()
    jsonschema.validate(data, results_schema())
    assert data["exit_code"] == 1
    assert data["summary"] == dict.fromkeys([str(o) for o in Outcome], 1)
    assert data["complete"] is True and data["verdicts"] == {"core": "not conformant"}
    assert set(data["versions"]) == {"suite", "python", "wasmtime", "httpx", "platform"}


@pytest.mark.parametrize(
    "breakage",
    [
        "drop versions",
        "fail without diagnostic",
        "error without diagnostic",
        "skip without reason",
        "empty reason",
        "unknown outcome",
        "short sha",
        "no seed key",
        "unknown verdict",
        "empty host name",
        "digest not hex",
    ],
)
def test_schema_rejects_broken_documents(breakage):
    data = copy.deepcopy(results().to_dict())
    by_outcome = {c["outcome"]: c for c in data["cases"]}
    if breakage == "drop versions":
        del data["versions"]
    elif breakage == "fail without diagnostic":
        del by_outcome["fail"]["diagnostic"]
    elif breakage == "error without diagnostic":
        del by_outcome["error"]["diagnostic"]
    elif breakage == "skip without reason":
        del by_outcome["skip"]["reason"]
    elif breakage == "empty reason":
        by_outcome["xfail"]["reason"] = ""
    elif breakage == "unknown outcome":
        by_outcome["pass"]["outcome"] = "passed"
    elif breakage == "short sha":
        by_outcome["pass"]["sha256"] = "abc"
    elif breakage == "no seed key":
        del by_outcome["pass"]["seed"]
    elif breakage == "unknown verdict":
        data["verdicts"]["core"] = "mostly fine"
    elif breakage == "empty host name":
        data["host"]["name"] = ""
    else:
        data["selection"]["fixture_set_sha256"] = "z" * 64
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, results_schema())
