"""The terminal: what is happening now, and at the end what went wrong and what was slow.

Why a counter and slow-case notices: a dot per case says nothing about which case hangs. On a TTY one
status line is rewritten (`[37/74] start_training.success pass`); elsewhere (CI logs) a character per
case with the counter at each line end. Either way a case running longer than SLOW_SECONDS is named.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from typing import TextIO

from conformance.runner import BAD, PROGRESS_CHAR, CaseResult, Fixture, Outcome, Reporter, RunResults, error_line

SLOW_SECONDS = 2.0
WATCH_SECONDS = 0.25
LINE_WIDTH = 50
SLOWEST = 5
COLOURS = {"bad": "31", "pass": "32", "other": "33", "dim": "2"}


def use_colour(stream: TextIO, environ: dict[str, str] | None = None) -> bool:
    """Colour on a terminal, unless NO_COLOR is set to anything (https://no-color.org)."""
    env = os.environ if environ is None else environ
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not env.get("NO_COLOR")


class TerminalReporter(Reporter):
    def __init__(
        self,
        err: TextIO,
        out: TextIO,
        quiet: bool = False,
        colour: bool | None = None,
        slow_seconds: float = SLOW_SECONDS,
    ) -> None:
        self.err, self.out, self.quiet, self.slow_seconds = err, out, quiet, slow_seconds
        self.tty = bool(getattr(err, "isatty", None) and err.isatty())
        self.colour = use_colour(err) if colour is None else colour
        self.total = 0
        self.done = 0
        self.running: dict[str, float] = {}
        self.named: set[str] = set()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.watcher: threading.Thread | None = None

    def _paint(self, text: str, kind: str) -> str:
        return f"\x1b[{COLOURS[kind]}m{text}\x1b[0m" if self.colour else text

    def _kind(self, outcome: Outcome) -> str:
        return "pass" if outcome is Outcome.PASS else "bad" if outcome in BAD else "other"

    def run_started(self, fixtures: Sequence[Fixture], host: dict) -> None:
        self.total = len(fixtures)
        if not self.quiet:
            self.watcher = threading.Thread(target=self._watch, daemon=True)
            self.watcher.start()

    def case_started(self, fixture: Fixture) -> None:
        with self.lock:
            self.running[fixture.id] = time.monotonic()

    def case_done(self, result: CaseResult) -> None:
        with self.lock:
            self.running.pop(result.id, None)
            self.done += 1
            if self.quiet:
                return
            counter = f"[{self.done}/{self.total}]"
            if self.tty:
                word = self._paint(str(result.outcome), self._kind(result.outcome))
                self.err.write(f"\r\x1b[K{counter} {result.id} {word}")
                if result.outcome in BAD:
                    self.err.write("\n")
            else:
                self.err.write(PROGRESS_CHAR[result.outcome])
                if self.done % LINE_WIDTH == 0 or self.done == self.total:
                    self.err.write(f" {counter}\n")
            self.err.flush()

    def _watch(self) -> None:
        """Name each case that has run longer than `slow_seconds`, once."""
        while not self.stop.wait(WATCH_SECONDS):
            with self.lock:
                now = time.monotonic()
                for case_id, started in self.running.items():
                    if case_id not in self.named and now - started >= self.slow_seconds:
                        self.named.add(case_id)
                        notice = f"still running after {self.slow_seconds:g} s: {case_id}"
                        self.err.write(("\r\x1b[K" if self.tty else "\n") + self._paint(notice, "dim") + "\n")
                        self.err.flush()

    def run_done(self, results: RunResults) -> None:
        self.stop.set()
        if self.tty and not self.quiet:
            self.err.write("\r\x1b[K")
        elif not self.quiet and self.done % LINE_WIDTH and self.done != self.total:
            self.err.write(f" [{self.done}/{self.total}]\n")  # an interrupted run ends its line of characters
        if results.interrupted:
            self.err.write(self._paint(results.scope(), "bad") + "\n")
        for case in results.cases:
            if case.outcome in BAD:
                message = case.diagnostic.message if case.diagnostic else f"passed but expected to fail ({case.reason})"
                self.err.write(f"{self._paint(case.outcome.upper(), 'bad')} {case.id}: {message}\n")
                self.err.write(f"    rerun: {case.rerun}\n")
        slowest = sorted((c for c in results.cases if c.duration_seconds), key=lambda c: -c.duration_seconds)
        if slowest and not self.quiet:
            listed = ", ".join(f"{c.id} {c.duration_seconds:.2f} s" for c in slowest[:SLOWEST])
            self.err.write(f"slowest: {listed}\n")
        errored = error_line(results.outcomes)
        if errored:
            self.out.write(self._paint(errored, "bad") + "\n")
        verdicts = ", ".join(f"{p}: {v}" for p, v in results.verdicts.items())
        host = f"{results.host['name']} {results.host['version']}"
        self.out.write(f"{results.summary_line()} (host {host}; {verdicts})\n")
        self.err.flush()
        self.out.flush()
