"""One error model: every deliberate error is a ConformanceError, and the CLI maps its kind to an exit code.

Each bad input below used to end in exit 3 (or a misleading message); each is now one line and exit 2.
"""

from __future__ import annotations

import ast
import importlib
import re
from functools import cache
from pathlib import Path

import pytest

from conformance.cli import EXIT_BAD_INPUT, EXIT_INTERNAL, main
from conformance.errors import BadInput, ConformanceError, HostProblem, InternalError

ROOT = Path(__file__).resolve().parents[1]
# Exceptions that are not CLI errors on purpose: assertion-style findings of the fuzzer, per-call signals
# inside the reference host and its serve loop, and the guest-protocol budget signal.
NOT_CLI_ERRORS = {
    "ModelViolation",
    "CallCheckFailed",
    "AbiError",
    "HiveFailure",
    "RequestError",
    "BudgetExceeded",
    "LinkError",
    "ProtocolError",
}


# A top-level class statement starts its line; only files with one such name are parsed (parsing all ~100
# modules took 0.2 s of every pytest process's collection), and the AST has the last word on each.
_CANDIDATE = re.compile(r"^class\s+\w*(?:Error|Unavailable|Failed)\b", re.MULTILINE)


@cache
def _exception_classes() -> list[tuple[str, str]]:
    """(module, class) for every class in conformance/ and reference_host/ whose name ends in Error/Unavailable."""
    found = []
    for package in ("conformance", "reference_host"):
        for path in sorted((ROOT / package).rglob("*.py")):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            text = path.read_text("utf-8")
            if not _CANDIDATE.search(text):
                continue
            for node in ast.parse(text).body:
                if isinstance(node, ast.ClassDef) and node.name.endswith(("Error", "Unavailable", "Failed")):
                    if node.name in NOT_CLI_ERRORS:
                        continue
                    found.append((module, node.name))
    return found


@pytest.mark.parametrize(("module", "name"), _exception_classes())
def test_every_deliberate_error_derives_from_the_root(module, name):
    cls = getattr(importlib.import_module(module), name)
    assert issubclass(cls, ConformanceError), f"{module}.{name} is outside the error model"


def test_the_walk_finds_the_error_classes():
    """The parametrized test above is only as good as this list: it must see the known classes."""
    names = {name for _, name in _exception_classes()}
    assert {"WasmError", "FixtureError", "ScenarioError", "UsageError", "HostUnavailable", "LinkFailed"} <= names


def test_kinds_map_to_exit_codes():
    assert (BadInput.exit_code, HostProblem.exit_code, InternalError.exit_code) == (2, 2, 3)


def test_one_host_unavailable():
    from conformance.runner import HostUnavailable as from_runner
    from conformance.validator import HostUnavailable as from_validator

    assert from_runner is from_validator


def test_an_internal_error_is_exit_3_with_one_line(monkeypatch, capsys):
    import conformance.commands.manifest as manifest_command

    def broken(args):
        raise InternalError("the suite broke")

    monkeypatch.setattr(manifest_command, "run", broken)
    assert main(["manifest"]) == EXIT_INTERNAL
    assert capsys.readouterr().err.strip().splitlines() == ["ark-conformance: internal error: the suite broke"]


def _one_line_exit_2(argv: list[str], capsys) -> str:
    assert main(argv) == EXIT_BAD_INPUT
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0], err
    return err[0]


def test_empty_fixture_directory(tmp_path, capsys):
    line = _one_line_exit_2(["run", "--host", "reference", "--fixtures", str(tmp_path)], capsys)
    assert "no fixtures in this directory" in line


def test_host_class_with_the_wrong_constructor(capsys):
    line = _one_line_exit_2(["run", "--host", "python:json:JSONDecoder", "-k", "start_training.success"], capsys)
    assert "cannot be built as json.decoder.JSONDecoder(HostConfig)" in line


def test_fixture_that_is_not_utf8(tmp_path, capsys):
    (tmp_path / "bad.wat").write_bytes(b";;@ id = \"bad\"\n\xff\xfe(module)\n")
    line = _one_line_exit_2(["run", "--host", "reference", "--fixtures", str(tmp_path)], capsys)
    assert "bad.wat" in line


def test_wat_that_is_a_directory(tmp_path, capsys):
    (tmp_path / "dir.wat").mkdir()
    line = _one_line_exit_2(["run", "--host", "reference", "--fixtures", str(tmp_path)], capsys)
    assert "dir.wat" in line


@pytest.mark.parametrize(
    ("option", "make", "expected"),
    [
        ("--json", lambda tmp: tmp, "is a directory"),
        ("--junit", lambda tmp: (tmp / "file").touch() or tmp / "file" / "junit.xml", "cannot be written"),
        ("--report-dir", lambda tmp: (tmp / "file").touch() or tmp / "file", "not a directory that can be written"),
    ],
)
def test_output_paths_are_checked_before_any_case_runs(option, make, expected, tmp_path, capsys, monkeypatch):
    import conformance.commands.run as run_command

    def no_run(*args, **kwargs):
        raise AssertionError("a case ran before the output paths were checked")

    monkeypatch.setattr(run_command, "run_suite", no_run)
    argv = ["run", "--host", "reference", "-k", "start_training.success", option, str(make(tmp_path))]
    line = _one_line_exit_2(argv, capsys)
    assert expected in line


def test_an_output_that_fails_at_write_time_is_exit_2(capsys):
    argv = ["run", "--host", "reference", "-k", "start_training.success", "-q", "--json", "/proc/x.json"]
    line = _one_line_exit_2(argv, capsys)
    assert line.startswith("ark-conformance: error: /proc/x.json: cannot be written")
