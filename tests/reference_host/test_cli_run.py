"""`python -m reference_host run`: a guest-protocol guest end to end through the loopback hive."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conformance.guest_protocol import MAX_DATA_BYTES
from conformance.hive import Fault, HiveSimulator
from conformance.wasm import compile_wat
from reference_host.__main__ import main

from .thunk import thunk_guest

GUEST = Path(__file__).parent / "guests" / "start_poll_take_stop.wat"


def journal(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_run_end_to_end_through_loopback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wasm = tmp_path / "guest.wasm"
    wasm.write_bytes(compile_wat(GUEST.read_text()))
    sim = HiveSimulator()
    with sim.loopback_server() as address:
        code = main(["run", str(wasm), "--hive-host", address.host, "--hive-port", str(address.port)])
    out = capsys.readouterr().out
    assert code == 0
    assert journal(out) == [
        {"check_id": 1, "code": 0, "data_len": 0, "data": ""},
        {"check_id": 2, "code": 0, "data_len": 1, "data": "01"},
        {"check_id": 3, "code": 0, "data_len": 0, "data": ""},
    ]
    assert [r.route for r in sim.requests] == ["start", "stop"]
    assert sim.requests[0].json["game_name"] == "pong"
    (run_id,) = sim.run_ids
    assert sim.run(run_id).status == "stopped"


def test_guest_failure_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sim = HiveSimulator()
    sim.set_fault("start", Fault(kind="status", status=500))
    with sim.loopback_server() as address:
        code = main(["run", str(GUEST), "--hive-host", address.host, "--hive-port", str(address.port)])
    assert code == 1
    assert journal(capsys.readouterr().out)[1] == {"check_id": 2, "code": 8, "data_len": 0, "data": ""}


@pytest.mark.parametrize("content", [None, b"not wasm at all", "thunk", b'(module (import "ark-ml-v2" "x" (func)))'])
def test_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: object) -> None:
    path = tmp_path / "guest.wasm"
    if content == "thunk":
        path.write_bytes(thunk_guest())
    elif content is not None:
        path.write_bytes(content)  # type: ignore[arg-type]
    assert main(["run", str(path), "--hive-host", "127.0.0.1", "--hive-port", "1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_module_entry_point(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reference_host",
            "run",
            str(tmp_path / "missing.wasm"),
            "--hive-host",
            "h",
            "--hive-port",
            "1",
        ],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=60,
    )
    assert result.returncode == 2
    assert "missing.wasm" in result.stderr and "Traceback" not in result.stderr


def _journal_guest(count: int, data_len: int) -> str:
    """A protocol-only guest whose journal claims `count` records, each of `data_len` bytes at 0."""
    return f"""(module
  (memory (export "memory") 2)
  (func (export "conformance_protocol") (result i32) (i32.const 1))
  (func (export "conformance_params") (result i32) (i32.const 0x100))
  (func (export "conformance_journal") (result i32) (i32.const 0x400))
  (func (export "conformance_step") (result i32)
    (i32.store (i32.const 0x400) (i32.const {count}))
    (i32.store (i32.const 0x404) (i32.const 1))
    (i32.store (i32.const 0x410) (i32.const {data_len}))
    (i32.const 1)))"""


def test_journal_of_more_than_1024_records_is_refused_like_the_runner(tmp_path, capsys):
    """The runner refuses it (an `error` case); the run command exits 2 with the same words, not truncating."""
    path = tmp_path / "guest.wat"
    path.write_text(_journal_guest(1025, 0))
    assert main(["run", str(path), "--hive-host", "127.0.0.1", "--hive-port", "1"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "error: journal count 1025 exceeds the protocol's 1024 records\n"
    path.write_text(_journal_guest(1024, 0))
    assert main(["run", str(path), "--hive-host", "127.0.0.1", "--hive-port", "1"]) == 0
    assert len(journal(capsys.readouterr().out)) == 1024


def test_record_data_is_printed_up_to_the_cap(tmp_path, capsys):
    path = tmp_path / "guest.wat"
    path.write_text(_journal_guest(1, 2 * MAX_DATA_BYTES))
    assert main(["run", str(path), "--hive-host", "127.0.0.1", "--hive-port", "1"]) == 0
    (record,) = journal(capsys.readouterr().out)
    assert record["data_len"] == 2 * MAX_DATA_BYTES and len(record["data"]) == 2 * MAX_DATA_BYTES
