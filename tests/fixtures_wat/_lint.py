"""Corpus-only lint for fixtures_wat/, on top of the runner's: what a fixture of *this* corpus must also hold.

The header is parsed, expanded and cross-checked by the runner (`conformance.runner._fixture`, the one
parser); this module adds the corpus's stricter rules: a check's ErrorCode must be one its import may
return, and the module must import every call it journals (read from the binary for a `.wasm` fixture).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conformance.manifest import Manifest
from conformance.runner import Fixture as RunnerFixture
from conformance.runner import load_fixture as runner_load_fixture
from conformance.runner._fixture import header_problems as runner_header_problems
from conformance.runner._fixture import imported_fields, read_header
from tests.runner.helpers import corpus_fixtures

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures_wat"


@dataclass(frozen=True)
class Fixture:
    """A corpus fixture: the runner's view (expanded text) and its header as raw data (tests edit it)."""

    path: Path
    loaded: RunnerFixture
    header: dict[str, Any]

    @property
    def text(self) -> str:
        """The expanded module text ("" for a .wasm fixture)."""
        return self.loaded.source

    @property
    def checks(self) -> list[dict[str, Any]]:
        return list(self.header.get("check", []))


def load_fixture(path: Path) -> Fixture:
    return Fixture(path, runner_load_fixture(path), read_header(path)[1])


def all_fixtures() -> list[Fixture]:
    """Every corpus fixture, the runner's view shared with the other test modules (loaded once per process);
    the header is read afresh each time, so a test that edits one cannot change what another sees."""
    return [Fixture(f.path, f, read_header(f.path)[1]) for f in corpus_fixtures()]


def header_problems(fixture: Fixture, manifest: Manifest) -> list[str]:
    """The runner's header lint plus the corpus's rules, each as `file: message`."""
    name = fixture.path.name
    header = fixture.header
    imports = {imp.field: imp for imp in manifest.imports}
    problems = [f"{name}: {p}" for p in runner_header_problems(header, fixture.path, manifest)]
    declared = imported_fields(fixture.loaded)
    for check in fixture.checks:
        cid = check.get("id")
        imp = imports.get(check.get("call", ""))
        if imp is None:
            continue  # the runner's lint already names the unknown call
        if check.get("code") not in imp.errors:
            problems.append(f"{name}: check {cid}: {check.get('code')!r} is not an error of {imp.field}")
        if imp.field not in declared:
            problems.append(f"{name}: check {cid}: the guest never calls {imp.field}")
    return problems


def coverage_gaps(fixtures: list[Fixture], manifest: Manifest) -> list[str]:
    """Clauses no fixture lists, and (import, ErrorCode) pairs the manifest allows that no check expects."""
    listed = {c for f in fixtures for c in f.header.get("clauses", [])}
    gaps = [f"clause {c.id} is in no fixture" for c in manifest.all_clauses() if c.id not in listed]
    expected = {(check.get("call"), check.get("code")) for f in fixtures for check in f.checks}
    for imp in manifest.imports:
        gaps += [f"{imp.field} -> {code} is expected by no check" for code in imp.errors
                 if (imp.field, code) not in expected]
    return gaps
