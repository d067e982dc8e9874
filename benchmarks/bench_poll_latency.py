"""Poll latency of the reference host while the hive stalls (futures/poll/never-blocks).

The loopback hive holds every start request open (`hang` fault) for the whole run; the host times out
after 5 s. Meanwhile 1,000 polls must all return Success with ready = 0 and 1,000 takes Unavailable.
Prints p50/p99/max per call (measured around the guest's call into the import, wasmtime included).

    .venv/bin/python benchmarks/bench_poll_latency.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from conformance.hive import Fault, HiveSimulator
from conformance.manifest import load_manifest
from reference_host import HostConfig, ReferenceHost
from tests.reference_host.guest import Guest
from tests.reference_host.thunk import thunk_guest

CALLS = 1000
STALL_SECONDS = 5.0


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(fn: object, *args: int) -> tuple[int, float]:
    start = time.perf_counter()
    code = fn(*args)  # type: ignore[operator]
    return code, time.perf_counter() - start


def main() -> int:
    codes = load_manifest().error_codes
    sim = HiveSimulator()
    sim.set_fault("start", Fault(kind="hang"))
    with sim.loopback_server() as address, ReferenceHost(HostConfig(request_timeout_seconds=STALL_SECONDS)) as host:
        inst = host.instantiate(thunk_guest())
        guest = Guest(inst, address.host, address.port)
        future = guest.create("start_training")
        sim.wait_for_requests("start", timeout=5)
        poll = inst.instance.exports(inst.store)["call_poll_future_training_handle"]
        take = inst.instance.exports(inst.store)["call_take_future_training_handle"]
        out, data = 0x9000, 0x9100
        polls, takes, bad = [], [], 0
        began = time.monotonic()
        for _ in range(CALLS):
            code, seconds = timed(poll, inst.store, future, out)
            bad += code != codes.Success or inst.read_memory(out, 1) != b"\x00"
            polls.append(seconds)
        for _ in range(CALLS):
            code, seconds = timed(take, inst.store, future, data)
            bad += code != codes.Unavailable
            takes.append(seconds)
        elapsed = time.monotonic() - began
        still_pending = inst.hive_requests_in_flight == 1
        close_start = time.perf_counter()
        inst.close()
        close_seconds = time.perf_counter() - close_start
    for label, samples in (("poll", polls), ("take", takes)):
        print(
            f"{label}: n={len(samples)} p50={percentile(samples, 0.5) * 1e6:.1f} us "
            f"p99={percentile(samples, 0.99) * 1e6:.1f} us max={max(samples) * 1e6:.1f} us "
            f"mean={statistics.fmean(samples) * 1e6:.1f} us"
        )
    print(f"{2 * CALLS} calls took {elapsed * 1e3:.1f} ms while the hive stalled; still pending: {still_pending}")
    print(f"wrong answers: {bad}; close() with the request hung took {close_seconds * 1e3:.1f} ms")
    return 0 if bad == 0 and still_pending else 1


if __name__ == "__main__":
    sys.exit(main())
