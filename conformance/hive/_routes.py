"""Route table of hive protocol v1: (method, path) -> route name and the percent-decoded run_id.

Shared by both backends so that they name routes identically.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote

UNKNOWN = "unknown"

# route name -> (method, path segments after /api/v1, with "{run_id}" where the run id goes)
ROUTE_TABLE: dict[str, tuple[str, tuple[str, ...]]] = {
    "start": ("POST", ("experiments",)),
    "connect": ("POST", ("runs", "{run_id}", "connect")),
    "config": ("GET", ("runs", "{run_id}", "config")),
    "stop": ("POST", ("runs", "{run_id}", "stop")),
    "disconnect": ("POST", ("runs", "{run_id}", "disconnect")),
    "registry_config": ("GET", ("registry", "runs", "{run_id}", "config")),
    "registry_snapshot": ("GET", ("registry", "runs", "{run_id}", "snapshot")),
    "workers": ("GET", ("runs", "{run_id}", "workers")),
}
PREFIX = ("api", "v1")


@dataclass(frozen=True)
class RouteMatch:
    """The route a request path names; ``method_allowed`` is False when the path matches with another method."""

    route: str
    run_id: str | None
    method_allowed: bool


def match_route(method: str, raw_path: str) -> RouteMatch:
    """Match a raw (still percent-encoded) path; the query string, if any, is ignored."""
    path = raw_path.split("?", 1)[0]
    segments = tuple(path.split("/")[1:]) if path.startswith("/") else ()
    if segments[: len(PREFIX)] != PREFIX:
        return RouteMatch(UNKNOWN, None, True)
    rest = segments[len(PREFIX) :]
    for name, (route_method, pattern) in ROUTE_TABLE.items():
        if len(pattern) != len(rest):
            continue
        run_id = None
        for want, got in zip(pattern, rest, strict=True):
            if want == "{run_id}":
                if not got:
                    break
                run_id = unquote(got)
            elif want != got:
                break
        else:
            return RouteMatch(name, run_id, method.upper() == route_method)
    return RouteMatch(UNKNOWN, None, True)


def route_path(route: str, run_id: str | None = None) -> str:
    """The path of ``route`` for ``run_id`` (percent-encoded), as a conforming host sends it."""
    _, pattern = ROUTE_TABLE[route]
    parts = [quote(run_id or "", safe="") if p == "{run_id}" else p for p in pattern]
    return "/" + "/".join((*PREFIX, *parts))


def route_method(route: str) -> str:
    return ROUTE_TABLE[route][0]
