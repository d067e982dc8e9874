"""Run ``python -m conformance ...`` in a subprocess, for bad-input tests that must not hang the test run
(a regression that reads /dev/zero forever or blocks on a FIFO fails at the timeout instead)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conformance.cli import EXIT_BAD_INPUT

ROOT = Path(__file__).resolve().parents[1]


def bad_input_error(*args: str, timeout: float = 60) -> str:
    """stderr of ``ark-conformance ARGS``, asserting exit 2, nothing on stdout and one line, no traceback."""
    proc = subprocess.run(
        [sys.executable, "-m", "conformance", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=ROOT,
    )
    assert proc.returncode == EXIT_BAD_INPUT and proc.stdout == "", (proc.returncode, proc.stdout)
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
    return proc.stderr
