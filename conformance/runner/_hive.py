"""The runner's side of the hive simulator: one simulator per case, observed after the run.

Why one per case: cases are isolated, so a request one guest makes can never satisfy another's assertion.
The loopback backend is used for every adapter (a subprocess host cannot be intercepted with respx), so
the guest is told `127.0.0.1` and the simulator's ephemeral port.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from ._fixture import Fixture
from ._judge import HiveObservation


@contextlib.contextmanager
def simulator_for(fixture: Fixture) -> Iterator[tuple[Any, str, int]]:
    """(simulator, host, port) of a running loopback simulator for the fixture's scenario."""
    from conformance.hive import HiveSimulator, Scenario

    sim = HiveSimulator(Scenario.from_dict(fixture.scenario_data()))
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
    initial = {run.get("run_id") for run in fixture.scenario_data().get("runs", [])}
    for run_id in list(sim.run_ids):
        try:
            run = sim.run(run_id)
        except KeyError:
            continue
        seen.workers[run_id] = [str(w.state) for w in run.workers]
        if run_id not in initial:
            seen.started_runs.append(run_id)
    return seen
