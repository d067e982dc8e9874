"""``ark-conformance fuzz``: property-based exploration of a host for N minutes; failures become case files."""

from __future__ import annotations

import argparse
from pathlib import Path

from conformance.cli import EXIT_NONCONFORMING, EXIT_OK, UsageError

HELP = "fuzz a host through the call-thunk guest for N minutes; write every shrunk failure as a case file"

DEFAULT_HOST = "reference"
HOST_FORMS = "reference | python:MODULE:CLASS | MODULE:FACTORY"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--minutes", type=float, required=True, help="time budget (at least one seed always runs)")
    parser.add_argument("--out", type=Path, default=Path("fuzz-cases"), help="directory for failure case files")
    parser.add_argument("--seed", type=int, default=None, help="master seed (default: random)")
    parser.add_argument("--examples", type=int, default=100, help="Hypothesis examples per seed (default 100)")
    parser.add_argument("--max-steps", type=int, default=6, help="longest call sequence per example (default 6)")
    parser.add_argument(
        "--against",
        metavar="HOST",
        help=f"differential mode ({HOST_FORMS}): replay every generated sequence on this host too; "
        "report the first divergence",
    )
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help=f"an in-process host: {HOST_FORMS} (default {DEFAULT_HOST})"
    )


def run(args: argparse.Namespace) -> int:
    try:
        from conformance.fuzz.explore import explore, explore_differential, load_host_factory
    except ImportError as exc:  # hypothesis / respx are the [test] extras
        raise UsageError(f"fuzz needs the test extras (pip install 'ark-ml-conformance[test]'): {exc}") from None

    if not args.minutes > 0:
        raise UsageError("--minutes must be a positive number")
    if args.examples < 1:
        raise UsageError("--examples must be at least 1")
    if args.max_steps < 1:
        raise UsageError("--max-steps must be at least 1")
    if args.out.exists() and not args.out.is_dir():
        raise UsageError(f"--out {args.out} exists and is not a directory")
    try:
        factory = load_host_factory(args.host)
        against = load_host_factory(args.against) if args.against else None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if against is None:
        result = explore(factory, args.minutes, args.out, args.seed, args.examples, args.max_steps)
    else:
        result = explore_differential(
            factory, against, args.minutes, args.out, args.seed, args.examples, args.max_steps
        )
    print(f"fuzz: {len(result.seeds)} seed(s), {len(result.failures)} failure(s)")
    return EXIT_NONCONFORMING if result.failures else EXIT_OK
