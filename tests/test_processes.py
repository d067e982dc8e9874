"""tests/processes.py, the leftover checks' waiting: it must still see a process that outlives its grace,
and must not report one that ends within it."""

from __future__ import annotations

import subprocess
import sys
import threading

from tests.processes import still_alive, wait_for_exit

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


def test_a_process_that_keeps_running_is_still_alive_after_the_grace():
    proc = subprocess.Popen(SLEEPER)
    try:
        assert still_alive(lambda: [proc.pid] if proc.poll() is None else [], 0.2) == [proc.pid]
    finally:
        proc.kill()
        proc.wait()


def test_a_process_killed_during_the_grace_is_not_reported():
    proc = subprocess.Popen(SLEEPER)
    killer = threading.Timer(0.1, proc.kill)
    killer.start()
    try:
        assert still_alive(lambda: [proc.pid] if proc.poll() is None else [], 30) == []
    finally:
        killer.cancel()
        proc.kill()
        proc.wait()


def test_waiting_for_a_pid_that_is_gone_returns():
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    wait_for_exit([proc.pid], 30)
