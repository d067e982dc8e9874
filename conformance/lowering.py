"""``ark_bindgen``'s lowering rules: a safe Rust declaration -> the raw ``extern "C"`` params -> Wasm types.

The manifest records every import's lowered parameters by hand (with provenance). This module derives
them again from the crate's own Rust declaration, so a typo in the manifest (a missing ``_len``, an i32
where a u64 handle needs i64) cannot survive: ``check_manifest_signatures`` reports every difference.

Rules (abi.md §1.1):

- ``name: &str`` -> ``name_ptr: *const u8, name_len: u32``; ``&[T]`` / ``&mut [T]`` -> ``name_ptr: *const T``
  / ``*mut T`` plus ``name_len: u32``; ``&mut T`` / ``&T`` -> ``name_ptr: *mut T`` / ``*const T``.
- Scalars keep their name and Rust type; u8..u32, i8..i32, bool, usize, pointers -> i32; u64/i64 and their
  aliases (TrainingHandle, FutureHandle) -> i64; f32/f64 as themselves.
- ``-> FFIResult<T>`` -> trailing ``__ark_ffi_output: *mut T`` and an i32 ErrorCode result;
  ``FFIResult<()>`` -> no out-pointer; ``FFIResult<Vec<u8>>`` / ``FFIResult<String>`` -> trailing
  ``__ark_byte_size: *mut u32``. A plain return type is returned directly as its Wasm type.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from conformance._rust import RustFn, RustType, parse_fn, parse_type
from conformance.errors import BadInput
from conformance.manifest import Import, Manifest

WASM_OF_SCALAR: dict[str, str] = {
    **dict.fromkeys(("u8", "i8", "u16", "i16", "u32", "i32", "bool", "char", "usize", "isize"), "i32"),
    "u64": "i64",
    "i64": "i64",
    "f32": "f32",
    "f64": "f64",
}
OUTPUT_PARAM = "__ark_ffi_output"
BYTE_SIZE_PARAM = "__ark_byte_size"
ERROR_CODE_RESULT = "i32"  # ErrorCode is #[repr(u32)]
_U8 = RustType.path("u8")
_U32 = RustType.path("u32")


class LoweringError(BadInput):
    """A declaration uses a type ark_bindgen cannot pass across the boundary (or this engine does not know)."""


@dataclass(frozen=True)
class LoweredParam:
    name: str
    rust: str  # the raw extern "C" type, e.g. "*const u8"
    wasm: str


@dataclass(frozen=True)
class LoweredSignature:
    name: str
    params: tuple[LoweredParam, ...]
    results: tuple[str, ...]
    out_type: str | None  # T of FFIResult<T> when passed through __ark_ffi_output

    @property
    def param_types(self) -> tuple[str, ...]:
        return tuple(p.wasm for p in self.params)


def resolve_alias(ty: RustType, aliases: Mapping[str, str]) -> RustType:
    """Follow ``pub type X = Y;`` chains (the handles are plain u64 aliases, not newtypes)."""
    seen: set[str] = set()
    while ty.kind == "path" and not ty.args and ty.name in aliases:
        if ty.name in seen:
            raise LoweringError(f"alias cycle through {ty.name}")
        seen.add(ty.name)
        ty = parse_type(aliases[ty.name])
    return ty


def scalar_wasm(ty: RustType, aliases: Mapping[str, str]) -> str:
    """The Wasm value type of a scalar Rust type passed by value (raw pointers are i32 on wasm32)."""
    resolved = resolve_alias(ty, aliases)
    if resolved.kind == "ptr":
        return "i32"
    if resolved.kind == "path" and not resolved.args and resolved.name in WASM_OF_SCALAR:
        return WASM_OF_SCALAR[resolved.name]
    raise LoweringError(f"{ty} cannot be passed by value across the Wasm boundary")


def _lower_param(name: str, ty: RustType, aliases: Mapping[str, str]) -> list[LoweredParam]:
    if ty.kind == "ref":
        inner = ty.inner
        assert inner is not None
        if inner.kind == "path" and inner.name == "str" and not ty.mutable:
            return [LoweredParam(f"{name}_ptr", "*const u8", "i32"), LoweredParam(f"{name}_len", "u32", "i32")]
        if inner.kind == "slice":
            assert inner.inner is not None
            ptr = RustType.pointer(inner.inner, mutable=ty.mutable)
            return [LoweredParam(f"{name}_ptr", str(ptr), "i32"), LoweredParam(f"{name}_len", "u32", "i32")]
        return [LoweredParam(f"{name}_ptr", str(RustType.pointer(inner, mutable=ty.mutable)), "i32")]
    return [LoweredParam(name, str(ty), scalar_wasm(ty, aliases))]


def lower_fn(fn: RustFn | str, aliases: Mapping[str, str]) -> LoweredSignature:
    """Lower one safe declaration (a RustFn or its source text) the way ``#[ark_bindgen]`` does."""
    if isinstance(fn, str):
        fn = parse_fn(fn)
    params: list[LoweredParam] = []
    for p in fn.params:
        params.extend(_lower_param(p.name, p.type, aliases))
    ret = fn.ret
    if ret is None or ret.kind == "unit":
        return LoweredSignature(fn.name, tuple(params), (), None)
    if ret.kind == "path" and ret.name == "FFIResult":
        if len(ret.args) != 1:
            raise LoweringError(f"{fn.name}: FFIResult takes one type argument, found {ret}")
        (ok,) = ret.args
        out_type = None
        if ok.kind == "unit":
            pass
        elif ok.kind == "path" and (ok.name == "String" or (ok.name == "Vec" and ok.args == (_U8,))):
            params.append(LoweredParam(BYTE_SIZE_PARAM, str(RustType.pointer(_U32, mutable=True)), "i32"))
        else:
            params.append(LoweredParam(OUTPUT_PARAM, str(RustType.pointer(ok, mutable=True)), "i32"))
            out_type = str(ok)
        return LoweredSignature(fn.name, tuple(params), (ERROR_CODE_RESULT,), out_type)
    return LoweredSignature(fn.name, tuple(params), (scalar_wasm(ret, aliases),), None)


