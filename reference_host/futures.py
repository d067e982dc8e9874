"""Per-instance tables of FutureHandles and TrainingHandles, and the process-wide handle counter.

A future's background work is a ``concurrent.futures.Future`` (the *job*) running in the instance's
bounded executor; several table entries may share one job (experiment_config's two futures come from
one GET). Polling only looks at ``job.done()``: it never waits.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from ._abi import AbiError

_counter = itertools.count(1)
_counter_lock = threading.Lock()


def next_handle() -> int:
    """A handle value never issued before in this process (FutureHandles and TrainingHandles alike)."""
    with _counter_lock:
        return next(_counter)


class FutureState(Enum):
    PENDING = "pending"
    READY = "ready"
    FAILED = "failed"


@dataclass
class FutureEntry:
    """One live FutureHandle: its kind (manifest future kind name) and how to get its output."""

    handle: int
    kind: str
    job: Future
    transform: Callable[[Any], Any] = field(default=lambda value: value)

    def state(self) -> tuple[FutureState, Any]:
        """(state, output) without blocking; a job error or a transform error means FAILED."""
        if not self.job.done():
            return FutureState.PENDING, None
        if self.job.cancelled() or self.job.exception() is not None:
            return FutureState.FAILED, None
        try:
            return FutureState.READY, self.transform(self.job.result())
        except Exception:
            return FutureState.FAILED, None


class FutureTable:
    """The live futures of one guest instance, bounded by `limit` (futures/outstanding-cap)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._entries: dict[int, FutureEntry] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def reserve(self, count: int) -> None:
        """Unavailable unless `count` more futures fit under the cap (checked before any request)."""
        if len(self._entries) + count > self.limit:
            raise AbiError("Unavailable", f"{len(self._entries)} futures outstanding (cap {self.limit})")

    def add(self, kind: str, job: Future, transform: Callable[[Any], Any] | None = None) -> int:
        handle = next_handle()
        self._entries[handle] = FutureEntry(handle, kind, job, transform or (lambda value: value))
        return handle

    def lookup(self, handle: int, kind: str | None = None) -> FutureEntry:
        """The live entry for `handle`: NotFound if none, InvalidArguments if it is of another kind."""
        entry = self._entries.get(handle)
        if entry is None:
            raise AbiError("NotFound", f"no live future {handle}")
        if kind is not None and entry.kind != kind:
            raise AbiError("InvalidArguments", f"future {handle} is a {entry.kind} future, not {kind}")
        return entry

    def poll_future(self, handle: int, kind: str) -> tuple[FutureState, Any]:
        """State and output of a live future; a failed one is HttpRequestFailed (every time)."""
        state, value = self.lookup(handle, kind).state()
        if state is FutureState.FAILED:
            raise AbiError("HttpRequestFailed", f"future {handle} failed")
        return state, value

    def take_future(self, handle: int, kind: str, check: Callable[[Any], None] | None = None) -> Any:
        """Consume a ready future and return its output.

        Pending -> Unavailable (kept). Failed -> HttpRequestFailed (consumed). `check` may reject the
        output for this call (raising AbiError) before anything is consumed.
        """
        entry = self.lookup(handle, kind)
        state, value = entry.state()
        if state is FutureState.PENDING:
            raise AbiError("Unavailable", f"future {handle} is not ready")
        if state is FutureState.FAILED:
            self._remove(handle)
            raise AbiError("HttpRequestFailed", f"future {handle} failed")
        if check is not None:
            check(value)
        self._remove(handle)
        return value

    def drop_future(self, handle: int) -> None:
        """Forget a live future (any state) and cancel its job unless another live future shares it."""
        self.lookup(handle)
        self._remove(handle)

    def _remove(self, handle: int) -> None:
        entry = self._entries.pop(handle)
        if not any(other.job is entry.job for other in self._entries.values()):
            entry.job.cancel()

    def close(self) -> None:
        """Cancel every job and forget every future (futures/instance-teardown)."""
        for entry in self._entries.values():
            entry.job.cancel()
        self._entries.clear()


@dataclass(frozen=True)
class RunRef:
    """What a TrainingHandle stands for: a run on a hive."""

    base_url: str
    run_id: str


class TrainingTable:
    """The TrainingHandles one guest instance holds, bounded so a guest cannot grow it without limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._runs: dict[int, RunRef] = {}

    def __len__(self) -> int:
        return len(self._runs)

    def check_room(self) -> None:
        if len(self._runs) >= self.limit:
            raise AbiError("Unavailable", f"{len(self._runs)} TrainingHandles held (cap {self.limit})")

    def add(self, run: RunRef) -> int:
        self.check_room()
        handle = next_handle()
        self._runs[handle] = run
        return handle

    def lookup(self, handle: int) -> RunRef:
        run = self._runs.get(handle)
        if run is None:
            raise AbiError("NotFound", f"no TrainingHandle {handle}")
        return run

    def remove(self, handle: int) -> None:
        self._runs.pop(handle, None)

    def close(self) -> None:
        self._runs.clear()
