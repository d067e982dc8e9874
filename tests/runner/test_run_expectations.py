"""Expectations applied in a run: skip, xfail (exit 0) and xpass (exit 1)."""

from __future__ import annotations

import json

from conformance.cli import main

from .helpers import EXAMPLES, fixture_dir


def _run(tmp_path, host, entry, *extra):
    exp = tmp_path / "exp.toml"
    exp.write_text(entry)
    target = tmp_path / "r.json"
    code = main(
        [
            "run",
            "--host",
            host,
            "--fixtures",
            str(fixture_dir(tmp_path, *EXAMPLES)),
            "--expectations",
            str(exp),
            "--json",
            str(target),
            *extra,
        ]
    )
    return code, {c["id"]: c for c in json.loads(target.read_text())["cases"]}


def test_expected_failure_that_fails_is_xfail_and_the_run_passes(tmp_path):
    entry = '[[case]]\nid = "*.canary"\nstatus = "fail"\nreason = "writes one byte too many"\n'
    code, cases = _run(tmp_path, "python:tests.runner.hosts:OverwritingHost", entry, "-k", "canary")
    assert code == 0
    assert cases["poll_future_training_handle.canary"]["outcome"] == "xfail"
    assert cases["poll_future_training_handle.canary"]["reason"] == "writes one byte too many"


def test_expected_failure_that_passes_is_xpass_and_fails_the_run(tmp_path):
    entry = '[[case]]\nid = "start_training.success"\nstatus = "fail"\nreason = "stale"\n'
    code, cases = _run(tmp_path, "reference", entry, "-k", "start_training.success")
    assert code == 1
    assert cases["start_training.success"]["outcome"] == "xpass"


def test_skipped_case_is_not_run(tmp_path):
    entry = '[[case]]\nid = "*.canary"\nstatus = "skip"\nreason = "not today"\n'
    code, cases = _run(tmp_path, "python:tests.runner.hosts:OverwritingHost", entry, "-k", "canary")
    assert code == 0
    assert cases["poll_future_training_handle.canary"]["outcome"] == "skip"
    assert cases["poll_future_training_handle.canary"]["hive_requests"] == []
