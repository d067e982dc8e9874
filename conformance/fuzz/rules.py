"""The argument oracle: which rules of ``rules.toml`` a call breaks, and the ErrorCodes that follow.

Given the raw lowered arguments, the guest memory image at call time and a view of the instance's
state (which handles it holds), this says which clauses make the call invalid. The expected ErrorCode of
each broken rule is its manifest clause's ``error``; nothing here restates a code.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any, Protocol

from conformance.json_text import JsonTextError, loads_strict
from conformance.manifest import Import, Manifest, load_manifest

from ._lowered import Arg, lowered_args, out_region

RULES_FILE = "rules.toml"


class HandleView(Protocol):
    """What the oracle needs to know about one guest instance (implemented by model.InstanceModel)."""

    def future_kind(self, handle: int) -> str | None: ...  # kind of a live future of this instance
    def holds_training(self, handle: int) -> bool: ...
    def linked(self) -> bool: ...
    def ready_length(self, handle: int) -> int | None: ...  # PollVec.len once known ready


@dataclass(frozen=True)
class Rule:
    id: str
    clause: str
    check: str
    roles: tuple[str, ...] = ()
    args: tuple[str, ...] = ()
    imports: tuple[str, ...] = ()
    params: tuple[tuple[str, Any], ...] = ()
    may: bool = False

    def applies(self, imp: Import, arg: Arg) -> bool:
        if self.imports and imp.name not in self.imports:
            return False
        return arg.role in self.roles or arg.name in self.args


@dataclass(frozen=True)
class Violation:
    rule: str
    clause: str
    arg: str
    error: int
    may: bool = False  # the code is permitted, not required


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    values: dict[str, str]
    values_by_role: dict[str, str]
    caps: dict[str, int]
    future_fields: dict[str, str]
    wire: dict[str, Any]
    order: tuple[str, ...] = ()

    def generator_for(self, arg: Arg) -> str:
        return self.values.get(arg.name) or self.values_by_role[arg.role]


@cache
def load_rules() -> RuleSet:
    """The packaged rules file, loaded once per process; unknown checks or clauses fail loudly."""
    data = tomllib.loads(resources.files(__package__).joinpath(RULES_FILE).read_text("utf-8"))
    return rules_from_data(data, load_manifest())


def rules_from_data(data: dict[str, Any], manifest: Manifest) -> RuleSet:
    known = {c.id: c for c in manifest.all_clauses()}
    rules = []
    for r in data["rules"]:
        if r["check"] not in CHECKS:
            raise ValueError(f"rules.toml: rule {r['id']}: unknown check {r['check']!r}")
        clause = known.get(r["clause"])
        if clause is None or clause.error is None:
            raise ValueError(f"rules.toml: rule {r['id']}: clause {r['clause']!r} is unknown or prescribes no error")
        fixed = {"id", "clause", "check", "roles", "args", "imports", "may"}
        extra = tuple((k, v) for k, v in r.items() if k not in fixed)
        rules.append(
            Rule(
                r["id"],
                r["clause"],
                r["check"],
                tuple(r.get("roles", ())),
                tuple(r.get("args", ())),
                tuple(r.get("imports", ())),
                extra,
                bool(r.get("may", False)),
            )
        )
    return RuleSet(
        rules=tuple(rules),
        values=dict(data["values"]),
        values_by_role=dict(data["values_by_role"]),
        caps=dict(data["caps"]),
        future_fields=dict(data["future_fields"]),
        wire=dict(data["wire"]),
        order=tuple(data.get("order", {}).get("codes", ())),
    )


# ------------------------------------------------------------------------------------------ checks ----


@dataclass(frozen=True)
class CallContext:
    """One call as the oracle sees it: the import, its raw lowered arguments, the guest memory at call
    time and the calling instance's state."""

    imp: Import
    args: tuple[int, ...]
    image: bytes
    state: HandleView

    @cached_property
    def out_slot(self) -> tuple[int, int] | None:
        """(ptr, len) the call may write on Success (asked by the world and by check_call)."""
        return out_region(self.imp, self.args)


# A check: True when ``arg`` of the call is fine; ``params`` are the rule's extra keys from rules.toml.
Check = Callable[[CallContext, Arg, Mapping[str, Any]], bool]

CHECKS: dict[str, Check] = {}


def _check(fn: Check) -> Check:
    """Register ``fn`` under its name without ``_check_`` (the name rules.toml's ``check`` uses)."""
    CHECKS[fn.__name__.removeprefix("_check_")] = fn
    return fn


def _span(arg: Arg, args: tuple[int, ...]) -> tuple[int, int]:
    if arg.role == "out":
        return args[arg.indices[0]] & 0xFFFF_FFFF, arg.size
    return args[arg.indices[0]] & 0xFFFF_FFFF, args[arg.indices[1]] & 0xFFFF_FFFF


def _in_bounds(arg: Arg, args: tuple[int, ...], image: bytes) -> bool:
    ptr, length = _span(arg, args)
    return length == 0 or ptr + length <= len(image)  # Python ints: no wrap-around


def _bytes(arg: Arg, args: tuple[int, ...], image: bytes) -> bytes | None:
    if not _in_bounds(arg, args, image):
        return None
    ptr, length = _span(arg, args)
    return image[ptr : ptr + length] if length else b""


def _text(arg: Arg, args: tuple[int, ...], image: bytes) -> str | None:
    data = _bytes(arg, args, image)
    try:
        return None if data is None else data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def is_json(text: str) -> bool:
    """The host's config-JSON grammar (``ml-v2/start_training/config-json-grammar``): strict RFC 8259
    (no NaN/Infinity) nested at most 128 levels, exactly ``conformance.json_text.loads_strict``, so the
    fuzzer and the host judge the same text the same way."""
    try:
        loads_strict(text)
    except JsonTextError:
        return False
    return True


