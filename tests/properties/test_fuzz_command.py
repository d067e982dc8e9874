"""``ark-conformance fuzz``: finds a bug and writes a replayable case; bad input is a one-line exit 2."""

from __future__ import annotations

import pytest

from conformance.cli import main
from conformance.fuzz.case import load_case
from conformance.fuzz.checks import CallCheckFailed
from conformance.fuzz.world import replay, respx_world
from tests.mutants.marshalling_mutants import MUTANTS

MUTANT = "tests.mutants.marshalling_mutants:MUTANTS.accepts-invalid-utf8"


def test_fuzz_finds_the_bug_and_the_case_file_replays_it(tmp_path, capsys):
    # seed 11 finds the bug within 25 examples and shrinks it fast (seed 1 needed 100 examples, 3 s)
    code = main(
        ["fuzz", "--minutes", "0.001", "--out", str(tmp_path), "--host", MUTANT, "--examples", "25", "--seed", "11"]
    )
    assert code == 1
    assert "1 failure(s)" in capsys.readouterr().out
    (path,) = tmp_path.glob("fuzz-*.json")
    case = load_case(path)
    assert len(case.steps) == 1 and "utf8" in case.failure
    with respx_world(MUTANTS["accepts-invalid-utf8"], case.scenario) as world, pytest.raises(CallCheckFailed):
        replay(world, case)


def test_python_host_spec_runs_the_reference_class(tmp_path, capsys):
    argv = ["fuzz", "--minutes", "0.001", "--out", str(tmp_path), "--host", "python:reference_host:ReferenceHost"]
    assert main([*argv, "--examples", "5", "--seed", "1", "--max-steps", "2"]) == 0
    assert "0 failure(s)" in capsys.readouterr().out


def test_differential_fuzz_reports_the_first_divergence(tmp_path, capsys):
    against = "tests.mutants.marshalling_mutants:MUTANTS.out-write-one-byte-too-long"
    argv = [
        "fuzz",
        "--minutes",
        "0.001",
        "--out",
        str(tmp_path),
        "--against",
        against,
        "--examples",
        "50",
        "--seed",
        "1",
        "--max-steps",
        "1",
    ]
    assert main(argv) == 1
    out = capsys.readouterr().out
    assert "written differs" in out and "1 failure(s)" in out
    (path,) = tmp_path.glob("fuzz-*.json")
    assert "written differs" in load_case(path).failure


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["fuzz", "--minutes", "0"], "--minutes must be a positive number"),
        (["fuzz", "--minutes", "1", "--host", "nope"], "is not reference, python:MODULE:CLASS or MODULE:FACTORY"),
        (["fuzz", "--minutes", "1", "--host", "python:no.such.module:X"], "cannot import host module"),
        (["fuzz", "--minutes", "1", "--against", "python:json:NoSuchClass"], "has no class"),
        (["fuzz", "--minutes", "1", "--host", "subprocess:true"], "host 'subprocess:true': "),
        (["fuzz", "--minutes", "1", "--against", "subprocess:"], "unknown host spec"),
        (["fuzz", "--minutes", "1", "--hive", "respx", "--against", "subprocess:true"], "use loopback"),
        (["fuzz", "--minutes", "1", "--seeds", "0"], "--seeds must be at least 1"),
        (["fuzz", "--minutes", "1", "--host", "no.such.module:x"], "cannot be loaded"),
        (["fuzz", "--minutes", "1", "--examples", "0"], "--examples must be at least 1"),
        (["fuzz", "--minutes", "1", "--max-steps", "0"], "--max-steps must be at least 1"),
        (["fuzz", "--minutes", "1", "--against", "x:y"], "cannot be loaded"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
