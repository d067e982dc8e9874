"""Each property fails on a host with the matching bug (tests/mutants/marshalling_mutants.py).

A property that passes on the reference host and on a broken one would prove nothing; here each runs on
its mutant under the same CI profile and must raise.
"""

from __future__ import annotations

import pytest
from hypothesis import Phase, settings

from conformance.fuzz.properties import any_call_keeps_invariants, requests_round_trip, results_round_trip
from conformance.fuzz.world import host_world, respx_world
from conformance.manifest import load_manifest
from tests.mutants.marshalling_mutants import MUTANTS

imp = load_manifest().import_named


def _fails(prop) -> str:
    """Run ``prop`` without shrinking (a mutant's minimal example is not the point) and return its failure."""
    with pytest.raises(AssertionError) as info:
        settings(phases=(Phase.explicit, Phase.generate))(prop)()
    return str(info.value)


def test_missing_unsigned_mask_is_caught_by_the_request_round_trip():
    with respx_world(MUTANTS["no-unsigned-mask"]) as world:
        message = _fails(requests_round_trip(world, imp("start_training")))
    assert "hive received" in message


def test_unchecked_wrap_around_is_caught_by_the_call_invariants():
    with respx_world(MUTANTS["wrapping-bounds-check"]) as world:
        message = _fails(any_call_keeps_invariants(world, imp("set_worker_module_link")))
    assert "abi/pointers/bounds-checked" in message or "trapped" in message or "exception" in message


def test_out_write_one_byte_too_long_is_caught_by_the_snapshot_diff():
    with respx_world(MUTANTS["out-write-one-byte-too-long"]) as world:
        message = _fails(any_call_keeps_invariants(world, imp("connect_to_experiment")))
    assert "outside the out slot" in message or "bounds-checked" in message


def test_take_that_does_not_consume_is_caught_by_the_results_round_trip():
    with host_world(MUTANTS["take-does-not-consume"]) as world:
        message = _fails(results_round_trip(world))
    assert "NotFound" in message


def test_accepting_invalid_utf8_is_caught_by_the_call_invariants():
    with respx_world(MUTANTS["accepts-invalid-utf8"]) as world:
        message = _fails(any_call_keeps_invariants(world, imp("set_worker_module_link")))
    assert "abi/strings/utf8" in message
