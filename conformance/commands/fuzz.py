"""``ark-conformance fuzz``: property-based exploration of a host for N minutes; failures become case files."""

from __future__ import annotations

import argparse
from pathlib import Path

from conformance.cli import EXIT_NONCONFORMING, EXIT_OK, UsageError

HELP = "fuzz a host through the call-thunk guest for N minutes; write every shrunk failure as a case file"

DEFAULT_HOST = "reference"
HOST_FORMS = "reference | python:MODULE:CLASS | subprocess:COMMAND | MODULE:FACTORY"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--minutes", type=float, required=True, help="time budget (at least one seed always runs)")
    parser.add_argument("--seeds", type=int, default=None, help="stop after this many seeds (default: no limit)")
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
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"the host: {HOST_FORMS} (default {DEFAULT_HOST})")
    parser.add_argument(
        "--hive",
        choices=("respx", "loopback"),
        default=None,
        help="the simulated hive: respx (in-process hosts only) or loopback (a 127.0.0.1 server, any host); "
        "default: loopback when a subprocess host takes part, else respx",
    )


def run(args: argparse.Namespace) -> int:
    try:
        from conformance.fuzz.explore import backend_for, explore, explore_differential, load_host_factory
    except ImportError as exc:  # hypothesis / respx are the [fuzz] extra
        raise UsageError(f"fuzz needs the fuzz extra (pip install 'ark-ml-conformance[fuzz]'): {exc}") from None

    if not args.minutes > 0:
        raise UsageError("--minutes must be a positive number")
    if args.examples < 1:
        raise UsageError("--examples must be at least 1")
    if args.max_steps < 1:
        raise UsageError("--max-steps must be at least 1")
    if args.seeds is not None and args.seeds < 1:
        raise UsageError("--seeds must be at least 1")
    if args.out.exists() and not args.out.is_dir():
        raise UsageError(f"--out {args.out} exists and is not a directory")
    try:
        factory = load_host_factory(args.host)
        against = load_host_factory(args.against) if args.against else None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    backend = args.hive or backend_for(args.host, args.against)
    if backend == "respx" and backend_for(args.host, args.against) == "loopback":
        raise UsageError("--hive respx: a subprocess host cannot reach the in-process respx hive; use loopback")
    for spec, each in ((args.host, factory), (args.against, against)):
        if spec and spec.startswith("subprocess:"):
            _say_hello(spec, each)
    budget = (args.minutes, args.out, args.seed, args.examples, args.max_steps)
    if against is None:
        result = explore(factory, *budget, backend=backend, max_seeds=args.seeds)
    else:
        result = explore_differential(factory, against, *budget, backend=backend, max_seeds=args.seeds)
    print(f"fuzz: {len(result.seeds)} seed(s), {len(result.failures)} failure(s)")
    return EXIT_NONCONFORMING if result.failures else EXIT_OK


def _say_hello(spec: str, factory) -> None:  # type: ignore[no-untyped-def]
    """Start a subprocess host once before fuzzing: one that cannot say hello is bad input (exit 2, one
    line), not a failure of every example."""
    from conformance.adapters import AdapterError

    host = factory()
    try:
        host.info  # noqa: B018 - starts the process and checks its hello
    except AdapterError as exc:
        raise UsageError(f"host {spec!r}: {exc}") from None
    finally:
        host.close()
