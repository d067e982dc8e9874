"""The ark-ml-conformance reference host: every ark-ml-v2 import (and its ark-ml-v1 companions) on wasmtime.

>>> from reference_host import ReferenceHost, HostConfig
>>> host = ReferenceHost(HostConfig(request_timeout_seconds=2.0))

Names are imported on first use (PEP 562), so `python -m reference_host.serve` can answer a `hello`
before wasmtime and httpx are loaded.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "AbiError": "._abi",
    "encode": "._abi",
    "type_size": "._abi",
    "FutureEntry": ".futures",
    "FutureState": ".futures",
    "FutureTable": ".futures",
    "RunRef": ".futures",
    "TrainingTable": ".futures",
    "HiveClient": ".hive_client",
    "HiveFailure": ".hive_client",
    "GuestInstance": ".host",
    "HostConfig": ".host",
    "LinkError": ".host",
    "ReferenceHost": ".host",
    "describe": ".host",
    "MlImports": ".imports",
    "GuestMemory": ".memory",
    "NAME": "._loading",
    "VERSION": "._loading",
    "CORPUS_REQUEST_TIMEOUT": "._loading",
    "HostDescription": "._loading",
    "construct": "._loading",
    "HostsBySettings": "._loading",
    "SETTING_NAMES": "._loading",
    "setting_options": "._loading",
    "describe_exception": "._loading",
    "describe_host": "._loading",
    "load_class": "._loading",
    "reference_class": "._loading",
    "reference_description": "._loading",
    "results_of": "._loading",
    "without_async_http": "._loading",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'reference_host' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
