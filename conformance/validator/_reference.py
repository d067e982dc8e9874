"""Adapter: what the reference host (or any host behind a `--host` spec) provides, learned by linking
one-import probe guests against it, or from the import table a subprocess host reports.

``reference_host`` is imported lazily and only through its public API (design.md §4:
``ReferenceHost().instantiate(wasm_bytes)``), so the validator works without it and any host with that
API can be probed. For each manifest import a guest importing exactly that function is instantiated:
success means provided with the right type; an "unknown import" link error means missing; any other
link error means mistyped (wasmtime's message says which type the host has, when it says).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from conformance.errors import HostUnavailable
from conformance.manifest import Manifest
from conformance.wasm import compile_wat

from ._guests import guest_wat
from ._probe import Incompatible
from ._signatures import expected_sig, parse_wat_func

MISSING_MARKERS = ("unknown import", "has not been defined", "not defined", "not found", "missing import")


def load_reference_host() -> Any:
    try:
        module = importlib.import_module("reference_host")
    except ImportError as exc:
        raise HostUnavailable(f"the reference host is not available (import reference_host failed: {exc})") from None
    if not hasattr(module, "ReferenceHost"):
        raise HostUnavailable("the reference_host package has no ReferenceHost class (design.md §4)")
    return module


def provided_by_reference_host(manifest: Manifest) -> dict[tuple[str, str], Any]:
    host = load_reference_host().ReferenceHost()
    try:
        return provided_by_linking(host.instantiate, manifest, "the reference host")
    finally:
        _close(host)


def provided_by_linking(
    instantiate: Callable[[bytes], Any], manifest: Manifest, who: str = "the host"
) -> dict[tuple[str, str], Any]:
    """What a host provides, learned by instantiating one-import guests with `instantiate` (any host API
    or adapter whose failures say "unknown import" for a missing function)."""
    provided: dict[tuple[str, str], Any] = {}
    try:  # a guest with no imports must link, or no failure below would say anything about imports
        _close(instantiate(compile_wat(guest_wat([], comment=";; probe baseline"))))
    except Exception as exc:
        raise HostUnavailable(f"{who} refuses a guest with no imports: {_one_line(exc)}") from None
    for imp in manifest.imports:
        wasm = compile_wat(guest_wat([imp], comment=f";; probe {imp.key}"))
        try:
            instance = instantiate(wasm)
        except HostUnavailable:
            raise
        except Exception as exc:  # the host's LinkError (or wasmtime's) says missing or mistyped
            text = str(exc)
            if any(marker in text.lower() for marker in MISSING_MARKERS):
                continue
            found = parse_wat_func(text.split("found", 1)[1]) if "found" in text else None
            provided[(imp.module, imp.field)] = found or Incompatible(_one_line(exc))
            continue
        _close(instance)
        provided[(imp.module, imp.field)] = expected_sig(imp)
    return provided


def _close(obj: Any) -> None:
    close = getattr(obj, "close", None)
    if close is not None:
        close()


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def provided_by_adapter(adapter: Any, manifest: Manifest) -> dict[tuple[str, str], Any]:
    """What a host behind an adapter (any `--host` spec) provides: the import table it reports (the
    subprocess protocol's `imports` op), else what it links (one-import guests, as for the reference host).

    A host that dies, hangs or breaks the protocol is HostUnavailable: probing needs a working host."""
    from conformance.adapters import AdapterError, LinkFailed

    def instantiate(wasm: bytes) -> Any:
        try:
            return adapter.instantiate(wasm)
        except LinkFailed:
            raise
        except AdapterError as exc:
            raise HostUnavailable(f"host {adapter.spec!r} failed while probing: {exc}") from None

    try:
        table = adapter.provided_imports()
    except AdapterError as exc:
        raise HostUnavailable(f"host {adapter.spec!r} did not start: {exc}") from None
    if table is not None:
        return dict(table)
    return provided_by_linking(instantiate, manifest, f"host {adapter.spec!r}")
