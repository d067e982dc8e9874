"""The on-disk cache: WAT -> Wasm binaries, wasmtime's compiled modules, and documents known to be valid.

Why: a full run compiles about a hundred modules, and the same ones again on the next run; both steps are
pure functions of their input, so every entry is keyed by the SHA-256 of that input (plus, for compiled
modules, the wasmtime version and the engine's settings) and a stale entry is impossible.

Where: `$ARK_CONFORMANCE_CACHE` (an empty value disables the disk cache), else
`$XDG_CACHE_HOME/ark-conformance/wasm` (`~/.cache/...`). Entries are written to a temporary file and
renamed into place, so parallel runs (pytest-xdist workers, several hosts) never read half an entry; an
unwritable directory only disables the disk cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any


def cache_dir() -> Path | None:
    """`$ARK_CONFORMANCE_CACHE`, else `$XDG_CACHE_HOME/ark-conformance/wasm`; empty env value disables disk."""
    configured = os.environ.get("ARK_CONFORMANCE_CACHE")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ark-conformance" / "wasm"


def entry_path(*parts: str) -> Path | None:
    """The path of a cache entry under the cache directory, or None when the disk cache is off."""
    directory = cache_dir()
    return directory.joinpath(*parts) if directory is not None else None


def read_entry(path: Path | None) -> bytes | None:
    """The entry's bytes, or None when it is absent or unreadable."""
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def store_entry(path: Path | None, data: bytes) -> None:
    """Write atomically (temporary file + rename); a read-only cache is no reason to fail a run."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        pass


def _canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, default=lambda o: f"{type(o).__name__}:{o!r}").encode("utf-8")


def _schema_digest(schema: Any) -> str:
    """The digest of a schema's canonical text, computed once per schema object: a run checks a hundred
    fixture headers against one large schema, and serializing it for each was most of the key's cost.
    The schema is kept alive beside its digest, so its id() is never reused by another object."""
    known = _schema_digests.get(id(schema))
    if known is None or known[0] is not schema:
        known = (schema, hashlib.sha256(_canonical_json(schema)).hexdigest())
        _schema_digests[id(schema)] = known
    return known[1]


def _validity_key(schema: Any, data: Any) -> str:
    return hashlib.sha256(_schema_digest(schema).encode("ascii") + b"\n" + _canonical_json(data)).hexdigest()


def known_valid(schema: Any, data: Any) -> bool:
    """True when `data` was found valid against `schema` before (in this process or, through the disk
    cache, an earlier one). Why: validating the manifest, every fixture header and every scenario with
    jsonschema, and importing jsonschema at all, was a tenth of a run's start-up; the key is the digest
    of both texts, so a changed schema or document is validated again."""
    key = _validity_key(schema, data)
    if key in _valid:
        return True
    path = entry_path("valid", key[:2], key)
    if path is not None and path.is_file():
        _valid.add(key)
        return True
    return False


def remember_valid(schema: Any, data: Any) -> None:
    """Record that `data` is valid against `schema` (never an invalid one: its errors are always shown)."""
    key = _validity_key(schema, data)
    _valid.add(key)
    store_entry(entry_path("valid", key[:2], key), b"")


def schema_errors(schema: Any, data: Any) -> list[Any]:
    """The jsonschema (Draft 2020-12) errors of `data` against `schema`: [] at once, without importing
    jsonschema, for data found valid before (`known_valid`); valid data is remembered, invalid data never,
    so its errors are always reported. One place for that rule, used by every schema-checked document."""
    if known_valid(schema, data):
        return []
    import jsonschema

    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if not errors:
        remember_valid(schema, data)
    return errors


_valid: set[str] = set()
_schema_digests: dict[int, tuple[Any, str]] = {}
