"""The ark-ml-conformance reference host: every ark-ml-v2 import (and its ark-ml-v1 companions) on wasmtime.

>>> from reference_host import ReferenceHost, HostConfig
>>> host = ReferenceHost(HostConfig(request_timeout_seconds=2.0))
"""

from ._abi import AbiError
from .futures import FutureEntry, FutureState, FutureTable, RunRef, TrainingTable
from .hive_client import HiveClient, HiveFailure
from .host import NAME, VERSION, GuestInstance, HostConfig, LinkError, ReferenceHost, describe
from .imports import MlImports
from .memory import GuestMemory

__all__ = [
    "NAME",
    "VERSION",
    "AbiError",
    "FutureEntry",
    "FutureState",
    "FutureTable",
    "GuestInstance",
    "GuestMemory",
    "HiveClient",
    "HiveFailure",
    "HostConfig",
    "LinkError",
    "MlImports",
    "ReferenceHost",
    "RunRef",
    "TrainingTable",
    "describe",
]
