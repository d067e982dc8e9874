"""The CLI shell: discovery, exit codes, one-line errors (no tracebacks) for bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conformance.cli import EXIT_BAD_INPUT, EXIT_NONCONFORMING, EXIT_OK, main
from conformance.manifest import manifest_path

ROOT = Path(__file__).resolve().parents[1]


def test_unknown_command_is_a_usage_error(capsys):
    assert main(["no-such-command"]) == EXIT_BAD_INPUT
    assert "invalid choice" in capsys.readouterr().err


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == EXIT_BAD_INPUT
    assert "usage:" in capsys.readouterr().err


def test_manifest_prints_every_import_as_wat(capsys):
    assert main(["manifest"]) == EXIT_OK
    out = capsys.readouterr().out
    assert '(import "ark-ml-v2" "ml__stop_experiment" (func (param i64) (result i32)))' in out
    assert out.count("(import ") == 16


def test_manifest_check_accepts_the_shipped_manifest(capsys):
    assert main(["manifest", "--check", str(manifest_path())]) == EXIT_OK
    assert "valid" in capsys.readouterr().out


def test_manifest_check_rejects_a_broken_copy(tmp_path, capsys):
    broken = manifest_path().read_text("utf-8").replace('status = "confirmed"', 'status = "certain"', 1)
    target = tmp_path / "broken.toml"
    target.write_text(broken, "utf-8")
    assert main(["manifest", "--check", str(target)]) == EXIT_NONCONFORMING
    assert "schema violation" in capsys.readouterr().out


def test_manifest_check_missing_file_is_one_line_without_traceback():
    proc = subprocess.run(
        [sys.executable, "-m", "conformance", "manifest", "--check", "/nonexistent/manifest.toml"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == EXIT_BAD_INPUT
    assert proc.stderr.strip().count("\n") == 0
    assert "no such file" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_manifest_check_rejects_non_toml(tmp_path, capsys):
    target = tmp_path / "x.toml"
    target.write_bytes(b"\xff\xfe not toml [[[")
    assert main(["manifest", "--check", str(target)]) == EXIT_BAD_INPUT
    assert "not a readable TOML manifest" in capsys.readouterr().err
