"""Run results and their three renderings: results.json (schema-versioned), JUnit XML, report.md.

Why three: results.json is the machine record (validated against conformance/schemas/results.schema.json),
JUnit is what CI systems display, report.md is what a host author reads. All three come from one object.
"""

from __future__ import annotations

import json
import platform
import shlex
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from conformance import __version__
from conformance.manifest import load_manifest

from ._judge import Diagnostic
from ._outcome import ORDER, Outcome, exit_code, summary

RESULTS_SCHEMA_VERSION = "1.0"


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

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "path": self.path,
            "sha256": self.sha256,
            "clauses": self.clauses,
            "outcome": str(self.outcome),
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


@dataclass
class RunResults:
    host: dict[str, Any]
    cases: list[CaseResult]
    duration_seconds: float
    started_at: str
    jobs: int
    fixtures_dir: str
    expectations: str | None = None

    @property
    def outcomes(self) -> list[Outcome]:
        return [c.outcome for c in self.cases]

    @property
    def exit_code(self) -> int:
        return exit_code(self.outcomes)

    def summary_line(self) -> str:
        return f"{summary(self.outcomes)} in {self.duration_seconds:.2f} s"

    def to_dict(self) -> dict[str, Any]:
        manifest = load_manifest()
        counts = Counter(str(o) for o in self.outcomes)
        return {
            "schema_version": RESULTS_SCHEMA_VERSION,
            "suite": {"name": "ark-ml-conformance", "version": __version__},
            "manifest_version": manifest.manifest_version,
            "spec": manifest.spec_label,
            "wasmtime_version": _dist_version("wasmtime"),
            "python_version": platform.python_version(),
            "host": self.host,
            "started_at": self.started_at,
            "duration_seconds": round(self.duration_seconds, 3),
            "jobs": self.jobs,
            "fixtures_dir": self.fixtures_dir,
            "expectations": self.expectations,
            "summary": {str(o): counts.get(str(o), 0) for o in ORDER},
            "exit_code": self.exit_code,
            "cases": [c.to_dict() for c in self.cases],
        }


@cache
def _dist_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


@cache
def results_schema() -> dict[str, Any]:
    return json.loads(resources.files("conformance").joinpath("schemas/results.schema.json").read_text("utf-8"))


def rerun_command(host_spec: str, fixtures_dir: str, case_id: str, expectations: str | None) -> str:
    """A copy-pastable command that reruns one case exactly as this run did."""
    argv = ["ark-conformance", "run", "--host", host_spec, "--fixtures", fixtures_dir, "-k", case_id, "--jobs", "1"]
    if expectations:
        argv += ["--expectations", expectations]
    return shlex.join(argv)


def write_json(results: RunResults, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results.to_dict(), indent=2) + "\n", "utf-8")


def write_junit(results: RunResults, path: Path) -> None:
    """One <testsuite> named after the host; fail/xpass -> <failure>, crash/timeout -> <error>, skips -> <skipped>."""
    counts = Counter(results.outcomes)
    suite = ET.Element(
        "testsuite",
        name=f"ark-ml-conformance:{results.host['name']}",
        tests=str(len(results.cases)),
        failures=str(counts[Outcome.FAIL] + counts[Outcome.XPASS]),
        errors=str(counts[Outcome.CRASH] + counts[Outcome.TIMEOUT]),
        skipped=str(counts[Outcome.SKIP] + counts[Outcome.NOT_SUPPORTED] + counts[Outcome.XFAIL]),
        time=f"{results.duration_seconds:.3f}",
    )
    for case in results.cases:
        element = ET.SubElement(suite, "testcase", classname=case.id.split(".")[0], name=case.id)
        element.set("time", f"{case.duration_seconds:.3f}")
        message = case.diagnostic.message if case.diagnostic else (case.reason or "")
        if case.outcome in (Outcome.FAIL, Outcome.XPASS):
            text = message if case.outcome is Outcome.FAIL else f"passed but expected to fail: {case.reason}"
            ET.SubElement(element, "failure", message=text, type=str(case.outcome)).text = _detail(case)
        elif case.outcome in (Outcome.CRASH, Outcome.TIMEOUT):
            ET.SubElement(element, "error", message=message, type=str(case.outcome)).text = _detail(case)
        elif case.outcome in (Outcome.SKIP, Outcome.NOT_SUPPORTED, Outcome.XFAIL):
            ET.SubElement(element, "skipped", message=f"{case.outcome}: {message}")
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(suite).write(path, encoding="utf-8", xml_declaration=True)


def _detail(case: CaseResult) -> str:
    lines = []
    if case.diagnostic:
        for key in ("clause", "call", "expected", "actual"):
            value = getattr(case.diagnostic, key)
            if value is not None:
                lines.append(f"{key}: {value}")
    lines.append(f"rerun: {case.rerun}")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_report(results: RunResults) -> str:
    """report.md: header facts, summary, then every non-passing case with its diagnostic and rerun command."""
    data = results.to_dict()
    host = data["host"]
    lines = [
        f"# Conformance report: {host['name']} {host['version']}",
        "",
        f"- Spec: {data['spec']} (manifest {data['manifest_version']})",
        f"- Suite: ark-ml-conformance {data['suite']['version']}, results schema {data['schema_version']}",
        f"- Host spec: `{host['spec']}`; profiles: {', '.join(host['profiles'])}; "
        f"features: {', '.join(host['features']) or 'none'}",
        f"- wasmtime {data['wasmtime_version']}, Python {data['python_version']}",
        f"- Expectations: {data['expectations'] or 'none'}",
        "",
        f"**{summary(results.outcomes)}** ({len(results.cases)} cases). Exit code {results.exit_code}.",
        "",
        "| outcome | count |",
        "|---|---|",
    ]
    lines += [f"| {o} | {n} |" for o, n in data["summary"].items() if n]
    notable = [c for c in results.cases if c.outcome is not Outcome.PASS]
    if notable:
        lines += ["", "## Cases that did not pass", "", "| case | outcome | clause | diagnostic or reason |"]
        lines.append("|---|---|---|---|")
        for case in notable:
            clause = case.diagnostic.clause if case.diagnostic and case.diagnostic.clause else ""
            text = case.diagnostic.message if case.diagnostic else (case.reason or "")
            if case.reason and case.diagnostic:
                text += f" (expected: {case.reason})"
            lines.append(f"| `{case.id}` | {case.outcome} | {clause} | {_cell(text)} |")
    lines += ["", "## All cases", "", "| case | outcome | clauses | seconds |", "|---|---|---|---|"]
    for case in results.cases:
        lines.append(f"| `{case.id}` | {case.outcome} | {', '.join(case.clauses)} | {case.duration_seconds:.3f} |")
    return "\n".join(lines) + "\n"


def write_report(results: RunResults, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(results), "utf-8")
