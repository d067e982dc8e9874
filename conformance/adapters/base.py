"""The interface every host adapter implements: a few Wasm primitives, no guest-protocol logic.

Why primitives: the runner drives the guest protocol (params, steps, journal) and judges the journal
itself, so an in-process host and a host behind a pipe run exactly the same judging code; an adapter only
instantiates modules, calls exports and reads or writes guest memory.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from conformance.errors import HostProblem


class AdapterError(HostProblem):
    """Base class of the failures an adapter reports; each maps to one case outcome."""


class GuestTrap(AdapterError):
    """The guest trapped (or an import raised and the host turned it into a trap): the case is a `crash`."""


class LinkFailed(AdapterError):
    """The host refused to instantiate the module (unknown import, bad module): the case is a `crash`."""


class HostCrashed(AdapterError):
    """The host itself died (its process exited, its pipe closed): the case is a `crash`, the next case restarts it."""


class HostTimeout(AdapterError):
    """A single call did not return within its deadline (the adapter killed the host): the case is a `timeout`."""


class ProtocolViolation(HostCrashed):
    """A subprocess host wrote something the protocol does not allow (docs/subprocess-protocol.md): the
    adapter killed it; the case is a `crash`, and a bad `hello` when a run starts is bad input (exit 2)."""


@dataclass(frozen=True)
class HostInfo:
    """What a host says about itself: used for not_supported decisions and for the report."""

    name: str
    version: str
    profiles: tuple[str, ...] = ("core", "extended")
    features: tuple[str, ...] = field(default_factory=tuple)
    # The limits the host applies (request_timeout_seconds, max_outstanding_futures, max_download_bytes),
    # as far as it says; the cap fixtures assume the manifest's [limits].
    limits: Mapping[str, float] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, description: Any) -> HostInfo:
        """From anything with the same fields (reference_host's HostDescription)."""
        return cls(
            name=description.name,
            version=description.version,
            profiles=tuple(description.profiles),
            features=tuple(description.features),
            limits=dict(description.limits),
        )

    def supports(self, profile: str, features: tuple[str, ...] | list[str]) -> str | None:
        """None when a fixture with this profile and these features can run here, else the reason it cannot."""
        if profile not in self.profiles:
            return f"profile {profile!r} not supported by {self.name} (supports {', '.join(self.profiles)})"
        missing = [f for f in features if f not in self.features]
        if missing:
            return f"feature(s) {', '.join(missing)} not supported by {self.name}"
        return None


class Instance(ABC):
    """One fresh guest instance (its own store): a case never shares one with another case."""

    @abstractmethod
    def call(self, export: str, *args: int, timeout: float | None = None) -> list[int]:
        """Call an exported function with raw Wasm values; raises GuestTrap, HostCrashed or HostTimeout."""

    @abstractmethod
    def read_memory(self, ptr: int, length: int) -> bytes:
        """Exactly `length` bytes at `ptr`; raises IndexError if the range is outside memory."""

    @abstractmethod
    def write_memory(self, ptr: int, data: bytes) -> None:
        """Write `data` at `ptr`; raises IndexError if the range is outside memory."""

    @property
    @abstractmethod
    def memory_size(self) -> int:
        """The guest memory's current size in bytes."""

    @abstractmethod
    def close(self) -> None:
        """Cancel the instance's background work and free it; never raises."""

    def wait_background(self, timeout: float) -> bool:
        """The pause between two frames (guest protocol §4): at most `timeout` seconds. An adapter whose
        host can tell when background work ends may return sooner (True); the default sleeps it out."""
        time.sleep(timeout)
        return False

    def __enter__(self) -> Instance:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class HostAdapter(ABC):
    """A host under test. One adapter serves one worker thread; `instantiate` gives a fresh instance per case."""

    spec: str = ""

    @property
    @abstractmethod
    def info(self) -> HostInfo:
        """Name, version, profiles and features of the host."""

    @abstractmethod
    def instantiate(
        self, wasm: bytes, *, timeout: float | None = None, settings: Mapping[str, float] | None = None
    ) -> Instance:
        """A new instance of `wasm` in a fresh store; raises LinkFailed, HostCrashed or HostTimeout.

        `settings` (a fixture's `host_settings`: request_timeout_seconds, max_outstanding_futures,
        max_training_handles) are hints that let the case finish sooner; an adapter whose host cannot
        apply them ignores them, and the case must still pass."""

    @abstractmethod
    def close(self) -> None:
        """Stop the host (threads, processes); never raises."""

    def provided_imports(self) -> Mapping[tuple[str, str], Any] | None:
        """The host's import table, (module, field) -> function type, when the host can list it; None means
        ask by linking (`probe` then instantiates one-import guests)."""
        return None

    def __enter__(self) -> HostAdapter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
