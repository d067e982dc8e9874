"""The Rust declaration parser reads the crate's ml_v2.rs and every declaration the manifest quotes."""

from __future__ import annotations

import pytest

from conformance._rust import RustSyntaxError, parse_fn, parse_struct, parse_type
from conformance.manifest import load_manifest

from ._data import SEED_COPY, SEED_SOURCE, seed_source


def test_committed_seed_copy_is_the_shared_reference():
    if SEED_SOURCE.exists():  # the shared reference is absent outside the project machine; the copy is not
        assert SEED_COPY.read_bytes() == SEED_SOURCE.read_bytes()
    assert "ark_bindgen(imports = \"ark-ml-v2\")" in SEED_COPY.read_text("utf-8")


def test_seed_declares_exactly_the_manifests_ml_v2_functions():
    m = load_manifest()
    assert [f.name for f in seed_source().fns] == [i.name for i in m.imports if i.module == "ark-ml-v2"]


def test_seed_declarations_equal_the_manifests_quoted_declarations():
    m = load_manifest()
    for fn in seed_source().fns:
        assert parse_fn(m.import_named(fn.name).rust) == fn, fn.name


def test_seed_structs_are_repr_c_with_their_fields():
    structs = {s.name: s for s in seed_source().structs}
    assert set(structs) == {"ArkExperimentConfig", "ExperimentConfigFuture"}
    assert all(s.repr_c for s in structs.values())
    assert [(f.name, str(f.type)) for f in structs["ExperimentConfigFuture"].fields] == [
        ("ark_config", "FutureHandle"),
        ("module_config", "FutureHandle"),
    ]


@pytest.mark.parametrize(
    "text", ["&str", "&mut [u8]", "*const u8", "*mut ExperimentConfigFuture", "[u8; 3]", "FFIResult<()>", "Vec<u8>"]
)
def test_types_print_back_as_written(text):
    assert str(parse_type(text)) == text


def test_paths_are_reduced_to_their_last_segment():
    assert str(parse_fn("pub fn f() -> crate::FFIResult<super::ml_v1::FutureHandle>;").ret) == "FFIResult<FutureHandle>"


def test_struct_without_repr_c_is_marked():
    assert not parse_struct("pub struct S { pub a: u8 }").repr_c


@pytest.mark.parametrize("text", ["pub fn f(x: u32", "pub fn f(x u32);", "pub fn f(x: [u8; N]);", "pub fn f(x: u32) $"])
def test_malformed_declarations_raise_one_line_errors(text):
    with pytest.raises(RustSyntaxError) as info:
        parse_fn(text)
    assert "\n" not in str(info.value)
