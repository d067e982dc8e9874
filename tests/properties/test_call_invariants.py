"""Every import, any raw arguments, on the reference host with the respx hive: every invariant holds.

(documented ErrorCode from the closed set, never a trap or host exception, nothing written on error,
nothing written outside the out slot on Success: checks.check_call, by full memory snapshot diff.)
"""

from __future__ import annotations

import pytest

from conformance.fuzz.hosts import reference_host
from conformance.fuzz.properties import any_call_keeps_invariants, two_instances_any_calls
from conformance.fuzz.world import respx_world
from conformance.manifest import load_manifest

IMPORTS = load_manifest().imports


@pytest.fixture(scope="module")
def world():
    with respx_world(reference_host) as w:
        yield w


@pytest.mark.parametrize("imp", IMPORTS, ids=lambda i: i.name)
def test_any_arguments_keep_every_invariant(world, imp):
    any_call_keeps_invariants(world, imp)()


def test_call_sequences_on_two_instances_keep_every_invariant(world):
    two_instances_any_calls(world, IMPORTS)()
