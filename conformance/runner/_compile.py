"""WAT -> Wasm compilation of fixtures, cached by the SHA-256 of the module text (expanded with its harness).

Why a cache: every case compiles its fixture, and a run may repeat (several hosts, --jobs workers,
benchmarks); the digest of the text is the whole key, so a stale entry is impossible. Entries live in
memory and, when a cache directory is usable, on disk (written atomically: parallel runs may race).
"""

from __future__ import annotations

import hashlib
import threading

from conformance.cache import entry_path, read_entry, store_entry
from conformance.wasm import compile_wat, function_export_names, validate_module

_memory: dict[str, bytes] = {}
_lock = threading.Lock()


def compile_cached(source: str) -> bytes:
    """The Wasm binary of WAT `source`; raises conformance.wasm.WasmError when it does not compile."""
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    with _lock:
        if digest in _memory:
            return _memory[digest]
    path = entry_path(f"{digest}.wasm")
    wasm = read_entry(path)
    if wasm is None:
        wasm = compile_wat(source)
        store_entry(path, wasm)
    with _lock:
        _memory[digest] = wasm
    return wasm


_exports: dict[str, frozenset[str]] = {}


def function_exports(wasm: bytes) -> frozenset[str]:
    """Names of the module's function exports, after validating it (cached): the runner checks the protocol
    exports itself; raises WasmError for a module that does not validate."""
    digest = hashlib.sha256(wasm).hexdigest()
    with _lock:
        if digest in _exports:
            return _exports[digest]
    validate_module(wasm)  # an invalid fixture is the suite's fault, caught here rather than charged to the host
    names = function_export_names(wasm)
    with _lock:
        _exports[digest] = names
    return names
