"""Time `validate_guest` on import_all (every manifest import): median and p95 over many runs.

Run: .venv/bin/python benchmarks/bench_validate.py [--runs N]
The budget is far below 100 ms per guest (the validator runs in CI over the whole fixture corpus).
Numbers are printed, never asserted: timing belongs here, not in tests.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from conformance.validator import validate_guest
from conformance.wasm import compile_wat

GUEST = Path(__file__).resolve().parents[1] / "tests" / "data" / "guests" / "import_all.wat"


def measure(source: bytes | Path, runs: int) -> tuple[float, float]:
    """(median, p95) in milliseconds, after one warm-up run (the engine is created once per process)."""
    validate_guest(source)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        validate_guest(source)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(0.95 * len(samples)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    wasm = compile_wat(GUEST.read_text("utf-8"))
    for label, source in (("import_all.wasm (bytes)", wasm), ("import_all.wat (path, compiled each run)", GUEST)):
        median, p95 = measure(source, args.runs)
        print(f"{label}: median {median:.2f} ms, p95 {p95:.2f} ms over {args.runs} runs")


if __name__ == "__main__":
    main()
