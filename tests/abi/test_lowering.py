"""The lowering engine regenerates every manifest signature, and a wrong manifest entry is caught."""

from __future__ import annotations

import pytest

from conformance.lowering import LoweringError, check_manifest_signatures, lower_fn
from conformance.manifest import load_manifest

from ._data import mutated_manifest, raw_import, seed_source

ALIASES = {"TrainingHandle": "u64", "FutureHandle": "u64"}


def test_every_manifest_signature_is_regenerated_exactly():
    assert check_manifest_signatures(load_manifest()) == []


def test_seed_source_lowers_to_the_manifests_params():
    m = load_manifest()
    for fn in seed_source().fns:
        imp = m.import_named(fn.name)
        lowered = lower_fn(fn, m.aliases)
        assert [(p.name, p.rust, p.wasm) for p in lowered.params] == [(p.name, p.rust, p.wasm) for p in imp.params]
        assert lowered.results == imp.results


def test_str_becomes_ptr_len_in_place():
    sig = lower_fn("pub fn f(a: &str, port: u32) -> FFIResult<()>;", ALIASES)
    assert [(p.name, p.rust, p.wasm) for p in sig.params] == [
        ("a_ptr", "*const u8", "i32"),
        ("a_len", "u32", "i32"),
        ("port", "u32", "i32"),
    ]
    assert sig.results == ("i32",) and sig.out_type is None


def test_handles_are_i64_and_ffiresult_t_adds_a_trailing_out_pointer():
    sig = lower_fn("pub fn f(h: TrainingHandle) -> FFIResult<FutureHandle>;", ALIASES)
    assert [(p.name, p.rust, p.wasm) for p in sig.params] == [
        ("h", "TrainingHandle", "i64"),
        ("__ark_ffi_output", "*mut FutureHandle", "i32"),
    ]
    assert sig.out_type == "FutureHandle"


def test_mut_refs_slices_bool_and_plain_returns():
    sig = lower_fn("pub fn f(d: &mut Cfg, buf: &mut [u8], xs: &[f32], b: bool, x: f64) -> u64;", ALIASES)
    assert [(p.name, p.rust, p.wasm) for p in sig.params] == [
        ("d_ptr", "*mut Cfg", "i32"),
        ("buf_ptr", "*mut u8", "i32"),
        ("buf_len", "u32", "i32"),
        ("xs_ptr", "*const f32", "i32"),
        ("xs_len", "u32", "i32"),
        ("b", "bool", "i32"),
        ("x", "f64", "f64"),
    ]
    assert sig.results == ("i64",)
    assert lower_fn("pub fn g();", ALIASES).results == ()


def test_byte_vector_results_use_the_byte_size_out_pointer():
    sig = lower_fn("pub fn f() -> FFIResult<Vec<u8>>;", ALIASES)
    assert [(p.name, p.rust) for p in sig.params] == [("__ark_byte_size", "*mut u32")]


def test_struct_by_value_is_rejected():
    with pytest.raises(LoweringError, match="cannot be passed by value"):
        lower_fn("pub fn f(c: ArkExperimentConfig) -> FFIResult<()>;", ALIASES)


def _set_param_wasm(data):
    raw_import(data, "stop_experiment")["params"][0]["wasm"] = "i32"


def _drop_len_param(data):
    raw_import(data, "connect_to_experiment")["params"].pop(1)


def _add_out_pointer(data):
    raw_import(data, "drop_future")["params"].append({"name": "__ark_ffi_output", "rust": "*mut u64", "wasm": "i32"})


def _rename_param(data):
    raw_import(data, "take_future_vec_u8")["params"][2]["name"] = "len"


def _drop_result(data):
    raw_import(data, "stop_training")["results"] = []


def _edit_rust(data):
    imp = raw_import(data, "set_worker_module_link")
    imp["rust"] = imp["rust"].replace("&str", "u32")


@pytest.mark.parametrize(
    ("edit", "fragment"),
    [
        (_set_param_wasm, "ark-ml-v2::ml__stop_experiment: param #0 recorded as context: TrainingHandle (i32)"),
        (_drop_len_param, "ark-ml-v2::ml__connect_to_experiment: 5 params recorded, lowering gives 6"),
        (_add_out_pointer, "ark-ml-v1::ml__drop_future: 2 params recorded, lowering gives 1"),
        (_rename_param, "param #2 recorded as len: u32 (i32), lowering gives data_len"),
        (_drop_result, "ark-ml-v1::ml__stop_training: results recorded as [], lowering gives ['i32']"),
        (_edit_rust, "ark-ml-v2::ml__set_worker_module_link: 2 params recorded, lowering gives 1"),
    ],
)
def test_a_mutated_manifest_copy_fails_the_check(edit, fragment):
    diffs = check_manifest_signatures(mutated_manifest(edit))
    assert any(fragment in d for d in diffs), diffs
    assert check_manifest_signatures(load_manifest()) == []  # the original is untouched
