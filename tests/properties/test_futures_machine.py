"""The futures state machine on the reference host (two instances, respx hive), and on a host whose take
does not consume (it must fail there)."""

from __future__ import annotations

import pytest
from hypothesis import Phase, settings

from conformance.fuzz.checks import CallCheckFailed
from conformance.fuzz.hosts import reference_host
from conformance.fuzz.machine import categories, futures_machine
from conformance.fuzz.world import respx_world
from conformance.manifest import load_manifest
from tests.mutants.marshalling_mutants import MUTANTS


def test_every_import_has_a_machine_rule():
    cats = categories(load_manifest())
    assert sorted(i.key for group in cats.values() for i in group) == sorted(i.key for i in load_manifest().imports)
    assert all(cats.values())


def test_futures_lifecycle_follows_the_model():
    with respx_world(reference_host) as world:
        futures_machine(world, steps=15, max_examples=25)()


class _Caught(BaseException):
    """Stops Hypothesis at once (a BaseException is not a test failure it would replay or shrink)."""


def _first_failure(mutant: str) -> str:
    """Run the machine on a mutant until the first CallCheckFailed; readiness is timing, so a failing
    example may not replay exactly: the first failure stops the run instead of Hypothesis' replay."""
    with respx_world(MUTANTS[mutant]) as world:
        call = world.call

        def stop_at_first_failure(index, plan):
            try:
                return call(index, plan)
            except CallCheckFailed as exc:
                raise _Caught(exc) from None

        world.call = stop_at_first_failure
        with pytest.raises(_Caught) as info:
            settings(phases=(Phase.explicit, Phase.generate))(futures_machine(world, steps=15))()
    return str(info.value.args[0])


def test_machine_catches_a_take_that_does_not_consume():
    assert "NotFound" in _first_failure("take-does-not-consume")


def test_machine_catches_handles_shared_between_instances():
    assert "reused while live" in _first_failure("per-instance-handles")
