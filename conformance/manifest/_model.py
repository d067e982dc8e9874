"""Typed, immutable view of the ABI manifest.

The manifest file is the source of truth; these classes only give it names and types so that code
says ``imp.params`` instead of ``d["params"]``. Nothing here adds facts that the file does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from functools import cached_property
from typing import Literal

ProvenanceStatus = Literal["confirmed", "inferred", "project-defined"]
WasmType = Literal["i32", "i64", "f32", "f64"]


@dataclass(frozen=True)
class Provenance:
    """Where a fact comes from: `detail` is the source URL, the inference rule, or the reasoning."""

    status: ProvenanceStatus
    detail: str


@dataclass(frozen=True)
class Clause:
    """One behavioural requirement with a stable id (e.g. ``ml-v2/stop_experiment/stops-remote-workers``)."""

    id: str
    text: str
    provenance: Provenance
    error: str | None = None
    import_key: str | None = None  # "module::field" for import clauses, None for ABI-wide ones


@dataclass(frozen=True)
class Param:
    """One lowered Wasm parameter, named as the raw ``extern "C"`` declaration names it."""

    name: str
    rust: str
    wasm: WasmType


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    offset: int
    size: int


@dataclass(frozen=True)
class Struct:
    """A ``#[repr(C)]`` struct as laid out on wasm32 (little-endian)."""

    name: str
    rust: str
    size: int
    align: int
    fields: tuple[Field, ...]
    provenance: Provenance

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")


@dataclass(frozen=True)
class Api:
    name: str
    module: str
    api_id: int
    provenance: Provenance


@dataclass(frozen=True)
class FutureKind:
    """What an untyped FutureHandle resolves to, and which poll/take pair consumes it."""

    name: str
    output: str
    poll: str  # "module::field"
    take: str
    provenance: Provenance


@dataclass(frozen=True)
class Limits:
    max_outstanding_futures: int
    max_download_bytes: int
    request_timeout_seconds: float
    provenance: Provenance


@dataclass(frozen=True)
class Import:
    """One host function a guest imports: ``(import module field (func params results))``."""

    api: str
    module: str
    field: str
    name: str
    rust: str
    doc: str
    params: tuple[Param, ...]
    results: tuple[WasmType, ...]
    profile: Literal["core", "extended"]
    features: tuple[str, ...]
    errors: tuple[str, ...]
    signature_provenance: Provenance
    clauses: tuple[Clause, ...]
    out_type: str | None = None
    future: str | None = None  # the future kind this call creates (FutureHandle out)
    polls: str | None = None  # the future kind this poll_* accepts
    takes: str | None = None  # the future kind this take_* accepts

    @property
    def key(self) -> str:
        return f"{self.module}::{self.field}"

    @property
    def param_types(self) -> tuple[WasmType, ...]:
        return tuple(p.wasm for p in self.params)

    def wat_type(self) -> str:
        """The import's function type in WAT syntax, e.g. ``(param i64 i32) (result i32)``."""
        parts = []
        if self.params:
            parts.append("(param " + " ".join(self.param_types) + ")")
        if self.results:
            parts.append("(result " + " ".join(self.results) + ")")
        return " ".join(parts)


@dataclass(frozen=True)
class Manifest:
    manifest_version: str
    crate: str
    crate_version: str
    apis: tuple[Api, ...]
    error_codes: type[IntEnum]
    aliases: dict[str, str]
    structs: dict[str, Struct]
    future_kinds: dict[str, FutureKind]
    limits: Limits
    clauses: tuple[Clause, ...]  # ABI-wide clauses
    imports: tuple[Import, ...]
    raw: dict = field(repr=False, compare=False, default_factory=dict)

    @property
    def spec_label(self) -> str:
        return f"{self.crate} {self.crate_version}"

    def import_by_key(self, key: str) -> Import:
        for imp in self.imports:
            if imp.key == key:
                return imp
        raise KeyError(key)

    def find_import(self, module: str, field_name: str) -> Import | None:
        for imp in self.imports:
            if imp.module == module and imp.field == field_name:
                return imp
        return None

    def import_named(self, name: str) -> Import:
        """By Rust function name; names are unique across the APIs this manifest covers."""
        matches = [imp for imp in self.imports if imp.name == name]
        if len(matches) != 1:
            raise KeyError(name)
        return matches[0]

    @property
    def modules(self) -> frozenset[str]:
        return frozenset(api.module for api in self.apis)

    def all_clauses(self) -> tuple[Clause, ...]:
        return self.clauses + tuple(c for imp in self.imports for c in imp.clauses)

    def clause(self, clause_id: str) -> Clause:
        for c in self.all_clauses():
            if c.id == clause_id:
                return c
        raise KeyError(clause_id)

    @cached_property
    def allowed_error_values(self) -> frozenset[int]:
        """Every ErrorCode value, computed once: every judged record and every host call checks against it."""
        return frozenset(int(code) for code in self.error_codes)
