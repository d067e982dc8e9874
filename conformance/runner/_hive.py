"""The runner's side of the hive simulator: one simulator per case, observed after the run.

Why one per case: cases are isolated, so a request one guest makes can never satisfy another's assertion.
The loopback backend is used for every adapter (a subprocess host cannot be intercepted with respx), so
the guest is told `127.0.0.1` and the simulator's ephemeral port.
"""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ._fixture import Fixture
from ._judge import HiveObservation


@functools.lru_cache(maxsize=64)
def _scenario(path: Path, mtime_ns: int) -> tuple[Any, frozenset[str]]:
    """(the parsed Scenario, its initial run ids) of a scenario file version: many fixtures share one, and
    a Scenario is never changed by the simulator that runs it, so it is validated once per run."""
    from conformance.hive import Scenario

    data = json.loads(path.read_text("utf-8"))
    return Scenario.from_dict(data), frozenset(run.get("run_id") for run in data.get("runs", []))


def scenario_of(fixture: Fixture) -> tuple[Any, frozenset[str]]:
    path = fixture.scenario_path
    return _scenario(path, path.stat().st_mtime_ns)


@contextlib.contextmanager
def simulator_for(fixture: Fixture) -> Iterator[tuple[Any, str, int]]:
    """(simulator, host, port) of a running loopback simulator for the fixture's scenario."""
    from conformance.hive import HiveSimulator

    sim = HiveSimulator(scenario_of(fixture)[0])
    with sim.loopback_server() as address:
        yield sim, address.host, address.port


def _plain(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool | list | dict | type(None)) else str(value)


def observe(sim: Any, fixture: Fixture) -> HiveObservation:
    """Requests in arrival order, worker states per run, and the runs the guest started (not in the scenario)."""
    requests = [
        {"route": r.route, "method": r.method, "path": r.path, "json": _plain(r.json)} for r in list(sim.requests)
    ]
    seen = HiveObservation(requests=requests)
    initial = scenario_of(fixture)[1]
    for run_id in list(sim.run_ids):
        try:
            run = sim.run(run_id)
        except KeyError:
            continue
        seen.workers[run_id] = [str(w.state) for w in run.workers]
        if run_id not in initial:
            seen.started_runs.append(run_id)
    return seen
