"""Marshalling throughput through the call-thunk guest with the respx hive, and the property gate's time.

1. Marshalled calls per second: valid and invalid calls of every import (plans drawn once, up front),
   each through the thunk into the reference host, (a) raw (session.call: the call and one memory read)
   and (b) checked (World.call: + oracle, model and memory diff), with the respx-mocked hive. Each rate is
   given per wall second and per CPU second of this process (the machine is shared: CPU is steadier).
2. The gate: wall and CPU time of `pytest tests/properties` under the CI profile (a subprocess).

    .venv/bin/python benchmarks/bench_marshalling.py [--no-gate]
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from conformance.fuzz.checks import CallCheckFailed  # noqa: E402
from conformance.fuzz.hosts import reference_host  # noqa: E402
from conformance.fuzz.strategies import call_plans  # noqa: E402
from conformance.fuzz.world import respx_world  # noqa: E402
from conformance.manifest import load_manifest  # noqa: E402

PLANS_PER_IMPORT = 60
ROUNDS = 5


def draw_plans(world) -> list:
    """A fixed list of plans (drawing is Hypothesis' cost, not the host's: keep it out of the timing)."""
    plans = []
    for imp in load_manifest().imports:
        for mode in ("valid", "any"):
            strategy = call_plans(imp, world.context(0), mode)

            @settings(max_examples=PLANS_PER_IMPORT // 2, database=None, derandomize=True, deadline=None,
                      suppress_health_check=list(HealthCheck))
            @given(st.just(None), strategy)
            def collect(_, plan):
                plans.append(plan)

            collect()
    return plans


def main() -> int:
    m = load_manifest()
    with respx_world(reference_host) as world:
        plans = draw_plans(world)
        session = world.session
        # (a) raw marshalled calls
        start, cpu = time.perf_counter(), time.process_time()
        for _ in range(ROUNDS):
            for plan in plans:
                session.write(0, plan.writes)
                session.call(0, m.import_by_key(plan.import_key), plan.args)
        raw = ROUNDS * len(plans) / (time.perf_counter() - start)
        raw_cpu = ROUNDS * len(plans) / (time.process_time() - cpu)
        world.dirty = True  # the raw calls left futures the model never saw: start (b) on fresh instances
        # (b) checked calls (oracle + model + diff), resetting between rounds
        checked_calls = 0
        start, cpu = time.perf_counter(), time.process_time()
        for _ in range(ROUNDS):
            world.reset()
            for plan in plans:
                try:
                    world.call(0, plan)
                except CallCheckFailed as exc:
                    print(f"unexpected failure on the reference host: {exc}")
                    return 1
                checked_calls += 1
        checked = checked_calls / (time.perf_counter() - start)
        checked_cpu = checked_calls / (time.process_time() - cpu)
    print(f"plans: {len(plans)} over {len(m.imports)} imports x {ROUNDS} rounds, memory {world.pages} pages")
    print(f"marshalled calls/s (raw): {raw:,.0f} wall, {raw_cpu:,.0f} CPU")
    print(f"marshalled calls/s (checked: oracle + model + diff): {checked:,.0f} wall, {checked_cpu:,.0f} CPU")
    if "--no-gate" not in sys.argv:
        t0, c0 = time.perf_counter(), _children_cpu()
        proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/properties"],
                              cwd=ROOT, capture_output=True, text=True, check=False)
        wall, cpu = time.perf_counter() - t0, _children_cpu() - c0
        print(f"gate (pytest tests/properties, CI profile): {proc.stdout.strip().splitlines()[-1]}")
        print(f"gate wall time: {wall:.1f} s, CPU time: {cpu:.1f} s")
    return 0


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    sys.exit(main())
