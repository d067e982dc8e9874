"""Time from starting `python -m reference_host.serve` to its `hello` reply (protocol v2), and to the
reply of the first `instantiate` (which builds the host: wasmtime, httpx, the manifest).

    .venv/bin/python benchmarks/bench_serve_hello.py [--runs 10]

Prints the median and worst of each. Target: hello within 150 ms of process start.
"""

from __future__ import annotations

import argparse
import base64
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELLO = {"id": 1, "op": "hello", "protocol": 2, "settings": {"request_timeout_seconds": 1.0}}
EMPTY_MODULE = base64.b64encode(b"\0asm\x01\0\0\0").decode()


def once() -> tuple[float, float]:
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reference_host.serve"], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(json.dumps(HELLO).encode() + b"\n")
    proc.stdin.flush()
    assert json.loads(proc.stdout.readline())["ok"]
    hello = time.perf_counter() - started
    proc.stdin.write(json.dumps({"id": 2, "op": "instantiate", "wasm_b64": EMPTY_MODULE}).encode() + b"\n")
    proc.stdin.flush()
    assert json.loads(proc.stdout.readline())["ok"]
    instantiate = time.perf_counter() - started
    proc.stdin.close()
    proc.wait()
    return hello, instantiate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    samples = [once() for _ in range(args.runs)]
    for label, values in (("hello", [s[0] for s in samples]), ("first instantiate", [s[1] for s in samples])):
        print(f"{label:18} median {statistics.median(values) * 1000:6.1f} ms, worst {max(values) * 1000:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
