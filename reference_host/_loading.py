"""Finding, building and describing host classes with the ReferenceHost constructor shape.

Why here: the in-process adapter (`conformance.adapters`) and the subprocess server
(`reference_host.serve`) both load a host class by name, build it with the corpus's settings and
describe it; the helpers live in the host package, which is a leaf (it imports only
`conformance.manifest` and `conformance.wasm`), and the adapter imports them from it.

`reference_description` answers for the reference host from the manifest's plain data alone, without
importing wasmtime or building a host, so a server can answer `hello` within milliseconds of starting.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from conformance.errors import BadInput, HostUnavailable
from conformance.manifest import read_raw

NAME = "ark-ml-conformance reference host"
VERSION = "0.1.0"
# The hive request timeout the corpus is judged with: its hive is a loopback simulator, so 1 s is
# ample, and it bounds the fixtures that hang a request (start_training.hive-timeout).
CORPUS_REQUEST_TIMEOUT = 1.0
LIMIT_NAMES = ("request_timeout_seconds", "max_outstanding_futures", "max_download_bytes")


@dataclass(frozen=True)
class HostDescription:
    """What a host says about itself: name, version, profiles, features and the limits it applies."""

    name: str
    version: str
    profiles: tuple[str, ...]
    features: tuple[str, ...]
    limits: dict[str, float] = field(default_factory=dict, compare=False)


@cache
def _raw_manifest() -> dict[str, Any]:
    return read_raw()


def _manifest_imports() -> list[dict[str, Any]]:
    return list(_raw_manifest()["imports"])


def manifest_profiles() -> tuple[str, ...]:
    """Every profile the manifest's imports belong to: what a host implementing every import supports."""
    return tuple(sorted({imp["profile"] for imp in _manifest_imports()}))


def manifest_features() -> tuple[str, ...]:
    """Every feature the manifest names: what a host implementing every import supports."""
    return tuple(sorted({f for imp in _manifest_imports() for f in imp["features"]}))


def manifest_limits(request_timeout: float) -> dict[str, float]:
    """The manifest's [limits] (the reference host's defaults), with the request timeout in use."""
    raw = _raw_manifest()["limits"]
    return {"request_timeout_seconds": request_timeout} | {k: raw[k] for k in LIMIT_NAMES[1:]}


def reference_description(request_timeout: float = CORPUS_REQUEST_TIMEOUT) -> HostDescription:
    """The reference host's description without building one (no wasmtime import)."""
    return HostDescription(NAME, VERSION, manifest_profiles(), manifest_features(), manifest_limits(request_timeout))


def _own(host: Any, attribute: str) -> Any:
    """The host's own `attribute`: set on it, on its own class, or computed by a property; never a constant
    inherited from another host class (a subclass of the reference host is another host)."""
    if attribute in vars(host):
        return vars(host)[attribute]
    cls = type(host)
    owner = next((k for k in cls.__mro__ if attribute in vars(k)), None)
    if owner is cls or (owner is not None and isinstance(vars(owner)[attribute], property)):
        return getattr(host, attribute)
    return None


def describe_host(host: Any) -> HostDescription:
    """A host object's self-description: its own `name`, `version` (never inherited constants), `profiles`,
    `features` attributes if it has them, else its class name, its top-level package's `__version__`, both
    profiles, every feature; its limits from its `config` (HostConfig) where it has one."""
    cls = type(host)
    package = importlib.import_module(cls.__module__.split(".")[0])
    config = getattr(host, "config", None)
    limits = {name: getattr(config, name) for name in LIMIT_NAMES if hasattr(config, name)}
    return HostDescription(
        name=str(_own(host, "name") or cls.__name__),
        version=str(_own(host, "version") or getattr(package, "__version__", "unknown")),
        profiles=tuple(getattr(host, "profiles", None) or manifest_profiles()),
        features=tuple(getattr(host, "features", None) or manifest_features()),
        limits=limits,
    )


# The per-instance settings a runner may pass with `instantiate` (a fixture's `host_settings`), each the
# name of a HostConfig field; anything else is ignored (docs/subprocess-protocol.md, `instantiate`).
SETTING_NAMES = ("request_timeout_seconds", "max_outstanding_futures", "max_training_handles")


