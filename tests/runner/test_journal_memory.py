"""A fixture cannot make the runner's memory grow with its journal (guest protocol §3, issue 11).

The fixture's two records each declare 4 GiB of data (the whole of a 4 GiB guest memory). Before the
codec read only judged bytes, the runner copied both in full (8.2 GB RSS). The case runs in a fresh
interpreter so that its peak RSS is the runner's alone: VmHWM from /proc, the high-water mark of this
process's own memory (ru_maxrss would not do: Linux carries the parent's peak across fork and exec,
and under pytest-xdist the parent is a worker of several hundred MB).
"""

from __future__ import annotations

import json
import subprocess
import sys

from .helpers import DATA, ROOT

RSS_LIMIT_MB = 200
SCRIPT = """
import json, sys
from pathlib import Path
from conformance.adapters import open_adapter
from conformance.runner import load_fixture, run_case
with open_adapter("reference") as adapter:
    run = run_case(adapter, load_fixture(Path(sys.argv[1])), seed=1)
status = Path("/proc/self/status").read_text()
peak_mb = int(next(l for l in status.splitlines() if l.startswith("VmHWM:")).split()[1]) / 1024  # kB
print(json.dumps({"outcome": str(run.outcome), "message": run.diagnostic.message, "peak_mb": peak_mb}))
"""


def test_a_4_gib_journal_record_keeps_the_runner_under_200_mb():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(DATA / "huge-journal-record.wat")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["peak_mb"] < RSS_LIMIT_MB, result
    # the judged record was refused on its declared length, without reading 4 GiB of it
    assert result["outcome"] == "fail"
    assert "guest recorded 4294967295 bytes, the check pins 16" in result["message"]
