"""WAT -> Wasm compilation of fixtures, cached by the SHA-256 of the module text (expanded with its harness).

Why a cache: every case compiles its fixture, and a run may repeat (several hosts, --jobs workers,
benchmarks); the digest of the text is the whole key, so a stale entry is impossible. Entries live in
memory and, when a cache directory is usable, on disk (written atomically: parallel runs may race).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from pathlib import Path

from conformance.wasm import compile_wat, function_export_names, validate_module

_memory: dict[str, bytes] = {}
_lock = threading.Lock()


def cache_dir() -> Path | None:
    """`$ARK_CONFORMANCE_CACHE`, else `$XDG_CACHE_HOME/ark-conformance/wasm`; empty env value disables disk."""
    configured = os.environ.get("ARK_CONFORMANCE_CACHE")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ark-conformance" / "wasm"


def compile_cached(source: str) -> bytes:
    """The Wasm binary of WAT `source`; raises conformance.wasm.WasmError when it does not compile."""
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    with _lock:
        if digest in _memory:
            return _memory[digest]
    directory = cache_dir()
    path = directory / f"{digest}.wasm" if directory else None
    wasm: bytes | None = None
    if path is not None and path.is_file():
        wasm = path.read_bytes()
    if wasm is None:
        wasm = compile_wat(source)
        if path is not None:
            _store(path, wasm)
    with _lock:
        _memory[digest] = wasm
    return wasm


def _store(path: Path, wasm: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(wasm)
        os.replace(tmp, path)
    except OSError:  # a read-only home is no reason to fail a run: the memory cache still works
        pass


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
