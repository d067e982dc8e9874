"""HiveSimulator: one lock around the hive state, the fault plan and the request log, shared by both backends.

A backend turns each HTTP request into a call of ``handle`` and carries out the Outcome on its transport;
everything a test can observe (answers, state changes, recording order) is decided here, once.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from ._faults import FaultPlan, faulted_answer
from ._records import HiveAddress, HiveResponse, RecordedRequest, RunState
from ._routes import UNKNOWN, match_route
from ._scenario import Fault, Scenario
from ._state import NO_BODY, HiveState, error_response

DATA_FAULTS = ("status", "malformed", "not_object", "truncated")


@dataclass(frozen=True)
class Outcome:
    """What a backend must do with a request: ``answer`` (send ``response``), ``refused`` (drop the connection
    as if nobody listened), ``hang`` (never answer; ``fault.delay`` is the respx wait) or ``aborted`` (the
    backend stopped while the request waited: close without an answer)."""

    kind: str
    response: HiveResponse | None = None
    fault: Fault | None = None


HOLD_POLL_SECONDS = 0.02  # how often a held request looks whether its client hung up

class Session:
    """One activation of a backend; stopping it wakes every request of it that waits (hold, latency, hang)."""

    def __init__(self) -> None:
        self.stopped = False


class _Ticket:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.released = False


class HiveSimulator:
    """A simulated hive (protocol v1 of docs/hive-protocol.md) behind respx or a loopback HTTP server."""

    def __init__(self, scenario: Scenario | None = None) -> None:
        scenario = scenario or Scenario()
        self._cond = threading.Condition(threading.Lock())
        self._state = HiveState(scenario)
        self._faults = FaultPlan(scenario.faults)
        self._requests: list[RecordedRequest] = []
        self._held: dict[str, list[_Ticket]] = {}
        self._abandoned: dict[str, list[_Ticket]] = {}

    # ---- backends -------------------------------------------------------------------------------------------
    def respx_backend(self, base_url: str = "http://hive.test:8080") -> AbstractContextManager[HiveAddress]:
        """Intercept httpx calls to ``base_url`` in this process (needs respx, a test dependency)."""
        from ._respx import respx_backend

        return respx_backend(self, base_url)

    def loopback_server(self, port: int = 0) -> AbstractContextManager[HiveAddress]:
        """Serve on 127.0.0.1 (``port`` 0: ephemeral) in daemon threads until the block exits."""
        from ._loopback import loopback_server

        return loopback_server(self, port)

    # ---- observation ----------------------------------------------------------------------------------------
    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request so far, in arrival order (a copy)."""
        with self._cond:
            return list(self._requests)

    def requests_for(self, route: str) -> list[RecordedRequest]:
        with self._cond:
            return [r for r in self._requests if r.route == route]

    def run(self, run_id: str) -> RunState:
        """The run's current state (a frozen copy); KeyError when the hive has no such run."""
        with self._cond:
            return self._state.runs[run_id]

    @property
    def run_ids(self) -> list[str]:
        with self._cond:
            return list(self._state.runs)

    def wait_for_requests(self, route: str | None = None, n: int = 1, timeout: float = 1.0) -> list[RecordedRequest]:
        """Block until ``n`` requests (on ``route``, or any) have arrived; returns them. TimeoutError otherwise."""
        return self._wait(
            lambda: [r for r in self._requests if route is None or r.route == route],
            n,
            timeout,
            f"{n} request(s) on {route or 'any route'}",
        )

    def wait_for_held(self, route: str, n: int = 1, timeout: float = 1.0) -> int:
        """Block until ``n`` requests on ``route`` wait in a ``hold`` fault; returns how many do."""
        held = self._wait(lambda: self._held.get(route, []), n, timeout, f"{n} held request(s) on {route}")
        return len(held)

    def abandoned(self, route: str) -> int:
        """How many held requests on ``route`` the client gave up on (hung up) before they were released."""
        with self._cond:
            return len(self._abandoned.get(route, []))

    def wait_for_abandoned(self, route: str, n: int = 1, timeout: float = 1.0) -> int:
        """Block until clients have hung up on ``n`` held requests on ``route`` (loopback only: respx has no
        connection to hang up). Shows that a host cancels its work, e.g. when its guest instance is closed."""
        gone = self._wait(lambda: self._abandoned.get(route, []), n, timeout, f"{n} abandoned request(s) on {route}")
        return len(gone)

    def _wait(self, select: Callable[[], list[Any]], n: int, timeout: float, what: str) -> list[Any]:
        with self._cond:
            if not self._cond.wait_for(lambda: len(select()) >= n, timeout=timeout):
                raise TimeoutError(f"hive simulator: waited {timeout} s for {what}; got {len(select())}")
            return list(select())

    # ---- control --------------------------------------------------------------------------------------------
    def set_fault(self, route: str, fault: Fault | None) -> None:
        """Replace the fault of ``route`` (None clears it); its ``times`` budget starts afresh."""
        with self._cond:
            self._faults.set(route, fault)

    def release(self, route: str) -> int:
        """Let every request now waiting in a ``hold`` fault on ``route`` proceed; returns how many."""
        with self._cond:
            tickets = self._held.pop(route, [])
            for ticket in tickets:
                ticket.released = True
            self._cond.notify_all()
            return len(tickets)

    # ---- backend interface: the public methods a transport (respx, loopback, or a new one) calls ----------
    def open_session(self) -> Session:
        """A session per started backend: stopping it releases and ends everything it still holds."""
        return Session()

    def close_session(self, session: Session) -> None:
        with self._cond:
            session.stopped = True
            for route, tickets in list(self._held.items()):
                self._held[route] = [t for t in tickets if t.session is not session]
            self._cond.notify_all()

    def wait_stopped(self, session: Session, seconds: float) -> bool:
        """Sleep up to ``seconds`` unless the session stops first; True when it stopped."""
        with self._cond:
            return self._cond.wait_for(lambda: session.stopped, timeout=seconds)

    def handle(
        self,
        session: Session,
        method: str,
        raw_path: str,
        body: bytes,
        headers: dict[str, str],
        client_gone: Callable[[], bool] | None = None,
    ) -> Outcome:
        """Record the request, apply its route's fault (waiting for hold/latency) and compute the answer.

        ``client_gone`` (loopback) tells whether the client hung up; a held request whose client hangs up
        counts as abandoned and ends without an answer."""
        match = match_route(method, raw_path)
        parsed = _parse_json(body)
        with self._cond:
            self._requests.append(
                RecordedRequest(
                    match.route,
                    method.upper(),
                    raw_path,
                    None if parsed is NO_BODY else parsed,
                    body,
                    match.run_id,
                    headers,
                )
            )
            self._cond.notify_all()
            if match.route == UNKNOWN:
                return Outcome("answer", error_response(404, "unknown_route", f"no route {method} {raw_path}"))
            if not match.method_allowed:
                return Outcome("answer", error_response(405, "method_not_allowed", f"{method} {raw_path}"))
            fault = self._faults.take(match.route)
            kind = fault.kind if fault else None
            if kind in ("refused", "hang"):
                return Outcome(kind, fault=fault)
            if kind == "hold":
                ticket = _Ticket(session)
                self._held.setdefault(match.route, []).append(ticket)
                self._cond.notify_all()
                poll = HOLD_POLL_SECONDS if client_gone else None  # respx: no connection to watch
                while not self._cond.wait_for(lambda: ticket.released or session.stopped, timeout=poll):
                    if client_gone and client_gone():
                        self._held[match.route] = [t for t in self._held.get(match.route, []) if t is not ticket]
                        self._abandoned.setdefault(match.route, []).append(ticket)
                        self._cond.notify_all()
                        return Outcome("aborted", fault=fault)
                if not ticket.released:
                    return Outcome("aborted", fault=fault)
            elif kind == "latency" and fault and self._cond.wait_for(lambda: session.stopped, timeout=fault.delay):
                return Outcome("aborted", fault=fault)
            if fault is not None and kind in DATA_FAULTS:
                normal = self._state.copy().answer(match.route, match.run_id, parsed)
                return Outcome("answer", faulted_answer(fault, normal), fault)
            return Outcome("answer", self._state.answer(match.route, match.run_id, parsed), fault)


def _parse_json(body: bytes) -> Any:
    if not body:
        return NO_BODY
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):  # deep nesting: not a body we serve
        return NO_BODY
