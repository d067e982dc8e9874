"""``ark-conformance validate GUEST``: check a guest's ark-* imports and memory export against the manifest."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from conformance.cli import EXIT_NONCONFORMING, EXIT_OK
from conformance.validator import ValidationReport, validate_guest

HELP = "statically validate a guest module (.wasm or .wat): imports, signatures, memory export"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("guest", type=Path, metavar="GUEST", help="guest module, .wasm or .wat")
    parser.add_argument("--json", action="store_true", help="print JSON (schemas/validate-result.schema.json)")


def run(args: argparse.Namespace) -> int:
    report = validate_guest(args.guest)  # WasmError (unreadable or not Wasm) is BadInput: exit 2
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        print(render(report))
    return EXIT_OK if report.valid else EXIT_NONCONFORMING


def render(report: ValidationReport) -> str:
    verdict = "valid" if report.valid else f"invalid ({len(report.errors)} error{'s' * (len(report.errors) != 1)})"
    lines = [f"{report.source}: {verdict} against {report.spec} (manifest {report.manifest_version})"]
    lines.extend(f"  {finding.line()}" for finding in report.findings)
    lines.append(f"  requires APIs: {', '.join(report.required_apis) or 'none'}")
    lines.append(f"  requires functions: {', '.join(report.required_functions) or 'none'}")
    return "\n".join(lines)
