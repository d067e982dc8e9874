"""Host adapters: how the runner reaches a host under test (in-process, or a subprocess in JSON lines).

`open_adapter(spec)` turns a `--host` spec into an adapter:
    reference                 the reference host, in-process
    python:MODULE:CLASS       an in-process host class with the ReferenceHost constructor shape (mutants)
    subprocess:COMMAND LINE   a host process speaking docs/subprocess-protocol.md
"""

from __future__ import annotations

from conformance.errors import BadInput

from .base import (
    AdapterError,
    GuestTrap,
    HostAdapter,
    HostCrashed,
    HostInfo,
    HostTimeout,
    Instance,
    LinkFailed,
    ProtocolViolation,
)

__all__ = [
    "SPEC_HELP",
    "AdapterError",
    "GuestTrap",
    "HostAdapter",
    "HostCrashed",
    "HostInfo",
    "HostTimeout",
    "Instance",
    "LinkFailed",
    "ProtocolViolation",
    "check_spec",
    "open_adapter",
]

SPEC_HELP = "reference | python:MODULE:CLASS | subprocess:COMMAND LINE"


def check_spec(spec: str) -> None:
    """Raise ValueError (one line) when `spec` has no known form; imports nothing heavy."""
    if spec == "reference" or (spec.startswith("subprocess:") and spec[len("subprocess:") :].strip()):
        return
    if spec.startswith("python:") and len(spec.split(":")) == 3 and all(spec.split(":")[1:]):
        return
    raise BadInput(f"unknown host spec {spec!r} (expected {SPEC_HELP})")


def open_adapter(spec: str) -> HostAdapter:
    """A new adapter for `spec` (one per worker). Raises ValueError (one line) for a bad spec."""
    check_spec(spec)
    if spec.startswith("subprocess:"):
        from .subprocess import SubprocessAdapter

        return SubprocessAdapter(spec[len("subprocess:") :], spec=spec)
    from reference_host import load_class, reference_class

    from .inprocess import InProcessAdapter

    if spec == "reference":
        return InProcessAdapter(reference_class(), spec=spec)
    _, module_name, class_name = spec.split(":")
    return InProcessAdapter(load_class(module_name, class_name), spec=spec)
