"""The call-thunk guest: a Wasm module that forwards raw lowered values straight to each host import.

Property tests need to hand a host *any* bit pattern a hostile guest could pass, which a fixture written
for one scenario cannot do. The thunk exports, for every manifest import, a function with exactly the
import's lowered signature that calls the import and returns its result, plus its ``memory``. The test
writes argument bytes into that memory, calls the thunk, and diffs the memory afterwards.

Everything is generated from the manifest, so a new import gets a thunk without new code.
"""

from __future__ import annotations

from functools import cache

from conformance.manifest import Import, Manifest, load_manifest
from conformance.wasm import compile_wat

PAGE_SIZE = 65536
DEFAULT_PAGES = 2  # 128 KiB: room for several long strings; "end of memory" stays cheap to snapshot


def thunk_export_name(imp: Import) -> str:
    """The thunk's export for an import: its manifest key, e.g. ``ark-ml-v2::ml__start_training``."""
    return imp.key


def _wat_name(imp: Import) -> str:
    return "$" + imp.key.replace("::", ".")


def thunk_wat(manifest: Manifest | None = None, pages: int = DEFAULT_PAGES) -> str:
    """WAT text of the thunk guest for every import of the manifest."""
    m = manifest or load_manifest()
    lines = ["(module"]
    for imp in m.imports:
        lines.append(f'  (import "{imp.module}" "{imp.field}" (func {_wat_name(imp)} {imp.wat_type()}))')
    lines.append(f'  (memory (export "memory") {pages} {pages})')
    for imp in m.imports:
        gets = " ".join(f"local.get {i}" for i in range(len(imp.params)))
        body = f"{gets} call {_wat_name(imp)}".strip()
        lines.append(f'  (func (export "{thunk_export_name(imp)}") {imp.wat_type()} {body})')
    lines.append(")")
    return "\n".join(lines) + "\n"


@cache
def thunk_wasm(pages: int = DEFAULT_PAGES) -> bytes:
    """The compiled thunk for the project's manifest (compiled once per process)."""
    return compile_wat(thunk_wat(load_manifest(), pages))
