"""stop_experiment stops every remote worker on the hive and invalidates the TrainingHandle;
stop_training only disconnects. Fails on a host whose stop_experiment only disconnects."""

from __future__ import annotations

import pytest
from hypothesis import Phase, settings

from conformance.fuzz.hosts import reference_host
from conformance.fuzz.properties import stop_semantics
from conformance.fuzz.world import respx_world
from tests.mutants.marshalling_mutants import MUTANTS


def test_stop_semantics_with_remote_workers():
    with respx_world(reference_host) as world:
        settings(max_examples=15)(stop_semantics(world))()


def test_a_stop_that_only_disconnects_is_caught():
    stop_missing = r"0 requests on stop|still run"  # disconnect sent instead of stop, or workers left running
    with respx_world(MUTANTS["stop-only-disconnects"]) as world, pytest.raises(AssertionError, match=stop_missing):
        settings(max_examples=15, phases=(Phase.explicit, Phase.generate))(stop_semantics(world))()
