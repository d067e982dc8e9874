"""Session-wide pytest settings for the whole suite (area conftests hold their own fixtures)."""

from __future__ import annotations

import os

import pytest


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` (scripts/test.sh): one worker more than xdist's own count (the CPUs).

    Much of the suite waits rather than computes: on the processes it starts (subprocess hosts, the CLI,
    Node, chromium, wheel builds) and on case deadlines. With one worker per CPU a CPU idles whenever its
    worker waits; the extra worker fills those gaps. Measured on the 2-core machine (whole suite, foreground,
    same tree): -n 2 took 64-66 s, -n 3 52-53 s, -n 4 54 s, at the same CPU time (94-99 s user+sys).
    $PYTEST_XDIST_AUTO_NUM_WORKERS still sets the count exactly (xdist's own rule)."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # xdist's hook reads it
    from xdist.plugin import pytest_xdist_auto_num_workers as xdist_count

    return xdist_count(config) + 1
