"""The repr(C) layout calculator reproduces every manifest struct, and a wrong offset or size is caught."""

from __future__ import annotations

import pytest

from conformance._rust import parse_struct
from conformance.layout import LayoutError, check_manifest_layouts, layout_of
from conformance.manifest import load_manifest

from ._data import mutated_manifest, raw_struct, seed_source

ALIASES = {"FutureHandle": "u64"}


def test_every_manifest_struct_is_recomputed_exactly():
    assert check_manifest_layouts(load_manifest()) == []


def test_seed_source_structs_lay_out_as_the_manifest_says():
    extra = {s.name: s for s in seed_source().structs}
    assert check_manifest_layouts(load_manifest(), extra) == []


def _lay(text: str, *others: str):
    structs = {s.name: s for s in map(parse_struct, others)}
    return layout_of(parse_struct(text), structs, ALIASES)


def test_padding_before_a_u64_and_at_the_tail():
    lay = _lay("#[repr(C)] struct S { a: u8, b: u64, c: u16 }")
    assert [(f.name, f.offset, f.padding_before) for f in lay.fields] == [("a", 0, 0), ("b", 8, 7), ("c", 16, 0)]
    assert (lay.size, lay.align, lay.tail_padding) == (24, 8, 6)


def test_arrays_pointers_and_nested_structs():
    inner = "#[repr(C)] struct FixedBufferString64 { length: u32, bytes: [u8; 64] }"
    lay = _lay("#[repr(C)] struct Metric { name: FixedBufferString64, value: f32, p: *mut u8, h: FutureHandle }", inner)
    assert [(f.name, f.offset, f.size) for f in lay.fields] == [("name", 0, 68), ("value", 68, 4), ("p", 72, 4),
                                                                 ("h", 80, 8)]
    assert (lay.size, lay.align) == (88, 8)


def test_non_repr_c_and_unknown_types_are_refused():
    with pytest.raises(LayoutError, match="not #\\[repr\\(C\\)\\]"):
        _lay("struct S { a: u8 }")
    with pytest.raises(LayoutError, match="no repr\\(C\\) layout known for Mystery"):
        _lay("#[repr(C)] struct S { a: Mystery }")


def _offset(data):
    raw_struct(data, "PollVec")["fields"][2]["offset"] = 2


def _size(data):
    raw_struct(data, "ExperimentConfigFuture")["size"] = 12


def _align(data):
    raw_struct(data, "PollVec")["align"] = 1


def _field_type(data):
    raw_struct(data, "ArkExperimentConfig")["fields"][1]["type"] = "u64"


def _declaration(data):
    s = raw_struct(data, "PollSimple")
    s["rust"] = s["rust"].replace("bool", "u32")


@pytest.mark.parametrize(
    ("edit", "fragment"),
    [
        (_offset, "PollVec (rust): field recorded as len: u32 @2 size 4, computed len: u32 @4 size 4"),
        (_size, "ExperimentConfigFuture (rust): size recorded 12, computed 16"),
        (_align, "PollVec (rust): align recorded 1, computed 4"),
        (_field_type, "ArkExperimentConfig (rust): field recorded as num_actions: u64"),
        (_declaration, "PollSimple (rust): size recorded 1, computed 4"),
    ],
)
def test_a_mutated_manifest_copy_fails_the_check(edit, fragment):
    diffs = check_manifest_layouts(mutated_manifest(edit))
    assert any(fragment in d for d in diffs), diffs


def test_mutually_recursive_structs_are_refused():
    with pytest.raises(LayoutError, match="no repr\\(C\\) layout known for A"):
        _lay("#[repr(C)] struct A { b: B }", "#[repr(C)] struct B { a: A }")
