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
