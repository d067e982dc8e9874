"""`validate` reads regular files only, up to a size cap: a device, a FIFO, a directory or an oversized file
is exit 2 with one line, before any byte is read (so /dev/zero is not read forever, a FIFO does not block)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conformance import wasm
from conformance.cli import EXIT_BAD_INPUT, main
from tests.cli_process import bad_input_error

VALID = b"\x00asm\x01\x00\x00\x00"  # the empty module


def one_line_error(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    assert main(["validate", str(path)]) == EXIT_BAD_INPUT
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and "Traceback" not in captured.err
    return captured.err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_not_read() -> None:
    assert "/dev/zero: not a regular file (a character device)" in bad_input_error("validate", "/dev/zero")


def test_a_directory_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert f"{tmp_path}: is a directory" in one_line_error(capsys, tmp_path)


def test_a_directory_named_like_a_module_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "guest.wat").mkdir()
    assert "guest.wat: is a directory" in one_line_error(capsys, tmp_path / "guest.wat")


def test_a_file_over_the_cap_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wasm, "MAX_MODULE_BYTES", len(VALID))
    path = tmp_path / "big.wasm"
    path.write_bytes(VALID + b"\x00")
    assert "big.wasm: larger than 8 bytes" in one_line_error(capsys, path)
    path.write_bytes(VALID)  # at the cap: read and validated
    assert main(["validate", str(path)]) != EXIT_BAD_INPUT


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    """Opening a FIFO without a writer blocks (unless non-blocking): hence the subprocess."""
    fifo = tmp_path / "guest.wasm"
    os.mkfifo(fifo)
    assert "guest.wasm: not a regular file (a FIFO)" in bad_input_error("validate", str(fifo))
