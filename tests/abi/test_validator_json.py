"""`validate --json` output follows schemas/validate-result.schema.json, for valid and invalid guests."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from conformance.cli import main

from ._data import GUESTS, INVALID

SCHEMA = json.loads(resources.files("conformance").joinpath("schemas/validate-result.schema.json").read_text("utf-8"))


def _run(path, capsys) -> tuple[int, dict]:
    code = main(["validate", "--json", str(path)])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("path", [GUESTS / "import_all.wat", *sorted(INVALID.glob("*.wat"))], ids=lambda p: p.name)
def test_output_matches_the_schema(path, capsys):
    code, doc = _run(path, capsys)
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)
    assert doc["valid"] is (code == 0)
    assert doc["error_count"] == sum(f["severity"] == "error" for f in doc["findings"])


def test_json_names_the_mismatched_parameter(capsys):
    _, doc = _run(INVALID / "wrong_param_count.wat", capsys)
    (finding,) = doc["findings"]
    assert finding["code"] == "param-count"
    assert (finding["expected"], finding["found"]) == ("(param i64) (result i32)", "(param i64 i32) (result i32)")
    assert doc["imports"][0]["status"] == "mismatch"


def test_schema_rejects_a_document_with_an_unknown_finding_code(capsys):
    _, doc = _run(INVALID / "missing_result.wat", capsys)
    doc["findings"][0]["code"] = "something-else"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(SCHEMA).validate(doc)


def test_schema_lists_every_finding_code_the_validator_emits(capsys):
    codes = set(SCHEMA["properties"]["findings"]["items"]["properties"]["code"]["enum"])
    emitted = set()
    for path in INVALID.glob("*.wat"):
        emitted |= {f["code"] for f in _run(path, capsys)[1]["findings"]}
    assert emitted <= codes
