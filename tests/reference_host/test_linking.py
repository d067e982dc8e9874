"""Linking: every manifest import is provided; anything else is a clear LinkError."""

from __future__ import annotations

import pytest

import reference_host
from conformance.manifest import load_manifest
from conformance.wasm import compile_wat
from reference_host import LinkError, ReferenceHost

from .thunk import thunk_guest


def test_every_manifest_import_links(host: ReferenceHost) -> None:
    with host.instantiate(thunk_guest()) as inst:
        for imp in load_manifest().imports:
            assert inst.has_export(f"call_{imp.name}")


def test_unknown_ark_import_is_a_link_error(host: ReferenceHost) -> None:
    wasm = compile_wat('(module (import "ark-ml-v2" "ml__no_such_fn" (func (param i32) (result i32))))')
    with pytest.raises(LinkError, match="ark-ml-v2::ml__no_such_fn"):
        host.instantiate(wasm)


def test_unknown_module_is_a_link_error(host: ReferenceHost) -> None:
    wasm = compile_wat(
        '(module (import "ark-core-v4" "core__take_host_return_vec" (func (param i32 i32) (result i32))))'
    )
    with pytest.raises(LinkError, match="ark-core-v4"):
        host.instantiate(wasm)


def test_wrong_signature_is_a_link_error(host: ReferenceHost) -> None:
    imp = load_manifest().import_named("drop_future")
    wasm = compile_wat(f'(module (import "{imp.module}" "{imp.field}" (func (param i32) (result i32))))')
    with pytest.raises(LinkError, match=imp.field):
        host.instantiate(wasm)


def test_name_and_version() -> None:
    info = reference_host.describe()
    assert info["name"] == "ark-ml-conformance reference host"
    assert ReferenceHost.name == info["name"]
    assert ReferenceHost.version == info["version"] == reference_host.VERSION


def test_profiles_and_features_cover_the_manifest(host: ReferenceHost) -> None:
    imports = load_manifest().imports
    assert set(host.profiles) == {imp.profile for imp in imports}
    assert set(host.features) == {f for imp in imports for f in imp.features}


def test_a_module_that_failed_to_link_fails_again(host: ReferenceHost) -> None:
    """check_imports remembers modules that link, never one that did not (the same Module object comes
    back from the compile cache, so a remembered failure would let the second instantiation through)."""
    wasm = compile_wat('(module (import "ark-ml-v2" "ml__not_twice" (func (param i32) (result i32))))')
    for _ in range(2):
        with pytest.raises(LinkError, match="ml__not_twice"):
            host.instantiate(wasm)


def test_a_module_that_links_is_instantiated_without_reading_its_imports(
    host: ReferenceHost, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Imports are read only to name the culprit of a failed link (docs/speed.md): a module that links is
    never inspected, and one that does not link still gets check_imports' LinkError."""
    from reference_host import host as host_module

    real_check = host_module.check_imports
    checked: list[object] = []

    def spy(module: object) -> None:
        checked.append(module)
        real_check(module)

    monkeypatch.setattr(host_module, "check_imports", spy)
    host.instantiate(compile_wat('(module (import "ark-ml-v2" "ml__stop_experiment" (func (param i64) (result i32))))'))
    assert checked == []
    with pytest.raises(LinkError, match="unknown import ark-ml-v2::nope"):
        host.instantiate(compile_wat('(module (import "ark-ml-v2" "nope" (func)))'))
    assert len(checked) == 1
