"""Orchestration: select fixtures, apply expectations and host support, run cases on worker threads.

Why threads: each worker owns one adapter (one in-process host, or one host process), cases wait mostly
on the hive and on frame sleeps, and wasmtime releases the GIL while Wasm runs. Results come back in
fixture order whatever the scheduling, so reports are stable. The loop knows no report format: it
feeds its events to reporters (conformance/runner/_reporter.py).
"""

from __future__ import annotations

import contextlib
import datetime
import os
import queue
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from conformance.adapters import AdapterError, HostAdapter, HostInfo
from conformance.errors import HostUnavailable

from ._case import run_case
from ._expectations import Expectations, apply
from ._fixture import Fixture, matching_stems
from ._judge import Diagnostic
from ._outcome import Outcome
from ._reporter import Reporter
from ._results import CaseResult, RunResults, Selection, fixture_set_digest, rerun_command

STOP_GRACE_SECONDS = 0.25  # after Ctrl-C, how long running cases may still finish before the run gives up on them
POLL_SECONDS = 0.1  # the main thread wakes this often, so Ctrl-C is seen at once


@dataclass(frozen=True)
class RunOptions:
    host_spec: str
    fixtures_dir: Path
    jobs: int = 0  # 0 -> os.cpu_count()
    pattern: str | None = None
    expectations: Expectations = field(default_factory=Expectations)
    seed: int | None = None  # None: a fresh random case_seed per case (recorded in results and rerun)


def select(fixtures: list[Fixture], pattern: str | None) -> list[Fixture]:
    """`-k`: an exact fixture id selects that case alone; else an fnmatch pattern, or a substring (the rule
    `matching_stems` applies to file names before loading, so both select the same cases)."""
    wanted = set(matching_stems([f.id for f in fixtures], pattern))
    return [f for f in fixtures if f.id in wanted]


def planned_jobs(jobs: int, selected: int) -> int:
    """Worker threads (= adapters) a run of `selected` cases uses: `--jobs` (0: the CPU count), at most one
    per case."""
    return max(1, min(jobs or os.cpu_count() or 1, selected or 1))


def _host_dict(spec: str, info: HostInfo) -> dict:
    return {
        "spec": spec,
        "name": info.name,
        "version": info.version,
        "profiles": list(info.profiles),
        "features": list(info.features),
        "limits": dict(info.limits),  # what the host says it applies; the cap fixtures assume the manifest's
    }


def execute_case(adapter: HostAdapter, fixture: Fixture, options: RunOptions) -> CaseResult:
    """One fixture on one adapter, expectations and host support applied: the unit a worker (or the pytest
    plugin) runs."""
    expectation = options.expectations.lookup(fixture.id)
    seed = options.seed if options.seed is not None else random.randrange(1 << 32)
    base = {
        "id": fixture.id,
        "title": fixture.title,
        "path": str(fixture.path),
        "sha256": fixture.sha256,
        "clauses": list(fixture.clauses),
        "profile": fixture.profile,
        "features": list(fixture.features),
    }

    def rerun(case_seed: int | None) -> str:
        return rerun_command(
            options.host_spec, str(options.fixtures_dir), fixture.id, options.expectations.source, case_seed
        )

    def not_run(outcome: Outcome, **why: object) -> CaseResult:
        return CaseResult(**base, outcome=outcome, duration_seconds=0.0, rerun=rerun(None), **why)  # type: ignore[arg-type]

    if expectation is not None and expectation.status == "skip":
        return not_run(Outcome.SKIP, reason=expectation.reason)
    try:
        unsupported = adapter.info.supports(fixture.profile, fixture.features)
    except AdapterError as exc:  # a subprocess host that died and cannot be restarted
        return not_run(Outcome.CRASH, diagnostic=Diagnostic(f"host: {exc}"))
    if unsupported:
        return not_run(Outcome.NOT_SUPPORTED, reason=unsupported)
    started = time.monotonic()
    run = run_case(adapter, fixture, seed=seed)
    outcome = apply(expectation, run.outcome)
    reason = expectation.reason if expectation is not None and outcome in (Outcome.XFAIL, Outcome.XPASS) else None
    return CaseResult(
        **base,
        outcome=outcome,
        duration_seconds=time.monotonic() - started,
        rerun=rerun(seed),
        diagnostic=run.diagnostic,
        reason=reason,
        steps=run.steps,
        hive_requests=run.hive_requests or [],
        seed=seed,
    )


