"""Run results: the one object every report is rendered from, and its machine record, results.json.

Why one object: results.json (schema conformance/schemas/results.schema.json, docs/results.md), JUnit,
Markdown, HTML and the terminal all read the same facts, so a host author sees the same verdict
everywhere. The renderings live in conformance/reports/; this module only holds the facts.
"""

from __future__ import annotations

import hashlib
import json
import platform
import shlex
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from conformance import __version__
from conformance.errors import BadInput
from conformance.manifest import load_manifest

from ._judge import Diagnostic
from ._outcome import ORDER, Outcome, exit_code, summary
from ._verdict import verdicts

RESULTS_SCHEMA_VERSION = "2.0"
SUITE_NAME = "ark-ml-conformance"


@dataclass
class CaseResult:
    id: str
    title: str
    path: str
    sha256: str
    clauses: list[str]
    outcome: Outcome
    duration_seconds: float
    rerun: str
    diagnostic: Diagnostic | None = None
    reason: str | None = None  # skip / xfail / not_supported: why
    steps: int = 0
    hive_requests: list[dict[str, Any]] = field(default_factory=list)
    profile: str = "core"
    features: list[str] = field(default_factory=list)
    seed: int | None = None  # the case_seed the guest saw (None: the case did not run)

    @property
    def import_name(self) -> str:
        """The ABI import a fixture exercises: its id up to the first dot (`start_training.success`)."""
        return self.id.split(".", 1)[0]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "path": self.path,
            "sha256": self.sha256,
            "profile": self.profile,
            "features": self.features,
            "clauses": self.clauses,
            "outcome": str(self.outcome),
            "seed": self.seed,
            "duration_seconds": round(self.duration_seconds, 4),
            "steps": self.steps,
            "hive_requests": self.hive_requests,
            "rerun": self.rerun,
        }
        if self.diagnostic is not None:
            out["diagnostic"] = self.diagnostic.to_dict()
        if self.reason is not None:
            out["reason"] = self.reason
        return out


@dataclass(frozen=True)
class Selection:
    """Which cases of the fixture set this run meant to run, and from where."""

    fixtures_dir: str
    pattern: str | None
    corpus_size: int  # fixtures in the set
    fixture_set_sha256: str  # digest of the whole set (fixture_set_digest)
    expectations: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "fixtures_dir": self.fixtures_dir,
            "pattern": self.pattern,
            "expectations": self.expectations,
            "fixture_count": self.corpus_size,
            "fixture_set_sha256": self.fixture_set_sha256,
        }


def fixture_set_digest(pairs: Iterable[tuple[str, str]]) -> str:
    """sha256 over `id sha256\\n` lines sorted by id: names the exact fixture set a run was made with."""
    text = "".join(f"{case_id} {digest}\n" for case_id, digest in sorted(pairs))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class RunResults:
    host: dict[str, Any]
    cases: list[CaseResult]
    duration_seconds: float
    started_at: str
    jobs: int
    selection: Selection
    interrupted: bool = False

    @property
    def outcomes(self) -> list[Outcome]:
        return [c.outcome for c in self.cases]

    @property
    def complete(self) -> bool:
        """Every fixture of the set ran to an outcome: no `-k`, no interruption."""
        return not self.interrupted and len(self.cases) == self.selection.corpus_size

    @property
    def exit_code(self) -> int:
        return exit_code(self.outcomes)

    @property
    def verdicts(self) -> dict[str, str]:
        return verdicts(self.cases, self.host, self.complete)

    def scope(self) -> str:
        """`all 74 fixtures` or `partial selection: 1 of 74 fixtures (-k x)`, so a subset never reads as a run."""
        n, total = len(self.cases), self.selection.corpus_size
        if self.complete:
            return f"all {total} fixtures"
        why = "interrupted" if self.interrupted else "partial selection"
        pattern = f" (-k {self.selection.pattern})" if self.selection.pattern else ""
        return f"{why}: {n} of {total} fixtures{pattern}"

    def summary_line(self) -> str:
        return f"{summary(self.outcomes)} in {self.duration_seconds:.2f} s; {self.scope()}"

    def to_dict(self) -> dict[str, Any]:
        manifest = load_manifest()
        counts = Counter(str(o) for o in self.outcomes)
        return {
            "schema_version": RESULTS_SCHEMA_VERSION,
            "suite": {"name": SUITE_NAME, "version": __version__},
            "manifest_version": manifest.manifest_version,
            "spec": manifest.spec_label,
            "versions": versions(),
            "host": self.host,
            "selection": self.selection.to_dict(),
            "complete": self.complete,
            "interrupted": self.interrupted,
            "started_at": self.started_at,
            "duration_seconds": round(self.duration_seconds, 3),
            "jobs": self.jobs,
            "summary": {str(o): counts.get(str(o), 0) for o in ORDER},
            "verdicts": self.verdicts,
            "exit_code": self.exit_code,
            "cases": [c.to_dict() for c in self.cases],
        }


@cache
def _dist_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def versions() -> dict[str, str]:
    """What else a result depends on besides the host: the suite, Python, wasmtime, httpx, the platform."""
    return {
        "suite": __version__,
        "python": platform.python_version(),
        "wasmtime": _dist_version("wasmtime"),
        "httpx": _dist_version("httpx"),
        "platform": platform.platform(terse=True),
    }


class ResultsFileError(BadInput):
    """A results file that cannot be read as JSON (one line naming the file)."""


def read_results_file(path: Path) -> Any:
    """The parsed JSON of a results file; raises ResultsFileError when it is missing or unreadable."""
    try:
        return json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ResultsFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ResultsFileError(f"{path}: not a readable JSON file: {exc}") from None


@cache
def results_schema() -> dict[str, Any]:
    return json.loads(resources.files("conformance").joinpath("schemas/results.schema.json").read_text("utf-8"))


def rerun_command(host_spec: str, fixtures_dir: str, case_id: str, expectations: str | None, seed: int | None) -> str:
    """A copy-pastable command that reruns one case exactly as this run did (same seed)."""
    argv = ["ark-conformance", "run", "--host", host_spec, "--fixtures", fixtures_dir, "-k", case_id, "--jobs", "1"]
    if seed is not None:
        argv += ["--seed", str(seed)]
    if expectations:
        argv += ["--expectations", expectations]
    return shlex.join(argv)
