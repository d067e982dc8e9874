"""``ark-conformance verify RESULTS.json``: certify a published results file against the installed suite."""

from __future__ import annotations

import argparse
from pathlib import Path

from conformance.cli import UsageError
from conformance.commands._corpus import load_corpus
from conformance.commands.run import DEFAULT_FIXTURES
from conformance.runner import ResultsFileError, read_results_file, verify_results

HELP = "check a results.json: schema, fixture-set digest, completeness, counts and verdicts (exit 0: certified)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("results", type=Path, metavar="RESULTS.json")
    parser.add_argument(
        "--fixtures",
        type=Path,
        default=DEFAULT_FIXTURES,
        metavar="DIR",
        help="the installed fixture set to check against",
    )


def run(args: argparse.Namespace) -> int:
    try:
        data = read_results_file(args.results)
    except ResultsFileError as exc:
        raise UsageError(str(exc)) from None
    reasons = verify_results(data, load_corpus(args.fixtures))
    for reason in reasons:
        print(reason)
    if reasons:
        return 1
    verdicts = ", ".join(f"{p}: {v}" for p, v in data["verdicts"].items())
    print(f"certified: {data['host']['name']} {data['host']['version']}, {len(data['cases'])} cases; {verdicts}")
    return 0
