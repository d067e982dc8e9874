"""``ark-conformance probe``: which manifest functions does a host (or a guest's import list) lack or mistype?"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from conformance.adapters import SPEC_HELP, open_adapter
from conformance.cli import EXIT_NONCONFORMING, EXIT_OK
from conformance.manifest import Manifest, load_manifest
from conformance.validator import (
    ProbeReport,
    probe_host,
    provided_by_adapter,
    provided_by_guest,
    provided_by_reference_host,
    read_guest,
)

HELP = "report every manifest import a host does not provide, or provides with the wrong type"


def configure(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--host", metavar="SPEC", help=f"probe a host: {SPEC_HELP} (default: reference)")
    source.add_argument("--imports", type=Path, metavar="GUEST", help="read the provided set from a module's imports")
    parser.add_argument("--profile", choices=("core", "all"), default="all", help="check core imports only, or all")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def run(args: argparse.Namespace) -> int:
    manifest = load_manifest()
    if args.imports is not None:
        label, iface = read_guest(args.imports)
        provided, host = provided_by_guest(iface), f"imports of {label}"
    else:
        host = args.host or "reference"
        provided = provided_by_reference_host(manifest) if host == "reference" else _provided_by(host, manifest)
    report = probe_host(provided, manifest=manifest, profile=args.profile, host=host)
    print(json.dumps(report.to_json(), indent=2) if args.json else render(report))
    return EXIT_OK if report.ok else EXIT_NONCONFORMING


def _provided_by(spec: str, manifest: Manifest) -> dict:
    """A host of any spec, through its adapter (started here, stopped before returning)."""
    with open_adapter(spec) as adapter:
        return provided_by_adapter(adapter, manifest)


def render(report: ProbeReport) -> str:
    ok = sum(e.status == "ok" for e in report.entries)
    verdict = "links" if report.ok else f"does not link ({len(report.failing)} of {len(report.entries)} imports)"
    lines = [f"{report.host}: {verdict}; {ok} of {len(report.entries)} manifest imports ok"]
    for e in report.failing:
        lines.append(f"  {e.status} {e.module}::{e.field}: expected {e.expected}")
        lines.extend(f"    {p}" for p in e.problems if p != "not provided")
    lines.extend(f"  extra {key} (not in the manifest)" for key in report.extra)
    return "\n".join(lines)
