"""HostConfig(epoch_interruption=True): guests run normally, and a driver can preempt a spinning guest."""

from __future__ import annotations

import pytest
import wasmtime

from conformance.wasm import compile_wat
from reference_host import HostConfig, ReferenceHost

from .guest import Guest, manifest_code
from .thunk import thunk_guest

SPIN = '(module (func (export "spin") (loop $l (br $l))))'


def test_guests_run_without_a_deadline_being_set() -> None:
    with ReferenceHost(HostConfig(epoch_interruption=True)) as host, host.instantiate(thunk_guest()) as inst:
        host.engine.increment_epoch()
        assert Guest(inst, "hive.test", 8080).call("drop_future", handle=1) == manifest_code("NotFound")


def test_a_spinning_guest_is_interrupted_at_its_deadline() -> None:
    with ReferenceHost(HostConfig(epoch_interruption=True)) as host, host.instantiate(compile_wat(SPIN)) as inst:
        inst.store.set_epoch_deadline(1)
        host.engine.increment_epoch()
        with pytest.raises(wasmtime.Trap) as trap:
            inst.call("spin")
        assert trap.value.trap_code == wasmtime.TrapCode.INTERRUPT


def test_default_engine_has_no_epoch_interruption() -> None:
    with ReferenceHost() as plain, ReferenceHost(HostConfig(epoch_interruption=True)) as epoch:
        assert plain.engine is not epoch.engine
