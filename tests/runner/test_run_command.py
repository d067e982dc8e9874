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
    assert captured.out.strip().splitlines()[-1].startswith(f"{len(fixture_paths(CORPUS))} passed in ")
    results = json.loads((out / "results.json").read_text())
    jsonschema.validate(results, results_schema())
    assert results["spec"] == "ark-api-ffi 0.16.0" and results["exit_code"] == 0
    suite = ET.parse(out / "junit.xml").getroot()
    assert suite.get("failures") == "0" and int(suite.get("tests")) == len(results["cases"])
    assert "**" + f"{len(results['cases'])} passed" in (out / "report.md").read_text()


def test_progress_is_one_character_per_case(tmp_path):
    from conformance.adapters import open_adapter
    from conformance.runner import RunOptions, discover, run_suite

    directory = fixture_dir(tmp_path, *EXAMPLES)
    stream = io.StringIO()
    options = RunOptions("python:tests.runner.hosts:CoreOnlyHost", directory, jobs=1, progress=stream)
    run_suite(discover(directory), options, lambda: open_adapter(options.host_spec))
    assert stream.getvalue() == "...n\n"  # in id order with one job: the extended stop_experiment one is last


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
