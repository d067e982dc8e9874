"""Wall time of a whole conformance run against the reference host, in-process and as a subprocess.

    .venv/bin/python benchmarks/bench_run.py [--runs 5] [--jobs N] [--fixtures DIR] [--root CHECKOUT]
                                             [--baseline CHECKOUT]

Each run is a fresh `ark-conformance run` process (imports, fixture loading and host start-up included,
as a user meets them). Prints min/median/max wall time per host spec, the median CPU time (user + system
of the run and its host processes: steadier than wall time on a shared machine), and the median as a
ratio to the import floor: a bare `python -c "import wasmtime, httpx"` process. The floor is measured
again before every round of runs and each run is divided by the floor of its own round, so a machine
whose load changes during the session still gives comparable ratios.

`--root` points at the checkout to measure (default: this one), `--baseline` at a second one (an older
commit, e.g. `git archive <commit> | tar -x -C /tmp/base`) measured in the same rounds, interleaved
run by run with the first, for a before/after comparison. Both use this venv's Python, with bytecode
cached under the venv (`pycache/`) as an installed package has it.
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = [sys.executable, "-c", "import wasmtime, httpx"]
# Bytecode is cached, as an installed package has it (pip compiles it) and as scripts/test.sh does: an
# environment with PYTHONDONTWRITEBYTECODE would otherwise compile every module of a checkout on every run.
BYTECODE = Path(sys.prefix) / "pycache"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and the children it waited for)."""
    env = {**os.environ, "PYTHONPATH": str(cwd), "PYTHONPYCACHEPREFIX": str(BYTECODE)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cpu = _children_cpu()
    started = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{shlex.join(argv)} exited {proc.returncode}: {proc.stderr.strip()[-300:]}")
    return elapsed, _children_cpu() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=0, help="0 = CPU count")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to measure")
    parser.add_argument("--baseline", type=Path, help="a second checkout, measured interleaved with --root")
    parser.add_argument("--fixtures", type=Path, help="fixture directory (default: each checkout's fixtures_wat)")
    args = parser.parse_args()
    roots = [r.resolve() for r in ([args.baseline] if args.baseline else []) + [args.root]]
    serve = "subprocess:" + shlex.join([sys.executable, "-m", "reference_host.serve"])
    specs = [(root, spec) for spec in ("reference", serve) for root in roots]
    wall: dict[tuple[Path, str], list[float]] = {key: [] for key in specs}
    cpu: dict[tuple[Path, str], list[float]] = {key: [] for key in specs}
    ratios: dict[tuple[Path, str], list[float]] = {key: [] for key in specs}
    floors: list[float] = []
    for _ in range(args.runs):
        floor = min(timed(FLOOR, roots[-1])[0] for _ in range(2))
        floors.append(floor)
        for root, spec in specs:
            fixtures = args.fixtures or root / "fixtures_wat"
            argv = [sys.executable, "-m", "conformance", "run", "-q", "--fixtures", str(fixtures)]
            seconds, used = timed([*argv, "--jobs", str(args.jobs), "--host", spec], root)
            wall[root, spec].append(seconds)
            cpu[root, spec].append(used)
            ratios[root, spec].append(seconds / floor)
    print(
        f"{args.runs} rounds; import floor min/median/max {min(floors):.2f} {statistics.median(floors):.2f} "
        f"{max(floors):.2f} s"
    )
    print(f"{'checkout':32} {'host':10} {'min':>6} {'median':>6} {'max':>6}  {'cpu':>5}  median/floor (min..max)")
    for root, spec in specs:
        times, r = wall[root, spec], ratios[root, spec]
        host = "reference" if spec == "reference" else "subprocess"
        print(
            f"{str(root)[-32:]:32} {host:10} {min(times):6.2f} {statistics.median(times):6.2f} {max(times):6.2f}  "
            f"{statistics.median(cpu[root, spec]):5.2f}  {statistics.median(r):5.1f}x ({min(r):.1f}..{max(r):.1f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
