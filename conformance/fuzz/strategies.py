"""Hypothesis strategies for raw import calls, composed from small parts and derived from the manifest.

``call_plans(imp, ctx)`` draws one call of any import: for each logical argument (``_lowered.py``) it
picks the generator named in ``rules.toml`` (``[values]`` by name, else by role), so a new import with
the usual lowering shapes (``&str``, ``u32``, handles, out-pointers) is fuzzed without new code.

A plan is raw: unsigned argument values plus the bytes to write into guest memory before the call. What
the call *should* return is not decided here but by the oracle (``rules.violations`` and ``model``),
reading the final memory image, so overlapping placements are harmless.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Literal

from hypothesis import strategies as st

from conformance.manifest import Import

from ._lowered import Arg, lowered_args
from .rules import load_rules

U32_MAX = 0xFFFF_FFFF
U64_MAX = 0xFFFF_FFFF_FFFF_FFFF
Mode = Literal["any", "valid"]

# Byte sequences that are not UTF-8: lone continuation, overlong NUL, surrogate, > U+10FFFF, truncated,
# invalid lead bytes.
INVALID_UTF8 = (b"\x80", b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82", b"\xff", b"\xfe", b"\xc3")


@dataclass(frozen=True)
class HandlePool:
    """Handle values worth trying, by how the instance under test should see them."""

    live: tuple[int, ...] = ()  # live in this instance (any kind)
    stale: tuple[int, ...] = ()  # taken, dropped or stopped in this instance
    other: tuple[int, ...] = ()  # live in another instance


@dataclass(frozen=True)
class FuzzContext:
    """What the strategies need to know about the world: memory size and the simulated hive."""

    memory_size: int
    hive_host: str
    hive_port: int
    run_ids: tuple[str, ...] = ()
    handles: HandlePool = field(default_factory=HandlePool)
    vec_lengths: dict[int, int] = field(default_factory=dict)  # ready vec_u8 future -> PollVec.len
    # The hive is a real socket (the loopback server): a hive_url other than the hive's is then never a
    # name (the host would ask DNS) but another 127.0.0.x, where nothing of the run listens.
    real_network: bool = False


@dataclass(frozen=True)
class CallPlan:
    """One raw call: unsigned lowered argument values and memory contents to write before it."""

    import_key: str
    args: tuple[int, ...]
    writes: tuple[tuple[int, bytes], ...] = ()


# ------------------------------------------------------------------------------------ scalar parts --


def u32_values() -> st.SearchStrategy[int]:
    """u32 around 0, 2^31 and 2^32-1, or anywhere."""
    edges = [0, 1, 2, 0x7FFF_FFFE, 0x7FFF_FFFF, 0x8000_0000, 0x8000_0001, U32_MAX - 1, U32_MAX]
    return st.one_of(st.sampled_from(edges), st.integers(0, U32_MAX))


def u64_values() -> st.SearchStrategy[int]:
    """u64 around 0, 2^31, 2^32, 2^63 and 2^64-1, or anywhere (forged handles)."""
    edges = [0, 1, 2, U32_MAX, U32_MAX + 1, 1 << 63, (1 << 63) + 1, U64_MAX - 1, U64_MAX]
    return st.one_of(st.sampled_from(edges), st.integers(0, U64_MAX))


def hive_ports(port: int, mode: Mode = "any") -> st.SearchStrategy[int]:
    if mode == "valid":
        return st.just(port)
    return st.one_of(st.just(port), st.just(port), st.sampled_from([0, 65535, 65536, 1 << 31, U32_MAX]), u32_values())


def worker_counts(cap: int, mode: Mode = "any") -> st.SearchStrategy[int]:
    if mode == "valid":
        return st.just(0)
    return st.one_of(st.just(0), st.integers(1, cap), u32_values())


# ------------------------------------------------------------------------------------ string parts --


def utf8_text(cap: int) -> st.SearchStrategy[bytes]:
    """Any Unicode (including NUL and astral characters), as UTF-8, up to ``cap`` bytes."""
    return st.text(max_size=64).map(lambda s: s.encode("utf-8")).filter(lambda b: len(b) <= cap)


def long_text(cap: int) -> st.SearchStrategy[bytes]:
    """Long strings near the cap (a repeated character keeps generation cheap)."""
    return st.tuples(st.characters(codec="utf-8"), st.integers(cap // 2, cap)).map(
        lambda t: (t[0].encode("utf-8") * t[1])[: t[1]].decode("utf-8", "ignore").encode("utf-8")
    )


def invalid_utf8(cap: int) -> st.SearchStrategy[bytes]:
    """Bytes that are not UTF-8: an invalid sequence with valid text around it."""
    return st.tuples(utf8_text(32), st.sampled_from(INVALID_UTF8), utf8_text(32)).map(lambda t: b"".join(t)[:cap])


def string_bytes(cap: int, mode: Mode = "any") -> st.SearchStrategy[bytes]:
    valid = st.one_of(utf8_text(cap), st.just(b""), long_text(cap))
    return valid if mode == "valid" else st.one_of(valid, invalid_utf8(cap))


def json_text(cap: int, mode: Mode = "any") -> st.SearchStrategy[bytes]:
    """A JSON document (any Unicode inside), or (mode any) any string, mostly not JSON."""
    leaves = st.one_of(st.none(), st.booleans(), st.integers(-(2**63), 2**64), st.text(max_size=16))
    values = st.recursive(
        leaves, lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4)
    )
    docs = values.map(lambda v: json.dumps(v, ensure_ascii=False).encode("utf-8")).filter(lambda b: len(b) <= cap)
    return docs if mode == "valid" else st.one_of(docs, string_bytes(cap))


# ------------------------------------------------------------------------------- placement parts --


@st.composite
def spans(draw, data: st.SearchStrategy[bytes], memory_size: int, mode: Mode = "any", lane=None):
    """(ptr, len, writes) for an input slice: in range, at the end of memory, zero length anywhere, or
    (mode any) out of bounds, or wrapping past 2^32. An empty payload is placed anywhere (a dangling
    empty &str is valid wherever it points). ``lane`` = (lo, hi) confines in-range placements, so the
    arguments of a valid call do not overwrite each other."""
    lo, hi = lane or (0, memory_size)
    kinds = ["in_range", "end"] + ([] if mode == "valid" else ["zero_anywhere", "out_of_bounds", "wrap", "huge"])
    kind = draw(st.sampled_from(kinds))
    if kind in ("in_range", "end"):
        payload = draw(data)[: hi - lo]
        if not payload:
            return draw(u32_values()), 0, ()
        top = hi - len(payload)
        ptr = top if kind == "end" else draw(st.integers(lo, top))
        return ptr, len(payload), ((ptr, payload),)
    if kind == "zero_anywhere":
        return draw(u32_values()), 0, ()
    if kind == "out_of_bounds":  # ends past memory, no wrap-around
        length = draw(st.integers(1, 64))
        return draw(st.integers(memory_size - length + 1, U32_MAX + 1 - length)), length, ()
    if kind == "wrap":  # ptr + len overflows 32 bits to a small in-bounds value
        length = draw(st.integers(2, 64))
        ptr = draw(st.integers(U32_MAX + 2 - length, U32_MAX))
        return ptr, length, ()
    length = draw(st.integers(memory_size + 1, U32_MAX))  # huge length from a small pointer
    return draw(st.integers(0, 16)), length, ()


_OUT_KINDS = ("in_range", "end", "one_past", "far", "wrap")


def out_pointers(size: int, memory_size: int, mode: Mode = "any", lane=None) -> st.SearchStrategy[int]:
    """An out-pointer for ``size`` bytes: in range (aligned or not), flush with the end of memory, or
    (mode any) one byte past it, far out, or wrapping past 2^32. ``lane`` as for ``spans``.

    The draw has the same shape whatever ``size`` is (a kind and a number, mapped arithmetically), so a
    sequence whose sizes depend on the host's timing still replays under Hypothesis."""
    lo, hi = lane or (0, memory_size)
    kinds = _OUT_KINDS[:2] if mode == "valid" else _OUT_KINDS
    return st.tuples(st.sampled_from(kinds), st.integers(0, U32_MAX)).map(
        lambda t: _out_pointer(t[0], t[1], size, lo, hi, memory_size)
    )


