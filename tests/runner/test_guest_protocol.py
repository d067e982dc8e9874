"""The guest protocol codec (conformance.guest_protocol): Params, Journal bounds, and what is read."""

from __future__ import annotations

import struct

import pytest

from conformance.guest_protocol import (
    MAX_DATA_BYTES,
    PARAMS_SIZE,
    ProtocolError,
    Record,
    missing_exports,
    params_block,
    read_journal,
)


class FakeMemory:
    """A guest memory that counts the bytes read, so a test can show what the codec leaves alone."""

    def __init__(self, size: int = 4096) -> None:
        self.mem = bytearray(size)
        self.bytes_read = 0

    def call(self, export: str, *args: int, timeout: float | None = None) -> list[int]:
        raise AssertionError("the codec calls nothing")

    def read_memory(self, ptr: int, length: int) -> bytes:
        if ptr < 0 or ptr + length > len(self.mem):
            raise IndexError(ptr)
        self.bytes_read += length
        return bytes(self.mem[ptr : ptr + length])

    def write_memory(self, ptr: int, data: bytes) -> None:
        self.mem[ptr : ptr + len(data)] = data

    @property
    def memory_size(self) -> int:
        return len(self.mem)


def _memory(journal_at: int, records: list[tuple[int, int, int, int]], size: int = 4096) -> FakeMemory:
    mem = FakeMemory(size)
    struct.pack_into("<I", mem.mem, journal_at, len(records))
    for i, rec in enumerate(records):
        struct.pack_into("<IiII", mem.mem, journal_at + 4 + 16 * i, *rec)
    return mem


def test_params_block_layout():
    block = params_block("127.0.0.1", 8080, seed=7)
    assert len(block) == PARAMS_SIZE
    assert struct.unpack_from("<III", block) == (1, 8080, 9)
    assert block[12:21] == b"127.0.0.1" and struct.unpack_from("<I", block, 128) == (7,)
    with pytest.raises(ProtocolError, match="longer than 116"):
        params_block("h" * 117, 1)


def test_missing_exports_in_protocol_order():
    assert missing_exports({"conformance_step", "conformance_params"}) == [
        "conformance_protocol",
        "conformance_journal",
    ]


def test_read_journal_reads_records_and_data():
    mem = _memory(0x100, [(1, -1, 0x800, 3)])
    mem.mem[0x800:0x803] = b"abc"
    assert read_journal(mem, 0x100) == [Record(1, -1, b"abc")]


def test_only_the_judged_bytes_are_read():
    """A record nobody judges is bounds-checked but not read; a judged one only up to its limit."""
    mem = _memory(0x100, [(1, 0, 0x200, 3000), (2, 0, 0x200, 3000)], size=4096)
    records = read_journal(mem, 0x100, lambda check_id: 10 if check_id == 2 else 0)
    assert [(r.check_id, r.data_len, len(r.data)) for r in records] == [(1, 3000, 0), (2, 3000, 10)]
    assert not records[1].complete
    assert mem.bytes_read == 4 + 2 * 16 + 10


def test_no_limit_reads_more_than_the_cap():
    size = 2 * MAX_DATA_BYTES
    mem = _memory(0, [(1, 0, 64, size - 64)], size=size)
    (record,) = read_journal(mem, 0, lambda _check_id: size)
    assert len(record.data) == MAX_DATA_BYTES and record.data_len == size - 64


@pytest.mark.parametrize(
    ("journal_at", "count", "record", "message"),
    [
        (4094, 0, None, "journal address 0xffe is outside memory"),
        (0x100, 1, (1, 0, 4000, 200), "data at 0xfa0\\+200 is outside memory"),
        (0x100, 1, (1, 0, 0xFFFFFFFF, 2), "is outside memory"),  # would wrap in 32-bit arithmetic
        (4000, 10, None, "runs past the end of memory"),
    ],
)
def test_read_journal_bounds_checks_everything(journal_at, count, record, message):
    mem = FakeMemory()
    if journal_at + 4 <= len(mem.mem):
        struct.pack_into("<I", mem.mem, journal_at, count)
    if record:
        struct.pack_into("<IiII", mem.mem, journal_at + 4, *record)
    with pytest.raises(ProtocolError, match=message):
        read_journal(mem, journal_at)


def test_more_than_1024_records_is_refused_not_truncated():
    mem = _memory(0, [(1, 0, 0, 0)] * 1025, size=65536)
    with pytest.raises(ProtocolError, match="journal count 1025 exceeds the protocol's 1024 records"):
        read_journal(mem, 0)
    assert len(read_journal(_memory(0, [(1, 0, 0, 0)] * 1024, size=65536), 0)) == 1024
