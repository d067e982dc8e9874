"""Argument roles come from the manifest's lowered params; every import has a role for every param."""

from __future__ import annotations

import pytest

from conformance.fuzz._lowered import lowered_args, out_region, type_size
from conformance.manifest import load_manifest

from ._helpers import imp


def test_every_lowered_param_belongs_to_exactly_one_argument():
    for i in load_manifest().imports:
        indices = [ix for a in lowered_args(i) for ix in a.indices]
        assert indices == list(range(len(i.params))), i.key


def test_strings_pair_ptr_and_len_and_out_pointers_know_their_size():
    m = load_manifest()
    connect = {a.name: a for a in lowered_args(imp("connect_to_experiment"))}
    assert connect["hive_url"].role == "str" and connect["hive_url"].indices == (0, 1)
    assert connect["hive_port"].role == "u32"
    assert connect["__ark_ffi_output"].size == type_size(m, "FutureHandle") == 8
    cfg = {a.name: a for a in lowered_args(imp("experiment_config"))}
    assert cfg["__ark_ffi_output"].size == m.structs["ExperimentConfigFuture"].size
    assert cfg["context"].role == "handle"
    take = {a.name: a for a in lowered_args(imp("take_future_vec_u8"))}
    assert take["data"].role == "out_slice"


def test_out_region_is_unsigned():
    assert out_region(imp("poll_future_vec_u8"), (1, -8)) == (0xFFFF_FFF8, 8)
    assert out_region(imp("take_future_vec_u8"), (1, 16, -1)) == (16, 0xFFFF_FFFF)
    assert out_region(imp("drop_future"), (1,)) is None


def test_unknown_lowering_shape_is_refused_loudly():
    m = load_manifest()
    bad = type(imp("drop_future"))(
        **{**imp("drop_future").__dict__, "params": (type(imp("drop_future").params[0])("x", "f32", "f32"),)}
    )
    with pytest.raises(ValueError, match="no fuzzing role"):
        lowered_args(bad, m)
