"""`ark-conformance run`: reports, progress, summary line, exit codes and one-line usage errors."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from conformance.cli import main
from conformance.runner import results_schema
from conformance.runner._fixture import fixture_paths

from .helpers import CORPUS, DATA, EXAMPLES, fixture_dir


def test_reference_host_passes_the_corpus_and_writes_all_reports(tmp_path, capsys):
    out = tmp_path / "report"
    assert main(["run", "--host", "reference", "--fixtures", str(CORPUS), "--report-dir", str(out)]) == 0
    captured = capsys.readouterr()
    n = len(fixture_paths(CORPUS))
    assert captured.out.strip().splitlines()[-1].startswith(f"{n} passed in ")
    assert f"; all {n} fixtures (host " in captured.out and "core: conformant" in captured.out
    results = json.loads((out / "results.json").read_text())
    jsonschema.validate(results, results_schema())
    assert results["spec"] == "ark-api-ffi 0.16.0" and results["exit_code"] == 0
    suite = ET.parse(out / "junit.xml").getroot()
    assert suite.get("failures") == "0" and int(suite.get("tests")) == len(results["cases"])
    assert "**" + f"{len(results['cases'])} passed" in (out / "report.md").read_text()
    assert results["complete"] is True and results["verdicts"] == {"core": "conformant", "extended": "conformant"}
    assert "<!DOCTYPE html>" in (out / "report.html").read_text()


def test_progress_is_one_character_per_case_then_the_counter(tmp_path):
    from conformance.adapters import open_adapter
    from conformance.reports import TerminalReporter
    from conformance.runner import RunOptions, discover, run_suite

    directory = fixture_dir(tmp_path, *EXAMPLES)
    err, out = io.StringIO(), io.StringIO()
    options = RunOptions("python:tests.runner.hosts:CoreOnlyHost", directory, jobs=1)
    reporter = TerminalReporter(err, out)
    run_suite(discover(directory), options, lambda: open_adapter(options.host_spec), [reporter])
    # in id order with one job: the extended stop_experiment one is last
    assert err.getvalue().splitlines()[0] == "...n [4/4]"
    assert out.getvalue().startswith("3 passed, 1 not supported in ")
    assert "all 4 fixtures (host core-only test host unknown; core: conformant)" in out.getvalue()


def test_a_one_fixture_run_says_it_is_a_partial_selection(tmp_path, capsys):
    target = tmp_path / "r.json"
    argv = ["run", "--host", "reference", "--fixtures", str(DATA), "-k", "start_training.success", "--json"]
    assert main([*argv, str(target)]) == 0
    out = capsys.readouterr().out
    total = len(fixture_paths(DATA))
    assert "1 passed in " in out and f"partial selection: 1 of {total} fixtures (-k start_training.success)" in out
    data = json.loads(target.read_text())
    assert data["complete"] is False and data["selection"]["pattern"] == "start_training.success"
    assert data["verdicts"] == {"core": "partial", "extended": "partial"}


def test_a_subclass_of_the_reference_host_reports_its_own_name(tmp_path, capsys):
    target = tmp_path / "r.json"
    spec = "python:tests.runner.hosts:CrashyHost"  # inherits ReferenceHost's name and version attributes
    assert (
        main(["run", "--host", spec, "--fixtures", str(DATA), "-k", "start_training.success", "--json", str(target)])
        == 0
    )
    host = json.loads(target.read_text())["host"]
    assert host["name"] == "CrashyHost" and "reference host" not in host["name"]


def test_the_seed_of_each_case_is_recorded_and_in_its_rerun_command(tmp_path, capsys):
    target = tmp_path / "r.json"
    assert (
        main(["run", "--host", "reference", "--fixtures", str(DATA), "-k", "start_training.*", "--json", str(target)])
        == 0
    )
    cases = json.loads(target.read_text())["cases"]
    assert len(cases) > 1
    for case in cases:
        assert 0 <= case["seed"] < 1 << 32 and case["rerun"].endswith(f"--seed {case['seed']}")


def test_a_nonconforming_host_exits_1_with_diagnostic_and_rerun(tmp_path, capsys):
    examples = fixture_dir(tmp_path, *EXAMPLES)
    target = tmp_path / "results.json"
    code = main(
        [
            "run",
            "--host",
            "python:tests.runner.hosts:OverwritingHost",
            "--fixtures",
            str(examples),
            "--json",
            str(target),
            "-k",
            "canary",
            "--junit",
            str(tmp_path / "j.xml"),
        ]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert (
        "FAIL poll_future_training_handle.canary: check 1 (ml__start_training): the host wrote outside the "
        "FutureHandle slot: canary after the slot, byte +0 (window byte 12): expected a5, got 00" in err
    )
    case = json.loads(target.read_text())["cases"][0]
    jsonschema.validate(json.loads(target.read_text()), results_schema())
    assert case["diagnostic"]["clause"] == "abi/memory/write-exactly-sizeof"
    assert case["rerun"].startswith("ark-conformance run --host python:tests.runner.hosts:OverwritingHost")
    failure = ET.parse(tmp_path / "j.xml").getroot().find("testcase/failure")
    assert "window byte 12" in failure.get("message")


def test_unsupported_features_are_not_supported_not_failed(tmp_path, capsys):
    examples = fixture_dir(tmp_path, *EXAMPLES)
    target = tmp_path / "r.json"
    assert (
        main(
            [
                "run",
                "--host",
                "python:tests.runner.hosts:CoreOnlyHost",
                "--fixtures",
                str(examples),
                "--json",
                str(target),
            ]
        )
        == 0
    )
    cases = {c["id"]: c for c in json.loads(target.read_text())["cases"]}
    extended = cases["stop_experiment.stops-remote-workers"]
    assert extended["outcome"] == "not_supported"
    assert "profile 'extended' not supported" in extended["reason"]


def test_rerun_command_selects_exactly_one_case(tmp_path, capsys):
    target = tmp_path / "r.json"
    assert (
        main(["run", "--host", "reference", "--fixtures", str(DATA), "-k", "guest-fails", "--json", str(target)]) == 1
    )
    case = json.loads(target.read_text())["cases"][0]
    argv = case["rerun"].split()[1:]
    assert main([*argv, "--json", str(tmp_path / "again.json")]) == 1
    again = json.loads((tmp_path / "again.json").read_text())["cases"]
    assert [c["id"] for c in again] == ["guest-fails"] and again[0]["outcome"] == "fail"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--host", "nonsense"], "unknown host spec"),
        (["--host", "python:no_such_module_xyz:Host"], "cannot import host module"),
        (["--host", "reference", "--fixtures", "/nonexistent/dir"], "no such fixture directory"),
        (["--host", "reference", "-k", "no-such-case-anywhere"], "no fixture matches"),
        (["--host", "reference", "--expectations", "/nonexistent.toml"], "no such expectations file"),
        (["--host", "reference", "--jobs", "-1"], "--jobs must be >= 0"),
        (["--host", "reference", "--seed", "-1"], "--seed must be in 0..4294967295"),
        (["--host", "subprocess:/nonexistent/host-binary"], "did not start: cannot start host"),
    ],
)
def test_bad_input_is_a_one_line_usage_error(argv, message, capsys):
    if "--fixtures" not in argv:
        argv = [*argv, "--fixtures", str(CORPUS)]
    assert main(["run", *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "Traceback" not in err


def test_a_broken_fixture_in_the_corpus_is_a_usage_error(tmp_path, capsys):
    directory = fixture_dir(tmp_path, "start_training.success")
    (directory / "bad.wat").write_text(';;@ id = "bad"\n(module)\n')
    assert main(["run", "--host", "reference", "--fixtures", str(directory)]) == 2
    assert "bad.wat" in capsys.readouterr().err


def test_k_selects_an_exact_id_alone_else_by_glob_else_by_substring():
    """One rule for `-k`, on loaded fixtures (`select`) and on file names before loading (`matching_stems`)."""
    from types import SimpleNamespace

    from conformance.runner import matching_stems, select

    ids = ["a.b", "a.b-two", "c.b", "d"]
    fixtures = [SimpleNamespace(id=i) for i in ids]
    cases = [("a.b", ["a.b"]), ("*.b", ["a.b", "c.b"]), (".b", ["a.b", "a.b-two", "c.b"]), (None, ids)]
    for pattern, expected in cases:
        assert [f.id for f in select(fixtures, pattern)] == expected  # type: ignore[arg-type]
        assert matching_stems(ids, pattern) == expected
