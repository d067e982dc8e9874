"""`ark-conformance verify`: a full run's results.json certifies; a subset's and every tampered copy's do not."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable

import pytest

from conformance.cli import main

from .helpers import DATA

# The fixture set the runs below use (tests/runner/data): small, so a full run takes a second.
FIXTURES = ["--fixtures", str(DATA)]


@pytest.fixture(scope="module")
def full_run(tmp_path_factory) -> dict:
    target = tmp_path_factory.mktemp("verify") / "results.json"
    main(["run", "--host", "reference", *FIXTURES, "--json", str(target), "-q"])
    return json.loads(target.read_text())


def _verify(data: object, tmp_path, capsys) -> tuple[int, list[str]]:
    path = tmp_path / "results.json"
    path.write_text(json.dumps(data))
    capsys.readouterr()
    code = main(["verify", str(path), *FIXTURES])
    return code, capsys.readouterr().out.strip().splitlines()


def test_a_full_run_certifies(full_run, tmp_path, capsys):
    code, lines = _verify(full_run, tmp_path, capsys)
    assert code == 0 and lines[-1].startswith("certified: ark-ml-conformance reference host")


def test_a_k_run_does_not_certify(tmp_path, capsys):
    target = tmp_path / "k.json"
    main(["run", "--host", "reference", *FIXTURES, "-k", "start_training.success", "--json", str(target), "-q"])
    code, lines = _verify(json.loads(target.read_text()), tmp_path, capsys)
    assert code == 1
    assert "the run is marked incomplete" in lines
    assert "the run selected a subset (-k start_training.success)" in lines


def _first(data: dict, outcome: str) -> dict:
    return next(c for c in data["cases"] if c["outcome"] == outcome)


def _flip_to_pass(data: dict) -> None:
    case = _first(data, "fail")
    case["outcome"] = "pass"
    del case["diagnostic"]


def _set(path: str, value: object) -> Callable[[dict], None]:
    def tamper(data: dict) -> None:
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node[key]
        node[last] = value

    return tamper


TAMPERS: dict[str, tuple[Callable[[dict], None], str]] = {
    "a failure turned into a pass": (_flip_to_pass, "summary counts do not follow from the cases"),
    "summary edited": (lambda d: d["summary"].update(fail=0), "summary counts do not follow from the cases"),
    "verdict edited": (_set("verdicts.core", "conformant"), "verdict for profile 'core' is 'conformant'"),
    "exit code edited": (_set("exit_code", 0), "exit_code 0 does not follow from the cases"),
    "a case dropped": (lambda d: d["cases"].pop(0), "fixture(s) have no result"),
    "a case duplicated": (lambda d: d["cases"].append(d["cases"][0]), "reported more than once"),
    "a case renamed": (lambda d: d["cases"][0].update(id="made.up"), "not fixtures of this suite: made.up"),
    "a fixture hash edited": (lambda d: d["cases"][0].update(sha256="1" * 64), "sha256 is not the installed"),
    "a profile edited": (lambda d: d["cases"][0].update(profile="extended"), "is not the fixture's"),
    "fixture-set digest edited": (_set("selection.fixture_set_sha256", "2" * 64), "fixture set digest 222222222222"),
    "complete unset": (_set("complete", False), "the run is marked incomplete"),
    "complete set on a subset": (_set("selection.fixture_count", 999), "`complete` is true but"),
    "interrupted": (_set("interrupted", True), "the run was interrupted"),
    "a pattern added": (_set("selection.pattern", "start_*"), "the run selected a subset"),
    "a seed edited": (lambda d: _first(d, "pass").update(seed=12345), "does not carry the case's seed 12345"),
    "a rerun edited": (
        lambda d: _first(d, "pass").update(rerun="ark-conformance run --host reference -k other"),
        "does not select",
    ),
    "a skip without reason": (
        lambda d: _first(d, "pass").update(outcome="skip", reason=" "),
        "skip without a reason",
    ),
    "schema version": (_set("schema_version", "1.0"), "schema_version '1.0'"),
    "a required key dropped": (lambda d: d.pop("versions"), "schema: $: 'versions' is a required property"),
    "a diagnostic dropped": (lambda d: _first(d, "fail").pop("diagnostic"), "schema: $.cases"),
    "an unknown outcome": (lambda d: _first(d, "pass").update(outcome="passed"), "schema: $.cases"),
}


@pytest.mark.parametrize("name", sorted(TAMPERS))
def test_every_tampered_copy_is_refused_with_its_reason(name, full_run, tmp_path, capsys):
    tamper, reason = TAMPERS[name]
    data = copy.deepcopy(full_run)
    assert any(c["outcome"] == "fail" for c in data["cases"]), "the data fixtures include failing guests"
    tamper(data)
    code, lines = _verify(data, tmp_path, capsys)
    assert code == 1
    assert any(reason in line for line in lines), lines


def test_a_results_file_of_another_fixture_set_names_its_suite_version(full_run, tmp_path, capsys):
    data = copy.deepcopy(full_run)
    data["suite"]["version"] = "0.0.9"
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data))
    from .helpers import CORPUS

    assert main(["verify", str(path), "--fixtures", str(CORPUS)]) == 1
    assert "were made with ark-ml-conformance 0.0.9" in capsys.readouterr().out


@pytest.mark.parametrize("content", [None, "{not json", "\xff\xfe"])
def test_an_unreadable_file_is_bad_input(content, tmp_path, capsys):
    path = tmp_path / "r.json"
    if content is not None:
        path.write_bytes(content.encode("latin-1"))
    assert main(["verify", str(path), *FIXTURES]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_json_value_that_is_not_an_object_is_refused(tmp_path, capsys):
    code, lines = _verify([1, 2], tmp_path, capsys)
    assert code == 1 and lines == ["not a results.json object"]
