"""route_path / route_method build the paths a conforming host sends, and the simulator maps them back."""

from __future__ import annotations

import pytest

from conformance.hive import ROUTES, route_method, route_path
from conformance.hive._routes import match_route


@pytest.mark.parametrize("route", ROUTES)
def test_every_route_round_trips_with_an_awkward_run_id(route):
    match = match_route(route_method(route), route_path(route, "a/b c?%"))
    assert (match.route, match.method_allowed) == (route, True)
    assert match.run_id == (None if route == "start" else "a/b c?%")


def test_paths_are_the_documented_ones():
    assert route_path("start") == "/api/v1/experiments"
    assert route_path("registry_snapshot", "run-1") == "/api/v1/registry/runs/run-1/snapshot"
    assert route_path("config", "a/b") == "/api/v1/runs/a%2Fb/config"


def test_an_empty_run_id_segment_matches_no_route():
    assert match_route("GET", "/api/v1/runs//config").route == "unknown"