def _out_pointer(kind: str, r: int, size: int, lo: int, hi: int, memory_size: int) -> int:
    if size > hi - lo and kind in ("in_range", "end", "one_past"):
        kind = "far"  # cannot fit: only the out-of-bounds placements exist
    if kind == "in_range":
        return lo + r % (hi - size - lo + 1)
    if kind == "end":
        return hi - size
    if kind == "one_past":
        return memory_size - size + 1
    if kind == "far":
        edges = (memory_size, 0x8000_0000, U32_MAX)
        return edges[r % 3] if r % 2 else max(memory_size, r)
    width = max(size, 2) - 1  # ptr + size passes 2^32
    return U32_MAX + 1 - width + r % width


def _pick(pool: tuple[int, ...]) -> st.SearchStrategy[int]:
    """An element of ``pool`` by index, or a forged value when it is empty; same draw shape either way."""
    return st.tuples(st.integers(0, 255), u64_values()).map(lambda t: pool[t[0] % len(pool)] if pool else t[1])


def handles(pool: HandlePool, mode: Mode = "any") -> st.SearchStrategy[int]:
    """Live, stale/dropped, another instance's, or forged handles (shape independent of the pools, so
    sequences replay although handle values depend on the host)."""
    if mode == "valid":
        return _pick(pool.live)
    return st.one_of(_pick(pool.live), _pick(pool.stale), _pick(pool.other), u64_values())


