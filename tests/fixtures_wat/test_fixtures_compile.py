"""Every fixture compiles with both toolchains and exports what guest protocol v1 requires."""

from __future__ import annotations

import pytest

from conformance.wasm import WasmError, compile_wat, interface, load_module, wabt_validate, wabt_wat2wasm

from ._lint import all_fixtures

REQUIRED_EXPORTS = {"memory", "conformance_protocol", "conformance_params", "conformance_journal", "conformance_step"}
FIXTURES = all_fixtures()


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.path.stem for f in FIXTURES])
def test_fixture_compiles_with_wasmtime_and_exports_the_protocol(fixture) -> None:
    module = load_module(fixture.loaded.wasm())
    exports = {e.name for e in interface(module).exports}
    assert exports >= REQUIRED_EXPORTS


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.path.stem for f in FIXTURES])
def test_fixture_compiles_and_validates_with_debian_wabt(fixture, tmp_path) -> None:
    if fixture.loaded.is_binary:  # a compiled fixture is validated as it is
        wabt_validate(fixture.path.read_bytes())
        return
    expanded = tmp_path / fixture.path.name
    expanded.write_text(fixture.text, "utf-8")
    wabt_validate(wabt_wat2wasm(expanded))


def test_a_broken_fixture_does_not_compile() -> None:
    broken = FIXTURES[0].text.replace("(i32.const 1))", "(i32.const 1)", 1)
    with pytest.raises(WasmError):
        compile_wat(broken)
