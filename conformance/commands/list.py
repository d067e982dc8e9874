"""``ark-conformance list [-k PATTERN]``: the fixtures, one per line (id, profile, clauses, title)."""

from __future__ import annotations

import argparse
from pathlib import Path

from conformance.cli import UsageError
from conformance.commands._corpus import load_corpus
from conformance.commands.run import DEFAULT_FIXTURES
from conformance.runner import select

HELP = "list the fixtures (id, profile, clauses, title), optionally those -k selects"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-k", dest="pattern", metavar="PATTERN", help="fixture id, fnmatch pattern or substring")
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES, metavar="DIR", help="fixture directory")


def run(args: argparse.Namespace) -> int:
    selected = select(load_corpus(args.fixtures), args.pattern)
    if not selected:
        raise UsageError(f"no fixture matches -k {args.pattern!r}")
    width = max(len(f.id) for f in selected)
    for fixture in selected:
        print(f"{fixture.id:<{width}}  {fixture.profile:<8}  {', '.join(fixture.clauses)}  {fixture.title}")
    return 0
