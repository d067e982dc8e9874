"""Paths and loaders shared by the ABI tests (the seed source file, the guest data directory)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from conformance._rust import RustSource, parse_source
from conformance.manifest import Manifest, manifest_from_data, read_raw

ROOT = Path(__file__).resolve().parents[2]
GUESTS = ROOT / "tests" / "data" / "guests"
INVALID = GUESTS / "invalid"
SEED_SOURCE = Path("/work/shared/reference/000_73b051e9c4af75fd.txt")
SEED_COPY = ROOT / "tests" / "data" / "ml_v2.rs"  # the seed file as committed, so tests run offline anywhere


def seed_source() -> RustSource:
    """The crate's ml_v2.rs (docs.rs source view) as parsed declarations."""
    return parse_source(SEED_COPY.read_text("utf-8"))


def mutated_manifest(edit) -> Manifest:
    """Apply ``edit(data)`` to a deep copy of the manifest's plain data and load it (the original is untouched)."""
    data: dict[str, Any] = copy.deepcopy(read_raw())
    edit(data)
    return manifest_from_data(data)


def raw_import(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(i for i in data["imports"] if i["name"] == name)


def raw_struct(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(s for s in data["structs"] if s["name"] == name)
