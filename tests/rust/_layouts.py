"""What the layout guest (``rust.struct-layouts``) must journal, derived from the manifest alone."""

from __future__ import annotations

import struct as pack

from conformance.manifest import Struct


def layout_words(s: Struct) -> list[int]:
    """``[size, align, offset_0, size_0, ...]``: the manifest's layout in the guest's record order."""
    words = [s.size, s.align]
    for f in s.fields:
        words += [f.offset, f.size]
    return words


def layout_hex(s: Struct) -> str:
    """The record's bytes as the sidecar spells them: one little-endian u32 per word, space-separated."""
    return " ".join(pack.pack("<I", w).hex() for w in layout_words(s))
