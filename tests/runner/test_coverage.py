"""The coverage gate: import x ErrorCode x clause, exit 1 when an import or a clause has no fixture."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable

from conformance.cli import main
from conformance.manifest import load_manifest
from conformance.runner import discover
from conformance.runner._coverage import compute_coverage, load_hard_values

from .helpers import CORPUS, EXAMPLES, corpus_fixtures, fixture_dir


def _header(fixture_id: str, clauses: list[str], body: list[str]) -> str:
    lines = [
        f'id = "{fixture_id}"',
        'title = "coverage probe"',
        'scenario = "one-run"',
        f"clauses = {json.dumps(clauses)}",
    ]
    return "\n".join(f";;@ {line}" for line in lines + body) + "\n(module)\n"


def _clause_checks(call: str | None, clauses: list[str], first_id: int) -> list[str]:
    """One check per clause (a Success of `call`, or an observation), so the fixture judges each of them."""
    judged = [f'call = "{call}"', 'code = "Success"'] if call else ['observe = "probe"', 'bytes = "00"']
    body = []
    for i, clause in enumerate(clauses, first_id):
        body += ["[[check]]", f"id = {i}", f'clause = "{clause}"', *judged]
    return body


def _complete_corpus(directory, audit: bool = True) -> None:
    """Header-only fixtures that together name every import, every listed ErrorCode and every clause, and
    (with `audit`) a hard-values.toml crediting one value of every clause to the fixture that judges it."""
    m = load_manifest()
    credits = {}
    for imp in m.imports:
        clauses = [c.id for c in imp.clauses]
        body = []
        for i, code in enumerate(imp.errors, 1):
            body += ["[[check]]", f"id = {i}", f'call = "{imp.field}"', f'clause = "{clauses[0]}"', f'code = "{code}"']
        body += _clause_checks(imp.field, clauses, len(imp.errors) + 1)
        (directory / f"{imp.name}.wat").write_text(_header(imp.name, clauses, body), "utf-8")
        credits.update({c: imp.name for c in clauses})
    abi = [c.id for c in m.clauses]
    body = ["[[hive]]", 'route = "start"', "count = 0", *_clause_checks(None, abi, 1)]
    (directory / "abi.wat").write_text(_header("abi", abi, body), "utf-8")
    credits.update({c: "abi" for c in abi})
    if audit:
        _write_audit(directory, {clause: {"a hard value": [fx]} for clause, fx in credits.items()})


def _audit(directory) -> dict[str, dict[str, list[str]]]:
    return tomllib.loads((directory / "hard-values.toml").read_text("utf-8"))["clauses"]


def _gate_json(directory, capsys) -> dict:
    """The gate's JSON report, after checking that it fails."""
    assert main(["coverage", "--fixtures", str(directory), "--json"]) == 1
    return json.loads(capsys.readouterr().out)


def _write_audit(directory, audit: dict[str, dict[str, list[str]]]) -> None:
    lines = []
    for clause, values in audit.items():
        lines.append(f"[clauses.{json.dumps(clause)}]")
        lines += [f"{json.dumps(value)} = {json.dumps(fx)}" for value, fx in values.items()]
    (directory / "hard-values.toml").write_text("\n".join(lines) + "\n", "utf-8")


