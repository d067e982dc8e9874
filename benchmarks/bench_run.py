"""Wall time of a whole conformance run against the reference host, in-process and as a subprocess.

    .venv/bin/python benchmarks/bench_run.py [--runs 5] [--jobs N] [--fixtures DIR] [--root CHECKOUT]

Each run is a fresh `ark-conformance run` process (imports, fixture loading and host start-up included,
as a user meets them). Prints min/median/max per host spec and each figure as a ratio to the import
floor: a bare `python -c "import wasmtime, httpx"` process measured in the same session, so figures
from a loaded machine and a quiet one compare. `--root` points at another checkout (e.g. an older
commit) to measure it with this venv.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = [sys.executable, "-c", "import wasmtime, httpx"]


def timed(argv: list[str], cwd: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    started = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{shlex.join(argv)} exited {proc.returncode}: {proc.stderr.strip()[-300:]}")
    return elapsed


def figures(times: list[float]) -> tuple[float, float, float]:
    return min(times), statistics.median(times), max(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=0, help="0 = CPU count")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to measure")
    parser.add_argument("--fixtures", type=Path, help="fixture directory (default: the checkout's fixtures_wat)")
    args = parser.parse_args()
    root = args.root.resolve()
    fixtures = args.fixtures or root / "fixtures_wat"
    serve = "subprocess:" + shlex.join([sys.executable, "-m", "reference_host.serve"])
    base = [sys.executable, "-m", "conformance", "run", "-q", "--fixtures", str(fixtures), "--jobs", str(args.jobs)]
    rows = {"import floor": figures([timed(FLOOR, root) for _ in range(args.runs)])}
    for spec in ("reference", serve):
        rows[spec] = figures([timed([*base, "--host", spec], root) for _ in range(args.runs)])
    floor = rows["import floor"][1]
    print(f"{'':44} {'min':>7} {'median':>7} {'max':>7}  median/floor   ({args.runs} runs, {root})")
    for name, (low, mid, high) in rows.items():
        print(f"{name[:44]:44} {low:7.2f} {mid:7.2f} {high:7.2f}  {mid / floor:6.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
