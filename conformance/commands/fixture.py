"""``ark-conformance fixture expand ID``: print a fixture as the standalone module the runner compiles.

Why: a fixture holds only its own concern and pulls the prelude and idioms from ``fixtures_wat/harness/``;
to debug it in another tool, or to run the corpus with another runner, one needs the whole module.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from conformance.cli import EXIT_OK, UsageError
from conformance.runner import FixtureError, fixture_paths, load_fixture

HELP = "print a fixture expanded with its harness (prelude + includes): the standalone module the runner compiles"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["expand"], help="expand: print the standalone WAT module")
    parser.add_argument("id", help="fixture id (its file name without .wat)")
    parser.add_argument("--fixtures", type=Path, default=Path("fixtures_wat"), metavar="DIR", help="fixture directory")


def run(args: argparse.Namespace) -> int:
    if not args.fixtures.is_dir():
        raise UsageError(f"{args.fixtures}: no such fixture directory")
    path = next((p for p in fixture_paths(args.fixtures) if p.stem == args.id), None)
    if path is None:
        raise UsageError(f"no fixture {args.id!r} in {args.fixtures}")
    if path.suffix == ".wasm":
        raise UsageError(f"{path} is a compiled fixture: the .wasm file is already the standalone module")
    try:
        fixture = load_fixture(path)
    except FixtureError as exc:
        for problem in exc.problems[1:]:
            print(problem, file=sys.stderr)
        raise UsageError(exc.problems[0] if len(exc.problems) == 1 else str(exc)) from None
    sys.stdout.write(fixture.source)
    return EXIT_OK