@_check
def _check_in_bounds(call: CallContext, arg: Arg, params: Mapping[str, Any]) -> bool:
    return _in_bounds(arg, call.args, call.image)


@_check
def _check_utf8(call: CallContext, arg: Arg, params: Mapping[str, Any]) -> bool:
    return _bytes(arg, call.args, call.image) is None or _text(arg, call.args, call.image) is not None


@_check
def _check_non_empty(call: CallContext, arg: Arg, params: Mapping[str, Any]) -> bool:
    return _span(arg, call.args)[1] > 0


@_check
def _check_range(call: CallContext, arg: Arg, params: Mapping[str, Any]) -> bool:
    value = call.args[arg.indices[0]] & 0xFFFF_FFFF
    return params["min"] <= value <= params["max"]


_HOST_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")


@_check
def _check_host_name(call: CallContext, arg: Arg, params: Mapping[str, Any]) -> bool:
    """A DNS name or an IPv4 address (what http://{hive_url}:{port} can name)."""
    text = _text(arg, call.args, call.image)
    return not text or (len(text) <= 253 and all(_HOST_LABEL.match(label) for label in text.split(".")))


@_check
def _check_json(call: CallContext, arg: Arg, params: Mapping[str, Any]) -> bool:
    text = _text(arg, call.args, call.image)
    return text is None or is_json(text)  # unreadable strings are other rules' business


@_check
def _check_zero_unless_linked(call: CallContext, arg: Arg, params: Mapping[str, Any]) -> bool:
    return call.args[arg.indices[0]] & 0xFFFF_FFFF == 0 or call.state.linked()


def _handle(arg: Arg, args: tuple[int, ...]) -> int:
    return args[arg.indices[0]] & 0xFFFF_FFFF_FFFF_FFFF


@_check
def _check_live_handle(call: CallContext, arg: Arg, params: Mapping[str, Any]) -> bool:
    h = _handle(arg, call.args)
    if arg.rust == "TrainingHandle":
        return call.state.holds_training(h)
    return call.state.future_kind(h) is not None


@_check
def _check_kind_matches(call: CallContext, arg: Arg, params: Mapping[str, Any]) -> bool:
    wanted = call.imp.polls or call.imp.takes
    kind = call.state.future_kind(_handle(arg, call.args))
    return wanted is None or kind is None or kind == wanted


@_check
def _check_ready_length(call: CallContext, arg: Arg, params: Mapping[str, Any]) -> bool:
    handle_arg = next(a for a in lowered_args(call.imp) if a.role == "handle")
    h = _handle(handle_arg, call.args)
    if call.state.future_kind(h) != call.imp.takes:
        return True
    expected = call.state.ready_length(h)
    return expected is None or expected == _span(arg, call.args)[1]


@dataclass(frozen=True)
class _Bound:
    """One rule applied to one argument of one import, with its ErrorCode resolved."""

    rule: Rule
    arg: Arg
    check: Check
    params: Mapping[str, Any]
    error: int


@cache
def _bound_rules(key: str) -> tuple[_Bound, ...]:
    """The (argument, rule) pairs that apply to an import, in the oracle's order (computed once)."""
    m = load_manifest()
    imp = m.import_by_key(key)
    return tuple(
        _Bound(rule, arg, CHECKS[rule.check], dict(rule.params), int(m.error_codes[m.clause(rule.clause).error]))
        for arg in lowered_args(imp, m)
        for rule in load_rules().rules
        if rule.applies(imp, arg)
    )


def violations(imp: Import, args: tuple[int, ...], image: bytes, state: HandleView) -> list[Violation]:
    """Every rule the call breaks (empty for a valid call)."""
    call = CallContext(imp, args, image, state)
    return [
        Violation(b.rule.id, b.rule.clause, b.arg.name, b.error, b.rule.may)
        for b in _bound_rules(imp.key)
        if not b.check(call, b.arg, b.params)
    ]


def expected_request(imp: Import, args: tuple[int, ...], image: bytes) -> tuple[str, dict[str, Any] | None, str | None]:
    """(route, JSON body or None when the route sends none, run_id in the path or None) that a valid
    call must send, by ``[wire]`` of rules.toml. Integers are the unsigned argument values."""
    wire = load_rules().wire
    route = wire["routes"][imp.name]
    skip = set(wire["address_args"]) | set(wire["path_args"])
    strings = decoded_strings(imp, args, image)
    defaults = wire.get("body_defaults", {})
    body: dict[str, Any] | None = None
    if route in defaults:
        body = dict(defaults[route])
        for arg in lowered_args(imp):
            if arg.name in skip or arg.role not in ("str", "u32"):
                continue
            body[arg.name] = strings[arg.name] if arg.role == "str" else args[arg.indices[0]] & 0xFFFF_FFFF
        for name in wire["null_if_empty"]:
            if body.get(name) == "":
                body[name] = None
    path = next((strings[name] for name in wire["path_args"] if name in strings), None)
    return route, body, path


def decoded_strings(imp: Import, args: tuple[int, ...], image: bytes) -> dict[str, str]:
    """The string arguments as the host must decode them (valid calls only): name -> text."""
    out = {}
    for arg in lowered_args(imp):
        if arg.role == "str":
            text = _text(arg, args, image)
            if text is not None:
                out[arg.name] = text
    return out
