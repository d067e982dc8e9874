"""A fault inside the host becomes InternalError; no import ever returns a code outside the closed set."""

from __future__ import annotations

import logging

import pytest

from conformance.hive import HiveSimulator
from conformance.manifest import load_manifest
from reference_host import MlImports, ReferenceHost

from .guest import Guest, manifest_code
from .thunk import thunk_guest

INTERNAL = manifest_code("InternalError")


class RaisingImports(MlImports):
    def drop_future(self, handle: int) -> str:
        raise RuntimeError("boom")


class UndefinedCodeImports(MlImports):
    def drop_future(self, handle: int) -> str:
        return "NotARealCode"


@pytest.mark.parametrize("imports_class", [RaisingImports, UndefinedCodeImports])
def test_host_fault_is_internal_error(
    sim: HiveSimulator, imports_class: type[MlImports], caplog: pytest.LogCaptureFixture
) -> None:
    with (
        ReferenceHost(imports_class=imports_class) as host,
        sim.respx_backend() as address,
        host.instantiate(thunk_guest()) as inst,
    ):
        guest = Guest(inst, address.host, address.port)
        with caplog.at_level(logging.ERROR, logger="reference_host"):
            assert guest.call("drop_future", handle=1) == INTERNAL
        assert caplog.records, "the fault must be logged"
        assert guest.call("drop_future", handle=1) == INTERNAL  # the instance survives


def test_codes_are_in_the_closed_set_for_hostile_args(guest: Guest) -> None:
    allowed = load_manifest().allowed_error_values
    for imp in load_manifest().imports:
        for raw in (0, 1, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF):
            args = {p.name: raw if p.wasm == "i32" else raw | (raw << 32) for p in imp.params}
            assert guest.call(imp.name, **args) in allowed, (imp.name, raw)