class _Events:
    """Delivers reporter events one at a time. On Ctrl-C the run first drains (no new case starts, cases
    that finish within the grace still count), then stops (nothing more is recorded or reported)."""

    def __init__(self, reporters: Sequence[Reporter]) -> None:
        self.reporters = list(reporters)
        self.lock = threading.Lock()
        self.draining = threading.Event()
        self.stopped = threading.Event()

    def emit(self, event: str, *args: object) -> bool:
        with self.lock:
            if self.stopped.is_set():
                return False
            for reporter in self.reporters:
                getattr(reporter, event)(*args)
            return True


def run_suite(
    fixtures: list[Fixture],
    options: RunOptions,
    adapter_factory: Callable[[], HostAdapter],
    reporters: Sequence[Reporter] = (),
    corpus: Sequence[tuple[str, str]] | None = None,
) -> RunResults:
    """Run the fixtures `options.pattern` selects from `fixtures` (the whole set, or, with `corpus` the
    (id, sha256) of the whole set, at least the selected ones); one adapter per worker thread. Ctrl-C
    stops the run within a second and returns the cases done so far, marked interrupted."""
    started_at = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    started = time.monotonic()
    selected = select(fixtures, options.pattern)
    selection = Selection(
        fixtures_dir=str(options.fixtures_dir),
        pattern=options.pattern,
        corpus_size=len(corpus) if corpus is not None else len(fixtures),
        fixture_set_sha256=fixture_set_digest(corpus if corpus is not None else [(f.id, f.sha256) for f in fixtures]),
        expectations=options.expectations.source,
    )
    jobs = planned_jobs(options.jobs, len(selected))
    todo: queue.Queue[tuple[int, Fixture]] = queue.Queue()
    for item in enumerate(selected):
        todo.put(item)
    results: list[CaseResult | None] = [None] * len(selected)
    events = _Events(reporters)
    errors: list[BaseException] = []

    def worker(adapter: HostAdapter) -> None:
        try:
            while not events.draining.is_set():
                try:
                    index, fixture = todo.get_nowait()
                except queue.Empty:
                    return
                events.emit("case_started", fixture)
                result = execute_case(adapter, fixture, options)
                with events.lock:
                    if events.stopped.is_set():
                        return
                    results[index] = result
                    for reporter in events.reporters:
                        reporter.case_done(result)
        except BaseException as exc:  # an internal error: surface it after the other workers finish
            if not events.stopped.is_set():
                errors.append(exc)
        finally:
            with contextlib.suppress(Exception):
                adapter.close()

    adapters = [adapter_factory() for _ in range(jobs)]
    try:
        info = adapters[0].info
    except AdapterError as exc:
        for adapter in adapters:
            adapter.close()
        raise HostUnavailable(f"host {options.host_spec!r} did not start: {exc}") from None
    host = _host_dict(options.host_spec, info)
    events.emit("run_started", selected, host)
    threads = [threading.Thread(target=worker, args=(a,), daemon=True) for a in adapters]
    for t in threads:
        t.start()
    interrupted = _wait(threads, events)
    if errors:
        raise errors[0]
    run = RunResults(
        host=host,
        cases=[r for r in results if r is not None],
        duration_seconds=time.monotonic() - started,
        started_at=started_at,
        jobs=jobs,
        selection=selection,
        interrupted=interrupted,
    )
    for reporter in events.reporters:
        reporter.run_done(run)
    return run


def _wait(threads: list[threading.Thread], events: _Events) -> bool:
    """Join the workers; on Ctrl-C stop handing out cases, give running ones a short grace, and return True."""
    try:
        while any(t.is_alive() for t in threads):
            for t in threads:
                t.join(POLL_SECONDS)
        return False
    except KeyboardInterrupt:
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        events.draining.set()
        for t in threads:
            t.join(max(0.0, deadline - time.monotonic()))
        with events.lock:
            events.stopped.set()
        return True
