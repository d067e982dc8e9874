"""``ark-conformance run``: run the fixture corpus against a host and report per-case outcomes."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from conformance.adapters import SPEC_HELP, AdapterError, HostAdapter, check_spec, open_adapter
from conformance.cli import UsageError, interrupted_exit_code, owns_process
from conformance.commands._corpus import load_corpus
from conformance.corpus import default_fixtures_dir
from conformance.reports import TerminalReporter, file_reporters
from conformance.runner import (
    Expectations,
    RunOptions,
    corpus_identities,
    fixture_paths,
    load_expectations,
    matching_stems,
    planned_jobs,
    run_suite,
    select,
)

HELP = "run the conformance fixtures against a host (reference, python:MODULE:CLASS, subprocess:COMMAND)"
DEFAULT_FIXTURES = default_fixtures_dir()


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", required=True, metavar="SPEC", help=SPEC_HELP)
    parser.add_argument("-k", dest="pattern", metavar="PATTERN", help="fixture id, fnmatch pattern or substring")
    parser.add_argument("--jobs", type=int, default=0, metavar="N", help="worker threads (default: CPU count)")
    parser.add_argument("--expectations", type=Path, metavar="FILE", help="per-host skip/expected-fail TOML")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write results.json here")
    parser.add_argument("--junit", type=Path, metavar="FILE", help="write JUnit XML here")
    parser.add_argument(
        "--report-dir", type=Path, metavar="DIR", help="write results.json, junit.xml, report.md, report.html"
    )
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES, metavar="DIR", help="fixture directory")
    parser.add_argument("--seed", type=int, help="case_seed for every case (default: random per case)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress, no slowest cases")
    parser.add_argument(
        "--stable",
        action="store_true",
        help="no timings, timestamp or platform in junit.xml/report.md/report.html (for committed reports)",
    )


def _writable_dir(directory: Path) -> bool:
    """True when `directory` exists and is writable, or could be created (its nearest existing parent is)."""
    probe = directory
    while not probe.exists():
        if probe.parent == probe:
            return False
        probe = probe.parent
    return probe.is_dir() and os.access(probe, os.W_OK | os.X_OK)


def check_output_paths(report_dir: Path | None, *files: Path | None) -> None:
    """Refuse unusable output paths before any case runs, not after the whole run (exit 2, one line)."""
    if report_dir is not None and ((report_dir.exists() and not report_dir.is_dir()) or not _writable_dir(report_dir)):
        raise UsageError(f"--report-dir {report_dir}: not a directory that can be written")
    for path in files:
        if path is None:
            continue
        if path.is_dir():
            raise UsageError(f"{path}: is a directory, not a file to write")
        if (path.exists() and not os.access(path, os.W_OK)) or not _writable_dir(path.parent):
            raise UsageError(f"{path}: cannot be written")


def run(args: argparse.Namespace) -> int:
    check_spec(args.host)
    if args.jobs < 0:
        raise UsageError("--jobs must be >= 0")
    if args.seed is not None and not 0 <= args.seed < 1 << 32:
        raise UsageError("--seed must be in 0..4294967295 (a u32 case_seed)")
    check_output_paths(args.report_dir, args.json, args.junit)
    if args.host == "reference" and owns_process():  # then this process runs our code alone
        from reference_host import without_async_http

        without_async_http()
    expectations = load_expectations(args.expectations)  # ExpectationsError is BadInput: exit 2
    started = _start_hosts(args)
    try:
        return _run(args, expectations, started)
    finally:
        for adapter in started:  # those the run did not take (it selected fewer cases than expected)
            adapter.close()


def _start_hosts(args: argparse.Namespace) -> list[HostAdapter]:
    """Subprocess hosts, started (process spawned, `hello` sent) before the corpus is loaded: a host's own
    start-up (imports, hello) then overlaps the runner's. One per worker the run will use, counted from
    the fixture file names `-k` matches. In-process hosts start in `run_suite` as before (their start-up
    would only compete for this process's interpreter lock)."""
    if not args.host.startswith("subprocess:") or not args.fixtures.is_dir():
        return []
    stems = matching_stems([path.stem for path in fixture_paths(args.fixtures)], args.pattern)
    adapters = [open_adapter(args.host) for _ in range(planned_jobs(args.jobs, len(stems)))]
    try:
        for adapter in adapters:
            adapter.start()  # type: ignore[attr-defined]
    except AdapterError:  # cannot even be started: run_suite reports it the usual way
        for adapter in adapters:
            adapter.close()
        return []
    return adapters


def _run(args: argparse.Namespace, expectations: Expectations, started: list[HostAdapter]) -> int:
    fixtures = load_corpus(args.fixtures, args.pattern)
    selected = select(fixtures, args.pattern)
    if not selected:
        raise UsageError(f"no fixture matches -k {args.pattern!r}")
    corpus = corpus_identities(args.fixtures) if args.pattern else None
    ids = [case_id for case_id, _ in corpus] if corpus is not None else [f.id for f in fixtures]
    for stale in expectations.unmatched(ids):
        print(f"warning: expectation {stale.pattern!r} matches no fixture", file=sys.stderr)

    options = RunOptions(
        host_spec=args.host,
        fixtures_dir=args.fixtures,
        jobs=args.jobs,
        pattern=args.pattern,
        expectations=expectations,
        seed=args.seed,
    )
    reporters = [TerminalReporter(sys.stderr, sys.stdout, quiet=args.quiet)]
    reporters += file_reporters(args.report_dir, args.json, args.junit, stable=args.stable)

    def adapter() -> HostAdapter:
        return started.pop(0) if started else open_adapter(args.host)

    results = run_suite(fixtures, options, adapter, reporters, corpus=corpus)
    return interrupted_exit_code() if results.interrupted else results.exit_code  # 128 + signal: 130 for Ctrl-C
