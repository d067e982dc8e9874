"""Byte mismatches read in the ABI's words: which clause a wrong byte breaks, and which struct field it is.

A fixture records a *window* around an output slot: canary bytes (`a5`), the slot, canary bytes
(docs/guest-protocol.md §3). A bare "byte 4 expected a5, got 00" leaves the host author to work out the
rest; this module does it from the manifest: the slot's type is the import's `out_type` (or the `*mut T`
of its data pointer), the slot starts after the pattern's leading canary group, and the struct layout
names the field. A wrong canary byte is charged to the memory clause it breaks, not to the check's.
"""

from __future__ import annotations

from dataclasses import dataclass

from conformance.layout import SCALAR_SIZE
from conformance.manifest import Import, load_manifest

from ._fixture import Check

CANARY = 0xA5
CANARY_MEANING = "a5 = canary: memory the host must leave untouched"
WRITE_ONLY_ON_SUCCESS = "abi/memory/write-only-on-success"
WRITE_EXACTLY_SIZEOF = "abi/memory/write-exactly-sizeof"


@dataclass(frozen=True)
class ByteMismatch:
    """The first wrong byte of a window, charged to a clause and placed in the slot's type."""

    clause: str
    where: str  # e.g. "ArkExperimentConfig.num_features, bytes 0..4" or "canary before the slot, byte 2"
    message: str


@dataclass(frozen=True)
class _Part:
    """A named byte range of the slot's type: a field, padding, or the whole scalar."""

    name: str
    start: int
    size: int
    number: bool = False  # a scalar (u32, bool, FutureHandle...): values are shown as integers


def _import_for(call: str | None) -> Import | None:
    return next((imp for imp in load_manifest().imports if imp.field == call), None)


def slot_type(call: str | None) -> str | None:
    """The type a call writes into the window's slot: its `out_type`, else the `T` of a `*mut T` parameter."""
    imp = _import_for(call)
    if imp is None:
        return None
    if imp.out_type:
        return imp.out_type
    for param in imp.params:
        if param.rust.startswith("*mut ") and param.rust != "*mut u8":
            return param.rust.removeprefix("*mut ").strip()
    return None


def slot_range(check: Check) -> tuple[int, int] | None:
    """[start, end) of the slot in the window, from the pattern's groups: a leading and a trailing group of
    only `a5` are the canaries. None when the pattern is one group (no slot can be told apart)."""
    groups = (check.bytes_text or "").split()
    if len(groups) < 2:
        return None
    sizes = [len(g) // 2 for g in groups]
    total = sum(sizes)
    lead = sizes[0] if _all_canary(groups[0]) else 0
    trail = sizes[-1] if _all_canary(groups[-1]) and (len(groups) >= 3 or lead == 0) else 0
    return lead, total - trail


def _all_canary(group: str) -> bool:
    return len(group) >= 2 and group.lower() == "a5" * (len(group) // 2)


def _parts(type_name: str) -> list[_Part]:
    """The named ranges of a type: struct fields (and their padding), or an alias/scalar as one part."""
    manifest = load_manifest()
    struct = manifest.structs.get(type_name)
    if struct is not None:
        parts, offset = [], 0
        for f in struct.fields:
            if f.offset > offset:
                parts.append(_Part(f"{type_name} padding", offset, f.offset - offset))
            scalar = manifest.aliases.get(f.type, f.type) in SCALAR_SIZE
            parts.append(_Part(f"{type_name}.{f.name}", f.offset, f.size, scalar))
            offset = f.offset + f.size
        if struct.size > offset:
            parts.append(_Part(f"{type_name} tail padding", offset, struct.size - offset))
        return parts
    scalar = manifest.aliases.get(type_name, type_name)
    if scalar in SCALAR_SIZE:
        return [_Part(type_name, 0, SCALAR_SIZE[scalar], True)]
    return []


def _render(pattern: tuple[int | None, ...], data: bytes, number: bool) -> tuple[str, str]:
    """A field's expected and actual value: integers (little-endian) for a scalar whose every byte is
    pinned to a value (not the canary), else hex."""
    if number and all(b is not None for b in pattern) and not all(b == CANARY for b in pattern):
        want = int.from_bytes(bytes(b for b in pattern if b is not None), "little")
        return str(want), str(int.from_bytes(data, "little"))
    return (" ".join("??" if b is None else f"{b:02x}" for b in pattern), data.hex(" "))


def _in_slot(check: Check, data: bytes, slot: tuple[int, int], offset: int) -> tuple[str, str, str]:
    """(where, expected, actual) for a wrong byte inside the slot, named by the slot type's layout."""
    assert check.bytes is not None
    rel = offset - slot[0]
    type_name = slot_type(check.call)
    part = next((p for p in _parts(type_name) if p.start <= rel < p.start + p.size), None) if type_name else None
    if part is None or slot[0] + part.start + part.size > slot[1]:
        what = f"{type_name} slot" if type_name else "slot"
        return f"{what}, byte {rel}", f"{check.bytes[offset]:02x}", f"{data[offset]:02x}"
    lo, hi = slot[0] + part.start, slot[0] + part.start + part.size
    want, got = _render(check.bytes[lo:hi], data[lo:hi], part.number)
    return f"{part.name}, bytes {part.start}..{part.start + part.size}", want, got


def byte_mismatch(check: Check, expected_code: int, data: bytes) -> ByteMismatch | None:
    """The first byte of `data` the pattern rejects, charged to its clause; None when every byte matches.

    - the call returned an error (the check expects one) and a pinned byte changed: nothing may be written
      at all, `abi/memory/write-only-on-success`;
    - Success, and a canary byte outside the slot changed: `abi/memory/write-exactly-sizeof`;
    - anything else (a slot byte): the check's own clause, naming the struct field.
    """
    assert check.bytes is not None
    offset = next((i for i, (w, g) in enumerate(zip(check.bytes, data, strict=True)) if w is not None and w != g), None)
    if offset is None:
        return None
    want, got = check.bytes[offset], data[offset]
    slot = slot_range(check)
    in_slot = slot is not None and slot[0] <= offset < slot[1]
    canary_note = f" ({CANARY_MEANING})" if want == CANARY else ""
    if expected_code != 0 and want == CANARY:
        where = _in_slot(check, data, slot, offset)[0] if in_slot and slot else _canary_where(slot, offset)
        return ByteMismatch(
            WRITE_ONLY_ON_SUCCESS,
            where,
            f"the host wrote guest memory although the call returned an error: {where} (window byte {offset}): "
            f"expected {want:02x}, got {got:02x}{canary_note}",
        )
    if slot is not None and not in_slot and want == CANARY:
        where = _canary_where(slot, offset)
        type_name = slot_type(check.call) or "output"
        return ByteMismatch(
            WRITE_EXACTLY_SIZEOF,
            where,
            f"the host wrote outside the {type_name} slot: {where} (window byte {offset}): "
            f"expected {want:02x}, got {got:02x}{canary_note}",
        )
    if in_slot and slot is not None:
        where, want_text, got_text = _in_slot(check, data, slot, offset)
        return ByteMismatch(
            check.clause, where, f"{where}: expected {want_text}, got {got_text}{canary_note} (window byte {offset})"
        )
    where = f"window byte {offset}"
    return ByteMismatch(check.clause, where, f"{where}: expected {want:02x}, got {got:02x}{canary_note}")


def _canary_where(slot: tuple[int, int] | None, offset: int) -> str:
    if slot is None:
        return f"canary, byte {offset}"
    if offset < slot[0]:
        return f"canary before the slot, byte {offset - slot[0]}"
    return f"canary after the slot, byte +{offset - slot[1]}"
