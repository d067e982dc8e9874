"""The coverage gate: import x ErrorCode x clause, exit 1 when an import or a clause has no fixture."""

from __future__ import annotations

import json

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


def _complete_corpus(directory) -> None:
    """Header-only fixtures that together name every import, every listed ErrorCode and every clause."""
    m = load_manifest()
    for imp in m.imports:
        clauses = [c.id for c in imp.clauses]
        body = []
        for i, code in enumerate(imp.errors, 1):
            body += ["[[check]]", f"id = {i}", f'call = "{imp.field}"', f'clause = "{clauses[0]}"', f'code = "{code}"']
        (directory / f"{imp.name}.wat").write_text(_header(imp.name, clauses, body), "utf-8")
    abi = [c.id for c in m.clauses]
    (directory / "abi.wat").write_text(_header("abi", abi, ["[[hive]]", 'route = "start"', "count = 0"]), "utf-8")


def test_gate_passes_on_a_complete_corpus_and_catches_one_missing_clause(tmp_path, capsys):
    directory = fixture_dir(tmp_path)
    _complete_corpus(directory)
    assert main(["coverage", "--fixtures", str(directory), "--require-error-codes"]) == 0
    capsys.readouterr()
    # Drop one clause from one fixture: the gate must fail and name exactly that clause.
    target = directory / "stop_experiment.wat"
    text = target.read_text("utf-8")
    assert ', "ml-v2/stop_experiment/hive-failure"]' in text
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


def test_every_audited_hard_value_of_the_corpus_is_tried():
    cov = compute_coverage(list(corpus_fixtures()), hard_values=load_hard_values(CORPUS))
    assert cov.untried_hard_values == []
    assert len(cov.hard_values) >= 13
    assert cov.hard_column("abi/pointers/unsigned") == "hard 4/4"
    assert cov.hard_column("abi/strings/utf8") == "hard -"  # not audited yet


def test_the_gate_fails_on_a_hard_value_no_fixture_naming_the_clause_tries(tmp_path, capsys):
    directory = fixture_dir(tmp_path)
    _complete_corpus(directory)
    (directory / "hard-values.toml").write_text(
        '[clauses."abi/pointers/unsigned"]\n'
        '"tried" = ["abi"]\n'
        '"listed by a fixture that does not name the clause" = ["stop_training"]\n'
        '"no fixture" = []\n'
        '[clauses."abi/no-such-clause"]\n'
        '"a stale audit" = ["abi"]\n',
        "utf-8",
    )
    assert main(["coverage", "--fixtures", str(directory), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["untried_hard_values"] == [
        "abi/pointers/unsigned: listed by a fixture that does not name the clause",
        "abi/pointers/unsigned: no fixture",
        "abi/no-such-clause: a stale audit",
    ]
    assert main(["coverage", "--fixtures", str(directory)]) == 1
    out = capsys.readouterr().out
    assert "+ abi/pointers/unsigned  [hard 1/3]  abi" in out
    assert "untried hard value: abi/pointers/unsigned: no fixture" in out


def test_a_malformed_audit_file_is_a_usage_error(tmp_path, capsys):
    directory = fixture_dir(tmp_path)
    _complete_corpus(directory)
    (directory / "hard-values.toml").write_text('[clauses."abi/pointers/unsigned"]\n"v" = "abi"\n', "utf-8")
    assert main(["coverage", "--fixtures", str(directory)]) == 2
    assert "must map each hard value to a list of fixture ids" in capsys.readouterr().err
