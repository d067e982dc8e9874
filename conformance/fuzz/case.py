"""Replayable fuzz cases: a call sequence with raw arguments and memory contents, as a JSON file.

A shrunk failure is only useful if someone can replay it tomorrow on another host. Arguments are raw
unsigned lowered values; a handle that the host chose at run time is written as a reference
``{"from_step": i, "offset": k}`` (the u64 at byte k of the slot step i's call wrote), so a case replays on
hosts that number their handles differently. Schema: ``conformance/schemas/fuzz-case.schema.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from conformance.errors import BadInput
from conformance.manifest import load_manifest

from ._thunk import DEFAULT_PAGES

FORMAT = "ark-conformance/fuzz-case"
DEFAULT_FILL = 0xA5


class CaseError(BadInput):
    """A case file is unreadable or does not match the schema; the message is one line."""


@dataclass(frozen=True)
class StepRef:
    """The u64 a previous step's call wrote at ``offset`` in its out slot (a host-chosen handle)."""

    from_step: int
    offset: int = 0


Arg = int | StepRef


def resolve_arg(arg: Arg, slots: list[bytes]) -> int:
    """A raw value: ``arg`` itself, or the u64 an earlier step wrote (``slots[i]`` = step i's out slot)."""
    if isinstance(arg, int):
        return arg
    return int.from_bytes(slots[arg.from_step][arg.offset : arg.offset + 8], "little")


@dataclass(frozen=True)
class Step:
    instance: int
    call: str  # manifest import key "module::field"
    args: tuple[Arg, ...]
    memory: tuple[tuple[int, bytes], ...] = ()
    settle: bool = False


@dataclass(frozen=True)
class Case:
    steps: tuple[Step, ...]
    scenario: dict[str, Any]
    instances: int = 2
    memory_pages: int = DEFAULT_PAGES
    fill: int = DEFAULT_FILL
    title: str = ""
    seed: int | None = None
    failure: str = ""
    manifest_version: str = field(default_factory=lambda: load_manifest().manifest_version)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "format": FORMAT,
            "version": 1,
            "manifest_version": self.manifest_version,
            "title": self.title,
            "seed": self.seed,
            "memory_pages": self.memory_pages,
            "fill": self.fill,
            "instances": self.instances,
            "scenario": self.scenario,
            "steps": [_step_json(s) for s in self.steps],
        }
        if self.failure:
            out["failure"] = self.failure
        return out

    def dump(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _step_json(s: Step) -> dict[str, Any]:
    out: dict[str, Any] = {
        "instance": s.instance,
        "call": s.call,
        "args": [a if isinstance(a, int) else {"from_step": a.from_step, "offset": a.offset} for a in s.args],
    }
    if s.memory:
        out["memory"] = [{"offset": off, "hex": data.hex()} for off, data in s.memory]
    if s.settle:
        out["settle"] = True
    return out


@cache
def case_schema() -> dict[str, Any]:
    text = resources.files("conformance").joinpath("schemas/fuzz-case.schema.json").read_text("utf-8")
    return json.loads(text)


def case_from_json(data: Any) -> Case:
    """Validate and convert; also checks what the schema cannot (known imports, arity, backward refs)."""
    errors = sorted(jsonschema.Draft202012Validator(case_schema()).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        where = "/".join(str(p) for p in errors[0].path) or "<root>"
        raise CaseError(f"fuzz case invalid at {where}: {errors[0].message}")
    m = load_manifest()
    steps = []
    for i, s in enumerate(data["steps"]):
        try:
            imp = m.import_by_key(s["call"])
        except KeyError:
            raise CaseError(f"fuzz case step {i}: unknown import {s['call']!r}") from None
        if len(s["args"]) != len(imp.params):
            raise CaseError(f"fuzz case step {i}: {imp.name} takes {len(imp.params)} args, got {len(s['args'])}")
        if s["instance"] >= data["instances"]:
            raise CaseError(f"fuzz case step {i}: instance {s['instance']} >= instances {data['instances']}")
        args: list[Arg] = []
        for a in s["args"]:
            if isinstance(a, dict):
                if a["from_step"] >= i:
                    raise CaseError(f"fuzz case step {i}: reference to step {a['from_step']} is not earlier")
                args.append(StepRef(a["from_step"], a["offset"]))
            else:
                args.append(a)
        memory = tuple((w["offset"], bytes.fromhex(w["hex"])) for w in s.get("memory", ()))
        steps.append(Step(s["instance"], s["call"], tuple(args), memory, bool(s.get("settle", False))))
    return Case(
        steps=tuple(steps),
        scenario=data["scenario"],
        instances=data["instances"],
        memory_pages=data["memory_pages"],
        fill=data["fill"],
        title=data.get("title", ""),
        seed=data.get("seed"),
        failure=data.get("failure", ""),
        manifest_version=data["manifest_version"],
    )


def load_case(path: Path) -> Case:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CaseError(f"{path}: no such file") from None
    except (OSError, ValueError) as exc:
        raise CaseError(f"{path}: not a JSON file: {exc}") from None
    return case_from_json(data)
