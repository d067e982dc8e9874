"""The call-thunk guest is generated from the manifest: one export per import with the same signature."""

from __future__ import annotations

import copy

from conformance.fuzz._thunk import PAGE_SIZE, thunk_export_name, thunk_wasm, thunk_wat
from conformance.manifest import load_manifest, manifest_from_data, read_raw
from conformance.wasm import compile_wat, interface, load_module, wabt_available, wabt_validate


def test_every_import_has_a_thunk_export_with_its_signature():
    m = load_manifest()
    iface = interface(load_module(thunk_wasm()))
    for imp in m.imports:
        exp = iface.export(thunk_export_name(imp))
        assert exp is not None and exp.func is not None, imp.key
        assert exp.func.params == imp.param_types and exp.func.results == imp.results, imp.key
        imported = [i for i in iface.imports if (i.module, i.name) == (imp.module, imp.field)]
        assert len(imported) == 1 and imported[0].func == exp.func


def test_thunk_exports_memory_and_imports_nothing_else():
    m = load_manifest()
    iface = interface(load_module(thunk_wasm()))
    assert iface.export("memory").kind == "memory"
    assert {(i.module, i.name) for i in iface.imports} == {(imp.module, imp.field) for imp in m.imports}
    assert '(memory (export "memory") 3 3)' in thunk_wat(m, pages=3)
    assert PAGE_SIZE == 65536


def test_a_new_manifest_import_gets_a_thunk_without_new_code():
    raw = copy.deepcopy(read_raw())
    extra = copy.deepcopy(next(i for i in raw["imports"] if i["name"] == "drop_future"))
    extra.update(name="drop_future_twice", field="ml__drop_future_twice")
    extra["clauses"] = [dict(c, id=c["id"].replace("drop_future", "drop_future_twice")) for c in extra["clauses"]]
    raw["imports"].append(extra)
    m = manifest_from_data(raw)
    iface = interface(load_module(compile_wat(thunk_wat(m))))
    assert iface.export("ark-ml-v1::ml__drop_future_twice").func.params == ("i64",)


def test_thunk_validates_with_debian_wabt():
    assert wabt_available(), "Debian wabt missing: run scripts/setup.sh"
    wabt_validate(thunk_wasm())
