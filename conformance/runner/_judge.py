"""Judging: the guest's journal and the hive's observations against a fixture's expectations.

Pure functions of plain data (records, requests, worker states), so judging is identical for every adapter
and testable without Wasm. The first failure is the case's diagnostic; it names the clause, the call, the
expected and the actual value (docs/guest-protocol.md §5).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from conformance.guest_protocol import Record
from conformance.manifest import load_manifest

from ._fixture import Check, Fixture, HiveAssertion, Relation
from ._window import byte_mismatch


@dataclass(frozen=True)
class Diagnostic:
    """Why a case failed, in the ABI's words."""

    message: str
    clause: str | None = None
    call: str | None = None
    expected: str | None = None
    actual: str | None = None
    clause_text: str | None = None  # the manifest's wording of `clause`, filled in by `with_clause_text`
    where: str | None = None  # for byte mismatches: struct.field and byte range, or "canary"

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def with_clause_text(diagnostic: Diagnostic | None) -> Diagnostic | None:
    """The diagnostic with its clause's text quoted from the manifest (unchanged without a known clause)."""
    if diagnostic is None or diagnostic.clause is None or diagnostic.clause_text is not None:
        return diagnostic
    try:
        text = load_manifest().clause(diagnostic.clause).text
    except KeyError:
        return diagnostic
    return replace(diagnostic, clause_text=text)


@dataclass
class HiveObservation:
    """What the hive simulator saw during one case (built from it by the runner)."""

    requests: list[dict[str, Any]] = field(default_factory=list)  # {"route", "method", "path", "json"}
    workers: dict[str, list[str]] = field(default_factory=dict)  # run_id -> worker states
    started_runs: list[str] = field(default_factory=list)  # run ids the guest's start requests created
    abandoned: dict[str, int] = field(default_factory=dict)  # route -> held requests hung up on before close
    held: dict[str, int] = field(default_factory=dict)  # route -> requests waiting in a hold fault (snapshots)
    snapshots: dict[int, HiveObservation] = field(default_factory=dict)  # check id -> hive when first journaled


def code_label(value: int) -> str:
    """`InvalidArguments (5)`, or `not an ErrorCode (9)` for a value outside the closed set."""
    try:
        return f"{load_manifest().error_codes(value).name} ({value})"
    except ValueError:
        return f"not an ErrorCode ({value})"


def _hex(data: bytes | tuple[int | None, ...]) -> str:
    return " ".join("??" if b is None else f"{b:02x}" for b in data)


def _judge_check(check: Check, record: Record) -> Diagnostic | None:
    errors = load_manifest().error_codes
    expected = 0 if check.code is None else int(errors[check.code])  # an observation has no code to judge
    if check.code is not None and record.code != expected:
        clause = check.clause
        if record.code not in load_manifest().allowed_error_values:
            clause = "abi/error-codes/closed-set"
        return Diagnostic(
            f"check {check.id} ({check.label}): expected {code_label(expected)}, got {code_label(record.code)}",
            clause=clause,
            call=check.call,
            expected=code_label(expected),
            actual=code_label(record.code),
        )
    if check.bytes is None:
        return None
    if record.data_len != len(check.bytes):
        shown = _hex(record.data) + (" ..." if not record.complete else "")
        return Diagnostic(
            f"check {check.id} ({check.label}): guest recorded {record.data_len} bytes, the check pins "
            f"{len(check.bytes)} (broken fixture?)",
            clause=check.clause,
            call=check.call,
            expected=_hex(check.bytes),
            actual=shown,
        )
    mismatch = byte_mismatch(check, expected, record.data)
    if mismatch is None:
        return None
    return Diagnostic(
        f"check {check.id} ({check.label}): {mismatch.message}",
        clause=mismatch.clause,
        call=check.call,
        expected=_hex(check.bytes),
        actual=_hex(record.data),
        where=mismatch.where,
    )


