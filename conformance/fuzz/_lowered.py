"""Argument roles of an import's lowered parameters, derived from the manifest's ``params``.

A strategy or an oracle needs to know that ``(hive_url_ptr, hive_url_len)`` is one string, that
``__ark_ffi_output`` is an 8-byte out-slot and that an ``i64`` typed ``FutureHandle`` is a handle. This
module reads that from each param's Rust type (the raw ``extern "C"`` declaration's), so a new import with
the same lowering shapes needs no new code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from conformance.manifest import Import, Manifest, load_manifest

Role = Literal["str", "out", "out_slice", "u32", "handle"]

# Sizes of Rust primitives on wasm32 (a language fact, not an ABI fact).
_PRIMITIVE_SIZES = {"u8": 1, "bool": 1, "u16": 2, "u32": 4, "i32": 4, "u64": 8, "i64": 8, "f32": 4, "f64": 8}


@dataclass(frozen=True)
class Arg:
    """One logical argument: ``indices`` are its positions in the lowered parameter list."""

    name: str  # the Rust-level name: "hive_url" for (hive_url_ptr, hive_url_len), "__ark_ffi_output", ...
    role: Role
    indices: tuple[int, ...]
    rust: str  # pointee type for pointers ("PollVec"), alias name for handles, "u32" for integers
    size: int = 0  # bytes behind an out-pointer (0 for slices and non-pointers)


def type_size(manifest: Manifest, rust: str) -> int:
    """size_of::<T>() on wasm32 for a manifest struct, alias or primitive."""
    if rust in manifest.structs:
        return manifest.structs[rust].size
    if rust in manifest.aliases:
        return type_size(manifest, manifest.aliases[rust])
    if rust in _PRIMITIVE_SIZES:
        return _PRIMITIVE_SIZES[rust]
    raise KeyError(f"no size known for Rust type {rust!r}")


def _stem(name: str) -> str:
    for suffix in ("_ptr", "_len"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


# id(import), id(manifest) -> (import, manifest, args): the objects are kept so their ids stay theirs
_GROUPED: dict[tuple[int, int], tuple[Import, Manifest, tuple[Arg, ...]]] = {}


def lowered_args(imp: Import, manifest: Manifest | None = None) -> tuple[Arg, ...]:
    """Group an import's lowered params into logical arguments with roles (computed once per import:
    the oracle asks on every call)."""
    m = manifest or load_manifest()
    hit = _GROUPED.get((id(imp), id(m)))
    if hit is None:
        hit = _GROUPED[(id(imp), id(m))] = (imp, m, _group(imp, m))
    return hit[2]


def _group(imp: Import, m: Manifest) -> tuple[Arg, ...]:
    params = imp.params
    out: list[Arg] = []
    i = 0
    while i < len(params):
        p = params[i]
        nxt = params[i + 1] if i + 1 < len(params) else None
        paired = nxt is not None and nxt.rust == "u32" and nxt.name == _stem(p.name) + "_len"
        if p.rust.startswith("*const ") and paired:
            out.append(Arg(_stem(p.name), "str", (i, i + 1), p.rust.split()[-1]))
            i += 2
            continue
        if p.rust.startswith("*mut ") and paired:
            out.append(Arg(_stem(p.name), "out_slice", (i, i + 1), p.rust.split()[-1]))
            i += 2
            continue
        if p.rust.startswith("*mut "):
            pointee = p.rust.split()[-1]
            out.append(Arg(p.name, "out", (i,), pointee, type_size(m, pointee)))
        elif p.wasm == "i64" and p.rust in m.aliases:
            out.append(Arg(p.name, "handle", (i,), p.rust))
        elif p.rust == "u32" and p.wasm == "i32":
            out.append(Arg(p.name, "u32", (i,), p.rust))
        else:
            raise ValueError(f"{imp.key}: parameter {p.name} ({p.rust}: {p.wasm}) has no fuzzing role")
        i += 1
    return tuple(out)


def out_region(
    imp: Import, raw_args: list[int] | tuple[int, ...], manifest: Manifest | None = None
) -> tuple[int, int] | None:
    """(ptr, len) of the region the import may write on Success, as unsigned values; None if it writes none."""
    for arg in lowered_args(imp, manifest):
        if arg.role == "out":
            return raw_args[arg.indices[0]] & 0xFFFF_FFFF, arg.size
        if arg.role == "out_slice":
            return raw_args[arg.indices[0]] & 0xFFFF_FFFF, raw_args[arg.indices[1]] & 0xFFFF_FFFF
    return None
