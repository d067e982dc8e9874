"""What the run loop tells the outside world: a reporter receives the run's events, in order.

Why an interface: the run loop knows no format. Progress on the terminal, results.json, JUnit, Markdown
and HTML (conformance/reports/) are reporters; a new format is a new reporter, never a run-loop edit.
Events are delivered one at a time (the run loop serialises them), from worker threads.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._fixture import Fixture
    from ._results import CaseResult, RunResults


class Reporter:
    """Every event is a no-op by default: a reporter overrides the ones it needs."""

    def run_started(self, fixtures: Sequence[Fixture], host: dict) -> None:
        """The selected fixtures are about to run on `host` (the results.json host object)."""

    def case_started(self, fixture: Fixture) -> None:
        """A worker began this case."""

    def case_done(self, result: CaseResult) -> None:
        """A case reached its outcome."""

    def run_done(self, results: RunResults) -> None:
        """The run ended (completely, or interrupted: `results.interrupted`)."""
