"""Deliberately odd hosts for the runner tests, loaded as `python:tests.runner.hosts:CLASS` or behind
`reference_host.serve --host-class`. Each has the ReferenceHost constructor shape."""

from __future__ import annotations

import os
from typing import Any

from reference_host import GuestMemory, HostConfig, MlImports, ReferenceHost

CRASH_MARKER = b"CRASH-THE-HOST"


class _CrashOnStep:
    """Wraps an instance; its first conformance_step kills the whole process (a host crash mid-case)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def call(self, name: str, *args: Any) -> Any:
        if name == "conformance_step":
            os._exit(7)
        return self._inner.call(name, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class CrashyHost(ReferenceHost):
    """The reference host, except that a guest carrying CRASH_MARKER makes the process exit mid-case."""

    def instantiate(self, wasm_bytes: bytes) -> Any:
        instance = super().instantiate(wasm_bytes)
        return _CrashOnStep(instance) if CRASH_MARKER in wasm_bytes else instance


class CoreOnlyHost(ReferenceHost):
    """Declares only the core profile and no features: extended fixtures are not_supported."""

    name = "core-only test host"
    profiles = ("core",)
    features = ("none",)


class _OneByteTooMany(GuestMemory):
    def write(self, ptr: int, data: bytes) -> None:
        super().write(ptr, bytes(data) + b"\x00")


class OverwritingHost(ReferenceHost):
    """A mutant that writes one byte past every output: canary fixtures must fail on it."""

    name = "overwriting test host"

    def __init__(self, config: HostConfig | None = None) -> None:
        super().__init__(config, memory_class=_OneByteTooMany)


class _TrapInStart(MlImports):
    def dispatch(self, imp: Any, raw_args: tuple[int, ...]) -> int:
        if imp.name == "start_training":  # raised past the host's own fault handling: wasmtime traps
            raise RuntimeError("host bug: start_training blew up")
        return super().dispatch(imp, raw_args)


class TrappingHost(ReferenceHost):
    """A host whose start_training import raises: wasmtime turns it into a trap, the case is a `crash`."""

    name = "trapping test host"

    def __init__(self, config: HostConfig | None = None) -> None:
        super().__init__(config, imports_class=_TrapInStart)
