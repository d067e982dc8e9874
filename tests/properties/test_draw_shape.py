"""The replay invariant: a strategy whose parameters depend on the host (an out size, the handles an
instance holds, a vec length learnt from poll) draws the same *shape* of choices whatever those parameters
are, so the choices recorded for one example replay unchanged when the host's timing gives other values.

Each test draws under one parameter with fresh randomness, replays the recorded choices under another,
and compares the two choice sequences' kinds and constraints. This reads Hypothesis' choice sequence
(``ConjectureData``, an internal API): the replay invariant is a statement about exactly that.
"""

from __future__ import annotations

from random import Random

import pytest
from hypothesis.control import BuildContext
from hypothesis.errors import StopTest
from hypothesis.internal.conjecture.data import ConjectureData

from conformance.fuzz._lowered import lowered_args
from conformance.fuzz.strategies import (
    FuzzContext,
    HandlePool,
    _slice_length,
    call_plans,
    handles,
    out_pointers,
)
from conformance.manifest import load_manifest

from ._helpers import MEM

SEEDS = range(12)


def _shape(data: ConjectureData) -> list[tuple]:
    return [(node.type, node.constraints) for node in data.nodes]


def _draw(data: ConjectureData, strategy) -> None:
    with BuildContext(data, wrapped_test=_draw):
        data.draw(strategy)


def _replays(make, first, second, seed: int) -> bool:
    """True when the choices ``make(first)`` drew (with ``seed``) replay under ``make(second)`` with the
    same kinds and constraints, choice for choice."""
    recorded = ConjectureData(random=Random(seed))
    _draw(recorded, make(first))
    replay = ConjectureData.for_choices(recorded.choices)
    try:
        _draw(replay, make(second))
    except StopTest:  # ran out of recorded choices: the second draw asked for more
        return False
    return _shape(replay) == _shape(recorded)


@pytest.mark.parametrize("mode", ["any", "valid"])
@pytest.mark.parametrize(("first", "second"), [(1, 8), (8, 24), (4, MEM + 1), (0, 4096)])
def test_out_pointers_draw_the_same_shape_whatever_the_size(mode, first, second):
    assert all(_replays(lambda size: out_pointers(size, MEM, mode), first, second, s) for s in SEEDS)


POOLS = [HandlePool(), HandlePool(live=(5,)), HandlePool(live=(1, 2, 3), stale=(9,), other=(40, 41))]


@pytest.mark.parametrize("mode", ["any", "valid"])
@pytest.mark.parametrize(("first", "second"), [(0, 1), (1, 2), (2, 0)])
def test_handles_draw_the_same_shape_whatever_the_pool(mode, first, second):
    assert all(_replays(lambda i: handles(POOLS[i], mode), first, second, s) for s in SEEDS)


@pytest.mark.parametrize("mode", ["any", "valid"])
@pytest.mark.parametrize(("first", "second"), [(None, 3), (3, 0), (MEM * 2, None)])
def test_slice_lengths_draw_the_same_shape_whether_the_length_is_known(mode, first, second):
    assert all(_replays(lambda known: _slice_length(known, MEM, mode), first, second, s) for s in SEEDS)


# Only handle arguments (and the slices sized by them) depend on the world; other imports draw alike.
HANDLE_TAKERS = [i for i in load_manifest().imports if any(a.role == "handle" for a in lowered_args(i))]


def _contexts(imp) -> tuple[FuzzContext, FuzzContext]:
    """Two worlds the host's timing could give: nothing held yet, or handles live everywhere with a
    known vec length for each."""
    empty = FuzzContext(MEM, "hive.test", 8080, ("run-1",))
    held = FuzzContext(MEM, "hive.test", 8080, ("run-1",), POOLS[2], {1: 3, 2: 0, 3: 64})
    return empty, held


@pytest.mark.parametrize("mode", ["any", "valid"])
@pytest.mark.parametrize("imp", HANDLE_TAKERS, ids=lambda i: i.name)
def test_call_plans_draw_the_same_shape_whatever_the_handles(imp, mode):
    empty, held = _contexts(imp)
    pair = {"empty": empty, "held": held}
    assert all(_replays(lambda k: call_plans(imp, pair[k], mode), "empty", "held", s) for s in SEEDS[:4])
    assert all(_replays(lambda k: call_plans(imp, pair[k], mode), "held", "empty", s) for s in SEEDS[:4])


def test_the_shape_check_catches_a_size_dependent_draw():
    """The check can fail: the obvious in-range out-pointer, ``integers(0, memory - size)``, has bounds
    that follow the size (the reason ``out_pointers`` maps one fixed draw arithmetically instead)."""
    from hypothesis import strategies as st

    assert not all(_replays(lambda size: st.integers(0, MEM - size), 1, 8, s) for s in SEEDS)
