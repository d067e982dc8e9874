"""Result types of the validator and the probe, and their JSON form (schemas/validate-result.schema.json)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]
RESULT_SCHEMA_ID = "ark-conformance/validate-result/v1"
PROBE_SCHEMA_ID = "ark-conformance/probe-result/v1"


@dataclass(frozen=True)
class Finding:
    """One thing wrong with (or worth knowing about) a guest. ``code`` is stable; ``message`` is one line."""

    code: str
    severity: Severity
    message: str
    module: str | None = None
    field: str | None = None
    param: str | None = None
    expected: str | None = None
    found: str | None = None
    suggestion: str | None = None

    def line(self) -> str:
        where = f"{self.module}::{self.field}: " if self.module is not None else ""
        tail = f" (suggestion: {self.suggestion})" if self.suggestion else ""
        return f"{self.severity} [{self.code}] {where}{self.message}{tail}"


@dataclass(frozen=True)
class ImportStatus:
    module: str
    field: str
    kind: str
    type: str | None  # WAT function type, None for non-functions
    status: Literal["ok", "mismatch", "unknown", "non-function", "misspelled-module", "foreign"]


@dataclass(frozen=True)
class ValidationReport:
    """What ``validate_guest`` found: valid iff there is no error-severity finding."""

    source: str
    spec: str
    manifest_version: str
    imports: tuple[ImportStatus, ...]
    findings: tuple[Finding, ...]
    required_apis: tuple[str, ...]  # API names, e.g. "ml-v2", in manifest order
    required_functions: tuple[str, ...]  # manifest import keys "module::field"

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def valid(self) -> bool:
        return not self.errors

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": RESULT_SCHEMA_ID,
            "source": self.source,
            "spec": self.spec,
            "manifest_version": self.manifest_version,
            "valid": self.valid,
            "error_count": len(self.errors),
            "warning_count": len(self.warnings),
            "required_apis": list(self.required_apis),
            "required_functions": list(self.required_functions),
            "imports": [asdict(i) for i in self.imports],
            "findings": [asdict(f) for f in self.findings],
        }


@dataclass(frozen=True)
class ProbeEntry:
    """One manifest import as a host offers it: ok, missing, or mistyped (with the differences)."""

    module: str
    field: str
    profile: str
    status: Literal["ok", "missing", "mistyped"]
    expected: str
    found: str | None
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProbeReport:
    host: str
    entries: tuple[ProbeEntry, ...]
    extra: tuple[str, ...] = field(default=())  # ark-* imports the host offers that the manifest does not know

    @property
    def failing(self) -> tuple[ProbeEntry, ...]:
        return tuple(e for e in self.entries if e.status != "ok")

    @property
    def ok(self) -> bool:
        return not self.failing

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": PROBE_SCHEMA_ID,
            "host": self.host,
            "ok": self.ok,
            "missing": [f"{e.module}::{e.field}" for e in self.entries if e.status == "missing"],
            "mistyped": [f"{e.module}::{e.field}" for e in self.entries if e.status == "mistyped"],
            "entries": [{**asdict(e), "problems": list(e.problems)} for e in self.entries],
            "extra": list(self.extra),
        }
