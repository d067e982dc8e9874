"""Waiting for processes to end, by event rather than by polling: a test that checks no process outlived a
run gives the last SIGKILLed ones a moment to be torn down, and returns the instant they are (pidfds,
Linux 5.3+), instead of sleeping in steps."""

from __future__ import annotations

import contextlib
import os
import select
import signal
import time
from collections.abc import Callable, Iterable, Iterator


def wait_for_exit(pids: Iterable[int], seconds: float) -> None:
    """Until every process in `pids` has exited (or become a zombie), or `seconds` have passed."""
    fds: list[int] = []
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):  # already gone
            fds.append(os.pidfd_open(pid))
    deadline = time.monotonic() + seconds
    try:
        while fds and (remaining := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select(fds, [], [], remaining)
            for fd in ready:
                fds.remove(fd)
                os.close(fd)
    finally:
        for fd in fds:
            os.close(fd)


def still_alive(find: Callable[[], list[int]], seconds: float) -> list[int]:
    """`find()` (the live processes of interest) once those it names have had up to `seconds` to exit.

    `find` is asked again after each wait, so a process started meanwhile is waited for too, and a reused
    pid is judged by what `find` checks (a command line, an environment marker), not by the pid alone."""
    deadline = time.monotonic() + seconds
    while True:
        alive = find()
        remaining = deadline - time.monotonic()
        if not alive or remaining <= 0:
            return alive
        wait_for_exit(alive, remaining)


@contextlib.contextmanager
def sigint_inherited_as_default() -> Iterator[None]:
    """While a test starts a child it will interrupt with SIGINT: this process's SIGINT not ignored, so the
    child does not inherit an ignored SIGINT (exec keeps SIG_IGN) and Python installs its Ctrl-C handler.

    A suite started as a shell's background job (`pytest ... &`, nohup) runs with SIGINT ignored, and xdist
    workers inherit that: the child then never sees the Ctrl-C, and the test fails (or waits out its bound)
    for a reason that is not the command's."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