def setting_options(settings: Mapping[str, Any] | None) -> dict[str, float]:
    """The settings this package applies, from a request's or a fixture's `settings` (others dropped, as
    are values of the wrong type: a setting is a hint, never a reason to fail)."""
    options: dict[str, float] = {}
    for name, value in (settings or {}).items():
        if name not in SETTING_NAMES or isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if name == "request_timeout_seconds" and value > 0:
            options[name] = float(value)
        elif name != "request_timeout_seconds" and isinstance(value, int) and value >= 1:
            options[name] = value
    return options


class HostsBySettings:
    """The hosts built for distinct `setting_options`, one per distinct options, built on first use.

    Why: the settings are HostConfig fields, fixed when a host is built, so an instance with other settings
    needs a host of its own; the in-process adapter and `reference_host.serve` both keep them this way.
    """

    def __init__(self, build: Callable[[dict[str, float]], Any]) -> None:
        self._build = build
        self._hosts: dict[tuple[tuple[str, float], ...], Any] = {}

    def get(self, options: dict[str, float]) -> Any:
        key = tuple(sorted(options.items()))
        if key not in self._hosts:
            self._hosts[key] = self._build(options)
        return self._hosts[key]

    def pop_all(self) -> list[Any]:
        """Every host built so far (to close), forgotten here."""
        hosts = list(self._hosts.values())
        self._hosts.clear()
        return hosts


def construct(
    host_class: type, request_timeout: float = CORPUS_REQUEST_TIMEOUT, settings: Mapping[str, Any] | None = None
) -> Any:
    """`cls(HostConfig(request_timeout_seconds=..., **settings))`: the ReferenceHost constructor shape (with
    epoch interruption switched on when HostConfig offers it); `settings` override the request timeout and
    caps (SETTING_NAMES that HostConfig has)."""
    from .host import HostConfig

    fields = {f.name for f in dataclasses.fields(HostConfig)}
    options: dict[str, Any] = {"request_timeout_seconds": request_timeout}
    options |= {name: value for name, value in setting_options(settings).items() if name in fields}
    if "epoch_interruption" in fields:
        options["epoch_interruption"] = True
    try:
        return host_class(HostConfig(**options))
    except TypeError as exc:  # not the ReferenceHost constructor shape: the user's spec names the wrong class
        name = f"{host_class.__module__}.{host_class.__qualname__}"
        raise HostUnavailable(f"host class {name} cannot be built as {name}(HostConfig): {exc}") from None


def load_class(module_name: str, class_name: str) -> type:
    """Import MODULE and return its CLASS; a bad spec is the user's error (ValueError with one line).

    The working directory is importable, as with `python -m`: the console script's own sys.path lacks it,
    and a host author runs the suite from their project's root."""
    if os.getcwd() not in sys.path:
        sys.path.append(os.getcwd())
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise BadInput(f"cannot import host module {module_name!r}: {exc}") from None
    cls = getattr(module, class_name, None)
    if not isinstance(cls, type):
        raise BadInput(f"module {module_name!r} has no class {class_name!r}")
    return cls


def reference_class() -> type:
    from .host import ReferenceHost

    return ReferenceHost


def without_async_http() -> None:
    """Keep httpcore from importing trio in a process that runs only the reference host.

    httpcore imports trio, when it is installed, only to offer async support; the reference host's hive
    client is synchronous, and that import was about a sixth of such a process's start-up. Blocking it
    (ImportError, which httpcore expects) is for processes that are ours alone: `reference_host.serve` and
    `ark-conformance run --host reference`. Never the in-process adapter as such: the pytest plugin runs
    it inside a user's test session, whose code may use httpx under trio. A no-op once httpcore is loaded.
    """
    if "httpcore" not in sys.modules:
        sys.modules.setdefault("trio", None)  # type: ignore[arg-type]


def describe_exception(exc: BaseException) -> str:
    """One line for a trap or an exception: the trap code and wasmtime's own reason, or type and message."""
    import wasmtime  # only once something failed: keeps this module light

    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    if isinstance(exc, wasmtime.Trap):
        reason = next((line for line in reversed(lines) if "wasm trap" in line), lines[-1] if lines else "")
        code = exc.trap_code.name if exc.trap_code is not None else "unknown"
        return f"trap {code}: {reason}"
    return f"{type(exc).__name__}: {lines[0] if lines else '(no message)'}"


def results_of(value: Any) -> list[int]:
    """A host's call result as the list of raw values: hosts of this shape return a list, one value or None."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [int(v) for v in value]
    return [int(value)]
