"""SIGTERM and SIGHUP (a CI job's timeout, a closed terminal) end `ark-conformance run` like Ctrl-C: the
reports are written, marked incomplete, the exit code is 128 + the signal, and no host process group
the run started outlives it (the hosts run in their own sessions, so only the runner can kill them)."""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.adapters._gallery import HOST, RUN_BOUND_SECONDS, kill_leftovers, short_deadline_fixtures
from tests.runner.helpers import ROOT


def _is_step(line: bytes) -> bool:
    try:
        request = json.loads(line)
    except ValueError:  # a line the host is still writing
        return False
    return request.get("op") == "call" and request.get("export") == "conformance_step"


def _wait_for_step(record: Path, runner: subprocess.Popen[bytes]) -> None:
    """Until the host has received its first `conformance_step` (a case is under way and hangs there)."""
    deadline = time.monotonic() + RUN_BOUND_SECONDS
    while not any(_is_step(line) for line in (record.read_bytes() if record.exists() else b"").splitlines()):
        assert runner.poll() is None, "the run ended before its first case started"
        assert time.monotonic() < deadline, "no case started"
        time.sleep(0.01)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_stop_signal_writes_partial_reports_and_kills_the_hanging_host(tmp_path, signum):
    fixtures, reports, pids, record = short_deadline_fixtures(tmp_path), *(tmp_path / n for n in ("r", "p", "rec"))
    spec = "subprocess:" + shlex.join([sys.executable, str(HOST), "hang"])
    argv = [sys.executable, "-m", "conformance", "run", "--host", spec, "--fixtures", str(fixtures)]
    argv += ["--report-dir", str(reports), "--jobs", "1", "-q"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MISBEHAVING_PIDS": str(pids), "MISBEHAVING_RECORD": str(record)}
    runner = subprocess.Popen(argv, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait_for_step(record, runner)
        runner.send_signal(signum)  # to the runner alone, as `timeout` or a CI agent sends it
        _, err = runner.communicate(timeout=RUN_BOUND_SECONDS)
    finally:
        if runner.poll() is None:
            runner.kill()
        left = kill_leftovers(pids)
    assert left == [], f"host processes outlived the run: {left}"
    assert runner.returncode == 128 + signum, err.decode()
    assert "Traceback" not in err.decode() and "interrupted: 0 of 2 fixtures" in err.decode()
    results = json.loads((reports / "results.json").read_text())
    assert results["interrupted"] is True and results["complete"] is False
