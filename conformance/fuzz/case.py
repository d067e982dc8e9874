"""Replayable fuzz cases: a call sequence with raw arguments and memory contents, as a JSON file.

A shrunk failure is only useful if someone can replay it tomorrow on another host. Arguments are raw
unsigned lowered values; a handle that the host chose at run time is written as a reference
``{"from_step": i, "offset": k}`` (the u64 at byte k of the slot step i's call wrote), so a case replays on
hosts that number their handles differently. Schema: ``conformance/schemas/fuzz-case.schema.json``.

A case file always names the hive as ``CASE_HIVE`` (http://hive.test:8080, the respx world's address): a
world whose hive listens elsewhere (the loopback server's ephemeral port) maps the address arguments with
``readdress`` when it records a case and when it replays one, so a case found on one backend replays on
the other.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from conformance.errors import BadInput
from conformance.hive import HiveAddress
from conformance.manifest import load_manifest

from ._lowered import lowered_args
from ._thunk import DEFAULT_PAGES
from .rules import load_rules

FORMAT = "ark-conformance/fuzz-case"
CASE_HIVE = HiveAddress("hive.test", 8080)
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


def readdress(case: Case, old: HiveAddress, new: HiveAddress) -> Case:
    """``case`` with every call that named the hive at ``old`` naming it at ``new`` instead: a hive_port
    argument equal to ``old.port`` becomes ``new.port``, and the hive_url bytes written at the argument's
    pointer that spell ``old.host`` are replaced in place (so both hosts must be as long: "hive.test" and
    "127.0.0.1" are). Other values (an invalid host, another port) are left as drawn."""
    if old == new:
        return case
    old_host, new_host = old.host.encode("utf-8"), new.host.encode("utf-8")
    if len(old_host) != len(new_host):
        raise ValueError(f"cannot readdress {old.host!r} as {new.host!r} in place: lengths differ")
    m, rules = load_manifest(), load_rules()
    steps = []
    for step in case.steps:
        args, memory = list(step.args), list(step.memory)
        for arg in lowered_args(m.import_by_key(step.call), m):
            generator = rules.generator_for(arg)
            if generator == "hive_port" and args[arg.indices[0]] == old.port:
                args[arg.indices[0]] = new.port
            elif generator == "hive_host" and args[arg.indices[1]] == len(old_host):
                ptr = args[arg.indices[0]]
                memory = [(off, new_host if (off, data) == (ptr, old_host) else data) for off, data in memory]
        steps.append(Step(step.instance, step.call, tuple(args), tuple(memory), step.settle))
    return replace(case, steps=tuple(steps))
