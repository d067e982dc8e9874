"""The hive simulator: hive protocol v1 (docs/hive-protocol.md) with scenarios and fault injection.

Two backends share one state machine: ``respx_backend`` answers httpx calls in-process, ``loopback_server``
is a real HTTP server on 127.0.0.1 for hosts in other processes.
"""

from ._address import closed_address
from ._records import HiveAddress, HiveResponse, RecordedRequest, RunState, WorkerState
from ._routes import ROUTE_TABLE, route_method, route_path
from ._scenario import FAULT_KINDS, ROUTES, Fault, Scenario, ScenarioError, ScenarioRun, scenario_schema
from ._simulator import HiveSimulator

__all__ = [
    "FAULT_KINDS",
    "ROUTES",
    "ROUTE_TABLE",
    "Fault",
    "HiveAddress",
    "HiveResponse",
    "HiveSimulator",
    "RecordedRequest",
    "RunState",
    "Scenario",
    "ScenarioError",
    "ScenarioRun",
    "WorkerState",
    "closed_address",
    "route_method",
    "route_path",
    "scenario_schema",
]
