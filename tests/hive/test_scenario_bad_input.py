"""Scenario input that must be a clean ScenarioError (`hive --scenario FILE`: exit 2, one line): numbers
that are not finite, nesting beyond the JSON depth limit, and paths that are not regular files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conformance.cli import EXIT_BAD_INPUT, main
from conformance.commands import hive as hive_command
from conformance.hive import Fault, Scenario, ScenarioError
from conformance.hive import _scenario as scenario_module
from tests.cli_process import bad_input_error


@pytest.fixture(autouse=True)
def never_serve(monkeypatch: pytest.MonkeyPatch) -> None:
    """A scenario these tests give must never be served: an accepted one would serve until interrupted."""

    def fail(*args: object) -> None:
        raise AssertionError("the scenario was accepted")

    monkeypatch.setattr(hive_command, "serve", fail)


def hive_error(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    assert main(["hive", "--scenario", str(path)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_seconds_in_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, token: str) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"faults": {"start": {"kind": "latency", "seconds": ' + token + "}}}", "utf-8")
    assert f"{token} is not JSON" in hive_error(capsys, path)


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_non_finite_seconds_in_a_dict_or_fault(value: float) -> None:
    with pytest.raises(ScenarioError, match=r"faults\.start\.seconds: .* not a finite number"):
        Scenario.from_dict({"faults": {"start": {"kind": "latency", "seconds": value}}})
    with pytest.raises(ScenarioError, match=r"seconds: .* not a finite number"):
        Fault(kind="hang", seconds=value)


def test_a_deeply_nested_scenario(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"runs": ' + "[" * 100_000 + "]" * 100_000 + "}", "utf-8")
    assert "nested deeper than 128 levels" in hive_error(capsys, path)


def test_a_directory(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert "is a directory" in hive_error(capsys, tmp_path)


def test_a_file_over_the_cap(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(scenario_module, "MAX_SCENARIO_BYTES", 10)
    path = tmp_path / "s.json"
    path.write_text('{"runs": []}', "utf-8")
    assert "larger than 10 bytes" in hive_error(capsys, path)


def test_not_utf8(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(b'{"runs": [], "x": "\xff"}')
    assert "not UTF-8" in hive_error(capsys, path)


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_special_files_are_refused_without_reading(tmp_path: Path, kind: str) -> None:
    """In a subprocess with a timeout: a regression would read /dev/zero forever or block on the FIFO."""
    if kind == "fifo":
        path = tmp_path / "s.json"
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
    assert "not a regular file" in bad_input_error("hive", "--scenario", str(path))
