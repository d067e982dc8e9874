"""``ark-conformance explain ID``: what a fixture does, the clauses it checks (their text), its expectations."""

from __future__ import annotations

import argparse
from pathlib import Path

from conformance.cli import UsageError
from conformance.commands._corpus import load_corpus
from conformance.commands.run import DEFAULT_FIXTURES
from conformance.reports import clause_texts

HELP = "explain a fixture: title, profile, clauses with their text, checks, hive assertions"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="fixture id, e.g. start_training.success")
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES, metavar="DIR", help="fixture directory")


def run(args: argparse.Namespace) -> int:
    fixture = next((f for f in load_corpus(args.fixtures) if f.id == args.id), None)
    if fixture is None:
        raise UsageError(f"no fixture with id {args.id!r} (see `ark-conformance list`)")
    texts = clause_texts()
    lines = [
        f"{fixture.id}: {fixture.title}",
        f"  file: {fixture.path}",
        f"  profile: {fixture.profile}; features: {', '.join(fixture.features) or 'none'}",
        f"  hive scenario: {fixture.scenario}; deadline {fixture.timeout_seconds:g} s, {fixture.max_steps} steps",
        f"  expects: {fixture.expect}",
        "clauses:",
    ]
    lines += [f"  {clause}: {texts.get(clause, '(not in the manifest)')}" for clause in fixture.clauses]
    lines.append("checks (journal records the guest must write):")
    for check in fixture.checks:
        shown = f", bytes {check.bytes_text}" if check.bytes_text else ""
        lines.append(f"  #{check.id} {check.call} -> {check.code}{shown}  [{check.clause}]")
    if fixture.hive:
        lines.append("hive assertions:")
        for assertion in fixture.hive:
            facts = {k: v for k, v in vars(assertion).items() if v not in (None, (), {})}
            lines.append("  " + ", ".join(f"{k}={v}" for k, v in facts.items()))
    if fixture.teardown is not None:
        t = fixture.teardown
        lines.append(f"teardown: {t.held} held request(s) on {t.route} abandoned after close  [{t.clause}]")
    print("\n".join(lines))
    return 0