def judge_journal(fixture: Fixture, records: list[Record]) -> Diagnostic | None:
    """Records in journal order; then checks that were never recorded (likely consequences of earlier ones)."""
    checks = {c.id: c for c in fixture.checks}
    counts = Counter(r.check_id for r in records)
    for record in records:
        if record.check_id not in checks:
            return Diagnostic(
                f"journal has a record for check {record.check_id}, which the fixture does not declare",
                actual=f"check {record.check_id}: {code_label(record.code)}",
            )
        check = checks[record.check_id]
        if counts[record.check_id] > 1:
            return Diagnostic(
                f"check {check.id} ({check.label}) was recorded {counts[record.check_id]} times, expected once",
                clause=check.clause,
                call=check.call,
                expected="1 record",
                actual=f"{counts[record.check_id]} records",
            )
        failure = _judge_check(check, record)
        if failure:
            return failure
    for check in fixture.checks:
        if counts[check.id] == 0:
            return Diagnostic(
                f"check {check.id} ({check.label}) was never recorded: the guest did not reach that point",
                clause=check.clause,
                call=check.call,
                expected=f"1 record with {check.code}" if check.code else "1 record",
                actual="no record",
            )
    return None


def _judge_relation(relation: Relation, records: list[Record]) -> Diagnostic | None:
    """`differ`: no two of the checks recorded the same bytes; `equal`: all recorded the same bytes.

    Compared as recorded (the declared length and the bytes read), so a relation needs no ad-hoc exit
    code in the guest; a check that was never recorded was already reported by `judge_journal`.
    """
    data = {r.check_id: (r.data_len, r.data) for r in records if r.check_id in relation.checks}
    ids = [cid for cid in relation.checks if cid in data]
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            same = data[a] == data[b]
            if same != (relation.kind == "equal"):
                verb = "recorded the same bytes" if same else "recorded different bytes"
                return Diagnostic(
                    f"relation: checks {a} and {b} {verb} ({_hex(data[a][1])} / {_hex(data[b][1])}); "
                    f"they must {relation.kind}" + (f" ({relation.note})" if relation.note else ""),
                    clause=relation.clause,
                    expected=f"checks {a}, {b}: {relation.kind}",
                    actual=f"{_hex(data[a][1])} / {_hex(data[b][1])}",
                )
    return None


def _subset_mismatch(want: dict[str, Any], got: Any) -> tuple[str, Any, Any] | None:
    if not isinstance(got, dict):
        return ("<body>", want, got)
    for key, value in want.items():
        if key not in got:
            return (key, value, "<missing>")
        if got[key] != value:
            return (key, value, got[key])
    return None


