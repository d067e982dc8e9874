"""The pytest plugin (`pytest --ark-host SPEC`), run in an inner pytest session with pytester."""

from __future__ import annotations

import pytest

from conformance.runner._fixture import fixture_paths
from tests.runner.helpers import CORPUS, EXAMPLES, ROOT, fixture_dir

pytest_plugins = ["pytester"]


def _run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """The inner session runs in this process (a subprocess would pay pytest's and wasmtime's imports each
    time); faulthandler stays off there because the outer session already holds it."""
    return pytester.runpytest_inprocess(
        "-p", "no:randomly", "-p", "no:cacheprovider", "-p", "no:faulthandler", "-v", *args
    )


@pytest.fixture
def examples(tmp_path_factory):
    return fixture_dir(tmp_path_factory.mktemp("plugin"), *EXAMPLES)


def test_one_test_per_fixture_named_by_its_id(pytester, examples, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    result = _run(pytester, "--ark-host", "reference", "--ark-fixtures", str(examples))
    result.assert_outcomes(passed=len(EXAMPLES))
    for case_id in EXAMPLES:
        result.stdout.fnmatch_lines([f"*ark::{case_id} PASSED*"])


def test_k_selects_fixture_tests_by_id(pytester, examples, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    result = _run(pytester, "--ark-host", "reference", "--ark-fixtures", str(examples), "-k", "start_training")
    result.assert_outcomes(passed=2)


def test_failures_carry_the_diagnostic_and_unsupported_cases_are_skipped(pytester, examples, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    result = _run(pytester, "--ark-host", "python:tests.runner.hosts:OverwritingHost", "--ark-fixtures", str(examples))
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(["*fail: check 1 (ml__start_training): *canary after the slot*", "*rerun: *"])
    core_only = _run(pytester, "--ark-host", "python:tests.runner.hosts:CoreOnlyHost", "--ark-fixtures", str(examples))
    core_only.assert_outcomes(passed=3, skipped=1)


def test_expectations_turn_a_failure_into_an_expected_failure(pytester, examples, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    expectations = pytester.path / "x.toml"
    expectations.write_text('[[case]]\nid = "*.canary"\nstatus = "fail"\nreason = "known: writes one byte too many"\n')
    host = "python:tests.runner.hosts:OverwritingHost"
    result = _run(
        pytester, "--ark-host", host, "--ark-fixtures", str(examples), "--ark-expectations", str(expectations)
    )
    result.assert_outcomes(passed=3, xfailed=1)


@pytest.mark.slow
def test_the_plugin_collects_every_fixture_and_passes_against_the_reference_host(pytester, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    result = _run(pytester, "--ark-host", "reference", "--ark-fixtures", str(CORPUS), "-q")
    result.assert_outcomes(passed=len(fixture_paths(CORPUS)))


def test_without_ark_host_the_plugin_adds_nothing(pytester):
    pytester.makepyfile("def test_plain():\n    assert 1 + 1 == 2\n")
    result = _run(pytester)
    result.assert_outcomes(passed=1)


def test_a_broken_expectations_file_is_a_usage_error(pytester, examples, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    bad = pytester.path / "bad.toml"
    bad.write_text("[[case]]\nid = 'x'\n")
    result = _run(pytester, "--ark-host", "reference", "--ark-fixtures", str(examples), "--ark-expectations", str(bad))
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*ark-conformance: *status must be one of*"])
