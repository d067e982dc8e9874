"""The runner lists a module's function exports from the binary, without compiling it: same answer as wasmtime."""

from __future__ import annotations

import pytest

from conformance.wasm import WasmError, compile_wat, function_export_names, interface, load_module

from ..runner.helpers import corpus_fixtures

FIXTURES = corpus_fixtures()


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.id for f in FIXTURES])
def test_agrees_with_wasmtime_on_every_fixture(fixture):
    wasm = fixture.wasm()
    expected = {e.name for e in interface(load_module(wasm)).exports if e.kind == "func"}
    assert function_export_names(wasm) == expected


def test_non_function_exports_are_left_out():
    text = '(module (memory (export "memory") 1) (global (export "g") i32 (i32.const 0)) (func (export "f")))'
    wasm = compile_wat(text)
    assert function_export_names(wasm) == {"f"}


@pytest.mark.parametrize("cut", [9, 12, -3])
def test_truncated_module_is_a_wasm_error(cut):
    wasm = compile_wat('(module (func (export "conformance_step") (result i32) (i32.const 1)))')
    with pytest.raises(WasmError):
        function_export_names(wasm[:cut])


def test_not_wasm_is_a_wasm_error():
    with pytest.raises(WasmError):
        function_export_names(b"(module)")
