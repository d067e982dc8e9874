"""Wall time of a whole conformance run against the reference host, in-process and as a subprocess.

    .venv/bin/python benchmarks/bench_run.py [--runs 5] [--jobs N] [--fixtures fixtures_wat]

Prints each run's time and the median per host spec. Target: the in-process run under 10 s.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from conformance.adapters import open_adapter  # noqa: E402
from conformance.runner import Outcome, RunOptions, discover, run_suite  # noqa: E402


def bench(spec: str, fixtures_dir: Path, jobs: int, runs: int) -> float:
    fixtures = discover(fixtures_dir)
    times = []
    for i in range(runs):
        started = time.perf_counter()
        results = run_suite(fixtures, RunOptions(spec, fixtures_dir, jobs=jobs), lambda: open_adapter(spec))
        elapsed = time.perf_counter() - started
        times.append(elapsed)
        bad = sum(1 for o in results.outcomes if o is not Outcome.PASS)
        print(f"  {spec[:40]:40} run {i + 1}: {elapsed:6.2f} s, {len(fixtures)} cases, {bad} not passing")
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=0, help="0 = CPU count")
    parser.add_argument("--fixtures", type=Path, default=ROOT / "fixtures_wat")
    args = parser.parse_args()
    serve = "subprocess:" + shlex.join([sys.executable, "-m", "reference_host.serve"])
    medians = {spec: bench(spec, args.fixtures, args.jobs, args.runs) for spec in ("reference", serve)}
    for spec, median in medians.items():
        print(f"median of {args.runs}: {median:6.2f} s  {spec}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
