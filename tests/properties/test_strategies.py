"""The manifest-derived strategies: well-formed raw calls, every edge reachable, valid mode is valid."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conformance.fuzz._lowered import lowered_args
from conformance.fuzz.model import FutureModel, InstanceModel
from conformance.fuzz.rules import violations
from conformance.fuzz.strategies import FuzzContext, HandlePool, call_plans
from conformance.manifest import load_manifest

from ._helpers import MEM, image

IMPORTS = load_manifest().imports
CTX = FuzzContext(MEM, "hive.test", 8080, ("run-1",))
U32 = 0xFFFF_FFFF


@given(st.sampled_from(IMPORTS).flatmap(lambda i: st.tuples(st.just(i), call_plans(i, CTX))))
def test_plans_are_raw_unsigned_values_of_the_right_arity(pair):
    imp, plan = pair
    assert plan.import_key == imp.key and len(plan.args) == len(imp.params)
    for value, p in zip(plan.args, imp.params, strict=True):
        assert 0 <= value < (1 << (32 if p.wasm == "i32" else 64))
    for off, data in plan.writes:
        assert off >= 0 and off + len(data) <= MEM


def _holding_state(imp) -> tuple[FuzzContext, InstanceModel]:
    """A context whose one live handle is exactly what ``imp`` wants (so valid mode can be valid)."""
    state = InstanceModel()
    kind = imp.polls or imp.takes or "training_handle"
    state.futures[7] = FutureModel(7, kind, "ok", state="ready", length=3)
    state.trainings[9] = "run-1"
    training = any(a.role == "handle" and a.rust == "TrainingHandle" for a in lowered_args(imp))
    pool = HandlePool(live=(9,) if training else (7,))
    return FuzzContext(MEM, "hive.test", 8080, ("run-1",), pool, {7: 3}), state


@pytest.mark.parametrize("imp", IMPORTS, ids=lambda i: i.name)
def test_valid_mode_breaks_no_rule(imp):
    ctx, state = _holding_state(imp)

    @settings(max_examples=15)
    @given(call_plans(imp, ctx, mode="valid"))
    def inner(plan):
        assert violations(imp, plan.args, image(*plan.writes), state) == []

    inner()


def _reach(imp_name: str, predicate) -> None:
    """Some example among a fixed, derandomized budget satisfies ``predicate`` (no shrinking wanted)."""
    imp = load_manifest().import_named(imp_name)
    hits = []

    @settings(max_examples=120, database=None, derandomize=True)
    @given(call_plans(imp, CTX))
    def inner(plan):
        if predicate(plan):
            hits.append(plan)

    inner()
    assert hits


def _arg(imp_name, name):
    return next(a for a in lowered_args(load_manifest().import_named(imp_name)) if a.name == name)


@pytest.mark.parametrize(
    ("what", "imp_name", "predicate"),
    [
        ("span wrapping past 2^32", "set_worker_module_link", lambda p: p.args[0] + p.args[1] > U32 + 1),
        ("zero length at a huge pointer", "set_worker_module_link", lambda p: p.args[1] == 0 and p.args[0] >= MEM),
        ("invalid UTF-8 in memory", "set_worker_module_link", lambda p: any(_not_utf8(d) for _, d in p.writes)),
        (
            "string at the very end of memory",
            "set_worker_module_link",
            lambda p: p.args[0] + p.args[1] == MEM > 0 < p.args[1],
        ),
        ("long string", "set_worker_module_link", lambda p: p.args[1] >= 2048 and p.args[0] + p.args[1] <= MEM),
        ("non-ASCII string", "set_worker_module_link", lambda p: any(_non_ascii(d) for _, d in p.writes)),
        ("u32 >= 2^31", "start_training", lambda p: p.args[7] >= 1 << 31),
        ("u32 max", "start_training", lambda p: p.args[8] == U32),
        ("port above 65535", "connect_to_experiment", lambda p: p.args[2] > 65535),
        ("out-pointer one byte past the end", "poll_future_vec_u8", lambda p: p.args[1] == MEM - 7),
        ("out-pointer wrapping", "experiment_config", lambda p: p.args[1] > U32 - 15),
        ("forged handle >= 2^63", "drop_future", lambda p: p.args[0] >= 1 << 63),
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_every_edge_is_reachable(what, imp_name, predicate):
    _reach(imp_name, predicate)


def _not_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _non_ascii(data: bytes) -> bool:
    return not _not_utf8(data) and any(b >= 0x80 for b in data)
