"""A call-thunk guest generated from the manifest: one export ``call_<name>`` per import, same params.

Tests drive any import with any raw argument values without writing a guest per import. The guest also
exports ``memory`` (2 pages, growable) and ``grow(pages) -> old_pages``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from conformance.manifest import Import, load_manifest
from conformance.wasm import compile_wat

PAGE = 65536


def import_wat(imp: Import, index: int) -> str:
    return f'  (import "{imp.module}" "{imp.field}" (func $f{index} {imp.wat_type()}))'


def thunk_wat(imp: Import, index: int) -> str:
    gets = " ".join(f"(local.get {i})" for i in range(len(imp.params)))
    return f'  (func (export "call_{imp.name}") {imp.wat_type()} (call $f{index} {gets}))'


@cache
def thunk_guest(extra_imports: str = "", pages: int = 2) -> bytes:
    """The thunk guest for every manifest import (plus `extra_imports` WAT lines, for link tests)."""
    imports = load_manifest().imports
    lines = ["(module"]
    lines += [import_wat(imp, i) for i, imp in enumerate(imports)]
    if extra_imports:
        lines.append(extra_imports)
    lines.append(f'  (memory (export "memory") {pages})')
    lines += [thunk_wat(imp, i) for i, imp in enumerate(imports)]
    lines.append('  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))')
    lines.append(")")
    return compile_wat("\n".join(lines))


def to_signed(value: int, wasm_type: str) -> int:
    """wasmtime-py takes signed values; tests speak unsigned."""
    bits = 64 if wasm_type == "i64" else 32
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >= 1 << (bits - 1) else value


def call_import(inst: Any, name: str, **kwargs: int) -> int:
    """Call import `name` through its thunk with parameters by manifest name; returns the unsigned code."""
    imp = load_manifest().import_named(name)
    missing = [p.name for p in imp.params if p.name not in kwargs]
    extra = set(kwargs) - {p.name for p in imp.params}
    if missing or extra:
        raise TypeError(f"{name}: missing {missing}, unexpected {sorted(extra)}")
    args = [to_signed(kwargs[p.name], p.wasm) for p in imp.params]
    (code,) = inst.call(f"call_{name}", *args)
    return code & 0xFFFF_FFFF
