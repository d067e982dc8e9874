"""``ark-conformance coverage``: which imports, error codes and clauses the fixture corpus covers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from conformance.cli import EXIT_NONCONFORMING, EXIT_OK, UsageError
from conformance.corpus import default_fixtures_dir
from conformance.runner import FixtureError, compute_coverage, discover, load_hard_values, render_table

HELP = (
    "table of manifest import x ErrorCode x clause (x audited hard values) against the fixtures; exit 1 if an "
    "import or clause is uncovered, a clause is not audited, or an audited hard value is untried or credited "
    "to a fixture that does not judge its clause"
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--fixtures", type=Path, default=default_fixtures_dir(), metavar="DIR", help="fixture directory"
    )
    parser.add_argument("--json", action="store_true", help="print the coverage as JSON")
    parser.add_argument(
        "--require-error-codes",
        action="store_true",
        help="also fail when an import's listed ErrorCode has no fixture checking for it",
    )


def run(args: argparse.Namespace) -> int:
    try:
        fixtures = discover(args.fixtures)
    except FixtureError as exc:
        for problem in exc.problems[1:]:
            print(problem, file=sys.stderr)
        raise UsageError(exc.problems[0] if len(exc.problems) == 1 else str(exc)) from None
    try:
        hard_values = load_hard_values(args.fixtures)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    cov = compute_coverage(fixtures, hard_values=hard_values)
    if args.json:
        print(json.dumps(cov.to_dict(), indent=2))
    else:
        print(render_table(cov))
    ok = cov.complete and (not args.require_error_codes or not cov.uncovered_codes)
    return EXIT_OK if ok else EXIT_NONCONFORMING
