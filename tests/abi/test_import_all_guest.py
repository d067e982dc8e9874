"""tests/data/guests/import_all.wat is the manifest's generated all-imports guest, and the manifest's own."""

from __future__ import annotations

from conformance.lowering import lower_import
from conformance.manifest import load_manifest
from conformance.validator import import_all_wat
from conformance.wasm import compile_wat, interface, load_module

from ._data import GUESTS


def test_committed_file_equals_the_generated_one():
    assert (GUESTS / "import_all.wat").read_text("utf-8") == import_all_wat(load_manifest())


def test_its_binary_imports_are_the_lowered_signatures():
    m = load_manifest()
    iface = interface(load_module(compile_wat((GUESTS / "import_all.wat").read_text("utf-8"))))
    found = {(i.module, i.name): (i.func.params, i.func.results) for i in iface.imports if i.func is not None}
    lowered = {(imp.module, imp.field): lower_import(imp, m) for imp in m.imports}
    want = {key: (sig.param_types, sig.results) for key, sig in lowered.items()}
    assert found == want
