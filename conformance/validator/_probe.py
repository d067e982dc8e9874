"""The host link probe: which manifest functions does a set of host-provided imports lack or mistype?

The core (``probe_host``) takes a plain mapping ``(module, field) -> function type``, so it does not
depend on any host implementation; adapters turn a guest's import list or a live host into that mapping.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from conformance.manifest import Manifest, load_manifest
from conformance.wasm import ModuleInterface

from ._report import ProbeEntry, ProbeReport
from ._signatures import compare, expected_sig, func_sig

PROFILES = ("core", "all")


@dataclass(frozen=True)
class Incompatible:
    """A host offers the import but its type is not what the manifest says, and the host did not say what it is."""

    reason: str


def probe_host(
    provided: Mapping[tuple[str, str], Any],
    *,
    manifest: Manifest | None = None,
    profile: str = "all",
    host: str = "<mapping>",
) -> ProbeReport:
    """Check every manifest import (``profile="core"``: core imports only) against what a host provides.

    ``provided`` maps (module, field) to a function type: a ``conformance.wasm.FuncSig``, a
    ``wasmtime.FuncType``, anything with ``params``/``results``, or ``Incompatible(reason)``.
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}: choose from {', '.join(PROFILES)}")
    m = manifest or load_manifest()
    entries = []
    for imp in m.imports:
        if profile == "core" and imp.profile != "core":
            continue
        want = f"(func {expected_sig(imp).wat()})"
        key = (imp.module, imp.field)
        if key not in provided:
            entries.append(ProbeEntry(imp.module, imp.field, imp.profile, "missing", want, None, ("not provided",)))
            continue
        offered = provided[key]
        if isinstance(offered, Incompatible):
            entries.append(ProbeEntry(imp.module, imp.field, imp.profile, "mistyped", want, None, (offered.reason,)))
            continue
        sig = func_sig(offered)
        if sig is None:
            kind = offered if isinstance(offered, str) else type(offered).__name__
            problem = f"provided as {kind}, not a function"
            entries.append(ProbeEntry(imp.module, imp.field, imp.profile, "mistyped", want, kind, (problem,)))
            continue
        problems = tuple(p.message for p in compare(imp, sig, m))
        status = "mistyped" if problems else "ok"
        entries.append(ProbeEntry(imp.module, imp.field, imp.profile, status, want, f"(func {sig.wat()})", problems))
    known = {(imp.module, imp.field) for imp in m.imports}
    extra = tuple(
        sorted(f"{mod}::{fld}" for mod, fld in provided if mod.startswith("ark-") and (mod, fld) not in known)
    )
    return ProbeReport(host, tuple(entries), extra)


def provided_by_guest(iface: ModuleInterface) -> dict[tuple[str, str], Any]:
    """A guest's import list read as the set of functions some host offers (e.g. a host's test harness)."""
    provided: dict[tuple[str, str], Any] = {}
    for entry in iface.imports:
        provided[(entry.module, entry.name)] = entry.func if entry.func is not None else entry.kind
    return provided
