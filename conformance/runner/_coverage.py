"""Coverage of the manifest by the fixture corpus: import x ErrorCode x clause.

Why a gate: a clause no fixture names is a promise of the manifest that no host is ever held to. The
table is derived from the manifest and the fixture headers only, so it cannot drift from either.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
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
    # clause id -> hard value -> the fixtures that try it and judge the clause (HARD_VALUES_FILE; absent: not audited)
    hard_values: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # `clause: value: fixture` for every audit credit to a fixture that does not judge the clause
    miscredited_hard_values: list[str] = field(default_factory=list)

    @property
    def unaudited_clauses(self) -> list[str]:
        """Manifest clauses with no hard value audited: a gap, since nobody has asked what makes them hard."""
        clauses = list(self.abi_clauses) + [c for imp in self.imports for c in imp.clauses]
        return [c for c in clauses if not self.hard_values.get(c)]

    @property
    def untried_hard_values(self) -> list[str]:
        """`clause: value` for every audited hard value no fixture (naming that clause) tries."""
        audit = self.hard_values.items()
        return [f"{clause}: {value}" for clause, values in audit for value, fx in values.items() if not fx]

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
        """The gate: every import has a fixture, every clause is named by one, audited and its hard values tried.

        A miscredited value fails even when another fixture tries it: the audit would claim a fixture
        tries something it does not judge, and deleting the other fixture would then go unnoticed.
        """
        return not (
            self.uncovered_imports
            or self.uncovered_clauses
            or self.untried_hard_values
            or self.miscredited_hard_values
            or self.unaudited_clauses
        )

    def hard_column(self, clause: str) -> str:
        """`hard 2/3` (values tried / audited) or `hard -` for a clause not audited yet."""
        values = self.hard_values.get(clause)
        if not values:  # no section, or one that lists no value: not audited
            return "hard -"
        return f"hard {sum(1 for fx in values.values() if fx)}/{len(values)}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "fixtures": self.fixture_count,
            "complete": self.complete,
            "uncovered_imports": self.uncovered_imports,
            "uncovered_clauses": self.uncovered_clauses,
            "uncovered_error_codes": self.uncovered_codes,
            "untried_hard_values": self.untried_hard_values,
            "miscredited_hard_values": self.miscredited_hard_values,
            "unaudited_clauses": self.unaudited_clauses,
            "hard_values": self.hard_values,
            "abi_clauses": self.abi_clauses,
            "imports": [
                {"import": i.key, "fixtures": i.fixtures, "error_codes": i.codes, "clauses": i.clauses}
                for i in self.imports
            ],
        }


HARD_VALUES_FILE = "hard-values.toml"


def load_hard_values(directory: Path) -> dict[str, dict[str, list[str]]]:
    """The corpus's hard-values audit: clause id -> hard value -> fixtures meant to try it ({} if absent).

    Data, not code: `fixtures_wat/hard-values.toml` has one table per audited clause, each key a value
    that makes the clause hard (a boundary, an encoding, sign and width, ordering, repetition, two
    instances) and its fixtures. Raises ValueError (one line) for a file that is not such a table.
    """
    path = directory / HARD_VALUES_FILE
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: not TOML: {exc}") from None
    clauses = data.get("clauses", {})
    for clause, values in clauses.items():
        if not isinstance(values, dict) or not all(
            isinstance(fx, list) and all(isinstance(f, str) for f in fx) for fx in values.values()
        ):
            raise ValueError(f"{path}: [clauses.{clause!r}] must map each hard value to a list of fixture ids")
    return clauses


HardValues = dict[str, dict[str, list[str]]]  # clause id -> hard value -> fixture ids


def compute_coverage(
    fixtures: list[Fixture], manifest: Manifest | None = None, hard_values: HardValues | None = None
) -> Coverage:
    """The coverage table; `hard_values` (load_hard_values) adds the audit column and its gate.

    A hard value counts as tried only by a fixture that exists and judges the clause (a check, relation,
    hive assertion or teardown names it: listing it in `clauses` alone judges nothing); a credit to any
    other fixture is reported as miscredited. An audited clause that is not in the manifest counts as
    untried, so a renamed clause cannot leave a stale audit behind.
    """
    manifest = manifest or load_manifest()
    naming: dict[str, list[str]] = {}
    judging: dict[str, set[str]] = {}
    for fx in fixtures:
        for clause in fx.clauses:
            naming.setdefault(clause, []).append(fx.id)
        for clause in judged_clauses(fx):
            judging.setdefault(clause, set()).add(fx.id)
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
    known = {c.id for c in manifest.all_clauses()}
    audit: HardValues = {}
    miscredited = []
    for clause, values in (hard_values or {}).items():
        judges = judging.get(clause, set()) if clause in known else set()
        audit[clause] = {value: [f for f in fx if f in judges] for value, fx in values.items()}
        miscredited += [
            f"{clause}: {value}: {f}" for value, fx in values.items() for f in fx if f not in judges and clause in known
        ]
    return Coverage(imports, abi, len(fixtures), audit, miscredited)


def judged_clauses(fx: Fixture) -> set[str]:
    """The clauses a fixture's verdict depends on: named by a check, relation, hive assertion or teardown."""
    named = [c.clause for c in fx.checks] + [r.clause for r in fx.relations]
    named += [h.clause for h in fx.hive if h.clause] + ([fx.teardown.clause] if fx.teardown else [])
    return set(named)


def _clause_line(cov: Coverage, clause: str, fixtures: list[str]) -> str:
    named = ", ".join(fixtures) or "NO FIXTURE"
    return f"      {'+' if fixtures else '-'} {clause}  [{cov.hard_column(clause)}]  {named}"


def render_table(cov: Coverage) -> str:
    """Plain-text table: one block per import (codes, clauses), then the ABI-wide clauses."""
    lines = [f"coverage of {cov.fixture_count} fixture(s)", ""]
    for imp in cov.imports:
        mark = "ok " if imp.fixtures and not imp.missing_clauses else "-- "
        lines.append(f"{mark}{imp.key}  ({len(imp.fixtures)} fixture(s))")
        codes = "  ".join(f"{code}:{len(fx)}" for code, fx in imp.codes.items())
        lines.append(f"      error codes  {codes}")
        for clause, fx in imp.clauses.items():
            lines.append(_clause_line(cov, clause, fx))
    lines.append("")
    lines.append("ABI-wide clauses")
    for clause, fx in cov.abi_clauses.items():
        lines.append(_clause_line(cov, clause, fx))
    lines.append("")
    lines += [f"untried hard value: {untried}" for untried in cov.untried_hard_values]
    lines += [f"miscredited hard value (fixture does not judge the clause): {m}" for m in cov.miscredited_hard_values]
    lines += [f"not audited: {clause}" for clause in cov.unaudited_clauses]
    lines.append(
        f"{len(cov.uncovered_imports)} import(s) without a fixture, {len(cov.uncovered_clauses)} clause(s) "
        f"without a fixture, {len(cov.uncovered_codes)} import error code(s) without a fixture, "
        f"{len(cov.untried_hard_values)} audited hard value(s) no fixture tries, "
        f"{len(cov.miscredited_hard_values)} miscredited, {len(cov.unaudited_clauses)} clause(s) not audited "
        f"({len(cov.hard_values)} clause(s) audited)"
    )
    return "\n".join(lines)