# -------------------------------------------------------------------------------------- calls ------


def call_plans(imp: Import, ctx: FuzzContext, mode: Mode = "any") -> st.SearchStrategy[CallPlan]:
    """One raw call of ``imp``; mode "valid" draws only values the rules accept (for round trips).

    The per-argument strategies are built once here (building them per draw is what makes Hypothesis
    slow); each yields ``(assignments, writes)``, and the plan is their sum."""
    rules = load_rules()
    cap = rules.caps["string_bytes"]
    parts: list[st.SearchStrategy] = []
    args = lowered_args(imp)
    lanes = _lanes(args, ctx.memory_size) if mode == "valid" else {}
    for arg in args:
        lane = lanes.get(arg.name)
        gen = rules.generator_for(arg)
        if arg.role == "str":
            data = _string_source(gen, ctx, cap, mode)
            if mode == "valid" and any(r.check == "non_empty" and r.applies(imp, arg) for r in rules.rules):
                data = data.filter(bool)
            parts.append(spans(data, ctx.memory_size, mode, lane).map(partial(_assign_span, arg)))
        elif arg.role == "u32":
            source = _u32_source(gen, ctx, rules.caps["max_remote_workers"], mode)
            parts.append(source.map(partial(_assign_one, arg)))
        elif arg.role == "out":
            parts.append(out_pointers(arg.size, ctx.memory_size, mode, lane).map(partial(_assign_one, arg)))
        elif arg.role == "handle" and not any(a.role == "out_slice" for a in args):
            parts.append(handles(ctx.handles, mode).map(partial(_assign_one, arg)))
        elif arg.role == "handle":  # a take with a slice: its length depends on which handle was drawn
            slot = next(a for a in args if a.role == "out_slice")
            place = partial(_handle_and_slice, arg, slot, ctx, mode, lanes.get(slot.name))
            parts.append(handles(ctx.handles, mode).flatmap(place))
    return st.tuples(*parts).map(partial(_assemble, imp))


