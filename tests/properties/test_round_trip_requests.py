"""Guest -> hive: through the respx-mocked hive, a valid call sends exactly what the guest passed."""

from __future__ import annotations

import pytest

from conformance.fuzz.hosts import reference_host
from conformance.fuzz.properties import requests_round_trip
from conformance.fuzz.rules import load_rules
from conformance.fuzz.world import respx_world
from conformance.manifest import load_manifest

WIRED = [load_manifest().import_named(name) for name in load_rules().wire["routes"]]


@pytest.fixture(scope="module")
def world():
    with respx_world(reference_host) as w:
        yield w


@pytest.mark.parametrize("imp", WIRED, ids=lambda i: i.name)
def test_the_hive_receives_exactly_what_the_guest_passed(world, imp):
    requests_round_trip(world, imp)()
