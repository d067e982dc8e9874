"""``ark-conformance run``: run the fixture corpus against a host and report per-case outcomes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from conformance.adapters import SPEC_HELP, check_spec, open_adapter
from conformance.cli import UsageError
from conformance.corpus import default_fixtures_dir
from conformance.runner import (
    ExpectationsError,
    FixtureError,
    HostUnavailable,
    RunOptions,
    discover,
    load_expectations,
    run_suite,
    select,
    write_json,
    write_junit,
    write_report,
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
    parser.add_argument("--report-dir", type=Path, metavar="DIR", help="write results.json, junit.xml, report.md")
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES, metavar="DIR", help="fixture directory")
    parser.add_argument("--seed", type=int, help="case_seed for every case (default: random per case)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress characters")


def run(args: argparse.Namespace) -> int:
    try:
        check_spec(args.host)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.jobs < 0:
        raise UsageError("--jobs must be >= 0")
    try:
        expectations = load_expectations(args.expectations)
        fixtures = discover(args.fixtures)
    except ExpectationsError as exc:
        raise UsageError(str(exc)) from None
    except FixtureError as exc:
        for problem in exc.problems[1:]:
            print(problem, file=sys.stderr)
        raise UsageError(exc.problems[0] if len(exc.problems) == 1 else str(exc)) from None
    selected = select(fixtures, args.pattern)
    if not selected:
        raise UsageError(f"no fixture matches -k {args.pattern!r}")
    for stale in expectations.unmatched([f.id for f in fixtures]):
        print(f"warning: expectation {stale.pattern!r} matches no fixture", file=sys.stderr)

    def factory():
        try:
            return open_adapter(args.host)
        except ValueError as exc:
            raise UsageError(str(exc)) from None

    options = RunOptions(
        host_spec=args.host,
        fixtures_dir=args.fixtures,
        jobs=args.jobs,
        pattern=args.pattern,
        expectations=expectations,
        progress=None if args.quiet else sys.stderr,
        seed=args.seed,
    )
    try:
        results = run_suite(selected, options, factory)
    except HostUnavailable as exc:
        raise UsageError(str(exc)) from None
    for case in results.cases:
        if case.diagnostic is not None and case.outcome in ("fail", "xpass", "timeout", "crash"):
            print(f"{case.outcome.upper()} {case.id}: {case.diagnostic.message}", file=sys.stderr)
            print(f"    rerun: {case.rerun}", file=sys.stderr)
        elif case.outcome == "xpass":
            print(f"XPASS {case.id}: passed but expected to fail ({case.reason})", file=sys.stderr)
    if args.report_dir:
        write_json(results, args.report_dir / "results.json")
        write_junit(results, args.report_dir / "junit.xml")
        write_report(results, args.report_dir / "report.md")
    if args.json:
        write_json(results, args.json)
    if args.junit:
        write_junit(results, args.junit)
    print(f"{results.summary_line()} (host {results.host['name']} {results.host['version']})")
    return results.exit_code