def with_workers(imp: Import, plan: CallPlan, workers: int) -> CallPlan:
    """``plan`` asking for ``workers`` remote workers (unchanged when ``imp`` takes no worker count)."""
    arg = next((a for a in lowered_args(imp) if a.name == "num_remote_workers"), None)
    if arg is None:
        return plan
    args = list(plan.args)
    args[arg.indices[0]] = workers
    return replace(plan, args=tuple(args))


def _assign_one(arg: Arg, value: int) -> tuple[tuple[tuple[int, int], ...], tuple]:
    return ((arg.indices[0], value),), ()


def _assign_span(arg: Arg, span: tuple[int, int, tuple]) -> tuple[tuple[tuple[int, int], ...], tuple]:
    ptr, length, writes = span
    return ((arg.indices[0], ptr), (arg.indices[1], length)), writes


def _lanes(args: tuple[Arg, ...], memory_size: int) -> dict[str, tuple[int, int]]:
    """Disjoint memory regions, one per pointer argument (the last ends at the end of memory)."""
    pointers = [a.name for a in args if a.role in ("str", "out", "out_slice")]
    width = memory_size // max(len(pointers), 1)
    return {
        name: (i * width, memory_size if i == len(pointers) - 1 else (i + 1) * width) for i, name in enumerate(pointers)
    }


def _handle_and_slice(arg: Arg, slot: Arg, ctx: FuzzContext, mode: Mode, lane, handle: int) -> st.SearchStrategy:
    known = ctx.vec_lengths.get(handle)

    def place(length: int) -> st.SearchStrategy:
        ptr = out_pointers(length, ctx.memory_size, mode, lane)  # also for 0: one draw shape per length
        return ptr.map(lambda p: (((arg.indices[0], handle), (slot.indices[0], p), (slot.indices[1], length)), ()))

    return _slice_length(known, ctx.memory_size, mode).flatmap(place)


def _assemble(imp: Import, parts: tuple) -> CallPlan:
    args = [0] * len(imp.params)
    writes: list[tuple[int, bytes]] = []
    for assignments, w in parts:
        for index, value in assignments:
            args[index] = value
        writes.extend(w)
    return CallPlan(imp.key, tuple(args), tuple(writes))


def _string_source(gen: str, ctx: FuzzContext, cap: int, mode: Mode) -> st.SearchStrategy[bytes]:
    if gen == "hive_host":
        host = st.just(ctx.hive_host.encode("utf-8"))
        other = string_bytes(cap).map(_offline_host) if ctx.real_network else string_bytes(cap)
        return host if mode == "valid" else st.one_of(host, host, st.just(b""), other)
    if gen == "run_id":
        runs = st.sampled_from(ctx.run_ids).map(str.encode) if ctx.run_ids else utf8_text(64).filter(bool)
        return runs if mode == "valid" else st.one_of(runs, string_bytes(cap))
    if gen == "json_text":
        return json_text(cap, mode)
    return string_bytes(cap, mode)


def _offline_host(drawn: bytes) -> bytes:
    """A drawn hive_url a host could look up (non-empty UTF-8) as a loopback address literal instead;
    empty and invalid UTF-8 stay (the host must refuse them before any network access)."""
    try:
        text = drawn.decode("utf-8")
    except UnicodeDecodeError:
        return drawn
    return f"127.0.0.{2 + len(text) % 253}".encode() if text else drawn


def _u32_source(gen: str, ctx: FuzzContext, max_workers: int, mode: Mode) -> st.SearchStrategy[int]:
    if gen == "hive_port":
        return hive_ports(ctx.hive_port, mode)
    if gen == "workers":
        return worker_counts(max_workers, mode)
    return u32_values()


def _slice_length(known: int | None, memory_size: int, mode: Mode) -> st.SearchStrategy[int]:
    """The length the guest learnt from poll (when known), or any; same draw shape either way."""
    choices = (0,) if mode == "valid" else (0, 0, 1, 2)
    return st.tuples(st.sampled_from(choices), st.integers(0, memory_size), u32_values()).map(
        lambda t: known if t[0] == 0 and known is not None and known <= memory_size else (t[1] if t[0] < 2 else t[2])
    )
