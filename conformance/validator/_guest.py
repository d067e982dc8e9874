"""The static guest validator: does this module's import section link against an ark-ml-v2 host?

Checked without running anything: every import from an ``ark-*`` module must be a manifest function
with exactly the lowered signature; a module named like an Ark API but spelled wrong (``ml-v2``) is
called out with the right name; the guest must export its linear memory as ``memory`` (the host
reads and writes it). Extra exports are fine.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from conformance.manifest import Import, Manifest, load_manifest
from conformance.wasm import (
    WASM_MAGIC,
    ImportEntry,
    ModuleInterface,
    WasmError,
    compile_wat,
    interface,
    load_module,
    read_file,
)

from ._report import Finding, ImportStatus, ValidationReport
from ._signatures import compare

ARK_PREFIX = "ark-"
MEMORY_EXPORT = "memory"
WELL_FORMED_ARK_MODULE = re.compile(r"ark-[a-z]+-v[0-9]+")


def read_guest(source: bytes | str | Path) -> tuple[str, ModuleInterface]:
    """(label, interface) of a guest given as Wasm bytes, WAT text bytes, or a path to a .wasm/.wat file.

    Raises WasmError with a one-line message for anything unreadable (missing, empty, not Wasm, truncated).
    """
    if isinstance(source, bytes | bytearray | memoryview):
        label, data, is_wat = "<bytes>", bytes(source), False
    else:
        path = Path(source)
        label = str(path)
        data = read_file(path)
        is_wat = path.suffix == ".wat"
    if not data:
        raise WasmError(f"{label}: empty file, not a Wasm module")
    if not data.startswith(WASM_MAGIC) and (is_wat or data.lstrip()[:1] in (b"(", b";")):
        try:
            data = compile_wat(data.decode("utf-8"))
        except UnicodeDecodeError:
            raise WasmError(f"{label}: WAT text is not UTF-8") from None
        except WasmError as exc:
            raise WasmError(f"{label}: {exc}") from None
    try:
        return label, interface(load_module(data))
    except WasmError as exc:
        raise WasmError(f"{label}: {exc}") from None


def validate_guest(source: bytes | str | Path, manifest: Manifest | None = None) -> ValidationReport:
    """Validate a guest module (bytes or path, .wasm or .wat) against the manifest.

    Raises ``conformance.wasm.WasmError`` when the input cannot be read as a module at all.
    """
    label, iface = read_guest(source)
    return validate_interface(iface, label, manifest or load_manifest())


def validate_interface(iface: ModuleInterface, label: str, manifest: Manifest) -> ValidationReport:
    """The checks proper, on an already-read import/export list (the probe and tests reuse them)."""
    findings: list[Finding] = []
    statuses: list[ImportStatus] = []
    required: list[Import] = []
    for entry in iface.imports:
        status, entry_findings, known = _check_import(entry, manifest)
        findings.extend(entry_findings)
        type_text = f"(func {entry.func.wat()})" if entry.func is not None else None
        statuses.append(ImportStatus(entry.module, entry.name, entry.kind, type_text, status))
        if known is not None and known not in required:
            required.append(known)
    findings.extend(_check_memory(iface))
    api_order = [a.name for a in manifest.apis]
    apis = sorted({imp.api for imp in required}, key=api_order.index)
    keys = [imp.key for imp in manifest.imports if imp in required]
    return ValidationReport(
        source=label,
        spec=manifest.spec_label,
        manifest_version=manifest.manifest_version,
        imports=tuple(statuses),
        findings=tuple(findings),
        required_apis=tuple(apis),
        required_functions=tuple(keys),
    )


def _check_import(entry: ImportEntry, manifest: Manifest) -> tuple[str, list[Finding], Import | None]:
    module, field = entry.module, entry.name
    if module not in manifest.modules:
        suggestion = _module_suggestion(module, field, manifest)
        if suggestion is not None:
            api = _api_of(suggestion, manifest)
            msg = f"import module {module!r} is not an Ark API module; the {api} API is {suggestion!r}"
            finding = Finding("wrong-module", "error", msg, module, field, suggestion=suggestion)
            return "misspelled-module", [finding], None
        if module.startswith(ARK_PREFIX):
            known = ", ".join(sorted(manifest.modules))
            msg = f"unknown Ark API module {module!r}: this suite covers {known}"
            return "unknown", [Finding("unknown-module", "error", msg, module, field)], None
        msg = "not an Ark API import: an ark-ml-v2 host does not provide it, the embedder must"
        return "foreign", [Finding("foreign-import", "warning", msg, module, field)], None
    imp = manifest.find_import(module, field)
    if entry.kind != "func":
        msg = f"is imported as a {entry.kind}; Ark API modules provide only functions"
        return "non-function", [Finding("non-function-import", "error", msg, module, field, found=entry.kind)], imp
    if imp is None:
        return "unknown", [_unknown_field(module, field, manifest)], None
    assert entry.func is not None
    problems = compare(imp, entry.func, manifest)
    findings = [
        Finding(p.code, "error", p.message, module, field, param=p.param, expected=p.expected, found=p.found)
        for p in problems
    ]
    return ("mismatch" if problems else "ok"), findings, imp


def _api_of(module: str, manifest: Manifest) -> str:
    return next(a.name for a in manifest.apis if a.module == module)


def _module_suggestion(module: str, field: str, manifest: Manifest) -> str | None:
    """The Ark module a misspelled one most likely means: ``ml-v2`` (the API name) -> ``ark-ml-v2``.

    Also for any non-Ark module (``env``) whose field is a manifest function name.
    """
    by_name = {a.name: a.module for a in manifest.apis}
    normal = module.strip().lower().replace("_", "-")
    for candidate in (normal, normal.removeprefix("ark-")):
        if candidate in by_name:
            return by_name[candidate]
        if ARK_PREFIX + candidate in manifest.modules:
            return ARK_PREFIX + candidate
    if WELL_FORMED_ARK_MODULE.fullmatch(module):  # another Ark API (ark-ml-v3, ark-core-v4): not a misspelling
        return None
    holders = [imp.module for imp in manifest.imports if imp.field == field]
    if holders:  # ("env", "ml__drop_future"): the field says which module was meant
        return holders[0]
    close = difflib.get_close_matches(module, sorted(manifest.modules), n=1, cutoff=0.8)
    return close[0] if close else None


def _unknown_field(module: str, field: str, manifest: Manifest) -> Finding:
    elsewhere = [imp.module for imp in manifest.imports if imp.field == field]
    if elsewhere:
        msg = f"no function {field!r} in {module}; it is provided by {elsewhere[0]}"
        return Finding("unknown-function", "error", msg, module, field, suggestion=f"{elsewhere[0]}::{field}")
    fields = sorted(imp.field for imp in manifest.imports if imp.module == module)
    close = difflib.get_close_matches(field, fields, n=1, cutoff=0.7)
    msg = f"no function {field!r} in {module}" + (f"; did you mean {close[0]!r}?" if close else "")
    return Finding("unknown-function", "error", msg, module, field, suggestion=close[0] if close else None)


def _check_memory(iface: ModuleInterface) -> list[Finding]:
    export = iface.export(MEMORY_EXPORT)
    if export is None:
        msg = "the guest exports no `memory`: the host cannot read its strings or write its outputs"
        return [Finding("missing-memory-export", "error", msg)]
    if export.kind != "memory":
        msg = f"export `memory` is a {export.kind}, not a linear memory"
        return [Finding("memory-export-not-memory", "error", msg, found=export.kind)]
    return []
