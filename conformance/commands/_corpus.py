"""The fixture set a command works on, read once with the one error handling every command shares."""

from __future__ import annotations

import sys
from pathlib import Path

from conformance.cli import UsageError
from conformance.runner import Fixture, FixtureError, discover


def load_corpus(directory: Path, pattern: str | None = None) -> list[Fixture]:
    """Every fixture in `directory` (only those `pattern` selects, as `-k` does, when given: the others are
    neither loaded nor linted); a broken fixture is bad input (each problem on stderr, exit 2)."""
    try:
        return discover(directory, pattern=pattern)
    except FixtureError as exc:
        for problem in exc.problems[1:]:
            print(problem, file=sys.stderr)
        raise UsageError(exc.problems[0] if len(exc.problems) == 1 else str(exc)) from None
