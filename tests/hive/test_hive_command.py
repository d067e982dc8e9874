"""``ark-conformance hive``: serves until stopped, prints its address, rejects bad scenarios with exit 2."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from conformance.cli import EXIT_BAD_INPUT, EXIT_OK, UsageError, main
from conformance.commands.hive import serve
from conformance.hive import HiveSimulator, Scenario
from tests.hive.conftest import PLAIN_HTTP, RUN_1
from tests.processes import sigint_inherited_as_default

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("content", "message"),
    [("{", "not JSON"), ('{"runs": [{"run_id": 1}]}', "runs[0]"), ('{"faults": {"x": {"kind": "hang"}}}', "faults")],
)
def test_an_invalid_scenario_is_one_line_and_exit_2(tmp_path, capsys, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    assert main(["hive", "--scenario", str(path)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_a_missing_scenario_file_is_exit_2(tmp_path, capsys):
    assert main(["hive", "--scenario", str(tmp_path / "none.json")]) == EXIT_BAD_INPUT
    assert "no such file" in capsys.readouterr().err


def test_a_port_out_of_range_is_exit_2(capsys):
    assert main(["hive", "--port", "65536"]) == EXIT_BAD_INPUT
    assert "--port" in capsys.readouterr().err


def test_a_port_in_use_is_a_usage_error():
    with HiveSimulator().loopback_server() as taken, pytest.raises(UsageError, match="cannot listen"):
        serve(Scenario(), taken.port, threading.Event(), io.StringIO())


def test_serve_prints_the_address_and_answers_until_stopped():
    stop = threading.Event()
    out = io.StringIO()
    result = []
    scenario = Scenario.from_dict({"runs": [RUN_1]})
    worker = threading.Thread(target=lambda: result.append(serve(scenario, 0, stop, out)))
    worker.start()
    try:
        base_url = _wait_for_line(out)
        response = httpx.get(f"{base_url}/api/v1/runs/run-1/config", verify=PLAIN_HTTP)
        assert response.json()["config"] == RUN_1["config"]
    finally:
        stop.set()
        worker.join(2.0)
    assert [r.route for r in result[0].requests] == ["config"]


def _wait_for_line(out: io.StringIO) -> str:
    """The base URL from the 'listening on' line (serve prints it before it waits)."""
    for _ in range(200):
        text = out.getvalue()
        if text.endswith("\n"):
            return text.split("listening on ", 1)[1].strip()
        threading.Event().wait(0.005)
    raise AssertionError("serve printed no address")


def test_the_command_runs_until_interrupted_and_exits_0(tmp_path):
    scenario = tmp_path / "s.json"
    scenario.write_text(json.dumps({"runs": [RUN_1]}), "utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with sigint_inherited_as_default():
        proc = subprocess.Popen(
            [sys.executable, "-m", "conformance", "hive", "--port", "0", "--scenario", str(scenario)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
    try:
        line = proc.stdout.readline()
        base_url = line.split("listening on ", 1)[1].strip()
        assert httpx.get(f"{base_url}/api/v1/runs/run-1/workers", verify=PLAIN_HTTP).json() == {"workers": []}
        proc.send_signal(signal.SIGINT)
        assert proc.wait(5) == EXIT_OK
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
