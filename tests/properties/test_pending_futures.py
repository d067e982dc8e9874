"""Futures held pending by the hive (hold fault): poll says not ready, take is Unavailable and keeps the
handle; after release, take succeeds once. Fails on a host whose early take is a host fault."""

from __future__ import annotations

import pytest
from hypothesis import Phase, settings

from conformance.fuzz.hosts import reference_host
from conformance.fuzz.properties import pending_futures
from conformance.fuzz.world import respx_world
from conformance.manifest import load_manifest
from tests.mutants.marshalling_mutants import MUTANTS

IMPORTS = load_manifest().imports


def test_pending_futures_follow_the_before_ready_clause():
    with respx_world(reference_host) as world:
        settings(max_examples=20)(pending_futures(world, IMPORTS))()


def test_a_take_before_ready_that_faults_is_caught():
    with (
        respx_world(MUTANTS["pending-take-faults"]) as world,
        pytest.raises(AssertionError, match="returned InternalError"),
    ):
        settings(max_examples=20, phases=(Phase.explicit, Phase.generate))(pending_futures(world, IMPORTS))()
