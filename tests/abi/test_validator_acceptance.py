"""`validate` accepts correct guests and rejects each kind of broken one with its specific message."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from conformance.cli import EXIT_BAD_INPUT, EXIT_NONCONFORMING, EXIT_OK, main
from conformance.validator import validate_guest
from conformance.wasm import WasmError, compile_wat
from tests.cli_process import bad_input_error

from ._data import GUESTS, INVALID

CASES = tomllib.loads((INVALID / "expected.toml").read_text("utf-8"))["case"]


@pytest.mark.parametrize("name", ["import_all.wat", "minimal.wat"])
def test_valid_guests_exit_0(name, capsys):
    assert main(["validate", str(GUESTS / name)]) == EXIT_OK
    assert ": valid against ark-api-ffi 0.16.0" in capsys.readouterr().out


def test_import_all_requires_every_manifest_function():
    report = validate_guest(GUESTS / "import_all.wat")
    assert report.valid and report.findings == ()
    assert report.required_apis == ("ml-v2", "ml-v1")
    assert len(report.required_functions) == 16


def test_minimal_guest_requires_only_ml_v1_drop_future():
    report = validate_guest(GUESTS / "minimal.wat")
    assert report.required_apis == ("ml-v1",)
    assert report.required_functions == ("ark-ml-v1::ml__drop_future",)


def test_every_invalid_guest_has_an_expectation():
    assert sorted(p.name for p in INVALID.iterdir() if p.name != "expected.toml") == sorted(c["file"] for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_invalid_guest_is_rejected_with_its_message(case, capsys):
    assert main(["validate", str(INVALID / case["file"])]) == case["exit"]
    captured = capsys.readouterr()
    if case["exit"] == EXIT_BAD_INPUT:
        assert captured.out == ""
        assert captured.err.count("\n") == 1 and case["message"] in captured.err
        assert "Traceback" not in captured.err
    else:
        assert case["exit"] == EXIT_NONCONFORMING
        line = next(ln for ln in captured.out.splitlines() if f"[{case['code']}]" in ln)
        assert case["message"] in line


def test_python_api_reports_the_same_finding_for_bytes():
    case = next(c for c in CASES if c["file"] == "i32_for_i64.wat")
    wasm = compile_wat((INVALID / case["file"]).read_text("utf-8"))
    (finding,) = validate_guest(wasm).findings
    assert (finding.code, finding.param, finding.expected, finding.found) == ("param-type", "handle", "i64", "i32")


def test_wat_text_given_as_bytes_is_accepted():
    assert validate_guest((GUESTS / "minimal.wat").read_bytes()).valid


def test_foreign_imports_are_a_warning_not_an_error():
    wat = '(module (import "env" "abort" (func)) (memory (export "memory") 1) (func (export "extra")))'
    report = validate_guest(compile_wat(wat))
    assert report.valid
    assert [f.code for f in report.warnings] == ["foreign-import"]


def test_missing_file_exits_2_with_one_line(tmp_path: Path, capsys):
    assert main(["validate", str(tmp_path / "nope.wasm")]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.wasm: no such file" in err


def test_broken_wat_exits_2_with_one_line(tmp_path: Path, capsys):
    path = tmp_path / "broken.wat"
    path.write_text("(module (func (param i33)))", "utf-8")
    assert main(["validate", str(path)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "WAT does not compile" in err


def test_directory_is_unreadable_not_a_crash(tmp_path: Path):
    with pytest.raises(WasmError, match="is a directory"):
        validate_guest(tmp_path)


@pytest.mark.parametrize(
    ("module", "field", "suggestion"),
    [
        ("ark_ml_v2", "ml__stop_experiment", "ark-ml-v2"),
        ("env", "ml__drop_future", "ark-ml-v1"),
        ("ark-ml-1", "ml__x", "ark-ml-v1"),
    ],
)
def test_misspelled_modules_get_the_right_suggestion(module, field, suggestion):
    wat = f'(module (import "{module}" "{field}" (func (param i64) (result i32))) (memory (export "memory") 1))'
    (finding,) = validate_guest(compile_wat(wat)).findings
    assert (finding.code, finding.suggestion) == ("wrong-module", suggestion)


def test_installed_command_prints_one_line_for_garbage_not_a_traceback():
    assert "not a Wasm binary" in bad_input_error("validate", str(INVALID / "garbage.wasm"))
