"""Plain records the simulator hands out: recorded requests, run and worker state, server addresses.

They are frozen copies, so a test can keep them while the server goes on changing its own state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RecordedRequest:
    """One request as it arrived: ``route`` is a route name of docs/hive-protocol.md, or ``"unknown"``."""

    route: str
    method: str
    path: str
    json: Any
    body: bytes
    run_id: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class WorkerState:
    """A remote worker the hive spawned for a run (``"<run_id>/worker-<i>"``)."""

    worker_id: str
    module_cid: str
    state: str  # "running" | "stopped"


@dataclass(frozen=True)
class RunState:
    """A run as the hive knows it: the fields as started, its status and its workers."""

    run_id: str
    game_name: str
    experiment_name: str
    num_features: int
    num_actions: int
    num_remote_workers: int
    config: str
    checkpoint: str | None
    worker_module_cid: str | None
    status: str  # "running" | "stopped"
    workers: tuple[WorkerState, ...] = ()
    snapshot: bytes | None = None
    connects: int = 0
    disconnects: int = 0
    connect_answer_run_id: str | None = None  # the run_id connect answers with (None: this run's own)


@dataclass(frozen=True)
class HiveAddress:
    """Where a backend answers: ``http://{host}:{port}`` (what a guest passes as hive_url and hive_port)."""

    host: str
    port: int

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        """The absolute URL of ``path`` (which starts with ``/``) on this address."""
        return self.base_url + path


@dataclass(frozen=True)
class HiveResponse:
    """An HTTP answer, independent of the transport that delivers it."""

    status: int
    body: bytes
    content_type: str = "application/json"
