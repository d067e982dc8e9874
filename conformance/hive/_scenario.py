"""Scenarios: the runs a simulated hive starts with and the faults it injects, validated by a JSON Schema.

A scenario is data (a dict or a JSON file), so conformance fixtures and the ``hive`` command share one format.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from conformance.cache import schema_errors
from conformance.errors import BadInput
from conformance.input_file import InputFileError, read_regular_file
from conformance.json_text import JsonTextError, loads_strict

ROUTES = ("start", "connect", "config", "stop", "disconnect", "registry_config", "registry_snapshot", "workers")
FAULT_KINDS = ("latency", "refused", "status", "malformed", "not_object", "truncated", "hang", "hold")
DEFAULT_LATENCY_SECONDS = 0.05
DEFAULT_HANG_SECONDS = 0.1
DEFAULT_MAX_REMOTE_WORKERS = 64  # a start asking for more is refused (422), so no case spawns 2^31 workers
MAX_SCENARIO_BYTES = 64 * 1024 * 1024  # room for a large snapshot_b64; /dev/zero and the like stop here


class ScenarioError(BadInput):
    """A scenario (dict or file) is malformed; the message names the offending entry."""


@cache
def scenario_schema() -> dict[str, Any]:
    """The JSON Schema of scenarios (conformance/schemas/scenario.schema.json)."""
    text = resources.files("conformance").joinpath("schemas/scenario.schema.json").read_text("utf-8")
    return json.loads(text)


@dataclass(frozen=True)
class Fault:
    """How a route misbehaves; ``times`` limits it to the first N requests on the route (None: all of them).

    ``seconds`` is the delay of ``latency`` and the wait of ``hang`` on the respx backend; ``status`` and
    ``message`` shape the error answer of ``status``.
    """

    kind: str
    seconds: float | None = None
    status: int | None = None
    message: str | None = None
    times: int | None = None

    def __post_init__(self) -> None:
        _validate(self.to_dict(), "fault", definition="fault")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fault:
        _validate(data, "fault", definition="fault")
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        fields = {
            "kind": self.kind,
            "seconds": self.seconds,
            "status": self.status,
            "message": self.message,
            "times": self.times,
        }
        return {k: v for k, v in fields.items() if v is not None}

    @property
    def delay(self) -> float:
        """Seconds to wait for ``latency`` and (respx) ``hang``, with the documented defaults."""
        if self.seconds is not None:
            return float(self.seconds)
        return DEFAULT_HANG_SECONDS if self.kind == "hang" else DEFAULT_LATENCY_SECONDS


@dataclass(frozen=True)
class ScenarioRun:
    """A run present before the first request (field meanings as in the ``start`` request)."""

    run_id: str
    game_name: str
    experiment_name: str
    num_features: int
    num_actions: int
    config: str
    num_remote_workers: int = 0
    checkpoint: str | None = None
    worker_module_cid: str | None = None
    status: str = "running"
    snapshot: bytes | None = None
    connect_answer_run_id: str | None = None


@dataclass(frozen=True)
class Scenario:
    """Initial runs, per-route faults and the worker limit. ``Scenario()`` is an empty hive without faults."""

    runs: tuple[ScenarioRun, ...] = ()
    faults: dict[str, Fault] = field(default_factory=dict)
    max_remote_workers: int = DEFAULT_MAX_REMOTE_WORKERS

    @classmethod
    def from_dict(cls, data: Any, *, source: str = "scenario") -> Scenario:
        """Validate ``data`` against the schema; raises ScenarioError naming ``source`` and the bad entry."""
        _validate(data, source)
        runs = []
        seen: set[str] = set()
        for i, raw in enumerate(data.get("runs", [])):
            if raw["run_id"] in seen:
                raise ScenarioError(f"{source}: runs[{i}]: duplicate run_id {raw['run_id']!r}")
            seen.add(raw["run_id"])
            if raw.get("num_remote_workers", 0) > 0 and not raw.get("worker_module_cid"):
                raise ScenarioError(f"{source}: runs[{i}]: num_remote_workers > 0 needs a worker_module_cid")
            fields = {k: v for k, v in raw.items() if k not in ("snapshot_b64", "snapshot_size")}
            if "snapshot_b64" in raw and "snapshot_size" in raw:
                raise ScenarioError(f"{source}: runs[{i}]: give snapshot_b64 or snapshot_size, not both")
            if "snapshot_size" in raw:
                fields["snapshot"] = generated_snapshot(raw["snapshot_size"])
            if "snapshot_b64" in raw:
                try:
                    fields["snapshot"] = base64.b64decode(raw["snapshot_b64"], validate=True)
                except (binascii.Error, ValueError):
                    raise ScenarioError(f"{source}: runs[{i}].snapshot_b64: not valid base64") from None
            runs.append(ScenarioRun(**fields))
        faults = {route: Fault(**raw) for route, raw in data.get("faults", {}).items()}
        limit = data.get("max_remote_workers", DEFAULT_MAX_REMOTE_WORKERS)
        return cls(runs=tuple(runs), faults=faults, max_remote_workers=limit)

    @classmethod
    def load(cls, path: str | Path) -> Scenario:
        """Read a JSON scenario file; any problem (missing, not a regular file, over MAX_SCENARIO_BYTES, not
        strict JSON (conformance.json_text: no NaN, nesting limited), invalid) is a one-line ScenarioError."""
        try:
            data = loads_strict(read_regular_file(Path(path), MAX_SCENARIO_BYTES))
        except (InputFileError, JsonTextError) as exc:
            raise ScenarioError(str(exc) if isinstance(exc, InputFileError) else f"{path}: {exc}") from None
        return cls.from_dict(data, source=str(path))


def _validate(data: Any, source: str, definition: str | None = None) -> None:
    """Raise ScenarioError for the first schema violation (of the whole schema, or of one of its $defs)."""
    _reject_non_finite(data, source, [])
    schema = scenario_schema()
    if definition is not None:
        schema = {"$defs": schema["$defs"], "$ref": f"#/$defs/{definition}"}
    errors = sorted(schema_errors(schema, data), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        first = errors[0]
        raise ScenarioError(f"{source}: {_where(first.absolute_path)}: {first.message}")


def _where(path: Iterable[str | int]) -> str:
    """A JSON path as `runs[0].seconds`, or `(top level)`."""
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".") or "(top level)"


def _reject_non_finite(data: Any, source: str, where: list[str | int]) -> None:
    """Scenario numbers must be finite: JSON Schema cannot say so, and a NaN latency waits forever."""
    if isinstance(data, float) and not math.isfinite(data):
        raise ScenarioError(f"{source}: {_where(where)}: {data!r} is not a finite number")
    if isinstance(data, dict):
        for key, value in data.items():
            _reject_non_finite(value, source, [*where, str(key)])
    elif isinstance(data, list | tuple):
        for i, value in enumerate(data):
            _reject_non_finite(value, source, [*where, i])


@lru_cache(maxsize=4)
def generated_snapshot(size: int) -> bytes:
    """``size`` bytes counting 0..250 over and over: big snapshots (the download cap) without big files.

    Cached (bytes are immutable): a 16 MiB snapshot costs ~20 ms to build, and every case of a run that uses
    the same size would otherwise build it again."""
    pattern = bytes(range(251))
    return (pattern * (size // len(pattern) + 1))[:size]
