"""The hive's state machine: runs, workers and the answer to each route, independent of any transport.

Not thread-safe by itself: HiveSimulator calls it under its lock. Runs are frozen RunState records that are
replaced on change, so a copy of the run table is a cheap snapshot (used to compute an answer without
applying it).
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from ._records import HiveResponse, RunState, WorkerState
from ._scenario import Scenario

U32_MAX = 0xFFFF_FFFF
START_FIELDS: dict[str, tuple[type, ...]] = {
    "game_name": (str,),
    "experiment_name": (str,),
    "num_features": (int,),
    "num_actions": (int,),
    "num_remote_workers": (int,),
    "config": (str,),
    "checkpoint": (str, type(None)),
    "worker_module_cid": (str, type(None)),
}
NO_BODY = object()  # marker: the request body was not valid JSON


def json_response(status: int, payload: Any) -> HiveResponse:
    return HiveResponse(status, json.dumps(payload, separators=(",", ":")).encode("utf-8"))


def error_response(status: int, code: str, message: str) -> HiveResponse:
    """The protocol's error body: ``{"error": {"code": ..., "message": ...}}``."""
    return json_response(status, {"error": {"code": code, "message": message}})


def _workers(run_id: str, count: int, cid: str | None, state: str) -> tuple[WorkerState, ...]:
    return tuple(WorkerState(f"{run_id}/worker-{i}", cid or "", state) for i in range(count))


class HiveState:
    """Runs by id and the run-id counter; ``answer`` applies one request and returns the response."""

    def __init__(self, scenario: Scenario) -> None:
        self.runs: dict[str, RunState] = {}
        self.next_run_number = 1
        for run in scenario.runs:
            self.runs[run.run_id] = RunState(
                run_id=run.run_id,
                game_name=run.game_name,
                experiment_name=run.experiment_name,
                num_features=run.num_features,
                num_actions=run.num_actions,
                num_remote_workers=run.num_remote_workers,
                config=run.config,
                checkpoint=run.checkpoint,
                worker_module_cid=run.worker_module_cid,
                status=run.status,
                workers=_workers(run.run_id, run.num_remote_workers, run.worker_module_cid, run.status),
                snapshot=run.snapshot,
                connect_answer_run_id=run.connect_answer_run_id,
            )
        self.max_remote_workers = scenario.max_remote_workers

    def copy(self) -> HiveState:
        """A snapshot to compute an answer on without changing this state."""
        twin = object.__new__(HiveState)
        twin.runs = dict(self.runs)
        twin.next_run_number = self.next_run_number
        twin.max_remote_workers = self.max_remote_workers
        return twin

    def answer(self, route: str, run_id: str | None, body: Any) -> HiveResponse:
        """Apply a request of ``route`` (``body`` is the parsed JSON, or NO_BODY) and return the answer."""
        if route == "start":
            return self._start(body)
        run = self.runs.get(run_id or "")
        if run is None:
            return error_response(404, "run_not_found", f"no run {run_id!r}")
        if route in ("connect", "stop", "disconnect") and not isinstance(body, dict):
            return error_response(400, "invalid_body", "the request body must be a JSON object ({})")
        if route == "connect":
            if run.status != "running":
                return error_response(409, "run_stopped", f"run {run.run_id!r} is stopped")
            self.runs[run.run_id] = replace(run, connects=run.connects + 1)
            return json_response(200, {"run_id": run.connect_answer_run_id or run.run_id})
        if route == "config":
            if run.status != "running":
                return error_response(409, "run_stopped", f"run {run.run_id!r} is stopped")
            return self._config(run)
        if route == "registry_config":
            return self._config(run)
        if route == "stop":
            return self._stop(run)
        if route == "disconnect":
            self.runs[run.run_id] = replace(run, disconnects=run.disconnects + 1)
            return json_response(200, {"run_id": run.run_id})
        if route == "registry_snapshot":
            if run.snapshot is None:
                return error_response(404, "snapshot_not_found", f"run {run.run_id!r} has no snapshot")
            return HiveResponse(200, run.snapshot, "application/octet-stream")
        if route == "workers":
            workers = [{"worker_id": w.worker_id, "module_cid": w.module_cid, "state": w.state} for w in run.workers]
            return json_response(200, {"workers": workers})
        raise ValueError(f"unknown route {route!r}")

    def _config(self, run: RunState) -> HiveResponse:
        return json_response(
            200,
            {
                "run_id": run.run_id,
                "num_features": run.num_features,
                "num_actions": run.num_actions,
                "config": run.config,
            },
        )

    def _stop(self, run: RunState) -> HiveResponse:
        stopped = 0
        if run.status == "running":
            stopped = sum(1 for w in run.workers if w.state == "running")
            workers = tuple(replace(w, state="stopped") for w in run.workers)
            self.runs[run.run_id] = replace(run, status="stopped", workers=workers)
        return json_response(200, {"run_id": run.run_id, "status": "stopped", "workers_stopped": stopped})

    def _start(self, body: Any) -> HiveResponse:
        problem = start_body_problem(body)
        if problem:
            return error_response(400, "invalid_body", problem)
        if body["num_remote_workers"] > self.max_remote_workers:
            limit = self.max_remote_workers
            return error_response(422, "too_many_workers", f"num_remote_workers above this hive's limit {limit}")
        while f"run-{self.next_run_number}" in self.runs:
            self.next_run_number += 1
        run_id = f"run-{self.next_run_number}"
        self.next_run_number += 1
        count = body["num_remote_workers"]
        self.runs[run_id] = RunState(
            run_id=run_id,
            game_name=body["game_name"],
            experiment_name=body["experiment_name"],
            num_features=body["num_features"],
            num_actions=body["num_actions"],
            num_remote_workers=count,
            config=body["config"],
            checkpoint=body["checkpoint"],
            worker_module_cid=body["worker_module_cid"],
            status="running",
            workers=_workers(run_id, count, body["worker_module_cid"], "running"),
        )
        return json_response(201, {"run_id": run_id, "experiment_name": body["experiment_name"]})


def start_body_problem(body: Any) -> str | None:
    """Why a start body is not the documented one (None when it is): exact keys, JSON types, u32 ranges."""
    if body is NO_BODY:
        return "the request body is not JSON"
    if not isinstance(body, dict):
        return "the request body must be a JSON object"
    missing = [k for k in START_FIELDS if k not in body]
    if missing:
        return f"missing field(s): {', '.join(missing)}"
    extra = sorted(k for k in body if k not in START_FIELDS)
    if extra:
        return f"unknown field(s): {', '.join(extra)}"
    for key, types in START_FIELDS.items():
        value = body[key]
        if isinstance(value, bool) or not isinstance(value, types):
            names = " or ".join("null" if t is type(None) else {str: "string", int: "integer"}[t] for t in types)
            return f"{key} must be {names}"
        if isinstance(value, int) and not 0 <= value <= U32_MAX:
            return f"{key} must be in 0..={U32_MAX}"
        if key in ("checkpoint", "worker_module_cid") and value == "":
            return f"{key} must be null or non-empty (send null for none)"
    if body["num_remote_workers"] > 0 and body["worker_module_cid"] is None:
        return "num_remote_workers > 0 needs a worker_module_cid"
    return None