def test_gate_passes_on_a_complete_corpus_and_catches_one_missing_clause(tmp_path, capsys):
    directory = fixture_dir(tmp_path)
    _complete_corpus(directory)
    assert main(["coverage", "--fixtures", str(directory), "--require-error-codes"]) == 0
    capsys.readouterr()
    # Drop one clause from one fixture: the gate must fail and name exactly that clause.
    target = directory / "stop_experiment.wat"
    text = target.read_text("utf-8")
    assert ', "ml-v2/stop_experiment/hive-failure"]' in text
    head, last_check = text.rsplit(";;@ [[check]]\n", 1)
    assert 'clause = "ml-v2/stop_experiment/hive-failure"' in last_check
    text = head + "(module)\n"
    target.write_text(text.replace(', "ml-v2/stop_experiment/hive-failure"]', "]"), "utf-8")
    assert main(["coverage", "--fixtures", str(directory), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["uncovered_clauses"] == ["ml-v2/stop_experiment/hive-failure"]
    assert report["uncovered_imports"] == []


def test_gate_catches_an_import_without_fixture(tmp_path, capsys):
    directory = fixture_dir(tmp_path)
    _complete_corpus(directory)
    (directory / "drop_future.wat").unlink()
    assert main(["coverage", "--fixtures", str(directory), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["uncovered_imports"] == ["ark-ml-v1::ml__drop_future"]
    assert report["uncovered_clauses"] == ["ml-v1/drop_future/releases"]


def test_error_codes_are_counted_per_import(tmp_path):
    cov = compute_coverage(discover(fixture_dir(tmp_path, *EXAMPLES)))
    start = next(i for i in cov.imports if i.field == "ml__start_training")
    assert "start_training.port-zero" in start.codes["InvalidArguments"]
    assert "start_training.success" in start.codes["Success"]


def test_table_names_covered_and_uncovered_clauses(tmp_path, capsys):
    assert main(["coverage", "--fixtures", str(fixture_dir(tmp_path, *EXAMPLES))]) == 1
    out = capsys.readouterr().out
    assert "+ ml-v2/start_training/returns-future  [hard -]  start_training.success" in out
    assert "- ml-v1/stop_training/unknown-handle  [hard -]  NO FIXTURE" in out


def test_broken_fixture_dir_is_a_usage_error(tmp_path, capsys):
    assert main(["coverage", "--fixtures", str(tmp_path / "nope")]) == 2
    assert "no such fixture directory" in capsys.readouterr().err


def test_every_import_and_clause_of_the_manifest_has_a_fixture():
    cov = compute_coverage(list(corpus_fixtures()))
    assert cov.uncovered_imports == []
    assert cov.uncovered_clauses == []


# ---- the hard-values audit ---------------------------------------------------------------------------


def test_every_clause_of_the_corpus_is_audited_and_its_hard_values_tried():
    cov = compute_coverage(list(corpus_fixtures()), hard_values=load_hard_values(CORPUS))
    assert cov.untried_hard_values == []
    assert cov.miscredited_hard_values == []
    assert cov.unaudited_clauses == []
    assert cov.complete


def _gate_after(tmp_path, capsys, edit: Callable[[dict[str, dict[str, list[str]]]], None]) -> tuple[dict, str]:
    """(JSON report, table) of the failing gate on a complete corpus whose audit `edit` changed."""
    directory = fixture_dir(tmp_path)
    _complete_corpus(directory)
    assert main(["coverage", "--fixtures", str(directory)]) == 0
    capsys.readouterr()
    audit = _audit(directory)
    edit(audit)
    _write_audit(directory, audit)
    report = _gate_json(directory, capsys)
    assert main(["coverage", "--fixtures", str(directory)]) == 1
    return report, capsys.readouterr().out


def test_the_gate_fails_on_a_hard_value_no_fixture_judging_the_clause_tries(tmp_path, capsys):
    def edit(audit):
        audit["abi/pointers/unsigned"] = {"tried": ["abi"], "no fixture": []}
        audit["abi/no-such-clause"] = {"a stale audit": ["abi"]}

    report, out = _gate_after(tmp_path, capsys, edit)
    assert report["untried_hard_values"] == ["abi/pointers/unsigned: no fixture", "abi/no-such-clause: a stale audit"]
    assert report["miscredited_hard_values"] == [] and report["unaudited_clauses"] == []
    assert "+ abi/pointers/unsigned  [hard 1/2]  abi" in out
    assert "untried hard value: abi/pointers/unsigned: no fixture" in out


def test_the_gate_passes_on_a_complete_audit_and_fails_on_a_clause_not_audited(tmp_path, capsys):
    def edit(audit):
        del audit["hive/address-valid"]
        audit["futures/failed"] = {}  # a section that lists no value audits nothing

    report, out = _gate_after(tmp_path, capsys, edit)
    assert report["unaudited_clauses"] == ["futures/failed", "hive/address-valid"]
    assert report["untried_hard_values"] == [] and report["miscredited_hard_values"] == []
    assert "not audited: hive/address-valid" in out
    assert "+ futures/failed  [hard -]  abi" in out


def test_no_audit_file_leaves_every_clause_not_audited(tmp_path):
    directory = fixture_dir(tmp_path)
    _complete_corpus(directory, audit=False)
    cov = compute_coverage(discover(directory), hard_values=load_hard_values(directory))
    assert not cov.complete
    assert len(cov.unaudited_clauses) == len(list(load_manifest().all_clauses()))


def test_a_credit_to_a_fixture_that_only_lists_the_clause_fails_even_beside_a_real_one(tmp_path, capsys):
    directory = fixture_dir(tmp_path)
    _complete_corpus(directory)
    # stop_training lists an ABI clause in its header but no check, relation or hive assertion judges it
    target = directory / "stop_training.wat"
    target.write_text(target.read_text("utf-8").replace("clauses = [", 'clauses = ["abi/pointers/unsigned", '), "utf-8")
    audit = _audit(directory)
    audit["abi/pointers/unsigned"] = {"u32 >= 2^31": ["abi", "stop_training"], "listed only": ["stop_training"]}
    _write_audit(directory, audit)
    report = _gate_json(directory, capsys)
    assert report["miscredited_hard_values"] == [
        "abi/pointers/unsigned: u32 >= 2^31: stop_training",
        "abi/pointers/unsigned: listed only: stop_training",
    ]
    assert report["untried_hard_values"] == ["abi/pointers/unsigned: listed only"]
    assert report["hard_values"]["abi/pointers/unsigned"]["u32 >= 2^31"] == ["abi"]


def test_a_malformed_audit_file_is_a_usage_error(tmp_path, capsys):
    directory = fixture_dir(tmp_path)
    _complete_corpus(directory)
    (directory / "hard-values.toml").write_text('[clauses."abi/pointers/unsigned"]\n"v" = "abi"\n', "utf-8")
    assert main(["coverage", "--fixtures", str(directory)]) == 2
    assert "must map each hard value to a list of fixture ids" in capsys.readouterr().err
