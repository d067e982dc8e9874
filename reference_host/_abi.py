"""ABI facts the host needs, all read from the manifest (never restated here), plus the host's error signal.

Import methods raise :class:`AbiError` with an ErrorCode *name*; the dispatcher turns it into the code's
value from the manifest, so no number appears in the host's code.
"""

from __future__ import annotations

from functools import cache

from conformance.manifest import Manifest, load_manifest

# Sizes of the Rust primitive types that manifest structs and aliases bottom out in (wasm32).
_PRIMITIVE_SIZES = {"bool": 1, "u8": 1, "i8": 1, "u16": 2, "i16": 2, "u32": 4, "i32": 4, "u64": 8, "i64": 8}


class AbiError(Exception):
    """An import's outcome other than Success: `code` is an ErrorCode name from the manifest."""

    def __init__(self, code: str, message: str = "") -> None:
        super().__init__(f"{code}: {message}" if message else code)
        self.code = code


def manifest() -> Manifest:
    return load_manifest()


@cache
def code_value(name: str) -> int:
    """The numeric value of ErrorCode `name` (KeyError for a name the manifest does not define)."""
    return int(manifest().error_codes[name])


def type_size(type_name: str) -> int:
    """size_of::<T>() on wasm32 for a manifest struct, alias, primitive or `[u8; N]` array."""
    m = manifest()
    if type_name in m.structs:
        return m.structs[type_name].size
    if type_name in m.aliases:
        return type_size(m.aliases[type_name])
    if type_name in _PRIMITIVE_SIZES:
        return _PRIMITIVE_SIZES[type_name]
    if type_name.startswith("[") and type_name.endswith("]") and ";" in type_name:
        elem, count = type_name[1:-1].split(";")
        return type_size(elem.strip()) * int(count)
    raise KeyError(f"unknown type {type_name!r}")


def encode(type_name: str, values: int | dict[str, int]) -> bytes:
    """Little-endian bytes of a value of `type_name`: an int for scalars, {field: int} for structs.

    Struct fields not given (padding such as PollVec._pad) are written as zero bytes.
    """
    m = manifest()
    if type_name in m.structs:
        struct = m.structs[type_name]
        if not isinstance(values, dict):
            raise TypeError(f"{type_name} needs a dict of field values")
        unknown = set(values) - {f.name for f in struct.fields}
        if unknown:
            raise KeyError(f"{type_name} has no field(s) {sorted(unknown)}")
        out = bytearray(struct.size)
        for f in struct.fields:
            out[f.offset : f.offset + f.size] = int(values.get(f.name, 0)).to_bytes(f.size, "little")
        return bytes(out)
    if isinstance(values, dict):
        raise TypeError(f"{type_name} is a scalar")
    return int(values).to_bytes(type_size(type_name), "little")
