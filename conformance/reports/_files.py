"""Reporters that write a file when the run is done: results.json, junit.xml, report.md, report.html."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conformance.errors import BadInput
from conformance.runner import Reporter, RunResults

from ._html import render_html
from ._junit import render_junit
from ._markdown import render_markdown


def render_json(results: RunResults, stable: bool = False) -> str:
    """results.json: the machine record, always complete (timings included: it is the run's record)."""
    return json.dumps(results.to_dict(), indent=2) + "\n"


# --report-dir writes each of these, by file name.
RENDERERS: dict[str, Callable[[RunResults, bool], str]] = {
    "results.json": render_json,
    "junit.xml": render_junit,
    "report.md": render_markdown,
    "report.html": render_html,
}


class FileReporter(Reporter):
    """Writes `render(results, stable)` to `path` once the run is done (interrupted runs too)."""

    def __init__(self, path: Path, render: Callable[[RunResults, bool], str], stable: bool = False) -> None:
        self.path, self.render, self.stable = path, render, stable

    def run_done(self, results: RunResults) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(self.render(results, self.stable), "utf-8")
        except OSError as exc:  # checked up front by `run`; this is the rare path that passed the check
            raise BadInput(f"{self.path}: cannot be written: {exc.strerror or exc}") from None


def file_reporters(
    report_dir: Path | None = None, json_path: Path | None = None, junit_path: Path | None = None, stable: bool = False
) -> list[Reporter]:
    """The reporters for `--report-dir` (every format), `--json` and `--junit`."""
    reporters: list[Reporter] = []
    if report_dir is not None:
        reporters += [FileReporter(report_dir / name, render, stable) for name, render in RENDERERS.items()]
    if json_path is not None:
        reporters.append(FileReporter(json_path, render_json, stable))
    if junit_path is not None:
        reporters.append(FileReporter(junit_path, render_junit, stable))
    return reporters
