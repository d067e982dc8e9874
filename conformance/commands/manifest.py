"""``ark-conformance manifest``: print the manifest's imports, or check a manifest file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from conformance.cli import EXIT_NONCONFORMING, EXIT_OK, UsageError
from conformance.manifest import ManifestError, load_manifest, manifest_from_data, read_raw
from conformance.rust_bindings import rust_bindings

HELP = "show the ABI manifest (imports as WAT, or Rust bindings), or check a manifest file against its schema"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", metavar="FILE", type=Path, help="validate FILE instead of printing")
    parser.add_argument("--json", action="store_true", help="print the manifest as JSON")
    parser.add_argument(
        "--rust",
        action="store_true",
        help='print Rust bindings: the extern "C" blocks and #[repr(C)] types (fixtures_rust/support/ffi.rs)',
    )
    parser.add_argument(
        "--provenance",
        choices=("confirmed", "inferred", "project-defined"),
        help="list the signatures and clauses with this provenance, with their source, rule or reasoning",
    )


def run(args: argparse.Namespace) -> int:
    if args.check is not None:
        try:
            data = read_raw(args.check)
        except FileNotFoundError:
            raise UsageError(f"{args.check}: no such file") from None
        except (OSError, ValueError) as exc:
            raise UsageError(f"{args.check}: not a readable TOML manifest: {exc}") from None
        try:
            manifest_from_data(data)
        except ManifestError as exc:
            print(f"{args.check}: {exc}")
            return EXIT_NONCONFORMING
        print(f"{args.check}: valid")
        return EXIT_OK
    m = load_manifest()
    if args.provenance:
        _print_provenance(args.provenance)
        return EXIT_OK
    if args.rust:
        print(rust_bindings(m), end="")
        return EXIT_OK
    if args.json:
        print(json.dumps(m.raw, indent=2))
        return EXIT_OK
    print(f";; {m.spec_label}, manifest {m.manifest_version}")
    for imp in m.imports:
        print(f'(import "{imp.module}" "{imp.field}" (func {imp.wat_type()}))  ;; {imp.signature_provenance.status}')
    return EXIT_OK


def _print_provenance(status: str) -> None:
    m = load_manifest()
    for imp in m.imports:
        if imp.signature_provenance.status == status:
            print(f"signature {imp.key}: {imp.signature_provenance.detail}")
    for clause in m.all_clauses():
        if clause.provenance.status == status:
            print(f"clause {clause.id}: {clause.provenance.detail}")
