"""Hive -> guest: what the respx-mocked hive returns lands byte-exact in guest memory at the manifest's
offsets, and every take consumes its handle. One simulator per example, so no other respx mock may be
active in this module."""

from __future__ import annotations

from hypothesis import settings

from conformance.fuzz.hosts import reference_host
from conformance.fuzz.properties import results_round_trip
from conformance.fuzz.world import host_world


def test_guest_memory_receives_exactly_what_the_hive_returned():
    with host_world(reference_host) as world:
        settings(max_examples=25)(results_round_trip(world))()  # ~12 calls per example