def lower_import(imp: Import, manifest: Manifest) -> LoweredSignature:
    return lower_fn(imp.rust, manifest.aliases)


def signature_differences(imp: Import, lowered: LoweredSignature) -> list[str]:
    """Every way the manifest's recorded import differs from the lowering of its Rust declaration."""
    where = imp.key
    diffs: list[str] = []
    if lowered.name != imp.name:
        diffs.append(f"{where}: rust declares fn {lowered.name}, manifest name is {imp.name}")
    got = [(p.name, p.rust, p.wasm) for p in imp.params]
    want = [(p.name, p.rust, p.wasm) for p in lowered.params]
    if len(got) != len(want):
        diffs.append(
            f"{where}: {len(got)} params recorded, lowering gives {len(want)} "
            f"({', '.join(f'{n}: {w}' for n, _, w in want)})"
        )
    for i, (g, w) in enumerate(zip(got, want, strict=False)):
        if g != w:
            diffs.append(
                f"{where}: param #{i} recorded as {g[0]}: {g[1]} ({g[2]}), lowering gives {w[0]}: {w[1]} ({w[2]})"
            )
    if tuple(imp.results) != lowered.results:
        diffs.append(f"{where}: results recorded as {list(imp.results)}, lowering gives {list(lowered.results)}")
    if imp.out_type != lowered.out_type:
        diffs.append(f"{where}: out_type recorded as {imp.out_type}, lowering gives {lowered.out_type}")
    return diffs


def check_manifest_signatures(manifest: Manifest) -> list[str]:
    """Regenerate every import's lowered signature from its ``rust`` declaration; list the differences."""
    diffs: list[str] = []
    for imp in manifest.imports:
        try:
            diffs.extend(signature_differences(imp, lower_import(imp, manifest)))
        except ValueError as exc:  # LoweringError, RustSyntaxError
            diffs.append(f"{imp.key}: {exc}")
    return diffs
