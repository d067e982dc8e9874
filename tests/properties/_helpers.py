"""Small builders shared by the property tests (not a conftest: imported explicitly)."""

from __future__ import annotations

from conformance.fuzz._thunk import DEFAULT_PAGES, PAGE_SIZE
from conformance.manifest import load_manifest

MEM = DEFAULT_PAGES * PAGE_SIZE


def image(*writes: tuple[int, bytes], size: int = MEM, fill: int = 0xA5) -> bytes:
    """A guest memory image with ``writes`` applied over a fill byte."""
    mem = bytearray([fill]) * size
    for off, data in writes:
        mem[off : off + len(data)] = data
    return bytes(mem)


def code(name: str) -> int:
    return int(load_manifest().error_codes[name])


def clause_code(clause_id: str) -> int:
    """The ErrorCode a manifest clause prescribes (tests never restate codes)."""
    m = load_manifest()
    return int(m.error_codes[m.clause(clause_id).error])


def imp(name: str):
    return load_manifest().import_named(name)
