"""Coverage of the manifest by the fixture corpus: import x ErrorCode x clause.

Why a gate: a clause no fixture names is a promise of the manifest that no host is ever held to. The
table is derived from the manifest and the fixture headers only, so it cannot drift from either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from conformance.manifest import Manifest, load_manifest

from ._fixture import Fixture


@dataclass
class ImportCoverage:
    key: str
    field: str
    fixtures: list[str] = field(default_factory=list)  # fixtures with a [[check]] on this call
    codes: dict[str, list[str]] = field(default_factory=dict)  # ErrorCode name (manifest `errors`) -> fixtures
    clauses: dict[str, list[str]] = field(default_factory=dict)  # the import's clause id -> fixtures

    @property
    def missing_codes(self) -> list[str]:
        return [code for code, fx in self.codes.items() if not fx]

    @property
    def missing_clauses(self) -> list[str]:
        return [clause for clause, fx in self.clauses.items() if not fx]


@dataclass
class Coverage:
    imports: list[ImportCoverage]
    abi_clauses: dict[str, list[str]]  # ABI-wide clause id -> fixtures
    fixture_count: int

    @property
    def uncovered_imports(self) -> list[str]:
        return [imp.key for imp in self.imports if not imp.fixtures]

    @property
    def uncovered_clauses(self) -> list[str]:
        missing = [c for c, fx in self.abi_clauses.items() if not fx]
        return missing + [c for imp in self.imports for c in imp.missing_clauses]

    @property
    def uncovered_codes(self) -> list[str]:
        return [f"{imp.key}:{code}" for imp in self.imports for code in imp.missing_codes]

    @property
    def complete(self) -> bool:
        """The gate: every import has a fixture and every clause is named by one."""
        return not self.uncovered_imports and not self.uncovered_clauses

    def to_dict(self) -> dict[str, Any]:
        return {
            "fixtures": self.fixture_count,
            "complete": self.complete,
            "uncovered_imports": self.uncovered_imports,
            "uncovered_clauses": self.uncovered_clauses,
            "uncovered_error_codes": self.uncovered_codes,
            "abi_clauses": self.abi_clauses,
            "imports": [
                {"import": i.key, "fixtures": i.fixtures, "error_codes": i.codes, "clauses": i.clauses}
                for i in self.imports
            ],
        }


def compute_coverage(fixtures: list[Fixture], manifest: Manifest | None = None) -> Coverage:
    manifest = manifest or load_manifest()
    naming: dict[str, list[str]] = {}
    for fx in fixtures:
        for clause in fx.clauses:
            naming.setdefault(clause, []).append(fx.id)
    imports = []
    for imp in manifest.imports:
        cov = ImportCoverage(imp.key, imp.field)
        cov.codes = {code: [] for code in imp.errors}
        cov.clauses = {c.id: list(naming.get(c.id, [])) for c in imp.clauses}
        for fx in fixtures:
            checks = [c for c in fx.checks if c.call == imp.field]
            if checks:
                cov.fixtures.append(fx.id)
            for check in checks:
                if check.code in cov.codes and fx.id not in cov.codes[check.code]:
                    cov.codes[check.code].append(fx.id)
        imports.append(cov)
    abi = {c.id: list(naming.get(c.id, [])) for c in manifest.clauses}
    return Coverage(imports, abi, len(fixtures))


def render_table(cov: Coverage) -> str:
    """Plain-text table: one block per import (codes, clauses), then the ABI-wide clauses."""
    lines = [f"coverage of {cov.fixture_count} fixture(s)", ""]
    for imp in cov.imports:
        mark = "ok " if imp.fixtures and not imp.missing_clauses else "-- "
        lines.append(f"{mark}{imp.key}  ({len(imp.fixtures)} fixture(s))")
        codes = "  ".join(f"{code}:{len(fx)}" for code, fx in imp.codes.items())
        lines.append(f"      error codes  {codes}")
        for clause, fx in imp.clauses.items():
            lines.append(f"      {'+' if fx else '-'} {clause}  {', '.join(fx) or 'NO FIXTURE'}")
    lines.append("")
    lines.append("ABI-wide clauses")
    for clause, fx in cov.abi_clauses.items():
        lines.append(f"      {'+' if fx else '-'} {clause}  {', '.join(fx) or 'NO FIXTURE'}")
    lines.append("")
    lines.append(
        f"{len(cov.uncovered_imports)} import(s) without a fixture, {len(cov.uncovered_clauses)} clause(s) "
        f"without a fixture, {len(cov.uncovered_codes)} import error code(s) without a fixture"
    )
    return "\n".join(lines)
