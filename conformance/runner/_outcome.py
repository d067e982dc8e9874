"""Case outcomes and what they mean for the run's exit code.

Why a closed set: the JUnit, JSON and Markdown reports and the exit code all derive from these nine
words, so a host author reads the same verdict everywhere. `error` is kept apart from `crash` (as
wptrunner keeps ERROR apart from CRASH) so that a suite bug is never charged to the host under test.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from enum import StrEnum


class Outcome(StrEnum):
    PASS = "pass"  # every check held
    FAIL = "fail"  # a check did not hold: the host does not conform (diagnostic names the clause)
    SKIP = "skip"  # the expectations file skips the case (with a reason)
    NOT_SUPPORTED = "not_supported"  # the host declares the fixture's profile or feature unsupported
    XFAIL = "xfail"  # failed, and the expectations file says it is expected to (with a reason)
    XPASS = "xpass"  # passed although expected to fail: the expectation is stale
    TIMEOUT = "timeout"  # the case exceeded its deadline or step budget
    CRASH = "crash"  # the guest trapped, the host died or refused to instantiate the module
    ERROR = "error"  # the fixture or the suite is at fault (broken fixture, runner bug): says nothing about the host


# The order outcomes are listed in summaries.
ORDER = tuple(Outcome)
# `error` is bad too: a run with a broken case proves nothing about that case, so it can never pass.
BAD = frozenset({Outcome.FAIL, Outcome.XPASS, Outcome.TIMEOUT, Outcome.CRASH, Outcome.ERROR})


def exit_code(outcomes: Iterable[Outcome]) -> int:
    """0 when no case failed, xpassed, timed out, crashed or errored; otherwise 1.

    An `error` gives 1 as well (it cannot certify anything), although the host is not to blame:
    `error_line` says so on its own line.
    """
    return 1 if any(o in BAD for o in outcomes) else 0


def summary(outcomes: Iterable[Outcome]) -> str:
    """`3 passed, 1 failed, ...`: every outcome that occurred, in ORDER."""
    words = {
        Outcome.PASS: "passed",
        Outcome.FAIL: "failed",
        Outcome.SKIP: "skipped",
        Outcome.NOT_SUPPORTED: "not supported",
        Outcome.XFAIL: "xfailed",
        Outcome.XPASS: "xpassed",
        Outcome.TIMEOUT: "timed out",
        Outcome.CRASH: "crashed",
        Outcome.ERROR: "errored",
    }
    counts = Counter(outcomes)
    parts = [f"{counts[o]} {words[o]}" for o in ORDER if counts[o]]
    return ", ".join(parts) if parts else "no cases"


def error_line(outcomes: Iterable[Outcome]) -> str | None:
    """The line summaries print on its own when cases errored (None otherwise): not the host's fault."""
    errors = sum(1 for o in outcomes if o is Outcome.ERROR)
    if not errors:
        return None
    cases = "case" if errors == 1 else "cases"
    return f"{errors} {cases} errored: the fixture or the suite is at fault, not the host; the run cannot pass"


PROGRESS_CHAR = {
    Outcome.PASS: ".",
    Outcome.FAIL: "F",
    Outcome.SKIP: "s",
    Outcome.NOT_SUPPORTED: "n",
    Outcome.XFAIL: "x",
    Outcome.XPASS: "X",
    Outcome.TIMEOUT: "T",
    Outcome.CRASH: "C",
    Outcome.ERROR: "E",
}
