"""``#[repr(C)]`` layout on wasm32: sizes, alignments, field offsets and padding.

A host writes structs byte-wise into guest memory at the manifest's offsets; a wrong offset there is a
silent corruption of the guest. This calculator derives the layout from the crate's declarations so the
manifest's numbers are checked, never trusted (``check_manifest_layouts``).

wasm32 rules: u8/i8/bool 1; u16/i16 2; u32/i32/f32/char/usize/isize and every pointer or thin reference 4;
u64/i64/f64 8 (alignment = size). ``[T; N]`` has T's alignment and N * size_of T. A struct's fields are
placed in declaration order, each at the next multiple of its alignment; the struct's alignment is the
largest field alignment and its size is rounded up to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from conformance._rust import RustStruct, RustType, parse_struct, parse_type
from conformance.errors import BadInput
from conformance.lowering import resolve_alias
from conformance.manifest import Manifest

SCALAR_SIZE: dict[str, int] = {
    **dict.fromkeys(("u8", "i8", "bool"), 1),
    **dict.fromkeys(("u16", "i16"), 2),
    **dict.fromkeys(("u32", "i32", "f32", "char", "usize", "isize"), 4),
    **dict.fromkeys(("u64", "i64", "f64"), 8),
}
POINTER_SIZE = 4


class LayoutError(BadInput):
    """A type whose layout is not defined by repr(C) on wasm32 (or that this calculator does not know)."""


@dataclass(frozen=True)
class FieldLayout:
    name: str
    type: str
    offset: int
    size: int
    align: int
    padding_before: int


@dataclass(frozen=True)
class StructLayout:
    name: str
    size: int
    align: int
    fields: tuple[FieldLayout, ...]
    tail_padding: int


def size_align(ty: RustType, structs: Mapping[str, RustStruct], aliases: Mapping[str, str]) -> tuple[int, int]:
    """(size, align) of a type on wasm32."""
    ty = resolve_alias(ty, aliases)
    if ty.kind in ("ptr", "ref"):
        inner = ty.inner
        if ty.kind == "ref" and inner is not None and (inner.kind == "slice" or inner == RustType.path("str")):
            return 2 * POINTER_SIZE, POINTER_SIZE  # fat reference (not FFI-safe, but its layout is fixed)
        return POINTER_SIZE, POINTER_SIZE
    if ty.kind == "array":
        assert ty.inner is not None
        size, align = size_align(ty.inner, structs, aliases)
        return size * ty.length, align
    if ty.kind == "path" and not ty.args:
        if ty.name in SCALAR_SIZE:
            return SCALAR_SIZE[ty.name], SCALAR_SIZE[ty.name]
        if ty.name in structs:
            lay = layout_of(structs[ty.name], structs, aliases)
            return lay.size, lay.align
    raise LayoutError(f"no repr(C) layout known for {ty}")


def _round_up(n: int, align: int) -> int:
    return (n + align - 1) // align * align


def layout_of(struct: RustStruct, structs: Mapping[str, RustStruct], aliases: Mapping[str, str]) -> StructLayout:
    """Lay out one ``#[repr(C)]`` struct; nested structs are looked up in ``structs`` by name.

    A struct is removed from the lookup while its own fields are laid out, so a struct that contains
    itself (directly or through another) is an unknown type rather than an endless recursion.
    """
    if not struct.repr_c:
        raise LayoutError(f"{struct.name} is not #[repr(C)]: Rust does not define its layout")
    nested = {k: v for k, v in structs.items() if k != struct.name}
    offset, align, fields = 0, 1, []
    for f in struct.fields:
        size, falign = size_align(f.type, nested, aliases)
        start = _round_up(offset, falign)
        fields.append(FieldLayout(f.name, str(f.type), start, size, falign, start - offset))
        offset, align = start + size, max(align, falign)
    total = _round_up(offset, align)
    return StructLayout(struct.name, total, align, tuple(fields), total - offset)


def manifest_struct_decls(manifest: Manifest) -> dict[str, RustStruct]:
    return {name: parse_struct(s.rust) for name, s in manifest.structs.items()}


def check_manifest_layouts(manifest: Manifest, extra: Mapping[str, RustStruct] | None = None) -> list[str]:
    """Recompute every manifest struct from its ``rust`` declaration; list every difference.

    ``extra`` holds declarations from another source (the crate's ``ml_v2.rs``): each must lay out
    exactly as the manifest says for the struct of the same name.
    """
    diffs: list[str] = []
    try:
        decls = manifest_struct_decls(manifest)
    except ValueError as exc:
        return [f"structs: {exc}"]
    for name, recorded in manifest.structs.items():
        sources = [("rust", decls[name])]
        if extra and name in extra:
            sources.append(("source file", extra[name]))
        for label, decl in sources:
            try:
                lay = layout_of(decl, {**decls, **(extra or {})}, manifest.aliases)
            except ValueError as exc:
                diffs.append(f"{name} ({label}): {exc}")
                continue
            diffs.extend(f"{name} ({label}): {d}" for d in _differences(recorded, lay))
    return diffs


def _differences(recorded, lay: StructLayout) -> list[str]:
    diffs = []
    if recorded.size != lay.size:
        diffs.append(f"size recorded {recorded.size}, computed {lay.size}")
    if recorded.align != lay.align:
        diffs.append(f"align recorded {recorded.align}, computed {lay.align}")
    if len(recorded.fields) != len(lay.fields):
        diffs.append(f"{len(recorded.fields)} fields recorded, declaration has {len(lay.fields)}")
    for rf, cf in zip(recorded.fields, lay.fields, strict=False):
        got = (rf.name, str(parse_type(rf.type)), rf.offset, rf.size)
        want = (cf.name, cf.type, cf.offset, cf.size)
        if got != want:
            diffs.append(
                f"field recorded as {got[0]}: {got[1]} @{got[2]} size {got[3]}, computed {want[0]}: "
                f"{want[1]} @{want[2]} size {want[3]}"
            )
    return diffs