def _judge_hive(fixture: Fixture, hive: HiveAssertion, seen: HiveObservation) -> Diagnostic | None:
    clause = hive.clause or fixture.clauses[0]
    if hive.after_check is not None:
        if hive.after_check not in seen.snapshots:
            return Diagnostic(
                f"hive: no snapshot after check {hive.after_check}: the guest never journaled it",
                clause=clause,
                expected=f"check {hive.after_check} journaled",
                actual="no record",
            )
        seen = seen.snapshots[hive.after_check]
    when = f" (after check {hive.after_check})" if hive.after_check is not None else ""
    if hive.abandoned is not None and hive.route is not None:
        gone = seen.abandoned.get(hive.route, 0)
        if gone != hive.abandoned:
            return Diagnostic(
                f"hive: expected the host to hang up on {hive.abandoned} held {hive.route!r} request(s) before "
                f"its instance was closed, it hung up on {gone}: pending work not cancelled",
                clause=clause,
                expected=f"{hive.abandoned} abandoned",
                actual=f"{gone} abandoned",
            )
    if hive.held is not None and hive.route is not None:
        held = seen.held.get(hive.route, 0)
        if held != hive.held:
            return Diagnostic(
                f"hive: expected {hive.held} held {hive.route!r} request(s){when}, got {held}",
                clause=clause,
                expected=f"{hive.held} held",
                actual=f"{held} held",
            )
    if hive.route is not None:
        on_route = [r for r in seen.requests if r.get("route") == hive.route]
        if hive.count is not None and len(on_route) != hive.count:
            return Diagnostic(
                f"hive: expected {hive.count} {hive.route!r} request(s){when}, got {len(on_route)}",
                clause=clause,
                expected=f"{hive.count} {hive.route} request(s)",
                actual=f"{len(on_route)} {hive.route} request(s)",
            )
        if hive.json is not None or hive.json_null:
            want = {**(hive.json or {}), **dict.fromkeys(hive.json_null)}
            ordinal = f"request {hive.nth} of {len(on_route)}"
            if len(on_route) < hive.nth:
                return Diagnostic(
                    f"hive: expected {hive.route!r} request {hive.nth}{when} with body {want}, "
                    f"got {len(on_route)} request(s)",
                    clause=clause,
                    expected=str(want),
                    actual="no request",
                )
            mismatch = _subset_mismatch(want, on_route[hive.nth - 1].get("json"))
            if mismatch:
                key, want, got = mismatch
                return Diagnostic(
                    f"hive: {hive.route!r} {ordinal}{when}, body field {key!r}: expected {want!r}, got {got!r}",
                    clause=clause,
                    expected=repr(want),
                    actual=repr(got),
                )
    if hive.workers is not None:
        run_id = _run_of(hive, seen)
        if run_id is None or run_id not in seen.workers:
            which = f"started run {hive.started}" if hive.started else "started run"
            return Diagnostic(
                f"hive: no run {run_id or f'({which} missing)'} to count workers on{when}",
                clause=clause,
                expected=f"workers {hive.workers}",
                actual="no such run",
            )
        states = Counter(seen.workers[run_id])
        actual = {state: states.get(state, 0) for state in hive.workers}
        if actual != hive.workers:
            return Diagnostic(
                f"hive: run {run_id} workers{when} expected {hive.workers}, got {dict(states)}",
                clause=clause,
                expected=str(hive.workers),
                actual=str(dict(states)),
            )
    return None


def _run_of(hive: HiveAssertion, seen: HiveObservation) -> str | None:
    """The run an assertion counts workers on: named, the nth the guest started, or the last it started."""
    if hive.run_id:
        return hive.run_id
    if hive.started is not None:
        return seen.started_runs[hive.started - 1] if len(seen.started_runs) >= hive.started else None
    return seen.started_runs[-1] if seen.started_runs else None


def judge(fixture: Fixture, step_result: int, records: list[Record], seen: HiveObservation) -> Diagnostic | None:
    """The case's diagnostic, or None when it passes: the guest's verdict, its journal, then the hive.

    The diagnostic quotes its clause's text from the manifest, so a report reader need not look it up.
    """
    return with_clause_text(_first_failure(fixture, step_result, records, seen))


def _first_failure(
    fixture: Fixture, step_result: int, records: list[Record], seen: HiveObservation
) -> Diagnostic | None:
    if fixture.expect == "pass" and step_result != 1:
        return Diagnostic(
            f"the guest detected a failure itself: conformance_step returned {step_result}",
            clause=fixture.clauses[0],
            expected="1 (done)",
            actual=str(step_result),
        )
    if fixture.expect != "pass" and step_result != fixture.expect:
        return Diagnostic(
            f"the self-checking guest should report {fixture.expect}, conformance_step returned {step_result}",
            clause=fixture.clauses[0],
            expected=str(fixture.expect),
            actual=str(step_result),
        )
    failure = judge_journal(fixture, records)
    if failure:
        return failure
    for relation in fixture.relations:
        failure = _judge_relation(relation, records)
        if failure:
            return failure
    for hive in fixture.hive:
        failure = _judge_hive(fixture, hive, seen)
        if failure:
            return failure
    return None
