"""Fault plan: which fault the next request on a route gets, and the answers of the data faults.

Transport-level faults (refused, hang, hold, latency's wait) are carried out by the backends; the ones
that only change the answer (status, malformed, not_object, truncated) are computed here so both backends
send the same bytes.
Not thread-safe by itself: HiveSimulator calls it under its lock.
"""

from __future__ import annotations

from ._records import HiveResponse
from ._scenario import ROUTES, Fault
from ._state import error_response

MALFORMED_BODY = b"<html>this is not JSON</html>"
# JSON, but an array: every 2xx answer but the snapshot must be an object (hive/answers-json-object)
NOT_OBJECT_BODY = b'["not", "an", "object"]'
FAULT_ERROR_CODE = "injected_fault"


class FaultPlan:
    """Per-route faults with their remaining ``times`` budget (None: unlimited)."""

    def __init__(self, faults: dict[str, Fault]) -> None:
        self._faults: dict[str, Fault] = {}
        self._remaining: dict[str, int | None] = {}
        for route, fault in faults.items():
            self.set(route, fault)

    def set(self, route: str, fault: Fault | None) -> None:
        if route not in ROUTES:
            raise ValueError(f"unknown route {route!r}; routes: {', '.join(ROUTES)}")
        self._faults.pop(route, None)
        self._remaining.pop(route, None)
        if fault is not None:
            self._faults[route] = fault
            self._remaining[route] = fault.times

    def take(self, route: str) -> Fault | None:
        """The fault for the next request on ``route``, spending one of its ``times``."""
        fault = self._faults.get(route)
        if fault is None:
            return None
        remaining = self._remaining[route]
        if remaining is not None:
            if remaining <= 0:
                return None
            self._remaining[route] = remaining - 1
        return fault


def faulted_answer(fault: Fault, normal: HiveResponse) -> HiveResponse:
    """The answer of a data fault (status, malformed, not_object, truncated), given the answer the request would get."""
    if fault.kind == "status":
        assert fault.status is not None  # the schema requires it
        return error_response(fault.status, FAULT_ERROR_CODE, fault.message or f"injected status {fault.status}")
    if fault.kind == "malformed":
        return HiveResponse(200, MALFORMED_BODY, "application/json")
    if fault.kind == "not_object":
        return HiveResponse(200, NOT_OBJECT_BODY, "application/json")
    if fault.kind == "truncated":
        return HiveResponse(200, normal.body[: len(normal.body) // 2], normal.content_type)
    raise ValueError(f"{fault.kind!r} is not a data fault")
