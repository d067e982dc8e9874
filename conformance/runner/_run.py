"""Orchestration: select fixtures, apply expectations and host support, run cases on worker threads.

Why threads: each worker owns one adapter (one in-process host, or one host process), cases wait mostly
on the hive and on frame sleeps, and wasmtime releases the GIL while Wasm runs. Results come back in
fixture order whatever the scheduling, so reports are stable.
"""

from __future__ import annotations

import datetime
import fnmatch
import os
import queue
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from conformance.adapters import AdapterError, HostAdapter, HostInfo
from conformance.errors import HostUnavailable

from ._case import run_case
from ._expectations import Expectations, apply
from ._fixture import Fixture
from ._judge import Diagnostic
from ._outcome import PROGRESS_CHAR, Outcome
from ._results import CaseResult, RunResults, rerun_command


@dataclass(frozen=True)
class RunOptions:
    host_spec: str
    fixtures_dir: Path
    jobs: int = 0  # 0 -> os.cpu_count()
    pattern: str | None = None
    expectations: Expectations = field(default_factory=Expectations)
    progress: TextIO | None = None
    seed: int | None = None


def select(fixtures: list[Fixture], pattern: str | None) -> list[Fixture]:
    """`-k`: an exact fixture id selects that case alone; else an fnmatch pattern, or a substring."""
    if not pattern:
        return fixtures
    exact = [f for f in fixtures if f.id == pattern]
    if exact:
        return exact
    glob = pattern if any(ch in pattern for ch in "*?[") else f"*{pattern}*"
    return [f for f in fixtures if fnmatch.fnmatchcase(f.id, glob)]


def _host_dict(spec: str, info: HostInfo) -> dict:
    return {
        "spec": spec,
        "name": info.name,
        "version": info.version,
        "profiles": list(info.profiles),
        "features": list(info.features),
    }


def _execute(adapter: HostAdapter, fixture: Fixture, options: RunOptions) -> CaseResult:
    expectation = options.expectations.lookup(fixture.id)
    rerun = rerun_command(options.host_spec, str(options.fixtures_dir), fixture.id, options.expectations.source)
    base = {
        "id": fixture.id,
        "title": fixture.title,
        "path": str(fixture.path),
        "sha256": fixture.sha256,
        "clauses": list(fixture.clauses),
        "rerun": rerun,
    }
    if expectation is not None and expectation.status == "skip":
        return CaseResult(**base, outcome=Outcome.SKIP, duration_seconds=0.0, reason=expectation.reason)
    try:
        unsupported = adapter.info.supports(fixture.profile, fixture.features)
    except AdapterError as exc:  # a subprocess host that died and cannot be restarted
        return CaseResult(**base, outcome=Outcome.CRASH, duration_seconds=0.0, diagnostic=Diagnostic(f"host: {exc}"))
    if unsupported:
        return CaseResult(**base, outcome=Outcome.NOT_SUPPORTED, duration_seconds=0.0, reason=unsupported)
    started = time.monotonic()
    run = run_case(adapter, fixture, seed=options.seed)
    outcome = apply(expectation, run.outcome)
    reason = expectation.reason if expectation is not None and outcome in (Outcome.XFAIL, Outcome.XPASS) else None
    return CaseResult(
        **base,
        outcome=outcome,
        duration_seconds=time.monotonic() - started,
        diagnostic=run.diagnostic,
        reason=reason,
        steps=run.steps,
        hive_requests=run.hive_requests or [],
    )


def run_suite(fixtures: list[Fixture], options: RunOptions, adapter_factory: Callable[[], HostAdapter]) -> RunResults:
    """Run every fixture; one adapter per worker thread, each closed at the end."""
    started_at = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    started = time.monotonic()
    jobs = max(1, min(options.jobs or os.cpu_count() or 1, len(fixtures) or 1))
    todo: queue.Queue[tuple[int, Fixture]] = queue.Queue()
    for item in enumerate(fixtures):
        todo.put(item)
    results: list[CaseResult | None] = [None] * len(fixtures)
    lock = threading.Lock()
    errors: list[BaseException] = []

    def worker(adapter: HostAdapter) -> None:
        try:
            while True:
                try:
                    index, fixture = todo.get_nowait()
                except queue.Empty:
                    return
                result = _execute(adapter, fixture, options)
                with lock:
                    results[index] = result
                    if options.progress is not None:
                        options.progress.write(PROGRESS_CHAR[result.outcome])
                        options.progress.flush()
        except BaseException as exc:  # an internal error: surface it after the other workers finish
            errors.append(exc)
        finally:
            adapter.close()

    adapters = [adapter_factory() for _ in range(jobs)]
    try:
        info = adapters[0].info
    except AdapterError as exc:
        for adapter in adapters:
            adapter.close()
        raise HostUnavailable(f"host {options.host_spec!r} did not start: {exc}") from None
    threads = [threading.Thread(target=worker, args=(a,), daemon=True) for a in adapters]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if options.progress is not None:
        options.progress.write("\n")
    if errors:
        raise errors[0]
    return RunResults(
        host=_host_dict(options.host_spec, info),
        cases=[r for r in results if r is not None],
        duration_seconds=time.monotonic() - started,
        started_at=started_at,
        jobs=jobs,
        fixtures_dir=str(options.fixtures_dir),
        expectations=options.expectations.source,
    )


def default_progress() -> TextIO:
    return sys.stderr
